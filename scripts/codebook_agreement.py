"""Agreement of the codebook with a hand coding of comments (per theme and overall).

The hand coding is a CSV with ``page``, ``author``, ``posted`` (``YYYY-MM-DDTHH:MM``) and one
0/1 column per theme coded (the project's development set is
``tests/data/training_codes.csv``, a copy of the lead's coding of the ten seed comments for
the four core themes). Each row is matched to a comment of the page by author and posting
time; the comment's themes are the union over its sentences, as in ``discourse analyse``.

    .venv/bin/python scripts/codebook_agreement.py tests/data/training_codes.csv fixtures
    .venv/bin/python scripts/codebook_agreement.py CODES.csv PAGES_DIR --codebook mine.toml

Prints, per theme: n, raw agreement, precision, recall and Cohen's kappa (n/a when a coder
never varies), then the comments where codebook and coder disagree, with the evidence.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from discourse.analyse.codebook import Codebook, load_codebook
from discourse.analyse.text import TextAnalyser
from discourse.ingest import parse_page
from discourse.settings import load_settings

KEY_COLUMNS = ("page", "author", "posted")


@dataclass(frozen=True)
class Coded:
    """One hand-coded comment beside what the codebook found in it."""

    page: str
    author: str
    gold: frozenset[str]
    found: frozenset[str]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ThemeAgreement:
    """Agreement statistics for one theme."""

    theme: str
    n: int
    agreement: float
    precision: float | None
    recall: float | None
    kappa: float | None


def code_comments(codes: Path, pages: Path, codebook: Codebook) -> tuple[list[str], list[Coded]]:
    """Match each hand-coded row to its comment and run the codebook on it.

    Returns:
        (the theme columns of the CSV, one ``Coded`` per row). Raises SystemExit when a row
        matches no comment (the key is page + author + posted).
    """
    analyser = TextAnalyser(load_settings(), codebook)
    with codes.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    themes = [c for c in rows[0] if c not in KEY_COLUMNS and c != "coder_note"] if rows else []
    articles = {}
    coded: list[Coded] = []
    for number, row in enumerate(rows, start=2):
        page = row["page"]
        if page not in articles:
            articles[page] = parse_page((pages / page).read_text(encoding="utf-8"), page)
        comment = next(
            (
                c
                for c in articles[page].comments
                if c.author == row["author"]
                and c.posted is not None
                and c.posted.strftime("%Y-%m-%dT%H:%M") == row["posted"]
            ),
            None,
        )
        if comment is None:
            raise SystemExit(f"{codes}: row {number}: no comment by {row['author']!r} on {page}")
        sentences = analyser.score_paragraphs(comment.paragraphs)
        hits = [hit for sentence in sentences for hit in sentence.hits if hit.theme in themes]
        coded.append(
            Coded(
                page=page,
                author=row["author"],
                gold=frozenset(t for t in themes if row[t].strip() == "1"),
                found=frozenset(hit.theme for hit in hits),
                evidence=tuple(
                    f"{hit.theme}: {' + '.join(hit.matched)} [{hit.rule}]" for hit in hits
                ),
            )
        )
    return themes, coded


def agreement(theme: str, coded: list[Coded]) -> ThemeAgreement:
    """Raw agreement, precision, recall and Cohen's kappa of codebook vs coder on one theme."""
    pairs = [(theme in c.gold, theme in c.found) for c in coded]
    n = len(pairs)
    tp = sum(g and f for g, f in pairs)
    fp = sum(f and not g for g, f in pairs)
    fn = sum(g and not f for g, f in pairs)
    observed = sum(g == f for g, f in pairs) / n
    gold_rate = sum(g for g, _ in pairs) / n
    found_rate = sum(f for _, f in pairs) / n
    expected = gold_rate * found_rate + (1 - gold_rate) * (1 - found_rate)
    return ThemeAgreement(
        theme=theme,
        n=n,
        agreement=observed,
        precision=tp / (tp + fp) if tp + fp else None,
        recall=tp / (tp + fn) if tp + fn else None,
        kappa=(observed - expected) / (1 - expected) if expected < 1 else None,
    )


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def report(themes: list[str], coded: list[Coded]) -> str:
    """The agreement table and the disagreements, as printed."""
    lines = [f"{'theme':<16}{'n':>4}{'agree':>8}{'prec.':>8}{'recall':>8}{'kappa':>8}"]
    for theme in themes:
        a = agreement(theme, coded)
        lines.append(
            f"{theme:<16}{a.n:>4}{a.agreement:>8.2f}{_number(a.precision):>8}"
            f"{_number(a.recall):>8}{_number(a.kappa):>8}"
        )
    cells = [(t in c.gold) == (t in c.found) for c in coded for t in themes]
    lines.append(f"{'all (cells)':<16}{len(cells):>4}{sum(cells) / len(cells):>8.2f}")
    for c in coded:
        if c.gold != c.found:
            lines.append(
                f"disagree: {c.page} {c.author}: coder {sorted(c.gold)} codebook {sorted(c.found)}"
            )
            lines.extend(f"    {line}" for line in c.evidence)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("codes", type=Path, help="hand-coded CSV (page, author, posted, themes)")
    parser.add_argument("pages", type=Path, help="folder holding the coded pages")
    parser.add_argument("--codebook", type=Path, default=None, help="codebook TOML to test")
    args = parser.parse_args(argv)
    codebook = load_codebook(args.codebook)
    print(f"codebook {codebook.id} {codebook.version} sha256 {codebook.sha256[:12]}")
    print(report(*code_comments(args.codes, args.pages, codebook)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
