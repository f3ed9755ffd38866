"""The comment thread of a saved page: headers, nesting by indentation, comment text.

Layout rules (shared/domain.md section 2): a top-level comment starts with a numbered header
``1. <author> <date> at <time> #``; a reply starts with a bullet header indented deeper and
belongs to the nearest comment above it at a shallower indentation, to any depth; comment text
follows, one paragraph per line, with or without blank lines between paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import NamedTuple

from discourse.ingest.lines import Line, RoleLedger
from discourse.ingest.patterns import (
    HAS_WORD,
    MAX_RULE_LINE,
    PagePatterns,
    cached_int,
    stamp_datetime,
)
from discourse.model import Comment

# What a header can end with besides a digit: its "#" permalink, or the "m" of its time's
# "am"/"pm" ("p.m." with its full stop), in either case.
_HEADER_ENDS = ("#", "m", "M", "m.", "M.")


def may_end_a_header(text: str) -> bool:
    """Whether ``text`` ends as a comment header can: with its "#" permalink, or with its
    timestamp, whose last character is a digit (a date, minutes; ``\\d``, which is
    ``str.isdecimal``) or the "m" of "am"/"pm", perhaps followed by a full stop. Prose lines
    mostly end with a letter or a full stop after one, and skip the full header pattern."""
    return text.endswith(_HEADER_ENDS) or text[-1:].isdecimal()


# A NamedTuple, built with ``tuple.__new__``, not a frozen dataclass: a page has a header per
# comment, and the dataclass's ``__init__`` cost 5,000 instructions a header, this 1,000.
class Header(NamedTuple):
    """A parsed comment header line."""

    number: int | None
    bullet: bool
    author: str
    posted: datetime | None


@dataclass(slots=True)
class _Open:
    """A comment being built."""

    id: str
    number: int | None
    parent: str | None
    depth: int
    indent: int
    author: str
    posted: datetime | None
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Thread:
    """The parsed thread: comments, declared count and warnings."""

    comments: tuple[Comment, ...]
    declared: int | None
    warnings: tuple[str, ...]


def parse_header(text: str, patterns: PagePatterns, *, strict: bool) -> Header | None:
    """Recognise a comment header line.

    Args:
        text: the stripped line.
        patterns: the compiled layout rules.
        strict: when True (no thread announced yet), demand a list marker, a date with a
            time and the ``#`` permalink, so body text is never taken for a header.

    Returns:
        The header, or ``None`` if the line is not one.
    """
    # Only a line that ends as a header can is tried against the slow full pattern.
    if len(text) > MAX_RULE_LINE or not may_end_a_header(text):
        return None
    found = patterns.match_header(text)
    if found is None:
        return None
    # One call for every group read: the stamp's (hour at 9), then the marks.
    values = found.group(*patterns.header_fields)
    number, bullet, stamp, hash_, hash_only = values[12:]
    marked = number is not None or bullet is not None
    has_time = values[9] is not None
    has_hash = hash_ is not None or hash_only is not None
    if strict and not (marked and has_time and has_hash):
        return None
    if not marked and not (has_time and has_hash):
        return None
    if stamp is None and not marked:
        return None
    posted = stamp_datetime(values) if stamp else None
    if stamp and posted is None:
        return None  # a date that does not exist is not a header's timestamp
    start, end = found.span("author")  # the match may be of the lower-cased line
    author = text[start:end].strip()
    # A name that starts with a letter or digit has a word character (what ``\w`` is).
    if not (author[:1].isalnum() or HAS_WORD.search(author)):
        return None
    position = cached_int(number) if number is not None else None
    return tuple.__new__(Header, (position, bullet is not None, author, posted))


def _outline(stack: list[_Open], header: Header, indent: int, last_top: _Open | None) -> _Open:
    """Find the parent of a header at ``indent``; pops closed comments off ``stack``."""
    while stack and stack[-1].indent >= indent:
        stack.pop()
    if stack:
        return stack[-1]
    if header.bullet and last_top is not None:
        # A bullet is a reply even where the saved page lost its indentation.
        return last_top
    raise LookupError


def parse_thread(
    lines: list[Line], ledger: RoleLedger, patterns: PagePatterns, declared: int | None
) -> Thread:
    """Parse the thread lines (after the comment-count line, if any) into comments.

    Args:
        lines: the non-blank lines of the thread, in page order.
        ledger: where each line's role is recorded.
        patterns: the compiled layout rules.
        declared: the count the page declares (``5 Responses``), or ``None``.

    Returns:
        The thread.
    """
    warnings: list[str] = []
    built: list[_Open] = []
    stack: list[_Open] = []
    last_top: _Open | None = None
    current: _Open | None = None
    closed_reason: str | None = None
    min_header_indent: int | None = None
    for line in lines:
        header = parse_header(line.text, patterns, strict=False)
        if header is not None:
            try:
                parent: _Open | None = _outline(stack, header, line.indent, last_top)
            except LookupError:
                parent = None
                if header.bullet:
                    warnings.append(f"line {line.no}: reply with no comment above it")
            depth = parent.depth + 1 if parent else 0
            current = _Open(
                id=f"c{len(built) + 1}",
                number=header.number if depth == 0 else None,
                parent=parent.id if parent else None,
                depth=depth,
                indent=line.indent,
                author=header.author,
                posted=header.posted,
            )
            built.append(current)
            stack.append(current)
            if depth == 0:
                last_top = current
            if min_header_indent is None or line.indent < min_header_indent:
                min_header_indent = line.indent
            closed_reason = None
            ledger.assign(line, "comment_header")
            continue
        furniture = patterns.match_furniture(line.text)
        if furniture is not None:
            ledger.drop(line, "boilerplate", furniture.rule.reason)
            if furniture.rule.ends_thread:
                closed_reason = "after the comment thread: comment form or site footer"
            continue
        if (
            current is not None
            and closed_reason is None
            and min_header_indent
            and line.indent < min_header_indent
        ):
            # Comment text is indented under its header; a line left of every header
            # after the thread is the site's footer, not part of the last comment.
            closed_reason = "after the comment thread: unindented site furniture"
        if closed_reason is not None:
            ledger.drop(line, "boilerplate", closed_reason)
        elif current is None:
            ledger.drop(line, "boilerplate", "thread furniture before the first comment")
        else:
            current.paragraphs.append(line.text)
            ledger.assign(line, "comment_text")
    comments = tuple(
        Comment(c.id, c.number, c.parent, c.depth, c.author, c.posted, tuple(c.paragraphs))
        for c in built
    )
    warnings.extend(_check(comments, declared))
    return Thread(comments, declared, tuple(warnings))


def _check(comments: tuple[Comment, ...], declared: int | None) -> list[str]:
    """Cross-checks that show a lost or misread comment."""
    warnings: list[str] = []
    if declared is not None and declared != len(comments):
        warnings.append(
            f"page declares {declared} comments but {len(comments)} were parsed"
            " (the declared count includes replies)"
        )
    numbers = [c.number for c in comments if c.number is not None]
    for before, after in pairwise(numbers):
        if after != before + 1:
            warnings.append(f"top-level comment numbers jump from {before} to {after}")
    for comment in comments:
        if not comment.paragraphs:
            warnings.append(f"comment {comment.id} ({comment.author}) has no text")
    return warnings
