"""Prefilters: the case-folding guard of the text side, the literal keys of the pattern side."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import joined_pieces
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse import prefilter
from discourse.prefilter import FOLD_TRAPS, KeyIndex, ascii_folded, lowered, required_keys


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
