"""Turning command-line paths (files, folders, globs) into input files, and loading one.

This and ``decode`` are the only ingest modules that touch the filesystem.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from discourse.errors import InputError
from discourse.ingest.decode import read_text
from discourse.ingest.pages import parse_page
from discourse.ingest.records import load_records
from discourse.model import Article

PAGE_SUFFIXES = (".txt",)
RECORD_SUFFIXES = (".csv", ".jsonl")
INPUT_SUFFIXES = PAGE_SUFFIXES + RECORD_SUFFIXES
_GLOB_CHARS = frozenset("*?[")


def _folder_files(folder: Path) -> list[Path]:
    """Input files under ``folder``, recursively, skipping hidden files and folders."""
    found = [
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in INPUT_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(found)


def discover(patterns: Sequence[str]) -> tuple[list[Path], list[InputError]]:
    """Expand files, folders and glob patterns into a list of input files.

    Folders are searched recursively for ``.txt`` pages and ``.csv``/``.jsonl`` exports.
    Order is stable: patterns in the order given, sorted within each; a file named twice
    is kept once, where it first appears.

    Args:
        patterns: paths, folders or glob patterns (``**`` recurses).

    Returns:
        The files, and an ``InputError`` for each pattern that names nothing.

    Example:
        >>> files, problems = discover(["fixtures"])
    """
    files: list[Path] = []
    problems: list[InputError] = []
    seen: set[Path] = set()
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            matches = _folder_files(path)
            if not matches:
                problems.append(InputError("folder holds no .txt, .csv or .jsonl files", path=path))
        elif path.exists() or not _GLOB_CHARS & set(pattern):
            matches = [path]
            if not path.exists():
                problems.append(InputError("no such file or folder", path=path))
                continue
        else:
            matches = []
            # glob.glob, not Path.glob: patterns may be absolute or start with "..".
            for name in sorted(glob.glob(pattern, recursive=True)):  # noqa: PTH207
                hit = Path(name)
                matches.extend(_folder_files(hit) if hit.is_dir() else [hit])
            if not matches:
                problems.append(InputError("no files match this pattern", path=pattern))
        for match in matches:
            key = match.resolve()
            if key not in seen:
                seen.add(key)
                files.append(match)
    return files, problems


def load_file(path: Path) -> tuple[Article, ...]:
    """Load one input file.

    Args:
        path: a saved page (any suffix but ``.csv``/``.jsonl``) or a comment export.

    Returns:
        One article for a page; one per article id for an export.

    Raises:
        InputError: missing, unreadable, empty, binary or undecodable file.
        RecordError: a malformed export row.
    """
    if path.suffix.lower() in RECORD_SUFFIXES:
        return load_records(path)
    decoded = read_text(path)
    article = parse_page(decoded.text, str(path))
    if decoded.warnings:
        article = replace(article, warnings=decoded.warnings + article.warnings)
    return (article,)
