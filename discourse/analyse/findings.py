"""The official findings of one article without the comment analysis: voices, figures, meta.

``discourse findings`` prints this; it needs no sentiment scorer or codebook, so it is quick
to run over a folder of pages to check what the voice rules and the statistics reader make
of them. (``discourse analyse`` computes the same things inside ``discourse.pipeline``.)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from discourse.analyse.metadata import describe_article
from discourse.analyse.results import (
    VOICES,
    ArticleMeta,
    Sentence,
    Statistic,
    Voice,
    VoiceAttribution,
)
from discourse.analyse.sentences import split_sentences
from discourse.analyse.voices import attribute_voices
from discourse.analyse.workforce import extract_statistics
from discourse.model import Article


@dataclass(frozen=True, slots=True)
class VoicedSentence:
    """A body sentence with its block index and its voice."""

    block: int
    sentence: Sentence
    voice: VoiceAttribution


@dataclass(frozen=True, slots=True)
class ArticleFindings:
    """Voices, workforce figures and inspection metadata of one article."""

    article: str
    title: str
    meta: ArticleMeta
    sentences: tuple[VoicedSentence, ...]
    statistics: tuple[Statistic, ...]

    def voice_counts(self) -> dict[Voice, int]:
        """Sentences per voice, every voice listed (zero where none)."""
        counts = Counter(item.voice.voice for item in self.sentences)
        return {voice: counts.get(voice, 0) for voice in VOICES}


def official_findings(article: Article) -> ArticleFindings:
    """Attribute the body's voices and read its figures and inspection metadata.

    Args:
        article: a parsed article.

    Returns:
        The findings; ``statistics`` rows carry the article's first council unless a
        sentence names another.
    """
    sentences = [split_sentences(block.text) for block in article.body]
    voices = attribute_voices(article.body, sentences)
    meta = describe_article(article)
    voiced = tuple(
        VoicedSentence(index, sentence, voice)
        for index, (block_sentences, block_voices) in enumerate(zip(sentences, voices, strict=True))
        for sentence, voice in zip(block_sentences, block_voices, strict=True)
    )
    return ArticleFindings(
        article=article.name,
        title=article.title,
        meta=meta,
        sentences=voiced,
        statistics=extract_statistics(article.body, meta.councils, sentences),
    )


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "GBP":
        return f"£{value:,.0f}"
    return f"{value:g}"


def format_findings(findings: ArticleFindings, *, sentences: bool = False) -> str:
    """Render findings as plain text for a terminal.

    Args:
        findings: one article's findings.
        sentences: also list every body sentence with its voice and cue.

    Returns:
        Lines of text ending with a newline.
    """
    meta = findings.meta
    lines = [
        f"{findings.article}: {findings.title}",
        f"  council: {', '.join(meta.councils) or '-'}   rating: {meta.rating or '-'}   "
        f"inspection: {meta.inspection_type or '-'}",
        "  voices (sentences): "
        + ", ".join(f"{voice} {count}" for voice, count in findings.voice_counts().items()),
    ]
    if findings.statistics:
        header = ("council", "metric", "value", "unit", "period", "comparator", "comp. value")
        rows = [
            (
                row.council or "(national)",
                row.metric,
                _number(row.value, row.unit),
                row.unit,
                row.period or "",
                row.comparator or "",
                _number(row.comparator_value, row.unit),
            )
            for row in findings.statistics
        ]
        widths = [max(len(cells[i]) for cells in [header, *rows]) for i in range(len(header))]
        lines.append("  statistics:")
        for cells in [header, *rows]:
            lines.append("    " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    else:
        lines.append("  statistics: none")
    if sentences:
        lines.append("  sentences:")
        for item in findings.sentences:
            mark = "Q" if item.voice.quoted else " "
            lines.append(
                f"    [{item.block}] {item.voice.voice:<12} {mark} {item.sentence.text}"
                f"  <{item.voice.cue}>"
            )
    return "\n".join(line.rstrip() for line in lines) + "\n"
