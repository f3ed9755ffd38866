"""The speed benchmark (``benchmarks/run.py``) and the start-up costs it measures.

The benchmark's timings are not tested (they depend on the machine); what is tested is that
the one command runs end to end on a tiny corpus and reports every figure the README quotes,
that its corpus is deterministic and does not repeat sentences, and that the commands a
researcher runs first (``discourse --help``, ``discourse parse``) never import the heavy
libraries that only analysis and reports need.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SEED_000, packages_left_imported

# benchmarks/ lives in the repository, not in the installed package.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from benchmarks.corpus import write_corpus

HEAVY = ("matplotlib", "scipy", "vaderSentiment")

FIGURES = {
    "machine": str,
    "pages": int,
    "comments": int,
    "floor_s": float,
    "jobs1_s": float,
    "jobs2_s": float,
    "b_over_a": float,
    "c_over_a": float,
    "floor_cpu_s": float,
    "jobs1_cpu_s": float,
    "b_over_a_cpu": float,
    "b_over_a_paired": float,
    "c_over_a_paired": float,
    "steal_s": float,
    "peak_mb_jobs1": int,
    "peak_mb_jobs1_small": int,
    "small_pages": int,
    "help_s": float,
}


def test_benchmark_runs_on_a_tiny_corpus_and_reports_every_figure(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--pages",
            "4",
            "--comments",
            "3",
            "--repeats",
            "1",
            "--work",
            str(tmp_path / "work"),
            "--json",
            str(figures_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert set(figures) == set(FIGURES)
    for key, kind in FIGURES.items():
        assert isinstance(figures[key], kind), (key, figures[key])
    assert figures["pages"] == 4
    assert figures["comments"] == 12
    assert figures["small_pages"] == 1
    for key in ("floor_s", "jobs1_s", "jobs2_s", "help_s", "floor_cpu_s", "jobs1_cpu_s"):
        assert figures[key] > 0
    assert figures["steal_s"] >= 0
    # CPU time cannot exceed wall time by much for a one-process run.
    assert figures["jobs1_cpu_s"] <= figures["jobs1_s"] * 1.1 + 0.05
    cpu_ratio = figures["jobs1_cpu_s"] / figures["floor_cpu_s"]
    assert figures["b_over_a_cpu"] == pytest.approx(cpu_ratio, rel=0.15)
    # The ratios come from the unrounded medians; the seconds are rounded to 0.01.
    ratio = pytest.approx(figures["jobs1_s"] / figures["floor_s"], rel=0.15)
    assert figures["b_over_a"] == ratio
    assert figures["c_over_a"] == pytest.approx(figures["jobs2_s"] / figures["floor_s"], rel=0.15)
    # With one repeat, the median of the repeats' own ratios is that repeat's ratio.
    assert figures["b_over_a_paired"] == pytest.approx(figures["b_over_a"], abs=0.011)
    assert figures["c_over_a_paired"] == pytest.approx(figures["c_over_a"], abs=0.011)
    assert figures["peak_mb_jobs1"] > 10
    assert "b/a =" in result.stdout and "c/a =" in result.stdout
    # The analysed corpus is kept in --work: the tool really read every page and comment.
    articles = (tmp_path / "work" / "out_small" / "articles.csv").read_text(encoding="utf-8")
    assert len(articles.splitlines()) == 1 + 1


def test_stage_breakdown_times_every_stage_of_a_tiny_corpus(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "stages.py"), str(tmp_path), "--pages", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "2 articles, 50 comments" in result.stdout
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[3:] if line}
    # Every stage ran: a stage whose wrapper was never called would be missing here.
    for stage in ("vader", "themes", "split_sentences", "render_all", "attribute_voices"):
        assert stage in rows, result.stdout
    assert rows["vader"][-1] == "1.00"  # VADER is the unit of the last column
    assert int(rows["analyse_articles"][2]) == 1  # both pages in one batch


def test_benchmark_corpus_is_deterministic_and_parses_like_the_fixtures(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "one", 3, 4, FIXTURES)
    second = write_corpus(tmp_path / "two", 3, 4, FIXTURES)
    assert [path.read_text() for path in first] == [path.read_text() for path in second]

    from discourse.ingest import load_file

    (article,) = load_file(first[0])
    assert len(article.comments) == 4
    assert article.declared_comments == 4
    assert len(article.body) >= 5


def test_benchmark_commenters_sign_with_names_that_get_masked(tmp_path: Path) -> None:
    # As on the seed pages, most commenters sign with a name, and masking names is part of
    # the cost measured: some of the names occur in the comments and are replaced there.
    from discourse.ingest import load_file
    from discourse.privacy import Pseudonyms, generic_words, pseudonymise

    names = Pseudonyms()
    authors = []
    masked = 0
    for path in write_corpus(tmp_path, 20, 25, FIXTURES):
        for article in load_file(path):
            authors += [comment.author for comment in article.comments]
            before = [comment.paragraphs for comment in article.comments]
            after = [comment.paragraphs for comment in pseudonymise(article, names).comments]
            masked += sum(old != new for old, new in zip(before, after, strict=True))
    generic = generic_words()
    named = [
        a for a in authors if not all(w.casefold() in generic or w.isdigit() for w in a.split())
    ]
    assert 0.6 <= len(named) / len(authors) <= 0.8
    assert masked >= 20


def test_benchmark_corpus_does_not_repeat_sentences(tmp_path: Path) -> None:
    # A corpus of repeated sentences would measure a per-sentence cache, not the work; short
    # sentences such as "Why." recur first, so every sentence counts, whatever its length.
    from discourse.analyse.sentences import split_sentences
    from discourse.ingest import load_file

    sentences = []
    for path in write_corpus(tmp_path, 20, 10, FIXTURES):
        for article in load_file(path):
            paragraphs = [block.text for block in article.body]
            paragraphs += [text for comment in article.comments for text in comment.paragraphs]
            for paragraph in paragraphs:
                sentences += [sentence.text for sentence in split_sentences(paragraph)]
    assert len(sentences) > 1000
    assert len(set(sentences)) >= 0.99 * len(sentences)


def _heavy_modules_after(code: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Run ``code`` in a fresh interpreter; return the ``heavy`` packages it left imported."""
    return packages_left_imported(code, heavy, timeout=60)


def test_help_imports_no_heavy_library() -> None:
    code = "import contextlib\nfrom discourse.cli import main\n"
    code += "with contextlib.suppress(SystemExit):\n    main(['--help'])\n"
    assert _heavy_modules_after(code) == []


def test_parse_imports_no_heavy_library() -> None:
    code = (
        "import contextlib, io\n"
        "from discourse.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main(['parse', {str(SEED_000)!r}, '--compact'])\n"
        "    except SystemExit as stop:\n"
        "        assert not stop.code, stop.code\n"
    )
    assert _heavy_modules_after(code) == []


def test_the_probe_sees_a_heavy_import() -> None:
    # The two tests above would pass vacuously if the probe could not see an import.
    assert _heavy_modules_after("import vaderSentiment.vaderSentiment") == ["vaderSentiment"]


def test_sentences_and_stems_import_neither_nltk_nor_scipy_nor_numpy() -> None:
    # Punkt and the stemmer are NLTK's code in discourse/vendor/: importing NLTK would cost
    # 0.26 s, and its package __init__ would reach for scipy.stats (1.5 s) and numpy (0.2 s).
    code = (
        "from discourse.analyse.sentences import split_sentences, stem\n"
        "assert stem('bullying') == 'bulli'\n"
        "assert len(split_sentences('Dr. Jones agreed. The end.')) == 2\n"
        "assert len(split_sentences('Ask Dr. Jones. 3. The end.')) == 3  # Punkt itself\n"
    )
    assert _heavy_modules_after(code, (*HEAVY, "numpy", "nltk", "regex")) == []
