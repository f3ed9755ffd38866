"""The line of ``analysis.jsonl``: one article's full record as a JSON object.

The record is built as plain dicts, lists and tuples (which ``json`` writes as arrays) and
encoded in one call, so the encoder's own loop walks it without calling back into Python.
Each result object carries its dataclass's fields in declaration order, with their names as
keys; ``tests/test_tables.py`` checks this against ``dataclasses.asdict`` of every result
type, so a field added to a result and not here fails the tests.
"""

from __future__ import annotations

import json
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


def _hit(hit: ThemeHit) -> dict[str, Any]:
    return {
        "theme": hit.theme,
        "matched": hit.matched,
        "sentence": hit.sentence,
        "start": hit.start,
        "end": hit.end,
        "rule": hit.rule,
    }


def _scored(sentence: ScoredSentence) -> dict[str, Any]:
    return {
        "paragraph": sentence.paragraph,
        "index": sentence.index,
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "sentiment": sentence.sentiment,
        "label": sentence.label,
        "hits": [_hit(hit) for hit in sentence.hits],
    }


def _comment(comment: CommentAnalysis) -> dict[str, Any]:
    claim, stance = comment.practitioner, comment.stance
    return {
        "comment_id": comment.comment_id,
        "sentences": [_scored(sentence) for sentence in comment.sentences],
        "sentiment": comment.sentiment,
        "label": comment.label,
        "practitioner": None if claim is None else {"role": claim.role, "cue": claim.cue},
        "stance": {"stance": stance.stance, "cue": stance.cue},
        # Not a field: the union of the sentences' themes, sorted so every run writes the same.
        "themes": sorted(comment.themes),
    }


def _body(sentence: BodySentence) -> dict[str, Any]:
    voice = sentence.voice
    return {
        "scored": _scored(sentence.scored),
        "voice": {
            "voice": voice.voice,
            "cue": voice.cue,
            "quoted": voice.quoted,
            "speaker": voice.speaker,
        },
    }


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
    return _ENCODER.encode(
        {
            "article": analysis.article.name,
            "parse": article_to_dict(analysis.article),
            "meta": _meta(analysis.meta),
            "comments": [_comment(comment) for comment in analysis.comments],
            "body": [_body(sentence) for sentence in analysis.body],
            "statistics": [_statistic(figure) for figure in analysis.statistics],
        }
    )
