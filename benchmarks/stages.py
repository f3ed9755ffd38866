"""Where the time of ``discourse analyse --jobs 1`` goes: seconds per pipeline stage.

Runs ``discourse.pipeline.run_analyse`` in this process on a folder of pages with a timer
around each stage function, and prints each stage's total (inclusive: a stage's time contains
the stages it calls, so ``score_texts`` holds ``vader``, ``themes`` and ``split``), its
number of calls and its cost per call, next to VADER's. The wrappers add about a microsecond
per call; the per-call figures are the ones to compare.

Usage: python benchmarks/stages.py FOLDER [--pages N]
(``make bench`` keeps no corpus; write one with ``benchmarks/corpus.py``'s ``write_corpus``,
or give ``--pages N`` to write N benchmark pages into FOLDER first.)
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402
from discourse import pipeline  # noqa: E402
from discourse.analyse import sentiment, text, themes  # noqa: E402
from discourse.analyse.codebook import load_codebook  # noqa: E402
from discourse.settings import load_settings  # noqa: E402

TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def _timed(function: Callable[..., Any], label: str, batch: bool = False) -> Callable[..., Any]:
    """``function`` with a timer; a ``batch`` method counts the items of its one argument as
    its calls, so that its cost per call is per item (per sentence for VADER)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TOTALS[label] += time.perf_counter() - started
            CALLS[label] += len(args[1]) if batch else 1

    return wrapper


def _instrument() -> None:
    """Wrap each stage where the pipeline looks it up (module globals, methods)."""
    # ``score_texts`` scores a batch's sentences with one ``compound_all`` call: a batch method,
    # timed per sentence.
    methods: list[tuple[Any, str, str, bool]] = [
        (sentiment.SentimentScorer, "compound_all", "vader (compound score)", True),
        (themes.ThemeMatcher, "find", "themes (find)", False),
        (text.TextAnalyser, "score_texts", "score_texts", False),
        (text, "split_sentences", "split_sentences", False),
    ]
    for owner, name, label, batch in methods:
        setattr(owner, name, _timed(getattr(owner, name), label, batch))
    for name in (
        "load_file",
        "pseudonymise",
        "analyse_articles",
        "identify_practitioner",
        "detect_stance",
        "attribute_voices",
        "describe_article",
        "extract_statistics",
        "render_all",
    ):
        setattr(pipeline, name, _timed(getattr(pipeline, name), name))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pages", type=int, default=0, help="write N benchmark pages first")
    args = parser.parse_args()
    if args.pages:
        write_corpus(args.folder, args.pages, 25, ROOT / "fixtures")
    _instrument()
    started = time.perf_counter()
    settings, codebook = load_settings(), load_codebook()
    set_up = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = pipeline.run_analyse([str(args.folder)], Path(out), settings, codebook)
        total = time.perf_counter() - started
    vader = TOTALS.get("vader (compound score)", 0.0)
    print(f"{summary.articles} articles, {summary.comments} comments: run {total:.2f} s")
    print(f"settings and codebook {set_up:.2f} s (once per process)\n")
    print(f"{'stage':24} {'seconds':>8} {'calls':>8} {'us/call':>9} {'x VADER':>8}")
    for label, seconds in sorted(TOTALS.items(), key=lambda item: -item[1]):
        calls = CALLS[label]
        ratio = seconds / vader if vader else 0.0
        print(f"{label:24} {seconds:8.2f} {calls:8d} {1e6 * seconds / calls:9.1f} {ratio:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
