"""Bounded memos: for functions of one text, where two stages read the same text, and for
the text of recurring scores.

A body block is lower-cased by the page parser and again by the metadata, figure and voice
searches; a comment is read for its practitioner cues and again for its stance; a body
sentence's figures are looked for by the voices and again by the statistics. ``text_memo``
keeps the last results of such a function, so the second stage finds the first one's.

The memo must not let memory grow with the corpus, whatever its pages look like: it holds
at most ``entries`` texts, and only texts of at most ``longest`` characters (a longer one,
rare, is worked out each time). A memo of 4,096 texts of up to 2,000 characters holds at
most about 8 MB of text for each string it keeps per text (16 MB for text outside Latin-1),
whatever the corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

_Result = TypeVar("_Result")
# A score is written as ``str`` (CSV cells) or as UTF-8 bytes (the JSON record).
_Written = TypeVar("_Written", str, bytes)


def text_memo(
    entries: int, longest: int
) -> Callable[[Callable[[str], _Result]], Callable[[str], _Result]]:
    """Memoise a pure function of a text for the last ``entries`` texts up to ``longest``
    characters long.

    Example:
        >>> @text_memo(entries=2, longest=5)
        ... def shout(text: str) -> str:
        ...     return text.upper()
        >>> shout("abc"), shout("abcdefgh")
        ('ABC', 'ABCDEFGH')
    """

    def decorate(function: Callable[[str], _Result]) -> Callable[[str], _Result]:
        remembered = lru_cache(maxsize=entries)(function)

        @wraps(function)
        def memoised(text: str) -> _Result:
            return remembered(text) if len(text) <= longest else function(text)

        return memoised

    return decorate


def score_memo(entries: int, write: Callable[[float], _Written]) -> Callable[[float], _Written]:
    """Memoise ``write`` (a score's text) for the last ``entries`` non-zero scores.

    A corpus's scores are a thousand or so values (VADER's have four places), so a kept
    text is a look-up instead of a float-to-decimal conversion. 0.0 and -0.0 are one key to
    a cache but are written differently: zeros (cheap to write) are never looked up.

    Example:
        >>> written = score_memo(entries=2, write=str)
        >>> written(0.25), written(-0.0)
        ('0.25', '-0.0')
    """
    kept = lru_cache(maxsize=entries)(write)

    def memoised(score: float) -> _Written:
        return kept(score) if score else write(score)

    return memoised
