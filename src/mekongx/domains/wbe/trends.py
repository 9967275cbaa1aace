"""A site's campaigns over time for one analyte, every campaign with one parameter set: the
points with their bands, and the trend tests (Mann–Kendall, the seasonal Kendall test, the
Theil–Sen slope). Pure, like ``analysis``, whose figures it uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mekongx.wastewater import (
    MannKendall,
    ParameterSet,
    SeasonalKendall,
    TheilSen,
    mann_kendall,
    season_of,
    seasonal_kendall,
    theil_sen,
)

from .analysis import Band, Contender, band_of, metric_draws


@dataclass(frozen=True)
class TrendPoint:
    key: str
    label: str
    midpoint: dt.date
    band: Band
    parameter_set: str
    ref: int = 0
    season: str = ""
    campaign_parameter_set: str = ""


@dataclass(frozen=True)
class Trend:
    points: list[TrendPoint]
    years: float
    mann_kendall: MannKendall | None
    theil_sen: TheilSen | None  # slope per year
    seasonal: SeasonalKendall | None = None  # when the campaigns fall in more than one season
    parameter_set: str = ""

    @property
    def test(self) -> str:
        """Which trend test applies: "seasonal" when campaigns of several seasons are
        compared, "mann-kendall" when all fall in one season, "" when there is none."""
        if self.seasonal is not None:
            return "seasonal"
        return "mann-kendall" if self.mann_kendall is not None else ""

    @property
    def mixed_seasons(self) -> bool:
        return len({p.season for p in self.points}) > 1

    @property
    def direction(self) -> str | None:
        if self.seasonal is not None:
            return self.seasonal.trend
        return self.mann_kendall.trend if self.mann_kendall else None


def _decimal_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def trend(
    contenders: Sequence[Contender],
    analyte: str,
    params: ParameterSet,
    metric: str = "load",
    draws: int = 2000,
    seed: int = 0,
) -> Trend:
    """Campaign figures over time, all with ``params``; from two years on, Mann–Kendall (exact
    for up to 10 campaigns) when every campaign falls in one season, the seasonal Kendall test
    when they span several, and the Theil–Sen slope."""
    points = []
    for c in sorted(contenders, key=lambda c: c.midpoint):
        values = metric_draws(c, params, analyte, metric, draws, seed)
        if values is not None:
            points.append(
                TrendPoint(
                    c.key, c.label, c.midpoint, band_of(values), params.label, c.ref,
                    season_of(c.midpoint), c.params.label,
                )
            )  # fmt: skip
    if not points:
        return Trend([], 0.0, None, None, None, params.label)
    times = [_decimal_year(p.midpoint) for p in points]
    span = max(times) - min(times)
    mk = ts = sk = None
    if len({p.midpoint.year for p in points}) >= 2:
        medians = [p.band.median for p in points]
        seasons = [p.season for p in points]
        if len(set(seasons)) > 1:
            counts = [seasons.count(x) for x in set(seasons)]
            if max(counts) >= 2 and sum(c for c in counts if c >= 2) >= 3:
                sk = seasonal_kendall(medians, seasons)
        elif len(points) >= 3:
            mk = mann_kendall(medians)
        ts = theil_sen(times, medians)
    return Trend(points, span, mk, ts, sk, params.label)
