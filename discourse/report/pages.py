"""The report's pages, in order: cover, key findings, figures, tables, articles, methods.

Each ``*_page`` function writes one or more A4 pages into a ``Document`` through a ``Flow``;
the figures are drawn by the same ``draw_*`` functions as the PNGs, so the PDF and the
figures agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from discourse.compare.corpus import (
    SMALL_GROUP,
    SMALL_THEME,
    ComparisonResult,
    Quote,
)
from discourse.compare.groups import GROUP_LABELS, GROUP_UNITS, GroupId
from discourse.report.articles import ArticleSummary
from discourse.report.figures import FIGURES, theme_label
from discourse.report.findings import interval, key_findings, percent
from discourse.report.layout import BODY, SMALL, Column, Document, Flow
from discourse.report.style import GROUP_COLOURS, MUTED
from discourse.report.text import abridge

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure

FIGURE_HEIGHT: Final = 7.4  # inches of an A4 page given to a figure
QUOTE_CHARS: Final = 420  # a quote longer than this is abridged with "…"
ARTICLE_GROUPS: Final[tuple[GroupId, ...]] = ("practitioners", "official", "council")


@dataclass(frozen=True, slots=True)
class ThemeInfo:
    """A codebook theme as the methods page describes it."""

    id: str
    label: str
    definition: str
    core: bool


@dataclass(frozen=True, slots=True)
class RunInfo:
    """How the numbers were made: for the cover and the methods page."""

    tool_version: str
    python: str
    versions: tuple[tuple[str, str], ...]
    codebook_id: str
    codebook_version: str
    codebook_sha256: str
    codebook_source: str
    themes: tuple[ThemeInfo, ...]
    positive_threshold: float
    negative_threshold: float
    aggregate: str
    scoring: str
    inputs: int
    failures: tuple[str, ...]
    keep_names: bool
    articles_shown: int
    articles_omitted: int

    @property
    def labels(self) -> dict[str, str]:
        """Theme id → label."""
        return {theme.id: theme.label for theme in self.themes}


def _date_range(result: ComparisonResult) -> str:
    first, last = result.overview.first_date, result.overview.last_date
    if first is None or last is None:
        return "no publication dates found"
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def cover_page(document: Document, result: ComparisonResult, run: RunInfo) -> None:
    """The cover: what the report is and the corpus at a glance."""
    flow = Flow(document, "Practitioners and the official findings")
    flow.text(
        "What social-care practitioners say in reader comments, set against what the "
        "inspectorate and government say in news articles about inspections.",
        11,
        colour=MUTED,
    )
    flow.space(0.3)
    flow.heading("The corpus at a glance")
    overview = result.overview
    rows = [
        ("Articles", f"{overview.articles} ({overview.articles_with_comments} with comments)"),
        ("Comments", f"{overview.comments} ({overview.replies} of them replies)"),
        ("Self-identified practitioners", _count(overview.self_identified, "comment")),
        ("Official findings", _count(overview.official_sentences, "body sentence")),
        ("Council statements", _count(overview.council_sentences, "body sentence")),
        ("Councils", ", ".join(overview.councils) or "none identified"),
        ("Published", _date_range(result)),
        ("Publications", ", ".join(overview.publications) or "not recorded"),
        ("Ratings reported", ", ".join(f"{k} ({n})" for k, n in overview.ratings) or "none"),
        ("Input files", f"{run.inputs} read, {len(run.failures)} could not be read"),
    ]
    for name, value in rows:
        flow.columns([name, value], [0.33, 0.67], 10, colours=[MUTED, "#222222"])
    flow.space(0.3)
    flow.heading("How to read this report")
    flow.text(
        "Practitioners speak in comments: one unit is one comment. The official findings "
        "(inspectorate and government) and the council speak in the article body: one unit is "
        "one sentence attributed to that voice. Every percentage comes with its counts and a "
        "95% Wilson interval; the methods page at the end says how each number was made.",
    )
    flow.space(0.15)
    names = "real commenter names (--keep-names)" if run.keep_names else "pseudonyms"
    flow.text(f"Commenters are shown by {names}.", SMALL, colour=MUTED)
    flow.text(
        f"discourse {run.tool_version} · codebook {run.codebook_id} {run.codebook_version}",
        SMALL,
        colour=MUTED,
    )
    flow.finish()


def findings_page(document: Document, result: ComparisonResult, run: RunInfo) -> None:
    """Key findings as sentences, then the prevalence and test table behind them."""
    flow = Flow(document, "Key findings")
    for sentence in key_findings(result, run.labels):
        flow.text("•  " + sentence, 10, keep=True)
        flow.space(0.08)
    flow.space(0.15)
    flow.heading("Themes: practitioners against the official findings", 11)
    columns = [
        Column("Theme", 0.2),
        Column("Comments", 0.24),
        Column("Official sentences", 0.24),
        Column("Fisher p", 0.1),
        Column("Note", 0.22),
    ]
    rows = []
    for test in result.tests:
        rows.append(
            [
                theme_label(test.theme, run.labels),
                f"{test.practitioners.count}/{test.practitioners.total} "
                f"{percent(test.practitioners)} ({interval(test.practitioners)})",
                f"{test.official.count}/{test.official.total} "
                f"{percent(test.official)} ({interval(test.official)})",
                f"{test.p_value:.3f}",
                "small sample" if test.caveat else "",
            ]
        )
    flow.table(columns, rows)
    flow.finish()


def figure_page(
    document: Document,
    key: str,
    result: ComparisonResult,
    run: RunInfo,
) -> None:
    """One figure of ``FIGURES`` on its own page, with its caption."""
    drawer, title, caption = FIGURES[key]
    flow = Flow(document, title)

    def draw(target: Figure | SubFigure) -> None:
        drawer(target, result, run.labels)

    flow.figure(draw, FIGURE_HEIGHT)
    flow.space(0.15)
    flow.text(caption, BODY, colour=MUTED)
    flow.text(f"Also saved as figures/{key}.png.", SMALL, colour=MUTED)
    flow.finish()


def quotes_page(document: Document, result: ComparisonResult, run: RunInfo) -> None:
    """For each theme, the official sentence and the comment sentence that carry it most."""
    flow = Flow(document, "Side by side: official findings and practitioners")
    flow.text(
        "For each theme, the sentence of each side with the most distinct theme terms "
        "(ties: the shorter sentence, then the first met).",
        SMALL,
        colour=MUTED,
    )
    shares = [0.5, 0.5]
    flow.columns(
        ["Official findings", "Practitioners"],
        shares,
        BODY,
        bold=True,
        colours=[GROUP_COLOURS["official"], GROUP_COLOURS["practitioners"]],
    )
    flow.rule()
    if not result.quotes:
        flow.text("No sentence of either side carries a theme.", colour=MUTED)
    for pair in result.quotes:
        flow.text(theme_label(pair.theme, run.labels), BODY, bold=True, keep=True)
        flow.columns([_quote(pair.official), _quote(pair.practitioner)], shares, 8.5)
        flow.space(0.06)
    flow.finish()


def _quote(quote: Quote | None, limit: int = QUOTE_CHARS) -> str:
    if quote is None:
        return "— (no sentence carries this theme)"
    terms = ", ".join(quote.matched)
    # Abridge the quote, not the attribution: the reader must always see who said it.
    return f"“{abridge(quote.text, limit)}”\n— {quote.speaker}, {quote.article} · terms: {terms}"


def _amount(value: float, unit: str) -> str:
    """A figure as a reader writes it: 27.5%, £3.5m, £250,000, 18.3 cases."""
    if unit in {"percent", "%"}:
        return f"{value:g}%"
    if unit == "GBP":
        return f"£{value / 1e6:g}m" if value >= 1e6 else f"£{value:,.0f}"
    return f"{value:g} {unit}".strip()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def tables_page(document: Document, result: ComparisonResult, run: RunInfo) -> None:
    """Workforce figures per council, then prevalence per council and per year."""
    flow = Flow(document, "Official workforce figures by council")
    if result.statistics:
        rows = [
            [
                row.council or "(not named)",
                row.metric.replace("_", " "),
                _amount(row.value, row.unit),
                row.period or "",
                (
                    f"{row.comparator}: {_amount(row.comparator_value, row.unit)}"
                    if row.comparator_value is not None
                    else (row.comparator or "")
                ),
                f"{row.articles}: {row.first_article}",
            ]
            for row in sorted(
                result.statistics, key=lambda r: (r.council, r.metric, r.period or "")
            )
        ]
        flow.table(
            [
                Column("Council", 0.15),
                Column("Metric", 0.15),
                Column("Value", 0.11),
                Column("Period", 0.08),
                Column("Comparator", 0.17),
                Column("Articles: first", 0.34),
            ],
            rows,
        )
    else:
        flow.text("The articles quote no official workforce figures.", colour=MUTED)
    for title, breakdowns in (("By council", result.by_council), ("By year", result.by_year)):
        flow.space(0.2)
        flow.heading(f"Theme prevalence {title.lower()}", 11)
        if len(breakdowns) < 2:
            flow.text(
                f"The corpus has only {len(breakdowns)} {title[3:]}, so there is nothing to "
                f"compare across {title[3:]}s.",
                colour=MUTED,
            )
        rows = []
        for entry in breakdowns:
            cells: dict[str, list[str]] = {"practitioners": [], "official": []}
            totals = {"practitioners": 0, "official": 0}
            for row in entry.prevalence:
                totals[row.group] = row.proportion.total
                if row.proportion.count:
                    cells[row.group].append(
                        f"{theme_label(row.theme, run.labels)} {row.proportion.count}"
                    )
            rows.append(
                [
                    f"{entry.key} ({_count(entry.articles, 'article')})",
                    f"n = {totals['practitioners']}: " + (", ".join(cells["practitioners"]) or "–"),
                    f"n = {totals['official']}: " + (", ".join(cells["official"]) or "–"),
                ]
            )
        flow.table(
            [
                Column(title[3:].capitalize(), 0.22),
                Column("Comments with theme", 0.39),
                Column("Official sentences with theme", 0.39),
            ],
            rows,
        )
    flow.finish()


def article_pages(document: Document, articles: Sequence[ArticleSummary], run: RunInfo) -> None:
    """One page (or more) per article: who speaks, the themes, quotes and the thread."""
    labels = run.labels
    for summary in articles:
        flow = Flow(document, summary.title or summary.name)
        facts = [
            summary.name,
            summary.publication or "",
            summary.published or "date unknown",
            ", ".join(summary.councils) or "council not identified",
            f"rating: {summary.rating or 'not stated'}",
            summary.inspection_type or "",
        ]
        flow.text(" · ".join(f for f in facts if f), SMALL, colour=MUTED)
        voices = ", ".join(f"{voice} {count}" for voice, count in summary.voices if count)
        flow.text(f"Body sentences by voice: {voices or 'none'}", SMALL)
        comparison = summary.comparison
        units = dict(comparison.units)
        theme_counts = dict(comparison.theme_counts)
        for group in ARTICLE_GROUPS:
            found = ", ".join(
                f"{theme_label(t, labels)} {n}" for t, n in theme_counts.get(group, ())
            )
            flow.text(
                f"{GROUP_LABELS[group]} ({units.get(group, 0)} {GROUP_UNITS[group]}): "
                f"{found or 'no theme'}",
                SMALL,
                colour=GROUP_COLOURS[group],
            )
        silences = [
            f"{theme_label(t, labels)} ({GROUP_LABELS[a].lower()}, not {GROUP_LABELS[b].lower()})"
            for t, a, b in comparison.silences
            if {a, b} == {"practitioners", "official"}
        ]
        if silences:
            flow.text("Silences: " + "; ".join(silences), SMALL)
        if comparison.quotes:
            flow.heading("Paired quotes", 10)
            for pair in comparison.quotes:
                flow.text(theme_label(pair.theme, labels), SMALL, bold=True, keep=True)
                flow.columns(
                    [_quote(pair.official, 240), _quote(pair.practitioner, 240)],
                    [0.5, 0.5],
                    SMALL,
                )
        flow.heading(f"Comments ({len(summary.comments) + summary.more_comments})", 10)
        if not summary.comments:
            flow.text("No comments on this page.", SMALL, colour=MUTED)
        for comment in summary.comments:
            indent = min(comment.depth, 4) * 0.3
            head = [comment.author or "(no name given)"]
            if comment.reply_to is not None:
                head.append(f"reply to {comment.reply_to or '(no name given)'}")
            if comment.posted:
                head.append(comment.posted)
            head.append(f"sentiment {comment.sentiment:+.2f} ({comment.label})")
            head.append(
                "themes: " + (", ".join(theme_label(t, labels) for t in comment.themes) or "none")
            )
            flow.text(" · ".join(head), SMALL, indent=indent, bold=True, keep=True)
            extras = []
            if comment.practitioner:
                extras.append(f"self-identified: {comment.practitioner}")
            if comment.stance:
                extras.append(f"stance: {comment.stance}")
            if extras:
                flow.text(" · ".join(extras), SMALL, indent=indent, colour=MUTED)
            flow.text(comment.text, 8.5, indent=indent)
            flow.space(0.08)
        if summary.more_comments:
            flow.text(
                f"… and {summary.more_comments} more comments (all are in comments.csv).",
                SMALL,
                colour=MUTED,
            )
        flow.finish()
    if run.articles_omitted:
        flow = Flow(document, "Articles not shown")
        flow.text(
            f"{run.articles_omitted} further articles are not given pages, to keep the report "
            f"readable (the first {run.articles_shown} are). Every article is in articles.csv, "
            "comments.csv and sentences.csv, and in every number of this report.",
        )
        flow.finish()


def methods_page(document: Document, result: ComparisonResult, run: RunInfo) -> None:
    """Instruments and versions, measures, statistics, codebook, thresholds, limitations."""
    flow = Flow(document, "Methods")
    flow.heading("Instruments", 11)
    versions = "; ".join(f"{name} {version}" for name, version in run.versions)
    flow.text(f"discourse {run.tool_version}, Python {run.python}; {versions}.")
    flow.text(
        "Sentiment: VADER (Hutto and Gilbert, ICWSM 2014), compound score in [-1, 1], labelled "
        f"positive at ≥ {run.positive_threshold:g} and negative at ≤ {run.negative_threshold:g} "
        "(the published thresholds). Its published validation found a correlation with human "
        "ratings of r = 0.881 on tweets but only about r = 0.49 on New York Times editorial "
        "snippets, which are closer to these texts: read sentiment differences as indicative."
    )
    flow.text(run.scoring)
    flow.text(run.aggregate)
    flow.heading("Voices and units", 11)
    flow.text(
        "Practitioners: every comment (one unit = one comment); self-identified practitioners: "
        "comments whose text says the writer is one (e.g. “as a social worker”). Official "
        "findings: body sentences attributed to the inspectorate or to government; council: "
        "body sentences attributed to the council. Comments and sentences are different units, "
        "so a comment (several sentences) has more chances to carry a theme than one sentence."
    )
    flow.heading("Statistics", 11)
    flow.text(
        "Proportions with 95% Wilson score intervals. Fisher's exact test (two-sided) per theme, "
        "all comments against official sentences; a result is flagged “small sample” when "
        f"either side has fewer than {SMALL_GROUP} units or fewer than {SMALL_THEME} units "
        "carry the theme, where a large p value is not evidence of no difference. No "
        "correction for multiple tests is applied. Silences: a theme one side raises and the "
        "other never does (in the corpus, or in an article where both speak). Keyness: "
        "Dunning's log-likelihood G² (1 df; 3.84 is p = 0.05) with Hardie's log ratio as "
        "effect size, words occurring at least twice, stop words (the NLTK English list, "
        "shipped in discourse/data/stopwords.txt) removed."
    )
    flow.heading(f"Codebook {run.codebook_id} {run.codebook_version}", 11)
    flow.text(f"sha256 {run.codebook_sha256} · {run.codebook_source}", SMALL, colour=MUTED)
    for theme in run.themes:
        kind = "core" if theme.core else "extended"
        flow.text(f"{theme.label} ({theme.id}, {kind}): {theme.definition}", 8.5, keep=True)
    flow.heading("Limitations", 11)
    for item in (
        "Themes are found by terms, phrases, context words and exclusions in the codebook: "
        "evidence for every hit is in comments.csv and sentences.csv; a theme talked about "
        "without any codebook term is missed.",
        "VADER is a general-purpose lexicon; sarcasm, domain terms (“inadequate” as a rating) "
        "and quoted speech can mislead it.",
        "Voices in the body are attributed from cues; a sentence without a cue continues the "
        "previous speaker or counts as the journalist's.",
        "Commenters are self-selected readers of one site; they are not a sample of the workforce.",
        "Characters the report font cannot draw (most emoji) are shown as “\ufffd”; invisible "
        "formatting marks are not shown. The CSV files keep the text exactly.",
    ):
        flow.text("•  " + item, BODY, keep=True)
    if run.failures:
        flow.heading("Inputs that could not be read", 11)
        for failure in run.failures:
            flow.text(failure, SMALL)
    flow.text(
        "Every input file with its sha256, the options and versions are in manifest.json.",
        SMALL,
        colour=MUTED,
    )
    flow.finish()


def render_pdf(
    document: Document,
    result: ComparisonResult,
    articles: Sequence[ArticleSummary],
    run: RunInfo,
) -> None:
    """Write every page of the report, in order, into ``document``."""
    cover_page(document, result, run)
    findings_page(document, result, run)
    for key in FIGURES:
        figure_page(document, key, result, run)
    quotes_page(document, result, run)
    tables_page(document, result, run)
    article_pages(document, articles, run)
    methods_page(document, result, run)
