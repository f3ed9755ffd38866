"""The ``discourse`` command: a thin layer over the library.

Each command parses its options, calls one library function and writes or prints the
result. ``DiscourseError`` becomes one line on stderr and a non-zero exit here, and only here.
Heavy libraries (matplotlib, SciPy, VADER) are imported inside the commands that need them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from discourse import __version__
from discourse.errors import DiscourseError

F = TypeVar("F", bound=Callable[..., Any])


def report_problem(message: str) -> None:
    """Print one line naming a problem on stderr (no traceback, ever)."""
    click.echo(f"discourse: {message}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a library error into one line on stderr and its exit code."""
    try:
        yield
    except DiscourseError as error:
        report_problem(str(error))
        sys.exit(error.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="discourse")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Practitioners' comments against official findings in saved news pages.

    Reads saved article pages (plain text) with their reader comments, or comment exports
    (CSV, JSON Lines); scores sentiment (VADER) and themes; splits the body by voice; and
    writes tables and a PDF report.

    \b
    Example:
        discourse parse fixtures/ > parsed.json
        discourse analyse fixtures/ --out results/
        discourse report fixtures/ --out reports/
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


# --- parse (issue 2) ---

# --- analyse (issue 3) ---

# --- codebook (issue 3) ---

# --- findings (issue 4) ---

# --- report (issue 5) ---
