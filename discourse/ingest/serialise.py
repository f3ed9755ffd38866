"""The ``discourse parse`` JSON shape of an article (documented in README "discourse parse").

Other tools and later stages read this shape: change it only with the README.
"""

from __future__ import annotations

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
