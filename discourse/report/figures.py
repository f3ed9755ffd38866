"""The report's figures: pure functions from a ``ComparisonResult`` to a matplotlib ``Figure``.

Each ``plot_x(result, *, style, labels)`` draws inside ``plt.rc_context(style)`` on a new
``Figure`` (no pyplot state, nothing saved) and returns it; ``draw_x(target, …)`` draws the
same thing into any figure or sub-figure, which is how the PDF pages embed them. Colours come
from ``GROUP_COLOURS``/``LABEL_COLOURS`` so each group looks the same everywhere, and every
text is drawn with math parsing off (``literal``). matplotlib is imported inside functions.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from discourse.compare.corpus import LABELS, SENTIMENT_BINS, ComparisonResult
from discourse.compare.groups import GROUP_LABELS, GROUP_UNITS, GroupId
from discourse.report.style import (
    FIGURE_SIZE,
    GROUP_COLOURS,
    LABEL_COLOURS,
    MUTED,
    STYLE,
)
from discourse.report.text import abridge, drawable, literal, text_width

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

Labels = Mapping[str, str]

# Groups shown side by side in the prevalence and sentiment figures.
SHOWN: Final[tuple[GroupId, ...]] = ("practitioners", "self_identified", "official", "council")
# p below this marks a theme with "*" in the prevalence figure.
ALPHA: Final = 0.05
TICK_SIZE: Final = 8.5


def theme_label(theme: str, labels: Labels | None) -> str:
    """The display name of a theme: the codebook's label, else the id made readable."""
    if labels and theme in labels:
        return labels[theme]
    return theme.replace("_", " ")


def _present(result: ComparisonResult, groups: tuple[GroupId, ...]) -> list[GroupId]:
    return [group for group in groups if result.group_units(group) > 0]


def _width(target: Figure | SubFigure) -> float:
    """The drawing's width in inches (a sub-figure on a page is narrower than a figure)."""
    return float(target.bbox.width / target.dpi)


def _height(target: Figure | SubFigure) -> float:
    """The drawing's height in inches."""
    return float(target.bbox.height / target.dpi)


def _left_margin(labels: list[str], width: float, size: float = TICK_SIZE) -> float:
    """Fraction of ``width`` inches needed left of the axes for the longest tick label."""
    longest = max((text_width(label, size) for label in labels), default=0.0)
    return min(0.45, (longest + 0.2) / width)


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", color=MUTED, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _legend_label(result: ComparisonResult, group: GroupId) -> str:
    return f"{GROUP_LABELS[group]} (n = {result.group_units(group)} {GROUP_UNITS[group]})"


# --- theme prevalence ------------------------------------------------------------------------


def draw_prevalence(
    target: Figure | SubFigure, result: ComparisonResult, labels: Labels | None
) -> None:
    """Draw theme prevalence per group with Wilson 95% intervals into ``target``."""
    significant = {t.theme for t in result.tests if t.p_value < ALPHA}
    names = [
        theme_label(theme, labels) + (" *" if theme in significant else "")
        for theme in result.themes
    ]
    groups = _present(result, SHOWN)
    grid = target.add_gridspec(
        1, 1, left=_left_margin(names, _width(target)), right=0.97, top=0.9, bottom=0.2
    )
    ax = target.add_subplot(grid[0])
    ax.set_title("How often each voice raises each theme")
    if not result.themes or not groups:
        _empty(ax, "No themes or no voices to compare")
        return
    step = 0.8 / len(groups)
    for position, group in enumerate(groups):
        ys, xs, lows, highs, notes = [], [], [], [], []
        for row, theme in enumerate(result.themes):
            proportion = result.proportion(group, theme)
            share = proportion.share or 0.0
            ys.append(row - 0.4 + step * (position + 0.5))
            xs.append(100 * share)
            lows.append(max(0.0, 100 * (share - (proportion.low or 0.0))))
            highs.append(max(0.0, 100 * ((proportion.high or 0.0) - share)))
            notes.append(f"{proportion.count}/{proportion.total}")
        ax.barh(
            ys,
            xs,
            height=step * 0.9,
            color=GROUP_COLOURS[group],
            label=_legend_label(result, group),
        )
        ax.errorbar(
            xs, ys, xerr=[lows, highs], fmt="none", ecolor="#333333", elinewidth=0.7, capsize=1.5
        )
        for y, x, high, note in zip(ys, xs, highs, notes, strict=True):
            ax.text(x + high + 1.0, y, note, va="center", fontsize=6, color=MUTED)
    ax.set_yticks(range(len(result.themes)), names, fontsize=TICK_SIZE)
    ax.invert_yaxis()
    top = max(
        (100 * (row.proportion.high or 0.0) for row in result.prevalence if row.group in groups),
        default=100.0,
    )
    # Room right of the longest interval for its k/n note.
    ax.set_xlim(0, min(100.0, top) * 1.12 + 2)
    ax.set_xlabel("% of the group's units carrying the theme (bars: 95% Wilson interval)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=7.5)


# --- sentiment -------------------------------------------------------------------------------


def draw_sentiment_groups(
    target: Figure | SubFigure, result: ComparisonResult, labels: Labels | None
) -> None:
    """Draw each group's sentiment: label shares (with mean) and the score distribution."""
    groups = _present(result, SHOWN)
    names = []
    for group in groups:
        summary = result.summary(group)
        names.append(f"{GROUP_LABELS[group]}\nn = {summary.n}, mean {summary.mean or 0.0:+.2f}")
    margin = _left_margin(names, _width(target))
    if _height(target) > _width(target) * 0.8:
        # On a portrait page the panels go one above the other, each at full width.
        grid = target.add_gridspec(2, 1, left=margin, right=0.97, top=0.94, bottom=0.2, hspace=0.6)
    else:
        grid = target.add_gridspec(1, 2, left=margin, right=0.97, top=0.88, bottom=0.2, wspace=0.32)
    shares, spread = target.add_subplot(grid[0]), target.add_subplot(grid[1])
    shares.set_title("Sentiment labels")
    spread.set_title("Compound score distribution")
    if not groups:
        _empty(shares, "No units to score")
        _empty(spread, "No units to score")
        return
    for row, group in enumerate(groups):
        summary = result.summary(group)
        left = 0.0
        for label, count in zip(
            LABELS, (summary.negative, summary.neutral, summary.positive), strict=True
        ):
            share = 100 * count / summary.n
            shares.barh(
                row, share, left=left, color=LABEL_COLOURS[label], label=label if row == 0 else None
            )
            if share >= 8:
                shares.text(
                    left + share / 2,
                    row,
                    f"{share:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if label != "neutral" else "black",
                )
            left += share
    shares.set_yticks(range(len(groups)), names, fontsize=TICK_SIZE)
    shares.invert_yaxis()
    shares.set_xlim(0, 100)
    shares.set_xlabel("% of the group's units")
    shares.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3)

    centres = [(a + b) / 2 for a, b in itertools.pairwise(SENTIMENT_BINS)]
    for group in groups:
        summary = result.summary(group)
        values = [100 * count / summary.n for count in summary.histogram]
        spread.plot(
            centres,
            values,
            marker="o",
            markersize=3,
            color=GROUP_COLOURS[group],
            label=GROUP_LABELS[group],
        )
    spread.axvspan(-0.05, 0.05, color="#eeeeee", zorder=0, label="neutral band (±0.05)")
    spread.set_xlim(-1, 1)
    spread.set_xticks([-1.0, -0.5, 0.0, 0.5, 1.0])
    spread.set_xlabel("compound score (bins of 0.25)")
    spread.set_ylabel("% of the group's units")
    spread.legend(loc="upper center", bbox_to_anchor=(0.5, -0.24), ncol=3, fontsize=7)


def draw_sentiment_themes(
    target: Figure | SubFigure, result: ComparisonResult, labels: Labels | None
) -> None:
    """Draw mean sentiment and share negative per theme and group."""
    groups = _present(result, ("practitioners", "official", "council"))
    names = [theme_label(theme, labels) for theme in result.themes]
    grid = target.add_gridspec(
        1,
        2,
        left=_left_margin(names, _width(target)),
        right=0.97,
        top=0.88,
        bottom=0.2,
        wspace=0.08,
    )
    means = target.add_subplot(grid[0])
    negative = target.add_subplot(grid[1], sharey=means)
    means.set_title("Mean compound score")
    negative.set_title("Share negative (95% Wilson interval)")
    if not result.themes or not groups:
        _empty(means, "No themes or no voices")
        _empty(negative, "No themes or no voices")
        return
    offsets = {group: (index - (len(groups) - 1) / 2) * 0.22 for index, group in enumerate(groups)}
    for group in groups:
        for row, theme in enumerate(result.themes):
            summary = result.summary(group, theme)
            if not summary.n or summary.mean is None:
                continue
            y = row + offsets[group]
            colour = GROUP_COLOURS[group]
            first = row == next(
                r for r, t in enumerate(result.themes) if result.summary(group, t).n
            )
            means.plot(
                summary.mean,
                y,
                "o",
                color=colour,
                markersize=4,
                label=GROUP_LABELS[group] if first else None,
            )
            means.text(
                summary.mean, y - 0.13, f"{summary.n}", fontsize=5.5, color=MUTED, ha="center"
            )
            share = summary.share_negative
            value = 100 * (share.share or 0.0)
            negative.errorbar(
                value,
                y,
                xerr=[
                    [max(0.0, value - 100 * (share.low or 0.0))],
                    [max(0.0, 100 * (share.high or 0.0) - value)],
                ],
                fmt="o",
                color=colour,
                markersize=4,
                elinewidth=0.8,
                capsize=1.5,
            )
    means.axvline(0, color=MUTED, linewidth=0.6)
    means.axvspan(-0.05, 0.05, color="#eeeeee", zorder=0)
    means.set_xlim(-1, 1)
    means.set_xlabel("mean compound (small numbers: units)")
    negative.set_xlim(0, 100)
    negative.set_xlabel("% of units labelled negative")
    means.set_yticks(range(len(result.themes)), names, fontsize=TICK_SIZE)
    means.invert_yaxis()
    negative.tick_params(labelleft=False)
    means.legend(loc="upper center", bbox_to_anchor=(1.0, -0.14), ncol=3)


def draw_theme_heatmap(
    target: Figure | SubFigure, result: ComparisonResult, labels: Labels | None
) -> None:
    """Draw the theme × sentiment-label table of comments as a heatmap (row shares)."""
    rows = dict(result.theme_labels)
    names = [f"{theme_label(t, labels)} (n = {sum(rows[t])})" for t in result.themes]
    grid = target.add_gridspec(
        1, 1, left=_left_margin(names, _width(target)), right=0.8, top=0.88, bottom=0.12
    )
    ax = target.add_subplot(grid[0])
    ax.set_title("Comments: sentiment label within each theme")
    if not result.themes or not result.group_units("practitioners"):
        _empty(ax, "No comments in this corpus")
        return
    shares = []
    for theme in result.themes:
        counts = rows[theme]
        total = sum(counts)
        shares.append([count / total if total else 0.0 for count in counts])
    image = ax.imshow(shares, cmap="Purples", vmin=0, vmax=1, aspect="auto")
    for row, theme in enumerate(result.themes):
        counts = rows[theme]
        total = sum(counts)
        for column, count in enumerate(counts):
            text = f"{count}\n({100 * count / total:.0f}%)" if total else "–"
            dark = total and count / total > 0.55
            ax.text(
                column,
                row,
                text,
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else "black",
            )
    ax.set_xticks(range(len(LABELS)), list(LABELS))
    ax.set_yticks(
        range(len(names)),
        names,
        fontsize=TICK_SIZE,
    )
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    colorbar = target.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    colorbar.set_label("share of the theme's comments")


# --- keyness ---------------------------------------------------------------------------------


def draw_keyness(
    target: Figure | SubFigure, result: ComparisonResult, labels: Labels | None
) -> None:
    """Draw the key words of each side, by G², with counts and log ratio."""
    sides = (
        ("official", result.keywords_official, "Official findings' words"),
        ("practitioners", result.keywords_practitioners, "Practitioners' words"),
    )
    words = [abridge(drawable(t.word), 24) for _, terms, _ in sides for t in terms]
    margin = _left_margin(words, _width(target) / 2)
    grid = target.add_gridspec(
        1, 2, left=margin / 2, right=0.97, top=0.88, bottom=0.16, wspace=margin + 0.15
    )
    for index, (group, terms, title) in enumerate(sides):
        ax = target.add_subplot(grid[index])
        ax.set_title(title)
        if not terms:
            _empty(ax, "Too few words to compare")
            continue
        g2 = [term.g2 for term in terms]
        colours = [GROUP_COLOURS[group] if term.significant else "#cccccc" for term in terms]  # type: ignore[index]
        ax.barh(range(len(terms)), g2, color=colours)
        for row, term in enumerate(terms):
            note = f"{term.practitioner_count} vs {term.official_count}, LR {term.log_ratio:+.1f}"
            ax.text(term.g2, row, "  " + note, va="center", fontsize=6, color=MUTED)
        ax.set_yticks(
            range(len(terms)), [abridge(drawable(t.word), 24) for t in terms], fontsize=TICK_SIZE
        )
        ax.invert_yaxis()
        ax.set_xlim(0, max(g2) * 1.6 or 1)
        ax.axvline(3.84, color=MUTED, linewidth=0.6, linestyle="--")
        ax.set_xlabel("log-likelihood G² (dashed: p = 0.05)")
    target.text(
        0.5,
        0.02,
        "Grey bars: not significant at p < 0.05. Notes: count in comments vs in official "
        "sentences; LR = log₂ ratio of relative frequencies (practitioners over official).",
        ha="center",
        fontsize=7,
        color=MUTED,
    )


# --- drawing one figure on its own -------------------------------------------------------------

Drawer = Callable[["Figure | SubFigure", ComparisonResult, Labels | None], None]


def _plot(
    drawer: Drawer, result: ComparisonResult, style: Mapping[str, Any], labels: Labels | None
) -> Figure:
    from matplotlib import pyplot as plt
    from matplotlib.figure import Figure

    rc: Any = dict(style)  # matplotlib types rc keys as a Literal; ours are checked at run time
    with plt.rc_context(rc):
        figure = Figure(figsize=FIGURE_SIZE)
        drawer(figure, result, labels)
        return literal(figure)


# Figure file stem → (drawer, page title, caption) — the report's figures in page order.
FIGURES: Final[dict[str, tuple[Drawer, str, str]]] = {
    "prevalence": (
        draw_prevalence,
        "Theme prevalence by voice",
        "Share of each group's units that carry a theme: a comment for practitioners, a body "
        "sentence for the official findings (inspectorate and government) and the council. "
        "Error bars are Wilson 95% intervals; k/n gives the counts. * marks a theme whose share "
        "differs between all comments and official sentences in Fisher's exact test (p < 0.05).",
    ),
    "sentiment_groups": (
        draw_sentiment_groups,
        "Sentiment by voice",
        "VADER compound scores: of each comment (mean of its sentences) and of each official or "
        "council sentence. Labels use the thresholds ±0.05.",
    ),
    "sentiment_themes": (
        draw_sentiment_themes,
        "Sentiment by theme",
        "For the units that carry each theme: the mean compound score (small numbers: how many "
        "units) and the share labelled negative with its Wilson 95% interval.",
    ),
    "theme_sentiment_heatmap": (
        draw_theme_heatmap,
        "Theme by sentiment in comments",
        "Each row: the comments carrying a theme, split by sentiment label (count and row %).",
    ),
    "keyness": (
        draw_keyness,
        "Distinctive words",
        "Words relatively more frequent in practitioners' comments (right) or in official "
        "sentences (left), ranked by Dunning's log-likelihood G²; stop words removed.",
    ),
}


def plot_figure(
    key: str,
    result: ComparisonResult,
    *,
    style: Mapping[str, Any] = STYLE,
    labels: Labels | None = None,
) -> Figure:
    """Draw the figure ``FIGURES[key]`` (e.g. ``"prevalence"``) as its own ``Figure``.

    Args:
        key: a key of ``FIGURES``; it is also the PNG's file name.
        result: the corpus comparison.
        style: matplotlib rc settings.
        labels: theme id → display label.

    Returns:
        The figure.
    """
    return _plot(FIGURES[key][0], result, style, labels)
