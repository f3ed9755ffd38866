"""The ``discourse`` command: a thin layer over the library.

Each command parses its options, calls one library function and writes or prints the
result. ``DiscourseError`` becomes one line on stderr and a non-zero exit here, and only here.
Heavy libraries (matplotlib, SciPy, VADER) are imported inside the commands that need them.
"""

from __future__ import annotations

import gc
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


def _count(number: int, noun: str) -> str:
    """``1 article``, ``2 articles``: summaries a person reads."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


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
    # The analysis allocates millions of small objects and frees them without cycles. At the
    # default threshold (700) the cyclic collector ran 450 times on 300 pages, 3% of the run;
    # at 10,000 it runs about 15 times, under 1%. Set here, at the edge of the process, not in
    # the library, whose callers keep their own settings (workers of ``--jobs`` inherit it).
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


# --- options shared by several commands ---


def codebook_option(function: F) -> F:
    """The shared ``--codebook FILE`` option; the command receives ``codebook_file``.

    Pass it to ``discourse.analyse.codebook.load_codebook`` (``None`` = the shipped one).
    """
    option = click.option(
        "--codebook",
        "codebook_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A theme codebook (TOML) instead of the shipped one (see `discourse codebook`).",
    )
    return option(function)


_RUN_OPTIONS = (
    click.option(
        "--keep-names",
        is_flag=True,
        help="Keep commenters' real names (private data files only; default: pseudonyms).",
    ),
    click.option(
        "--jobs",
        type=click.IntRange(min=0),
        default=1,
        show_default=True,
        help="Worker processes (0 = every core); the output is identical whatever N.",
    ),
    click.option(
        "--settings",
        "settings_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A settings TOML file overriding the shipped defaults.",
    ),
)


def run_options(function: F) -> F:
    """``--codebook``, ``--keep-names``, ``--jobs`` and ``--settings``: the options of every
    command that analyses a corpus, declared once so they read the same everywhere."""
    for option in reversed(_RUN_OPTIONS):
        function = option(function)
    return codebook_option(function)


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


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the tables (created if missing; existing tables are replaced).",
)
@run_options
def analyse(
    paths: tuple[str, ...],
    out_dir: Path,
    codebook_file: Path | None,
    keep_names: bool,
    jobs: int,
    settings_file: Path | None,
) -> None:
    """Analyse pages and comment exports into CSV and JSON Lines tables.

    Writes into OUT: comments.csv (one row per comment: pseudonymised author, practitioner
    role and cue, reply stance, VADER sentiment, themes with evidence), sentences.csv (one row
    per body sentence: voice, quote, speaker, sentiment, themes), statistics.csv (official
    workforce figures), articles.csv (one row per article) and analysis.jsonl (the full record).
    Columns are listed in the README ("discourse analyse"). Tables appear only when the run
    completes. A bad input file is reported in one line and skipped (exit code 1); the tables
    hold every other article.

    \b
    Example:
        discourse analyse fixtures/ --out results/
        discourse analyse 'pages/**/*.txt' --out results/ --jobs 0
    """
    from discourse.analyse.codebook import load_codebook
    from discourse.pipeline import run_analyse
    from discourse.settings import load_settings

    with user_errors():
        # The flag only ever turns names on; without it the settings file decides.
        settings = load_settings(settings_file, keep_names=True if keep_names else None)
        summary = run_analyse(
            paths,
            out_dir,
            settings,
            load_codebook(codebook_file),
            jobs=jobs,
            on_problem=lambda error: report_problem(str(error)),
            on_warning=report_problem,
        )
    click.echo(
        f"{_count(summary.articles, 'article')}, {_count(summary.comments, 'comment')}, "
        f"{_count(summary.body_sentences, 'body sentence')}, "
        f"{_count(summary.statistics, 'workforce figure')} → {summary.out_dir}"
    )
    if not summary.ok:
        sys.exit(1)


# --- codebook (issue 3) ---


@main.command(name="codebook")
@click.option(
    "--check",
    "check_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Validate this codebook file: print a one-line summary, or the problem (exit 1).",
)
@codebook_option
def codebook_command(check_file: Path | None, codebook_file: Path | None) -> None:
    """Print the theme codebook: each theme's definition, words, phrases, rules, exclusions.

    Themes are found sentence by sentence: words by their Snowball stem, phrases as
    consecutive words, context rules only when a context word is near, and never inside an
    exclusion ("paid tribute" is not pay). The file format is documented in the shipped
    codebook's header and in the README ("Themes and the codebook").

    \b
    Example:
        discourse codebook
        discourse codebook --check my_codebook.toml
        discourse codebook --codebook my_codebook.toml
    """
    from discourse.analyse.codebook import format_codebook, load_codebook

    with user_errors():
        if check_file is not None:
            checked = load_codebook(check_file)
            core = sum(theme.core for theme in checked.themes)
            click.echo(
                f"{check_file}: valid codebook {checked.id} version {checked.version}, "
                f"{len(checked.themes)} themes ({core} core), sha256 {checked.sha256}"
            )
            return
        click.echo(format_codebook(load_codebook(codebook_file)))


# --- findings (issue 4) ---


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--sentences", is_flag=True, help="Also list every body sentence with its voice and cue."
)
def findings(paths: tuple[str, ...], sentences: bool) -> None:
    """Show the official findings in article bodies: who speaks, and the workforce figures.

    For each article in PATHS (pages, comment exports, folders or globs) prints the council,
    the Ofsted judgement and inspection type, how many body sentences each voice has
    (inspectorate, government, council, practitioner, journalist) and the table of workforce
    statistics (metric, value, unit, period, comparator). A missing or unreadable file is
    reported and skipped; the exit code is then 1.

    \b
    Example:
        discourse findings fixtures/
        discourse findings fixtures/000_bdb77cb6964fe9d5.txt --sentences
    """
    from discourse.analyse.findings import format_findings, official_findings
    from discourse.errors import InputError
    from discourse.ingest import discover, load_file

    failed = False
    with user_errors():
        files, problems = discover(paths)
        for problem in problems:
            report_problem(str(problem))
            failed = True
        for path in files:
            try:
                articles = load_file(path)
            except InputError as error:  # one bad file must not hide the others' findings
                report_problem(str(error))
                failed = True
                continue
            for article in articles:
                click.echo(format_findings(official_findings(article), sentences=sentences))
    if failed:
        sys.exit(1)


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
@click.option("--quiet", is_flag=True, help="No progress bar.")
@run_options
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
        f"{summary.pdf}: {_count(len(summary.pages), 'page')}, "
        f"{_count(summary.articles, 'article')}, {_count(summary.comments, 'comment')}; "
        f"{_count(len(summary.figures), 'figure')} in "
        f"{summary.out_dir / 'figures'}; manifest {summary.manifest}",
        err=True,
    )
    if not summary.ok:
        sys.exit(1)
