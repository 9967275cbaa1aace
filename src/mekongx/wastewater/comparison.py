"""Comparisons between campaigns (cities, years) made with ONE parameter set, and regional
population-weighted means.

Which draws are shared and which are not:

* **pharmacology** — the excretion fraction and in-sewer loss of an analyte are properties of
  the drug, not of a city. In one comparison they are drawn once (keyed by the parameter set's
  label and the analyte) and used by every campaign, so that they cancel in a ratio: two
  identical cities have a consumption ratio whose interval is exactly the load ratio's;
* **population** — split into a part specific to the site (keyed by the site; the same in
  every year of that site) and a part common to every site whose population was estimated with
  the same method (census, design, a hydrochemical marker, mobile-phone counts...), keyed by
  the method;
* **systematic flow and analysis** — one draw per campaign (a flow meter's calibration, a
  laboratory's calibration of that analyte);
* **per-day terms** — independent for every sample-day of every campaign.

Every draw comes from a random generator keyed by what it belongs to (common random numbers), so
a campaign gets the same draws whether it is shown alone or inside a ranking: one campaign, one
figure. The figure is the Monte Carlo median of the campaign mean (the mean over the days of
the campaign) with its central interval: :func:`campaign_figure`.

A comparison refuses campaigns computed with different parameter sets: the caller recomputes
them all with one chosen set from their stored loads and concentrations.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from mekongx.wastewater.errors import WbeError
from mekongx.wastewater.montecarlo import (
    ErrorModel,
    Series,
    SeriesDraws,
    SharedDraws,
    draw_pharmacology,
    lognormal_factor,
    simulate,
    summarise,
)
from mekongx.wastewater.params import ParameterSet

FloatArray = npt.NDArray[np.floating[Any]]
STATISTIC: Final = "median of the Monte Carlo campaign mean"
POPULATION_METHODS: Final = ("census", "served", "design", "hydrochemical", "mobile")


def keyed_rng(seed: int, *keys: str) -> np.random.Generator:
    """A generator determined by ``seed`` and the keys (same keys, same draws)."""
    digest = hashlib.sha256("\x1f".join(keys).encode("utf-8")).digest()
    return np.random.default_rng([seed, int.from_bytes(digest[:8], "big")])


@dataclass(frozen=True)
class Campaign:
    """One campaign of one analyte taking part in a comparison."""

    key: str  # the campaign's identity
    site: str  # the site's identity (its population error is shared across its campaigns)
    series: Series
    population_method: str = "census"
    group: str = ""  # the region it is aggregated into (a country code, say)

    @property
    def population(self) -> float:
        """Mean stated population over the campaign (the weight in regional means)."""
        return float(np.mean(self.series.population))


def campaign_draws(
    campaign: Campaign,
    params: ParameterSet,
    n_draws: int,
    seed: int = 0,
    model: ErrorModel | None = None,
) -> SeriesDraws:
    """Monte Carlo draws of one campaign with the keyed (shared where they should be) terms."""
    analyte = params.analyte(campaign.series.analyte)
    model = model or ErrorModel.from_params(params)
    code = analyte.code
    excretion, loss = draw_pharmacology(
        analyte, model, n_draws, keyed_rng(seed, "pharmacology", params.label, code)
    )
    site = lognormal_factor(
        model.population_rsd, n_draws, keyed_rng(seed, "population-site", campaign.site)
    )
    method = lognormal_factor(
        model.population_method_rsd,
        n_draws,
        keyed_rng(seed, "population-method", campaign.population_method),
    )
    flow = lognormal_factor(
        model.flow_systematic_rsd, n_draws, keyed_rng(seed, "flow-systematic", campaign.key)
    )
    lab = lognormal_factor(
        model.analysis_systematic_rsd,
        n_draws,
        keyed_rng(seed, "analysis-systematic", campaign.key, code),
    )
    shared = SharedDraws(site * method, excretion, loss, flow * lab)
    rng = keyed_rng(seed, "days", campaign.key, code)
    return simulate(campaign.series, params, n_draws, rng, model=model, shared=shared)


@dataclass(frozen=True)
class Figure:
    """The one figure of a campaign: median of the Monte Carlo campaign mean, and its interval."""

    median: float
    low: float
    high: float
    level: float
    statistic: str = STATISTIC


def figure_of(values: FloatArray, level: float = 0.95) -> Figure:
    iv = summarise(np.asarray(values, dtype=float)[np.newaxis, :], level)
    return Figure(float(iv.median[0]), float(iv.low[0]), float(iv.high[0]), level)


def campaign_figure(
    campaign: Campaign,
    params: ParameterSet,
    n_draws: int,
    seed: int = 0,
    consumption: bool = False,
    level: float = 0.95,
) -> Figure | None:
    """The campaign's figure (normalised load, or consumption: ``None`` if loads only)."""
    draws = campaign_draws(campaign, params, n_draws, seed)
    if consumption and draws.factor is None:
        return None
    return figure_of(draws.campaign_mean(consumption=consumption), level)


def compare_campaigns(
    campaigns: Sequence[Campaign],
    params: ParameterSet,
    n_draws: int,
    seed: int = 0,
    consumption: bool = False,
    model: ErrorModel | None = None,
) -> dict[str, FloatArray]:
    """(draws,) campaign means of every campaign, all with ``params`` (consumption: campaigns
    of analytes that report loads only are left out)."""
    out: dict[str, FloatArray] = {}
    for c in campaigns:
        draws = campaign_draws(c, params, n_draws, seed, model)
        if consumption and draws.factor is None:
            continue
        out[c.key] = draws.campaign_mean(consumption=consumption)
    return out


def one_parameter_set(labels: Sequence[str]) -> str:
    """The single parameter set of a comparison; refuses a mixture."""
    distinct = sorted(set(labels))
    if len(distinct) != 1:
        raise WbeError("compare.mixed_sets", sets=", ".join(distinct) or "-")
    return distinct[0]


@dataclass(frozen=True)
class RegionalMean:
    """Population-weighted mean of the campaign means of a group of cities (or of all)."""

    group: str  # "" for all campaigns together
    campaigns: int
    population: float
    figure: Figure


def regional_means(
    campaigns: Sequence[Campaign], draws: Mapping[str, FloatArray], level: float = 0.95
) -> list[RegionalMean]:
    """Σ P_i x_i / Σ P_i per draw, per group and over all, with P_i the campaign's stated
    population: the draws propagate every campaign's uncertainty (and the shared terms stay
    shared, so they are not averaged away)."""
    chosen = [c for c in campaigns if c.key in draws]
    if not chosen:
        raise WbeError("stats.too_few", method="regional mean", minimum=1, count=0)
    groups = sorted({c.group for c in chosen})
    out = []
    for group in [*groups, ""] if len(groups) > 1 else groups:
        members = [c for c in chosen if group == "" or c.group == group]
        weights = np.array([c.population for c in members])
        matrix = np.vstack([np.asarray(draws[c.key]) for c in members])
        mean = (weights[:, np.newaxis] * matrix).sum(axis=0) / weights.sum()
        out.append(RegionalMean(group, len(members), float(weights.sum()), figure_of(mean, level)))
    return out


WET_MONTHS: Final = frozenset(range(5, 11))  # May to October


def season_of(day: dt.date) -> str:
    """The season of a campaign for same-season comparisons: "wet" (May to October, the
    south-west monsoon over mainland South-East Asia) or "dry" (November to April). Monsoon
    rain dilutes wastewater and combined sewers overflow, so loads of different seasons are
    compared only through the seasonal Kendall test (Hirsch et al. 1982), whose seasons may be
    any partition of the year. The month boundaries are a MekongX convention."""
    return "wet" if day.month in WET_MONTHS else "dry"
