"""Output files that appear whole or not at all.

Every table, whether written in one go or row by row as articles arrive, goes to a hidden
temporary file beside its final name and is renamed over it only when its writer succeeds (a
rename within one folder is atomic), so a failed run never leaves a half-written file and an
earlier run's outputs stay as they were.
"""

from __future__ import annotations

import os
import tempfile
from io import TextIOWrapper
from pathlib import Path
from typing import IO, BinaryIO

from discourse.errors import OutputError


class PendingFile:
    """A UTF-8 text file being written under a temporary name beside ``final``.

    Write text to ``handle``, or UTF-8 bytes to ``binary`` (one or the other: text written to
    ``handle`` waits in its buffer); then ``commit`` to move it into place, or ``discard`` to
    drop it.
    """

    def __init__(self, final: Path) -> None:
        """Create the temporary file (the folder must exist).

        Args:
            final: the path the file will have once committed.

        Raises:
            OutputError: the temporary file cannot be created.
        """
        try:
            descriptor, temporary = tempfile.mkstemp(
                prefix=f".{final.name}.", suffix=".tmp", dir=final.parent
            )
        except OSError as error:
            raise OutputError(f"cannot write: {error.strerror}", path=final) from None
        self.final = final
        self.temporary = Path(temporary)
        # Under ``handle``, for text already encoded (``discourse.export.tables``).
        self.binary: BinaryIO = os.fdopen(descriptor, "wb")
        # newline="" lets the csv module write its own line endings inside quoted cells.
        self.handle: IO[str] = TextIOWrapper(self.binary, encoding="utf-8", newline="")

    def commit(self) -> Path:
        """Close the file and rename it over ``final``.

        Returns:
            ``final``.

        Raises:
            OutputError: the file cannot be flushed or renamed (the temporary file is removed).
        """
        try:
            self.handle.close()
            self.temporary.replace(self.final)
        except OSError as error:
            self.discard()
            raise OutputError(f"cannot write: {error.strerror}", path=self.final) from None
        return self.final

    def discard(self) -> None:
        """Close and delete the temporary file; ``final`` is never touched."""
        try:
            self.handle.close()
        finally:
            self.temporary.unlink(missing_ok=True)
