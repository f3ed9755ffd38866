"""Cheap tests that tell when a case-insensitive pattern cannot match, so it is not run.

The analysers search every sentence with large case-insensitive alternations (actors,
reporting verbs, number words, council names). Most sentences hold none of their words, and a
substring test on the lower-cased sentence says so far faster than the regex engine, which
tries every alternative at every position. Such a test may only skip a search that would find
nothing: a pattern of ASCII words matched under ``re.IGNORECASE`` matches a character only if
that character lower-cases to the word's letter, except for the four characters below, which
``re`` also takes for ASCII letters. A text holding one of them is never prefiltered.
"""

from __future__ import annotations

import re

# The only characters outside ASCII that ``re.IGNORECASE`` matches to an ASCII letter:
# "İ" and "ı" (i), "ſ" (s) and the Kelvin sign (k). tests/test_prefilter.py checks this
# over all of Unicode.
FOLD_TRAPS = "\u0130\u0131\u017f\u212a"
_TRAP = re.compile(f"[{FOLD_TRAPS}]")


def lowered(text: str) -> str | None:
    """``text`` lower-cased for substring prefilters, or ``None`` if none may be used.

    Args:
        text: a sentence or block.

    Returns:
        ``text.lower()``: a case-insensitive match of ASCII words in ``text`` is then a
        substring of it. ``None`` when ``text`` holds a character that ``re.IGNORECASE``
        matches to an ASCII letter without lower-casing to it (``FOLD_TRAPS``).
    """
    if _TRAP.search(text) is not None:
        return None
    return text.lower()


_TRAPS_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ascii_folded(text: str) -> str:
    """The lower-case ASCII form of text a case-insensitive pattern of ASCII words matched.

    ``re.IGNORECASE`` lets "ı" match "i" (and each ``FOLD_TRAPS`` character its letter), so a
    table of ASCII words looked up with ``match.lower()`` would miss "a thırd" or "ınadequate";
    this is the key to look up instead.

    Args:
        text: the matched text.

    Returns:
        ``text`` with the ``FOLD_TRAPS`` characters replaced by their ASCII letters, lower-cased.

    Example:
        >>> ascii_folded("A THIRD"), ascii_folded("a th\u0131rd")
        ('a third', 'a third')
    """
    return text.translate(_TRAPS_TO_ASCII).lower()
