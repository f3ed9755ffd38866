"""Access to the data files shipped in ``discourse/data`` (knowledge is data, not code).

Files are read through the package's loader (``pkgutil.get_data``), which reads them
wherever the package is imported from (a folder or a zip file). ``importlib.resources``
does the same, but importing it and its readers (with ``zipfile``) cost 11.5M instructions
at the start of every run; it is used only for a loader that cannot give the data itself.
"""

from __future__ import annotations

import pkgutil
import tomllib
from functools import cache
from typing import Any


def read_data_bytes(name: str) -> bytes:
    """Return the bytes of a shipped data file.

    Args:
        name: file name inside ``discourse/data``, e.g. ``"codebook.toml"``.
    """
    data = pkgutil.get_data("discourse", f"data/{name}")
    if data is None:  # pragma: no cover - a loader without ``get_data``
        from importlib import resources

        data = resources.files("discourse").joinpath("data", name).read_bytes()
    return data


@cache
def read_data_text(name: str) -> str:
    """Return the text of a shipped data file, read once per process.

    Args:
        name: file name inside ``discourse/data``, e.g. ``"codebook.toml"``.
    """
    return read_data_bytes(name).decode("utf-8")


@cache
def read_data_toml(name: str) -> dict[str, Any]:
    """Return a shipped TOML data file parsed, once per process; callers must not modify it.

    Two modules read each cue file (the commenter cues: commenters and privacy; the voice
    cues: voices and quotes): parsing each once saves 13M instructions a run.

    Args:
        name: file name inside ``discourse/data``, e.g. ``"voice_cues.toml"``.

    Raises:
        tomllib.TOMLDecodeError: the file is not valid TOML.
    """
    return tomllib.loads(read_data_text(name))
