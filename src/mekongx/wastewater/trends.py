"""Multi-year trends: Mann–Kendall test and Theil–Sen slope.

Mann–Kendall (Mann 1945; Kendall 1975) as given by Gilbert, *Statistical Methods for
Environmental Pollution Monitoring* (1987, ch. 16): S = Σ_{i<j} sign(x_j − x_i), variance
n(n−1)(2n+5)/18 minus the tie correction Σ t(t−1)(2t+5)/18, continuity-corrected
Z = (S − sign(S))/√Var(S), two-sided p from the normal distribution. The Theil–Sen slope (Sen
1968) is the median of pairwise slopes; its confidence interval comes from
``scipy.stats.theilslopes``. Both are robust to outliers and need no normality, which suits
right-skewed WBE loads (research note §6.3; González-Mariño et al. 2020, Addiction 115:109).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mekongx.wastewater.errors import WbeError


def _stats() -> Any:
    """scipy.stats, imported on first use: it costs a second at the start of every command."""
    from scipy import stats

    return stats


@dataclass(frozen=True)
class MannKendall:
    s: int
    var_s: float
    z: float
    p_value: float
    tau: float
    trend: str  # "increasing", "decreasing" or "no trend" at ``alpha``


def mann_kendall(values: Sequence[float], alpha: float = 0.05) -> MannKendall:
    """Mann–Kendall trend test on a series in time order."""
    x = np.asarray(values, dtype=float)
    n = x.size
    if n < 3:
        raise WbeError("stats.too_few", method="Mann-Kendall", minimum=3, count=n)
    diff = np.sign(x[np.newaxis, :] - x[:, np.newaxis])
    s = int(np.triu(diff, k=1).sum())
    ties = Counter(x.tolist()).values()
    var_s = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18.0
    z = 0.0 if s == 0 or var_s == 0 else (s - math.copysign(1, s)) / math.sqrt(var_s)
    p = float(2.0 * _stats().norm.sf(abs(z)))
    tau = s / (n * (n - 1) / 2.0)
    trend = "no trend"
    if p < alpha:
        trend = "increasing" if s > 0 else "decreasing"
    return MannKendall(s, var_s, z, p, tau, trend)


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
