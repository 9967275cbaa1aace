"""Benchmark: Monte Carlo back-calculation for a year of daily samples.

Workload (defaults): 50 sites × 8 analytes × 365 daily samples, 10,000 draws per sample-day
(1.46 × 10⁹ sample-draws). Each site × analyte series is simulated with
``mekongx.wastewater.simulate`` (per-day errors, censored days drawn in (0, LOQ), population
and excretion drawn once per campaign), then every day's median and 95% interval and the annual
mean's interval are computed. Synthetic data only.

Baseline measured in the same run: numpy's raw rate for the same number of standard normals in
the same chunk shape, dtype and thread count — the ceiling for any Monte Carlo that draws one
random number per sample-draw. The report gives both rates and their ratio.

Second part, comparisons (issue 13): the latest one-week METH campaign of every site, ranked and
aggregated into population-weighted means of five countries with
``mekongx.wastewater.compare_campaigns`` (keyed draws: pharmacology shared by all cities,
population split into site and method parts, systematic flow and analysis per campaign), timed;
and the accuracy figure the change is about: the 95% interval of the consumption ratio of two
IDENTICAL cities, with excretion drawn independently per city (the old comparison) and shared
(now), against the load-ratio interval, which it must equal.

    .venv/bin/python benchmarks/wbe.py [--sites 50] [--days 365] [--draws 10000] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from mekongx.wastewater import (
    Campaign,
    Series,
    compare_campaigns,
    default_parameter_set,
    rank_sites,
    regional_means,
    simulate,
    summarise,
    year_on_year,
)

ANALYTES = ["METH", "AMP", "MDMA", "BE", "KET", "THC-COOH", "MOR", "CODEINE"]
TYPICAL_NG_L = {
    "METH": 300.0, "AMP": 30.0, "MDMA": 8.0, "BE": 60.0, "KET": 40.0, "THC-COOH": 80.0,
    "MOR": 50.0, "CODEINE": 120.0,
}  # fmt: skip
LOQ_NG_L = 5.0


def make_series(sites: int, days: int, seed: int) -> list[Series]:
    """Synthetic campaigns: lognormal daily concentrations, weekend bump, values < LOQ censored."""
    rng = np.random.default_rng(seed)
    weekend = (np.arange(days) % 7 >= 5) * 0.2
    out = []
    for _ in range(sites):
        population = float(rng.uniform(5e4, 3e6))
        flow = population * rng.uniform(0.15, 0.35) * rng.lognormal(0.0, 0.1, days)
        level = rng.lognormal(0.0, 0.7)
        for code in ANALYTES:
            conc = TYPICAL_NG_L[code] * level * rng.lognormal(weekend, 0.3)
            censored = conc < LOQ_NG_L
            conc = np.where(censored, LOQ_NG_L, conc)
            out.append(Series(code, conc, censored, flow, np.full(days, population)))
    return out


def run_parallel(jobs: list[Callable[[], Any]], workers: int) -> list[Any]:
    if workers <= 1:
        return [job() for job in jobs]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda job: job(), jobs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    dtype = np.float32 if args.dtype == "float32" else np.float64

    params = default_parameter_set()
    series = make_series(args.sites, args.days, args.seed)
    seeds = np.random.SeedSequence(args.seed).spawn(len(series))
    total = len(series) * args.days * args.draws

    # baseline: raw standard normals, same count, chunk shape, dtype and threads
    def raw(seed: np.random.SeedSequence) -> Callable[[], float]:
        def job() -> float:
            x = np.random.default_rng(seed).standard_normal((args.days, args.draws), dtype=dtype)
            return float(x[0, 0])

        return job

    def time_raw() -> float:
        t0 = time.perf_counter()
        run_parallel([raw(s) for s in seeds], args.workers)
        return time.perf_counter() - t0

    t_raw_before = time_raw()

    def work(s: Series, seed: np.random.SeedSequence) -> Callable[[], tuple[float, float]]:
        def job() -> tuple[float, float]:
            draws = simulate(s, params, args.draws, np.random.default_rng(seed), dtype=dtype)
            annual = summarise(draws.campaign_mean()[np.newaxis, :])
            consumption = draws.normalised  # scaled in place: the loads are not needed again
            if draws.factor is not None:
                consumption *= draws.factor[np.newaxis, :]
            daily = summarise(consumption, overwrite=True)  # per-day median and 95% interval
            return float(np.median(daily.median)), float(annual.high[0] - annual.low[0])

        return job

    t0 = time.perf_counter()
    results = run_parallel(
        [work(s, seed) for s, seed in zip(series, seeds, strict=True)], args.workers
    )
    t_mc = time.perf_counter() - t0
    # the machine is shared: time the ceiling before and after, and use the mean
    t_raw_after = time_raw()
    t_raw = (t_raw_before + t_raw_after) / 2

    censored = float(np.mean([s.censored.mean() for s in series]))
    rate, ceiling = total / t_mc, total / t_raw
    print(
        f"workload: {args.sites} sites x {len(ANALYTES)} analytes x {args.days} days x "
        f"{args.draws} draws = {total:.3g} sample-draws ({args.dtype}, {args.workers} threads)"
    )
    print(f"censored sample-days: {censored:.1%}; series: {len(results)}")
    print(f"Monte Carlo + daily and annual intervals: {t_mc:.2f} s, {rate / 1e6:.1f} M draws/s")
    print(
        f"numpy raw standard_normal (ceiling):      {t_raw:.2f} s, {ceiling / 1e6:.1f} M draws/s"
        f" (before {t_raw_before:.2f} s, after {t_raw_after:.2f} s)"
    )
    print(f"ratio to ceiling: {rate / ceiling:.2f}")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    comparisons(args.sites, args.draws, args.seed)


def comparisons(sites: int, n_draws: int, seed: int) -> None:
    """Ranking and regional means of one-week campaigns; identical-city ratio intervals."""
    params = default_parameter_set()
    rng = np.random.default_rng(seed)
    countries = ["TH", "CN", "LA", "MM", "KH"]
    campaigns = []
    for i in range(sites):
        population = float(rng.uniform(5e4, 3e6))
        flow = population * rng.uniform(0.15, 0.35) * rng.lognormal(0.0, 0.1, 7)
        conc = 300.0 * rng.lognormal(0.0, 0.7) * rng.lognormal(0.0, 0.3, 7)
        series = Series("METH", conc, np.zeros(7, bool), flow, np.full(7, population))
        method = "census" if i % 3 else "BOD5"
        campaigns.append(Campaign(f"c{i}", f"s{i}", series, method, countries[i % 5]))
    t0 = time.perf_counter()
    draws = compare_campaigns(campaigns, params, n_draws, seed, consumption=True)
    ranked = rank_sites(draws)
    regions = regional_means(campaigns, draws)
    t_cmp = time.perf_counter() - t0
    print(
        f"comparison: {sites} one-week METH campaigns x {n_draws} draws, ranking + "
        f"{len(regions)} population-weighted means: {t_cmp:.2f} s "
        f"(rank interval of the top city {ranked[0].rank_low}-{ranked[0].rank_high})"
    )
    twin = [Campaign("A", "A", campaigns[0].series), Campaign("B", "B", campaigns[0].series)]
    load = compare_campaigns(twin, params, n_draws, seed)
    shared = compare_campaigns(twin, params, n_draws, seed, consumption=True)
    old_rng = np.random.default_rng(seed)
    old = [simulate(c.series, params, n_draws, old_rng).campaign_mean() for c in twin]
    for name, pair in (
        ("load ratio", (load["A"], load["B"])),
        ("consumption ratio, excretion shared (now)", (shared["A"], shared["B"])),
        ("consumption ratio, excretion per city (before)", (old[0], old[1])),
    ):
        change = year_on_year(pair[1], pair[0])
        print(
            f"identical cities, {name}: 95% interval {change.ratio_low:.3f}-{change.ratio_high:.3f}"
        )


if __name__ == "__main__":
    main()
