"""The exceptions the library raises; the CLI turns each into one line and an exit code.

Library code raises these and never catches one to return ``None``. Each carries the
file (and where known the row, theme or field) so the message names what to fix.
"""

from __future__ import annotations

from pathlib import Path


class DiscourseError(Exception):
    """Base class: a problem a user can act on, reported as one line."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.detail = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(DiscourseError):
    """An input file is missing, unreadable, empty, binary or undecodable."""


class RecordError(InputError):
    """A row of a CSV or JSON Lines comment export is malformed."""

    def __init__(self, message: str, *, path: str | Path, row: int) -> None:
        self.row = row
        super().__init__(f"row {row}: {message}", path=path)


class CodebookError(DiscourseError):
    """A codebook file is malformed; the message names the theme and the field."""


class SettingsError(DiscourseError):
    """A settings file is malformed."""


class OutputError(DiscourseError):
    """An output folder or file cannot be written."""
