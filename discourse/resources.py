"""Access to the data files shipped in ``discourse/data`` (knowledge is data, not code)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_data_text(name: str) -> str:
    """Return the text of a shipped data file, read once per process.

    Args:
        name: file name inside ``discourse/data``, e.g. ``"codebook.toml"``.
    """
    return resources.files("discourse").joinpath("data", name).read_text(encoding="utf-8")
