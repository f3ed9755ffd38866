"""``build_report``: the main job, from input pages to ``report.pdf``, figures, tables, manifest.

One streaming pass: each ``ArticleAnalysis`` from ``discourse.pipeline.iter_analyses`` is
written to the tables of ``discourse analyse`` (``TableWriter``), folded into the
``CorpusComparison`` and, for the first ``settings.article_pages`` articles, kept as a small
``ArticleSummary`` for its page. Then the comparison's result is drawn: PNG figures, the PDF
and the comparison CSVs, and ``manifest.json`` records how it was all made.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse import __version__
from discourse.analyse.sentiment import AGGREGATE_DESCRIPTION, scoring_method
from discourse.compare.corpus import ComparisonResult, CorpusComparison
from discourse.errors import InputError, OutputError
from discourse.report.articles import ArticleSummary, summarise_article
from discourse.report.manifest import build_manifest, library_versions, write_manifest
from discourse.report.pages import RunInfo, ThemeInfo
from discourse.report.progress import ProgressBar
from discourse.report.tables import ArticleSilences, write_comparison_tables
from discourse.settings import Settings

if TYPE_CHECKING:
    from discourse.analyse.codebook import Codebook

logger = logging.getLogger(__name__)

PDF_NAME = "report.pdf"
FIGURE_DIR = "figures"
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """What ``build_report`` wrote and read."""

    out_dir: Path
    pdf: Path
    figures: tuple[Path, ...]
    tables: tuple[Path, ...]
    manifest: Path
    pages: tuple[str, ...]
    articles: int
    comments: int
    inputs: tuple[Path, ...]
    failures: tuple[InputError, ...]
    result: ComparisonResult

    @property
    def ok(self) -> bool:
        """Whether every input was read."""
        return not self.failures


def sample_paths() -> list[str]:
    """The shipped sample corpus (copies of the three seed pages), as file paths.

    Returns:
        The ``.txt`` pages of ``discourse/data/sample``, sorted.
    """
    folder = resources.files("discourse").joinpath("data", "sample")
    return sorted(
        str(Path(str(folder)) / entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )


def _source_file(source: str) -> str:
    """The file part of an article's source (``file#record`` for exports)."""
    return source.partition("#")[0]


def build_report(
    paths: Sequence[str],
    out_dir: Path,
    settings: Settings,
    codebook: Codebook,
    jobs: int = 1,
    progress: bool = True,
    *,
    keep_names: bool | None = None,
    on_problem: Callable[[InputError], None] | None = None,
    options: dict[str, Any] | None = None,
) -> ReportSummary:
    """Analyse the inputs and write the full report into ``out_dir``.

    Args:
        paths: files, folders or globs; empty means the shipped sample corpus.
        out_dir: the report folder (created if missing).
        settings: the run's settings (``dpi``, ``article_pages``, thresholds, ``keep_names``).
        codebook: the theme codebook.
        jobs: worker processes for the analysis (``0`` = every core).
        progress: show a progress bar on stderr (only ever drawn on a terminal).
        keep_names: keep commenters' real names; ``None`` follows ``settings.keep_names``.
        on_problem: called with each input that cannot be read (the run goes on).
        options: the command-line options, recorded in the manifest.

    Returns:
        What was written, the pages, counts and failures.

    Raises:
        OutputError: an output cannot be written.

    Example::

        summary = build_report(["fixtures/"], Path("reports"), load_settings(), load_codebook())
        print(summary.pdf, len(summary.pages))
    """
    from discourse.export.tables import TableWriter
    from discourse.ingest import discover
    from discourse.pipeline import iter_analyses

    inputs = list(paths) or sample_paths()
    keep = settings.keep_names if keep_names is None else keep_names
    files, _missing = discover(inputs)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create folder: {error.strerror}", path=out_dir) from None

    themes = [theme.id for theme in codebook.themes]
    comparison = CorpusComparison(themes=themes)
    summaries: list[ArticleSummary] = []
    failures: list[InputError] = []
    omitted = 0
    bar = ProgressBar(len(files), enabled=progress)
    last_file: str | None = None
    silences = ArticleSilences(out_dir)
    try:
        with TableWriter(out_dir, themes) as tables:
            for item in iter_analyses(inputs, settings, codebook, jobs, keep):
                if isinstance(item, InputError):
                    failures.append(item)
                    if on_problem is not None:
                        on_problem(item)
                    bar.advance()
                    continue
                source = _source_file(item.article.source)
                if source != last_file:
                    bar.advance()
                    last_file = source
                tables.write(item)
                local = comparison.add(item)
                silences.add(local)
                if len(summaries) < settings.article_pages:
                    summaries.append(summarise_article(item, local))
                else:
                    omitted += 1
    except BaseException:
        silences.discard()
        raise
    finally:
        bar.close()
    written = [*tables.paths, silences.commit()]
    result = comparison.result()
    written += write_comparison_tables(result, out_dir)

    run = RunInfo(
        tool_version=__version__,
        python=platform.python_version(),
        versions=library_versions(),
        codebook_id=codebook.id,
        codebook_version=codebook.version,
        codebook_sha256=codebook.sha256,
        codebook_source=codebook.source,
        themes=tuple(
            ThemeInfo(theme.id, theme.label, theme.definition, theme.core)
            for theme in codebook.themes
        ),
        positive_threshold=settings.positive_threshold,
        negative_threshold=settings.negative_threshold,
        aggregate=AGGREGATE_DESCRIPTION,
        scoring=scoring_method(),
        inputs=len(files),
        failures=tuple(str(failure) for failure in failures),
        keep_names=keep,
        articles_shown=len(summaries),
        articles_omitted=omitted,
    )
    figures = _write_figures(result, run, out_dir / FIGURE_DIR, settings.dpi)
    pdf, pages = _write_pdf(result, summaries, run, out_dir / PDF_NAME)
    written += [*figures, pdf]

    manifest_path = out_dir / MANIFEST_NAME
    manifest = build_manifest(
        tool_version=__version__,
        codebook={
            "id": codebook.id,
            "version": codebook.version,
            "sha256": codebook.sha256,
            "source": codebook.source,
        },
        inputs=files,
        options={
            "paths": inputs,
            "sample": not paths,
            "jobs": jobs,
            "keep_names": keep,
            "dpi": settings.dpi,
            "article_pages": settings.article_pages,
            "positive_threshold": settings.positive_threshold,
            "negative_threshold": settings.negative_threshold,
            **(options or {}),
        },
        outputs=written,
        out_dir=out_dir,
    )
    write_manifest(manifest, manifest_path)
    logger.info("report of %d articles in %s", result.overview.articles, out_dir)
    return ReportSummary(
        out_dir=out_dir,
        pdf=pdf,
        figures=tuple(figures),
        tables=tuple(written[: -len(figures) - 1]),
        manifest=manifest_path,
        pages=pages,
        articles=result.overview.articles,
        comments=result.overview.comments,
        inputs=tuple(files),
        failures=tuple(failures),
        result=result,
    )


def _write_figures(result: ComparisonResult, run: RunInfo, folder: Path, dpi: int) -> list[Path]:
    """Save every figure of ``FIGURES`` as a PNG at ``dpi``."""
    from discourse.report.figures import FIGURES, plot_figure

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create folder: {error.strerror}", path=folder) from None
    written = []
    for key in FIGURES:
        figure = plot_figure(key, result, labels=run.labels)
        path = folder / f"{key}.png"
        try:
            # No "Software" stamp: the PNG depends only on the data and the drawing code.
            figure.savefig(path, dpi=dpi, format="png", metadata={"Software": None})
        except OSError as error:
            raise OutputError(f"cannot write: {error.strerror}", path=path) from None
        written.append(path)
    return written


def _write_pdf(
    result: ComparisonResult, summaries: Sequence[ArticleSummary], run: RunInfo, path: Path
) -> tuple[Path, tuple[str, ...]]:
    """Write ``report.pdf``; return its path and the title of every page."""
    from discourse.report.layout import Document
    from discourse.report.pages import render_pdf

    try:
        with Document(path) as document:
            render_pdf(document, result, summaries, run)
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", path=path) from None
    return path, tuple(document.titles)
