"""The parsed page: typed, immutable records that every later stage reads.

``ingest`` produces these; analysis results live beside them (``discourse.analyse.results``),
never inside them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from operator import attrgetter
from pathlib import PurePath
from typing import Any, Literal, TypeVar

LineRole = Literal[
    "title",
    "standfirst",
    "byline",
    "dateline",
    "caption",
    "heading",
    "paragraph",
    "comment_count",
    "comment_header",
    "comment_text",
    "boilerplate",
]
"""The role of every non-blank input line: each gets exactly one."""

BlockKind = Literal["heading", "paragraph"]

_Record = TypeVar("_Record")


def pickled_by_fields(cls: type[_Record]) -> type[_Record]:
    """Pickle (and copy) a frozen, slotted dataclass as ``cls(*its field values)``.

    For ``slots=True`` classes, ``dataclass`` pickles through state functions that call
    ``dataclasses.fields()`` for every object, both ways: 0.16 of the 0.25 s it took to pickle
    300 benchmark articles for the workers of ``--jobs``, and 0.10 of the 0.14 s to unpickle
    them. The records (and the analyses a ``report`` worker sends back) hold thousands of
    small objects per batch.
    """
    names = tuple(field.name for field in fields(cls))  # type: ignore[arg-type]
    values: Callable[[Any], Any] = attrgetter(*names)
    single = len(names) == 1

    def reduce(self: _Record) -> tuple[type[_Record], tuple[Any, ...]]:
        return cls, ((values(self),) if single else values(self))

    setattr(cls, "__reduce__", reduce)  # noqa: B010 - mypy rejects assigning a method
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class BodyBlock:
    """One block of the article body, in page order."""

    kind: BlockKind
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A non-blank line not kept as content, with the reason it was dropped."""

    line: int
    reason: str
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment.

    ``id`` is unique within the article (for page comments ``c1``, ``c2`` … in page order);
    ``number`` is the printed number of a top-level comment (``None`` for replies);
    ``parent`` is the id of the comment answered (``None`` for top level);
    ``depth`` is 0 for top level, 1 for a reply, and so on.
    """

    id: str
    number: int | None
    parent: str | None
    depth: int
    author: str
    posted: datetime | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The comment's text, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """A saved page (or a group of exported comment records) as one article."""

    source: str
    title: str
    standfirst: str | None
    byline: str | None
    published: date | None
    publication: str | None
    body: tuple[BodyBlock, ...]
    comments: tuple[Comment, ...]
    declared_comments: int | None
    dropped: tuple[DroppedLine, ...]
    lines: tuple[tuple[int, LineRole], ...]
    warnings: tuple[str, ...]

    @property
    def name(self) -> str:
        """The article's id in every output.

        For a page, the file name without extension; for exported records, whose
        ``source`` is ``<file>#<article id>``, the article id from the export.
        """
        path, _, record_id = self.source.partition("#")
        return record_id or PurePath(path).stem
