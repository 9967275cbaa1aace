"""Comparisons built on Monte Carlo draws: rankings, A > B, year-on-year, weekday profile.

P(A > B) is the share of iterations in which A's draw exceeds B's. The draws compared must come
from one comparison (:func:`mekongx.wastewater.comparison.compare_campaigns`): there the
pharmacology (excretion, in-sewer loss) and the method-common part of the population error are
drawn once for all campaigns, so they cancel in a ratio, and only what differs between cities or
years (per-day errors, each campaign's systematic flow and analysis terms, the site's own
population error) is independent. Weekday/weekend profiles follow the EUDA presentation
(weekend = samples dated Saturday and Sunday by default, a composite dated by the day its
collection started); the test of a difference is Mann–Whitney, because daily loads are
right-skewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from mekongx.wastewater.backcalc import COMPOSITE_DAY
from mekongx.wastewater.errors import WbeError
from mekongx.wastewater.montecarlo import summarise


def _stats() -> Any:
    """scipy.stats, imported on first use: it costs a second at the start of every command."""
    from scipy import stats

    return stats


FloatArray = npt.NDArray[np.floating[Any]]


def probability_greater(a: FloatArray, b: FloatArray) -> float:
    """P(A > B) from paired independent draws of equal length."""
    return float(np.mean(np.asarray(a) > np.asarray(b)))


@dataclass(frozen=True)
class Ranking:
    site: str
    median: float
    low: float
    high: float
    rank: int  # rank of the median, 1 = highest
    rank_low: int  # 95% interval of the rank over draws
    rank_high: int


def rank_sites(draws: Mapping[str, FloatArray], level: float = 0.95) -> list[Ranking]:
    """Rank sites by their draws (1 = highest); each rank comes with an interval."""
    if len(draws) < 2:
        raise WbeError("stats.too_few", method="rank_sites", minimum=2, count=len(draws))
    sites = list(draws)
    matrix = np.vstack([np.asarray(draws[s]) for s in sites])  # (sites, draws)
    # rank per draw: 1 + number of sites with a larger draw
    order = np.argsort(-matrix, axis=0)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, len(sites) + 1)[:, np.newaxis], axis=0)
    values = summarise(matrix, level)
    rank_iv = summarise(ranks.astype(float), level)
    by_median = np.argsort(-values.median)
    rank_of_median = np.empty(len(sites), int)
    rank_of_median[by_median] = np.arange(1, len(sites) + 1)
    out = [
        Ranking(
            site,
            float(values.median[i]),
            float(values.low[i]),
            float(values.high[i]),
            int(rank_of_median[i]),
            int(np.floor(rank_iv.low[i])),
            int(np.ceil(rank_iv.high[i])),
        )
        for i, site in enumerate(sites)
    ]
    return sorted(out, key=lambda r: r.rank)


@dataclass(frozen=True)
class Change:
    """Relative change current/previous with its interval and the probability it is real."""

    ratio_median: float
    ratio_low: float
    ratio_high: float
    probability_increase: float  # P(ratio > 1 + threshold)
    probability_decrease: float  # P(ratio < 1 / (1 + threshold))
    threshold: float


def year_on_year(
    previous: FloatArray, current: FloatArray, threshold: float = 0.0, level: float = 0.95
) -> Change:
    """Change between two campaigns from their draws of the campaign mean."""
    ratio = np.asarray(current) / np.asarray(previous)
    iv = summarise(ratio[np.newaxis, :], level)
    return Change(
        float(iv.median[0]),
        float(iv.low[0]),
        float(iv.high[0]),
        float(np.mean(ratio > 1.0 + threshold)),
        float(np.mean(ratio < 1.0 / (1.0 + threshold))),
        threshold,
    )


@dataclass(frozen=True)
class WeekdayProfile:
    """Means per ISO weekday (1 = Monday ... 7 = Sunday) and the weekend/weekday ratio.

    Days below the limit are kept, not dropped: every mean is given as bounds, the lower with
    such a day at zero and the upper with it at its limit (they coincide when nothing is
    censored), and ``censored`` counts them per weekday. The Mann–Whitney test ranks a censored
    day as tied below every quantified day, which is exact when no limit exceeds a quantified
    value; otherwise ``p_value`` is ``None``. Days follow :data:`~mekongx.wastewater.backcalc.
    COMPOSITE_DAY`: a 24-hour composite belongs to the day its collection started."""

    means_low: dict[int, float]
    means_high: dict[int, float]
    censored: dict[int, int]
    weekend_mean_low: float
    weekend_mean_high: float
    weekday_mean_low: float
    weekday_mean_high: float
    p_value: float | None  # two-sided Mann–Whitney, weekend vs weekday days
    day_convention: str = COMPOSITE_DAY

    @property
    def means(self) -> dict[int, float]:
        """Upper bounds of the weekday means (the means themselves when nothing is censored)."""
        return self.means_high

    @property
    def ratio_low(self) -> float:
        return _ratio(self.weekend_mean_low, self.weekday_mean_high)

    @property
    def ratio_high(self) -> float:
        return _ratio(self.weekend_mean_high, self.weekday_mean_low)

    @property
    def n_censored(self) -> int:
        return sum(self.censored.values())


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0 else float("inf")


def weekday_profile(
    dates: Sequence[dt.date],
    values: Sequence[float],
    weekend: tuple[int, ...] = (6, 7),
    censored: Sequence[bool] | None = None,
) -> WeekdayProfile:
    """Weekday means and the weekend/weekday ratio of daily values (loads or consumption);
    ``censored`` marks values that are a limit ("< value")."""
    if len(dates) != len(values):
        raise WbeError("mc.shape_mismatch", field="values", got=len(values), expected=len(dates))
    flags = np.zeros(len(values), bool) if censored is None else np.asarray(censored, bool)
    if flags.shape[0] != len(values):
        raise WbeError("mc.shape_mismatch", field="censored", got=len(flags), expected=len(values))
    days = np.array([d.isoweekday() for d in dates])
    high = np.asarray(values, dtype=float)
    low = np.where(flags, 0.0, high)
    is_weekend = np.isin(days, weekend)
    if is_weekend.sum() < 1 or (~is_weekend).sum() < 1:
        raise WbeError("stats.too_few", method="weekday_profile", minimum=2, count=len(dates))
    present = sorted(set(days.tolist()))
    p_value = None
    detects = high[~flags]
    if not flags.any() or detects.size == 0 or high[flags].max() <= detects.min():
        # censored days tie below every quantified day: rank them at one common lowest value
        ranked = np.where(flags, -1.0, high)
        p_value = float(
            _stats()
            .mannwhitneyu(ranked[is_weekend], ranked[~is_weekend], alternative="two-sided")
            .pvalue
        )
    return WeekdayProfile(
        {int(d): float(low[days == d].mean()) for d in present},
        {int(d): float(high[days == d].mean()) for d in present},
        {int(d): int(flags[days == d].sum()) for d in present},
        float(low[is_weekend].mean()),
        float(high[is_weekend].mean()),
        float(low[~is_weekend].mean()),
        float(high[~is_weekend].mean()),
        p_value,
    )


def weekend_ratio_draws(
    dates: Sequence[dt.date], daily_draws: FloatArray, weekend: tuple[int, ...] = (6, 7)
) -> FloatArray:
    """(draws,) weekend/weekday mean ratio from ``(days, draws)`` Monte Carlo draws."""
    is_weekend = np.isin(np.array([d.isoweekday() for d in dates]), weekend)
    draws = np.asarray(daily_draws)
    result: FloatArray = draws[is_weekend].mean(axis=0) / draws[~is_weekend].mean(axis=0)
    return result
