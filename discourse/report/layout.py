"""Page layout for the PDF: A4 pages of flowing, wrapped text, tables and embedded figures.

``Document`` owns the ``PdfPages`` file and numbers pages; each finished page is written and
closed at once, so memory does not grow with the number of pages. ``Flow`` places wrapped
lines top-down and starts a new page when the next block would not fit. Every string goes
through ``drawable`` and is measured with the report font, and every ``Text`` is drawn with
math parsing off, so hostile comment text shows as typed and never runs off the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

from discourse.report.style import INK, MARGIN, MUTED, PAGE_SIZE, STYLE
from discourse.report.text import drawable, fit_lines, literal, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure

LEADING: Final = 1.32  # line height as a multiple of the font size
BODY: Final = 9.0
SMALL: Final = 7.5
FOOTER: Final = "discourse report"


def _line_height(size: float) -> float:
    return size * LEADING / 72.0


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its header and its share of the text width."""

    header: str
    share: float


class Document:
    """The report PDF: add pages in order; each is saved and closed immediately.

    Use as a context manager. ``titles`` lists each page's title in order (the report's
    table of pages, and what the tests check the PDF against).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.titles: list[str] = []
        # PdfPages's methods are untyped in matplotlib's stubs: held as Any.
        self._pdf: Any = None
        self._rc: Any = None

    def __enter__(self) -> Document:
        from matplotlib import pyplot as plt
        from matplotlib.backends.backend_pdf import PdfPages

        rc: Any = dict(STYLE)
        self._rc = plt.rc_context(rc)
        self._rc.__enter__()
        # No creation date: the same inputs give the same PDF bytes.
        self._pdf = PdfPages(self.path, metadata={"CreationDate": None, "Creator": FOOTER})
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pdf is not None:
            self._pdf.close()
        self._rc.__exit__(kind, error, traceback)

    def new_page(self, title: str) -> Figure:
        """A blank A4 page with its running title and page number."""
        from matplotlib.figure import Figure

        figure = Figure(figsize=PAGE_SIZE)
        number = len(self.titles) + 1
        self.titles.append(title)
        width, height = PAGE_SIZE
        figure.text(
            MARGIN / width,
            0.45 / height,
            f"{FOOTER} · page {number}",
            fontsize=SMALL,
            color=MUTED,
        )
        return figure

    def save(self, figure: Figure) -> None:
        """Write a finished page into the PDF and free it."""
        if self._pdf is None:
            raise RuntimeError("Document used outside its with-block")
        self._pdf.savefig(literal(figure))
        figure.clear()


class Flow:
    """Text flowing down A4 pages of a ``Document``.

    Args:
        document: where pages go.
        title: the page title (repeated, marked "continued", on follow-on pages).
    """

    def __init__(self, document: Document, title: str) -> None:
        self.document = document
        self.title = title
        self.width = PAGE_SIZE[0] - 2 * MARGIN
        self._page: Figure | None = None
        self._y = 0.0
        self._open(first=True)

    # --- pages ---------------------------------------------------------------------------

    def _open(self, first: bool) -> None:
        if self._page is not None:
            self.document.save(self._page)
        title = self.title if first else f"{self.title} (continued)"
        self._page = self.document.new_page(title)
        self._y = PAGE_SIZE[1] - MARGIN
        self._draw_lines(fit_lines(drawable(title), self.width, 15, 2, bold=True), 15, bold=True)
        self._y -= 0.12

    @property
    def page(self) -> Figure:
        if self._page is None:
            raise RuntimeError("flow already finished")
        return self._page

    @property
    def room(self) -> float:
        """Inches left above the footer."""
        return self._y - (MARGIN + 0.2)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` inches still fit on this one."""
        if height > self.room:
            self._open(first=False)

    def finish(self) -> None:
        """Save the last page."""
        if self._page is not None:
            self.document.save(self._page)
            self._page = None

    # --- drawing -------------------------------------------------------------------------

    def _draw_lines(
        self,
        lines: Sequence[str],
        size: float,
        *,
        x: float = 0.0,
        bold: bool = False,
        colour: str = INK,
        italic: bool = False,
    ) -> None:
        width, height = PAGE_SIZE
        for line in lines:
            self._y -= _line_height(size)
            self.page.text(
                (MARGIN + x) / width,
                self._y / height,
                line,
                fontsize=size,
                fontweight="bold" if bold else "normal",
                fontstyle="italic" if italic else "normal",
                color=colour,
                parse_math=False,
            )

    def space(self, inches: float) -> None:
        """Leave vertical space (never carried over to a new page)."""
        self._y -= min(inches, max(self.room, 0.0))

    def heading(self, text: str, size: float = 12.0) -> None:
        """A bold heading kept with at least three lines after it."""
        lines = wrap(drawable(text), self.width, size, bold=True)
        self.ensure(_line_height(size) * len(lines) + 0.1 + 3 * _line_height(BODY))
        self.space(0.08)
        self._draw_lines(lines, size, bold=True)
        self.space(0.04)

    def text(
        self,
        text: str,
        size: float = BODY,
        *,
        indent: float = 0.0,
        bold: bool = False,
        italic: bool = False,
        colour: str = INK,
        max_lines: int | None = None,
        keep: bool = False,
    ) -> None:
        """A wrapped paragraph; it continues on the next page when it does not fit.

        Args:
            text: any text (made drawable here).
            size: font size in points.
            indent: left indent in inches.
            bold: bold face.
            italic: italic face.
            colour: text colour.
            max_lines: abridge to this many lines with "…".
            keep: move the whole paragraph to a new page rather than split it.
        """
        width = self.width - indent
        safe = drawable(text)
        lines = (
            fit_lines(safe, width, size, max_lines, bold=bold)
            if max_lines
            else wrap(safe, width, size, bold=bold)
        )
        if keep:
            self.ensure(_line_height(size) * len(lines))
        for line in lines:
            self.ensure(_line_height(size))
            self._draw_lines([line], size, x=indent, bold=bold, colour=colour, italic=italic)

    def columns(
        self,
        cells: Sequence[str],
        shares: Sequence[float],
        size: float = BODY,
        *,
        bold: bool = False,
        colours: Sequence[str] | None = None,
        max_lines: int = 12,
    ) -> None:
        """One row of side-by-side wrapped cells (a table row, or quotes side by side).

        Args:
            cells: the texts.
            shares: each cell's share of the text width (they should sum to at most 1).
            size: font size.
            bold: bold face (headers).
            colours: per-cell text colours.
            max_lines: abridge a cell longer than this with "…".
        """
        gutter = 0.12
        wrapped = [
            fit_lines(drawable(cell), share * self.width - gutter, size, max_lines, bold=bold)
            for cell, share in zip(cells, shares, strict=True)
        ]
        rows = max((len(lines) for lines in wrapped), default=0)
        self.ensure(_line_height(size) * rows + 0.05)
        top = self._y
        x = 0.0
        for index, (lines, share) in enumerate(zip(wrapped, shares, strict=True)):
            self._y = top
            colour = colours[index] if colours else INK
            self._draw_lines(lines, size, x=x, bold=bold, colour=colour)
            x += share * self.width
        self._y = top - _line_height(size) * rows - 0.04

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        size: float = 8.0,
    ) -> None:
        """A table: a bold header row (repeated on each new page) and wrapped cells."""
        shares = [column.share for column in columns]
        headers = [column.header for column in columns]
        self.columns(headers, shares, size, bold=True)
        self.rule()
        for row in rows:
            if self.room < _line_height(size) * 2:
                self._open(first=False)
                self.columns(headers, shares, size, bold=True)
                self.rule()
            self.columns(row, shares, size, max_lines=4)

    def rule(self, colour: str = "#BBBBBB") -> None:
        """A thin horizontal line across the text width."""
        width, height = PAGE_SIZE
        y = (self._y + 0.02) / height
        self.page.add_artist(_line(MARGIN / width, 1 - MARGIN / width, y, colour))
        self._y -= 0.04

    def figure(self, drawer: Callable[[Figure | SubFigure], None], height: float) -> None:
        """Embed a drawing ``height`` inches tall across the text width (as vectors)."""
        self.ensure(height)
        width, page_height = PAGE_SIZE
        side = MARGIN / 2
        # A sub-figure fills its grid cell by the grid's ratios (it ignores the grid's
        # left/top/…), so the drawing's box is carved out with a 3×3 grid of ratios.
        grid = self.page.add_gridspec(
            3,
            3,
            width_ratios=[side, width - 2 * side, side],
            height_ratios=[page_height - self._y, height, self._y - height],
        )
        drawer(self.page.add_subfigure(grid[1, 1]))
        self._y -= height


def _line(x0: float, x1: float, y: float, colour: str) -> Any:
    from matplotlib.lines import Line2D

    return Line2D([x0, x1], [y, y], color=colour, linewidth=0.5)
