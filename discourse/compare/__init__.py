"""Practitioners against the official findings: prevalence, tests, silences, keyness, quotes.

Feed ``CorpusComparison`` one ``ArticleAnalysis`` at a time and read its frozen
``ComparisonResult``; the statistics functions are public for reuse and testing. No plotting
here (``discourse.report`` draws), and SciPy is imported only inside ``fisher_test``.
"""

from discourse.compare.corpus import (
    ArticleComparison,
    Breakdown,
    ComparisonResult,
    CorpusComparison,
    CorpusOverview,
    Quote,
    QuotePair,
    SentimentSummary,
    Silence,
    StatisticRow,
    ThemePrevalence,
    ThemeTest,
)
from discourse.compare.groups import GROUP_LABELS, GROUP_UNITS, GROUPS, GroupId
from discourse.compare.keyness import KeyTerm, rank_keywords, stopwords
from discourse.compare.stats import (
    FisherResult,
    Proportion,
    fisher_test,
    log_likelihood,
    log_ratio,
    wilson_interval,
)

__all__ = [
    "GROUPS",
    "GROUP_LABELS",
    "GROUP_UNITS",
    "ArticleComparison",
    "Breakdown",
    "ComparisonResult",
    "CorpusComparison",
    "CorpusOverview",
    "FisherResult",
    "GroupId",
    "KeyTerm",
    "Proportion",
    "Quote",
    "QuotePair",
    "SentimentSummary",
    "Silence",
    "StatisticRow",
    "ThemePrevalence",
    "ThemeTest",
    "fisher_test",
    "log_likelihood",
    "log_ratio",
    "rank_keywords",
    "stopwords",
    "wilson_interval",
]
