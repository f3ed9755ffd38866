"""The case-folding guard of the substring prefilters (discourse.prefilter)."""

from __future__ import annotations

import re
import sys

from discourse.prefilter import FOLD_TRAPS, ascii_folded, lowered


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
