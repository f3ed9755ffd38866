"""Prefilters: cheap tests that tell when a regular-expression search cannot match.

Python's regex engine tries every alternative of a pattern at every position of a text, so
the analysers' large alternations (actors, reporting verbs, number words, council names,
commenter cues) cost hundreds of microseconds per text even when nothing matches, which is
the usual case; a substring test says so far faster. Two halves:

* the text side, ``lowered`` (and ``ascii_folded`` to look matched words up in tables). A
  pattern of ASCII words matched under ``re.IGNORECASE`` matches a character only if that
  character lower-cases to the word's letter, except for the four characters of
  ``FOLD_TRAPS``, which ``re`` also takes for ASCII letters; a text holding one of them is
  never prefiltered.
* the pattern side, ``required_keys``: literal strings one of which every match of a pattern
  must contain, in the manner of RE2's and ripgrep's literal extraction; and
  ``required_prefixes``: literal strings one of which every match starts with, which
  ``WholeTextFilter`` tests for lines that a set of ``re.fullmatch`` rules may match.

``required_keys`` reads the regex syntax the cue file uses. It works out, for each piece of a
pattern, either the exact strings the piece can match (when they are few: "could", "n't" or
"nt") or sets of strings one of which every match contains. Whatever it does not model
(backreferences, inline flags, a literal "{") raises ``_UnmodelledError`` and the pattern gets
no keys, so it is searched in every text: the prefilter may only lose selectivity, never a
match. Look-arounds, ``\\b``, ``^`` and ``$`` consume nothing, so they add nothing to a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import cast

from discourse.memo import text_memo

# The only characters outside ASCII that ``re.IGNORECASE`` matches to an ASCII letter:
# "İ" and "ı" (i), "ſ" (s) and the Kelvin sign (k). tests/test_prefilter.py checks this
# over all of Unicode.
FOLD_TRAPS = "\u0130\u0131\u017f\u212a"


# The same text is lowered by several stages (a body block by the page parser, then by the
# metadata, statistics and voice searches): about half of the calls of a run repeat one of
# the last few thousand, and a hit costs less than lower-casing again.
@text_memo(entries=4096, longest=2000)
def lowered(text: str) -> str | None:
    """``text`` lower-cased for substring prefilters, or ``None`` if none may be used.

    Args:
        text: a sentence or block.

    Returns:
        ``text.lower()``: a case-insensitive match of ASCII words in ``text`` is then a
        substring of it. ``None`` when ``text`` holds a character that ``re.IGNORECASE``
        matches to an ASCII letter without lower-casing to it (``FOLD_TRAPS``).
    """
    # ASCII text (half of all lines; ``isascii`` reads a flag) cannot hold a trap; otherwise
    # four substring scans are cheaper than a regex pass that tests every character.
    if not text.isascii() and any(map(text.__contains__, FOLD_TRAPS)):
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


_BOUNDS = re.compile(r"\{(\d*)(,(\d*))?\}")

_FEW = 16
"""Largest set of exact strings tracked for one piece of a cue."""
_SHORTEST = 3
"""Keys shorter than this ("i", "a", "as") are in nearly every comment: not worth testing."""


class _UnmodelledError(Exception):
    """A regex construct the key analysis does not model."""


_ANY_HEAD = frozenset({""})
_MANY_HEADS = 256
"""Largest set of strings tracked as the starts of the matches of one piece."""


@dataclass(frozen=True, slots=True)
class _Needs:
    """What any text matched by a piece of a cue holds.

    ``exact``: every string the piece can match, when known and at most `_FEW` (else None);
    ``clauses``: each clause is a set of strings one of which occurs in every match;
    ``heads``: strings one of which every match starts with (``{""}``: nothing known).
    """

    exact: frozenset[str] | None
    clauses: tuple[frozenset[str], ...]
    heads: frozenset[str] = _ANY_HEAD


def _exactly(strings: set[str] | frozenset[str]) -> _Needs:
    exact = frozenset(strings)
    return _Needs(exact, () if "" in exact else (exact,), exact)


_NOTHING = _exactly({""})  # consumes nothing: \b, ^, $, a look-around
_UNKNOWN = _Needs(None, ())  # no useful key: a character class, an optional piece


def _selectivity(clause: frozenset[str]) -> tuple[int, int, list[str]]:
    """Rank of a clause: longest shortest key, then fewest keys (then a fixed order)."""
    return (min(map(len, clause)), -len(clause), sorted(clause))


def _best(clauses: tuple[frozenset[str], ...]) -> frozenset[str] | None:
    """The most selective clause."""
    return max(clauses, key=_selectivity) if clauses else None


def _sequence_heads(pieces: list[_Needs]) -> frozenset[str]:
    # A match starts with a string of each leading exact piece in turn, then with a head of
    # the first piece that is not exact.
    heads = {""}
    for piece in pieces:
        if len(heads) * len(piece.heads) > _MANY_HEADS:
            break
        heads = {head + tail for head in heads for tail in piece.heads}
        if piece.exact is None:
            break
    return frozenset(heads)


def _sequence(pieces: list[_Needs]) -> _Needs:
    # `run` is the set of exact strings the current stretch of exact pieces can match; a
    # piece that is not exact ends the stretch, which then becomes a clause of its own.
    run: set[str] = {""}
    clauses: list[frozenset[str]] = []
    exact = True
    for piece in pieces:
        if piece.exact is not None and len(run) * len(piece.exact) <= _FEW:
            run = {head + tail for head in run for tail in piece.exact}
            continue
        exact = False
        if "" not in run:
            clauses.append(frozenset(run))
        if piece.exact is None:
            clauses.extend(piece.clauses)
            run = {""}
        else:
            run = set(piece.exact)
    if exact:
        return _exactly(run)
    if "" not in run:
        clauses.append(frozenset(run))
    return _Needs(None, tuple(clauses), _sequence_heads(pieces))


def _alternatives(branches: list[_Needs]) -> _Needs:
    if len(branches) == 1:
        return branches[0]
    exacts = [branch.exact for branch in branches]
    if all(exact is not None for exact in exacts):
        union = frozenset[str]().union(*cast(list[frozenset[str]], exacts))
        if len(union) <= _FEW:
            return _exactly(union)
    # A match is a match of one branch, so it holds a key of that branch's best clause and
    # starts with one of that branch's heads.
    heads = frozenset[str]().union(*(branch.heads for branch in branches))
    best = [_best(branch.clauses) for branch in branches]
    if any(clause is None for clause in best):
        return _Needs(None, (), heads)
    return _Needs(None, (frozenset[str]().union(*cast(list[frozenset[str]], best)),), heads)


def _repeat(piece: _Needs, least: int, most: int | None) -> _Needs:
    if piece.exact is not None and most is not None:
        strings: set[str] = set()
        power: set[str] = {""}
        for count in range(most + 1):
            if count >= least:
                strings |= power
            if len(strings) > _FEW or len(power) > _FEW:
                break
            power = {head + tail for head in power for tail in piece.exact}
        else:
            return _exactly(strings)
    # At least one repetition holds whatever one occurrence of the piece holds.
    return _Needs(None, piece.clauses, piece.heads) if least >= 1 else _UNKNOWN


_SYNTAX = frozenset("()[]\\^$.|*+?{}")
_QUANTIFIERS = frozenset("*+?{")


class _CueReader:
    """Recursive-descent reading of one (expanded) cue regex into `_Needs`."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def read(self) -> _Needs:
        needs = self.alternatives()
        if self.at != len(self.pattern):
            raise _UnmodelledError(self.pattern)
        return needs

    def _peek(self) -> str:
        return self.pattern[self.at] if self.at < len(self.pattern) else ""

    def alternatives(self) -> _Needs:
        branches = [self.sequence()]
        while self._peek() == "|":
            self.at += 1
            branches.append(self.sequence())
        return _alternatives(branches)

    def sequence(self) -> _Needs:
        pieces = []
        while self._peek() not in ("", "|", ")"):
            pieces.append(self.quantified(self.atom()))
        return _sequence(pieces)

    def atom(self) -> _Needs:
        pattern, char = self.pattern, self.pattern[self.at]
        self.at += 1
        if char == "(":
            openings = ("?:", "?=", "?!", "?<=", "?<!")
            opening = next((o for o in openings if pattern.startswith(o, self.at)), "")
            if opening == "" and self._peek() == "?":
                raise _UnmodelledError(pattern)  # named groups, inline flags, conditionals
            self.at += len(opening)
            inner = self.alternatives()
            if self._peek() != ")":
                raise _UnmodelledError(pattern)
            self.at += 1
            return inner if opening in ("", "?:") else _NOTHING
        if char == "[":
            end = self.at + (pattern[self.at] == "^")
            end += pattern[end] == "]"  # a "]" first in the class is a member
            while pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            self.at = end + 1
            return _UNKNOWN
        if char == "\\":
            escaped = self._peek()
            self.at += 1
            if escaped in ("b", "B", "A", "Z"):
                return _NOTHING
            if escaped in ("s", "S", "d", "D", "w", "W"):
                return _UNKNOWN
            if escaped.isalnum() or not escaped:
                raise _UnmodelledError(pattern)  # backreferences, \n-style escapes
            return _exactly({escaped})
        if char in ("^", "$"):
            return _NOTHING
        if char == ".":
            return _UNKNOWN
        if char in "*+?{}":
            raise _UnmodelledError(pattern)
        # A run of literal characters is one piece, but a quantifier takes only the last one.
        # (The same needs as one piece per character, read several times faster.)
        start, end = self.at - 1, self.at
        while end < len(pattern) and pattern[end] not in _SYNTAX:
            if end + 1 < len(pattern) and pattern[end + 1] in _QUANTIFIERS:
                break
            end += 1
        self.at = end
        return _exactly({pattern[start:end]})

    def quantified(self, piece: _Needs) -> _Needs:
        char = self._peek()
        most: int | None
        if char == "?":
            least, most = 0, 1
        elif char == "*":
            least, most = 0, None
        elif char == "+":
            least, most = 1, None
        elif char == "{":
            bounds = _BOUNDS.match(self.pattern, self.at)
            if bounds is None or not (bounds.group(1) or bounds.group(3)):
                raise _UnmodelledError(self.pattern)  # Python reads such a "{" as a literal
            least = int(bounds.group(1) or 0)
            if bounds.group(2) is None:
                most = least
            else:
                most = int(bounds.group(3)) if bounds.group(3) else None
            self.at = bounds.end() - 1
        else:
            return piece
        self.at += 1
        if self._peek() in ("?", "+"):  # lazy or possessive: matches no other strings
            self.at += 1
        return _repeat(piece, least, most)


def required_keys(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Literal strings that every text ``pattern`` matches (case-sensitively) contains.

    Args:
        pattern: a regular expression (as compiled without flags).

    Returns:
        Clauses, most selective first: every match holds at least one key of each clause.
        Clauses whose shortest key has under `_SHORTEST` characters occur in nearly every
        comment and are left out unless there is no other; no clauses: the cue cannot be
        bounded by literals and must always be searched.
    """
    try:
        clauses = _CueReader(pattern).read().clauses
    except _UnmodelledError:
        return ()
    ranked = sorted(set(clauses), key=_selectivity, reverse=True)
    kept = [clause for clause in ranked if min(map(len, clause)) >= _SHORTEST] or ranked[:1]
    return tuple(tuple(sorted(clause, key=lambda key: (len(key), key))) for clause in kept)


def required_prefixes(pattern: str) -> tuple[str, ...]:
    """Literal strings one of which every text ``pattern`` matches (case-sensitively) starts with.

    Args:
        pattern: a regular expression (as compiled without flags).

    Returns:
        The strings, shortest first; none when a match may start with anything or the
        pattern is not modelled (see ``required_keys``).

    Example:
        >>> required_prefixes(r"(?:blog )?comments?\\s*:")
        ('comment', 'comments', 'blog comment', 'blog comments')
    """
    try:
        heads = _CueReader(pattern).read().heads
    except _UnmodelledError:
        return ()
    return () if "" in heads else tuple(sorted(heads, key=lambda head: (len(head), head)))


def folded_literals(strings: Iterable[str]) -> tuple[str, ...] | None:
    """Literals of a pattern as they appear in the ``lowered`` text of a case-insensitive match.

    A case-insensitive match holds a pattern's literal in other cases, and lower-casing the
    text gives it back lower-cased when its characters are ASCII (``lowered`` refuses the
    texts where it would not) or have no case at all ("’", which matches only itself).

    Args:
        strings: literals from ``required_keys`` or ``required_prefixes``.

    Returns:
        The literals lower-cased, or None when one holds a character of neither kind.
    """
    literals = tuple(strings)
    if not all(_plain(char) for literal in literals for char in literal):
        return None
    return tuple(literal.lower() for literal in literals)


def folded_keys(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which the ``lowered`` form of any text ``pattern`` matches holds.

    For ``re.IGNORECASE`` searches: the most selective clause of ``required_keys`` that
    ``folded_literals`` can lower-case.

    Args:
        pattern: a regular expression, searched case-insensitively.

    Returns:
        The lower-cased keys; None when no clause has such keys: the pattern is always tried.
    """
    for clause in required_keys(pattern):
        keys = folded_literals(clause)
        if keys is not None:
            return keys
    return None


def _plain(char: str) -> bool:
    # An ASCII character, or one without case (``re`` then matches it only to itself).
    return char.isascii() or char.lower() == char == char.upper()


@dataclass(frozen=True, slots=True)
class WholeTextFilter:
    """Rules out texts that no pattern of a set matches whole (``re.fullmatch``, any case).

    ``heads``: for each first character, the lower-cased strings one of which the text of a
    match of some pattern starts with (looked up by the text's first character, since a test
    of each of a hundred strings costs more than the regex it would save); ``keys``:
    lower-cased strings one of which the text holds, for the patterns whose matches may start
    with anything.
    """

    heads: dict[str, tuple[str, ...]]
    keys: tuple[str, ...]

    @classmethod
    def of(cls, patterns: Iterable[str]) -> WholeTextFilter | None:
        """The filter of case-insensitive ``patterns``, or None if one has neither literal."""
        heads: set[str] = set()
        keys: list[str] = []
        for pattern in patterns:
            starts = folded_literals(required_prefixes(pattern))
            if starts:
                heads.update(starts)
                continue
            held = folded_keys(pattern)
            if held is None:
                return None
            keys.extend(held)
        by_first: dict[str, tuple[str, ...]] = {}
        for head in sorted(heads, key=len):
            # A head that starts with another head adds nothing to the test.
            if not head.startswith(by_first.get(head[0], ())):
                by_first[head[0]] = (*by_first.get(head[0], ()), head)
        return cls(by_first, tuple(dict.fromkeys(keys)))

    def may_match(self, text: str) -> bool:
        """False only when no pattern of the set can match the whole of ``text``."""
        folded = lowered(text)
        return (
            folded is None
            or folded.startswith(self.heads.get(folded[:1], ()))
            or any(map(folded.__contains__, self.keys))
        )


_MOST_WORDS = 1 << 16
"""Words whose keys `KeyIndex` remembers before it starts afresh (bounds its memory)."""


class _WordBits(dict[str, int]):
    """Word met -> the bits of the keys it holds (0 for most), a word worked out when first
    looked up (``__missing__``, which ``dict``'s look-up calls from C)."""

    def __init__(self, bits: dict[str, int]) -> None:
        super().__init__()
        self.bits = bits  # key -> the bits of the clauses holding it

    def __missing__(self, word: str) -> int:
        if len(self) >= _MOST_WORDS:
            self.clear()
        bits = 0
        for key, key_bits in self.bits.items():
            if key in word:
                bits |= key_bits
        self[word] = bits
        return bits


class KeyIndex:
    """Which clauses of many patterns' keys a text holds, found in one pass over its words.

    Each ``key in text`` test scans the text: about 0.4 µs for a comment of 400 characters,
    and the commenter cues have 188 distinct keys, tested cue by cue. A key without
    whitespace can only occur inside one of the text's whitespace-separated words, so the
    index splits the text once and looks its words up among those met before, with the
    bits of the keys each holds, filled in as words are first met (comments share most of
    their words). Keys that hold whitespace are tested with ``in``.

    Every clause of every pattern added gets one bit of an integer: ``satisfied`` returns the
    bits of the clauses a text holds a key of, and a pattern can match the text only if all
    the bits ``add`` returned for it are set.

    Example:
        >>> index = KeyIndex()
        >>> need = index.add((("well",), ("said",)))
        >>> index.satisfied("well said!") & need == need, index.satisfied("said") & need == need
        (True, False)
    """

    def __init__(self) -> None:
        self._bits: dict[str, int] = {}  # key -> the bits of the clauses holding it
        self._words = _WordBits(self._bits)
        self._spaced: list[tuple[str, int]] = []
        self._clauses = 0

    def add(self, clauses: tuple[tuple[str, ...], ...]) -> int:
        """Index a pattern's clauses (from `required_keys`).

        Returns:
            The bits that are all set in ``satisfied(text)`` when ``text`` holds a key of
            each clause; 0 for a pattern without clauses, which is never ruled out.
        """
        need = 0
        for clause in clauses:
            bit = 1 << self._clauses
            self._clauses += 1
            need |= bit
            for key in clause:
                self._bits[key] = self._bits.get(key, 0) | bit
        # str.split() cuts at exactly the characters that break a key into words.
        self._spaced = [(key, bits) for key, bits in self._bits.items() if key.split() != [key]]
        self._words.clear()
        return need

    def satisfied(self, text: str) -> int:
        """The bits of the clauses ``text`` holds a key of (see `add`)."""
        # One look-up a word and the bits of the few words that hold keys joined, in loops
        # that run in C: a Python loop over the words cost 80,000 instructions a comment,
        # set operations (are all the words known? which hold keys?) 52,000 besides the
        # split, this 48,000.
        bits: int = reduce(or_, filter(None, map(self._words.__getitem__, text.split())), 0)
        for key, key_bits in self._spaced:
            if key in text:
                bits |= key_bits
        return bits
