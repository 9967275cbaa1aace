"""Estimates of a campaign with the wastewater engine, and comparisons across campaigns.

Pure functions over engine types (no database): the service turns stored samples into
:class:`~mekongx.wastewater.Sample` lists and calls these. Every result carries the label of the
parameter set it was computed with.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from mekongx.errors import MekongXError
from mekongx.i18n import N_
from mekongx.wastewater import (
    CensoredSummary,
    ErrorModel,
    Estimate,
    MannKendall,
    ParameterSet,
    Ranking,
    RowResult,
    Sample,
    Series,
    TheilSen,
    UncertaintyBudget,
    WeekdayProfile,
    builtin_names,
    builtin_parameter_set,
    estimate_batch,
    kaplan_meier_summary,
    mann_kendall,
    rank_sites,
    simulate,
    summarise,
    theil_sen,
    uncertainty_budget,
    weekday_profile,
)

LEVEL = 0.95


class UnknownParameterSet(MekongXError):
    status = 409
    code = "parameter_set"


@cache
def parameter_set_by_label(label: str) -> ParameterSet:
    """The built-in parameter set whose ``id@version`` is ``label``."""
    for name in builtin_names():
        params = builtin_parameter_set(name)
        if params.label == label:
            return params
    raise UnknownParameterSet(N_("This node does not have parameter set %(label)s."), label=label)


def parameter_set_values(params: ParameterSet) -> dict[str, Any]:
    """The full parameter set as plain JSON values (travels with every shared consumption)."""

    def plain(value: Any) -> Any:
        if hasattr(value, "__dataclass_fields__"):
            return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
        if isinstance(value, dict) or hasattr(value, "items"):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        return value

    values: dict[str, Any] = plain(params)
    return values


@dataclass(frozen=True)
class Band:
    median: float
    low: float
    high: float


@dataclass(frozen=True)
class AnalyteResult:
    analyte: str
    name: str
    reports_consumption: bool
    days: int
    censored_days: int
    load_summary: CensoredSummary  # normalised loads, mg/day/1000 inhabitants (Kaplan–Meier)
    load_mean: Band  # Monte Carlo campaign mean of the normalised load
    consumption_mean: Band | None  # Monte Carlo campaign mean of consumption, mg/day/1000
    budget: UncertaintyBudget
    weekday: WeekdayProfile | None  # from quantified days only
    parameter_set: str


@dataclass(frozen=True)
class CampaignEstimate:
    parameter_set: str
    draws: int
    seed: int
    rows: list[RowResult]
    analytes: list[AnalyteResult]


def corrected_series(estimates: Sequence[Estimate]) -> Series:
    """The series of one analyte after the deterministic corrections (AMP from METH), as
    :func:`~mekongx.wastewater.estimate_batch` feeds its Monte Carlo: the concentration
    equivalent of the corrected load, censoring kept."""
    return Series(
        estimates[0].sample.analyte,
        np.array(
            [
                e.load_mg_d.value * 1e3 / e.sample.flow_m3_d if e.sample.flow_m3_d > 0 else 0.0
                for e in estimates
            ]
        ),
        np.array([e.load_mg_d.censored for e in estimates]),
        np.array([e.sample.flow_m3_d for e in estimates]),
        np.array([e.sample.population for e in estimates], dtype=float),
    )


def _series_draws(
    samples: Sequence[Sample], params: ParameterSet, draws: int, seed: int
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any] | None]:
    """(draws,) campaign means of normalised load and of consumption (None if load only)."""
    ordered = sorted(samples, key=lambda s: (s.analyte, s.date))
    code = ordered[0].analyte
    rows = estimate_batch(ordered, params, n_draws=0)
    series = corrected_series([r.estimate for r in rows if r.estimate.sample.analyte == code])
    result = simulate(series, params, draws, np.random.default_rng(seed))
    load = result.campaign_mean(consumption=False)
    consumption = result.campaign_mean() if result.factor is not None else None
    return load, consumption


def _band(values: np.ndarray[Any, Any]) -> Band:
    iv = summarise(np.asarray(values, dtype=float)[np.newaxis, :], LEVEL)
    return Band(float(iv.median[0]), float(iv.low[0]), float(iv.high[0]))


def estimate_campaign(
    samples: Sequence[Sample],
    params: ParameterSet,
    draws: int = 2000,
    seed: int = 0,
    budget_draws: int = 2000,
) -> CampaignEstimate:
    """Per-row estimates (exactly :func:`~mekongx.wastewater.estimate_batch`) and per-analyte
    campaign figures: Monte Carlo means, uncertainty budget and weekday profile."""
    ordered = sorted(samples, key=lambda s: (s.analyte, s.date))
    rows = estimate_batch(ordered, params, n_draws=draws, seed=seed)
    by_analyte: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(ordered):
        by_analyte[s.analyte].append(i)
    results = []
    for k, (code, index) in enumerate(sorted(by_analyte.items())):
        analyte = params.analyte(code)
        chosen = [ordered[i] for i in index]
        estimates = [rows[i].estimate for i in index]
        series = corrected_series(estimates)
        result = simulate(series, params, draws, np.random.default_rng(seed + 1 + k))
        load = result.campaign_mean(consumption=False)
        consumption = result.campaign_mean() if result.factor is not None else None
        budget = uncertainty_budget(series, params, n_draws=budget_draws, seed=seed)
        detected = [e for e in estimates if not e.load_mg_d_per_1000.censored]
        value = [(e.consumption_mg_d_per_1000 or e.load_mg_d_per_1000).value for e in detected]
        weekday = None
        days = {e.sample.date.isoweekday() for e in detected}
        if days & {6, 7} and days - {6, 7}:
            weekday = weekday_profile([e.sample.date for e in detected], value)
        results.append(
            AnalyteResult(
                code,
                analyte.name,
                analyte.reports_consumption,
                len(chosen),
                sum(1 for s in chosen if s.concentration_ng_l.censored),
                kaplan_meier_summary([e.load_mg_d_per_1000 for e in estimates]),
                _band(load),
                _band(consumption) if consumption is not None else None,
                budget,
                weekday,
                params.label,
            )
        )
    return CampaignEstimate(params.label, draws, seed, rows, results)


@dataclass(frozen=True)
class Contender:
    """One campaign taking part in a ranking or a trend."""

    key: str
    label: str
    midpoint: dt.date
    samples: list[Sample]
    params: ParameterSet
    ref: int = 0  # the campaign's local id, for links


@dataclass(frozen=True)
class RankedCampaign:
    key: str
    label: str
    ranking: Ranking
    parameter_set: str
    ref: int = 0


def _metric_draws(c: Contender, metric: str, draws: int, seed: int) -> np.ndarray[Any, Any] | None:
    load, consumption = _series_draws(c.samples, c.params, draws, seed)
    return load if metric == "load" else consumption


def rank_campaigns(
    contenders: Sequence[Contender], metric: str = "load", draws: int = 2000, seed: int = 0
) -> list[RankedCampaign]:
    """Rank campaigns (cities) by the Monte Carlo campaign mean, each with intervals."""
    matrix: dict[str, np.ndarray[Any, Any]] = {}
    by_key = {}
    for i, c in enumerate(contenders):
        values = _metric_draws(c, metric, draws, seed + i)
        if values is not None:
            matrix[c.key] = values
            by_key[c.key] = c
    if len(matrix) < 2:
        return []
    return [
        RankedCampaign(
            r.site, by_key[r.site].label, r, by_key[r.site].params.label, by_key[r.site].ref
        )
        for r in rank_sites(matrix, LEVEL)
    ]


@dataclass(frozen=True)
class TrendPoint:
    key: str
    label: str
    midpoint: dt.date
    band: Band
    parameter_set: str
    ref: int = 0


@dataclass(frozen=True)
class Trend:
    points: list[TrendPoint]
    years: float
    mann_kendall: MannKendall | None
    theil_sen: TheilSen | None  # slope per year


def _decimal_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def trend(
    contenders: Sequence[Contender], metric: str = "load", draws: int = 2000, seed: int = 0
) -> Trend:
    """Campaign means over time; Mann–Kendall and Theil–Sen once the series spans 2 years."""
    points = []
    for i, c in enumerate(sorted(contenders, key=lambda c: c.midpoint)):
        values = _metric_draws(c, metric, draws, seed + i)
        if values is not None:
            points.append(
                TrendPoint(c.key, c.label, c.midpoint, _band(values), c.params.label, c.ref)
            )
    if not points:
        return Trend([], 0.0, None, None)
    times = [_decimal_year(p.midpoint) for p in points]
    span = max(times) - min(times)
    mk = ts = None
    distinct_years = len({p.midpoint.year for p in points})
    if distinct_years >= 2:
        medians = [p.band.median for p in points]
        if len(points) >= 3:
            mk = mann_kendall(medians)
        ts = theil_sen(times, medians)
    return Trend(points, span, mk, ts)


def model_for(params: ParameterSet) -> ErrorModel:
    return ErrorModel.from_params(params)
