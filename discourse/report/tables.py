"""The comparison as CSV tables beside the report (``comparison/*.csv``).

The same numbers as the PDF, one table per kind, written atomically (a temporary file renamed
into place). Numbers are rounded to a fixed number of digits and rows come in a fixed order,
so the same inputs give byte-identical tables. Text cells pass through ``neutralise`` so a
spreadsheet never runs a cell as a formula.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from discourse.compare.corpus import SENTIMENT_BINS, ArticleComparison, ComparisonResult, Quote
from discourse.compare.stats import Proportion
from discourse.errors import OutputError
from discourse.export.atomic import PendingFile
from discourse.export.csvsafe import Cell, neutralise
from discourse.export.tables import STATISTIC_COLUMNS

DIGITS: Final = 6
FOLDER: Final = "comparison"


def _number(value: float | None) -> float | str:
    return "" if value is None else round(value, DIGITS)


def _proportion(proportion: Proportion) -> list[Cell]:
    return [
        proportion.count,
        proportion.total,
        _number(proportion.share),
        _number(proportion.low),
        _number(proportion.high),
    ]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Path:
    """Write one CSV table atomically.

    Args:
        path: the final path.
        header: column names.
        rows: the rows (cells are neutralised here).

    Returns:
        ``path``.

    Raises:
        OutputError: the file cannot be written.
    """
    pending = PendingFile(path)
    try:
        writer = csv.writer(pending.handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([neutralise(cell) for cell in row] for row in rows)
    except OSError as error:
        pending.discard()
        raise OutputError(f"cannot write: {error.strerror}", path=path) from None
    except BaseException:
        pending.discard()
        raise
    return pending.commit()


def _quote_cells(quote: Quote | None) -> list[Cell]:
    if quote is None:
        return ["", "", "", "", "", ""]
    return [
        quote.text,
        quote.article,
        quote.speaker,
        quote.strength,
        "; ".join(quote.matched),
        _number(quote.sentiment),
    ]


def write_comparison_tables(result: ComparisonResult, out_dir: Path) -> tuple[Path, ...]:
    """Write every comparison table into ``out_dir/comparison``.

    Args:
        result: the corpus comparison.
        out_dir: the report folder.

    Returns:
        The written paths, in a fixed order.
    """
    folder = _folder(out_dir)
    share = ["count", "total", "share", "ci_low", "ci_high"]
    written = [
        write_csv(
            folder / "prevalence.csv",
            ["group", "theme", *share],
            ([row.group, row.theme, *_proportion(row.proportion)] for row in result.prevalence),
        ),
        write_csv(
            folder / "theme_tests.csv",
            [
                "theme",
                *(f"practitioners_{c}" for c in share),
                *(f"official_{c}" for c in share),
                "odds_ratio",
                "fisher_p",
                "caveat",
            ],
            (
                [
                    t.theme,
                    *_proportion(t.practitioners),
                    *_proportion(t.official),
                    _number(t.odds_ratio),
                    _number(t.p_value),
                    t.caveat or "",
                ]
                for t in result.tests
            ),
        ),
        write_csv(
            folder / "silences.csv",
            ["theme", "raised_by", "silent", "raised", "corpus_silent", "articles", "of_articles"],
            (
                [
                    s.theme,
                    s.raised_by,
                    s.silent,
                    s.raised,
                    s.corpus_silent,
                    s.articles,
                    s.of_articles,
                ]
                for s in result.silences
            ),
        ),
        write_csv(
            folder / "sentiment.csv",
            [
                "group",
                "theme",
                "n",
                "mean",
                "negative",
                "neutral",
                "positive",
                *(f"negative_{c}" for c in share[2:]),
                *(
                    f"bin_{low:+.2f}_{high:+.2f}"
                    for low, high in itertools.pairwise(SENTIMENT_BINS)
                ),
            ],
            (
                [
                    s.group,
                    s.theme or "(all)",
                    s.n,
                    _number(s.mean),
                    s.negative,
                    s.neutral,
                    s.positive,
                    *_proportion(s.share_negative)[2:],
                    *s.histogram,
                ]
                for s in result.sentiment
            ),
        ),
        write_csv(
            folder / "theme_sentiment_comments.csv",
            ["theme", "negative", "neutral", "positive"],
            ([theme, *counts] for theme, counts in result.theme_labels),
        ),
        write_csv(
            folder / "keyness.csv",
            [
                "side",
                "word",
                "practitioner_count",
                "official_count",
                "g2",
                "p_value",
                "log_ratio",
                "significant",
            ],
            (
                [
                    t.side,
                    t.word,
                    t.practitioner_count,
                    t.official_count,
                    _number(t.g2),
                    _number(t.p_value),
                    _number(t.log_ratio),
                    t.significant,
                ]
                for t in (*result.keywords_practitioners, *result.keywords_official)
            ),
        ),
        write_csv(
            folder / "paired_quotes.csv",
            [
                "theme",
                *(
                    f"official_{c}"
                    for c in ("text", "article", "voice", "strength", "terms", "sentiment")
                ),
                *(
                    f"practitioner_{c}"
                    for c in ("text", "article", "commenter", "strength", "terms", "sentiment")
                ),
            ],
            (
                [pair.theme, *_quote_cells(pair.official), *_quote_cells(pair.practitioner)]
                for pair in result.quotes
            ),
        ),
        write_csv(
            folder / "workforce_by_council.csv",
            # statistics.csv's columns without the article and sentence, then how often quoted.
            [*STATISTIC_COLUMNS[1:-1], "articles", "first_article"],
            (
                [
                    r.council,
                    r.metric,
                    _number(r.value),
                    r.unit,
                    r.period or "",
                    r.comparator or "",
                    _number(r.comparator_value),
                    r.articles,
                    r.first_article,
                ]
                for r in sorted(
                    result.statistics, key=lambda r: (r.council, r.metric, r.period or "", r.value)
                )
            ),
        ),
    ]
    for name, breakdowns in (
        ("by_council.csv", result.by_council),
        ("by_year.csv", result.by_year),
    ):
        written.append(
            write_csv(
                folder / name,
                ["key", "articles", "group", "theme", *share],
                (
                    [entry.key, entry.articles, row.group, row.theme, *_proportion(row.proportion)]
                    for entry in breakdowns
                    for row in entry.prevalence
                ),
            )
        )
    return tuple(written)


def _folder(out_dir: Path) -> Path:
    folder = out_dir / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create folder: {error.strerror}", path=folder) from None
    return folder


class ArticleSilences:
    """``comparison/article_silences.csv``, written row by row as articles arrive.

    Rows go to a temporary file; ``commit`` renames it into place, so a failed run leaves no
    half-written table. Memory does not grow with the number of articles.
    """

    HEADER: Final = ("article", "theme", "raised_by", "silent")

    def __init__(self, out_dir: Path) -> None:
        self.path = _folder(out_dir) / "article_silences.csv"
        self._pending = PendingFile(self.path)
        self._writer = csv.writer(self._pending.handle, lineterminator="\n")
        self._writer.writerow(self.HEADER)

    def add(self, comparison: ArticleComparison) -> None:
        """Append an article's silences."""
        try:
            for theme, raised_by, silent in comparison.silences:
                self._writer.writerow([neutralise(comparison.name), theme, raised_by, silent])
        except OSError as error:
            raise OutputError(f"cannot write: {error.strerror}", path=self.path) from None

    def commit(self) -> Path:
        """Close and move the table into place."""
        return self._pending.commit()

    def discard(self) -> None:
        """Close and remove the temporary file (after a failed run)."""
        self._pending.discard()
