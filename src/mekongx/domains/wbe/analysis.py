"""Estimates of a campaign with the wastewater engine, and comparisons across campaigns.

Pure functions over engine types (no database): the service turns stored samples into
:class:`~mekongx.wastewater.Sample` lists and calls these. Every result carries the label of the
parameter set it was computed with.

One figure, one definition: a campaign's figure for an analyte is the median of the Monte
Carlo campaign mean (the mean over its days) with its 95% interval, computed by
:func:`analyte_figures` for the campaign page, the ranking, the trend and the regional means
alike, from draws keyed by the campaign, its site and its population method
(:mod:`mekongx.wastewater.comparison`): the same campaign shows the same numbers everywhere.
A comparison (ranking, trend, regional means) recomputes every campaign with ONE chosen
parameter set from the stored concentrations, and says which.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import import_module
from typing import Any

import numpy as np

from mekongx.errors import MekongXError
from mekongx.i18n import N_
from mekongx.wastewater import (
    COMPOSITE_DAY,
    Campaign,
    CensoredSummary,
    Estimate,
    Flag,
    ParameterSet,
    Ranking,
    RegionalMean,
    RowResult,
    Sample,
    Series,
    UncertaintyBudget,
    WeekdayProfile,
    all_builtin_names,
    builtin_names,
    builtin_parameter_set,
    campaign_draws,
    estimate_batch,
    kaplan_meier_summary,
    rank_sites,
    regional_means,
    summarise,
    uncertainty_budget,
    weekday_profile,
)
from mekongx.wastewater.comparison import STATISTIC

from .memo import Memo, params_key

LEVEL = 0.95


class UnknownParameterSet(MekongXError):
    status = 409
    code = "parameter_set"


@cache
def parameter_set_by_label(label: str) -> ParameterSet:
    """The built-in parameter set whose ``id@version`` is ``label`` (superseded versions
    included, so that a stored campaign is computed with the values it was created with)."""
    for name in all_builtin_names():
        params = builtin_parameter_set(name)
        if params.label == label:
            return params
    raise UnknownParameterSet(N_("This node does not have parameter set %(label)s."), label=label)


@cache
def comparison_set(name_or_label: str | None) -> ParameterSet:
    """The parameter set chosen for a comparison: a current built-in set by name or label;
    ``None`` gives the node's default set."""
    for name in builtin_names():
        params = builtin_parameter_set(name)
        if name_or_label in (None, name, params.label):
            return params
    raise UnknownParameterSet(
        N_("This node does not have parameter set %(label)s."), label=name_or_label
    )


def prepare() -> None:
    """Do now what the first estimate of a process would otherwise pay for, about 0.7 s of CPU
    (the node calls it in the background when it starts): import ``scipy.stats``, which the
    engine imports on first use, and read and check every built-in parameter set (kept by
    :func:`parameter_set_by_label` and :func:`comparison_set`)."""
    import_module("scipy.stats")
    for name in all_builtin_names():
        parameter_set_by_label(builtin_parameter_set(name).label)
    for name in builtin_names():
        comparison_set(name)
    comparison_set(None)


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
    weekday: WeekdayProfile | None  # every day, those below the LOQ as bounds
    parameter_set: str
    statistic: str = STATISTIC


@dataclass(frozen=True)
class CampaignEstimate:
    parameter_set: str
    draws: int
    seed: int
    rows: list[RowResult]
    analytes: list[AnalyteResult]
    flags: tuple[Flag, ...] = ()  # about the campaign as a whole (population constants...)
    day_convention: str = COMPOSITE_DAY


@dataclass(frozen=True)
class Identity:
    """What a campaign's keyed draws belong to: the campaign, its site, how the site's
    population was obtained, and the country it is aggregated into."""

    campaign: str
    site: str
    population_method: str = "census"
    country: str = ""


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
        tuple(e.sample.sampling_mode for e in estimates)
        if all(e.sample.sampling_mode for e in estimates)
        else None,
    )


def analyte_campaign(
    estimates: Sequence[Estimate], identity: Identity, analyte: str
) -> Campaign | None:
    """The engine's view of one analyte of a campaign, from the deterministic estimates of ALL
    its analytes (the AMP correction needs METH of the same day)."""
    chosen = sorted(
        (e for e in estimates if e.sample.analyte == analyte), key=lambda e: e.sample.date
    )
    if not chosen:
        return None
    return Campaign(
        identity.campaign,
        identity.site,
        corrected_series(chosen),
        identity.population_method,
        identity.country,
    )


def analyte_figures(
    campaign: Campaign, params: ParameterSet, draws: int, seed: int
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any] | None]:
    """(draws,) campaign means of normalised load and of consumption (None if loads only):
    THE definition of a campaign's figures, used by every page."""
    result = campaign_draws(campaign, params, draws, seed)
    load = result.campaign_mean(consumption=False)
    consumption = result.campaign_mean() if result.factor is not None else None
    return load, consumption


def band_of(values: np.ndarray[Any, Any]) -> Band:
    """The median and the 95 % interval of a figure's draws."""
    iv = summarise(np.asarray(values, dtype=float)[np.newaxis, :], LEVEL)
    return Band(float(iv.median[0]), float(iv.low[0]), float(iv.high[0]))


_ESTIMATES: Memo[CampaignEstimate] = Memo(128)
_FIGURES: Memo[tuple[Campaign, np.ndarray[Any, Any], np.ndarray[Any, Any] | None] | None] = Memo(
    1024
)


def estimate_campaign(
    samples: Sequence[Sample],
    params: ParameterSet,
    draws: int = 2000,
    seed: int = 0,
    budget_draws: int = 2000,
    identity: Identity | None = None,
    flags: tuple[Flag, ...] = (),
) -> CampaignEstimate:
    """Per-row estimates (exactly :func:`~mekongx.wastewater.estimate_batch`) and per-analyte
    campaign figures: Monte Carlo campaign means, uncertainty budget and weekday profile.
    Computed once per process for the same inputs (:mod:`.memo`); ``flags`` are attached."""
    identity = identity or Identity("campaign", "site")
    ordered = tuple(sorted(samples, key=lambda s: (s.analyte, s.date)))
    key = (ordered, params_key(params), draws, seed, budget_draws, identity)
    estimate = _ESTIMATES.get(
        key, params, lambda: _estimate(ordered, params, draws, seed, budget_draws, identity)
    )
    return replace(estimate, flags=flags) if flags else estimate


def _estimate(
    ordered: Sequence[Sample],
    params: ParameterSet,
    draws: int,
    seed: int,
    budget_draws: int,
    identity: Identity,
) -> CampaignEstimate:
    rows = estimate_batch(ordered, params, n_draws=draws, seed=seed)
    estimates = [r.estimate for r in rows]
    by_analyte: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(ordered):
        by_analyte[s.analyte].append(i)
    results = []
    for code, index in sorted(by_analyte.items()):
        analyte = params.analyte(code)
        chosen = [estimates[i] for i in index]
        campaign = analyte_campaign(estimates, identity, code)
        assert campaign is not None
        load, consumption = analyte_figures(campaign, params, draws, seed)
        budget = uncertainty_budget(campaign.series, params, n_draws=budget_draws, seed=seed)
        weekday = None
        days = {e.sample.date.isoweekday() for e in chosen}
        if days & {6, 7} and days - {6, 7}:
            weekday = weekday_profile(
                [e.sample.date for e in chosen],
                [(e.consumption_mg_d_per_1000 or e.load_mg_d_per_1000).value for e in chosen],
                censored=[e.load_mg_d_per_1000.censored for e in chosen],
            )
        results.append(
            AnalyteResult(
                code,
                analyte.name,
                analyte.reports_consumption,
                len(chosen),
                sum(1 for e in chosen if e.sample.concentration_ng_l.censored),
                kaplan_meier_summary([e.load_mg_d_per_1000 for e in chosen]),
                band_of(load),
                band_of(consumption) if consumption is not None else None,
                budget,
                weekday,
                params.label,
            )
        )
    return CampaignEstimate(params.label, draws, seed, rows, results)


@dataclass(frozen=True)
class Contender:
    """One campaign taking part in a ranking, a trend or a regional mean."""

    key: str
    label: str
    midpoint: dt.date
    samples: list[Sample]  # every analyte of the campaign (corrections need them)
    params: ParameterSet  # the campaign's own set (shown; the comparison uses one chosen set)
    ref: int = 0  # the campaign's local id, for links
    identity: Identity | None = None


@dataclass(frozen=True)
class RankedCampaign:
    key: str
    label: str
    ranking: Ranking
    parameter_set: str  # the set every campaign of the comparison was computed with
    ref: int = 0
    campaign_parameter_set: str = ""  # the campaign's own set


def contender_figures(
    c: Contender, params: ParameterSet, analyte: str, draws: int, seed: int
) -> tuple[Campaign, np.ndarray[Any, Any], np.ndarray[Any, Any] | None] | None:
    """The campaign of ``analyte`` of a contender computed with ``params`` and its (draws,)
    figures (load, consumption), None when it has no such analyte; computed once per process
    for the same inputs (:mod:`.memo`), the arrays read-only."""
    ordered = tuple(sorted(c.samples, key=lambda s: (s.analyte, s.date)))
    identity = c.identity or Identity(c.key, c.key)

    def compute() -> tuple[Campaign, np.ndarray[Any, Any], np.ndarray[Any, Any] | None] | None:
        rows = estimate_batch(list(ordered), params, 0)
        campaign = analyte_campaign([r.estimate for r in rows], identity, analyte)
        if campaign is None:
            return None
        load, consumption = analyte_figures(campaign, params, draws, seed)
        for values in (load, consumption):
            if values is not None:
                values.setflags(write=False)
        return campaign, load, consumption

    key = (ordered, identity, params_key(params), analyte, draws, seed)
    return _FIGURES.get(key, params, compute)


def metric_draws(
    c: Contender, params: ParameterSet, analyte: str, metric: str, draws: int, seed: int
) -> np.ndarray[Any, Any] | None:
    """A contender's draws of ``metric`` for ``analyte`` with ``params``; None without figures."""
    found = contender_figures(c, params, analyte, draws, seed)
    if found is None:
        return None
    return found[1] if metric == "load" else found[2]


def comparison_draws(
    contenders: Sequence[Contender],
    analyte: str,
    params: ParameterSet,
    metric: str = "load",
    draws: int = 2000,
    seed: int = 0,
) -> tuple[list[Campaign], dict[str, np.ndarray[Any, Any]]]:
    """The campaigns of a comparison that have ``analyte`` (and, for consumption, an excretion
    factor) with their (draws,) figures, every one computed with ``params``."""
    campaigns, matrix = [], {}
    for c in contenders:
        found = contender_figures(c, params, analyte, draws, seed)
        if found is None:
            continue
        campaign, load, consumption = found
        values = load if metric == "load" else consumption
        if values is not None:
            campaigns.append(campaign)
            matrix[c.key] = values
    return campaigns, matrix


def rank_campaigns(
    contenders: Sequence[Contender],
    analyte: str,
    params: ParameterSet,
    metric: str = "load",
    draws: int = 2000,
    seed: int = 0,
    computed: tuple[list[Campaign], dict[str, np.ndarray[Any, Any]]] | None = None,
) -> list[RankedCampaign]:
    """Rank campaigns (cities) by their figure, every one computed with ``params``."""
    _, matrix = computed or comparison_draws(contenders, analyte, params, metric, draws, seed)
    by_key = {c.key: c for c in contenders}
    if len(matrix) < 2:
        return []
    return [
        RankedCampaign(
            r.site,
            by_key[r.site].label,
            r,
            params.label,
            by_key[r.site].ref,
            by_key[r.site].params.label,
        )
        for r in rank_sites(matrix, LEVEL)
    ]


def regions(
    contenders: Sequence[Contender],
    analyte: str,
    params: ParameterSet,
    metric: str = "load",
    draws: int = 2000,
    seed: int = 0,
    computed: tuple[list[Campaign], dict[str, np.ndarray[Any, Any]]] | None = None,
) -> list[RegionalMean]:
    """Population-weighted means by country and over all, every campaign with ``params``,
    with the draws propagated (shared terms stay shared)."""
    campaigns, matrix = computed or comparison_draws(
        contenders, analyte, params, metric, draws, seed
    )
    if not campaigns:
        return []
    return regional_means(campaigns, matrix, LEVEL)
