"""Check that discourse's sentiment scorer reproduces VADER's published validation.

Hutto and Gilbert (ICWSM 2014, Table 3) report the Pearson correlation between VADER's
compound score and the mean of 20 human ratings on four ground-truth sets: tweets r = 0.881,
movie review snippets 0.451, Amazon review snippets 0.565, New York Times editorial snippets
0.492. The ground-truth files are NOT in this repository (they are the authors' data): get
``hutto_ICWSM_2014.tar.gz`` from the ``additional_resources`` folder of
https://github.com/cjhutto/vaderSentiment, unpack it, and pass the folder:

    .venv/bin/python scripts/vader_validation.py path/to/hutto_ICWSM_2014

Each ``*_GroundTruth.txt`` line is ``id <TAB> mean human rating (-4..4) <TAB> text``. For every
set found the script prints n, r for ``SentimentScorer.compound`` on the whole text (what the
paper measured), r for the project's comment score (sentences split, ``aggregate``), the
published r, and exits 1 if the whole-text r misses the published one by more than 0.03:
the package (3.3.2) has had lexicon and rule fixes since the 2014 code, which move r by up to
0.025 (measured: tweets 0.872, movies 0.427, Amazon 0.590, NYT 0.503).
"""

from __future__ import annotations

import argparse
import sys
from math import sqrt
from pathlib import Path

from discourse.analyse.sentences import split_sentences
from discourse.analyse.sentiment import SentimentScorer, aggregate, vader_version
from discourse.settings import load_settings

# Pearson r of VADER against the human mean, Hutto and Gilbert (2014), Table 3.
PUBLISHED = {
    "tweets": 0.881,
    "movieReviewSnippets": 0.451,
    "amazonReviewSnippets": 0.565,
    "nytEditorialSnippets": 0.492,
}
TOLERANCE = 0.03


def pearson(xs: list[float], ys: list[float]) -> float:
    """Pearson's r of two equally long samples."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / sqrt(var_x * var_y)


def read_ground_truth(path: Path) -> list[tuple[float, str]]:
    """Return (mean human rating, text) for every line of a ``*_GroundTruth.txt`` file."""
    rows: list[tuple[float, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise SystemExit(f"{path}: line {number}: expected id, rating, text")
        rows.append((float(parts[1]), parts[2]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="unpacked hutto_ICWSM_2014 folder")
    args = parser.parse_args(argv)
    scorer = SentimentScorer(load_settings())
    print(f"vaderSentiment {vader_version()}")
    print(f"{'set':<22}{'n':>7}{'r whole':>10}{'r sent.':>10}{'published':>11}")
    failed = found = 0
    for name, published in PUBLISHED.items():
        path = args.folder / f"{name}_GroundTruth.txt"
        if not path.is_file():
            print(f"{name:<22} missing: {path}")
            continue
        found += 1
        rows = read_ground_truth(path)
        human = [rating for rating, _ in rows]
        whole = [scorer.compound(text) for _, text in rows]
        by_sentence = [
            aggregate([scorer.compound(s.text) for s in split_sentences(text)]) for _, text in rows
        ]
        r_whole, r_sentences = pearson(whole, human), pearson(by_sentence, human)
        ok = abs(r_whole - published) <= TOLERANCE
        failed += not ok
        print(
            f"{name:<22}{len(rows):>7}{r_whole:>10.3f}{r_sentences:>10.3f}{published:>11.3f}"
            f"  {'ok' if ok else 'MISMATCH'}"
        )
    if not found:
        print(f"no *_GroundTruth.txt files in {args.folder}", file=sys.stderr)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
