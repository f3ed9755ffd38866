"""The parsed page: typed, immutable records that every later stage reads.

``ingest`` produces these; analysis results live beside them (``discourse.analyse.results``),
never inside them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime
from functools import lru_cache
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


def frozen_record(cls: type[_Record]) -> type[_Record]:
    """Make a frozen, slotted dataclass cheaper to build and to pickle; nothing else changes.

    - ``__init__`` sets each slot through its descriptor instead of ``object.__setattr__``
      by name, which is how ``dataclass`` gets past ``frozen``: 0.85 instead of 1.42 us for
      a six-field record. The pipeline makes several records per sentence.
    - The record pickles (and copies) as ``cls(*its field values)``. For ``slots=True``
      classes, ``dataclass`` pickles through state functions that call
      ``dataclasses.fields()`` for every object, both ways: 0.16 of the 0.25 s it took to
      pickle 300 benchmark articles for the workers of ``--jobs``, and 0.10 of the 0.14 s to
      unpickle them.

    Fields may have plain defaults; a default factory, ``init=False``, ``kw_only`` or a
    ``__post_init__`` is refused (``TypeError``), since this ``__init__`` would skip them.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__}: frozen_record needs @dataclass(frozen=True, slots=True)")
    declared = fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(
        field.default_factory is not MISSING or not field.init or field.kw_only
        for field in declared
    ):
        raise TypeError(f"{cls.__name__}: frozen_record takes plain fields and defaults only")
    names = tuple(field.name for field in declared)
    setters = {f"_set_{name}": getattr(cls, name).__set__ for name in names}
    source = f"def __init__(self, {', '.join(names)}):\n" + "".join(
        f"    _set_{name}(self, {name})\n" for name in names
    )
    namespace: dict[str, Any] = {}
    exec(source, setters, namespace)  # as dataclasses builds its own __init__
    init = namespace["__init__"]
    defaults = tuple(field.default for field in declared if field.default is not MISSING)
    init.__defaults__ = defaults or None
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    values: Callable[[Any], Any] = attrgetter(*names)
    single = len(names) == 1

    def reduce(self: _Record) -> tuple[type[_Record], tuple[Any, ...]]:
        return cls, ((values(self),) if single else values(self))

    setattr(cls, "__init__", init)  # noqa: B010 - mypy rejects assigning a method
    setattr(cls, "__reduce__", reduce)  # noqa: B010
    return cls


@frozen_record
@dataclass(frozen=True, slots=True)
class BodyBlock:
    """One block of the article body, in page order."""

    kind: BlockKind
    text: str


@frozen_record
@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A non-blank line not kept as content, with the reason it was dropped."""

    line: int
    reason: str
    text: str


@frozen_record
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


# ``PurePath(path).stem`` costs about 30,000 instructions, and each article's tables and record
# ask for its name five times: the stems of recent paths are kept (bounded, so memory stays
# flat on any corpus).
@lru_cache(maxsize=4096)
def _file_stem(path: str) -> str:
    return PurePath(path).stem


@frozen_record
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
        return record_id or _file_stem(path)
