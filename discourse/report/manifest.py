"""``manifest.json``: what a report was made from and with, so it can be re-run and checked.

Records the tool, Python and library versions, the codebook's id and sha256, every input
file with its sha256, the options, and the time of the run.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from discourse.errors import OutputError

# Libraries whose versions change the numbers or the drawing.
# (Punkt and the Snowball stemmer are NLTK 3.10.4's code in discourse/vendor/: the tool
# version covers them, and NLTK need not be installed.)
LIBRARIES = ("vaderSentiment", "scipy", "matplotlib", "click")
CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """The sha256 of a file, read in chunks (inputs can be large).

    Args:
        path: the file.

    Returns:
        The hex digest.
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def library_versions() -> tuple[tuple[str, str], ...]:
    """The installed versions of the libraries in ``LIBRARIES``."""
    return tuple((name, metadata.version(name)) for name in LIBRARIES)


def build_manifest(
    *,
    tool_version: str,
    codebook: Mapping[str, str],
    inputs: Sequence[Path],
    options: Mapping[str, Any],
    outputs: Sequence[Path],
    out_dir: Path,
) -> dict[str, Any]:
    """Assemble the manifest.

    Args:
        tool_version: the discourse version.
        codebook: ``id``, ``version``, ``sha256`` and ``source`` of the codebook.
        inputs: every input file read.
        options: the run's options and settings.
        outputs: the files written (recorded relative to ``out_dir``).
        out_dir: the report folder.

    Returns:
        A JSON-ready dictionary.
    """
    return {
        "tool": "discourse",
        "tool_version": tool_version,
        "python": platform.python_version(),
        "libraries": dict(library_versions()),
        "codebook": dict(codebook),
        "inputs": [{"path": str(path), "sha256": sha256_file(path)} for path in inputs],
        "options": dict(options),
        "outputs": sorted(str(path.relative_to(out_dir)) for path in outputs),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_manifest(manifest: Mapping[str, Any], path: Path) -> Path:
    """Write the manifest as indented JSON.

    Raises:
        OutputError: the file cannot be written.
    """
    try:
        path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", path=path) from None
    return path
