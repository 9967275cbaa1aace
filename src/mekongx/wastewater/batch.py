"""A table of sample results in, one estimate with an interval per row out.

This is the whole pipeline for a batch (the CLI is a thin wrapper around it):

1. dumping flags per site-day from parent/metabolite ratios;
2. AMP corrected for METH metabolism where both were measured on the same site-day;
3. the deterministic chain per row, censoring kept;
4. Monte Carlo per site × analyte series, with population drawn once per site (shared by all
   analytes and days of that site) and excretion once per series; per-row median and interval.
   A long series is simulated in chunks of :data:`MC_ROWS` rows with the same shared draws (the
   per-day terms are independent, so chunking changes nothing but the memory it takes).

Rows come back in input order. The AMP correction is applied to the deterministic load; its
Monte Carlo uses that corrected load (the METH error is not propagated into AMP — a
simplification stated here so that it can be revisited).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Final

import numpy as np

from mekongx.wastewater.backcalc import Estimate, Sample, estimate_from_load, load_mg_d, per_1000
from mekongx.wastewater.censored import Quantity
from mekongx.wastewater.corrections import amp_from_meth, dumping_flags
from mekongx.wastewater.errors import Flag
from mekongx.wastewater.montecarlo import (
    ErrorModel,
    FloatArray,
    Series,
    draw_shared,
    log_sigma,
    simulate,
    summarise,
)
from mekongx.wastewater.params import ParameterSet


@dataclass(frozen=True, slots=True)
class RowResult:
    """Deterministic estimate plus Monte Carlo median and interval of consumption (if any)."""

    estimate: Estimate
    consumption_median: float | None = None
    consumption_low: float | None = None
    consumption_high: float | None = None


MC_ROWS: Final = 256
"""Rows of one series simulated at once: the Monte Carlo working set is a few arrays of
``MC_ROWS × draws`` floats (4 MB each at 2,000 draws), whatever the length of the series. A series
of up to ``MC_ROWS`` rows gets exactly the draws it got before chunking (same seed, same output)."""


class _Days:
    """What one row's deterministic chain needs from the other rows of its site-day: dumping
    flags from parent/metabolite ratios and the METH load for the AMP correction."""

    def __init__(self, samples: Iterable[Sample], params: ParameterSet) -> None:
        by_day: dict[tuple[str, object], dict[str, Quantity]] = defaultdict(dict)
        self.meth_load: dict[tuple[str, object], Quantity] = {}
        for s in samples:
            by_day[(s.site, s.date)][s.analyte] = s.concentration_ng_l
            if s.analyte == "METH":
                self.meth_load[(s.site, s.date)] = load_mg_d(s.concentration_ng_l, s.flow_m3_d)
        self.flags = {key: dumping_flags(conc, params) for key, conc in by_day.items()}
        self.params = params

    def estimate(self, s: Sample) -> Estimate:
        params = self.params
        analyte = params.analyte(s.analyte)
        load = load_mg_d(s.concentration_ng_l, s.flow_m3_d)
        flags: tuple[Flag, ...] = tuple(
            f for f in self.flags[(s.site, s.date)] if f.fields.get("parent") == s.analyte
        )
        meth = self.meth_load.get((s.site, s.date))
        if s.analyte == "AMP" and meth is not None:
            load, amp_flags = amp_from_meth(load, meth, params.amp_from_meth_ratio)
            flags += amp_flags
        normalised = per_1000(load, s.population)
        return estimate_from_load(s, normalised, load, analyte, params, flags)


def estimate_batch(
    samples: Sequence[Sample],
    params: ParameterSet,
    n_draws: int = 2000,
    seed: int = 0,
    model: ErrorModel | None = None,
    level: float = 0.95,
) -> list[RowResult]:
    """Back-calculate every row; with ``n_draws > 0`` add Monte Carlo intervals."""
    return list(iter_results(samples, params, n_draws, seed, model, level))


def iter_results(
    samples: Sequence[Sample],
    params: ParameterSet,
    n_draws: int = 2000,
    seed: int = 0,
    model: ErrorModel | None = None,
    level: float = 0.95,
) -> Iterator[RowResult]:
    """The rows of :func:`estimate_batch`, one at a time in input order, holding no estimate
    beyond the one given out: the intervals are computed first (three floats a row, the Monte
    Carlo in chunks of :data:`MC_ROWS` rows), then each row's estimate is made as it is taken."""
    days = _Days(samples, params)
    if n_draws <= 0:
        for s in samples:
            yield RowResult(days.estimate(s))
        return
    intervals = _intervals(samples, days, params, n_draws, seed, model, level)
    for i, s in enumerate(samples):
        median, low, high = intervals[i]
        if np.isnan(median):
            yield RowResult(days.estimate(s))
        else:
            yield RowResult(days.estimate(s), float(median), float(low), float(high))


def _intervals(
    samples: Sequence[Sample],
    days: _Days,
    params: ParameterSet,
    n_draws: int,
    seed: int,
    model: ErrorModel | None,
    level: float,
) -> FloatArray:
    """(rows, 3) median, low and high consumption per row; NaN where none is reported."""
    model = model or ErrorModel.from_params(params)
    rng = np.random.default_rng(seed)
    n = len(samples)
    conc = np.zeros(n)  # concentration equivalent of the (possibly corrected) load
    censored = np.zeros(n, dtype=bool)
    groups: dict[tuple[str, str], array[int]] = {}
    for i, s in enumerate(samples):
        load = days.estimate(s).load_mg_d
        conc[i] = load.value * 1e3 / s.flow_m3_d if s.flow_m3_d > 0 else 0.0
        censored[i] = load.censored
        groups.setdefault((s.site, s.analyte), array("q")).append(i)
    out = np.full((n, 3), np.nan)
    site_population: dict[str, FloatArray] = {}
    for (site, code), members in groups.items():
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
        rows = np.frombuffer(members, dtype=np.int64)
        modes = all(samples[i].sampling_mode for i in members)  # recorded on every day or unused
        for start in range(0, rows.size, MC_ROWS):
            part = rows[start : start + MC_ROWS]
            series = Series(
                code,
                conc[part],
                censored[part],
                np.array([samples[i].flow_m3_d for i in part]),
                np.array([samples[i].population for i in part]),
                tuple(samples[i].sampling_mode for i in part) if modes else None,
            )
            draws = simulate(series, params, n_draws, rng, model=model, shared=shared)
            iv = summarise(draws.consumption(), level, overwrite=True)
            out[part, 0], out[part, 1], out[part, 2] = iv.median, iv.low, iv.high
    return out
