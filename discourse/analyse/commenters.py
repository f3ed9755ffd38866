"""Who speaks in the comments: practitioners' self-identification and reply stance.

Commenters often say who they are ("as a locum", "I manage a safeguarding team") and replies
say where they stand ("couldn't agree more", "I get the point you make but …"). The cue
phrases are data, in ``discourse/data/commenter_cues.toml``; this module compiles them once
per process and reports the first cue found, in the commenter's own words, as evidence.

Speed: most comments hold no cue at all, yet Python's regex engine tries every cue at every
position of the comment (~250 µs for the stance cues of one comment). So each cue also
carries *keys*, literal strings worked out from the cue's regex at load time
(``prefilter.required_keys``), one of which is a substring of every text the cue can match.
A cue is searched only when one of its keys occurs in the comment; usually none does. The
keys of all the cues are looked up together, once per comment, word by word
(``prefilter.KeyIndex``), which leaves one look-up per run of cues (see `_Run`). Cues opening
with the same placeholder or word share a gate searched once per comment, and gates and cues
opening with ``\\b`` or a group of alternatives are first searched as patterns opening with a
literal, which the engine finds several times faster (see `_gate_branches`).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, cast, get_args

from discourse.analyse.results import PractitionerClaim, PractitionerRole, Stance, StanceCue
from discourse.errors import DiscourseError
from discourse.memo import text_memo
from discourse.model import frozen_record
from discourse.prefilter import KeyIndex, required_keys
from discourse.resources import read_data_toml

CUES_FILE = "commenter_cues.toml"

NO_STANCE = StanceCue(stance="none", cue="")
"""The stance of a top-level comment, or of a reply with no cue."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Curly apostrophes are straightened before matching so one cue covers both spellings; the
# replacement keeps every character's position, so a match's span points at the original text.
_APOSTROPHES = ("’", "‘", "ʼ")
_ASCII_BYTES = bytes(range(128))
_ESCAPE = re.compile(r"\\.")


# Compared by identity: ``detect_stance`` finds a cue's stance by ``list.index``, which ran
# the generated ``__eq__`` on the cues before it (13,950 times in 300 benchmark pages).
@dataclass(frozen=True, slots=True, eq=False)
class Cue:
    """One cue, compiled case-sensitively for lower-cased text, with its prefilter keys.

    ``clauses`` (from ``prefilter.required_keys``): any text the cue matches holds, for each
    clause, at least one of its lower-case keys. ``need``: the clauses' bits in the cues'
    ``KeyIndex``; a cue whose bits are not all set in a comment's cannot match it. A cue with
    no clauses (``need`` 0) is searched in every text.
    ``gate``: the pattern of the placeholder (``{self}…``) or the word (``\\bmy\\s``) the cue
    starts with, when every match of the cue starts with a match of it (see `_gate`), as
    relaxed patterns (see `_gate_branches`); the 12 ``{self}`` cues then cost one search for
    ``{self}`` in a comment that has none, the usual case, and the 7 cues opening with "my"
    one search for "my".
    ``lead``: the cue as relaxed patterns (see `_lead`), when they all start with a literal
    letter: found quickly, their matches are where the cue itself is tried (see
    `_Gate.search`).
    ``tail``: for a cue without a lead because it opens with a repeated or optional piece,
    the rest of the cue as relaxed patterns (see `_tail`): where they have no match, the cue
    has none.
    ``regex``: the cue, compiled (``pattern``) when it is first searched. Keys, gates and
    leads leave most cues never searched (71 of the 75 in the 300 benchmark pages), and
    compiling every cue at load was 135M instructions at every start of a process.
    """

    regex: str
    clauses: tuple[tuple[str, ...], ...]
    need: int
    gate: _Gate | None
    lead: _Gate | None
    tail: _Gate | None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The cue compiled for lower-cased text (once per process)."""
        return _compiled(self.regex)

    def search(self, comment: _Reading) -> re.Match[str] | None:
        """The cue's leftmost match in the lower-cased comment, skipping the search when the
        cue's gate or its lead has no match. The caller first checks the keys (see
        `_earliest`).

        Args:
            comment: the comment read by `_read`. Its ``gates`` hold where each gate first
                matches (-1: nowhere), filled in as gates are first needed, so cues sharing
                a gate search for it once.
        """
        lowered = comment.lowered
        start = 0
        if self.gate is not None:
            gates = comment.gates
            start = gates.get(self.gate, -2)
            if start == -2:
                start = gates[self.gate] = self.gate.first(lowered)
            if start < 0:
                return None
        # Searching from the gate's first match is safe: \b, ^ and look-behinds still see
        # the text before ``start``, and no match of the cue can begin before it.
        if self.lead is not None:
            return self.lead.search(self.pattern, lowered, start)
        if self.tail is not None and self.tail.first(lowered, start) < 0:
            return None
        return self.pattern.search(lowered, start)


_RUN = 8
"""Cues whose keys `_Run` looks up together: in the 7,500 comments of the 300-page benchmark
corpus, the 13 runs of the 75 cues met about 1,200 combinations of their keys in all, so
nearly every look-up finds its answer."""
_MOST_COMBINATIONS = 4096
"""Combinations of its keys a `_Run` remembers before it starts afresh (bounds its memory)."""


class _Run:
    """Consecutive cues of a list, and which of them each combination of their keys met
    allows (those whose ``need`` bits are all set).

    Testing each cue's keys costs about 1,300 instructions (operations on integers of over a
    hundred bits), 100,000 for the 75 cues of a reply, while the few keys that matter to a
    run of cues come in few combinations: one look-up a run.
    """

    __slots__ = ("allowed", "cues", "mask")

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        self.mask = 0
        for cue in cues:
            self.mask |= cue.need
        # The comment's keys that matter to the run (``keys & mask``) -> the cues allowed.
        self.allowed: dict[int, tuple[Cue, ...]] = {}

    def learn(self, keys: int) -> tuple[Cue, ...]:
        """The cues that comment keys ``keys`` allow, remembered."""
        if len(self.allowed) >= _MOST_COMBINATIONS:
            self.allowed.clear()
        allowed = tuple(cue for cue in self.cues if keys & cue.need == cue.need)
        self.allowed[keys & self.mask] = allowed
        return allowed


class _CueList:
    """Cues in order (iterating gives them), cut into runs of up to `_RUN` (see `_Run`)."""

    __slots__ = ("cues", "runs")

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        self.runs = tuple(_Run(cues[at : at + _RUN]) for at in range(0, len(cues), _RUN))

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.cues)


@dataclass(frozen=True, slots=True)
class CommenterCues:
    """The compiled cue lists: practitioner roles in priority order, and stance cues.

    ``roles``, ``agree`` and ``disagree`` join each list's cues (``role_regexes``,
    ``agree_regexes``, ``disagree_regexes``) in one case-insensitive alternation, compiled when
    first used: right for any text. The engine matches lower-cased text against a
    case-sensitive pattern about twice as fast, so each cue is also compiled on its own for
    lower-cased text with its prefilter keys: ``role_cues`` per role in priority order,
    ``stance_cues`` (the disagree cues, then the agree cues, in file order) with the stance of
    each in ``stances``, and ``keys``, the index of all their keys. ``lower_ok`` is False if a
    cue holds a capital letter (the fast patterns would then miss).
    """

    role_regexes: tuple[tuple[PractitionerRole, tuple[str, ...]], ...]
    agree_regexes: tuple[str, ...]
    disagree_regexes: tuple[str, ...]
    role_cues: tuple[tuple[PractitionerRole, _CueList], ...]
    stance_cues: _CueList
    stances: tuple[Stance, ...]
    keys: KeyIndex
    lower_ok: bool

    @property
    def roles(self) -> tuple[tuple[PractitionerRole, re.Pattern[str]], ...]:
        """Each role's cues in one case-insensitive alternation, in priority order."""
        return tuple((role, _either(regexes)) for role, regexes in self.role_regexes)

    @property
    def agree(self) -> re.Pattern[str]:
        """The agree cues in one case-insensitive alternation."""
        return _either(self.agree_regexes)

    @property
    def disagree(self) -> re.Pattern[str]:
        """The disagree cues in one case-insensitive alternation."""
        return _either(self.disagree_regexes)


def _lowered(text: str) -> str | None:
    """``text`` with straight apostrophes, lower-cased, when the fast case-sensitive cues match
    it exactly as the case-insensitive ones match ``text``; else None.

    That holds when every non-ASCII character is uncased (quotes, dashes, £): ASCII letters
    lower-case one for one, while a cased non-ASCII letter may match an ASCII cue letter under
    ``re.IGNORECASE`` (the Kelvin sign matches "k", a dotless ı matches "i") or change length.
    """
    if text.isascii():
        return text.lower()
    folded = _straighten(text)
    # Often a text's only non-ASCII characters are curly apostrophes (2,638 of the 4,603
    # benchmark comments that are not ASCII): the search for others is then not needed.
    if folded.isascii():
        return folded.lower()
    # In UTF-8 an ASCII character is its own byte and no byte of another character is
    # ASCII: deleting the ASCII bytes leaves the others, and lower-casing the bytes changes
    # the ASCII letters only, which is what ``str.lower`` does when the others are uncased.
    # Both cost half of what a regex search for the others and ``str.lower`` did (52,600
    # instructions for such a comment, now 23,200). "surrogatepass": a lone surrogate
    # (uncased) round-trips.
    encoded = folded.encode("utf-8", "surrogatepass")
    others = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    # A string of uncased characters is its own lower and upper case, and only such a one.
    if others.lower() != others or others.upper() != others:
        return None
    return encoded.lower().decode("utf-8", "surrogatepass")


@frozen_record
@dataclass(frozen=True, slots=True)
class _Reading:
    """A comment as the fast cues read it: ``lowered`` (see `_lowered`), the ``keys`` it holds
    (``CommenterCues.keys.satisfied``) and the first match of each ``gate`` searched so far
    (see `Cue.search`)."""

    lowered: str
    keys: int
    gates: dict[_Gate, int]


# The pipeline asks `identify_practitioner` about every comment of a batch of articles, then
# `detect_stance` about every reply: the readings kept here spare the second call
# lower-casing, key look-ups and gate searches (a batch has a few hundred comments; more
# only costs the second call its own reading).
@text_memo(entries=4096, longest=2000)
def _read(text: str) -> _Reading | None:
    """``text`` read for the fast cues, or None if they cannot be used (see `_lowered`)."""
    cues = load_cues()
    lowered = _lowered(text) if cues.lower_ok else None
    if lowered is None:
        return None
    return _Reading(lowered, cues.keys.satisfied(lowered), {})


def _straighten(text: str) -> str:
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe, "'")
    return text


def _fail(message: str) -> DiscourseError:
    return DiscourseError(message, path=f"discourse/data/{CUES_FILE}")


def _compile(cues: Any, patterns: dict[str, str], where: str) -> list[tuple[str, str]]:
    """Expand and check a list of cue regexes.

    Returns:
        Each cue as written and with its ``{name}`` placeholders replaced.
    """
    if not isinstance(cues, list) or not cues or not all(isinstance(c, str) for c in cues):
        raise _fail(f"{where}: 'cues' must be a non-empty list of strings")

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in patterns:
            raise _fail(f"{where}: unknown pattern {{{name}}}")
        return patterns[name]

    # Not compiled here but when first searched (see `Cue`); the tests compile every cue of
    # the shipped file.
    return [(cue, _PLACEHOLDER.sub(expand, cue)) for cue in cues]


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.MULTILINE)


@cache
def _either(regexes: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive alternation of the cues, for text that cannot be lower-cased.

    Compiled when first needed: few comments need it, and compiling the three alternations
    was a fifth of the cost of loading the cues, at every start of a process."""
    return re.compile("|".join(f"(?:{regex})" for regex in regexes), re.IGNORECASE | re.MULTILINE)


_LEADING_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A word after a \b, then one whitespace character that is not optional (no "*", "?", "{").
_LEADING_WORD = re.compile(r"\\b[a-z]+\\s(?![*?{])")


def _structure(regex: str) -> Iterator[tuple[int, str, int]]:
    """Where each character of ``regex`` outside escapes and character classes is, with the
    number of groups open around it (a group's own brackets are outside it)."""
    depth, at, in_class = 0, 0, False
    while at < len(regex):
        char = regex[at]
        if char == "\\":
            at += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            at += regex.startswith("^", at + 1)
            at += regex.startswith("]", at + 1)  # a "]" first in the class is a member
        else:
            depth -= char == ")"
            yield at, char, depth
            depth += char == "("
        at += 1


def _top_level_bars(regex: str) -> list[int]:
    """Where ``regex`` has a "|" outside every group and character class."""
    return [at for at, char, depth in _structure(regex) if char == "|" and depth == 0]


def _has_top_level_bar(regex: str) -> bool:
    return bool(_top_level_bars(regex))


def _group_end(regex: str) -> int:
    """Where the group ``regex`` opens with ends: just after its ")"."""
    return next(at for at, char, depth in _structure(regex) if char == ")" and depth == 0) + 1


def _gate(cue: str, regex: str, patterns: dict[str, str]) -> str | None:
    """The pattern every match of ``regex`` (``cue`` expanded) starts with a match of, if any.

    That is the pattern of a placeholder written first in the cue, provided the expansion
    only appends to it: neither it nor the whole cue has a top-level "|" (which would split
    the concatenation differently) and what follows it does not start with a quantifier
    (which would repeat its last piece). A cue with no leading placeholder that opens with
    ``\\b``, a word and a whitespace class that is not optional gets that opening as its gate.
    """
    leading = _LEADING_PLACEHOLDER.match(cue)
    if leading is None:
        # A cue that opens with a word and a space (``\bi\s+…``, ``\bmy\s+…``) starts every
        # match with that word and one whitespace character: ``\bi\s`` is its gate. Cues
        # sharing their first word then share the gate: one search rules them all out.
        word = _LEADING_WORD.match(regex)
        if word is None or _has_top_level_bar(regex):
            return None
        return word.group()
    pattern = patterns[leading.group(1)]
    if (
        regex[len(pattern) : len(pattern) + 1] in ("*", "+", "?", "{")
        or _has_top_level_bar(pattern)
        or _has_top_level_bar(regex)
    ):
        return None
    return pattern


_ZERO_WIDTH_OPENING = re.compile(r"\\b|\^|\(\?<?[=!]")


def _without_zero_width_opening(regex: str) -> str:
    """``regex`` without the assertions it opens with (``\\b``, ``^``, look-arounds)."""
    while (opening := _ZERO_WIDTH_OPENING.match(regex)) is not None:
        width = len(opening.group())
        regex = regex[width if width < 3 else _group_end(regex) :]
    return regex


def _gate_branches(gate: str) -> list[str]:
    """The gate as patterns the earliest first match of which starts no later than the gate's
    first match, and which have no match where the gate has none.

    Python's regex engine finds a pattern that opens with a literal by jumping between the
    literal's occurrences, but tries one that opens with ``\\b``, a look-around or a group of
    alternatives at every position of the text: ``i\\s+…`` is found about ten times faster
    than ``\\bi\\s+…``. So the gate's zero-width openings are dropped, which can only add
    matches (at the same starts), and a gate that opens with a group of alternatives,
    ``(?:a|b)rest``, becomes ``arest`` and ``brest``, which between them match exactly where
    it does; an optional group, ``(?:a|b)?rest``, also gives ``rest``. The {self} gate
    (``\\b(?:i…|speaking\\s+as|(?<!such\\s)as)\\s+an?\\s+``) becomes three patterns opening
    with "i", "speaking" and "as", searched in about half the time.
    """
    gate = _without_zero_width_opening(gate)
    if gate.startswith("(?:") and not _has_top_level_bar(gate):
        end = _group_end(gate)
        inner, rest = gate[3 : end - 1], gate[end:]
        optional = rest[:1] == "?"
        if optional:
            # A lazy (``??``) or possessive (``?+``) group matches no other strings.
            rest = rest[2:] if rest[1:2] in ("?", "+") else rest[1:]
        if rest[:1] not in ("*", "+", "?", "{"):
            cuts = [-1, *_top_level_bars(inner), len(inner)]
            branches = [inner[begin + 1 : stop] for begin, stop in itertools.pairwise(cuts)]
            branches += [""] * optional
            return [part for branch in branches for part in _gate_branches(branch + rest)]
    return [gate]


class _Gate:
    """A gate or a lead as relaxed patterns (see `_gate_branches`), compiled when first
    searched: most are never needed in a run (the leads of the {self} cues, 39 patterns
    holding {mods}, only in comments where {self} matches), and compiling one costs about
    as much as a hundred searches.

    ``back``: the start found is moved back over the whitespace before it, for a lead whose
    cue opens with ``\\s*`` (see `_lead`).

    Compared and hashed by identity (a compiled pattern's hash is worked out from its whole
    program at every look-up): the cues that share a gate hold the same object.
    """

    __slots__ = ("_patterns", "back", "branches")

    def __init__(self, branches: list[str], back: bool = False) -> None:
        self.branches = tuple(branches)
        self.back = back
        self._patterns: tuple[re.Pattern[str], ...] | None = None

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """The branches compiled."""
        if self._patterns is None:
            self._patterns = tuple(re.compile(branch, re.MULTILINE) for branch in self.branches)
        return self._patterns

    def first(self, text: str, start: int = 0) -> int:
        """Where the earliest match of the patterns in ``text`` from ``start`` starts; -1:
        nowhere."""
        first = -1
        for pattern in self._patterns or self.patterns:
            found = pattern.search(text, start)
            if found is not None and (first < 0 or found.start() < first):
                first = found.start()
        if self.back:
            # ``str.isspace`` is what ``\\s`` matches in a str pattern.
            while first > 0 and text[first - 1].isspace():
                first -= 1
        return first

    def search(self, pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
        """``pattern``'s leftmost match in ``text`` from ``start``, for a lead: ``pattern``
        is tried only where a relaxed pattern matches (and, for ``back``, over the whitespace
        before), in order.

        Every match of the cue starts where one of its relaxed patterns matches (see
        `_gate_branches`, `_lead`), so the first position where it matches is its leftmost
        match. A search of the cue from the lead's first match instead tried a cue opening
        with ``\\b`` or a group at every position of the rest of the text, which usually
        holds no match: 33,000 instructions a reply, most of the cost of its stance.
        """
        patterns = self._patterns or self.patterns
        nowhere = len(text) + 1
        starts = []
        for relaxed in patterns:
            found = relaxed.search(text, start)
            starts.append(nowhere if found is None else found.start())
        tried = start
        while (at := min(starts)) < nowhere:
            first = at
            if self.back:
                while first > tried and text[first - 1].isspace():
                    first -= 1
            for position in range(first, at + 1):
                match = pattern.match(text, position)
                if match is not None:
                    return match
            tried = at + 1
            for index, begins in enumerate(starts):
                if begins == at:
                    found = patterns[index].search(text, tried)
                    starts[index] = nowhere if found is None else found.start()
        return None


# A literal character that is not optional: the engine jumps between its occurrences.
_LITERAL_OPENING = re.compile(r"[^\\()\[\].^$|*+?{](?![*?{])")


def _relaxed(regex: str) -> tuple[list[str], bool]:
    """``regex`` as relaxed patterns (`_gate_branches`), a branch opening with ``\\s*``
    without it, and whether one was (``back``, see `_lead`)."""
    branches: list[str] = []
    back = False
    for branch in _gate_branches(regex):
        if branch.startswith(r"\s*") and branch[3:4] not in ("?", "+"):
            back = True
            branches += _gate_branches(branch[3:])
        else:
            branches.append(branch)
    return list(dict.fromkeys(branches)), back


def _lead(regex: str) -> _Gate | None:
    """The cue as relaxed patterns (`_relaxed`), when that changes it and every one opens
    with a literal; else None.

    Every match of the cue starts where one of them matches, and they are found several
    times faster than a cue opening with ``\\b`` or a group (about 1 µs instead of 6 µs in a
    comment of 400 characters). A branch opening with ``\\s*``
    (``(?:^|(?<=[.!?]))\\s*exactly``) is relaxed without it: where it matches, the cue may
    start earlier, but only by the whitespace before (see ``back``).
    """
    branches, back = _relaxed(regex)
    if branches == [regex] or not all(map(_LITERAL_OPENING.match, branches)):
        return None
    return _Gate(branches, back)


# A quantifier, possibly lazy or possessive.
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")
# What the rest of a regex cannot do without the piece cut off: refer to its groups, or hold
# a top-level "|" (checked with `_has_top_level_bar`).
_REFERENCE = re.compile(r"\\\d|\(\?P=|\(\?\(")


def _tail(regex: str) -> _Gate | None:
    """What follows the repeated or optional piece ``regex`` opens with (after its zero-width
    assertions), as relaxed patterns that all open with a literal; else None.

    Such a cue has no lead: \\b(?:\\w+\\s+){0,1}(?:years|decades)\\s+… is tried at every
    position, 340,000 instructions in a comment of 400 characters. Every match of the cue
    holds a match of the rest (whose \\b and look-behinds see the text before it), so where
    the rest has none, the cue has none; the rest opens with a literal and is found in a
    few thousand.
    """
    opened = _without_zero_width_opening(regex)
    if not opened or _has_top_level_bar(regex):
        return None
    if opened.startswith("("):
        end = _group_end(opened)
    else:
        # Past the character, escape or class: where `_structure` next stops.
        end = next((at for at, _, _ in _structure(opened) if at > 0), len(opened))
    quantifier = _QUANTIFIER.match(opened, end)
    if quantifier is None:
        return None
    rest = opened[quantifier.end() :]
    branches, back = _relaxed(rest)
    if not rest or _REFERENCE.search(rest) or not all(map(_LITERAL_OPENING.match, branches)):
        return None
    return _Gate(branches, back)


def _fast(
    cues: list[tuple[str, str]],
    patterns: dict[str, str],
    gates: dict[str, _Gate],
    keys: KeyIndex,
) -> tuple[Cue, ...]:
    """The cues compiled for lower-cased text, with their gates (shared by name) and keys
    (added to ``keys``)."""
    compiled = []
    for cue, regex in cues:
        gate = _gate(cue, regex, patterns)
        if gate is not None and gate not in gates:
            gates[gate] = _Gate(_gate_branches(gate))
        clauses = required_keys(regex)
        lead = _lead(regex)
        compiled.append(
            Cue(
                regex,
                clauses,
                keys.add(clauses),
                None if gate is None else gates[gate],
                lead,
                None if lead is not None else _tail(regex),
            )
        )
    return tuple(compiled)


@cache
def load_cues() -> CommenterCues:
    """Read and compile the shipped cue file (once per process).

    Returns:
        The compiled cues.

    Raises:
        DiscourseError: the shipped file is malformed (names the file and the table).
    """
    try:
        table = read_data_toml(CUES_FILE)
    except tomllib.TOMLDecodeError as error:
        raise _fail(f"not valid TOML: {error}") from None
    patterns = table.get("patterns", {})
    if not isinstance(patterns, dict) or not all(isinstance(v, str) for v in patterns.values()):
        raise _fail("[patterns] must map names to strings")
    known_roles = get_args(PractitionerRole)
    roles: list[tuple[PractitionerRole, list[tuple[str, str]]]] = []
    for number, entry in enumerate(table.get("practitioner", []), start=1):
        role = entry.get("role")
        if role not in known_roles:
            raise _fail(f"[[practitioner]] #{number}: role {role!r} is not one of {known_roles}")
        where = f"[[practitioner]] role {role}"
        roles.append((cast(PractitionerRole, role), _compile(entry.get("cues"), patterns, where)))
    if not roles:
        raise _fail("no [[practitioner]] tables")
    stance = table.get("stance", {})
    agree = _compile(stance.get("agree"), patterns, "[stance] agree")
    disagree = _compile(stance.get("disagree"), patterns, "[stance] disagree")
    every = [regex for _, cues in roles for _, regex in cues] + [
        regex for _, regex in agree + disagree
    ]
    gates: dict[str, _Gate] = {}
    keys = KeyIndex()
    role_cues = tuple((role, _CueList(_fast(cues, patterns, gates, keys))) for role, cues in roles)
    # Disagree first: at the same start, disagree wins (see `detect_stance`).
    stance_cues = _CueList(
        _fast(disagree, patterns, gates, keys) + _fast(agree, patterns, gates, keys)
    )
    return CommenterCues(
        role_regexes=tuple((role, tuple(regex for _, regex in cues)) for role, cues in roles),
        agree_regexes=tuple(regex for _, regex in agree),
        disagree_regexes=tuple(regex for _, regex in disagree),
        role_cues=role_cues,
        stance_cues=stance_cues,
        stances=cast(tuple[Stance, ...], ("disagree",) * len(disagree) + ("agree",) * len(agree)),
        keys=keys,
        lower_ok=not any(
            character.isupper() for regex in every for character in _ESCAPE.sub("", regex)
        ),
    )


# Why the key test cannot change a result: every text a cue matches holds one of its keys
# (``prefilter.required_keys``), so a cue none of whose keys occurs in the comment has no
# match anywhere in it and would have lost to any cue that matches. Searching the cues one by
# one and keeping the earliest start (the first cue in file order on a tie) picks the same
# match as one search with the cues joined in an alternation, which returns the leftmost
# match and, there, the first alternative that matches.


def _earliest(cues: _CueList, comment: _Reading) -> tuple[Cue, re.Match[str]] | None:
    """The leftmost match of any of ``cues`` in the comment (the first cue's on a tie), and
    its cue; None when none matches."""
    found: re.Match[str] | None = None
    winner = cues.cues[0]
    keys = comment.keys
    for run in cues.runs:
        allowed = run.allowed.get(keys & run.mask)
        for cue in run.learn(keys) if allowed is None else allowed:
            match = cue.search(comment)
            if match and (found is None or match.start() < found.start()):
                found, winner = match, cue
    return None if found is None else (winner, found)


def identify_practitioner(text: str) -> PractitionerClaim | None:
    """Find where a commenter says they are (or were) a practitioner, and as what.

    Roles are tried in the cue file's order (specific before general: a "retired social
    worker" is ``retired``, not ``social_worker``); within the winning role the earliest cue
    is reported.

    Args:
        text: the comment's text.

    Returns:
        The role and the cue as written in the comment, or ``None`` when the commenter does
        not identify as a practitioner.

    Example:
        >>> identify_practitioner("As a locum I have seen ten councils.")
        PractitionerClaim(role='agency', cue='As a locum')
    """
    cues = load_cues()
    reading = _read(text)
    if reading is None:
        folded = _straighten(text)
        for role, pattern in cues.roles:
            match = pattern.search(folded)
            if match:
                return PractitionerClaim(role=role, cue=text[match.start() : match.end()].strip())
        return None
    for role, role_cues in cues.role_cues:
        earliest = _earliest(role_cues, reading)
        if earliest:
            found = earliest[1]
            return PractitionerClaim(role=role, cue=text[found.start() : found.end()].strip())
    return None


def detect_stance(text: str, is_reply: bool) -> StanceCue:
    """Find a reply's stance towards the comment it answers.

    The earliest cue decides (stance is usually signalled at the opening of a reply); an agree
    and a disagree cue starting at the same place resolve to disagree, since the hedged forms
    ("I agree, but …") are disagree cues.

    Args:
        text: the comment's text.
        is_reply: whether the comment answers another comment; top-level comments have no
            stance towards a comment and get ``none``.

    Returns:
        The stance and its cue as written (``none`` with an empty cue when nothing matched).

    Example:
        >>> detect_stance("Well said. Nothing changes.", is_reply=True)
        StanceCue(stance='agree', cue='Well said')
    """
    if not is_reply:
        return NO_STANCE
    cues = load_cues()
    reading = _read(text)
    found: re.Match[str] | None = None
    stance: Stance = "none"
    if reading is None:
        folded = _straighten(text)
        for cue_stance, pattern in (("disagree", cues.disagree), ("agree", cues.agree)):
            match = pattern.search(folded)
            if match and (found is None or match.start() < found.start()):
                found, stance = match, cast(Stance, cue_stance)
    else:
        earliest = _earliest(cues.stance_cues, reading)
        if earliest:
            # `index` finds the very cue (it compares identity first) among a few dozen.
            stance, found = cues.stances[cues.stance_cues.cues.index(earliest[0])], earliest[1]
    if found is None:
        return NO_STANCE
    return StanceCue(stance=stance, cue=text[found.start() : found.end()].strip())
