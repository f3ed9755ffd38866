"""CSV cells that are safe to open in a spreadsheet (CSV or "formula" injection).

Comment text is written by the public. A cell beginning with ``=``, ``+``, ``-`` or ``@`` is
read by Excel, LibreOffice and Google Sheets as a formula, and a leading tab or carriage
return can smuggle one in; OWASP's guidance ("CSV Injection", owasp.org/www-community/
attacks/CSV_Injection) is to prefix such a cell with a single quote so it is shown as text.
Numbers are written as numbers and never changed: a sentiment of -0.5 stays -0.5.
"""

from __future__ import annotations

from datetime import date, datetime

Cell = str | int | float | bool | date | datetime | None
"""What a table row may hold; everything else is a bug in the caller."""

CsvCell = str | int | float | None
"""A cell ready for ``csv.writer``: safe text, a number, or None (written as an empty cell)."""

# OWASP's list, plus the full-width forms of the same signs, which some spreadsheet
# applications normalise to the ASCII ones before deciding whether a cell is a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_TRIGGERS = frozenset(FORMULA_TRIGGERS)


def neutralise(cell: Cell) -> str | int | float:
    """Return a value the ``csv`` module can write and a spreadsheet shows as data.

    Args:
        cell: a text, number, flag, date or missing value.

    Returns:
        Text beginning with a formula trigger gets a leading ``'``; other text is unchanged;
        ``True``/``False`` become ``1``/``0``; numbers stay numbers; dates become ISO 8601
        text; ``None`` becomes an empty cell.

    Example:
        >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise(-0.5), neutralise(True)
        ('\\'=HYPERLINK("http://x")', -0.5, 1)
    """
    if isinstance(cell, str):  # the common case first
        return safe_text(cell)
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return int(cell)
    if isinstance(cell, int | float):
        return cell
    # datetime is a date too; anything else is not a ``Cell``.
    return cell.isoformat()


def safe_text(text: str) -> str:
    """``neutralise`` for a cell known to be text: the same rule without the type dispatch.

    Args:
        text: the cell's text.

    Returns:
        The text, with a leading ``'`` if it begins with a formula trigger.
    """
    # Every trigger is one character: a set look-up of the first instead of ``startswith``
    # trying ten prefixes in turn.
    return "'" + text if text[:1] in _TRIGGERS else text
