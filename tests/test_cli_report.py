"""Tests of the ``discourse report`` command through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_000, SEED_001
from pypdf import PdfReader

from discourse.cli import main


def test_report_help(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--dpi", "--codebook", "--keep-names", "--jobs", "--quiet"):
        assert option in result.output


def test_no_argument_run_in_empty_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["report", "--quiet", "--dpi", "50"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "reports"
    assert (out / "report.pdf").is_file()
    assert len(PdfReader(out / "report.pdf").pages) >= 13
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["sample"] is True
    assert len(manifest["inputs"]) == 3
    assert manifest["options"]["dpi"] == 50


def test_missing_input_is_reported_and_run_continues(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        ["report", str(SEED_001), str(tmp_path / "nope.txt"), "--out", str(out), "--quiet"],
    )
    assert result.exit_code == 1
    assert "nope.txt" in result.output
    assert (out / "report.pdf").is_file()


def test_bad_settings_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[report]\ndpi = 'high'\n", encoding="utf-8")
    result = runner.invoke(
        main, ["report", str(SEED_000), "--settings", str(settings), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "dpi" in result.output
    assert "Traceback" not in result.output
