"""Workforce statistics from the body (discourse.analyse.workforce)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_000, SEED_001, SEED_002, joined_pieces
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discourse.analyse import workforce
from discourse.analyse.results import Statistic
from discourse.analyse.workforce import (
    extract_statistics,
    mentions_workforce_figure,
    statistics_in_sentence,
)
from discourse.ingest import load_file
from discourse.model import BodyBlock
from discourse.prefilter import lowered

Row = tuple[str | None, str, float, str, str | None, str | None, float | None]


def rows_of(statistics: tuple[Statistic, ...] | list[Statistic]) -> list[Row]:
    return [
        (s.council, s.metric, s.value, s.unit, s.period, s.comparator, s.comparator_value)
        for s in statistics
    ]


def fixture_statistics(path: Path, councils: list[str]) -> tuple[Statistic, ...]:
    (article,) = load_file(path)
    return extract_statistics(article.body, councils)


def test_every_statistic_of_seed_000() -> None:
    statistics = fixture_statistics(SEED_000, ["St Helens"])
    assert rows_of(statistics) == [
        ("St Helens", "turnover_rate", 27.5, "percent", "2019", None, None),
        ("St Helens", "turnover_rate", 8.4, "percent", "2020", None, None),
        ("St Helens", "turnover_rate", 25.6, "percent", "2021", None, None),
        ("St Helens", "vacancy_rate", 19.6, "percent", "2021", None, None),
        ("St Helens", "caseload", 18.3, "cases", "2021", None, None),
        ("St Helens", "sickness_rate", 2.8, "percent", "2020", None, None),
        ("St Helens", "sickness_rate", 5.3, "percent", "2021", None, None),
    ]
    assert statistics[0].sentence.startswith("According to DfE figures")
    assert statistics[3].sentence.startswith("Its vacancy rate (19.6%)")


def test_seed_001_quotes_no_figures() -> None:
    assert fixture_statistics(SEED_001, ["St Helens"]) == ()


def test_every_statistic_of_seed_002() -> None:
    statistics = fixture_statistics(SEED_002, ["Wakefield"])
    assert rows_of(statistics) == [
        ("Wakefield", "spending", 1_000_000.0, "GBP", None, None, None),
        ("Wakefield", "spending", 3_500_000.0, "GBP", None, None, None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Wakefield had a turnover of 26.2 per cent in 2017.",
            [("X", "turnover_rate", 26.2, "percent", "2017", None, None)],
        ),
        (
            "Its vacancy rate was 24% compared to an England average of 15.8 per cent.",
            [("X", "vacancy_rate", 24.0, "percent", None, "England average", 15.8)],
        ),
        (
            "The council pledged £5.2 million to recruit permanent staff.",
            [("X", "spending", 5_200_000.0, "GBP", None, None, None)],
        ),
        (
            "Nearly half of its social workers were agency staff.",
            [("X", "agency_rate", 50.0, "percent", None, None, None)],
        ),
        (
            "A third of social workers were newly qualified.",
            [("X", "newly_qualified_share", 33.3, "percent", None, None, None)],
        ),
        (
            "Social workers carried 30 cases each in March 2022.",
            [("X", "caseload", 30.0, "cases", "2022", None, None)],
        ),
        (
            "Nationally, the vacancy rate was 16.7% in 2021.",
            [(None, "vacancy_rate", 16.7, "percent", "2021", None, None)],
        ),
        (
            "The agency worker rate rose from 12% in 2019 to 18% in 2021.",
            [
                ("X", "agency_rate", 12.0, "percent", "2019", None, None),
                ("X", "agency_rate", 18.0, "percent", "2021", None, None),
            ],
        ),
    ],
)
def test_forms_of_figures(sentence: str, expected: list[Row]) -> None:
    rows, _ = statistics_in_sentence(sentence, "X")
    assert rows_of(rows) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Fewer than half of assessments are being completed within local authority guidelines.",
        "An Ofsted visit took place on 13th and 14th December 2022.",
        "It was the fifth monitoring visit since September 2019.",
        "There were high turnover and sickness rates due to the pressure on staff.",
        "Some 95% of children were seen within the timescale.",
    ],
)
def test_not_workforce_figures(sentence: str) -> None:
    rows, _ = statistics_in_sentence(sentence, "X")
    assert rows == []
    assert not mentions_workforce_figure(sentence)


def test_respectively_distributes_comparators_over_the_metrics_before() -> None:
    body = [
        BodyBlock(
            "paragraph",
            "Leeds’ vacancy rate was 24% and its turnover rate 20 per cent in 2022. "
            "The England averages are 17 and 13.6 per cent respectively.",
        )
    ]
    assert rows_of(extract_statistics(body, ["Leeds"])) == [
        ("Leeds", "vacancy_rate", 24.0, "percent", "2022", "England average", 17.0),
        ("Leeds", "turnover_rate", 20.0, "percent", "2022", "England average", 13.6),
    ]


def test_comparator_goes_to_the_latest_figure_of_its_metric() -> None:
    rows, _ = statistics_in_sentence(
        "Turnover fell from 30% in 2019 to 20% in 2021, against a national average of 15%.", "X"
    )
    assert rows_of(rows) == [
        ("X", "turnover_rate", 30.0, "percent", "2019", None, None),
        ("X", "turnover_rate", 20.0, "percent", "2021", "national average", 15.0),
    ]


def test_each_figure_takes_the_council_named_last() -> None:
    body = [
        BodyBlock("paragraph", "Leeds had a vacancy rate of 10% in 2020."),
        BodyBlock("paragraph", "In Bradford the vacancy rate was 21% that year."),
    ]
    councils = [row.council for row in extract_statistics(body, ["Leeds", "Bradford"])]
    assert councils == ["Leeds", "Bradford"]


def test_headings_are_not_read() -> None:
    body = [BodyBlock("heading", "Vacancy rate of 40%")]
    assert extract_statistics(body, ["Leeds"]) == ()


def test_shares_in_words_are_read_in_any_case() -> None:
    # No digit: only the number-word pattern runs, behind a substring prefilter.
    text = "HALF OF social workers are agency staff."
    rows = extract_statistics([BodyBlock("paragraph", text)], [])
    assert [(row.metric, row.value) for row in rows] == [("agency_rate", 50.0)]


def test_sentences_given_by_the_caller_give_the_same_rows() -> None:
    from discourse.analyse.sentences import split_sentences

    for article in [*load_file(SEED_000), *load_file(SEED_001), *load_file(SEED_002)]:
        councils = ("St Helens", "Wakefield")
        split = [split_sentences(block.text) for block in article.body]
        assert extract_statistics(article.body, councils, split) == extract_statistics(
            article.body, councils
        )
    with pytest.raises(ValueError, match="sentence lists"):
        extract_statistics([BodyBlock("paragraph", "Text.")], [], [])


def test_dotless_i_in_a_number_word_reads_as_the_word() -> None:
    # re.IGNORECASE matches "ı" to "i": the figure must be read, not crash the run.
    plain, _ = statistics_in_sentence("A third of social workers were newly qualified.", "X")
    dotless, _ = statistics_in_sentence("A thırd of social workers were newly qualified.", "X")
    assert [(row.metric, row.value, row.unit) for row in dotless] == [
        (row.metric, row.value, row.unit) for row in plain
    ]
    assert plain


# Pieces of generated sentences: numbers in every form the patterns read, money, years,
# council names in any case, and characters that trip case folding.
_PIECES = st.sampled_from(
    [
        "19.6", "1,234", "12,345.5", "2019", "2020-21", "2019/20", "17", "3", "0.5", "£5.2",
        "£", "%", "per cent", "percent", "and", ",", ".", "from", "to", "between", "million",
        "caseloads", "vacancy rate", "England average of", "funding", "cases", "St", "St.",
        "Helens", "ST HELENS", "st", "helens",
        "Bath", "North", "East", "Somerset", "ſt", "\u212aent", "Kent", "١٢", "x",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", " ", "", ", ", ". ", "\n", "-", "(", ")"])

_sentences = joined_pieces(_PIECES, _GAPS)


@settings(max_examples=800, deadline=None)
@given(_sentences)
@example("5%5% and 17,18 and 3 per cent")  # a match right where the one before ends
def test_number_patterns_tried_at_their_starts_find_every_match(text: str) -> None:
    # ``_values`` tries these patterns only at the digits ``_number_starts`` gives: the same
    # matches as ``finditer`` over the whole sentence.
    every_digit, firsts = workforce._number_starts(text)
    for pattern, starts in (
        (workforce._LISTED_PERCENT, every_digit),
        (workforce._PERCENT, firsts),
        (workforce._YEAR, firsts),
        (workforce._BARE_NUMBER, firsts),
    ):
        found = [(m.span(), m.groupdict()) for m in workforce.matches_at(pattern, text, starts)]
        assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], text


@settings(max_examples=400, deadline=None)
@given(
    _sentences,
    st.sampled_from(["St Helens", "St. Helens", "Kent", "Bath and North East Somerset"]),
)
def test_a_council_name_is_only_found_where_its_key_is(text: str, name: str) -> None:
    # ``extract_statistics`` searches a council's name only in sentences holding its key.
    if workforce._name_pattern(name).search(text) is not None:
        folded = lowered(text)
        assert folded is None or workforce._name_key(name) in folded, text


@settings(max_examples=600, deadline=None)
@given(_sentences)
@example("Caseloads (18.3) rose and £5 million was spent; the England average is 16%.")
def test_mentions_a_figure_exactly_when_the_sentence_has_a_row_that_is_not_money(
    text: str,
) -> None:
    # ``mentions_workforce_figure`` skips the periods and comparators of the rows: the answer
    # is still whether ``statistics_in_sentence`` gives a row that is not money.
    rows, _ = statistics_in_sentence(text, None)
    assert mentions_workforce_figure(text) == any(row.unit != "GBP" for row in rows), text


_PERIOD_PIECES = st.sampled_from(
    [
        "from", "FROM", "From", "between", "Between", "to", "and", "2019", "2020", "19.6%",
        "while", "WHEREAS", "although", "but", "However", ";", "ſo", "\u212aent", "fro", "m",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_PERIOD_PIECES, st.sampled_from([" ", "", ", ", "  "])), max_size=12))
@example([("between", " "), ("2019", " "), ("and", " "), ("2020", "")])
@example([("FROM", " "), ("19.6%", " "), ("to", " "), ("2020", "")])
def test_period_patterns_are_skipped_only_where_they_cannot_match(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    if workforce._YEAR_RANGE.search(text) is not None:
        assert workforce._may_hold_range(text), text
    if workforce._FROM_TO.search(text) is not None:
        assert workforce._may_hold_from(text), text
    if workforce._CLAUSE_BREAK.search(text) is not None:
        assert workforce._may_break(text), text
