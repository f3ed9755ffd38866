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
from pathlib import Path
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


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--compact", is_flag=True, help="One line per article instead of indented JSON.")
def parse(paths: tuple[str, ...], compact: bool) -> None:
    """Parse saved pages and comment exports; print them as a JSON array.

    PATHS are files, folders (searched recursively for .txt pages and .csv/.jsonl exports)
    or glob patterns. Each article becomes one JSON object (shape in the README, "discourse
    parse"): title, standfirst, byline, published, publication, body blocks, comments with
    their nesting, the declared comment count, dropped lines with reasons, the role of every
    line, and warnings. Warnings (e.g. a declared count that differs from the comments found)
    also go to stderr. A bad file (missing, empty, binary, undecodable, malformed row) is
    reported on stderr in one line; the others are still printed, and the exit code is 1.

    \b
    Example:
        discourse parse fixtures/ > parsed.json
        discourse parse 'pages/**/*.txt' comments.csv --compact
    """
    import json

    from discourse.errors import InputError
    from discourse.ingest import article_to_dict, discover, load_file

    failed = False
    printed = 0
    with user_errors():
        files, problems = discover(paths)
        for problem in problems:
            report_problem(str(problem))
            failed = True
        click.echo("[")
        for path in files:
            try:
                articles = load_file(path)
            except InputError as error:  # one bad file must not hide the others
                report_problem(str(error))
                failed = True
                continue
            for article in articles:
                for warning in article.warnings:
                    report_problem(f"{article.source}: warning: {warning}")
                text = json.dumps(
                    article_to_dict(article), ensure_ascii=False, indent=None if compact else 2
                )
                click.echo(("," if printed else "") + text)
                printed += 1
        click.echo("]")
    if failed:
        sys.exit(1)


# --- analyse (issue 3) ---

# --- codebook (issue 3) ---

# --- findings (issue 4) ---

# --- report (issue 5) ---


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports"),
    show_default=True,
    help="Folder for report.pdf, figures/, the tables and manifest.json.",
)
@click.option("--dpi", type=click.IntRange(min=30, max=1200), help="PNG resolution [200].")
@click.option(
    "--codebook",
    "codebook_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A theme codebook (TOML) instead of the shipped one.",
)
@click.option("--keep-names", is_flag=True, help="Show commenters' real names (private use only).")
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for the analysis (0 = every core); output is the same.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--settings",
    "settings_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A settings TOML that overrides the shipped defaults.",
)
def report(
    paths: tuple[str, ...],
    out_dir: Path,
    dpi: int | None,
    codebook_file: Path | None,
    keep_names: bool,
    jobs: int,
    quiet: bool,
    settings_file: Path | None,
) -> None:
    """Write the PDF report: practitioners' comments against the official findings.

    Reads PATHS (pages, comment exports, folders or globs; with none, a sample corpus shipped
    with discourse) and writes into --out: report.pdf, one PNG per figure in figures/, the
    tables of `discourse analyse`, the comparison tables in comparison/, and manifest.json
    (versions, codebook, every input with its sha256, options). Commenters appear as
    pseudonyms unless --keep-names. An unreadable file is reported and skipped; the exit code
    is then 1.

    \b
    Example:
        discourse report fixtures/ --out reports/
        discourse report                       # the shipped sample corpus
        discourse report pages/ --jobs 0 --dpi 300 --quiet
    """
    from discourse.analyse.codebook import load_codebook
    from discourse.report import build_report
    from discourse.settings import load_settings

    with user_errors():
        settings = load_settings(settings_file, dpi=dpi, keep_names=True if keep_names else None)
        codebook = load_codebook(codebook_file)
        summary = build_report(
            list(paths),
            out_dir,
            settings,
            codebook,
            jobs,
            progress=not quiet,
            on_problem=lambda problem: report_problem(str(problem)),
            options={"codebook_file": str(codebook_file) if codebook_file else None},
        )
    click.echo(
        f"{summary.pdf}: {len(summary.pages)} pages, {summary.articles} articles, "
        f"{summary.comments} comments; {len(summary.figures)} figures in "
        f"{summary.out_dir / 'figures'}; manifest {summary.manifest}",
        err=True,
    )
    if not summary.ok:
        sys.exit(1)
