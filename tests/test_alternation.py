"""Tests for discourse.alternation: grouped alternations match as the plain ones."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from discourse.alternation import grouped_alternation

# Phrases that share first letters in both cases and prefixes ("say", "says", "Said"), with
# spaces and apostrophes (voices' phrase regex), and texts made of their pieces.
_PHRASES = st.lists(
    st.text(alphabet="sSaAy ’'-", min_size=1, max_size=6).filter(lambda p: p[0].isalpha()),
    min_size=1,
    max_size=8,
    unique=True,
)


@settings(max_examples=300)
@given(_PHRASES, st.lists(st.text(alphabet="sSaAyſ ’'-.x", max_size=12), max_size=6))
def test_grouped_alternation_matches_as_the_plain_one(
    phrases: list[str], pieces: list[str]
) -> None:
    def regex(phrase: str) -> str:
        return re.escape(phrase).replace(r"\ ", r"[\s-]+").replace("'", "['’]")

    text = " ".join(pieces + phrases)
    for flags in (0, re.IGNORECASE):
        grouped = grouped_alternation(phrases, regex, ignore_case=bool(flags))
        plain = "|".join(map(regex, phrases))
        for form in ("(?:{})", r"(?:{})\b", r"(?:{})s\b"):
            expected = [m.span() for m in re.finditer(form.format(plain), text, flags)]
            assert [m.span() for m in re.finditer(form.format(grouped), text, flags)] == expected


def test_grouped_alternation_groups_by_first_letter() -> None:
    phrases = ["DfE spokesperson", "department", "DfE", "said"]
    assert grouped_alternation(phrases, re.escape, ignore_case=True) == (
        r"d(?:fE\ spokesperson|epartment|fE)|said"
    )
    assert grouped_alternation(phrases, re.escape, ignore_case=False) == (
        r"D(?:fE\ spokesperson|fE)|department|said"
    )
    # A phrase that does not open with a letter or digit: left as it is.
    assert grouped_alternation(["’s", "said"], re.escape, ignore_case=True) == "’s|said"
