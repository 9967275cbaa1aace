"""Values below a limit (LOQ/LOD): stored as censored, never replaced by invented numbers.

A :class:`Quantity` is either a measured number or a censored one ("< limit"). Deterministic
arithmetic keeps the flag (a censored concentration gives a censored load, "< x"). Summaries use
the Kaplan–Meier estimator for left-censored data (Helsel, *Statistics for Censored Environmental
Data*, 2nd ed., Wiley 2012, ch. 6), which needs no substitution such as LOQ/2. The KM mean is
given as bounds: the probability mass the data leave below the lowest detected value is placed
at zero (lower bound) and at the highest limit below that value (upper bound); the two coincide
when nothing is censored below the lowest detect. Robust regression on order statistics (ROS,
Helsel 2012 ch. 6, multiple detection limits) is offered too: it fits a lognormal to the detects
on their plotting positions and uses the fitted values for the censored ones *only inside the
summary* — they are never stored or reported as measurements. Burgard et al. 2016 (Sci Total
Environ 568:856-863) compare such methods on WBE data with 4–94% censoring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from mekongx.wastewater.errors import WbeError, check_non_negative


def _stats() -> Any:
    """scipy.stats, imported on first use: it costs a second at the start of every command."""
    from scipy import stats

    return stats


QUANTIFIED_FLAGS: Final = frozenset({"", "=", "quantified", "detected"})
CENSORED_FLAGS: Final = frozenset({"<", "<loq", "<lod", "nd", "bql", "censored"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A non-negative value; when ``censored`` the true value is below ``value`` (a limit)."""

    value: float
    censored: bool = False

    def scaled(self, factor: float) -> Quantity:
        return Quantity(self.value * factor, self.censored)

    def __str__(self) -> str:
        return f"< {self.value:.6g}" if self.censored else f"{self.value:.6g}"


def is_censored_flag(flag: str) -> bool:
    """Interpret a censor column entry; unknown flags raise :class:`WbeError`."""
    key = flag.strip().lower().replace(" ", "")
    if key in QUANTIFIED_FLAGS:
        return False
    if key in CENSORED_FLAGS:
        return True
    allowed = sorted(QUANTIFIED_FLAGS - {""}) + sorted(CENSORED_FLAGS)
    raise WbeError("censor.bad_flag", flag=flag, allowed=", ".join(allowed))


def measured(value: float | None, censor_flag: str = "", limit: float | None = None) -> Quantity:
    """Build a concentration from a laboratory report.

    A censored result takes its limit from ``limit`` (the LOQ or LOD); when only ``value`` is
    given for a censored result, it is read as the limit ("< value"). A censored result with no
    number at all is an error: the library never makes one up.
    """
    if is_censored_flag(censor_flag):
        bound = limit if limit is not None else value
        if bound is None:
            raise WbeError("censor.missing_limit")
        return Quantity(check_non_negative("loq", bound), censored=True)
    if value is None:
        raise WbeError("value.not_finite", field="concentration", value="")
    return Quantity(check_non_negative("concentration", value))


@dataclass(frozen=True)
class CensoredSummary:
    """Substitution-free summary of possibly censored values (Kaplan–Meier)."""

    n: int
    n_censored: int
    mean_low: float
    mean_high: float
    median: Quantity
    maximum: Quantity
    method: str = "kaplan-meier"

    @property
    def censored_fraction(self) -> float:
        return self.n_censored / self.n


def kaplan_meier_summary(values: Sequence[Quantity]) -> CensoredSummary:
    """Kaplan–Meier mean bounds and median for left-censored data."""
    if not values:
        raise WbeError("stats.too_few", method="Kaplan-Meier", minimum=1, count=0)
    detects = sorted((q.value for q in values if not q.censored), reverse=True)
    limits = [q.value for q in values if q.censored]
    n_cens = len(limits)
    maximum = max(values, key=lambda q: (q.value, not q.censored))
    if not detects:
        top = max(limits)
        return CensoredSummary(len(values), n_cens, 0.0, top, Quantity(top, True), maximum)

    distinct = sorted(set(detects), reverse=True)
    cdf = 1.0  # F(x_j): probability of a value <= x_j
    mean_low = 0.0
    median: Quantity | None = None
    for x in distinct:
        d = sum(1 for v in detects if v == x)
        at_risk = sum(1 for v in detects if v <= x) + sum(1 for lim in limits if lim <= x)
        below = cdf * (at_risk - d) / at_risk
        mean_low += x * (cdf - below)
        if median is None and below < 0.5 <= cdf:
            median = Quantity(x)
        cdf = below
    lowest = distinct[-1]
    if median is None:  # half or more of the mass lies below the lowest detect
        median = Quantity(lowest, censored=True)
    under = [lim for lim in limits if lim <= lowest]
    remaining_at = max(under) if under else 0.0
    mean_high = mean_low + cdf * min(remaining_at, lowest)
    return CensoredSummary(len(values), n_cens, mean_low, mean_high, median, maximum)


def ros_summary(values: Sequence[Quantity]) -> CensoredSummary:
    """Robust ROS summary (lognormal fit to detects, several detection limits allowed)."""
    detects = np.sort(np.array([q.value for q in values if not q.censored], dtype=float))
    limits = np.array([q.value for q in values if q.censored], dtype=float)
    if detects.size < 3 or np.any(detects <= 0):
        raise WbeError("stats.too_few", method="ROS", minimum=3, count=int(detects.size))
    maximum = max(values, key=lambda q: (q.value, not q.censored))
    if limits.size == 0:
        return CensoredSummary(
            len(values), 0, float(detects.mean()), float(detects.mean()),
            Quantity(float(np.median(detects))), maximum, "ros",
        )  # fmt: skip
    dls = np.unique(limits)
    bounds = np.concatenate(([0.0], dls, [np.inf]))
    # probability of exceeding each detection limit, from the highest down (Helsel 2012)
    exceed = np.zeros(bounds.size)  # exceed[j] for bound j; exceed[-1] = 0 at infinity
    exceed[0] = 1.0
    for j in range(dls.size, 0, -1):
        a = np.sum((detects >= bounds[j]) & (detects < bounds[j + 1]))
        b = np.sum(detects < bounds[j]) + np.sum(limits <= bounds[j])
        share = a / (a + b) if a + b > 0 else 0.0
        exceed[j] = exceed[j + 1] + share * (1.0 - exceed[j + 1])
    detect_pp, censored_pp = [], []
    for j in range(dls.size + 1):
        in_band = detects[(detects >= bounds[j]) & (detects < bounds[j + 1])]
        ranks = np.arange(1, in_band.size + 1)
        detect_pp.append((1 - exceed[j]) + (exceed[j] - exceed[j + 1]) * ranks / (in_band.size + 1))
        if j >= 1:
            count = int(np.sum(limits == bounds[j]))
            censored_pp.append((1 - exceed[j]) * np.arange(1, count + 1) / (count + 1))
    z_detect = _stats().norm.ppf(np.concatenate(detect_pp))
    slope, intercept = np.polyfit(z_detect, np.log(detects), 1)
    imputed = np.exp(intercept + slope * _stats().norm.ppf(np.concatenate(censored_pp)))
    combined = np.concatenate((detects, imputed))
    mean = float(combined.mean())
    return CensoredSummary(
        len(values), int(limits.size), mean, mean,
        Quantity(float(np.median(combined))), maximum, "ros",
    )  # fmt: skip
