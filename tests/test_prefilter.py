"""Prefilters: the case-folding guard of the text side, the literal keys of the pattern side."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse.prefilter import FOLD_TRAPS, ascii_folded, lowered, required_keys


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
