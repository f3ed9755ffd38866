"""Compiled layout rules for the page parser, built once from ``data/page_furniture.toml``.

The knowledge (furniture phrases, credit forms, month names, count words) is data; this
module turns it into compiled regular expressions and small typed records, and holds the
date/time parsing the byline, dateline and comment-header rules share.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from discourse.prefilter import FOLD_TRAPS, WholeTextFilter, ascii_folded, lowered
from discourse.resources import read_data_text

DATA_FILE = "page_furniture.toml"

# Longest line a structural rule (header, credit, dateline, furniture) is tried on. Real
# ones are far shorter; the cap keeps the parser linear on pathological multi-megabyte lines.
MAX_RULE_LINE = 400
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
# A line or name with no word character is punctuation only (tag remnants, a lost name).
HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Furniture:
    """One furniture rule: a line that is site furniture, with why it is dropped."""

    regex: re.Pattern[str]
    reason: str
    publication: bool
    links: bool
    ends_thread: bool


@dataclass(frozen=True, slots=True)
class FurnitureMatch:
    """A line recognised as furniture."""

    rule: Furniture
    publication: str | None


# The ASCII letters a ``FOLD_TRAPS`` character also matches under ``re.IGNORECASE`` ("i",
# "s", "k"); every other ASCII character it matches only to itself and its other case.
_TRAP_LETTERS = "".join(sorted({ascii_folded(trap) for trap in FOLD_TRAPS}))
# What ends such a stretch: one of those letters, or a character outside ASCII. (Written so,
# not as one negated class with a range to U+10FFFF, which ``re`` takes 50M instructions to
# compile.)
_NOT_PLAIN = re.compile(f"[{_TRAP_LETTERS}{_TRAP_LETTERS.upper()}]|[^\\x00-\\x7f]")


def _matched_by(char: str) -> set[str] | None:
    """Every character ``re.IGNORECASE`` matches to ``char``; None if not known (a cased
    character outside ASCII)."""
    if not char.isascii():
        return {char} if char.lower() == char == char.upper() else None
    return {char.lower(), char.upper(), *(t for t in FOLD_TRAPS if ascii_folded(t) == char)}


@dataclass(frozen=True, slots=True)
class FurnitureGate:
    """A cheaper test than ``WholeTextFilter.may_match`` that a line may be furniture.

    The filter lower-cases the whole line, 13,000 instructions for a comment paragraph with a
    curly quote in it (``str.lower`` leaves its ASCII fast path), and most thread lines are
    such paragraphs. The gate asks the same two questions without it. ``heads`` matches the
    heads at the start of the line, case-insensitively, each branch behind the class of the
    characters its first letter matches: the engine skips a branch whose class does not hold
    the line's first character in one test, and tries the other branches' letters one by
    one. ``runs``: for each key, its longest stretch of characters that
    ``re.IGNORECASE`` matches only to their own two cases (ASCII, not a letter a
    ``FOLD_TRAPS`` character stands for), as bytes: a line holding a key in any case holds
    its stretch in ASCII, which ``bytes.lower`` of the line's UTF-8 shows.
    """

    heads: re.Pattern[str]
    runs: tuple[bytes, ...]

    @classmethod
    def of(cls, literals: WholeTextFilter) -> FurnitureGate | None:
        """The gate of a filter, or None if one of its keys has no such stretch or a head
        starts with a cased character outside ASCII."""
        runs: list[bytes] = []
        for key in literals.keys:
            run = max(_NOT_PLAIN.split(key), key=len)
            if not run:
                return None
            runs.append(run.encode())
        branches: list[str] = []
        for first, started in literals.heads.items():
            chars = _matched_by(first)
            if chars is None:
                return None
            rests = "|".join(re.escape(head[1:]) for head in started)
            branches.append(f"[{''.join(map(re.escape, sorted(chars)))}](?i:{rests})")
        return cls(re.compile("|".join(branches) or "(?!)"), tuple(runs))

    def may_match(self, text: str) -> bool:
        """False only when no furniture rule can match the whole of ``text``."""
        if self.heads.match(text):
            return True
        data = text.encode("utf-8", "surrogatepass").lower()
        # ``find``, not ``in``: a bytes ``in`` first tries its operand as an integer. A loop,
        # not ``any`` over a generator, which costs more than the search (3,000 instructions).
        for run in self.runs:  # noqa: SIM110
            if data.find(run) >= 0:
                return True
        return False


@dataclass(frozen=True, slots=True)
class PagePatterns:
    """Everything the page parser knows about layouts, compiled."""

    months: dict[str, int]
    number_words: dict[str, int]
    counts: tuple[re.Pattern[str], ...]
    furniture: tuple[Furniture, ...]
    furniture_any: re.Pattern[str]
    # Literals one of which every furniture line starts with or holds, when there are such.
    furniture_filter: WholeTextFilter | None
    # The same test made cheaper, tried first.
    furniture_gate: FurnitureGate | None
    credits: re.Pattern[str]
    # Words one of which every credit contains (lower case), or None to try every line.
    credit_words: tuple[str, ...] | None
    byline: re.Pattern[str]
    dateline: re.Pattern[str]
    header: re.Pattern[str]
    # The header rule matching case-sensitively, for lines lower-cased (``match_header``).
    header_cased: re.Pattern[str]
    # Numbers of the header rule's groups that ``parse_header`` reads: its stamp's groups
    # (``_stamp_groups`` order), then number, bullet, stamp, hash and hash_only.
    header_fields: tuple[int, ...]

    def match_furniture(self, text: str) -> FurnitureMatch | None:
        """Return the furniture rule ``text`` (a stripped line) matches, if any."""
        if len(text) > MAX_RULE_LINE and " is an automatic aggregator" not in text:
            return None
        # Nearly every line starts with none of the furniture's words (and holds no aggregator
        # notice): a few string tests say so. Then one combined pass rejects the other
        # ordinary lines, and only hits try each rule.
        if self.furniture_gate is not None and not self.furniture_gate.may_match(text):
            return None
        if self.furniture_filter is not None and not self.furniture_filter.may_match(text):
            return None
        if not self.furniture_any.fullmatch(text):
            return None
        for rule in self.furniture:
            found = rule.regex.fullmatch(text)
            if found:
                name = found.groupdict().get("publication") if rule.publication else None
                return FurnitureMatch(rule, name.strip(" .:") if name else None)
        return None  # pragma: no cover - the combined pattern only matches via a rule

    def match_header(self, text: str) -> re.Match[str] | None:
        """``header.fullmatch(text)``, but the groups' text may be lower-cased.

        The match has the spans and groups of ``header.fullmatch(text)``; read text that keeps
        its case (the author) from ``text`` by span. Where ``lowered`` allows it, the line is
        lower-cased and matched by ``header_cased``: a case-insensitive pattern folds each
        character it tests, and the rule tests each character many times: 7.1 instead of 11.7 us
        a header. Exact, since the rule's letters are all lower case and ``lowered`` refuses the
        lines whose case-insensitive matches lower-casing does not keep (tests check both).
        """
        folded = lowered(text)
        if folded is None:
            return self.header.fullmatch(text)
        return self.header_cased.fullmatch(folded)

    def count_of(self, text: str) -> int | None:
        """Return the declared comment count if ``text`` is a comment-count line."""
        if len(text) > MAX_RULE_LINE:
            return None
        for regex in self.counts:
            found = regex.fullmatch(text)
            if found:
                raw = _folded(found["count"])
                if raw.isdigit():
                    return int(raw)
                if raw in self.number_words:
                    return self.number_words[raw]
        return None

    def is_credit(self, text: str) -> bool:
        """Whether ``text`` is a photo credit."""
        if len(text) > MAX_RULE_LINE:
            return False
        if self.credit_words is not None:
            # The credit patterns start with a lazy ".{0,200}?" and are slow on every
            # paragraph; a line with none of the words a credit needs is not one.
            folded = lowered(text)
            if folded is not None and not any(map(folded.__contains__, self.credit_words)):
                return False
        return self.credits.fullmatch(text) is not None


def _word_alternation(words: Iterable[str]) -> str:
    """Words as a regex alternation, longest first, grouped by first letter, behind a
    lookahead on their first letters.

    A comment header's author is matched lazily, so the date pattern is tried at every
    position of the author, and Python's engine tries an alternation's words one by one: the
    lookahead (a class of the letters the words start with) rejects most positions in one
    test, and the grouping leaves the words of one letter to try (the header rule over the
    benchmark's header lines: 25.7 instead of 29.2k instructions a line). Words of different
    first letters never match at one position and each group keeps its words' order, so
    neither changes a match.
    """
    ordered = sorted(words, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(re.escape(word[0]), []).append(re.escape(word[1:]))
    firsts = "".join(sorted(groups))
    grouped = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return f"(?=[{firsts}])(?:{grouped})"


def _author_end(words: Iterable[str]) -> str:
    """What ends a header's author: a lookahead on what the rule needs next (white space, a
    digit, "#", or the first two letters of a date word of ``words``), then white space.

    The author is matched lazily, so the rest of the rule is tried after each of its
    characters; the lookahead rules out most of them first. On two letters, not one: "a",
    "d", "m", "n", "o", "s" and "t" start date words and many letters of names. The white
    space is taken possessively (``*+``): a date or a "#" follows it, neither starting with
    white space, so giving some back cannot help. Both: 20.9 instead of 25.7k instructions a
    header line.
    """
    seconds: dict[str, set[str]] = {}
    for word in words:
        seconds.setdefault(re.escape(word[0]), set()).add(re.escape(word[1:2]))
    starts = [
        first if "" in after else f"{first}[{''.join(sorted(after))}]"
        for first, after in sorted(seconds.items())
    ]
    return rf"(?=[\s\d#]|{'|'.join(starts)})\s*+"


def _opt(pattern: str) -> str:
    """``(?:pattern)?``, written as an alternation with an empty branch.

    Both try ``pattern`` first and then nothing, so they match alike; but ``re`` runs an
    optional group wider than one character as a REPEAT, which sets up a repeat context on
    every attempt, and the header rule attempts its date after every character of the
    author. The header rule's optional groups written so: 11.7 instead of 14.0 us a header.
    """
    return f"(?:{pattern}|)"


def _date_pattern(months: dict[str, int], weekdays: list[str], suffix: str) -> str:
    names = _word_alternation(months)
    days = _word_alternation(weekdays)
    ordinal = _opt("st|nd|rd|th")
    s = suffix
    return (
        _opt(rf"{days}\.?,?\s+")
        + rf"(?:(?P<m1{s}>{names})\.?\s+(?P<d1{s}>\d{{1,2}}){ordinal},?\s+(?P<y1{s}>\d{{4}})"
        rf"|(?P<d2{s}>\d{{1,2}}){ordinal}\s+(?P<m2{s}>{names})\.?,?\s+(?P<y2{s}>\d{{4}})"
        rf"|(?P<y3{s}>\d{{4}})-(?P<m3{s}>\d{{2}})-(?P<d3{s}>\d{{2}}))"
    )


def _time_pattern(suffix: str) -> str:
    s = suffix
    return rf"(?P<hh{s}>\d{{1,2}})[:.](?P<mm{s}>\d{{2}})\s*" + _opt(rf"(?P<ap{s}>[ap]\.?m\.?)")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _credit_words(entries: list[dict[str, Any]]) -> tuple[str, ...] | None:
    """The words of the credits' ``requires`` lists, if every credit entry has one.

    A word that holds another ("picture", "pic") or repeats one is left out: a text holding it
    holds the other. Each word is a scan of every body line: 15 words instead of 21.
    """
    words: set[str] = set()
    for entry in entries:
        required = entry.get("requires")
        if not required:
            return None
        words.update(str(word).lower() for word in required)
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


@cache
def load_patterns() -> PagePatterns:
    """Compile the shipped layout rules (once per process).

    Returns:
        The compiled ``PagePatterns``.
    """
    table: dict[str, Any] = tomllib.loads(read_data_text(DATA_FILE))
    months = {str(k): int(v) for k, v in table["months"].items()}
    furniture = tuple(
        Furniture(
            regex=_compile(entry["pattern"]),
            reason=str(entry["reason"]),
            publication=bool(entry.get("publication", False)),
            links=bool(entry.get("links", False)),
            ends_thread=bool(entry.get("ends_thread", False)),
        )
        for entry in table["furniture"]
    )
    plain = [_GROUP_NAME.sub("(?:", entry["pattern"]) for entry in table["furniture"]]
    credits = "|".join(f"(?:{_GROUP_NAME.sub('(?:', e['pattern'])})" for e in table["credits"])
    weekdays = [str(w) for w in table["dateline"]["weekdays"]]
    date_b, time_b = _date_pattern(months, weekdays, "b"), _time_pattern("b")
    bylines = "|".join(re.escape(p) for p in table["byline"]["prefixes"])
    datelines = "|".join(re.escape(p) for p in table["dateline"]["prefixes"])
    date_h, time_h = _date_pattern(months, weekdays, "h"), _time_pattern("h")
    date_d, time_d = _date_pattern(months, weekdays, "d"), _time_pattern("d")
    joint_h = _opt(r"at\s+|[-–|@]\s*")
    stamp_h = rf"(?:{date_h})" + _opt(rf",?\s+{joint_h}{time_h}")
    # "  1. Dave Stubbs April 15, 2022 at 9:11 am #", "    • Mark April 17, 2022 at 10:47 pm #"
    header = (
        _opt(r"(?P<number>\d{1,4})[.)]|(?P<bullet>[•◦▪‣○■□►▸*–—-])")
        + rf"\s*(?P<author>\S.{{0,80}}?){_author_end([*months, *weekdays])}"
        + rf"(?:(?P<stamp>{stamp_h})\s*{_opt('(?P<hash>#)')}|(?P<hash_only>#))"
    )
    header_cased = re.compile(header)
    furniture_filter = WholeTextFilter.of(plain)
    return PagePatterns(
        months=months,
        number_words={str(k): int(v) for k, v in table["number_words"].items()},
        counts=tuple(_compile(entry["pattern"]) for entry in table["comment_count"]),
        furniture=furniture,
        furniture_any=_compile("|".join(f"(?:{p})" for p in plain)),
        furniture_filter=furniture_filter,
        furniture_gate=FurnitureGate.of(furniture_filter) if furniture_filter else None,
        credits=_compile(credits),
        credit_words=_credit_words(table["credits"]),
        byline=_compile(
            rf"(?:{bylines})\s+(?P<name>[^|,;:\d]{{2,80}}?)"
            rf"(?:\s*[|,–—-]\s*(?:{date_b})(?:,?\s+(?:at\s+)?{time_b})?)?\s*\|?"
        ),
        dateline=_compile(
            rf"\|?\s*(?:(?:{datelines})\s*(?:on\s*)?:?\s*)?{date_d}"
            rf"(?:,?\s+(?:at\s+|[-–|]\s*)?{time_d})?\s*\|?"
        ),
        header=_compile(header),
        header_cased=header_cased,
        header_fields=_group_numbers(header_cased, (*_stamp_groups("h"), *HEADER_MARKS)),
    )


# The header rule's groups, besides its stamp's, that ``parse_header`` reads.
HEADER_MARKS = ("number", "bullet", "stamp", "hash", "hash_only")


def _group_numbers(regex: re.Pattern[str], names: Iterable[str]) -> tuple[int, ...]:
    """The numbers of the named groups: ``Match.group`` finds a group by number without
    looking its name up, and reads 17 groups of a header in 6.6 instead of 9.4k instructions.
    """
    return tuple(regex.groupindex[name] for name in names)


@cache
def _stamp_groups(suffix: str) -> tuple[str, ...]:
    """Group names of ``_date_pattern(…, suffix)`` and ``_time_pattern(suffix)``, in the order
    year, month, day of each date form, then hour, minute, half-day."""
    # Built once per suffix, and read by one ``group`` call: a header's date and time are
    # read on every comment of a thread.
    dates = tuple(f"{part}{n}{suffix}" for n in "123" for part in "ymd")
    return (*dates, f"hh{suffix}", f"mm{suffix}", f"ap{suffix}")


def _folded(text: str) -> str:
    """``ascii_folded(text)``, which translates through a table: a dict look-up per character,
    1.2 us for a month name; ASCII text holds none of the characters it replaces."""
    return text.lower() if text.isascii() else ascii_folded(text)


# ``int`` of a captured number, kept per text: ``int(str)`` costs about 2,100 instructions (it
# first copies the text to ASCII), a kept one a sixth of that; dates and times repeat a few
# hundred numbers.
cached_int = lru_cache(maxsize=1024)(int)
# The halves of the day as a lower-cased line holds them: nothing to fold.
_HALVES = ("am", "pm")


@lru_cache(maxsize=64)
def _month_number(text: str) -> int:
    """The number of a captured month (a name or digits), 0 if the name is unknown.

    Kept per text: a page's dates name a few months, each written one or two ways, and the
    look-up is a fifth of the cost of folding the name again.
    """
    raw = _folded(text).rstrip(".")
    return int(raw) if raw.isdigit() else load_patterns().months.get(raw, 0)


def _date_parts(values: Sequence[str | None]) -> tuple[int, int, int] | None:
    """Year, month and day of the first date form captured in ``values`` (``_stamp_groups``
    order), the month 0 if its name is unknown; None if no date was captured."""
    for at in (0, 3, 6):
        year, month_text, day = values[at : at + 3]
        if year is not None and month_text is not None and day is not None:
            return cached_int(year), _month_number(month_text), cached_int(day)
    return None


def match_date(found: re.Match[str], suffix: str) -> date | None:
    """Return the date captured by a pattern built with ``_date_pattern(…, suffix)``.

    Args:
        found: the match.
        suffix: the group-name suffix the pattern was built with.

    Returns:
        The date, or ``None`` when no date was captured or it does not exist (31 June).
    """
    parts = _date_parts(found.group(*_stamp_groups(suffix)[:9]))
    try:
        return None if parts is None else date(*parts)
    except ValueError:
        return None


def stamp_datetime(values: Sequence[str | None]) -> datetime | None:
    """Return the naive date and time a date + optional time pattern captured.

    Args:
        values: the pattern's groups in ``_stamp_groups`` order (more may follow).

    Returns:
        The moment; a missing time gives midnight, ``12:15 am`` is 00:15 and ``10:47 pm``
        22:47. ``None`` when no date was captured or the date or time does not exist.
    """
    parts = _date_parts(values)
    if parts is None:
        return None
    hour_raw, minute_raw, half_raw = values[9:12]
    hour = minute = 0
    if hour_raw is not None and minute_raw is not None:
        hour, minute = cached_int(hour_raw), cached_int(minute_raw)
        if half_raw in _HALVES:  # as captured from a lower-cased line: nothing to fold
            half = half_raw
        else:
            half = _folded(half_raw).replace(".", "") if half_raw else ""
        if half:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour > 23 or minute > 59:
            return None
    try:
        return datetime(*parts, hour, minute)
    except ValueError:
        return None  # a date that does not exist (31 June)
