"""Distinctive words: keyness of practitioners' comments against the official findings.

Word frequencies are counted incrementally (two ``Counter`` objects whose size is bounded by
the vocabulary, not by the number of articles); ``rank_keywords`` turns them into key terms
with Dunning's G² (evidence) and Hardie's log ratio (effect size). Stop words come from the
shipped ``discourse/data/stopwords.txt``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from discourse.compare.stats import G2_CRITICAL_05, chi2_1_p_value, log_likelihood, log_ratio
from discourse.resources import read_data_text

KeySide = Literal["practitioners", "official"]


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """A word that distinguishes one side's language from the other's.

    ``side`` is where the word is relatively more frequent; counts are raw frequencies;
    ``g2`` is the log-likelihood, ``p_value`` its chi-squared (1 df) tail, ``log_ratio`` the
    binary log of practitioners' relative frequency over the official one (negative when the
    word is official language).
    """

    word: str
    side: KeySide
    practitioner_count: int
    official_count: int
    g2: float
    p_value: float
    log_ratio: float

    @property
    def significant(self) -> bool:
        """True when G² reaches the 5% critical value (3.84)."""
        return self.g2 >= G2_CRITICAL_05


@cache
def stopwords() -> frozenset[str]:
    """The shipped stop word list (``discourse/data/stopwords.txt``), read once.

    Returns:
        Lower-case words with straight apostrophes.
    """
    words = (line.strip() for line in read_data_text("stopwords.txt").splitlines())
    return frozenset(word for word in words if word and not word.startswith("#"))


def content_words(tokens: Iterable[str]) -> list[str]:
    """Keep the tokens that can be keywords: not stop words, at least two letters.

    Args:
        tokens: lower-case word tokens (``discourse.analyse.sentences.word_tokens``).

    Returns:
        The kept tokens, curly apostrophes straightened, in order.
    """
    stop = stopwords()
    kept = []
    for token in tokens:
        word = token.replace("\u2019", "'").strip("'")
        if len(word) >= 2 and any(ch.isalpha() for ch in word) and word not in stop:
            kept.append(word)
    return kept


def rank_keywords(
    practitioners: Counter[str],
    official: Counter[str],
    *,
    top: int = 20,
    min_count: int = 2,
) -> tuple[tuple[KeyTerm, ...], tuple[KeyTerm, ...]]:
    """Rank the words of two frequency lists by keyness.

    Args:
        practitioners: word frequencies in practitioners' comments.
        official: word frequencies in the official findings' sentences.
        top: how many terms to keep on each side.
        min_count: a word must occur at least this often over both sides (hapaxes say
            little and crowd the chart).

    Returns:
        ``(practitioner_terms, official_terms)``, each sorted by G² descending, then word
        (deterministic). Both are empty when either side has no words.
    """
    size_p = sum(practitioners.values())
    size_o = sum(official.values())
    if size_p == 0 or size_o == 0:
        return (), ()
    terms: list[KeyTerm] = []
    for word in practitioners.keys() | official.keys():
        a, b = practitioners[word], official[word]
        if a + b < min_count:
            continue
        g2 = log_likelihood(a, b, size_p, size_o)
        ratio = log_ratio(a, b, size_p, size_o)
        side: KeySide = "practitioners" if a / size_p > b / size_o else "official"
        terms.append(KeyTerm(word, side, a, b, g2, chi2_1_p_value(g2), ratio))
    terms.sort(key=lambda term: (-term.g2, term.word))
    practitioner_terms = tuple(t for t in terms if t.side == "practitioners")[:top]
    official_terms = tuple(t for t in terms if t.side == "official")[:top]
    return practitioner_terms, official_terms
