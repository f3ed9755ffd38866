"""VADER scoring, labels from the settings' thresholds, the comment aggregate, validation script."""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from discourse.analyse.sentiment import (
    AGGREGATE_DESCRIPTION,
    SentimentScorer,
    aggregate,
    vader_version,
)
from discourse.settings import load_settings


@pytest.fixture(scope="module")
def scorer() -> SentimentScorer:
    return SentimentScorer(load_settings())


def test_compound_follows_vader(scorer: SentimentScorer) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sentence = "The managers were supportive and the team is great!"
    expected = SentimentIntensityAnalyzer().polarity_scores(sentence)["compound"]
    assert scorer.compound(sentence) == pytest.approx(expected)
    assert scorer.compound("Morale is terrible and staff are exhausted.") < -0.5
    assert scorer.compound("The report was published on Tuesday.") == 0.0


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0.05, "positive"),
        (0.9, "positive"),
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (-1.0, "negative"),
    ],
)
def test_labels_use_vader_thresholds(scorer: SentimentScorer, score: float, label: str) -> None:
    assert scorer.label(score) == label


def test_thresholds_come_from_settings(tmp_path: Path) -> None:
    user = tmp_path / "strict.toml"
    user.write_text("[sentiment]\npositive_threshold = 0.5\nnegative_threshold = -0.5\n")
    strict = SentimentScorer(load_settings(user))
    assert strict.label(0.3) == "neutral"
    assert strict.label(0.5) == "positive"
    assert strict.label(-0.3) == "neutral"


def test_aggregate_is_the_mean_of_sentence_scores() -> None:
    assert aggregate([0.6, -0.2, 0.0, 0.4]) == pytest.approx(0.2)
    assert aggregate([-0.5]) == -0.5
    assert aggregate([]) == 0.0
    assert "mean" in AGGREGATE_DESCRIPTION


def test_aggregate_does_not_saturate_like_whole_text(scorer: SentimentScorer) -> None:
    # Why sentences: VADER normalises the sum of a whole text's valences, so a long mixed
    # comment saturates; the mean of sentence scores keeps the balance.
    sentences = ["Our managers are brilliant and kind.", "Caseloads are awful."] * 3
    whole = scorer.compound(" ".join(sentences))
    mean = aggregate([scorer.compound(s) for s in sentences])
    assert abs(mean) < abs(whole)


@given(st.lists(st.floats(min_value=-1, max_value=1), min_size=1))
def test_aggregate_is_statistics_fmean(scores: list[float]) -> None:
    # ``aggregate`` computes ``fmean`` itself, without importing ``statistics``.
    assert aggregate(scores) == statistics.fmean(scores)


def test_vader_version_is_reported() -> None:
    assert vader_version().count(".") >= 1
    # Read from the dist-info folder's name: the same answer as importlib.metadata.
    assert vader_version() == metadata.version("vaderSentiment")


def test_scores_with_an_empty_nltk_data_folder(tmp_path: Path) -> None:
    code = (
        "from discourse.analyse.sentiment import SentimentScorer\n"
        "from discourse.settings import load_settings\n"
        "s = SentimentScorer(load_settings())\n"
        "print(s.label(s.compound('Staff are bullied and miserable.')))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "negative"


def _validation_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "vader_validation", ROOT / "scripts" / "vader_validation.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_validation_script_reads_ground_truth_and_correlates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A made-up file in the published format (the real data stays out of the repository).
    lines = [
        "1\t3.1\tI love this, it is wonderful!",
        "2\t-3.0\tThis is horrible and I hate it.",
        "3\t0.1\tThe meeting is on Monday.",
        "4\t1.5\tPretty good day. Nice people.",
        "5\t-1.8\tNot great. Bit sad really.",
    ]
    (tmp_path / "tweets_GroundTruth.txt").write_text("\r\n".join(lines), encoding="utf-8")
    script = _validation_script()
    assert script.pearson([1.0, 2.0, 3.0], [2.0, 4.0, 6.5]) == pytest.approx(0.9986, abs=1e-3)
    code = script.main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "tweets" in out and "missing" in out  # the three other sets are absent
    row = next(line for line in out.splitlines() if line.startswith("tweets"))
    assert float(row.split()[2]) > 0.9  # five clear-cut texts correlate almost perfectly
    assert code == (0 if abs(float(row.split()[2]) - 0.881) <= 0.03 else 1)


def test_validation_script_needs_a_folder_with_data(tmp_path: Path) -> None:
    assert _validation_script().main([str(tmp_path)]) == 2
