"""Prefilters: the case-folding guard of the text side, the literal keys of the pattern side."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import joined_pieces
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse import prefilter
from discourse.prefilter import (
    FOLD_TRAPS,
    KeyIndex,
    WholeTextFilter,
    ascii_folded,
    folded_keys,
    lowered,
    required_keys,
    required_prefixes,
)


def test_fold_traps_are_every_non_ascii_character_ignorecase_takes_for_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = [chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))]
    assert "".join(found) == FOLD_TRAPS


def test_lowered_gives_up_on_a_text_with_a_fold_trap() -> None:
    assert lowered("Ofsted SAID") == "ofsted said"
    assert lowered("Ofſted said") is None  # re.IGNORECASE reads "ſ" as "s"
    assert re.search("ofsted", "Ofſted said", re.IGNORECASE) is not None


def test_ascii_folded_gives_the_letter_ignorecase_matched() -> None:
    for trap in FOLD_TRAPS:
        (letter,) = [c for c in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(c, trap, re.I)]
        assert ascii_folded(trap) == letter
    assert ascii_folded("A THIRD") == "a third"


CASES = [
    (r"\bwell\s+said\b", (("well",), ("said",))),
    # "nt" is too short to be worth testing.
    (r"\bcould\s*n'?t\s+agree", (("could",), ("agree",))),
    (r"(?:^|(?<=[.!?]))\s*exactly(?=\s*[.!,])", (("exactly",),)),
    (r"\b(?:nonsense|rubbish)\b", (("rubbish", "nonsense"),)),
    (r"x(?:ab){1,2}", (("xab", "xabab"),)),
    (r"\+1\b", (("+1",),)),
    (r"[^.!?]{0,60}", ()),
    (r"(?:foo)?bar|baz", (("bar", "baz", "foobar"),)),
    (r"(?:foo|\w+)bar", (("bar",),)),
    (r"(\w)\1", ()),  # a backreference is not modelled: always searched
    (r"(?i)agree", ()),  # nor an inline flag
    (r"a{,3}b", (("b", "ab", "aab", "aaab"),)),
    (r"a{x}b", ()),  # nor a "{" that Python reads as a literal
]


@pytest.mark.parametrize(("regex", "keys"), CASES)
def test_required_keys(regex: str, keys: tuple[tuple[str, ...], ...]) -> None:
    assert required_keys(regex) == keys


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abfortxwelsidcugn' .!?+1", max_size=40))
def test_every_match_holds_a_key_of_every_clause(text: str) -> None:
    # The promise a prefilter rests on: a text holding no key of some clause has no match.
    for regex, _ in CASES:
        if re.search(regex, text):
            for clause in required_keys(regex):
                assert any(key in text for key in clause), (regex, text, clause)


def test_keys_are_only_taken_from_characters_that_fold_to_themselves() -> None:
    # "ß" matches "SS" under IGNORECASE and "ſ" matches "s": keys holding them are refused.
    assert folded_keys(r"\bstraße\b") is None
    assert folded_keys(r"\bfocused visits?\b") == ("focused visit", "focused visits")
    assert folded_keys("children’s") == ("children’s",)


PREFIX_CASES = [
    (r"more from \S.{0,80}", ("more from ",)),
    (r"[^.]{1,80}? is an automatic aggregator\b.*", ()),
    (r"(?:blog )?comments?\s*:", ("comment", "comments", "blog comment", "blog comments")),
    (r"(?:tags?|filed under)\s*:.*", ("tag", "tags", "filed under")),
    (r"likes?\s*\(\d+\)", ("like", "likes")),
    (r"(?:©|\(c\)|copyright\b).{0,200}", ("©", "(c)", "copyright")),
    (r"\bwell\s+said", ("well",)),
    (r"(?:foo)?bar|baz", ("bar", "baz", "foobar")),
    (r"x?y", ("y", "xy")),
    (r"(?:ab){2,}c", ("ab",)),  # a match starts with one repetition at least
    (r"a*b", ()),
    (r"(\w)\1", ()),  # not modelled: no prefixes
]


@pytest.mark.parametrize(("regex", "prefixes"), PREFIX_CASES)
def test_required_prefixes(regex: str, prefixes: tuple[str, ...]) -> None:
    assert required_prefixes(regex) == prefixes


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcfilmortxwesdgu ():©.*y", max_size=30))
def test_every_match_starts_with_a_prefix(text: str) -> None:
    for regex, _ in PREFIX_CASES:
        prefixes = required_prefixes(regex)
        if prefixes and re.match(regex, text):
            assert text.startswith(prefixes), (regex, text, prefixes)


_WHOLE = [pattern for pattern, _ in PREFIX_CASES[:6]]


def test_whole_text_filter_needs_a_literal_of_every_pattern() -> None:
    assert WholeTextFilter.of([*_WHOLE, r"\w+"]) is None
    assert WholeTextFilter.of(["Straße"]) is None  # no literal that lower-casing keeps
    whole = WholeTextFilter.of(_WHOLE)
    assert whole is not None and whole.keys == (" is an automatic aggregator",)
    assert not whole.may_match("The council said more from the budget.")
    assert whole.may_match("MORE FROM Community Care")
    assert whole.may_match("Ofſted said more")  # a fold trap: the filter stands aside


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["more from", "Tags", "LIKES", "(c)", "©", "aggregator", " is an automatic"]
        )
        | st.text(alphabet="abcmorefıſ :().", max_size=4),
        max_size=6,
    ).map(" ".join)
)
def test_whole_text_filter_keeps_every_line_a_pattern_matches(text: str) -> None:
    whole = WholeTextFilter.of(_WHOLE)
    assert whole is not None
    if any(re.fullmatch(pattern, text, re.IGNORECASE) for pattern in _WHOLE):
        assert whole.may_match(text), text


# --- KeyIndex: the clauses a text satisfies, word by word, are those the ``in`` tests find ---

# Keys that overlap ("the", "there", "here"), sit inside words ("dis", "sw") or across
# punctuation ("ex-", "+1", "can't", "hear,"), hold whitespace ("well said", "a\tb") or are
# empty; and a pattern without clauses.
_PATTERNS: list[tuple[tuple[str, ...], ...]] = [
    (("agree",), ("but", "however")),
    (("dis", "can't", "cant"), ("agree",)),
    (("the", "there"), ("here",)),
    (("sw", "swer", "worker"),),
    (("ex", "ex-"), ("+1",)),
    (("hear,", "hear"), ("well said",)),
    (("a\tb",), ("",)),
    (),
]
_KEYS = sorted({key for clauses in _PATTERNS for clause in clauses for key in clause} - {""})
_KEY_PIECES = st.sampled_from(
    [*_KEYS, "answer", "disagreed", "there's", "Here", "well", "said", "x", "-", "+", ","]
)
# Word breaks of every kind str.split() knows, and none: keys also meet across a gap.
_KEY_GAPS = st.sampled_from(["", " ", "  ", "\n", "\t", "\u2003", "\x1c", "\x85", ", ", "."])


def _satisfies(text: str, clauses: tuple[tuple[str, ...], ...]) -> bool:
    return all(any(key in text for key in clause) for clause in clauses)


@settings(max_examples=1000, deadline=None)
@given(joined_pieces(_KEY_PIECES, _KEY_GAPS))
def test_key_index_finds_what_the_in_tests_find(text: str) -> None:
    index = KeyIndex()
    needs = [index.add(clauses) for clauses in _PATTERNS]
    for _ in range(2):  # the second time from the table of words met
        found = index.satisfied(text)
        assert [found & need == need for need in needs] == [
            _satisfies(text, clauses) for clauses in _PATTERNS
        ]


def test_key_index_starts_afresh_when_its_table_of_words_is_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prefilter, "_MOST_WORDS", 2)
    index = KeyIndex()
    need = index.add((("agree",), ("but",)))
    texts = ["i agree but", "agree, but", "agreed butter", "agree", "but no", "i agree but"]
    assert [index.satisfied(text) & need == need for text in texts] == [
        True, True, True, False, False, True,
    ]  # fmt: skip


def test_key_index_finds_a_pattern_added_later_in_words_met_before() -> None:
    index = KeyIndex()
    index.add((("agree",),))
    index.satisfied("no, i agree")
    later = index.add((("no",),))
    assert index.satisfied("no, i agree") & later == later
