"""The VADER port (discourse.analyse.vader) against vaderSentiment, sentence by sentence.

The port must give exactly the library's compound score: on every sentence of the fixtures
(the seed pages and the edge cases), and on generated sentences made of the words that set
off VADER's rules (negations, boosters, "but", "no", "least", "kind of", idioms, capitals,
emphasis).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import FIXTURES, joined_pieces
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from discourse.analyse import sentiment
from discourse.analyse.sentences import split_sentences
from discourse.analyse.vader import PORTED_VERSION, VaderCompound, _covering_class

ANALYZER = SentimentIntensityAnalyzer()
PORT = VaderCompound(ANALYZER)


def _reference(text: str) -> float:
    return float(ANALYZER.polarity_scores(text)["compound"])


def _sentences_of(folder: Path) -> list[str]:
    """Every line and sentence of every page: the units VADER is given, and then some."""
    sentences: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for paragraph in text.split("\n\n"):
            sentences.append(paragraph)
            sentences.extend(sentence.text for sentence in split_sentences(paragraph))
            sentences.extend(re.split(r"(?<=[.!?])\s+", paragraph))
    return sentences


def test_the_port_scores_every_page_sentence_as_the_library() -> None:
    # The fixtures hold the three seed pages and the edge cases.
    sentences = _sentences_of(FIXTURES)
    assert len(sentences) > 200
    differing = [text for text in sentences if PORT(text) != _reference(text)]
    assert differing == []


# Pieces that set off VADER's rules, to be strung together: negations and the phrases that
# qualify them, boosters and dampeners, "but", "no ... or/nor", "least", "kind of", the
# idioms, capitals, emoticons and emojis; with lexicon words of both signs and fillers.
_PIECES = [
    *("not", "never", "never so", "never this", "without doubt", "without", "doubt", "no"),
    *("no one", "or", "nor", "at least", "very least", "least", "kind of", "sort of", "kind"),
    *("but", "BUT", "isn't", "aint", "cannot", "despite", "rarely", "so", "this", "the bomb"),
    # A word with "n't" that is no listed negation, which the library still takes for one.
    *("couldn't've", "Mightn't've"),
    *("the shit", "bad ass", "to die for", "yeah right", "kiss of death", "bus stop"),
    *("just enough", "extremely", "slightly", "barely", "FUCKING", "good", "GOOD", "Good"),
    *("great", "happy", "terrible", "awful", "HATE", "love", "fair", "unfair", "worst", "best"),
    *("morale", "staff", "pay", "the", "x", ":)", ":(", ":D", "<3", "lol", "😀", "💔", "OK"),
]
_MARKS = ["", "", "", "", "", ".", ",", "!", "!!", "?", "??", "?!", "...", "'", ")"]


_rule_sentences = joined_pieces(
    st.sampled_from(_PIECES),
    st.sampled_from([mark + space for mark in _MARKS for space in (" ", " ", "  ", "\n")]),
)


@pytest.mark.parametrize(
    "text",
    [
        "It was never so good.",
        "It was never this bad.",
        "They are without doubt good.",
        "It is not good and not so very good.",
        "No good or bad, no great nor awful.",
        "At least good; the very least good; least good.",
        "Least good at",
        "Kind of good, sort of bad, kinda awful.",
        "The staff are GOOD but the pay is terrible!!!",
        "It is the bomb, yeah right, the kiss of death.",
        "I love it :) 😀 💔",
        "",
    ],
)
def test_the_port_follows_each_rule_of_the_library(text: str) -> None:
    assert PORT(text) == _reference(text)


@settings(max_examples=1500, deadline=None)
@given(_rule_sentences)
def test_the_port_follows_the_rules_in_any_combination(text: str) -> None:
    assert PORT(text) == _reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_the_port_scores_any_text_as_the_library(text: str) -> None:
    assert PORT(text) == _reference(text)


def test_every_emoji_sends_its_sentence_to_the_library() -> None:
    # The port hands a sentence with an emoji to the library; its quick character-class test
    # must let through every one-character key of the emoji table, whatever surrounds it.
    emojis = sorted(key for key in ANALYZER.emojis if len(key) == 1)
    assert len(emojis) > 1000
    for emoji in emojis:
        text = f"The team’s “morale” {emoji} is – sadly – low…"
        assert PORT(text) == _reference(text), emoji


@pytest.mark.parametrize(
    "characters", [ANALYZER.emojis, "©®‼", "\x00~\U0010ffff", "\u203c", "#*0a©®", "ab"]
)
def test_the_covering_class_is_the_listed_characters_and_the_range_above(
    characters: Iterable[str],
) -> None:
    # The class is compiled as its complement; it must match exactly the characters up to
    # U+00FF that are listed and every one from the lowest listed above U+00FF up.
    keys = frozenset(key for key in characters if len(key) == 1)
    every = "".join(map(chr, range(0x110000)))
    low = {key for key in keys if ord(key) <= 0xFF}
    lowest = min((ord(key) for key in keys if ord(key) > 0xFF), default=0x110000)
    expected = [c for c in every if c in low or ord(c) >= lowest]
    assert _covering_class(keys).findall(every) == expected


def test_another_release_of_the_library_is_scored_by_the_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentiment._compound.cache_clear()
    monkeypatch.setattr(sentiment, "vader_version", lambda: "3.4.0")
    try:
        compound = sentiment._compound()
        assert not isinstance(compound, VaderCompound)
        assert compound("The pay is awful, but the team is great!") == _reference(
            "The pay is awful, but the team is great!"
        )
    finally:
        sentiment._compound.cache_clear()


def test_the_port_is_for_the_installed_release() -> None:
    assert sentiment.vader_version() == PORTED_VERSION
    assert isinstance(sentiment._compound(), VaderCompound)
