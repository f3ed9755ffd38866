"""Make any text safe to draw, and fit it to a width: wrap, break long words, abridge.

Comment text is shown literally. Matplotlib would read ``$…$`` as mathematics, so every
``Text`` is drawn with ``parse_math=False`` (see ``literal``); here, characters the font has no
glyph for (most emoji) become U+FFFD "�", invisible formatting characters (right-to-left
marks, zero-width joiners) and control characters are removed, and lines are wrapped by the
measured width of each character in the font the report uses, so no line runs off the page.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ELLIPSIS: Final = "…"
REPLACEMENT: Final = "\ufffd"


@cache
def _font_file(bold: bool) -> str:
    from matplotlib import font_manager

    from discourse.report.style import FONT

    properties = font_manager.FontProperties(family=FONT, weight="bold" if bold else "normal")
    return str(font_manager.findfont(properties, fallback_to_default=True))


@cache
def _charmap() -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(_font_file(False)).get_charmap())


@cache
def _advance(char: str, bold: bool) -> float:
    """Advance width of ``char`` at 1 pt, in points (from the font's own metrics)."""
    from matplotlib.ft2font import FT2Font, LoadFlags

    font = FT2Font(_font_file(bold))
    font.set_size(100.0, 72)
    glyph = font.load_char(ord(char), flags=LoadFlags.NO_HINTING)
    return float(glyph.linearHoriAdvance) / 65536 / 100.0


def drawable(text: str) -> str:
    """Return ``text`` with only characters the report's font can draw.

    Args:
        text: any text, e.g. a comment.

    Returns:
        The text with tabs as spaces, formatting and control characters removed (they are
        invisible, and bidirectional overrides would otherwise reorder nothing and render as
        boxes), and characters without a glyph replaced by "�". Example:
        ``drawable("a\\u200fb\\x07")`` is ``"ab"``.
    """
    charmap = _charmap()
    out = []
    for char in text:
        if char == "\t":
            out.append(" ")
        elif char == "\n":
            out.append(char)
        elif unicodedata.category(char) in {"Cf", "Cc", "Cs", "Co", "Cn"}:
            continue
        elif ord(char) in charmap:
            out.append(char)
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of ``text`` drawn at ``size`` points, in inches (kerning ignored).

    Multi-line text measures its widest line; a character the font lacks is measured as the
    "�" it will be drawn as.
    """
    charmap = _charmap()
    widest = 0.0
    for line in text.split("\n"):
        points = sum(_advance(char if ord(char) in charmap else REPLACEMENT, bold) for char in line)
        widest = max(widest, points)
    return widest * size / 72.0


def _break_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """Cut a word wider than ``width`` into pieces that fit, each but the last ending "-"."""
    pieces, current = [], ""
    for char in word:
        if current and text_width(current + char + "-", size, bold=bold) > width:
            pieces.append(current + "-")
            current = ""
        current += char
    pieces.append(current)
    return pieces


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Wrap text into lines no wider than ``width`` inches at ``size`` points.

    Args:
        text: drawable text (``drawable``); newlines start new lines.
        width: the available width in inches.
        size: the font size in points.
        bold: whether the bold face is used.

    Returns:
        The lines; a word wider than the line is broken with a hyphen.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            pieces = (
                _break_word(word, width, size, bold)
                if text_width(word, size, bold=bold) > width
                else [word]
            )
            for piece in pieces:
                candidate = f"{current} {piece}" if current else piece
                if current and text_width(candidate, size, bold=bold) > width:
                    lines.append(current)
                    current = piece
                else:
                    current = candidate
        lines.append(current)
    return lines


def abridge(text: str, limit: int) -> str:
    """Shorten ``text`` to at most ``limit`` characters, ending with "…" when cut.

    Cuts at a word boundary when there is one in the last fifth, so words stay whole.

    Args:
        text: any text.
        limit: the maximum length (≥ 2).

    Returns:
        The text, or its start and "…". Example: ``abridge("one two three", 9) == "one two…"``.
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def fit_lines(
    text: str, width: float, size: float, max_lines: int, *, bold: bool = False
) -> list[str]:
    """Wrap ``text`` and keep at most ``max_lines`` lines, marking a cut with "…".

    Args:
        text: drawable text.
        width: available width in inches.
        size: font size in points.
        max_lines: the most lines allowed (≥ 1).
        bold: whether the bold face is used.

    Returns:
        The lines to draw.
    """
    lines = wrap(text, width, size, bold=bold)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and text_width(last + " " + ELLIPSIS, size, bold=bold) > width:
        last = last[:-1]
    kept[-1] = (last.rstrip() + " " + ELLIPSIS).strip()
    return kept


def literal(figure: Figure) -> Figure:
    """Switch off mathtext for every text of a figure, so ``$``, ``_``, ``^`` draw as typed.

    Args:
        figure: a finished figure.

    Returns:
        The same figure.
    """
    from matplotlib.text import Text

    for artist in figure.findobj(Text):
        artist.set_parse_math(False)
    return figure
