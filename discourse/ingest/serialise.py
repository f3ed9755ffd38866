"""The ``discourse parse`` JSON shape of an article (documented in README "discourse parse").

Other tools and later stages read this shape: change it only with the README.
``article_to_dict`` gives it as a dict (for ``discourse parse``); ``article_json`` writes the
same object as JSON text for ``analysis.jsonl``, where the texts are already written as JSON
strings (the record writes each paragraph once and reuses it for its sentences).
``tests/test_ingest_serialise.py`` checks that the two agree, character for character.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from itertools import starmap
from json.encoder import encode_basestring
from typing import Any

from discourse.model import Article, Comment

# Comment timestamps are shown to the minute: that is all a saved page prints.
POSTED_FORMAT = "%Y-%m-%dT%H:%M"


def comment_to_dict(comment: Comment) -> dict[str, Any]:
    """One comment as a JSON-ready dict (see ``article_to_dict``)."""
    return {
        "id": comment.id,
        "number": comment.number,
        "parent": comment.parent,
        "depth": comment.depth,
        "author": comment.author,
        "posted": comment.posted.strftime(POSTED_FORMAT) if comment.posted else None,
        "text": comment.text,
        "paragraphs": list(comment.paragraphs),
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """An article as the JSON object ``discourse parse`` prints.

    Args:
        article: the parsed article.

    Returns:
        A dict of JSON types only, keys in documented order.

    Example:
        >>> from discourse.ingest import parse_page
        >>> article_to_dict(parse_page("Title\\n\\nText.", "a.txt"))["body"]
        [{'kind': 'paragraph', 'text': 'Text.'}]
    """
    return {
        "source": article.source,
        "name": article.name,
        "title": article.title,
        "standfirst": article.standfirst,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "publication": article.publication,
        "body": [{"kind": block.kind, "text": block.text} for block in article.body],
        "comments": [comment_to_dict(comment) for comment in article.comments],
        "declared_comments": article.declared_comments,
        "dropped": [
            {"line": item.line, "reason": item.reason, "text": item.text}
            for item in article.dropped
        ],
        "lines": [[number, role] for number, role in article.lines],
        "warnings": list(article.warnings),
    }


# The pieces of ``json.dumps(..., ensure_ascii=False)``: ``encode_basestring`` is its string
# form, ``int.__repr__`` (what f-strings use for an int) its number form.
_text = encode_basestring
# "\n\n" (between a comment's paragraphs) inside a JSON string.
_BLANK_LINE = encode_basestring("\n\n")[1:-1]


def _optional(text: str | None) -> str:
    return "null" if text is None else _text(text)


def _number(number: int | None) -> str:
    return "null" if number is None else str(number)


def _array(written: Sequence[str]) -> str:
    return f"[{', '.join(written)}]"


def _minute(posted: datetime) -> str:
    """``posted.strftime(POSTED_FORMAT)``, in a quarter of the time."""
    # ISO 8601 starts with the same fields; strftime writes a year before 1000 unpadded.
    return posted.isoformat()[:16] if posted.year >= 1000 else posted.strftime(POSTED_FORMAT)


# A page has a hundred lines or so, and pages share their (number, role) pairs: a kept pair is
# a look-up instead of writing it (a quarter of the time). Bounded: memory stays flat.
@lru_cache(maxsize=4096)
def _line(number: int, role: str) -> str:
    return f"[{number}, {_text(role)}]"


def comment_json(comment: Comment, paragraphs: Sequence[str]) -> str:
    """``comment_to_dict(comment)`` as JSON text.

    Args:
        comment: the comment.
        paragraphs: its paragraphs, each written as a JSON string (``encode_basestring``).

    Returns:
        The JSON object, as ``json.dumps(..., ensure_ascii=False)`` writes it.
    """
    # The text is the paragraphs joined by a blank line, and a JSON string escapes character
    # by character: its JSON is the paragraphs' JSON joined by the escaped blank line, which
    # copies them instead of escaping the comment a second time.
    text = (
        paragraphs[0]
        if len(paragraphs) == 1
        else f'"{_BLANK_LINE.join([written[1:-1] for written in paragraphs])}"'
    )
    posted = comment.posted
    return (
        f'{{"id": {_text(comment.id)}, "number": {_number(comment.number)}, '
        f'"parent": {_optional(comment.parent)}, "depth": {comment.depth}, '
        f'"author": {_text(comment.author)}, '
        f'"posted": {"null" if posted is None else _text(_minute(posted))}, '
        f'"text": {text}, "paragraphs": {_array(paragraphs)}}}'
    )


def article_json(
    article: Article, blocks: Sequence[str], paragraphs: Sequence[Sequence[str]]
) -> str:
    """``article_to_dict(article)`` as JSON text, with its texts already written.

    Args:
        article: the parsed article.
        blocks: the text of each body block, written as a JSON string (``encode_basestring``).
        paragraphs: for each comment, its paragraphs written likewise.

    Returns:
        The JSON object, as ``json.dumps(..., ensure_ascii=False)`` writes it.
    """
    published = article.published
    body = [
        f'{{"kind": {_text(block.kind)}, "text": {text}}}'
        for block, text in zip(article.body, blocks, strict=True)
    ]
    comments = [
        comment_json(comment, written)
        for comment, written in zip(article.comments, paragraphs, strict=True)
    ]
    dropped = [
        f'{{"line": {item.line}, "reason": {_text(item.reason)}, "text": {_text(item.text)}}}'
        for item in article.dropped
    ]
    lines = list(starmap(_line, article.lines))
    return (
        f'{{"source": {_text(article.source)}, "name": {_text(article.name)}, '
        f'"title": {_text(article.title)}, "standfirst": {_optional(article.standfirst)}, '
        f'"byline": {_optional(article.byline)}, '
        f'"published": {"null" if published is None else _text(published.isoformat())}, '
        f'"publication": {_optional(article.publication)}, "body": {_array(body)}, '
        f'"comments": {_array(comments)}, '
        f'"declared_comments": {_number(article.declared_comments)}, '
        f'"dropped": {_array(dropped)}, "lines": {_array(lines)}, '
        f'"warnings": {_array(list(map(_text, article.warnings)))}}}'
    )
