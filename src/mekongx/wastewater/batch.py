"""A table of sample results in, one estimate with an interval per row out.

This is the whole pipeline for a batch (the CLI is a thin wrapper around it):

1. dumping flags per site-day from parent/metabolite ratios;
2. AMP corrected for METH metabolism where both were measured on the same site-day;
3. the deterministic chain per row, censoring kept;
4. Monte Carlo per site × analyte series, with population drawn once per site (shared by all
   analytes and days of that site) and excretion once per series; per-row median and interval.

Rows come back in input order. The AMP correction is applied to the deterministic load; its
Monte Carlo uses that corrected load (the METH error is not propagated into AMP — a
simplification stated here so that it can be revisited).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from mekongx.wastewater.backcalc import Estimate, Sample, estimate_from_load, load_mg_d, per_1000
from mekongx.wastewater.censored import Quantity
from mekongx.wastewater.corrections import amp_from_meth, dumping_flags
from mekongx.wastewater.errors import Flag
from mekongx.wastewater.montecarlo import (
    ErrorModel,
    Series,
    draw_shared,
    log_sigma,
    simulate,
    summarise,
)
from mekongx.wastewater.params import ParameterSet


@dataclass(frozen=True)
class RowResult:
    """Deterministic estimate plus Monte Carlo median and interval of consumption (if any)."""

    estimate: Estimate
    consumption_median: float | None = None
    consumption_low: float | None = None
    consumption_high: float | None = None


def _deterministic(samples: Sequence[Sample], params: ParameterSet) -> list[Estimate]:
    by_day: dict[tuple[str, object], dict[str, Quantity]] = defaultdict(dict)
    meth_load: dict[tuple[str, object], Quantity] = {}
    for s in samples:
        by_day[(s.site, s.date)][s.analyte] = s.concentration_ng_l
        if s.analyte == "METH":
            meth_load[(s.site, s.date)] = load_mg_d(s.concentration_ng_l, s.flow_m3_d)
    day_flags = {key: dumping_flags(conc, params) for key, conc in by_day.items()}

    estimates = []
    for s in samples:
        analyte = params.analyte(s.analyte)
        load = load_mg_d(s.concentration_ng_l, s.flow_m3_d)
        flags: tuple[Flag, ...] = tuple(
            f for f in day_flags[(s.site, s.date)] if f.fields.get("parent") == s.analyte
        )
        meth = meth_load.get((s.site, s.date))
        if s.analyte == "AMP" and meth is not None:
            load, amp_flags = amp_from_meth(load, meth, params.amp_from_meth_ratio)
            flags += amp_flags
        normalised = per_1000(load, s.population)
        estimates.append(estimate_from_load(s, normalised, load, analyte, params, flags))
    return estimates


def estimate_batch(
    samples: Sequence[Sample],
    params: ParameterSet,
    n_draws: int = 2000,
    seed: int = 0,
    model: ErrorModel | None = None,
    level: float = 0.95,
) -> list[RowResult]:
    """Back-calculate every row; with ``n_draws > 0`` add Monte Carlo intervals."""
    estimates = _deterministic(samples, params)
    if n_draws <= 0:
        return [RowResult(e) for e in estimates]
    model = model or ErrorModel.from_params(params)
    rng = np.random.default_rng(seed)

    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(estimates):
        groups[(e.sample.site, e.sample.analyte)].append(i)
    site_population: dict[str, np.ndarray] = {}
    results = [RowResult(e) for e in estimates]
    for (site, code), rows in groups.items():
        analyte = params.analyte(code)
        if not analyte.reports_consumption:
            continue
        if site not in site_population:  # site part and method part, shared by its analytes
            z = rng.standard_normal(n_draws)
            site_population[site] = np.exp(log_sigma(model.population_rsd) * z) * np.exp(
                log_sigma(model.population_method_rsd) * rng.standard_normal(n_draws)
            )
        shared = replace(
            draw_shared(analyte, model, n_draws, rng), population_factor=site_population[site]
        )
        chosen = [estimates[i] for i in rows]
        # concentration equivalent of the (possibly corrected) load, so AMP keeps its correction
        conc = np.array(
            [
                e.load_mg_d.value * 1e3 / e.sample.flow_m3_d if e.sample.flow_m3_d > 0 else 0.0
                for e in chosen
            ]
        )
        series = Series(
            code,
            conc,
            np.array([e.load_mg_d.censored for e in chosen]),
            np.array([e.sample.flow_m3_d for e in chosen]),
            np.array([e.sample.population for e in chosen]),
            tuple(e.sample.sampling_mode for e in chosen)
            if all(e.sample.sampling_mode for e in chosen)
            else None,
        )
        draws = simulate(series, params, n_draws, rng, model=model, shared=shared)
        iv = summarise(draws.consumption(), level)
        for k, i in enumerate(rows):
            results[i] = RowResult(
                estimates[i], float(iv.median[k]), float(iv.low[k]), float(iv.high[k])
            )
    return results
