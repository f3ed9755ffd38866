"""The corpus comparison: an accumulator fed one ``ArticleAnalysis`` at a time.

``CorpusComparison.add`` folds an article into running tallies (counts per group and theme,
sentiment sums and histograms, word frequencies, the best quote per theme, distinct workforce
figures) and returns that article's own small ``ArticleComparison``; nothing else of the
article is kept, so memory grows with the vocabulary, the themes and the councils, never with
the number of articles. ``result()`` computes proportions, intervals and tests from the
tallies and returns a frozen ``ComparisonResult``. No plotting here: ``discourse.report``
draws the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from discourse.analyse.results import ArticleAnalysis, ScoredSentence, SentimentLabel
from discourse.analyse.sentences import word_tokens
from discourse.compare.groups import (
    COUNCIL_VOICES,
    GROUPS,
    OFFICIAL_VOICES,
    GroupId,
)
from discourse.compare.keyness import KeyTerm, content_words, rank_keywords
from discourse.compare.stats import Proportion, fisher_test

# Equal-width bins of the compound score, for the sentiment distributions.
SENTIMENT_BINS: Final[tuple[float, ...]] = (-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0)
LABELS: Final[tuple[SentimentLabel, ...]] = ("negative", "neutral", "positive")

# Below these sizes an exact test has little power, and its p value is reported with a caveat:
# fewer than SMALL_GROUP units in either group, or fewer than SMALL_THEME units with the theme.
SMALL_GROUP: Final = 20
SMALL_THEME: Final = 5

# Pairs of groups checked for silences (a theme one raises and the other never does).
SILENCE_PAIRS: Final[tuple[tuple[GroupId, GroupId], ...]] = (
    ("practitioners", "official"),
    ("official", "practitioners"),
    ("practitioners", "council"),
    ("council", "practitioners"),
)

UNKNOWN_YEAR: Final = "unknown"


# --- the frozen result records -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThemePrevalence:
    """How many of a group's units carry a theme."""

    group: GroupId
    theme: str
    proportion: Proportion


@dataclass(frozen=True, slots=True)
class ThemeTest:
    """Fisher's exact test of one theme: practitioners' comments against official sentences.

    ``caveat`` is set when the counts are too small for the test to say much.
    """

    theme: str
    practitioners: Proportion
    official: Proportion
    odds_ratio: float
    p_value: float
    caveat: str | None


@dataclass(frozen=True, slots=True)
class Silence:
    """A theme ``raised_by`` one group that ``silent`` does not raise.

    ``corpus_silent`` is true when ``silent`` never raises it anywhere (while it does speak);
    ``articles`` counts the articles in which ``raised_by`` raises the theme and ``silent``
    speaks without raising it, out of ``of_articles`` articles where both speak.
    """

    theme: str
    raised_by: GroupId
    silent: GroupId
    raised: int
    corpus_silent: bool
    articles: int
    of_articles: int


@dataclass(frozen=True, slots=True)
class SentimentSummary:
    """Sentiment of a group's units, overall (``theme`` None) or of those carrying a theme.

    ``histogram`` counts units per ``SENTIMENT_BINS`` interval (the last bin includes 1.0).
    """

    group: GroupId
    theme: str | None
    n: int
    mean: float | None
    negative: int
    neutral: int
    positive: int
    share_negative: Proportion
    histogram: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence that carries a theme, with where it comes from.

    ``speaker`` is the (pseudonymised) commenter for practitioners, the voice for official
    sentences; ``strength`` is the number of distinct theme terms matched in it.
    """

    theme: str
    group: GroupId
    text: str
    article: str
    speaker: str
    strength: int
    matched: tuple[str, ...]
    sentiment: float


@dataclass(frozen=True, slots=True)
class QuotePair:
    """What the official findings and the practitioners said on one theme, side by side."""

    theme: str
    official: Quote | None
    practitioner: Quote | None


@dataclass(frozen=True, slots=True)
class StatisticRow:
    """A distinct official workforce figure and how many articles quote it."""

    council: str
    metric: str
    value: float
    unit: str
    period: str | None
    comparator: str | None
    comparator_value: float | None
    articles: int
    first_article: str


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Theme prevalence among practitioners and in the official findings for one council/year."""

    key: str
    articles: int
    prevalence: tuple[ThemePrevalence, ...]


@dataclass(frozen=True, slots=True)
class CorpusOverview:
    """The corpus at a glance."""

    articles: int
    articles_with_comments: int
    comments: int
    replies: int
    self_identified: int
    body_sentences: int
    official_sentences: int
    council_sentences: int
    councils: tuple[str, ...]
    publications: tuple[str, ...]
    first_date: date | None
    last_date: date | None
    ratings: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ArticleComparison:
    """One article's own comparison: small enough to keep for every article page.

    ``theme_counts`` holds, per group, the number of its units in this article carrying each
    theme (themes with a zero count left out); ``units`` the group's units here.
    """

    name: str
    title: str
    councils: tuple[str, ...]
    units: tuple[tuple[GroupId, int], ...]
    theme_counts: tuple[tuple[GroupId, tuple[tuple[str, int], ...]], ...]
    silences: tuple[tuple[str, GroupId, GroupId], ...]
    quotes: tuple[QuotePair, ...]

    def count(self, group: GroupId, theme: str) -> int:
        """Units of ``group`` in this article that carry ``theme``."""
        for key, counts in self.theme_counts:
            if key == group:
                return dict(counts).get(theme, 0)
        return 0


@dataclass(frozen=True, slots=True)
class ComparisonResult:
    """Everything the report and the comparison tables show, computed from the tallies."""

    themes: tuple[str, ...]
    overview: CorpusOverview
    units: tuple[tuple[GroupId, int], ...]
    prevalence: tuple[ThemePrevalence, ...]
    tests: tuple[ThemeTest, ...]
    silences: tuple[Silence, ...]
    sentiment: tuple[SentimentSummary, ...]
    theme_labels: tuple[tuple[str, tuple[int, int, int]], ...]
    keywords_practitioners: tuple[KeyTerm, ...]
    keywords_official: tuple[KeyTerm, ...]
    words: tuple[tuple[GroupId, int], ...]
    quotes: tuple[QuotePair, ...]
    statistics: tuple[StatisticRow, ...]
    by_council: tuple[Breakdown, ...]
    by_year: tuple[Breakdown, ...]

    def proportion(self, group: GroupId, theme: str) -> Proportion:
        """The prevalence of ``theme`` in ``group``."""
        for row in self.prevalence:
            if row.group == group and row.theme == theme:
                return row.proportion
        raise KeyError(f"no prevalence for {group}/{theme}")

    def summary(self, group: GroupId, theme: str | None = None) -> SentimentSummary:
        """The sentiment summary of ``group`` overall or for units carrying ``theme``."""
        for row in self.sentiment:
            if row.group == group and row.theme == theme:
                return row
        raise KeyError(f"no sentiment summary for {group}/{theme}")

    def group_units(self, group: GroupId) -> int:
        """How many units (comments or sentences) ``group`` has in the corpus."""
        return dict(self.units)[group]


# --- running tallies (mutable, private) -----------------------------------------------------


def _bin(score: float) -> int:
    """Index of the ``SENTIMENT_BINS`` interval holding ``score`` (clamped to [-1, 1])."""
    last = len(SENTIMENT_BINS) - 2
    for index in range(last + 1):
        if score < SENTIMENT_BINS[index + 1]:
            return index
    return last


@dataclass(slots=True)
class _Tally:
    """Counts and sentiment sums for one group's units."""

    units: int = 0
    themes: Counter[str] = field(default_factory=Counter)
    score_sum: float = 0.0
    labels: Counter[str] = field(default_factory=Counter)
    histogram: list[int] = field(default_factory=lambda: [0] * (len(SENTIMENT_BINS) - 1))
    theme_score_sum: dict[str, float] = field(default_factory=dict)
    theme_labels: dict[str, Counter[str]] = field(default_factory=dict)
    theme_histograms: dict[str, list[int]] = field(default_factory=dict)

    def add(self, themes: Iterable[str], score: float, label: SentimentLabel) -> None:
        self.units += 1
        self.score_sum += score
        self.labels[label] += 1
        position = _bin(score)
        self.histogram[position] += 1
        for theme in themes:
            self.themes[theme] += 1
            self.theme_score_sum[theme] = self.theme_score_sum.get(theme, 0.0) + score
            self.theme_labels.setdefault(theme, Counter())[label] += 1
            bins = self.theme_histograms.setdefault(theme, [0] * (len(SENTIMENT_BINS) - 1))
            bins[position] += 1

    def summary(self, group: GroupId, theme: str | None) -> SentimentSummary:
        if theme is None:
            n, total, labels, histogram = self.units, self.score_sum, self.labels, self.histogram
        else:
            n = self.themes[theme]
            total = self.theme_score_sum.get(theme, 0.0)
            labels = self.theme_labels.get(theme, Counter())
            histogram = self.theme_histograms.get(theme, [0] * (len(SENTIMENT_BINS) - 1))
        return SentimentSummary(
            group=group,
            theme=theme,
            n=n,
            mean=total / n if n else None,
            negative=labels["negative"],
            neutral=labels["neutral"],
            positive=labels["positive"],
            share_negative=Proportion.of(labels["negative"], n),
            histogram=tuple(histogram),
        )


@dataclass(slots=True)
class _Keyed:
    """Per-council or per-year tallies of the two compared groups."""

    articles: int = 0
    practitioners: _Tally = field(default_factory=_Tally)
    official: _Tally = field(default_factory=_Tally)


@dataclass(frozen=True, slots=True)
class _StatKey:
    """What makes two quoted workforce figures the same figure."""

    council: str
    metric: str
    value: float
    unit: str
    period: str | None
    comparator: str | None
    comparator_value: float | None


@dataclass(slots=True)
class _StatSeen:
    """How many articles quote a figure: ``last`` avoids counting one article twice."""

    articles: int
    last: str
    first: str


def _strength(sentence: ScoredSentence, theme: str) -> tuple[int, tuple[str, ...]]:
    """Distinct terms of ``theme`` matched in ``sentence``, and those terms (sorted)."""
    matched = sorted(
        {word.lower() for hit in sentence.hits if hit.theme == theme for word in hit.matched}
    )
    return len(matched), tuple(matched)


def _better(candidate: Quote, current: Quote | None) -> bool:
    """Whether ``candidate`` carries its theme more clearly than ``current``.

    More distinct theme terms wins; then the shorter sentence (more to the point, and it
    fits beside the other quote); an exact tie keeps the earlier one, so the choice depends
    only on input order.
    """
    if current is None:
        return True
    return (candidate.strength, -len(candidate.text)) > (current.strength, -len(current.text))


def _offer(best: dict[str, Quote], quote: Quote) -> None:
    if _better(quote, best.get(quote.theme)):
        best[quote.theme] = quote


def _pairs(
    themes: Sequence[str], official: dict[str, Quote], practitioners: dict[str, Quote]
) -> tuple[QuotePair, ...]:
    return tuple(
        QuotePair(theme, official.get(theme), practitioners.get(theme))
        for theme in themes
        if theme in official or theme in practitioners
    )


class CorpusComparison:
    """Accumulates the practitioners-against-official comparison over a corpus.

    Example:
        >>> comparison = CorpusComparison(themes=("bullying", "workload"))
        >>> for analysis in analyses:  # doctest: +SKIP
        ...     comparison.add(analysis)
        >>> result = comparison.result()  # doctest: +SKIP
    """

    def __init__(self, themes: Sequence[str] = (), *, keywords: int = 20) -> None:
        """Start an empty comparison.

        Args:
            themes: theme ids in display order (the codebook's); themes met in the data but
                not listed are appended in alphabetical order.
            keywords: how many key terms to keep on each side.
        """
        self._themes = list(dict.fromkeys(themes))
        self._keywords = keywords
        self._tallies: dict[GroupId, _Tally] = {group: _Tally() for group in GROUPS}
        self._words: dict[GroupId, Counter[str]] = {
            "practitioners": Counter(),
            "official": Counter(),
        }
        self._quotes: dict[GroupId, dict[str, Quote]] = {"practitioners": {}, "official": {}}
        self._silence_articles: Counter[tuple[str, GroupId, GroupId]] = Counter()
        self._both_speak: Counter[tuple[GroupId, GroupId]] = Counter()
        self._statistics: dict[_StatKey, _StatSeen] = {}
        self._councils: dict[str, _Keyed] = {}
        self._years: dict[str, _Keyed] = {}
        self._articles = 0
        self._with_comments = 0
        self._replies = 0
        self._body_sentences = 0
        self._publications: set[str] = set()
        self._dates: list[date] = []
        self._ratings: Counter[str] = Counter()

    def add(self, analysis: ArticleAnalysis) -> ArticleComparison:
        """Fold one article into the tallies.

        Args:
            analysis: the article and its measurements (names already pseudonymised).

        Returns:
            The article's own comparison (themes per group, silences, paired quotes).
        """
        article, meta = analysis.article, analysis.meta
        local: dict[GroupId, _Tally] = {group: _Tally() for group in GROUPS}
        local_quotes: dict[GroupId, dict[str, Quote]] = {"practitioners": {}, "official": {}}
        authors = {comment.id: comment.author for comment in article.comments}

        for comment in analysis.comments:
            themes = comment.themes
            groups: tuple[GroupId, ...] = ("practitioners",)
            if comment.practitioner is not None:
                groups += ("self_identified",)
            for group in groups:
                local[group].add(themes, comment.sentiment, comment.label)
            for sentence in comment.sentences:
                self._words["practitioners"].update(content_words(word_tokens(sentence.text)))
                speaker = authors.get(comment.comment_id, comment.comment_id)
                self._quote(sentence, "practitioners", article.name, speaker, local_quotes)

        for body in analysis.body:
            scored, voice = body.scored, body.voice.voice
            if voice in OFFICIAL_VOICES:
                local["official"].add(scored.themes, scored.sentiment, scored.label)
                self._words["official"].update(content_words(word_tokens(scored.text)))
                self._quote(scored, "official", article.name, voice, local_quotes)
            elif voice in COUNCIL_VOICES:
                local["council"].add(scored.themes, scored.sentiment, scored.label)

        for group, tally in local.items():
            self._merge(self._tallies[group], tally)
        silences = self._article_silences(local)
        self._add_breakdowns(analysis, local)
        self._add_statistics(analysis)
        self._articles += 1
        self._with_comments += bool(analysis.comments)
        self._replies += sum(1 for comment in article.comments if comment.depth > 0)
        self._body_sentences += len(analysis.body)
        if article.publication:
            self._publications.add(article.publication)
        if article.published is not None:
            # Only the extremes are needed: keep two dates, not one per article.
            self._dates = [
                min([*self._dates, article.published]),
                max([*self._dates, article.published]),
            ]
        if meta.rating is not None:
            self._ratings[meta.rating] += 1

        return ArticleComparison(
            name=article.name,
            title=article.title,
            councils=meta.councils,
            units=tuple((group, local[group].units) for group in GROUPS),
            theme_counts=tuple(
                (group, tuple((t, n) for t, n in sorted(local[group].themes.items())))
                for group in GROUPS
            ),
            silences=silences,
            quotes=_pairs(
                self._ordered_themes(), local_quotes["official"], local_quotes["practitioners"]
            ),
        )

    def result(self) -> ComparisonResult:
        """Compute proportions, intervals, tests, keyness and summaries from the tallies.

        Returns:
            The frozen comparison of everything added so far.
        """
        themes = self._ordered_themes()
        tallies = self._tallies
        prevalence = tuple(
            ThemePrevalence(
                group, theme, Proportion.of(tallies[group].themes[theme], tallies[group].units)
            )
            for group in GROUPS
            for theme in themes
        )
        practitioner_terms, official_terms = rank_keywords(
            self._words["practitioners"], self._words["official"], top=self._keywords
        )
        sentiment = tuple(
            tallies[group].summary(group, theme) for group in GROUPS for theme in (None, *themes)
        )
        return ComparisonResult(
            themes=themes,
            overview=self._overview(),
            units=tuple((group, tallies[group].units) for group in GROUPS),
            prevalence=prevalence,
            tests=tuple(self._test(theme) for theme in themes),
            silences=self._corpus_silences(themes),
            sentiment=sentiment,
            theme_labels=tuple((theme, self._label_counts(theme)) for theme in themes),
            keywords_practitioners=practitioner_terms,
            keywords_official=official_terms,
            words=tuple((group, sum(words.values())) for group, words in self._words.items()),
            quotes=_pairs(themes, self._quotes["official"], self._quotes["practitioners"]),
            statistics=self._statistic_rows(),
            by_council=self._breakdowns(self._councils, themes),
            by_year=self._breakdowns(self._years, themes),
        )

    # --- helpers ---------------------------------------------------------------------------

    def _label_counts(self, theme: str) -> tuple[int, int, int]:
        labels = self._tallies["practitioners"].theme_labels.get(theme, Counter())
        return labels["negative"], labels["neutral"], labels["positive"]

    def _ordered_themes(self) -> tuple[str, ...]:
        seen: set[str] = set()
        for tally in self._tallies.values():
            seen.update(tally.themes)
        extra = sorted(seen - set(self._themes))
        return (*self._themes, *extra)

    def _quote(
        self,
        sentence: ScoredSentence,
        group: GroupId,
        article: str,
        speaker: str,
        local: dict[GroupId, dict[str, Quote]],
    ) -> None:
        for theme in sorted(sentence.themes):
            strength, matched = _strength(sentence, theme)
            quote = Quote(
                theme, group, sentence.text, article, speaker, strength, matched, sentence.sentiment
            )
            _offer(local[group], quote)
            _offer(self._quotes[group], quote)

    @staticmethod
    def _merge(total: _Tally, part: _Tally) -> None:
        total.units += part.units
        total.themes.update(part.themes)
        total.score_sum += part.score_sum
        total.labels.update(part.labels)
        total.histogram = [a + b for a, b in zip(total.histogram, part.histogram, strict=True)]
        for theme, score in part.theme_score_sum.items():
            total.theme_score_sum[theme] = total.theme_score_sum.get(theme, 0.0) + score
        for theme, labels in part.theme_labels.items():
            total.theme_labels.setdefault(theme, Counter()).update(labels)
        for theme, bins in part.theme_histograms.items():
            current = total.theme_histograms.setdefault(theme, [0] * len(bins))
            total.theme_histograms[theme] = [a + b for a, b in zip(current, bins, strict=True)]

    def _article_silences(
        self, local: dict[GroupId, _Tally]
    ) -> tuple[tuple[str, GroupId, GroupId], ...]:
        found: list[tuple[str, GroupId, GroupId]] = []
        for raised_by, silent in SILENCE_PAIRS:
            if not (local[raised_by].units and local[silent].units):
                continue  # a group that does not speak in an article is absent, not silent
            self._both_speak[(raised_by, silent)] += 1
            for theme in sorted(local[raised_by].themes):
                if not local[silent].themes[theme]:
                    found.append((theme, raised_by, silent))
                    self._silence_articles[(theme, raised_by, silent)] += 1
        return tuple(found)

    def _corpus_silences(self, themes: Sequence[str]) -> tuple[Silence, ...]:
        rows = []
        for raised_by, silent in SILENCE_PAIRS:
            raised_tally, silent_tally = self._tallies[raised_by], self._tallies[silent]
            for theme in themes:
                raised = raised_tally.themes[theme]
                if not raised:
                    continue
                rows.append(
                    Silence(
                        theme=theme,
                        raised_by=raised_by,
                        silent=silent,
                        raised=raised,
                        corpus_silent=silent_tally.units > 0 and not silent_tally.themes[theme],
                        articles=self._silence_articles[(theme, raised_by, silent)],
                        of_articles=self._both_speak[(raised_by, silent)],
                    )
                )
        return tuple(rows)

    def _test(self, theme: str) -> ThemeTest:
        prac, off = self._tallies["practitioners"], self._tallies["official"]
        a, c = prac.themes[theme], off.themes[theme]
        result = fisher_test(a, prac.units - a, c, off.units - c)
        caveat = None
        if min(prac.units, off.units) < SMALL_GROUP or a + c < SMALL_THEME:
            caveat = (
                f"small sample ({prac.units} comments, {off.units} official sentences, "
                f"{a + c} with the theme): the test has little power, so a large p value is "
                "not evidence of no difference"
            )
        return ThemeTest(
            theme,
            Proportion.of(a, prac.units),
            Proportion.of(c, off.units),
            result.odds_ratio,
            result.p_value,
            caveat,
        )

    def _add_breakdowns(self, analysis: ArticleAnalysis, local: dict[GroupId, _Tally]) -> None:
        published = analysis.article.published
        year = str(published.year) if published is not None else UNKNOWN_YEAR
        keyed = [self._years.setdefault(year, _Keyed())]
        keyed += [
            self._councils.setdefault(c, _Keyed()) for c in dict.fromkeys(analysis.meta.councils)
        ]
        for entry in keyed:
            entry.articles += 1
            self._merge(entry.practitioners, local["practitioners"])
            self._merge(entry.official, local["official"])

    @staticmethod
    def _breakdowns(keyed: dict[str, _Keyed], themes: Sequence[str]) -> tuple[Breakdown, ...]:
        rows = []
        for key in sorted(keyed):
            entry = keyed[key]
            groups: tuple[tuple[GroupId, _Tally], ...] = (
                ("practitioners", entry.practitioners),
                ("official", entry.official),
            )
            prevalence = tuple(
                ThemePrevalence(group, theme, Proportion.of(tally.themes[theme], tally.units))
                for group, tally in groups
                for theme in themes
            )
            rows.append(Breakdown(key, entry.articles, prevalence))
        return tuple(rows)

    def _add_statistics(self, analysis: ArticleAnalysis) -> None:
        name = analysis.article.name
        for stat in analysis.statistics:
            # A figure without its own council belongs to the article's (first) council.
            council = stat.council or (analysis.meta.councils[0] if analysis.meta.councils else "")
            key = _StatKey(
                council,
                stat.metric,
                stat.value,
                stat.unit,
                stat.period,
                stat.comparator,
                stat.comparator_value,
            )
            seen = self._statistics.get(key)
            if seen is None:
                self._statistics[key] = _StatSeen(1, name, name)
            elif seen.last != name:  # the same figure twice in one article counts once
                seen.articles += 1
                seen.last = name

    def _statistic_rows(self) -> tuple[StatisticRow, ...]:
        return tuple(
            StatisticRow(
                council=key.council,
                metric=key.metric,
                value=key.value,
                unit=key.unit,
                period=key.period,
                comparator=key.comparator,
                comparator_value=key.comparator_value,
                articles=seen.articles,
                first_article=seen.first,
            )
            for key, seen in self._statistics.items()
        )

    def _overview(self) -> CorpusOverview:
        councils = sorted(self._councils)
        return CorpusOverview(
            articles=self._articles,
            articles_with_comments=self._with_comments,
            comments=self._tallies["practitioners"].units,
            replies=self._replies,
            self_identified=self._tallies["self_identified"].units,
            body_sentences=self._body_sentences,
            official_sentences=self._tallies["official"].units,
            council_sentences=self._tallies["council"].units,
            councils=tuple(councils),
            publications=tuple(sorted(self._publications)),
            first_date=self._dates[0] if self._dates else None,
            last_date=self._dates[-1] if self._dates else None,
            ratings=tuple(sorted(self._ratings.items())),
        )
