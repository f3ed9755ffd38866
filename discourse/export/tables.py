"""The tables of ``discourse analyse``, written row by row and moved into place on success.

Five files per run, one block of rows per article as it is analysed (memory does not grow with
the corpus):

- ``comments.csv``: one row per comment (``COMMENT_COLUMNS``, a ``theme_<id>`` column per
  codebook theme before ``themes``);
- ``sentences.csv``: one row per body sentence (``SENTENCE_COLUMNS``, theme columns likewise);
- ``statistics.csv``: one row per official workforce figure (``STATISTIC_COLUMNS``);
- ``articles.csv``: one row per article (``ARTICLE_COLUMNS``);
- ``analysis.jsonl``: the full record of each article, one JSON object per line.

Each file is written to a hidden temporary file in the output folder and renamed over the
final name only when the ``TableWriter`` block ends without an error, so a failed run leaves
the previous outputs (or nothing) and never a half-written table. CSV cells go through
``csvsafe.neutralise``; the files are UTF-8 without a byte-order mark, comma-separated with
minimal quoting, so ``csv`` and pandas read them with their defaults.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from discourse.analyse.results import ArticleAnalysis, ScoredSentence, ThemeHit
from discourse.errors import OutputError
from discourse.export.atomic import PendingFile
from discourse.export.csvsafe import Cell, neutralise
from discourse.ingest import article_to_dict

COMMENT_COLUMNS_BEFORE_THEMES = (
    "article",
    "comment_id",
    "number",
    "parent_id",
    "depth",
    "author",
    "posted",
    "practitioner",
    "practitioner_role",
    "practitioner_cue",
    "stance",
    "stance_cue",
    "sentiment",
    "sentiment_label",
    "sentences",
)
SENTENCE_COLUMNS_BEFORE_THEMES = (
    "article",
    "sentence_id",
    "paragraph",
    "kind",
    "voice",
    "voice_cue",
    "quoted",
    "speaker",
    "sentiment",
    "sentiment_label",
)
AFTER_THEMES = ("themes", "evidence", "text")
STATISTIC_COLUMNS = (
    "article",
    "council",
    "metric",
    "value",
    "unit",
    "period",
    "comparator",
    "comparator_value",
    "sentence",
)
ARTICLE_COLUMNS = (
    "article",
    "source",
    "title",
    "published",
    "publication",
    "council",
    "rating",
    "inspection_type",
    "comments",
    "declared_comments",
    "practitioner_comments",
)
OUTPUT_FILES = ("comments.csv", "sentences.csv", "statistics.csv", "articles.csv", "analysis.jsonl")

# VADER itself reports compound scores to four decimals; more digits would be noise.
SCORE_DIGITS = 4
# Several values in one cell (councils, themes, evidence groups).
LIST_SEPARATOR = "; "


def theme_columns(themes: Sequence[str]) -> tuple[str, ...]:
    """The 0/1 theme columns, in codebook order.

    Args:
        themes: the codebook's theme ids.

    Returns:
        ``("theme_<id>", …)``.
    """
    return tuple(f"theme_{theme}" for theme in themes)


def comment_columns(themes: Sequence[str]) -> tuple[str, ...]:
    """The header of ``comments.csv`` for a codebook's themes."""
    return COMMENT_COLUMNS_BEFORE_THEMES + theme_columns(themes) + AFTER_THEMES


def sentence_columns(themes: Sequence[str]) -> tuple[str, ...]:
    """The header of ``sentences.csv`` for a codebook's themes."""
    return SENTENCE_COLUMNS_BEFORE_THEMES + theme_columns(themes) + AFTER_THEMES


def evidence_text(hits: Iterable[ThemeHit]) -> str:
    """Summarise theme evidence for a CSV cell: ``theme: matched, matched; theme: matched``.

    The full evidence (sentence, span and codebook rule of every hit) is in ``analysis.jsonl``.

    Args:
        hits: theme hits in text order.

    Returns:
        One group per theme in order of first hit, each with its distinct matched words.
    """
    groups: dict[str, dict[str, None]] = {}
    for hit in hits:
        matched = groups.setdefault(hit.theme, {})
        for words in hit.matched:
            matched[words] = None
    return LIST_SEPARATOR.join(f"{theme}: {', '.join(words)}" for theme, words in groups.items())


def _theme_cells(present: frozenset[str], themes: Sequence[str]) -> list[Cell]:
    return [int(theme in present) for theme in themes]


def _theme_list(present: frozenset[str], themes: Sequence[str]) -> str:
    # Codebook order, not set order, so the cell is the same in every run.
    return ";".join(theme for theme in themes if theme in present)


def comment_rows(analysis: ArticleAnalysis, themes: Sequence[str]) -> Iterator[list[Cell]]:
    """Rows of ``comments.csv`` for one article (see ``comment_columns``)."""
    article = analysis.article
    name = article.name  # a property that parses the source path: once per article
    by_id = {comment.id: comment for comment in article.comments}
    for measured in analysis.comments:
        comment = by_id[measured.comment_id]
        present = measured.themes
        claim = measured.practitioner
        yield [
            name,
            comment.id,
            comment.number,
            comment.parent,
            comment.depth,
            comment.author,
            comment.posted,
            claim is not None,
            claim.role if claim else None,
            claim.cue if claim else None,
            measured.stance.stance,
            measured.stance.cue,
            round(measured.sentiment, SCORE_DIGITS),
            measured.label,
            len(measured.sentences),
            *_theme_cells(present, themes),
            _theme_list(present, themes),
            evidence_text(measured.hits),
            comment.text,
        ]


def sentence_rows(analysis: ArticleAnalysis, themes: Sequence[str]) -> Iterator[list[Cell]]:
    """Rows of ``sentences.csv`` for one article (see ``sentence_columns``)."""
    article = analysis.article
    name = article.name
    for sentence in analysis.body:
        scored: ScoredSentence = sentence.scored
        voice = sentence.voice
        present = scored.themes
        yield [
            name,
            scored.index,
            scored.paragraph,
            article.body[scored.paragraph].kind,
            voice.voice,
            voice.cue,
            voice.quoted,
            voice.speaker,
            round(scored.sentiment, SCORE_DIGITS),
            scored.label,
            *_theme_cells(present, themes),
            _theme_list(present, themes),
            evidence_text(scored.hits),
            scored.text,
        ]


def statistic_rows(analysis: ArticleAnalysis) -> Iterator[list[Cell]]:
    """Rows of ``statistics.csv`` for one article (see ``STATISTIC_COLUMNS``)."""
    name = analysis.article.name
    for figure in analysis.statistics:
        yield [
            name,
            figure.council,
            figure.metric,
            figure.value,
            figure.unit,
            figure.period,
            figure.comparator,
            figure.comparator_value,
            figure.sentence,
        ]


def article_row(analysis: ArticleAnalysis) -> list[Cell]:
    """The row of ``articles.csv`` for one article (see ``ARTICLE_COLUMNS``)."""
    article, meta = analysis.article, analysis.meta
    return [
        article.name,
        article.source,
        article.title,
        article.published,
        article.publication,
        LIST_SEPARATOR.join(meta.councils),
        meta.rating,
        meta.inspection_type,
        len(article.comments),
        article.declared_comments,
        sum(1 for comment in analysis.comments if comment.practitioner is not None),
    ]


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, or None for any other type (asked once per type)."""
    return tuple(field.name for field in fields(kind)) if is_dataclass(kind) else None


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """Turn result dataclasses into JSON-ready values (faster than ``dataclasses.asdict``).

    Most values are scalars: they are answered inline, without a call, which is most of the
    time a record takes (hundreds of thousands of values per hundred articles).
    """
    kind: type = type(value)
    if kind in _SCALARS:
        return value
    names = _field_names(kind)
    if names is not None:
        return {
            name: item if type(item := getattr(value, name)) in _SCALARS else _plain(item)
            for name in names
        }
    if isinstance(value, tuple | list):
        return [item if type(item) in _SCALARS else _plain(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def analysis_record(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The full JSON record of one article, as written to ``analysis.jsonl``.

    Args:
        analysis: the article's analysis.

    Returns:
        ``article`` (the name), ``parse`` (the ``discourse parse`` shape of the article),
        ``meta``, ``comments`` (each with its sentences and hits, practitioner claim and
        stance, and its ``themes``), ``body`` (scored sentences with their voice) and
        ``statistics``.
    """
    comments = []
    for comment in analysis.comments:
        record = _plain(comment)
        record["themes"] = sorted(comment.themes)
        comments.append(record)
    return {
        "article": analysis.article.name,
        "parse": article_to_dict(analysis.article),
        "meta": _plain(analysis.meta),
        "comments": comments,
        "body": _plain(analysis.body),
        "statistics": _plain(analysis.statistics),
    }


@dataclass(frozen=True, slots=True)
class RenderedArticle:
    """One article's lines for each table (``OUTPUT_FILES`` order), ready to append.

    Rendering is most of the cost of writing; with ``--jobs N`` it happens in the worker
    that analysed the article, so the main process only appends text (and never unpickles
    the analysis).
    """

    source: str
    warnings: tuple[str, ...]
    comments: int
    body_sentences: int
    statistics: int
    chunks: tuple[str, ...]


def _safe_rows(source: Iterable[list[Cell]]) -> Iterator[list[str | int | float]]:
    # Numbers (most cells: the theme flags) are safe as they are; skipping the call for them
    # halves the cost of a row. ``type(cell) is int`` is False for a bool, which
    # ``neutralise`` writes as 1/0.
    return (
        [cell if type(cell) is int or type(cell) is float else neutralise(cell) for cell in row]
        for row in source
    )


def _csv_text(rows: Iterable[list[str | int | float]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def render(analysis: ArticleAnalysis, themes: Sequence[str]) -> RenderedArticle:
    """Render one article's rows of every table (CSV lines and the JSON line).

    Args:
        analysis: the article's analysis.
        themes: the codebook's theme ids (the ``theme_<id>`` columns).

    Returns:
        The article's text for each file, with its counts and parse warnings.
    """
    record = json.dumps(analysis_record(analysis), ensure_ascii=False)
    return RenderedArticle(
        source=analysis.article.source,
        warnings=analysis.article.warnings,
        comments=len(analysis.comments),
        body_sentences=len(analysis.body),
        statistics=len(analysis.statistics),
        chunks=(
            _csv_text(_safe_rows(comment_rows(analysis, themes))),
            _csv_text(_safe_rows(sentence_rows(analysis, themes))),
            _csv_text(_safe_rows(statistic_rows(analysis))),
            _csv_text(_safe_rows([article_row(analysis)])),
            record + "\n",
        ),
    )


class TableWriter:
    """Write the five tables of a run, atomically.

    Use as a context manager; call ``write`` once per article, in order. On a clean exit
    every temporary file is renamed over its final name; if the block raises, the
    temporary files are removed and any previous outputs are left untouched.

    Example::

        with TableWriter(out_dir, themes=[theme.id for theme in codebook.themes]) as tables:
            for analysis in analyses:
                tables.write(analysis)
    """

    def __init__(self, out_dir: Path, themes: Sequence[str]) -> None:
        """Prepare a writer (nothing touches the disk before ``__enter__``).

        Args:
            out_dir: the output folder (created if missing).
            themes: the codebook's theme ids, giving the ``theme_<id>`` columns.
        """
        self.out_dir = out_dir
        self.themes = tuple(themes)
        self._pending: dict[str, PendingFile] = {}
        self.articles = 0

    @property
    def paths(self) -> tuple[Path, ...]:
        """The final paths of the five files."""
        return tuple(self.out_dir / name for name in OUTPUT_FILES)

    def __enter__(self) -> TableWriter:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"cannot create folder: {error.strerror}", path=self.out_dir
            ) from None
        try:
            for name in OUTPUT_FILES:
                self._open(name)
        except OutputError:
            self._discard()
            raise
        headers = {
            "comments.csv": comment_columns(self.themes),
            "sentences.csv": sentence_columns(self.themes),
            "statistics.csv": STATISTIC_COLUMNS,
            "articles.csv": ARTICLE_COLUMNS,
        }
        with self._guarded():
            for name, header in headers.items():
                self._pending[name].handle.write(_csv_text([list(header)]))
        return self

    def _open(self, name: str) -> None:
        self._pending[name] = PendingFile(self.out_dir / name)

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """Report a failed write as an ``OutputError`` naming the output folder."""
        try:
            yield
        except OSError as error:
            raise OutputError(f"cannot write: {error.strerror}", path=self.out_dir) from None

    def write(self, analysis: ArticleAnalysis | RenderedArticle) -> None:
        """Append one article's rows to every table.

        Args:
            analysis: the article's analysis, or its rows already rendered (``render``).

        Raises:
            OutputError: a file cannot be written (disk full, permissions).
        """
        if not isinstance(analysis, RenderedArticle):
            analysis = render(analysis, self.themes)
        with self._guarded():
            for name, chunk in zip(OUTPUT_FILES, analysis.chunks, strict=True):
                self._pending[name].handle.write(chunk)
        self.articles += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            # Flush every table before the first rename: a full disk shows up here, while
            # no earlier output has been replaced yet.
            for pending in self._pending.values():
                pending.handle.close()
        except OSError as failure:
            self._discard()
            raise OutputError(f"cannot write: {failure.strerror}", path=self.out_dir) from None
        try:
            for pending in self._pending.values():
                pending.commit()
        finally:
            self._discard()

    def _discard(self) -> None:
        """Close and delete every temporary file not yet committed."""
        for pending in self._pending.values():
            pending.discard()
        self._pending.clear()
