"""Properties of the page parser: the partition, no exceptions, linear time, and shortcuts that
change no result (date lookaheads, optional groups as alternations, lower-cased header
matching, the furniture filter, the control-byte check)."""

from __future__ import annotations

import dataclasses
import re
import sys
import time
import tomllib
from typing import get_args
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse.errors import InputError
from discourse.ingest import parse_page, patterns
from discourse.ingest.decode import _CONTROL, _CONTROL_BYTES, decode_bytes
from discourse.ingest.lines import TAB_WIDTH, Line, page_lines, split_lines
from discourse.ingest.patterns import (
    DATA_FILE,
    HAS_WORD,
    _folded,
    _word_alternation,
    load_patterns,
)
from discourse.ingest.thread import may_end_a_header
from discourse.model import Article, LineRole
from discourse.prefilter import ascii_folded
from discourse.resources import read_data_text

ROLES = set(get_args(LineRole))

# Pieces of real layouts, so generated pages exercise every rule, mixed with noise.
_PIECES = [
    "Council rated ‘inadequate’ by Ofsted",
    "Inspectors found that caseloads were too high.",
    "‘Significant deficits’",
    "Photo: Someone/Fotolia",
    "St Helens town hall (photo by A Person from Wikimedia Commons",
    ", ,",
    "More from Community Care",
    "5 Responses to Council rated ‘inadequate’ by Ofsted",
    "One Response to something",
    "  1. Dave Stubbs April 15, 2022 at 9:11 am #",
    "    • Mark April 17, 2022 at 10:47 pm #",
    "      • deeper reply June 31, 2022 at 25:99 pm #",
    "        Text of a reply, indented.",
    "By Jane Smith",
    "| 07 August 2018",
    "Click link below for related content:",
    "blog comments powered by Disqus",
    "Related Articles",
    "Back to top button",
    "Leave a Reply",
    "X is an automatic aggregator of the all world’s media.",
    "\t2. Tabbed Person May 1, 2020 at 1:00 pm #",
    "#",
    "1.",
    "•",
    "",
    "   ",
]

_line = st.one_of(st.sampled_from(_PIECES), st.text(max_size=60))
_pages = st.lists(_line, max_size=40).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda end: end.join(lines))
)


def _check_partition(text: str, article: Article) -> None:
    expected = [n for n, line in enumerate(split_lines(text), start=1) if line.strip()]
    assert [number for number, _ in article.lines] == expected
    assert {role for _, role in article.lines} <= ROLES
    roles = dict(article.lines)
    for dropped in article.dropped:
        assert dropped.reason and dropped.line in roles
    ids = {c.id for c in article.comments}
    for comment in article.comments:
        assert comment.parent is None or comment.parent in ids
        assert (comment.depth == 0) == (comment.parent is None)


@settings(max_examples=300, deadline=None)
@given(_pages)
def test_every_non_blank_line_gets_exactly_one_role(text: str) -> None:
    _check_partition(text, parse_page(text, "generated.txt"))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parser_never_raises_on_arbitrary_text(text: str) -> None:
    _check_partition(text, parse_page(text, "arbitrary.txt"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=" \t\xa0\u3000\u2028\x1cab\n\r")))
def test_page_lines_are_the_stripped_lines_and_their_expanded_lead(text: str) -> None:
    # page_lines skips the tab expansion where the lead holds no tab.
    expected = []
    for number, raw in enumerate(split_lines(text), start=1):
        lead = raw[: len(raw) - len(raw.lstrip())]
        if raw.strip():
            expected.append(Line(number, len(lead.expandtabs(TAB_WIDTH)), raw.strip()))
    lines = page_lines(text)
    assert lines == expected
    assert all(type(line) is Line for line in lines)


def _big_page(target_bytes: int) -> str:
    lines = ["A large page of a long thread", "", "More from Community Care", ""]
    lines += ["1000 Responses to A large page of a long thread", ""]
    number = 0
    size = 0
    while size < target_bytes:
        number += 1
        block = [f"  {number}. Reader {number} April 15, 2022 at 9:{number % 60:02d} am #", ""]
        block += [f"    Comment {number} says the caseload was {number % 40} cases too many.", ""]
        for depth in range(1, 4):
            pad = "  " * (depth + 1)
            block += [f"{pad}• Replier {number}-{depth} April 16, 2022 at 1:05 pm #", ""]
            block += [f"{pad}  Reply {depth} to {number}: agreed, and the pay is worse.", ""]
        block += ["Body-like line with no final stop " * 3, ""]
        size += sum(len(line.encode()) + 1 for line in block)
        lines += block
    return "\n".join(lines)


def test_five_megabyte_page_parses_in_linear_time() -> None:
    small, big = _big_page(500_000), _big_page(5_000_000)
    started = time.perf_counter()
    parse_page(small, "small.txt")
    small_seconds = time.perf_counter() - started
    started = time.perf_counter()
    article = parse_page(big, "big.txt")
    big_seconds = time.perf_counter() - started
    assert len(big.encode()) >= 5_000_000
    assert len(article.comments) > 20_000
    assert big_seconds < 10
    # Ten times the text may not take much more than ten times as long (no quadratic step).
    assert big_seconds < 25 * max(small_seconds, 0.01)


# The first-letter lookaheads `_word_alternation` puts before the month and weekday names only
# speed the date patterns up; without them the patterns must match exactly the same.
_LOOKAHEAD = re.compile(r"\(\?=\[[^\]]*\]\)")
_STAMP_PIECES = [
    "1.",
    "12)",
    "•",
    "*",
    "Reader",
    "516",
    "Dave Stubbs",
    "January",
    "JAN",
    "jan.",
    "Sept",
    "ſept",
    "Tuesday",
    "tues.",
    "tue",
    "Thurs",
    "15",
    "1st",
    "15th",
    ",",
    "2022",
    "2022-04-15",
    "at",
    "9:11",
    "12.05",
    "am",
    "PM",
    "p.m.",
    "#",
    "|",
    "-",
    "–",
    "By",
    "Posted on:",
    "ı",
    "İ",
    "\u212a",
    "ΣΑΣ",
]
_stamp_lines = st.tuples(
    st.lists(st.one_of(st.sampled_from(_STAMP_PIECES), st.text(max_size=3)), max_size=14),
    st.sampled_from(["", " ", ", ", "  "]),
).map(lambda parts: parts[1].join(parts[0]))

# Comment headers and near misses, slot by slot: most match the header rule.
_HEADER_DATES = [
    *("January 1, 2018", "JAN 5 2021", "ſept 3, 2020", "15th April 2022", "2022-04-15"),
    *("Tues. 1st Jan 2019", "31 June 2020", "Mon, 2 May 2022", "ma\u0130 2, 2022", ""),
    *("April 17, 2022", "Friday, 1 Dec 2023", "dec. 5, 2019", "Wed 3rd Aug 2016"),
]
_header_lines = st.tuples(
    st.sampled_from(["", "1. ", "12) ", "• ", "* ", "– ", "\t"]),
    st.one_of(
        st.sampled_from(["Reader 516", "Dave", "İlker", "ΣΑΣ Σ", "\u212aim", "ſam", "#", "1."]),
        st.text(max_size=6),
    ),
    st.sampled_from([" ", "", "  ", " - "]),
    st.sampled_from(_HEADER_DATES),
    st.sampled_from(["", " at 9:11 am", " at 12:15 AM", ", 23:59", " @ 13:00 pm", " - 10.47 p.m."]),
    st.sampled_from(["", " #", "#", "  #", " ı"]),
    st.sampled_from([str, str.upper, str.swapcase]),
).map(lambda parts: parts[-1]("".join(parts[:-1])))


def _without_lookaheads(regex: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(_LOOKAHEAD.sub("", regex.pattern), regex.flags)


def test_first_letter_lookahead_takes_every_character_the_words_take() -> None:
    # Under re.IGNORECASE a letter also matches "ſ", "ı" or the Kelvin sign; so must the class.
    table = tomllib.loads(read_data_text(DATA_FILE))
    for words in (list(table["months"]), table["dateline"]["weekdays"]):
        lookahead = _LOOKAHEAD.match(_word_alternation(words))
        assert lookahead is not None
        guard = re.compile(lookahead[0], re.IGNORECASE)
        firsts = re.compile("|".join({word[0] for word in words}), re.IGNORECASE)
        taken = [chr(c) for c in range(sys.maxunicode + 1) if firsts.fullmatch(chr(c))]
        assert len(taken) > len(words[0]) and all(guard.match(c) for c in taken)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_stamp_lines, _header_lines))
def test_date_lookaheads_change_no_match(text: str) -> None:
    table = load_patterns()
    for regex in (table.header, table.byline, table.dateline):
        plain = _without_lookaheads(regex)
        assert regex.pattern != plain.pattern
        _assert_same_fullmatch(regex, plain, text)


def _assert_same_fullmatch(fast: re.Pattern[str], slow: re.Pattern[str], text: str) -> None:
    """Both patterns match all of ``text``, with the same groups, or neither does."""
    fast_match, slow_match = fast.fullmatch(text), slow.fullmatch(text)
    assert (fast_match and fast_match.regs) == (slow_match and slow_match.regs), (
        fast.pattern[:40],
        text,
    )


def _with_optional_groups() -> patterns.PagePatterns:
    """The layout rules built with ``(?:x)?`` where ``_opt`` writes ``(?:x|)``."""
    with mock.patch.object(patterns, "_opt", lambda pattern: f"(?:{pattern})?"):
        return patterns.load_patterns.__wrapped__()


_OPTIONAL_GROUPS = _with_optional_groups()


@settings(max_examples=500, deadline=None)
@given(st.one_of(_stamp_lines, _header_lines))
def test_optional_groups_as_alternations_change_no_match(text: str) -> None:
    table = load_patterns()
    for name in ("header", "byline", "dateline"):
        fast, slow = getattr(table, name), getattr(_OPTIONAL_GROUPS, name)
        if name == "header":
            assert fast.pattern != slow.pattern
        _assert_same_fullmatch(fast, slow, text)


def _plain_words(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return f"(?:{'|'.join(ordered)})"


def _plain_author_end(words: list[str]) -> str:
    return rf"(?=[\s\d#{''.join(sorted({w[0] for w in words}))}])\s*"


def _with_plain_words() -> patterns.PagePatterns:
    """The layout rules with date words in one flat alternation and the author ended by a
    one-letter lookahead and backtracking white space."""
    with (
        mock.patch.object(patterns, "_word_alternation", _plain_words),
        mock.patch.object(patterns, "_author_end", _plain_author_end),
    ):
        return patterns.load_patterns.__wrapped__()


_PLAIN_WORDS = _with_plain_words()


@settings(max_examples=500, deadline=None)
@given(st.one_of(_stamp_lines, _header_lines))
def test_grouped_words_and_two_letter_author_end_change_no_match(text: str) -> None:
    table = load_patterns()
    for name in ("header", "header_cased", "byline", "dateline"):
        fast, slow = getattr(table, name), getattr(_PLAIN_WORDS, name)
        assert fast.pattern != slow.pattern
        for line in (text, text.lower()):
            _assert_same_fullmatch(fast, slow, line)


def test_cased_header_rule_has_only_lower_case_letters() -> None:
    # What lets it match a lower-cased line as the case-insensitive rule matches the line.
    table = load_patterns()
    assert table.header_cased.pattern == table.header.pattern
    letters = re.sub(r"\\.|\(\?P<\w+>", "", table.header.pattern)  # no escapes, group names
    assert not any(char.isupper() for char in letters)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_stamp_lines, _header_lines))
def test_header_matched_lower_cased_has_the_same_groups(text: str) -> None:
    table = load_patterns()
    fast, slow = table.match_header(text), table.header.fullmatch(text)
    assert (fast and fast.regs) == (slow and slow.regs), text
    if fast and slow:
        assert [_folded(g or "") for g in fast.groups()] == [
            _folded(g or "") for g in slow.groups()
        ], text


@settings(max_examples=500, deadline=None)
@given(st.one_of(_stamp_lines, _header_lines))
def test_header_precheck_passes_every_line_the_header_rule_matches(text: str) -> None:
    # The precheck only spares prose the full pattern: a header ending in a 24-hour time, a
    # bare date or "p.m." must reach it (it once ended only with "#" or "m").
    line = text.strip()
    if line and load_patterns().header.fullmatch(line) is not None:
        assert may_end_a_header(line), line


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=12))
def test_folded_is_ascii_folded(text: str) -> None:
    assert _folded(text) == ascii_folded(text)


_FURNITURE_PIECES = [
    "More from",
    "Community Care",
    "X is an automatic aggregator",
    "of the world’s media.",
    "Tags:",
    "SHARE this",
    "©",
    "(c)",
    "Copyright",
    "Reply",
    "Likes (3)",
    "Name *",
    "Leave a Reply",
    "Comments are closed.",
    "Related Articles",
    "comments powered by Disqus",
    "ſhare",
    "\u212a",
    "ı",
    "Y ıs an automatıc aggregator",
    "IS AN AUTOMATIC AGGREGATOR",
    "“Quoted” prose ’",
]
_furniture_lines = st.lists(
    st.one_of(st.sampled_from(_FURNITURE_PIECES), st.text(max_size=4)), min_size=1, max_size=6
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_furniture_lines)
def test_furniture_filter_changes_no_result(text: str) -> None:
    # The literal filter before the furniture rules only skips lines no rule matches.
    table = load_patterns()
    assert table.furniture_filter is not None and table.furniture_gate is not None
    unfiltered = dataclasses.replace(table, furniture_filter=None, furniture_gate=None)
    found = unfiltered.match_furniture(text)
    assert table.match_furniture(text) == found, text
    # Each test alone, too: the gate runs first and hides what the filter lets through.
    assert table.furniture_gate.may_match(text) or found is None, text
    assert table.furniture_filter.may_match(text) or found is None, text


def test_furniture_gate_knows_what_its_characters_match() -> None:
    # The gate reads a key's stretch from ASCII bytes lowered, and dispatches a head on the
    # characters its first letter matches: both must be every character re.IGNORECASE takes.
    table = load_patterns()
    assert table.furniture_filter is not None and table.furniture_gate is not None
    stretches = {char for run in table.furniture_gate.runs for char in run.decode()}
    firsts = set(table.furniture_filter.heads)
    chars = stretches | firsts
    either = re.compile(f"[{re.escape(''.join(chars))}]", re.IGNORECASE)
    taken = [chr(c) for c in range(sys.maxunicode + 1) if either.fullmatch(chr(c))]
    for char in chars:
        matched = {t for t in taken if re.fullmatch(re.escape(char), t, re.IGNORECASE)}
        if char in stretches:
            assert {t.encode().lower() for t in matched} == {char.encode()}, char
        if char in firsts:
            known = patterns._matched_by(char)
            assert known is not None and matched <= known, char


def test_credit_words_cover_every_required_word() -> None:
    # The credit prefilter keeps only the shortest of nested words ("pic" for "picture").
    kept = load_patterns().credit_words
    assert kept is not None
    for entry in tomllib.loads(read_data_text(DATA_FILE))["credits"]:
        assert all(any(k in word.lower() for k in kept) for word in entry["requires"])


_credit_lines = st.lists(
    st.one_of(
        st.sampled_from(["Photo:", "PICTURE by", "(photo by", "/ Shutterstock", "Istock)."]),
        st.sampled_from(["credit:", "ſource:", "Phil Nash", "Wikimedia Commons", "town hall"]),
        st.text(max_size=4),
    ),
    min_size=1,
    max_size=5,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_credit_lines)
def test_credit_words_change_no_result(text: str) -> None:
    table = load_patterns()
    unfiltered = dataclasses.replace(table, credit_words=None)
    assert table.is_credit(text) == unfiltered.is_credit(text), text


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.binary(max_size=80), st.text(max_size=40).map(str.encode)))
def test_bytes_without_control_bytes_decode_without_control_characters(data: bytes) -> None:
    # What lets decode_bytes skip its per-character count of control characters.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not any(byte in _CONTROL_BYTES for byte in data):
            assert _CONTROL.search(text) is None, (encoding, data)


def test_mostly_control_characters_is_binary_in_every_encoding() -> None:
    controls = "\x01\x02\x1b text \x03\x04\x05\x06"
    for data in (controls.encode(), controls.encode("utf-16")):
        with pytest.raises(InputError, match="mostly control characters"):
            decode_bytes(data, "x.txt")
    assert decode_bytes(b"a\tb\x0cc\r\nd", "x.txt").text == "a\tb\x0cc\nd"


def test_a_letter_or_digit_is_a_word_character() -> None:
    # What lets parse_header take an author starting with one without searching it for \w.
    table = load_patterns()
    assert table.header_fields  # the header rule's groups are read by number
    for char in map(chr, range(sys.maxunicode + 1)):
        if char.isalnum():
            assert HAS_WORD.match(char), hex(ord(char))
