"""Regex alternations that ``re`` searches quickly: the analysers' long lists of phrases
(reporting verbs, actors, metric cues, number words, council names) written so that the
engine enters at most one group of alternatives at a position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def grouped_alternation(
    phrases: Sequence[str], regex: Callable[[str], str], *, ignore_case: bool
) -> str:
    """``"|".join(map(regex, phrases))`` grouped by first letter: the same matches, faster.

    ``re`` tries the alternatives of a ``|`` one after the other at every position it
    tries: the 130 reporting verbs are 130 attempts wherever a verb may start. Grouped by
    their first letter (``s(?:aid|ays|…)|f(?:ound|…)|…``), one group is entered at most.
    Alternatives whose first letters differ (ignoring case, for a pattern compiled with
    ``re.IGNORECASE``: a character folds to one ASCII letter at most) never match at one
    position, and each group keeps its alternatives' order, so the alternatives that can
    match at a position are tried in the same order: every match is the same. Searching
    the 7,800 sentences of a 300-page corpus for a verb takes a sixth of the time. (A trie
    over all their letters is no faster, and ``re`` takes longer to compile it.)

    Args:
        phrases: the alternatives, in order of preference.
        regex: a phrase's regex, which must start with the phrase's first character.
        ignore_case: whether the pattern is compiled with ``re.IGNORECASE``.

    Returns:
        The alternation; ungrouped if a phrase does not start with an ASCII letter or digit.

    Example:
        >>> import re
        >>> grouped_alternation(["said", "says", "found"], re.escape, ignore_case=True)
        's(?:aid|ays)|found'
    """
    regexes = [regex(phrase) for phrase in phrases]
    if not all(
        phrase[:1].isascii() and phrase[:1].isalnum() and body.startswith(phrase[0])
        for phrase, body in zip(phrases, regexes, strict=True)
    ):
        return "|".join(regexes)
    groups: dict[str, list[str]] = {}
    for phrase, body in zip(phrases, regexes, strict=True):
        first = phrase[0].lower() if ignore_case else phrase[0]
        groups.setdefault(first, []).append(body[1:])
    return "|".join(
        first + (tails[0] if len(tails) == 1 else f"(?:{'|'.join(tails)})")
        for first, tails in groups.items()
    )


__all__ = ["grouped_alternation"]
