"""The ``discourse parse`` JSON shape of an article (documented in README "discourse parse").

Other tools and later stages read this shape: change it only with the README.
``article_to_dict`` gives it as a dict (for ``discourse parse``); ``article_json`` writes the
same object as JSON text in UTF-8 for ``analysis.jsonl``, where the texts are already written
as JSON strings (the record writes each paragraph once and reuses it for its sentences).
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
# form, ``int.__repr__`` (what ``%d`` writes for an int) its number form.
def json_utf8(text: str) -> bytes:
    r"""A string as JSON (``json.dumps(text, ensure_ascii=False)``), in UTF-8.

    >>> json_utf8('Said: "no"')
    b'"Said: \\"no\\""'
    """
    return encode_basestring(text).encode()


# "\n\n" (between a comment's paragraphs) inside a JSON string.
_BLANK_LINE = json_utf8("\n\n")[1:-1]


def _optional(text: str | None) -> bytes:
    return b"null" if text is None else json_utf8(text)


def _number(number: int | None) -> bytes:
    return b"null" if number is None else b"%d" % number


def _array(written: Sequence[bytes]) -> bytes:
    return b"[%b]" % b", ".join(written)


def _minute(posted: datetime) -> str:
    """``posted.strftime(POSTED_FORMAT)``, in a quarter of the time."""
    # ISO 8601 starts with the same fields; strftime writes a year before 1000 unpadded.
    return posted.isoformat()[:16] if posted.year >= 1000 else posted.strftime(POSTED_FORMAT)


# A page has a hundred lines or so, and pages share their (number, role) pairs: a kept pair is
# a look-up instead of writing it (a quarter of the time). Bounded: memory stays flat.
@lru_cache(maxsize=4096)
def _line(number: int, role: str) -> bytes:
    return b"[%d, %b]" % (number, json_utf8(role))


def comment_json(comment: Comment, paragraphs: Sequence[bytes]) -> bytes:
    """``comment_to_dict(comment)`` as JSON text in UTF-8.

    Args:
        comment: the comment.
        paragraphs: its paragraphs, each written as a JSON string (``encode_basestring``) in
            UTF-8.

    Returns:
        The JSON object, as ``json.dumps(..., ensure_ascii=False)`` writes it, in UTF-8.
    """
    # The text is the paragraphs joined by a blank line, and a JSON string escapes character
    # by character: its JSON is the paragraphs' JSON joined by the escaped blank line, which
    # copies them instead of escaping the comment a second time.
    text = (
        paragraphs[0]
        if len(paragraphs) == 1
        else b'"%b"' % _BLANK_LINE.join([written[1:-1] for written in paragraphs])
    )
    posted = comment.posted
    return (
        b'{"id": %b, "number": %b, "parent": %b, "depth": %d, "author": %b, "posted": %b, '
        b'"text": %b, "paragraphs": %b}'
        % (
            json_utf8(comment.id),
            _number(comment.number),
            _optional(comment.parent),
            comment.depth,
            json_utf8(comment.author),
            b"null" if posted is None else json_utf8(_minute(posted)),
            text,
            _array(paragraphs),
        )
    )


def article_json(
    article: Article, blocks: Sequence[bytes], paragraphs: Sequence[Sequence[bytes]]
) -> bytes:
    """``article_to_dict(article)`` as JSON text in UTF-8, with its texts already written.

    The record builds its line as UTF-8 bytes (see ``discourse.export.record``), so the
    paragraphs are encoded once for this section and the sentences that reuse them.

    Args:
        article: the parsed article.
        blocks: the text of each body block, written as a JSON string (``encode_basestring``)
            in UTF-8.
        paragraphs: for each comment, its paragraphs written likewise.

    Returns:
        The JSON object, as ``json.dumps(..., ensure_ascii=False)`` writes it, in UTF-8.
    """
    published = article.published
    body = [
        b'{"kind": %b, "text": %b}' % (json_utf8(block.kind), text)
        for block, text in zip(article.body, blocks, strict=True)
    ]
    comments = [
        comment_json(comment, written)
        for comment, written in zip(article.comments, paragraphs, strict=True)
    ]
    dropped = [
        b'{"line": %d, "reason": %b, "text": %b}'
        % (item.line, json_utf8(item.reason), json_utf8(item.text))
        for item in article.dropped
    ]
    return (
        b'{"source": %b, "name": %b, "title": %b, "standfirst": %b, "byline": %b, '
        b'"published": %b, "publication": %b, "body": %b, "comments": %b, '
        b'"declared_comments": %b, "dropped": %b, "lines": %b, "warnings": %b}'
        % (
            json_utf8(article.source),
            json_utf8(article.name),
            json_utf8(article.title),
            _optional(article.standfirst),
            _optional(article.byline),
            b"null" if published is None else json_utf8(published.isoformat()),
            _optional(article.publication),
            _array(body),
            _array(comments),
            _number(article.declared_comments),
            _array(dropped),
            _array(list(starmap(_line, article.lines))),
            _array(list(map(json_utf8, article.warnings))),
        )
    )
