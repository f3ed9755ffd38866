"""CSV injection: formula-looking text is neutralised, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discourse.export.csvsafe import FORMULA_TRIGGERS, neutralise, safe_text


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","click")',
        "+44 7700 900000",
        "-1+2",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "＝1+1",
        "- a bulleted comment",
    ],
)
def test_formula_triggers_get_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Well said.", " =1+1 is fine after a space", "", "50% of staff"])
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert neutralise(text) == text


def test_numbers_flags_dates_and_missing_values() -> None:
    assert neutralise(-0.5423) == -0.5423
    assert neutralise(-3) == -3
    assert neutralise(True) == 1 and neutralise(False) == 0
    assert neutralise(date(2022, 4, 15)) == "2022-04-15"
    assert neutralise(datetime(2022, 4, 15, 9, 11)) == "2022-04-15T09:11:00"
    assert neutralise(None) == ""


def test_every_trigger_is_covered() -> None:
    for trigger in FORMULA_TRIGGERS:
        assert str(neutralise(trigger + "x")).startswith("'")


def test_round_trip_through_csv_module() -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([neutralise(v) for v in ["=cmd|' /C calc'!A0", -0.25, "a\nb"]])
    row = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert row == ["'=cmd|' /C calc'!A0", "-0.25", "a\nb"]


@pytest.mark.parametrize(
    "text", ["=1+1", "-1", "＠x", "\tx", "Well said.", "", " =1+1", "'quoted already"]
)
def test_safe_text_is_neutralise_for_text(text: str) -> None:
    assert safe_text(text) == neutralise(text)


def test_every_trigger_is_one_character() -> None:
    # ``safe_text`` looks up a text's first character among the triggers.
    assert all(len(trigger) == 1 for trigger in FORMULA_TRIGGERS)


@given(st.text(alphabet=st.sampled_from([*FORMULA_TRIGGERS, "a", " ", "'", "é"]), max_size=4))
def test_safe_text_is_the_prefix_rule(text: str) -> None:
    assert safe_text(text) == ("'" + text if text.startswith(FORMULA_TRIGGERS) else text)
