"""Comment exports from other tools (CSV, JSON Lines) → one ``Article`` per article id.

Record format (both file types use the same names; see README "Export records"):

- required: ``article_id``, ``comment_id``, ``text``
- optional: ``parent_id`` (empty = top level), ``author``, ``posted`` (ISO 8601, e.g.
  ``2022-04-15T09:11`` or ``2022-04-15 09:11:00``; a time-zone offset is dropped and the
  wall-clock time kept), ``article_title``, ``article_body`` (paragraphs separated by
  newlines)

Rows of one article need not be contiguous; parents may come after their replies. Any
malformed row raises ``RecordError`` naming the file and the row (CSV: the header is row 1,
as in a spreadsheet; JSON Lines: the line number).
A lone UTF-16 surrogate (a JSON escape cut from its pair) is replaced by U+FFFD, with a
warning.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from discourse.errors import InputError, RecordError
from discourse.ingest.decode import read_text
from discourse.model import Article, BodyBlock, Comment

REQUIRED = ("article_id", "comment_id", "text")
OPTIONAL = ("parent_id", "author", "posted", "article_title", "article_body")

# Half of a UTF-16 surrogate pair standing alone: JSON's "\ud83d" escape without its other
# half (exporters that cut text by UTF-16 units leave them). No UTF-8 file can hold one,
# so every table would fail to write it; it is replaced by U+FFFD, as a decoder replaces a
# byte it cannot read, and the row gets a warning.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class _Row:
    row: int
    article_id: str
    comment_id: str
    parent_id: str | None
    author: str
    posted: datetime | None
    text: str
    title: str
    body: str
    repaired: bool  # a lone surrogate was replaced in one of its cells


@dataclass(slots=True)
class _Group:
    rows: list[_Row] = field(default_factory=list)
    title: str = ""
    body: str = ""
    warnings: list[str] = field(default_factory=list)


def _cell(record: Mapping[str, Any], key: str, path: Path, row: int) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(f"{key} must be text, got {type(value).__name__}", path=path, row=row)
    return str(value).strip() if key != "text" else str(value)


def _posted(raw: str, path: Path, row: int) -> datetime | None:
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise RecordError(
            f"posted {raw!r} is not an ISO 8601 timestamp (e.g. 2022-04-15T09:11)",
            path=path,
            row=row,
        ) from None
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def _to_row(record: Mapping[str, Any], path: Path, row: int) -> _Row:
    cells = {key: _cell(record, key, path, row) for key in REQUIRED + OPTIONAL}
    repaired = any(_LONE_SURROGATE.search(cell) for cell in cells.values() if not cell.isascii())
    if repaired:
        cells = {key: _LONE_SURROGATE.sub("\ufffd", cell) for key, cell in cells.items()}
    for key in REQUIRED:
        if not cells[key].strip():
            raise RecordError(f"{key} is empty", path=path, row=row)
    return _Row(
        row=row,
        article_id=cells["article_id"],
        comment_id=cells["comment_id"],
        parent_id=cells["parent_id"] or None,
        author=cells["author"],
        posted=_posted(cells["posted"], path, row),
        text=cells["text"],
        title=cells["article_title"],
        body=cells["article_body"],
        repaired=repaired,
    )


def _csv_records(text: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [key for key in REQUIRED if key not in header]
    if missing:
        raise RecordError(f"missing column(s): {', '.join(missing)}", path=path, row=1)
    reader.fieldnames = header
    try:
        for number, record in enumerate(reader, start=2):
            if None in record:
                raise RecordError("more cells than header columns", path=path, row=number)
            yield number, record
    except csv.Error as error:
        raise RecordError(f"malformed CSV: {error}", path=path, row=reader.line_num) from None


def _jsonl_records(text: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise RecordError(f"not valid JSON: {error.msg}", path=path, row=number) from None
        if not isinstance(record, dict):
            raise RecordError("a record must be a JSON object", path=path, row=number)
        yield number, record


def load_records(path: Path) -> tuple[Article, ...]:
    """Load a CSV (``.csv``) or JSON Lines (``.jsonl``) comment export.

    Args:
        path: the export file.

    Returns:
        One article per article id, in order of first appearance; ``source`` is
        ``<path>#<article id>``.

    Raises:
        InputError: the file cannot be read or holds no records.
        RecordError: a row is malformed (names the file and the row).
    """
    decoded = read_text(path)
    reader = _csv_records if path.suffix.lower() == ".csv" else _jsonl_records
    groups: dict[str, _Group] = {}
    for number, record in reader(decoded.text, path):
        row = _to_row(record, path, number)
        group = groups.setdefault(row.article_id, _Group())
        group.rows.append(row)
        if row.repaired:
            group.warnings.append(
                f"row {number}: an unpaired UTF-16 surrogate (a broken \\uXXXX escape) "
                "replaced by U+FFFD"
            )
        for attr, value in (("title", row.title), ("body", row.body)):
            known = getattr(group, attr)
            if value and not known:
                setattr(group, attr, value)
            elif value and value != known:
                group.warnings.append(f"row {number}: article_{attr} differs from earlier rows")
    if not groups:
        raise InputError("no records (only a header or blank lines)", path=path)
    return tuple(
        _article(path, article_id, group, decoded.warnings) for article_id, group in groups.items()
    )


def _article(path: Path, article_id: str, group: _Group, decode: tuple[str, ...]) -> Article:
    by_id: dict[str, _Row] = {}
    for row in group.rows:
        if row.comment_id in by_id:
            raise RecordError(
                f"comment_id {row.comment_id!r} repeats row {by_id[row.comment_id].row}"
                f" of article {article_id!r}",
                path=path,
                row=row.row,
            )
        by_id[row.comment_id] = row
    depths: dict[str, int] = {}
    for row in group.rows:
        depths[row.comment_id] = _depth(row, by_id, depths, path)
    comments: list[Comment] = []
    top = 0
    for row in group.rows:
        number = None
        if row.parent_id is None:
            top += 1
            number = top
        paragraphs = tuple(p.strip() for p in row.text.splitlines() if p.strip())
        comments.append(
            Comment(
                row.comment_id,
                number,
                row.parent_id,
                depths[row.comment_id],
                row.author,
                row.posted,
                paragraphs,
            )
        )
    body = tuple(BodyBlock("paragraph", p.strip()) for p in group.body.splitlines() if p.strip())
    return Article(
        source=f"{path}#{article_id}",
        title=group.title or article_id,
        standfirst=None,
        byline=None,
        published=None,
        publication=None,
        body=body,
        comments=tuple(comments),
        declared_comments=None,
        dropped=(),
        lines=(),
        warnings=decode + tuple(group.warnings),
    )


def _depth(row: _Row, by_id: dict[str, _Row], known: dict[str, int], path: Path) -> int:
    """A comment's depth, following parent links (reporting unknown parents and cycles)."""
    chain: list[_Row] = []
    seen: set[str] = set()
    current = row
    while current.parent_id is not None and current.comment_id not in known:
        if current.comment_id in seen:
            raise RecordError(
                f"comment_id {row.comment_id!r}: parent_id links form a cycle",
                path=path,
                row=row.row,
            )
        seen.add(current.comment_id)
        chain.append(current)
        parent = by_id.get(current.parent_id)
        if parent is None:
            raise RecordError(
                f"parent_id {current.parent_id!r} is not a comment of article "
                f"{current.article_id!r}",
                path=path,
                row=current.row,
            )
        current = parent
    depth = known.get(current.comment_id, 0)
    for item in reversed(chain):
        depth += 1
        known[item.comment_id] = depth
    return known.get(row.comment_id, 0)
