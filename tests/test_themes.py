"""Theme matching: evidence spans, case and apostrophe forms, exclusions, context and unless."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pytest
from conftest import joined_pieces
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discourse.analyse import themes
from discourse.analyse.codebook import Codebook, Pattern, Rule, load_codebook, parse_codebook
from discourse.analyse.results import ThemeHit
from discourse.analyse.sentences import WORD, stem
from discourse.analyse.themes import ThemeMatcher

MATCHER = ThemeMatcher(load_codebook())

UNLESS = """
id = "unless-test"
version = "1"

[themes.pay]
label = "Pay"
definition = "Pay and its lack."
core = true

[[themes.pay.rules]]
name = "paid"
terms = ["paid"]
unless = ["tribute"]
window = 3
"""

EXCLUDING = """
id = "exclude-test"
version = "1"

[themes.pay]
label = "Pay"
definition = "Pay and its lack."
core = true
words = ["pay", "wage"]
exclude = ["wage", "pays =tribute", "pay a heavy price"]
"""


def test_hit_spans_point_into_the_sentence_as_written() -> None:
    sentence = "The MANAGERS’ bullying, and Workloads that nobody’s PAY covers."
    hits = MATCHER.find(sentence)
    assert {hit.theme for hit in hits} >= {"bullying", "workload", "pay"}
    for hit in hits:
        assert sentence[hit.start : hit.end] == hit.matched[0]


def test_curly_and_straight_apostrophes_and_case_find_the_same_themes() -> None:
    curly = MATCHER.find("Nobody’s listening to the BULLYING and the caseloads.")
    straight = MATCHER.find("nobody's listening to the bullying and the Caseloads.")
    assert [(h.theme, h.rule) for h in curly] == [(h.theme, h.rule) for h in straight]
    assert curly  # the sentence is about bullying and workload


def test_a_word_met_again_is_matched_the_same_way() -> None:
    # The matcher remembers each word form it has seen: a second sentence with the same words
    # in another order must still be judged on its own words.
    first = MATCHER.find("Pay is poor and bullying is rife.")
    second = MATCHER.find("Bullying is rife and pay is poor.")
    assert sorted(h.theme for h in first) == sorted(h.theme for h in second)


def test_unless_term_vetoes_a_match_within_the_window(tmp_path: Path) -> None:
    path = tmp_path / "unless.toml"
    path.write_text(UNLESS, encoding="utf-8")
    matcher = ThemeMatcher(load_codebook(path))
    assert [h.matched for h in matcher.find("We are paid too little.")] == [("paid",)]
    assert matcher.find("They paid tribute to the team.") == ()
    # Outside the window the veto does not apply.
    assert [h.theme for h in matcher.find("We paid for it all, then one small tribute.")] == ["pay"]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'", max_size=80))
def test_matching_ignores_letter_case(text: str) -> None:
    lower = [(h.theme, h.rule, h.start, h.end) for h in MATCHER.find(text)]
    upper = [(h.theme, h.rule, h.start, h.end) for h in MATCHER.find(text.upper())]
    assert lower == upper


def test_exclusions_of_one_word_an_exact_form_and_a_phrase(tmp_path: Path) -> None:
    path = tmp_path / "exclude.toml"
    path.write_text(EXCLUDING, encoding="utf-8")
    matcher = ThemeMatcher(load_codebook(path))

    def themes(sentence: str) -> list[str]:
        return [hit.theme for hit in matcher.find(sentence)]

    assert themes("The wage is low.") == []  # an excluded word never counts
    # "pays =tribute": any form of "pay", then exactly "tribute".
    assert themes("They paying Tribute to her.") == []
    assert themes("They pay tributes to her.") == ["pay"]
    assert themes("We pay a heavy price.") == []
    assert themes("We pay a price.") == ["pay"]
    assert themes("A heavy price we pay.") == ["pay"]  # the phrase only counts in order


# Words of the shipped codebook's terms, company and exclusions, and what may stand between
# them: white space of every kind (the matcher reads a sentence chunk by chunk between
# spaces), punctuation stuck to words, apostrophes and quotes.
# fmt: off
TERM_WORDS = st.sampled_from([
    "pay", "Pay", "PAID", "tribute", "managers", "manager’s", "bullying", "caseloads",
    "support", "worker", "workers", "toxic", "culture", "afraid", "speak", "management",
    "oversight", "heavy", "price", "a", "the", "staff", "we", "no", "time", "x_y", "café",
])
GAPS = st.sampled_from([
    " ", " ", " ", "  ", "\n", "\t", " \n ", ", ", ". ", "-", "’", "'", " “", "” ", " (", ") ",
    "\u00a0", "\u2009", "",
])
# fmt: on


@given(joined_pieces(TERM_WORDS, GAPS))
def test_hits_span_whole_words_whatever_the_spacing(text: str) -> None:
    starts = {match.start() for match in WORD.finditer(text)}
    ends = {match.end() for match in WORD.finditer(text)}
    hits = MATCHER.find(text)
    for hit in hits:
        assert text[hit.start : hit.end] == hit.matched[0]
        assert hit.start in starts and hit.end in ends
    # The same words with other white space between them are the same evidence.
    respaced = " ".join(text.split())

    def evidence(found: tuple[ThemeHit, ...]) -> list[tuple[str, str, list[list[str]]]]:
        return [(h.theme, h.rule, [WORD.findall(words) for words in h.matched]) for h in found]

    assert evidence(MATCHER.find(respaced)) == evidence(hits)
    # A matcher that has seen nothing yet reads it the same way.
    assert ThemeMatcher(load_codebook()).find(text) == hits


# Three rules of one theme with company share the term "paid", and the exact word "paid" (looked
# up after the stem's terms) has none: which of them a sentence keeps depends on its company.
SHARED = b"""
id = "shared-test"
version = "1"

[themes.pay]
label = "Pay"
definition = "Pay and its lack."
core = true
words = ["wage", "=paid"]
exclude = ["paid tribute"]

[[themes.pay.rules]]
name = "paid-low"
terms = ["paid", "pay"]
context = ["low"]
window = 2

[[themes.pay.rules]]
name = "paid-late"
terms = ["paid", "wage"]
context = ["late"]
window = 2

[[themes.pay.rules]]
name = "paid-unfair"
terms = ["paid"]
unless = ["fair"]
window = 2
"""


def _pattern_words(codebook: Codebook) -> list[str]:
    return sorted(
        {
            word.lstrip("=")
            for theme in codebook.themes
            for pattern in (
                *theme.exclude,
                *(p for rule in theme.rules for p in (*rule.terms, *rule.context, *rule.unless)),
            )
            for word in pattern.text.split()
        }
    )


@pytest.mark.parametrize("codebook", [load_codebook(), parse_codebook(SHARED, "shared.toml")])
def test_terms_dropped_as_never_kept_change_no_evidence(codebook: Codebook) -> None:
    """A word's one-word terms after one of the same theme without company are dropped;
    every term a word has (the reference) finds the same evidence."""
    pruned, unpruned = ThemeMatcher(codebook), ThemeMatcher(codebook)
    words = st.sampled_from([*_pattern_words(codebook), "the", "we", "no", "."])

    @given(st.lists(words, max_size=20))
    def same_evidence(sentence: list[str]) -> None:
        text = " ".join(sentence)
        with patch.object(themes, "_live", tuple):
            expected = unpruned.find(text)
        assert pruned.find(text) == expected

    same_evidence()


def _reference_find(codebook: Codebook, sentence: str) -> tuple[ThemeHit, ...]:
    """The codebook's rules applied word by word, as ``themes``' module docstring states them,
    with none of the matcher's indexes, caches or shortcuts: the oracle for its output."""
    words = list(WORD.finditer(sentence))
    lowered = [word.group().lower().replace("’", "'") for word in words]
    forms = [{stem(form), "=" + form} for form in lowered]

    def occurrences(keys: tuple[str, ...]) -> list[tuple[int, int]]:
        return [
            (i, i + len(keys))
            for i in range(len(words) - len(keys) + 1)
            if all(key in forms[i + k] for k, key in enumerate(keys))
        ]

    def gap(a: tuple[int, int], b: tuple[int, int]) -> int | None:
        if b[0] >= a[1]:
            return b[0] - a[1] + 1
        return a[0] - b[1] + 1 if a[0] >= b[1] else None

    def nearest(
        span: tuple[int, int], company: tuple[Pattern, ...], window: int
    ) -> tuple[int, int] | None:
        # The nearest occurrence within the window; ties: the term listed first, then leftmost.
        near = [
            (distance, rank, other)
            for rank, pattern in enumerate(company)
            for other in occurrences(pattern.keys)
            if (distance := gap(span, other)) is not None and distance <= window
        ]
        return min(near)[2] if near else None

    def text_of(first: int, last: int) -> tuple[int, int]:
        return words[first].start(), words[last - 1].end()

    hits: list[ThemeHit] = []
    for theme in codebook.themes:
        excluded = {
            index
            for pattern in theme.exclude
            for span in occurrences(pattern.keys)
            for index in range(*span)
        }
        # A theme's matches, longest first, then leftmost; at one span the matcher's order
        # of the terms a word starts: those keyed by its stem before those keyed by its exact
        # form, each in codebook order.
        terms = [(rule, pattern) for rule in theme.rules for pattern in rule.terms]
        candidates = sorted(
            (-(end - start), start, pattern.keys[0].startswith("="), rank, rule)
            for rank, (rule, pattern) in enumerate(terms)
            for start, end in occurrences(pattern.keys)
        )
        kept: list[tuple[tuple[int, int], Rule, tuple[int, int] | None]] = []
        for negative_length, start, _, _, rule in candidates:
            span = (start, start - negative_length)
            if excluded.intersection(range(*span)):
                continue
            if any(other[0] < span[1] and span[0] < other[1] for other, _, _ in kept):
                continue
            if rule.unless and nearest(span, rule.unless, rule.window) is not None:
                continue
            context = nearest(span, rule.context, rule.window) if rule.context else None
            if rule.context and context is None:
                continue
            kept.append((span, rule, context))
        for span, rule, context in sorted(kept, key=lambda k: k[0]):
            start, end = text_of(*span)
            matched = [sentence[start:end]]
            if context is not None:
                matched.append(sentence[slice(*text_of(*context))])
            hits.append(ThemeHit(theme.id, tuple(matched), sentence, start, end, rule.name))
    return tuple(hits)


# Sentences of the codebook's pattern words, inflected and in any case, with fillers, and with
# punctuation, quotes and apostrophes between them: the matcher against the rules themselves
# (the oracle catches a company window off by one, a dropped exclusion or unless term, and the
# rightmost of two equally near context words taken as evidence).
@pytest.mark.parametrize("codebook", [load_codebook(), parse_codebook(SHARED, "shared.toml")])
def test_the_matcher_finds_what_the_rules_say(codebook: Codebook) -> None:
    matcher = ThemeMatcher(codebook)
    vocabulary = _pattern_words(codebook)
    word = st.sampled_from([*vocabulary, "the", "we", "no", "x", "paid", "managers", "Pay"])
    written = st.one_of(word, word.map(str.upper), word.map(str.title), word.map(lambda w: w + "s"))
    gap = st.sampled_from([" ", " ", " ", "  ", ", ", ". ", " - ", "-", "’", " “", "” ", "\n"])

    @settings(max_examples=400, deadline=None)
    @given(joined_pieces(written, gap))
    # Company at the same distance on both sides: the leftmost is the evidence.
    @example("Low paid LOW. ")
    def same_hits(text: str) -> None:
        assert matcher.find(text) == _reference_find(codebook, text)

    same_hits()
