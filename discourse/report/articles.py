"""Small per-article summaries for the report's article pages.

The report keeps one ``ArticleSummary`` per article it will show (up to a cap), never the
full ``ArticleAnalysis``: comments are abridged and counted, so memory per article is small
and bounded whatever the length of its thread.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from discourse.analyse.results import VOICES, ArticleAnalysis
from discourse.compare.corpus import ArticleComparison
from discourse.report.text import abridge

# Per article page: at most this many comments, each abridged to this many characters.
MAX_COMMENTS = 40
MAX_COMMENT_CHARS = 700


@dataclass(frozen=True, slots=True)
class CommentSummary:
    """One comment as the article page shows it (author already pseudonymised)."""

    author: str
    reply_to: str | None
    depth: int
    posted: str | None
    sentiment: float
    label: str
    themes: tuple[str, ...]
    practitioner: str | None
    stance: str | None
    text: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What an article page shows."""

    name: str
    title: str
    publication: str | None
    published: str | None
    councils: tuple[str, ...]
    rating: str | None
    inspection_type: str | None
    voices: tuple[tuple[str, int], ...]
    comparison: ArticleComparison
    comments: tuple[CommentSummary, ...]
    more_comments: int


def summarise_article(
    analysis: ArticleAnalysis,
    comparison: ArticleComparison,
    *,
    max_comments: int = MAX_COMMENTS,
    max_chars: int = MAX_COMMENT_CHARS,
) -> ArticleSummary:
    """Keep what an article page needs, abridged.

    Args:
        analysis: the article's analysis (names already pseudonymised unless kept).
        comparison: its ``CorpusComparison.add`` result.
        max_comments: comments kept; the rest are only counted.
        max_chars: each comment's text is abridged to this length with "…".

    Returns:
        The summary.
    """
    article = analysis.article
    by_id = {comment.id: comment for comment in article.comments}
    comments = []
    for scored in analysis.comments[:max_comments]:
        comment = by_id.get(scored.comment_id)
        if comment is None:
            continue
        parent = by_id.get(comment.parent) if comment.parent else None
        claim = scored.practitioner
        comments.append(
            CommentSummary(
                author=comment.author,
                reply_to=parent.author if parent is not None else None,
                depth=comment.depth,
                posted=comment.posted.strftime("%d %b %Y %H:%M") if comment.posted else None,
                sentiment=scored.sentiment,
                label=scored.label,
                themes=tuple(sorted(scored.themes)),
                practitioner=f"{claim.role.replace('_', ' ')} (“{claim.cue}”)" if claim else None,
                stance=(
                    f"{scored.stance.stance} (“{scored.stance.cue}”)"
                    if scored.stance.stance != "none"
                    else None
                ),
                text=abridge(" ".join(comment.paragraphs), max_chars),
            )
        )
    voices = Counter(body.voice.voice for body in analysis.body)
    meta = analysis.meta
    return ArticleSummary(
        name=article.name,
        title=article.title,
        publication=article.publication,
        published=article.published.isoformat() if article.published else None,
        councils=meta.councils,
        rating=meta.rating,
        inspection_type=meta.inspection_type,
        voices=tuple((voice, voices[voice]) for voice in VOICES),
        comparison=comparison,
        comments=tuple(comments),
        more_comments=max(0, len(analysis.comments) - max_comments),
    )
