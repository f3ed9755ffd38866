"""The line of ``analysis.jsonl``: one article's full record as a JSON object.

Most of the record is built as plain dicts, lists and tuples (which ``json`` writes as arrays)
and encoded in one call, so the encoder's own loop walks it without calling back into Python.
The sentences (a hundred or so per article, each with its hits) are the exception: they are
written as JSON text directly, with the encoder's own string escaping and float form, which
took a quarter less time than building a dict per sentence and hit for the encoder to walk.
Each result object carries its dataclass's fields in declaration order, with their names as
keys; ``tests/test_tables.py`` checks the whole line against ``json`` of
``dataclasses.asdict`` of every result type, so a field added to a result and not here, or a
character written differently, fails the tests.
"""

from __future__ import annotations

import json
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
from discourse.ingest import article_to_dict

# The record is plain values built fresh for each article, so it cannot contain a cycle: the
# encoder's cycle check is skipped.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)
# The encoder's own pieces, for the parts written as JSON text: a string, quoted and escaped
# as ``_ENCODER`` does (``ensure_ascii=False``), and a float in its form (``float.__repr__``;
# scores are always finite, and an ``int`` here would raise rather than pass unnoticed).
_text = encode_basestring
_float = float.__repr__


def _hit(hit: ThemeHit, sentence: str, written: str) -> str:
    """A hit of the sentence ``sentence``, which is ``written`` in JSON."""
    # A hit's sentence is its scored sentence's text: written once for both.
    in_json = written if hit.sentence == sentence else _text(hit.sentence)
    return (
        f'{{"theme": {_text(hit.theme)}, "matched": [{", ".join(map(_text, hit.matched))}], '
        f'"sentence": {in_json}, "start": {hit.start}, "end": {hit.end}, '
        f'"rule": {_text(hit.rule)}}}'
    )


def _scored(sentence: ScoredSentence) -> str:
    text = sentence.text
    written = _text(text)
    hits = ", ".join([_hit(hit, text, written) for hit in sentence.hits])
    return (
        f'{{"paragraph": {sentence.paragraph}, "index": {sentence.index}, '
        f'"text": {written}, "start": {sentence.start}, "end": {sentence.end}, '
        f'"sentiment": {_float(sentence.sentiment)}, "label": {_text(sentence.label)}, '
        f'"hits": [{hits}]}}'
    )


def _comment(comment: CommentAnalysis) -> str:
    claim, stance = comment.practitioner, comment.stance
    return (
        f'{{"comment_id": {_text(comment.comment_id)}, '
        f'"sentences": [{", ".join(map(_scored, comment.sentences))}], '
        f'"sentiment": {_float(comment.sentiment)}, "label": {_text(comment.label)}, '
        + (
            '"practitioner": null, '
            if claim is None
            else f'"practitioner": {{"role": {_text(claim.role)}, "cue": {_text(claim.cue)}}}, '
        )
        + f'"stance": {{"stance": {_text(stance.stance)}, "cue": {_text(stance.cue)}}}, '
        # Not a field: the union of the sentences' themes, sorted so every run writes the same.
        f'"themes": [{", ".join(map(_text, sorted(comment.themes)))}]}}'
    )


def _body(sentence: BodySentence) -> str:
    voice = sentence.voice
    speaker = "null" if voice.speaker is None else _text(voice.speaker)
    return (
        f'{{"scored": {_scored(sentence.scored)}, "voice": {{"voice": {_text(voice.voice)}, '
        f'"cue": {_text(voice.cue)}, "quoted": {"true" if voice.quoted else "false"}, '
        f'"speaker": {speaker}}}}}'
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


def analysis_json(analysis: ArticleAnalysis) -> str:
    """The line of ``analysis.jsonl`` for one article (without the newline).

    Args:
        analysis: the article's analysis.

    Returns:
        A JSON object: ``article`` (the name), ``parse`` (the ``discourse parse`` shape of
        the article), ``meta``, ``comments`` (each with its sentences and hits, practitioner
        claim and stance, and its ``themes``), ``body`` (scored sentences with their voice)
        and ``statistics``; each result object has its dataclass's fields, in order.
    """
    encode = _ENCODER.encode
    return (
        f'{{"article": {_text(analysis.article.name)}, '
        f'"parse": {encode(article_to_dict(analysis.article))}, '
        f'"meta": {encode(_meta(analysis.meta))}, '
        f'"comments": [{", ".join(map(_comment, analysis.comments))}], '
        f'"body": [{", ".join(map(_body, analysis.body))}], '
        f'"statistics": {encode([_statistic(figure) for figure in analysis.statistics])}}}'
    )
