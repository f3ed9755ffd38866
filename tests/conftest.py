"""Shared test helpers: the CLI runner, the fixture pages, generated texts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED_000 = FIXTURES / "000_bdb77cb6964fe9d5.txt"
SEED_001 = FIXTURES / "001_12d95773da989184.txt"
SEED_002 = FIXTURES / "002_9133ede774c676cf.txt"
SEEDS = (SEED_000, SEED_001, SEED_002)


def packages_left_imported(code: str, packages: Iterable[str], timeout: float = 120) -> list[str]:
    """Run ``code`` in a fresh interpreter in the repository; return which of ``packages`` it
    left imported (their top-level names, sorted). A fresh interpreter, because the test
    process itself may have imported them."""
    probe = (
        f"{code}\n"
        "import json, sys\n"
        "loaded = {name.split('.')[0] for name in sys.modules}\n"
        f"print(json.dumps(sorted(loaded & {set(packages)!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def joined_pieces(
    pieces: st.SearchStrategy[str], gaps: st.SearchStrategy[str]
) -> st.SearchStrategy[str]:
    """Texts of 1 to 14 pieces, each followed by a gap: dense in the words a matcher keys on,
    for property tests of a fast search against its plain definition."""
    return st.lists(st.tuples(pieces, gaps), min_size=1, max_size=14).map(
        lambda parts: "".join(piece + gap for piece, gap in parts)
    )
