"""The statistics behind every comparison: Wilson intervals, Fisher's exact test, Dunning's G².

Pure functions on counts, each checked in ``tests/test_compare.py`` against values worked out
by hand. SciPy is imported inside ``fisher_test`` only, so importing this module stays cheap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# The 97.5th percentile of the standard normal: a two-sided 95% interval.
Z_95 = 1.959963984540054

# G² is compared with the chi-squared distribution on one degree of freedom (Dunning 1993;
# Rayson and Garside 2000): 3.84 is the 5% critical value.
G2_CRITICAL_05 = 3.841458820694124


@dataclass(frozen=True, slots=True)
class Proportion:
    """``count`` of ``total`` units, with the share and its Wilson 95% interval.

    ``share``, ``low`` and ``high`` are ``None`` when ``total`` is 0 (nothing to estimate).
    """

    count: int
    total: int
    share: float | None
    low: float | None
    high: float | None

    @classmethod
    def of(cls, count: int, total: int) -> Proportion:
        """Build the proportion ``count``/``total`` with its Wilson 95% interval.

        Args:
            count: units that have the property.
            total: all units (0 allowed: the share is then unknown).

        Returns:
            The proportion; ``Proportion.of(3, 10).share == 0.3``.
        """
        if total == 0:
            if count:
                raise ValueError(f"count {count} of total 0")
            return cls(0, 0, None, None, None)
        low, high = wilson_interval(count, total)
        return cls(count, total, count / total, low, high)


@dataclass(frozen=True, slots=True)
class FisherResult:
    """Fisher's exact test on a 2×2 table: the sample odds ratio and the two-sided p value."""

    odds_ratio: float
    p_value: float


def wilson_interval(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for a binomial proportion (Wilson 1927).

    Unlike the normal ("Wald") interval it stays inside [0, 1] and behaves at 0 and n
    successes, which matters for the small counts of a few articles' comments.

    Args:
        successes: number of units with the property (0 ≤ successes ≤ total).
        total: number of units (> 0).
        z: the normal quantile; the default gives a 95% interval.

    Returns:
        ``(low, high)``. Example: ``wilson_interval(3, 10)`` is about ``(0.108, 0.603)``.
    """
    if total <= 0:
        raise ValueError(f"total must be positive, got {total}")
    if not 0 <= successes <= total:
        raise ValueError(f"successes must be in 0..{total}, got {successes}")
    p = successes / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / denominator
    # Clamp rounding noise (e.g. 1.0000000000000002 at p = 1).
    return max(0.0, centre - half), min(1.0, centre + half)


def fisher_test(a: int, b: int, c: int, d: int) -> FisherResult:
    """Fisher's exact test, two-sided, on the table ``[[a, b], [c, d]]``.

    Rows are the two groups, columns "has the theme" / "has not"; exact for any counts,
    which is why it is used rather than chi-squared on small samples.

    Args:
        a: group 1 units with the theme.
        b: group 1 units without it.
        c: group 2 units with the theme.
        d: group 2 units without it.

    Returns:
        The sample odds ratio ``ad/bc`` (``inf`` or ``nan`` when a margin is empty) and p.
        Example: ``fisher_test(3, 1, 1, 3)`` gives odds ratio 9 and p = 34/70 ≈ 0.486.
    """
    from scipy.stats import fisher_exact  # SciPy is slow to import: only here.

    if min(a, b, c, d) < 0:
        raise ValueError(f"counts must be non-negative: {[a, b, c, d]}")
    odds, p_value = fisher_exact([[a, b], [c, d]], alternative="two-sided")
    return FisherResult(float(odds), min(1.0, float(p_value)))


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Dunning's log-likelihood G² for a word's frequency in two corpora.

    With expected values ``E1 = c(a+b)/(c+d)`` and ``E2 = d(a+b)/(c+d)``,
    ``G² = 2 (a ln(a/E1) + b ln(b/E2))``, taking ``0 ln 0 = 0`` (Rayson and Garside 2000).

    Args:
        a: the word's frequency in corpus 1.
        b: its frequency in corpus 2.
        c: the size of corpus 1 in words (≥ a).
        d: the size of corpus 2 in words (≥ b).

    Returns:
        G² (≥ 0). Example: ``log_likelihood(10, 0, 100, 100) == 20 ln 2 ≈ 13.863``.
    """
    if a < 0 or b < 0 or c < a or d < b:
        raise ValueError(f"need 0 <= a <= c and 0 <= b <= d, got {[a, b, c, d]}")
    if c == 0 or d == 0 or a + b == 0:
        return 0.0
    expected_1 = c * (a + b) / (c + d)
    expected_2 = d * (a + b) / (c + d)
    g2 = 0.0
    if a:
        g2 += a * math.log(a / expected_1)
    if b:
        g2 += b * math.log(b / expected_2)
    return max(0.0, 2.0 * g2)


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Hardie's log ratio: the binary log of the ratio of relative frequencies.

    An effect size to go with G² (which only measures evidence): +1 means the word is twice
    as frequent, per word, in corpus 1 as in corpus 2. A zero frequency is replaced by 0.5
    so words found in one corpus only get a finite value (Hardie 2014).

    Args:
        a: the word's frequency in corpus 1.
        b: its frequency in corpus 2.
        c: the size of corpus 1 in words (> 0).
        d: the size of corpus 2 in words (> 0).

    Returns:
        ``log2((a/c) / (b/d))``. Example: ``log_ratio(10, 0, 100, 100) == log2(20)``.
    """
    if c <= 0 or d <= 0:
        raise ValueError(f"corpus sizes must be positive, got {c} and {d}")
    return math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))


def chi2_1_p_value(statistic: float) -> float:
    """Upper-tail p value of the chi-squared distribution with one degree of freedom.

    For one degree of freedom the tail is ``erfc(sqrt(x / 2))``, so SciPy is not needed.

    Args:
        statistic: a G² or chi-squared value (≥ 0).

    Returns:
        The p value; ``chi2_1_p_value(3.841458820694124)`` is 0.05.
    """
    return math.erfc(math.sqrt(max(statistic, 0.0) / 2.0))
