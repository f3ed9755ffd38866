"""VADER's compound score, computed by vaderSentiment 3.3.2's rules in fewer steps.

``SentimentIntensityAnalyzer.polarity_scores`` spends most of its time on bookkeeping, not
on its rules: it rebuilds the sentence one character at a time to swap emojis for their
descriptions, and lower-cases the whole sentence again for every preceding word it checks
around every lexicon word (``_negation_check`` and ``_special_idioms_check``), so a
sentence's cost grows with the square of its length. ``VaderCompound`` applies the same
rules, in the same order, with the same constants, to a sentence lower-cased once, and only
looks closer at its lexicon words; a sentence with an emoji goes to the library whole. It
calls the library's own code for the booster scalar, the "but" rule, punctuation emphasis
and normalisation. On the 5,172 sentences of 50 benchmark pages it runs 0.15 of the
library's instructions.

The rules are those of one release: ``discourse.analyse.sentiment`` uses the port only when
the installed ``vaderSentiment`` is ``PORTED_VERSION``, and the library's own
``polarity_scores`` with any other. ``tests/test_vader.py`` checks that the scores are equal,
not close: on every sentence, line and paragraph of the fixtures (the seeds among them), on
a sentence per rule, and on generated strings of the rules' trigger words and of any
characters.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from functools import lru_cache
from itertools import compress, count
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_PUNCTUATION: Final = string.punctuation

PORTED_VERSION: Final = "3.3.2"
"""The ``vaderSentiment`` release whose ``polarity_scores`` this module reproduces."""

# Compound scores kept by sentence total (``VaderCompound._score``): few enough to stay small.
_COMPOUNDS_KEPT: Final = 4096


def _covering_class(characters: frozenset[str]) -> re.Pattern[str]:
    """A character class that matches every one of ``characters`` and few others.

    The emoji table's characters up to U+00FF are listed (© and ®), and the rest taken as
    the range from the lowest of them to the end of Unicode (U+203C "‼" up). Most sentences
    that are not ASCII hold only curly quotes, dashes and "…", all below U+203C: the class,
    searched in C, clears them, where the set test hashes every character (2.5 against
    1.1 us a sentence).
    """
    low = sorted(ord(character) for character in characters if ord(character) <= 0xFF)
    high = [ord(character) for character in characters if ord(character) > 0xFF]
    if not high:
        return re.compile(f"[{''.join(map(re.escape, map(chr, low)))}]" if low else "(?!)")
    # Written as its complement, the characters below the range that are not listed: ``re``
    # compiles a class by marking each code point of its ranges below U+10000 in turn, so
    # the 8,000 of the complement cost 9M instructions where the 57,000 from U+203C to
    # U+FFFF cost 54M, at every start of a process.
    gaps, start = [], 0
    for code in [*low, min(high)]:
        if code > start:
            gaps.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
        start = code + 1
    return re.compile(f"[^{''.join(gaps)}]")


class VaderCompound:
    """VADER's compound score of one sentence, equal to ``polarity_scores(text)["compound"]``.

    Args:
        analyzer: the library's analyser, for its lexicon and emoji table and for the
            sentences that contain an emoji.

    Example:
        >>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        >>> analyzer = SentimentIntensityAnalyzer()
        >>> text = "The staff are NOT happy, but the pay is not so bad!!"
        >>> VaderCompound(analyzer)(text) == analyzer.polarity_scores(text)["compound"]
        True
    """

    def __init__(self, analyzer: SentimentIntensityAnalyzer) -> None:
        from vaderSentiment.vaderSentiment import (
            BOOSTER_DICT,
            C_INCR,
            N_SCALAR,
            NEGATE,
            SPECIAL_CASES,
            SentimentIntensityAnalyzer,
            normalize,
            scalar_inc_dec,
        )

        self._analyzer = analyzer
        self._boosters: dict[str, float] = BOOSTER_DICT
        self._special_cases: dict[str, float] = SPECIAL_CASES
        self._c_incr: float = C_INCR
        self._n_scalar: float = N_SCALAR
        self._scalar_inc_dec = scalar_inc_dec
        self._but_check = SentimentIntensityAnalyzer._but_check
        self._lexicon: dict[str, float] = analyzer.lexicon
        # The library's emoji pass looks characters up one at a time, so only the table's
        # one-character keys can ever match.
        self._emoji_characters = frozenset(key for key in analyzer.emojis if len(key) == 1)
        self._ascii_emoji = any(character.isascii() for character in self._emoji_characters)
        self._emoji_hint = _covering_class(self._emoji_characters)
        self._negations = frozenset(NEGATE)
        # The words of the idioms and booster phrases ``_idioms`` looks for (single words of
        # those tables never equal its sequences of two or three words).
        self._idiom_words = frozenset(
            word for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key for word in key.split(" ")
        )
        self._idiom_openings = frozenset(
            tuple(key.split(" ")[:2]) for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key
        )
        # Each token seen so far as the rules see it, and that lower-cased: two tables, so
        # that a sentence's words and lower-cased words are each one ``map`` over its tokens.
        # They grow with the vocabulary of the corpus, not with its size.
        self._words: dict[str, str] = {}
        self._lowered: dict[str, str] = {}
        # Every lower-cased word that a rule of ``_valence`` other than the idioms looks for
        # before a lexicon word or at it: negations (and, added by ``_read``, every word with
        # "n't"), boosters, "no", "least", and the words of "never so", "never this" and
        # "without doubt" ("doubt" counts only after "without"). A lexicon word that is none
        # of them, after three words that are none of them, keeps its lexicon valence, with
        # the capitals' increment, unless an idiom replaces it: ``__call__`` settles it
        # without ``_valence``'s tour of every rule (7 in 10 lexicon words of the benchmark
        # pages).
        self._rule_words: set[str] = {
            *self._negations,
            *(key for key in BOOSTER_DICT if " " not in key),
            *("no", "least", "never", "so", "this", "without"),
        }
        # The compound score of each sentence total seen lately: normalising and rounding
        # to 4 places costs 0.9 us, and the benchmark's sentences have few distinct totals
        # (660 in 5,172 sentences), sums of a few lexicon valences. A total is never zero
        # here (``_score`` answers that first), so 0.0 and -0.0 never share a key.
        self._compound_of: Callable[[float], float] = lru_cache(maxsize=_COMPOUNDS_KEPT)(
            lambda total: float(round(normalize(total), 4))
        )

    def __call__(self, text: str) -> float:
        """Return the compound score of ``text``, rounded to 4 places as the library does."""
        # ``isascii`` reads a flag of the string, while the set test hashes each of its
        # characters: an ASCII sentence holds no emoji unless the table has an ASCII one.
        may_hold_emoji = self._ascii_emoji or not text.isascii()
        if (
            may_hold_emoji
            and self._emoji_hint.search(text) is not None
            and not self._emoji_characters.isdisjoint(text)
        ):
            return float(self._analyzer.polarity_scores(text)["compound"])
        text = text.strip()
        tokens = text.split()
        try:
            words = list(map(self._words.__getitem__, tokens))
        except KeyError:  # a token not seen before: read the sentence's new tokens
            for token in tokens:
                if token not in self._words:
                    self._read(token)
            words = list(map(self._words.__getitem__, tokens))
        lowered = list(map(self._lowered.__getitem__, tokens))
        lexicon = self._lexicon
        sentiments: list[float] = [0] * len(words)
        scored = compress(count(), map(lexicon.__contains__, lowered))
        is_cap_diff: bool | None = None
        boosters = self._boosters
        rule_words = self._rule_words
        idiom_words = self._idiom_words
        last = len(words) - 1
        for i in scored:
            word = lowered[i]
            if word in boosters or (word == "kind" and i < last and lowered[i + 1] == "of"):
                continue
            if is_cap_diff is None:
                # allcap_differential: some, but not all, words are in capitals.
                capitals = sum(map(str.isupper, words))
                is_cap_diff = 0 < len(words) - capitals < len(words)
            if word in rule_words or not rule_words.isdisjoint(lowered[i - 3 if i > 2 else 0 : i]):
                sentiments[i] = self._valence(words, lowered, i, is_cap_diff)
            else:
                valence = lexicon[word]
                if is_cap_diff and words[i].isupper():
                    valence += self._c_incr if valence > 0 else -self._c_incr
                # ``_valence`` tries the idioms where the word has three before it and the
                # third is no lexicon word; they can apply only if one of the four is an
                # idiom's word.
                if (
                    i > 2
                    and lowered[i - 3] not in lexicon
                    and not idiom_words.isdisjoint(lowered[i - 3 : i + 1])
                ):
                    valence = self._idioms(valence, lowered, i)
                sentiments[i] = valence
        if "but" in lowered:
            sentiments = self._but_check(words, sentiments)
        return self._score(sentiments, text)

    def _read(self, token: str) -> None:
        """A token as the library's ``SentiText`` makes it, and lower-cased (once per token).

        ``SentiText._strip_punc_if_word``: punctuation is stripped unless that leaves two
        characters or fewer (an emoticon such as ":)").
        """
        stripped = token.strip(_PUNCTUATION)
        word = stripped if len(stripped) > 2 else token
        self._words[token] = word
        self._lowered[token] = lowered = word.lower()
        if "n't" in lowered:
            self._rule_words.add(lowered)

    def _valence(self, words: list[str], lowered: list[str], i: int, is_cap_diff: bool) -> float:
        """``SentimentIntensityAnalyzer.sentiment_valence`` for a lexicon word at ``i``."""
        lexicon = self._lexicon
        word = lowered[i]
        valence = lexicon[word]
        if word == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[word] * self._n_scalar
        if is_cap_diff and words[i].isupper():
            valence += self._c_incr if valence > 0 else -self._c_incr
        for start_i in range(3):
            before = i - (start_i + 1)
            if i > start_i and lowered[before] not in lexicon:
                # scalar_inc_dec is 0 for a word that is no booster (most): no call for those.
                scalar = (
                    self._scalar_inc_dec(words[before], valence, is_cap_diff)
                    if lowered[before] in self._boosters
                    else 0.0
                )
                if start_i == 1 and scalar != 0:
                    scalar = scalar * 0.95
                if start_i == 2 and scalar != 0:
                    scalar = scalar * 0.9
                valence = valence + scalar
                valence = self._negation(valence, lowered, start_i, i)
                if start_i == 2:
                    valence = self._idioms(valence, lowered, i)
        return self._least(valence, lowered, i)

    def _idioms(self, valence: float, lowered: list[str], i: int) -> float:
        """``SentimentIntensityAnalyzer._special_idioms_check`` over the lower-cased words."""
        special = self._special_cases
        boosters = self._boosters
        three, two, one, zero = lowered[i - 3], lowered[i - 2], lowered[i - 1], lowered[i]
        # Every sequence looked up holds one of these four words, and matches only if each
        # of its words is a word of some idiom or booster phrase: usually none is.
        if self._idiom_words.isdisjoint((three, two, one, zero)):
            return valence
        # A sequence matches only if its first two words open an idiom or booster phrase,
        # and every sequence opens with one of these pairs: "the" or "to" make the test
        # above pass for 3 lexicon words in 5, and an idiom is rarely there.
        pairs = self._idiom_openings
        if (
            (one, zero) not in pairs
            and (two, one) not in pairs
            and (three, two) not in pairs
            and (len(lowered) - 1 == i or (zero, lowered[i + 1]) not in pairs)
        ):
            return valence
        three_two_one = f"{three} {two} {one}"
        three_two = f"{three} {two}"
        two_one = f"{two} {one}"
        for sequence in (f"{one} {zero}", f"{two} {one} {zero}", two_one, three_two_one, three_two):
            if sequence in special:
                valence = special[sequence]
                break
        if len(lowered) - 1 > i:
            zero_one = f"{zero} {lowered[i + 1]}"
            if zero_one in special:
                valence = special[zero_one]
        if len(lowered) - 1 > i + 1:
            zero_one_two = f"{zero} {lowered[i + 1]} {lowered[i + 2]}"
            if zero_one_two in special:
                valence = special[zero_one_two]
        for n_gram in (three_two_one, three_two, two_one):
            if n_gram in boosters:
                valence = valence + boosters[n_gram]
        return valence

    def _negated(self, word: str) -> bool:
        """``vaderSentiment.negated`` of one lower-cased word."""
        return word in self._negations or "n't" in word

    def _negation(self, valence: float, lowered: list[str], start_i: int, i: int) -> float:
        """``SentimentIntensityAnalyzer._negation_check`` over the lower-cased words."""
        n_scalar = self._n_scalar
        if start_i == 0:
            if self._negated(lowered[i - 1]):
                valence = valence * n_scalar
        elif start_i == 1:
            if lowered[i - 2] == "never" and lowered[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
                pass
            elif self._negated(lowered[i - 2]):
                valence = valence * n_scalar
        elif (lowered[i - 3] == "never" and lowered[i - 2] in ("so", "this")) or lowered[i - 1] in (
            "so",
            "this",
        ):
            valence = valence * 1.25
        elif lowered[i - 3] == "without" and "doubt" in (lowered[i - 2], lowered[i - 1]):
            pass
        elif self._negated(lowered[i - 3]):
            valence = valence * n_scalar
        return valence

    def _least(self, valence: float, lowered: list[str], i: int) -> float:
        """``SentimentIntensityAnalyzer._least_check`` over the lower-cased words."""
        if (
            i > 0
            and lowered[i - 1] == "least"
            and lowered[i - 1] not in self._lexicon
            and (i == 1 or lowered[i - 2] not in ("at", "very"))
        ):
            valence = valence * self._n_scalar
        return valence

    def _score(self, sentiments: list[float], text: str) -> float:
        """The compound part of ``SentimentIntensityAnalyzer.score_valence``."""
        total = float(sum(sentiments))
        if not total:  # no lexicon word, or none with a valence: 3 sentences in 10
            return 0.0
        # Emphasis comes only from "!" and "?"; most sentences have neither.
        if "!" in text or "?" in text:
            emphasis = self._analyzer._punctuation_emphasis(text)
            if total > 0:
                total += emphasis
            elif total < 0:
                total -= emphasis
        return self._compound_of(total)
