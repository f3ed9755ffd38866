"""Shared test helpers: the CLI runner and the fixture pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED_000 = FIXTURES / "000_bdb77cb6964fe9d5.txt"
SEED_001 = FIXTURES / "001_12d95773da989184.txt"
SEED_002 = FIXTURES / "002_9133ede774c676cf.txt"
SEEDS = (SEED_000, SEED_001, SEED_002)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
