"""The line of ``analysis.jsonl``: one article's full record as a JSON object.

The line is written with its newline in one piece: adding it after would copy the line (about
100 KB for an article with 25 comments). It is built as UTF-8 bytes, each piece encoded as it
is written: nearly every article holds a character outside ASCII (a curly quote), which made
its whole line a two-byte string that the file then encoded character by character (11
instructions a character, a million an article); a piece without one is copied as it is.

Most of the record is written as JSON text directly, with the encoder's own string escaping
and float form: that took a quarter less time than building a dict per sentence and hit for
the encoder to walk. Escaping and encoding are the dearest part of writing a text, so each
paragraph of the article (body blocks, comments' paragraphs) is escaped and encoded once, for
the ``parse`` section (``discourse.ingest.serialise.article_json``), and its sentences reuse
it. The small sections
(``meta``, ``statistics``) are plain dicts encoded in one call.
Each result object carries its dataclass's fields in declaration order, with their names as
keys; ``tests/test_tables.py`` checks the whole line against ``json`` of
``dataclasses.asdict`` of every result type, so a field added to a result and not here, or a
character written differently, fails the tests.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any

from discourse.analyse.results import (
    ArticleAnalysis,
    ArticleMeta,
    BodySentence,
    CommentAnalysis,
    ScoredSentence,
    Statistic,
    ThemeHit,
)
from discourse.ingest.serialise import article_json, json_utf8
from discourse.memo import score_memo
from discourse.model import BodyBlock

# The record is plain values built fresh for each article, so it cannot contain a cycle: the
# encoder's cycle check is skipped.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)
# The encoder's own pieces, for the parts written as JSON text: a string, quoted and escaped
# as ``_ENCODER`` does (``ensure_ascii=False``), and a float in its form (``float.__repr__``;
# scores are always finite, and an ``int`` here would raise rather than pass unnoticed).
_text = encode_basestring


# What JSON escapes: the control characters, the double quote and the backslash (in UTF-8,
# these bytes stand only for themselves).
_ESCAPED = bytes(range(0x20)) + b'"\\'


def _paragraph(text: str) -> bytes:
    """``json_utf8`` for a paragraph, which seldom needs escaping."""
    raw = text.encode()
    # Finding that nothing needs escaping, on the bytes, took a third of the time of escaping
    # (encode_basestring reads each character twice: 35 instructions a character).
    if len(raw.translate(None, _ESCAPED)) == len(raw):
        return b'"%b"' % raw
    return json_utf8(text)


def _float(score: float) -> bytes:
    return float.__repr__(score).encode()


# Labels, voices, cues, stances, roles, comment ids and speakers recur: their JSON is kept.
# Bounded so memory stays flat on any corpus.
_short = lru_cache(maxsize=4096)(json_utf8)
# Sentence scores recur: their text is kept. Bounded so memory stays flat on any corpus.
_sentence_score = score_memo(4096, _float)


# A corpus's hits share a few hundred (theme, matched, rule) triples: their text is kept.
# Bounded so memory stays flat on any corpus.
@lru_cache(maxsize=4096)
def _hit_ends(theme: str, matched: tuple[str, ...], rule: str) -> tuple[bytes, bytes]:
    """The JSON of a hit before its sentence, and after its span."""
    return (
        f'{{"theme": {_text(theme)}, "matched": [{", ".join(map(_text, matched))}], '
        '"sentence": '.encode(),
        f', "rule": {_text(rule)}}}'.encode(),
    )


def _hit(hit: ThemeHit, sentence: str, written: bytes) -> bytes:
    """A hit of the sentence ``sentence``, which is ``written`` in JSON."""
    # A hit's sentence is its scored sentence's text: written once for both.
    in_json = written if hit.sentence == sentence else json_utf8(hit.sentence)
    before, after = _hit_ends(hit.theme, hit.matched, hit.rule)
    return b'%b%b, "start": %d, "end": %d%b' % (before, in_json, hit.start, hit.end, after)


def _scored(sentence: ScoredSentence, paragraph: str, written_paragraph: bytes) -> bytes:
    """A sentence of ``paragraph``, which is ``written_paragraph`` in JSON."""
    text = sentence.text
    # Escaping and encoding are most of the cost of writing a text: a sentence that is its
    # whole paragraph has the paragraph's JSON, and one inside a paragraph that needed no
    # escaping (every escape has a backslash, and a backslash is escaped) needs none.
    if text == paragraph:
        written = written_paragraph
    elif b"\\" not in written_paragraph and paragraph.startswith(text, sentence.start):
        written = b'"%b"' % text.encode()
    else:
        written = json_utf8(text)
    # Half the sentences have no hit: no list to build for them.
    hits = b", ".join([_hit(hit, text, written) for hit in sentence.hits]) if sentence.hits else b""
    return (
        b'{"paragraph": %d, "index": %d, "text": %b, "start": %d, "end": %d, '
        b'"sentiment": %b, "label": %b, "hits": [%b]}'
        % (
            sentence.paragraph,
            sentence.index,
            written,
            sentence.start,
            sentence.end,
            _sentence_score(sentence.sentiment),
            _short(sentence.label),
            hits,
        )
    )


def _themes(comment: CommentAnalysis) -> frozenset[str]:
    # ``comment.themes`` from the sentences' hits directly, without the tuple of all its hits
    # that the property builds first.
    return frozenset({hit.theme for sentence in comment.sentences for hit in sentence.hits})


# Comments share a few hundred theme sets: their JSON is kept (a look-up instead of sorting
# and writing them, 5,000 instructions). Bounded so memory stays flat on any corpus.
@lru_cache(maxsize=4096)
def _theme_list(themes: frozenset[str]) -> bytes:
    # Sorted so every run writes the same.
    return ", ".join(map(_text, sorted(themes))).encode()


def _comment(
    comment: CommentAnalysis, paragraphs: Sequence[str], written: Sequence[bytes]
) -> bytes:
    """A comment whose ``paragraphs`` are ``written`` in JSON."""
    claim, stance = comment.practitioner, comment.stance
    sentences = b", ".join(
        [
            _scored(sentence, paragraphs[sentence.paragraph], written[sentence.paragraph])
            for sentence in comment.sentences
        ]
    )
    return (
        b'{"comment_id": %b, "sentences": [%b], "sentiment": %b, "label": %b, '
        b'"practitioner": %b, "stance": {"stance": %b, "cue": %b}, "themes": [%b]}'
        % (
            _short(comment.comment_id),
            sentences,
            _float(comment.sentiment),
            _short(comment.label),
            b"null"
            if claim is None
            else b'{"role": %b, "cue": %b}' % (_short(claim.role), _short(claim.cue)),
            _short(stance.stance),
            _short(stance.cue),
            # Not a field: the union of the sentences' themes.
            _theme_list(_themes(comment)),
        )
    )


def _body(sentence: BodySentence, blocks: Sequence[BodyBlock], written: Sequence[bytes]) -> bytes:
    """A body sentence of an article whose ``blocks`` are ``written`` in JSON."""
    scored, voice = sentence.scored, sentence.voice
    block = scored.paragraph
    return b'{"scored": %b, "voice": {"voice": %b, "cue": %b, "quoted": %b, "speaker": %b}}' % (
        _scored(scored, blocks[block].text, written[block]),
        _short(voice.voice),
        _short(voice.cue),
        b"true" if voice.quoted else b"false",
        b"null" if voice.speaker is None else _short(voice.speaker),
    )


def _statistic(figure: Statistic) -> dict[str, Any]:
    return {
        "council": figure.council,
        "metric": figure.metric,
        "value": figure.value,
        "unit": figure.unit,
        "period": figure.period,
        "comparator": figure.comparator,
        "comparator_value": figure.comparator_value,
        "sentence": figure.sentence,
    }


def _meta(meta: ArticleMeta) -> dict[str, Any]:
    return {
        "councils": meta.councils,
        "rating": meta.rating,
        "inspection_type": meta.inspection_type,
    }


def analysis_line(analysis: ArticleAnalysis) -> bytes:
    """The line of ``analysis.jsonl`` for one article, with its newline, in UTF-8.

    Args:
        analysis: the article's analysis.

    Returns:
        A JSON object: ``article`` (the name), ``parse`` (the ``discourse parse`` shape of
        the article), ``meta``, ``comments`` (each with its sentences and hits, practitioner
        claim and stance, and its ``themes``), ``body`` (scored sentences with their voice)
        and ``statistics``; each result object has its dataclass's fields, in order.
    """
    article = analysis.article
    blocks = [_paragraph(block.text) for block in article.body]
    paragraphs = [list(map(_paragraph, comment.paragraphs)) for comment in article.comments]
    by_id = {
        comment.id: (comment.paragraphs, written)
        for comment, written in zip(article.comments, paragraphs, strict=True)
    }
    comments = [_comment(comment, *by_id[comment.comment_id]) for comment in analysis.comments]
    body = [_body(sentence, article.body, blocks) for sentence in analysis.body]
    encode = _ENCODER.encode
    statistics = encode([_statistic(figure) for figure in analysis.statistics])
    return (
        b'{"article": %b, "parse": %b, "meta": %b, "comments": [%b], "body": [%b], '
        b'"statistics": %b}\n'
        % (
            json_utf8(article.name),
            article_json(article, blocks, paragraphs),
            encode(_meta(analysis.meta)).encode(),
            b", ".join(comments),
            b", ".join(body),
            statistics.encode(),
        )
    )
