"""Comparisons built on Monte Carlo draws: rankings, A > B, year-on-year, weekday profile.

Draws of different cities are independent, so P(A > B) is the share of iterations in which A's
draw exceeds B's. For the same city in two years, the excretion term is the same
pharmacology both years and must not be drawn twice: simulate both years with the same
:class:`~mekongx.wastewater.montecarlo.SharedDraws` (``simulate(..., shared=...)``) so that it
cancels in the ratio, as it should. Weekday/weekend profiles follow the EUDA presentation
(weekend = samples dated Saturday and Sunday by default); the test of a difference is
Mann–Whitney, because daily loads are right-skewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

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
    means: dict[int, float]  # ISO weekday 1 = Monday ... 7 = Sunday
    weekend_mean: float
    weekday_mean: float
    weekend_ratio: float
    p_value: float  # two-sided Mann–Whitney, weekend vs weekday days


def weekday_profile(
    dates: Sequence[dt.date],
    values: Sequence[float],
    weekend: tuple[int, ...] = (6, 7),
) -> WeekdayProfile:
    """Mean per weekday and the weekend/weekday ratio of daily values (loads or consumption)."""
    if len(dates) != len(values):
        raise WbeError("mc.shape_mismatch", field="values", got=len(values), expected=len(dates))
    days = np.array([d.isoweekday() for d in dates])
    x = np.asarray(values, dtype=float)
    is_weekend = np.isin(days, weekend)
    if is_weekend.sum() < 1 or (~is_weekend).sum() < 1:
        raise WbeError("stats.too_few", method="weekday_profile", minimum=2, count=len(dates))
    means = {int(d): float(x[days == d].mean()) for d in sorted(set(days.tolist()))}
    we, wd = float(x[is_weekend].mean()), float(x[~is_weekend].mean())
    p = float(_stats().mannwhitneyu(x[is_weekend], x[~is_weekend], alternative="two-sided").pvalue)
    return WeekdayProfile(means, we, wd, we / wd if wd > 0 else float("inf"), p)


def weekend_ratio_draws(
    dates: Sequence[dt.date], daily_draws: FloatArray, weekend: tuple[int, ...] = (6, 7)
) -> FloatArray:
    """(draws,) weekend/weekday mean ratio from ``(days, draws)`` Monte Carlo draws."""
    is_weekend = np.isin(np.array([d.isoweekday() for d in dates]), weekend)
    draws = np.asarray(daily_draws)
    result: FloatArray = draws[is_weekend].mean(axis=0) / draws[~is_weekend].mean(axis=0)
    return result
