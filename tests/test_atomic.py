"""Output files appear whole or not at all (discourse.export.atomic)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from discourse.errors import OutputError
from discourse.export.atomic import PendingFile
from discourse.report.tables import write_csv


def test_commit_replaces_the_old_file_only_at_the_end(tmp_path: Path) -> None:
    final = tmp_path / "table.csv"
    final.write_text("old\n", encoding="utf-8")
    pending = PendingFile(final)
    pending.handle.write("new\n")
    assert final.read_text(encoding="utf-8") == "old\n"
    assert pending.commit() == final
    assert final.read_text(encoding="utf-8") == "new\n"
    assert [path.name for path in tmp_path.iterdir()] == ["table.csv"]


def test_discard_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    final = tmp_path / "table.csv"
    final.write_text("old\n", encoding="utf-8")
    pending = PendingFile(final)
    pending.handle.write("half")
    pending.discard()
    assert final.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["table.csv"]


def test_missing_folder_is_an_output_error_naming_the_file(tmp_path: Path) -> None:
    final = tmp_path / "gone" / "table.csv"
    with pytest.raises(OutputError, match=r"table\.csv"):
        PendingFile(final)


def test_a_failing_row_source_leaves_no_file(tmp_path: Path) -> None:
    def rows() -> Iterator[list[str]]:
        yield ["a"]
        raise RuntimeError("the analysis failed mid-table")

    with pytest.raises(RuntimeError):
        write_csv(tmp_path / "table.csv", ["column"], rows())
    assert list(tmp_path.iterdir()) == []
