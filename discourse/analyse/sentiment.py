"""Sentiment: VADER's compound score per sentence, its label, and a comment's aggregate.

VADER (Hutto and Gilbert, ICWSM 2014; the ``vaderSentiment`` package) was built and
validated on sentence-length text. Its authors advise scoring longer texts sentence by
sentence and aggregating, so every sentence keeps its own compound score and a comment's
score is ``aggregate`` of its sentences' scores (see ``AGGREGATE_DESCRIPTION``).

``vaderSentiment`` loads its lexicon when the analyser is built, so one analyser is built
per process, lazily (``discourse --help`` never pays for it). Sentences are scored by
``discourse.analyse.vader``, which gives the library's compound score, equal to the last
digit, in under a fifth of its time, when the installed release is the one it ports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from math import fsum
from pathlib import Path
from typing import TYPE_CHECKING

from discourse.analyse.results import SentimentLabel
from discourse.analyse.vader import PORTED_VERSION, VaderCompound
from discourse.settings import Settings

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

AGGREGATE_DESCRIPTION = (
    "A comment's sentiment is the unweighted mean of the VADER compound scores of its "
    "sentences (sentences split with Punkt, NLTK 3.10.4's code shipped with discourse), as "
    "VADER's authors advise for texts longer than a sentence; a comment with no sentence "
    "scores 0 (neutral). The mean keeps the scale "
    "and thresholds of the sentence score, and gives every sentence an equal say, so one long "
    "rant does not outweigh a comment's other points, and a comment mixing praise and "
    "complaint lands near neutral instead of at whichever extreme VADER's whole-text "
    "normalisation would saturate to."
)
"""How a comment's score is made, in words for the report's methods section."""


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    """Build VADER's analyser once per process (it reads its lexicon files on construction)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _compound() -> Callable[[str], float]:
    """The function that scores a sentence: the port when it matches the installed release."""
    analyzer = _analyzer()
    if vader_version() == PORTED_VERSION:
        return VaderCompound(analyzer)
    return lambda text: float(analyzer.polarity_scores(text)["compound"])


@cache
def vader_version() -> str:
    """The installed ``vaderSentiment`` version (``importlib.metadata``'s answer).

    Read from the name of the ``vaderSentiment-<version>.dist-info`` folder installed beside
    the package, as every wheel installer names it: importing ``importlib.metadata`` (with
    the ``email`` parser it reads the metadata with) cost about 48M instructions, 0.02 s, at the
    start of every run. ``importlib.metadata`` answers when that folder is not there.
    """
    import vaderSentiment

    folder = Path(vaderSentiment.__file__).absolute().parent.parent
    prefix, suffix = "vadersentiment-", ".dist-info"
    found = [
        path.name[len(prefix) : -len(suffix)]
        for path in folder.iterdir()
        if path.name.lower().startswith(prefix) and path.name.endswith(suffix)
    ]
    if len(found) == 1:
        return found[0]
    from importlib import metadata

    return metadata.version("vaderSentiment")


def scoring_method() -> str:
    """What computed the sentence scores, in words for the report's methods section."""
    installed = vader_version()
    if installed == PORTED_VERSION:
        return (
            f"Sentence scores are vaderSentiment {installed}'s compound scores, computed with its "
            "lexicon and rules by discourse's port of its scoring function (faster, and checked "
            "by the test suite to give the library's score exactly, sentence by sentence)."
        )
    return f"Sentence scores are computed by vaderSentiment {installed} itself."


class SentimentScorer:
    """Scores text with VADER and labels scores with the run's thresholds.

    Args:
        settings: the run's settings; ``positive_threshold`` and ``negative_threshold``
            (VADER's published 0.05 and -0.05 by default) decide the labels.

    Example:
        >>> from discourse.settings import load_settings
        >>> scorer = SentimentScorer(load_settings())
        >>> scorer.label(scorer.compound("Morale is terrible."))
        'negative'
    """

    def __init__(self, settings: Settings) -> None:
        self.positive_threshold = settings.positive_threshold
        self.negative_threshold = settings.negative_threshold
        self._compound = _compound()

    def compound(self, text: str) -> float:
        """Return VADER's compound score of ``text`` (one sentence), in [-1, 1].

        Args:
            text: a sentence; longer texts should be split and passed to ``aggregate``.

        Returns:
            The normalised compound score.
        """
        return self._compound(text)

    def compound_all(self, texts: Sequence[str]) -> list[float]:
        """``compound`` of each of ``texts`` (one sentence each), in order.

        One ``map`` over the scoring function itself: no call of ``compound`` per sentence.
        """
        return list(map(self._compound, texts))

    def label(self, score: float) -> SentimentLabel:
        """Label a compound (or aggregate) score.

        Args:
            score: a compound score or an aggregate of them.

        Returns:
            ``"positive"`` at or above the positive threshold, ``"negative"`` at or below the
            negative threshold, else ``"neutral"``.
        """
        if score >= self.positive_threshold:
            return "positive"
        if score <= self.negative_threshold:
            return "negative"
        return "neutral"


def aggregate(scores: Sequence[float]) -> float:
    """Combine sentence compound scores into a comment's score (``AGGREGATE_DESCRIPTION``).

    Args:
        scores: the compound scores of a comment's sentences, in any order.

    Returns:
        Their unweighted mean, or 0.0 for no sentences.

    Example:
        >>> aggregate([0.5, -0.1, 0.0])
        0.13333333333333333
        >>> aggregate([])
        0.0
    """
    # ``statistics.fmean`` is ``fsum(data) / len(data)``: the same number without importing
    # ``statistics`` (and ``fractions`` and ``decimal``), about 14M instructions a run.
    return fsum(scores) / len(scores) if scores else 0.0
