"""Page lines and the role ledger: the record that every non-blank line gets one role.

The parser's promise is that nothing silently vanishes. ``RoleLedger`` is where that is kept:
each non-blank line is assigned exactly one role, and lines not kept as content are also
recorded as dropped with a reason.
"""

from __future__ import annotations

from typing import NamedTuple

from discourse.ingest.decode import normalise_newlines
from discourse.model import DroppedLine, LineRole

# Tabs in indentation count as this many columns; comment nesting is read from indentation,
# and pages saved from some editors indent with tabs.
TAB_WIDTH = 4


# A NamedTuple, not a frozen dataclass: one is made for every line of every page, and a frozen
# dataclass's __init__ (an object.__setattr__ call per field) costs several times as much.
class Line(NamedTuple):
    """A non-blank page line: 1-based number, indentation in columns, stripped text."""

    no: int
    indent: int
    text: str


def split_lines(text: str) -> list[str]:
    """Split page text into lines the way the parser numbers them.

    CRLF and CR count as line ends; other Unicode separators stay inside a line, so line
    numbers match what an editor shows for the saved file.
    """
    return normalise_newlines(text).split("\n")


def page_lines(text: str) -> list[Line]:
    """Return the non-blank lines of ``text`` with their numbers and indentation."""
    result: list[Line] = []
    tabs = "\t" in text
    for number, raw in enumerate(split_lines(text), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        indent = len(raw) - len(raw.lstrip())
        if tabs and "\t" in raw[:indent]:
            indent = len(raw[:indent].expandtabs(TAB_WIDTH))
        # ``tuple.__new__``, not ``Line(…)``: the named tuple's ``__new__`` is a Python
        # function around this call, a fifth of this loop's cost.
        result.append(tuple.__new__(Line, (number, indent, stripped)))
    return result


class RoleLedger:
    """Collects one role per line, and the reason for every line not kept as content."""

    def __init__(self) -> None:
        self.roles: dict[int, LineRole] = {}
        self.dropped: list[DroppedLine] = []

    def assign(self, line: Line, role: LineRole) -> None:
        """Give ``line`` its role (a later call for the same line replaces it)."""
        self.roles[line.no] = role

    def drop(self, line: Line, role: LineRole, reason: str) -> None:
        """Give ``line`` a non-content role and record why it was dropped."""
        self.roles[line.no] = role
        self.dropped.append(DroppedLine(line.no, reason, line.text))

    def note_removed(self, line: Line, reason: str, text: str) -> None:
        """Record a fragment removed from a kept line (the line keeps its role)."""
        self.dropped.append(DroppedLine(line.no, reason, text))

    def sorted_roles(self) -> tuple[tuple[int, LineRole], ...]:
        """Every assigned line and its role, in line order."""
        return tuple(sorted(self.roles.items()))

    def sorted_dropped(self) -> tuple[DroppedLine, ...]:
        """The dropped lines and fragments, in line order."""
        return tuple(sorted(self.dropped, key=lambda item: item.line))
