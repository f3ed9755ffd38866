"""Tests of discourse.report: the report built once on the fixtures (module-scoped), its PDF
pages and text, manifest, tables and pseudonyms; literal drawing of hostile comment text; the
text-fitting helpers."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import SEEDS
from pypdf import PdfReader

from discourse.analyse.results import (
    ArticleAnalysis,
    ArticleMeta,
    BodySentence,
    CommentAnalysis,
    ScoredSentence,
    StanceCue,
    ThemeHit,
    VoiceAttribution,
)
from discourse.compare import CorpusComparison
from discourse.model import Article, Comment
from discourse.report import ReportSummary, build_report
from discourse.report.articles import summarise_article
from discourse.report.figures import FIGURES, plot_figure
from discourse.report.layout import Document
from discourse.report.pages import RunInfo, ThemeInfo, render_pdf
from discourse.report.text import abridge, drawable, fit_lines, text_width, wrap
from discourse.settings import load_settings

# Commenters' real names on the fixture pages (the gold coding lists them).
REAL_NAMES = (
    "Dave Stubbs",
    "Kim Scragg",
    "Alec Fraher",
    "Pandora",
    "john Stephenson",
    "Blair Mcpherson",
    "L A worker 2",
    "O B 1",
)


def _pdf_pages(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ReportSummary:
    from discourse.analyse.codebook import load_codebook

    out = tmp_path_factory.mktemp("report")
    return build_report(
        [str(path) for path in SEEDS], out, load_settings(), load_codebook(), progress=False
    )


# --- the report on the fixtures ------------------------------------------------------------


def test_outputs_exist(built: ReportSummary) -> None:
    assert built.ok
    assert built.pdf.is_file()
    assert sorted(p.name for p in built.figures) == sorted(f"{key}.png" for key in FIGURES)
    for name in ("comments.csv", "sentences.csv", "articles.csv", "statistics.csv"):
        assert (built.out_dir / name).is_file()
    for name in ("prevalence.csv", "theme_tests.csv", "keyness.csv", "article_silences.csv"):
        assert (built.out_dir / "comparison" / name).is_file()


def test_pdf_pages_and_text(built: ReportSummary) -> None:
    pages = _pdf_pages(built.pdf)
    # cover, findings, 5 figures, quotes, tables, >= 1 page per fixture article, methods
    assert len(pages) == len(built.pages) >= 13
    for text, title in zip(pages, built.pages, strict=True):
        assert " ".join(title.split())[:30] in text
    assert built.pages[0] == "Practitioners and the official findings"
    assert built.pages[-1].startswith("Methods")
    assert "Articles 3 (2 with comments)" in pages[0]
    assert "Comments 10" in pages[0]
    # Counts agree with their noun ("1 comment", "2 comments").
    assert re.search(r"Self-identified practitioners (1 comment|\d+ comments) ", pages[0])
    assert not re.search(r"\b1 (comments|body sentences)\b", pages[0])
    methods = " ".join(pages[built.pages.index("Methods") :])
    assert "r = 0.881" in methods and "r = 0.49" in methods
    # Which code computed the scores: the port of the installed release, checked against it.
    assert "port of its scoring function" in " ".join(methods.split())
    findings = pages[1]
    assert "Practitioners raise" in findings
    # Each fixture article has a page with its title.
    for title in (
        "Social work recruitment difficulties undermining practice at struggling council",
        "Council with ‘too few social workers’ rated ‘inadequate’",
    ):
        assert title in built.pages


def test_no_real_name_in_pdf_or_figures(built: ReportSummary) -> None:
    text = " ".join(_pdf_pages(built.pdf))
    for name in REAL_NAMES:
        assert not re.search(rf"\b{re.escape(name)}\b", text), name
    assert "Commenter 1" in text
    from matplotlib.text import Text

    for key in FIGURES:
        figure = plot_figure(key, built.result)
        drawn = " ".join(t.get_text() for t in figure.findobj(Text))
        for name in REAL_NAMES:
            assert name not in drawn


def test_manifest(built: ReportSummary) -> None:
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    inputs = {Path(entry["path"]).name: entry["sha256"] for entry in manifest["inputs"]}
    for seed in SEEDS:
        assert inputs[seed.name] == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert {"vaderSentiment", "matplotlib", "scipy"} <= set(manifest["libraries"])
    assert len(manifest["codebook"]["sha256"]) == 64
    assert manifest["options"]["dpi"] == 200
    assert manifest["options"]["keep_names"] is False
    assert "report.pdf" in manifest["outputs"]
    assert datetime.fromisoformat(manifest["created"])


def test_same_inputs_same_tables_and_pdf(built: ReportSummary, tmp_path: Path) -> None:
    from discourse.analyse.codebook import load_codebook

    again = build_report(
        [str(path) for path in SEEDS], tmp_path, load_settings(), load_codebook(), progress=False
    )
    for table in built.tables:
        relative = table.relative_to(built.out_dir)
        assert (tmp_path / relative).read_bytes() == table.read_bytes(), relative
    assert again.pdf.read_bytes() == built.pdf.read_bytes()


def test_prevalence_csv_matches_result(built: ReportSummary) -> None:
    with (built.out_dir / "comparison" / "prevalence.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    result = built.result
    assert len(rows) == 4 * len(result.themes)
    first = rows[0]
    proportion = result.proportion(first["group"], first["theme"])  # type: ignore[arg-type]
    assert int(first["count"]) == proportion.count
    assert int(first["total"]) == proportion.total == 10


# --- hostile text, drawn literally ---------------------------------------------------------

HOSTILE = (
    "Pay rose from $5 to $10 (x_1^2 \\alpha {b}) 😀🦄 \u200fמרחבא\u202e tail "
    + "Supercalifragilistic" * 12
    + " end."
)


def _hostile_analysis() -> ArticleAnalysis:
    hit = ThemeHit("pay", ("Pay",), HOSTILE, 0, 3, "pay:pay")
    sentence = ScoredSentence(0, 0, HOSTILE, 0, len(HOSTILE), -0.4, "negative", (hit,))
    comment = Comment("c1", 1, None, 0, "Commenter 1", datetime(2022, 4, 1, 9, 0), (HOSTILE,))
    body = ScoredSentence(0, 0, "Inspectors found $3 gaps.", 0, 24, -0.2, "negative", ())
    article = Article(
        source="hostile.txt",
        title="A $title$ with _math_ and ^carets^",
        standfirst=None,
        byline=None,
        published=date(2022, 4, 1),
        publication=None,
        body=(),
        comments=(comment,),
        declared_comments=1,
        dropped=(),
        lines=(),
        warnings=(),
    )
    return ArticleAnalysis(
        article,
        (CommentAnalysis("c1", (sentence,), -0.4, "negative", None, StanceCue("none", "")),),
        (BodySentence(body, VoiceAttribution("inspectorate", "Inspectors", False, None)),),
        (),
        ArticleMeta(("Leeds",), None, None),
    )


def test_hostile_text_is_drawn_literally(tmp_path: Path) -> None:
    comparison = CorpusComparison(themes=("pay",))
    analysis = _hostile_analysis()
    summary = summarise_article(analysis, comparison.add(analysis))
    run = RunInfo(
        "0", "3.11", (), "cb", "1", "0" * 64, "codebook.toml",
        (ThemeInfo("pay", "Pay", "salary and $ rewards", True),),
        0.05, -0.05, "mean of sentences", "scored by VADER", 1, (), False, 1, 0,
    )  # fmt: skip
    path = tmp_path / "hostile.pdf"
    # pytest turns warnings into errors: a missing glyph or mathtext problem would fail here.
    with Document(path) as document:
        render_pdf(document, comparison.result(), [summary], run)
    text = " ".join(_pdf_pages(path))
    assert "Pay rose from $5 to $10 (x_1^2 \\alpha {b})" in text
    assert "A $title$ with _math_ and ^carets^" in text
    assert "\u200f" not in text and "\u202e" not in text
    assert "end." in text


def test_text_fitting() -> None:
    assert drawable("a\u200fb\x07c\td") == "abc d"
    assert drawable("🦄") == "\ufffd"  # no glyph in DejaVu Sans
    assert abridge("one two three", 9) == "one two…"
    assert abridge("short", 9) == "short"
    lines = wrap("word " * 40 + "x" * 400, 3.0, 9)
    assert all(text_width(line, 9) <= 3.0 for line in lines)
    assert lines[-2].endswith("-")
    cut = fit_lines("lorem ipsum " * 60, 3.0, 9, 3)
    assert len(cut) == 3 and cut[-1].endswith("…")
    assert all(text_width(line, 9) <= 3.0 for line in cut)
