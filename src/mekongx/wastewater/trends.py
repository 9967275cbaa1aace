"""Multi-year trends: Mann–Kendall test and Theil–Sen slope.

Mann–Kendall (Mann 1945; Kendall 1975) as given by Gilbert, *Statistical Methods for
Environmental Pollution Monitoring* (1987, ch. 16): S = Σ_{i<j} sign(x_j − x_i), variance
n(n−1)(2n+5)/18 minus the tie correction Σ t(t−1)(2t+5)/18, continuity-corrected
Z = (S − sign(S))/√Var(S), two-sided p from the normal distribution — for n > 10. For n ≤ 10
the normal approximation is poor (Gilbert 1987 tabulates exact probabilities up to n = 40) and
the p-value is exact: under no trend every ordering of the observed values is equally likely;
the number of discordant pairs I of such an ordering then has the q-multinomial distribution
[n]_q! / Π [t]_q! over the tie groups t (MacMahon 1916), and S = N′ − 2I with N′ the number of
untied pairs. Exact p = P(|S| ≥ |s|), two-sided.

The seasonal Kendall test (Hirsch, Slack and Smith 1982, Water Resour Res 18:107-121) sums S
and Var(S) over seasons, so that only values of the same season are compared (a wet-season
campaign is never compared with a dry-season one); Z as above, p from the normal distribution.

The Theil–Sen slope (Sen
1968) is the median of pairwise slopes; its confidence interval comes from
``scipy.stats.theilslopes``. Both are robust to outliers and need no normality, which suits
right-skewed WBE loads (research note §6.3; González-Mariño et al. 2020, Addiction 115:109).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from mekongx.wastewater.errors import WbeError


def _stats() -> Any:
    """scipy.stats, imported on first use: it costs a second at the start of every command."""
    from scipy import stats

    return stats


EXACT_MAX_N: Final = 10


@dataclass(frozen=True)
class MannKendall:
    s: int
    var_s: float
    z: float
    p_value: float
    tau: float
    trend: str  # "increasing", "decreasing" or "no trend" at ``alpha``
    method: str = "normal"  # "exact" (n <= 10) or "normal"


def _poly_mul(a: list[int], b: list[int]) -> list[int]:
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def _q_factorial(n: int) -> list[int]:
    poly = [1]
    for k in range(1, n + 1):
        poly = _poly_mul(poly, [1] * k)
    return poly


def _poly_div_exact(a: list[int], b: list[int]) -> list[int]:
    """a / b for polynomials with integer coefficients when b divides a exactly."""
    a = list(a)
    out = [0] * (len(a) - len(b) + 1)
    for i in range(len(out) - 1, -1, -1):
        coefficient = a[i + len(b) - 1] // b[-1]
        out[i] = coefficient
        for j, y in enumerate(b):
            a[i + j] -= coefficient * y
    return out


def kendall_s_distribution(n: int, ties: Sequence[int] = ()) -> dict[int, int]:
    """Exact null distribution of the Mann–Kendall S: {S: number of orderings}.

    ``ties`` are the sizes of the groups of equal values (groups of one may be left out)."""
    counts = _q_factorial(n)
    for t in ties:
        if t > 1:
            counts = _poly_div_exact(counts, _q_factorial(t))
    untied_pairs = n * (n - 1) // 2 - sum(t * (t - 1) // 2 for t in ties)
    return {untied_pairs - 2 * i: c for i, c in enumerate(counts) if c}


def exact_p_value(s: int, n: int, ties: Sequence[int] = ()) -> float:
    """Two-sided exact p = P(|S| >= |s|) under no trend."""
    distribution = kendall_s_distribution(n, ties)
    total = sum(distribution.values())
    extreme = sum(c for value, c in distribution.items() if abs(value) >= abs(s))
    return min(1.0, extreme / total)


def _s_and_var(x: np.ndarray[Any, Any]) -> tuple[int, float, list[int]]:
    n = x.size
    diff = np.sign(x[np.newaxis, :] - x[:, np.newaxis])
    s = int(np.triu(diff, k=1).sum())
    ties = [t for t in Counter(x.tolist()).values() if t > 1]
    var_s = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18.0
    return s, var_s, ties


def _z(s: int, var_s: float) -> float:
    return 0.0 if s == 0 or var_s == 0 else (s - math.copysign(1, s)) / math.sqrt(var_s)


def _trend(p: float, s: int, alpha: float) -> str:
    if p < alpha:
        return "increasing" if s > 0 else "decreasing"
    return "no trend"


def mann_kendall(values: Sequence[float], alpha: float = 0.05) -> MannKendall:
    """Mann–Kendall trend test on a series in time order (exact p-value for n <= 10)."""
    x = np.asarray(values, dtype=float)
    n = x.size
    if n < 3:
        raise WbeError("stats.too_few", method="Mann-Kendall", minimum=3, count=n)
    s, var_s, ties = _s_and_var(x)
    z = _z(s, var_s)
    if n <= EXACT_MAX_N:
        p, method = exact_p_value(s, n, ties), "exact"
    else:
        p, method = float(2.0 * _stats().norm.sf(abs(z))), "normal"
    tau = s / (n * (n - 1) / 2.0)
    return MannKendall(s, var_s, z, p, tau, _trend(p, s, alpha), method)


@dataclass(frozen=True)
class SeasonalKendall:
    s: int
    var_s: float
    z: float
    p_value: float
    seasons: int  # seasons with at least two values (the others cannot contribute)
    trend: str


def seasonal_kendall(
    values: Sequence[float], seasons: Sequence[Hashable], alpha: float = 0.05
) -> SeasonalKendall:
    """Seasonal Kendall test (Hirsch et al. 1982) on a series in time order; ``seasons`` gives
    each value's season (e.g. the month, or dry/wet)."""
    if len(values) != len(seasons):
        raise WbeError("mc.shape_mismatch", field="seasons", got=len(seasons), expected=len(values))
    groups: dict[Hashable, list[float]] = {}
    for value, season in zip(values, seasons, strict=True):
        groups.setdefault(season, []).append(float(value))
    s_total, var_total, used = 0, 0.0, 0
    for group in groups.values():
        if len(group) >= 2:
            s, var_s, _ = _s_and_var(np.asarray(group))
            s_total += s
            var_total += var_s
            used += 1
    if used == 0 or sum(len(g) for g in groups.values() if len(g) >= 2) < 3:
        raise WbeError("stats.too_few", method="seasonal Kendall", minimum=3, count=len(values))
    z = _z(s_total, var_total)
    p = float(2.0 * _stats().norm.sf(abs(z)))
    return SeasonalKendall(s_total, var_total, z, p, used, _trend(p, s_total, alpha))


@dataclass(frozen=True)
class TheilSen:
    slope: float
    intercept: float
    low_slope: float
    high_slope: float
    level: float


def theil_sen(times: Sequence[float], values: Sequence[float], level: float = 0.95) -> TheilSen:
    """Theil–Sen slope (units of ``values`` per unit of ``times``) with its interval."""
    if len(values) < 2:
        raise WbeError("stats.too_few", method="Theil-Sen", minimum=2, count=len(values))
    result = _stats().theilslopes(np.asarray(values, float), np.asarray(times, float), alpha=level)
    return TheilSen(
        float(result.slope),
        float(result.intercept),
        float(result.low_slope),
        float(result.high_slope),
        level,
    )
