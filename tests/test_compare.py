"""Tests of discourse.compare: statistics against hand-computed values, the accumulator on
hand-built analyses, and the comparison of the fixture pages."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

import pytest
from conftest import SEEDS

from discourse.analyse.codebook import load_codebook
from discourse.analyse.results import (
    ArticleAnalysis,
    ArticleMeta,
    BodySentence,
    CommentAnalysis,
    PractitionerClaim,
    ScoredSentence,
    SentimentLabel,
    StanceCue,
    Statistic,
    ThemeHit,
    Voice,
    VoiceAttribution,
)
from discourse.compare import (
    ComparisonResult,
    CorpusComparison,
    Proportion,
    fisher_test,
    log_likelihood,
    log_ratio,
    rank_keywords,
    stopwords,
    wilson_interval,
)
from discourse.compare.keyness import content_words
from discourse.compare.stats import chi2_1_p_value
from discourse.model import Article, Comment
from discourse.pipeline import iter_analyses
from discourse.settings import load_settings

# --- statistics, against values worked out by hand --------------------------------------


def test_wilson_interval_three_of_ten() -> None:
    # p = 0.3, n = 10, z² = 3.8415: centre = (0.3 + 0.19207) / 1.38415 = 0.35550;
    # half = 1.96 * sqrt(0.021 + 0.0096037) / 1.38415 = 0.24773 → (0.10778, 0.60322).
    low, high = wilson_interval(3, 10)
    assert low == pytest.approx(0.10779, abs=1e-4)
    assert high == pytest.approx(0.60322, abs=1e-4)


def test_wilson_interval_edges() -> None:
    # 0 of 5: low = 0, high = z²/n / (1 + z²/n) = 0.76830 / 1.76830 = 0.43449.
    assert wilson_interval(0, 5) == pytest.approx((0.0, 0.43449), abs=1e-4)
    assert wilson_interval(5, 5) == pytest.approx((0.56551, 1.0), abs=1e-4)
    with pytest.raises(ValueError):
        wilson_interval(1, 0)
    with pytest.raises(ValueError):
        wilson_interval(6, 5)


def test_proportion_of_zero_total_is_unknown() -> None:
    assert Proportion.of(0, 0) == Proportion(0, 0, None, None, None)
    assert Proportion.of(1, 4).share == 0.25


def test_fisher_test_lady_tasting_tea() -> None:
    # [[3, 1], [1, 3]]: P(table) = C(4,3)C(4,1)/C(8,4) = 16/70; the two-sided p adds the
    # tables at least as extreme: (1 + 16 + 16 + 1) / 70 = 34/70.
    result = fisher_test(3, 1, 1, 3)
    assert result.p_value == pytest.approx(34 / 70)
    assert result.odds_ratio == pytest.approx(9.0)


def test_fisher_test_one_sided_table() -> None:
    # [[3, 0], [0, 3]]: only this table and its mirror are as extreme: 2 / C(6,3) = 0.1.
    result = fisher_test(3, 0, 0, 3)
    assert result.p_value == pytest.approx(0.1)
    assert math.isinf(result.odds_ratio)


def test_log_likelihood_by_hand() -> None:
    # a=10, b=0 in corpora of 100 words each: E1 = E2 = 5, G² = 2 * 10 ln 2.
    assert log_likelihood(10, 0, 100, 100) == pytest.approx(20 * math.log(2))
    # a=5, b=5, equal sizes: no difference.
    assert log_likelihood(5, 5, 100, 100) == pytest.approx(0.0)
    # a=20, b=10, c=1000, d=2000: E1 = 10, E2 = 20,
    # G² = 2 (20 ln 2 + 10 ln 0.5) = 20 ln 2.
    assert log_likelihood(20, 10, 1000, 2000) == pytest.approx(20 * math.log(2))
    assert log_likelihood(0, 0, 10, 10) == 0.0


def test_log_ratio_by_hand() -> None:
    assert log_ratio(10, 0, 100, 100) == pytest.approx(math.log2(20))
    assert log_ratio(20, 10, 1000, 2000) == pytest.approx(2.0)
    assert log_ratio(0, 4, 100, 100) == pytest.approx(-3.0)


def test_chi2_p_value_at_critical_value() -> None:
    assert chi2_1_p_value(3.841458820694124) == pytest.approx(0.05)


def test_stopwords_are_shipped_and_applied() -> None:
    assert {"the", "and", "don't", "t"} <= stopwords()
    assert len(stopwords()) == 179
    assert content_words(["the", "caseloads", "don’t", "a", "25", "pay"]) == ["caseloads", "pay"]


def test_rank_keywords_sides_and_order() -> None:
    practitioners = Counter({"bullying": 10, "pay": 4, "children": 2})
    official = Counter({"children": 20, "pay": 4, "inspectors": 6})
    mine, theirs = rank_keywords(practitioners, official, top=5)
    # Sizes 16 and 30. pay: 4/16 against 4/30 leans to practitioners; E1 = 16*8/46 = 2.783,
    # E2 = 5.217, G² = 2 (4 ln 1.4375 + 4 ln 0.76667) = 0.778: not significant.
    assert [term.word for term in mine] == ["bullying", "pay"]
    assert mine[0].significant
    assert mine[1].g2 == pytest.approx(0.778, abs=1e-3)
    assert not mine[1].significant
    assert {term.word for term in theirs} == {"children", "inspectors"}
    assert all(term.log_ratio < 0 for term in theirs)
    assert rank_keywords(Counter(), official) == ((), ())


# --- the accumulator on hand-built analyses ------------------------------------------------


def _sentence(text: str, score: float, *themes: str, index: int = 0) -> ScoredSentence:
    label: SentimentLabel = (
        "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"
    )
    hits = tuple(
        ThemeHit(theme, (word,), text, 0, len(word), f"{theme}:{word}")
        for theme in themes
        for word in [text.split()[0].lower()]
    )
    return ScoredSentence(0, index, text, 0, len(text), score, label, hits)


def _comment(
    cid: str, text: str, score: float, *themes: str, practitioner: bool = False
) -> CommentAnalysis:
    sentence = _sentence(text, score, *themes)
    claim = PractitionerClaim("social_worker", "as a social worker") if practitioner else None
    return CommentAnalysis(cid, (sentence,), score, sentence.label, claim, StanceCue("none", ""))


def _body(text: str, score: float, voice: Voice, *themes: str) -> BodySentence:
    return BodySentence(
        _sentence(text, score, *themes), VoiceAttribution(voice, "cue", False, None)
    )


def _article(
    name: str,
    comments: tuple[CommentAnalysis, ...],
    body: tuple[BodySentence, ...],
    council: str,
    year: int,
    statistics: tuple[Statistic, ...] = (),
) -> ArticleAnalysis:
    article = Article(
        source=f"{name}.txt",
        title=f"Title {name}",
        standfirst=None,
        byline=None,
        published=date(year, 5, 1),
        publication="Community Care",
        body=(),
        comments=tuple(
            Comment(c.comment_id, None, None, 0, f"Commenter {i + 1}", None, ("x",))
            for i, c in enumerate(comments)
        ),
        declared_comments=len(comments),
        dropped=(),
        lines=(),
        warnings=(),
    )
    return ArticleAnalysis(
        article, comments, body, statistics, ArticleMeta((council,), "inadequate", None)
    )


VACANCY = Statistic("Leeds", "vacancy rate", 19.6, "%", "2021", None, None, "Its vacancy rate…")


@pytest.fixture
def corpus() -> CorpusComparison:
    comparison = CorpusComparison(themes=("bullying", "workload", "pay"))
    first = _article(
        "a",
        (
            _comment("c1", "Bullying everywhere here", -0.6, "bullying", practitioner=True),
            _comment("c2", "Pay is far too low", -0.3, "pay"),
            _comment("c3", "Caseloads are high, pay poor", 0.0, "workload", "pay"),
        ),
        (
            _body("Caseloads far exceeded targets", -0.2, "inspectorate", "workload"),
            _body("Inspectors found drift", -0.1, "inspectorate"),
            _body("The DfE will monitor", 0.3, "government"),
            _body("Caseloads will fall", 0.4, "council", "workload"),
            _body("The story so far", 0.0, "journalist", "pay"),
        ),
        "Leeds",
        2021,
        (VACANCY,),
    )
    second = _article(
        "b",
        (_comment("c1", "Workload is crushing staff", -0.8, "workload"),),
        (_body("Workload pressures noted", -0.4, "inspectorate", "workload"),),
        "Wakefield",
        2018,
        (VACANCY,),
    )
    third = _article(
        "c", (), (_body("Inspectors praised leaders", 0.6, "inspectorate"),), "Leeds", 2021
    )
    comparison.add(first)
    comparison.add(second)
    comparison.add(third)
    return comparison


def test_prevalence_counts_by_hand(corpus: CorpusComparison) -> None:
    result = corpus.result()
    # Comments: 4 (c1..c3 in a, c1 in b); pay in 2, workload in 2, bullying in 1.
    assert result.group_units("practitioners") == 4
    assert result.proportion("practitioners", "pay") == Proportion.of(2, 4)
    assert result.proportion("practitioners", "workload").count == 2
    # Official: inspectorate + government sentences = 3 + 1 + 1 = 5; workload in 2; pay in
    # none (the journalist's sentence does not count).
    assert result.group_units("official") == 5
    assert result.proportion("official", "workload") == Proportion.of(2, 5)
    assert result.proportion("official", "pay").count == 0
    assert result.group_units("council") == 1
    assert result.group_units("self_identified") == 1
    assert result.proportion("self_identified", "bullying").share == 1.0


def test_fisher_and_caveat(corpus: CorpusComparison) -> None:
    tests = {test.theme: test for test in corpus.result().tests}
    # pay: [[2, 2], [0, 5]] → p = (P(2)+P(0))... two-sided over tables with margin 2:
    # P(k) = C(4,k) C(5,2-k) / C(9,2): P(0)=10/36, P(1)=20/36, P(2)=6/36;
    # tables at most as likely as the observed (6/36): k=2 only, plus k=0? 10/36 > 6/36, no.
    assert tests["pay"].p_value == pytest.approx(6 / 36)
    assert tests["pay"].caveat is not None and "small sample" in tests["pay"].caveat


def test_silences_by_hand(corpus: CorpusComparison) -> None:
    silences = {(s.theme, s.raised_by, s.silent): s for s in corpus.result().silences}
    pay = silences[("pay", "practitioners", "official")]
    assert pay.corpus_silent and pay.raised == 2
    # Both groups speak in articles a and b; practitioners raise pay without the officials in a.
    assert (pay.articles, pay.of_articles) == (1, 2)
    bullying = silences[("bullying", "practitioners", "official")]
    assert bullying.corpus_silent
    workload = silences[("workload", "practitioners", "official")]
    assert not workload.corpus_silent and workload.articles == 0
    # Council speaks only in article a and raises workload, which comments also raise there.
    assert ("workload", "council", "practitioners") in silences
    assert silences[("workload", "council", "practitioners")].articles == 0


def test_sentiment_by_hand(corpus: CorpusComparison) -> None:
    result = corpus.result()
    overall = result.summary("practitioners")
    assert overall.n == 4
    assert overall.mean == pytest.approx((-0.6 - 0.3 + 0.0 - 0.8) / 4)
    assert (overall.negative, overall.neutral, overall.positive) == (3, 1, 0)
    assert overall.share_negative == Proportion.of(3, 4)
    # Bins of width 0.25 from -1: -0.8 → 0, -0.6 → 1, -0.3 → 2, 0.0 → 4.
    assert overall.histogram == (1, 1, 1, 0, 1, 0, 0, 0)
    pay = result.summary("practitioners", "pay")
    assert pay.n == 2 and pay.mean == pytest.approx(-0.15)
    official = result.summary("official")
    assert official.mean == pytest.approx((-0.2 - 0.1 + 0.3 - 0.4 + 0.6) / 5)
    assert dict(result.theme_labels)["workload"] == (1, 1, 0)


def test_quotes_overview_breakdowns(corpus: CorpusComparison) -> None:
    result = corpus.result()
    pairs = {pair.theme: pair for pair in result.quotes}
    # Each sentence has one matched word per theme, so the shorter sentence wins.
    assert pairs["workload"].official is not None
    assert pairs["workload"].official.text == "Workload pressures noted"
    assert pairs["pay"].official is None
    assert pairs["pay"].practitioner is not None
    assert pairs["pay"].practitioner.text == "Pay is far too low"
    assert pairs["pay"].practitioner.speaker == "Commenter 2"
    overview = result.overview
    assert (overview.articles, overview.comments, overview.articles_with_comments) == (3, 4, 2)
    assert overview.councils == ("Leeds", "Wakefield")
    assert (overview.first_date, overview.last_date) == (date(2018, 5, 1), date(2021, 5, 1))
    assert [b.key for b in result.by_year] == ["2018", "2021"]
    leeds = result.by_council[0]
    assert leeds.key == "Leeds" and leeds.articles == 2
    # The same figure quoted in two articles is one row seen twice.
    assert len(result.statistics) == 1 and result.statistics[0].articles == 2


def test_article_comparison(corpus: CorpusComparison) -> None:
    comparison = CorpusComparison(themes=("pay",))
    article = _article(
        "x",
        (_comment("c1", "Pay is low", -0.3, "pay"),),
        (_body("Inspectors found drift", -0.1, "inspectorate"),),
        "Leeds",
        2020,
    )
    local = comparison.add(article)
    assert local.count("practitioners", "pay") == 1
    assert ("pay", "practitioners", "official") in local.silences
    assert local.quotes[0].practitioner is not None


# --- the seed fixtures, against counts read off the pages by hand -----------------------------

# Core themes of the ten seed comments, read by hand (the hand coding in
# tests/data/training_codes.csv agrees): bullying in Mark's and Alec Fraher's comments;
# workload in Mark's, L A worker 2's and O B 1's; pay in Mark's and Pandora's; managerialism
# in Mark's, Alec Fraher's and LM's.
SEED_CORE_COUNTS = {"bullying": 2, "workload": 3, "pay": 2, "managerialism": 3}


@pytest.fixture(scope="module")
def seed_result() -> ComparisonResult:
    comparison = CorpusComparison()
    for item in iter_analyses([str(seed) for seed in SEEDS], load_settings(), load_codebook()):
        assert isinstance(item, ArticleAnalysis)
        comparison.add(item)
    return comparison.result()


def test_seed_comment_prevalence_by_hand(seed_result: ComparisonResult) -> None:
    for theme, count in SEED_CORE_COUNTS.items():
        proportion = seed_result.proportion("practitioners", theme)
        assert (proportion.count, proportion.total) == (count, 10), theme
    # Wilson 95% interval of 2/10, worked by hand with z = 1.96:
    # centre (0.2 + z²/20) / (1 + z²/10) = 0.28326; half-width
    # z·sqrt(0.2·0.8/10 + z²/400) / (1 + z²/10) = 0.22658 → [0.0567, 0.5098].
    pay = seed_result.proportion("practitioners", "pay")
    assert pay.low == pytest.approx(0.0567, abs=1e-4)
    assert pay.high == pytest.approx(0.5098, abs=1e-4)
    assert seed_result.overview.articles == 3
    assert seed_result.overview.comments == 10
