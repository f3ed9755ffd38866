"""Key findings as sentences written from the numbers of a ``ComparisonResult``.

Every sentence is built from counts in the result (never typed in by hand), with the counts
beside each percentage, so a reader can check it against the tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from discourse.compare.corpus import ComparisonResult, ThemeTest
from discourse.compare.keyness import KeyTerm
from discourse.compare.stats import Proportion
from discourse.report.figures import theme_label

# At most this many theme sentences, the themes practitioners raise most first.
MAX_THEME_FINDINGS = 6


def percent(proportion: Proportion) -> str:
    """ "30%" for a proportion, or "–" when there is nothing to divide by."""
    return "–" if proportion.share is None else f"{100 * proportion.share:.0f}%"


def interval(proportion: Proportion) -> str:
    """ "95% CI 11–60%" for a proportion's Wilson interval."""
    if proportion.low is None or proportion.high is None:
        return "no interval"
    return f"95% CI {100 * proportion.low:.0f}–{100 * proportion.high:.0f}%"


def _p(value: float) -> str:
    return "p < 0.001" if value < 0.001 else f"p = {value:.3f}"


def _theme_sentence(test: ThemeTest, label: str) -> str:
    prac, off = test.practitioners, test.official
    first = (
        f"Practitioners raise {label} in {prac.count} of {prac.total} comments "
        f"({percent(prac)}, {interval(prac)})"
    )
    if off.total == 0:
        second = "no official findings were found to compare"
    elif off.count == 0:
        second = f"the official findings never do (0 of {off.total} sentences)"
    else:
        second = (
            f"the official findings do in {off.count} of {off.total} sentences ({percent(off)})"
        )
    test_text = f"Fisher's exact test {_p(test.p_value)}"
    if test.caveat:
        test_text += "; small sample, read with care"
    return f"{first}; {second} ({test_text})."


def _in_sentence(label: str) -> str:
    """A label inside a sentence: "Pay" → "pay", but "NQSWs" and "DfE" stay as they are."""
    head = label[:2]
    return label[0].lower() + label[1:] if head[:1].isupper() and not head.isupper() else label


def _words(terms: tuple[KeyTerm, ...], count: int = 6) -> str:
    chosen = [f"“{term.word}”" for term in terms if term.significant][:count]
    return ", ".join(chosen)


def key_findings(result: ComparisonResult, labels: Mapping[str, str] | None = None) -> list[str]:
    """Write the report's key findings.

    Args:
        result: the corpus comparison.
        labels: theme id → display label (the codebook's).

    Returns:
        Sentences in reading order, e.g. "Practitioners raise pay in 3 of 10 comments (30%,
        95% CI 11–60%); the official findings never do (0 of 45 sentences) (…)."
    """
    overview = result.overview
    found = [
        f"The corpus holds {overview.articles} articles on {len(overview.councils)} "
        f"council(s), with {overview.comments} comments "
        f"({overview.self_identified} from self-identified practitioners) and "
        f"{overview.official_sentences} sentences of official findings."
    ]
    if overview.comments == 0:
        found.append("No article has comments, so practitioners' voices cannot be compared.")
    tests = sorted(
        (t for t in result.tests if t.practitioners.count or t.official.count),
        key=lambda t: (-(t.practitioners.share or 0.0), -(t.official.share or 0.0), t.theme),
    )
    found += [_theme_sentence(t, _in_sentence(theme_label(t.theme, labels))) for t in tests][
        :MAX_THEME_FINDINGS
    ]

    for raised_by, silent, who, whom in (
        ("practitioners", "official", "Practitioners", "the official findings"),
        ("official", "practitioners", "The official findings", "practitioners"),
    ):
        silent_themes = [
            _in_sentence(theme_label(s.theme, labels))
            for s in result.silences
            if s.raised_by == raised_by and s.silent == silent and s.corpus_silent
        ]
        if silent_themes:
            found.append(f"{who} raise {', '.join(silent_themes)}; {whom} never do.")

    if overview.comments and overview.official_sentences:
        comments, official = result.summary("practitioners"), result.summary("official")
        tone = (
            "more negative than"
            if (comments.mean or 0.0) < (official.mean or 0.0)
            else "no more negative than"
        )
        found.append(
            f"Comments are {tone} the official findings: mean compound "
            f"{comments.mean or 0.0:+.2f} against {official.mean or 0.0:+.2f}; "
            f"{percent(comments.share_negative)} of comments "
            f"({comments.negative} of {comments.n}) are negative against "
            f"{percent(official.share_negative)} of official sentences "
            f"({official.negative} of {official.n})."
        )
    practitioner_words = _words(result.keywords_practitioners)
    official_words = _words(result.keywords_official)
    if practitioner_words:
        found.append(f"Words most characteristic of practitioners: {practitioner_words}.")
    if official_words:
        found.append(f"Words most characteristic of the official findings: {official_words}.")
    if result.statistics:
        councils = {row.council for row in result.statistics if row.council}
        found.append(
            f"The articles quote {len(result.statistics)} distinct official workforce figures "
            f"for {len(councils)} council(s) (table on a later page)."
        )
    return found
