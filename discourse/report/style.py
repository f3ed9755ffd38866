"""The report's look in one place: the matplotlib style, the page size, colours per group.

Every figure and page is drawn inside ``plt.rc_context(STYLE)``, and every figure takes the
colour of a voice group from ``GROUP_COLOURS``, so a group looks the same on every page.
"""

from __future__ import annotations

from typing import Any, Final

from discourse.analyse.results import SentimentLabel
from discourse.compare.groups import GroupId

# Okabe and Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
GROUP_COLOURS: Final[dict[GroupId, str]] = {
    "practitioners": "#D55E00",  # vermilion
    "self_identified": "#E69F00",  # orange: a subset of the practitioners
    "official": "#0072B2",  # blue
    "council": "#009E73",  # bluish green
}

# Sentiment labels use a separate, diverging set so they are never mistaken for a group.
LABEL_COLOURS: Final[dict[SentimentLabel, str]] = {
    "negative": "#8E3B46",
    "neutral": "#BDBDBD",
    "positive": "#3B6E8E",
}

INK: Final = "#222222"
MUTED: Final = "#666666"

# A4 portrait, in inches; margins leave room for printing.
PAGE_SIZE: Final[tuple[float, float]] = (8.27, 11.69)
MARGIN: Final = 0.7
FIGURE_SIZE: Final[tuple[float, float]] = (10.0, 6.2)

FONT: Final = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine

STYLE: Final[dict[str, Any]] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 9.5,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.frameon": False,
    "legend.fontsize": 8.5,
    # Comment text is drawn literally: never through LaTeX.
    "text.usetex": False,
    "text.parse_math": False,
    # TrueType (Type 42) fonts keep the PDF's text searchable and extractable.
    "pdf.fonttype": 42,
    # Reproducible output: a fixed hash salt keeps SVG ids stable; PNG/PDF carry no date.
    "svg.hashsalt": "discourse",
    "figure.dpi": 100,
    "savefig.dpi": 200,
}
