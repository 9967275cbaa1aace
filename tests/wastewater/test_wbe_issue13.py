"""Issue 13 (wastewater): shared pharmacology in comparisons, one parameter set, sampling
modes and systematic terms, uncalibrated population markers, regional means, seasons, exact
Mann–Kendall, censored days in weekday profiles, stability notes and the new analytes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import numpy as np
import pytest

from mekongx.wastewater import (
    COMPOSITE_DAY,
    Campaign,
    ErrorModel,
    ParameterSet,
    Series,
    WbeError,
    builtin_parameter_set,
    calibrate_marker,
    compare_campaigns,
    hydrochemical_population,
    mann_kendall,
    one_parameter_set,
    regional_means,
    seasonal_kendall,
    simulate,
    summarise,
    weekday_profile,
    year_on_year,
)
from mekongx.wastewater.trends import kendall_s_distribution

N = 4000


def city(
    key: str,
    site: str,
    level: float = 250.0,
    modes: tuple[str, ...] | None = None,
    method: str = "census",
    group: str = "TH",
    population: float = 800_000.0,
) -> Campaign:
    series = Series.constant_population("METH", [level] * 7, [200_000.0] * 7, population)
    if modes is not None:
        series = replace(series, sampling_mode=modes)
    return Campaign(key, site, series, method, group)


def interval(values: np.ndarray) -> tuple[float, float, float]:
    iv = summarise(np.asarray(values)[np.newaxis, :])
    return float(iv.low[0]), float(iv.median[0]), float(iv.high[0])


# --- item 1: pharmacology shared within a comparison ------------------------------------------


def test_identical_cities_have_equal_consumption_and_load_ratio_intervals(
    params: ParameterSet,
) -> None:
    cities = [city("A-2024", "A"), city("B-2024", "B")]
    load = compare_campaigns(cities, params, N, seed=3)
    consumption = compare_campaigns(cities, params, N, seed=3, consumption=True)
    by_load = year_on_year(load["A-2024"], load["B-2024"])
    by_consumption = year_on_year(consumption["A-2024"], consumption["B-2024"])
    assert (by_consumption.ratio_low, by_consumption.ratio_high) == pytest.approx(
        (by_load.ratio_low, by_load.ratio_high), rel=1e-9
    )
    # the excretion draws were not drawn twice: the consumption/load factor is one per draw
    assert np.allclose(
        consumption["A-2024"] / load["A-2024"], consumption["B-2024"] / load["B-2024"]
    )


def test_independent_excretion_draws_would_widen_the_ratio(params: ParameterSet) -> None:
    """What the comparison used to do: each city with its own excretion draws."""
    rng = np.random.default_rng(3)
    a = simulate(city("A", "A").series, params, N, rng).campaign_mean()
    b = simulate(city("B", "B").series, params, N, rng).campaign_mean()
    old = year_on_year(a, b)
    load = compare_campaigns([city("A", "A"), city("B", "B")], params, N, seed=3)
    new = year_on_year(load["A"], load["B"])
    assert old.ratio_high / old.ratio_low > 1.3 * (new.ratio_high / new.ratio_low)


def test_population_error_splits_into_site_and_method_parts(params: ParameterSet) -> None:
    model = replace(ErrorModel.none(), population_rsd=0.0, population_method_rsd=0.3)
    same = compare_campaigns([city("A", "A"), city("B", "B")], params, N, model=model)
    assert np.allclose(same["A"], same["B"])  # one method, one draw: it cancels in the ratio
    other = compare_campaigns(
        [city("A", "A"), city("B", "B", method="mobile")], params, N, model=model
    )
    assert not np.allclose(other["A"], other["B"])  # different methods: independent
    site_only = replace(ErrorModel.none(), population_rsd=0.3)
    years = compare_campaigns([city("A-1", "A"), city("A-2", "A")], params, N, model=site_only)
    assert np.allclose(years["A-1"], years["A-2"])  # the same site in two years shares it
    ratio = np.log(
        compare_campaigns([city("A", "A"), city("B", "B")], params, N, model=site_only)["A"]
    )
    assert np.std(ratio) == pytest.approx(math.sqrt(math.log1p(0.09)), rel=0.05)


# --- item 2: one parameter set per comparison ------------------------------------------------


def test_a_comparison_refuses_mixed_parameter_sets() -> None:
    assert one_parameter_set(["mekongx-default@1.1.0"] * 3) == "mekongx-default@1.1.0"
    with pytest.raises(WbeError) as error:
        one_parameter_set(["mekongx-default@1.1.0", "mekongx-ketamine-pk@1.1.0"])
    assert error.value.code == "compare.mixed_sets"
    assert "ชุดพารามิเตอร์เดียว" in error.value.render("th")
    assert "同一参数集" in error.value.render("zh")


# --- item 3: sampling mode and systematic terms -------------------------------------------------


def test_sampling_uncertainty_follows_the_recorded_mode(params: ParameterSet) -> None:
    model = replace(ErrorModel.from_params(params).only("sampling"))
    widths = {}
    for mode in ("flow", "volume", "time", "grab"):
        series = replace(city("X", "X").series, sampling_mode=(mode,) * 7)
        draws = simulate(series, params, N, np.random.default_rng(1), model=model)
        low, _, high = interval(draws.normalised[0])
        widths[mode] = high / low
    assert widths["flow"] == pytest.approx(widths["volume"])
    assert widths["time"] > 2 * widths["flow"] and widths["grab"] > widths["time"]
    sources = {params.uncertainty.sampling_by_mode[m] for m in ("flow", "time", "grab")}
    assert sources == {0.05, 0.30, 1.00}


def test_systematic_flow_and_analysis_do_not_average_away(params: ParameterSet) -> None:
    base = ErrorModel.none()
    random_part = replace(base, flow_rsd=0.2, analysis_rsd=0.2)
    systematic = replace(base, flow_systematic_rsd=0.2, analysis_systematic_rsd=0.2)
    long = Series.constant_population("METH", [250.0] * 60, [2e5] * 60, 8e5)
    for model, shrinks in ((random_part, True), (systematic, False)):
        draws = simulate(long, params, N, np.random.default_rng(2), model=model)
        day = np.std(np.log(draws.normalised[0]))
        mean = np.std(np.log(draws.campaign_mean(consumption=False)))
        assert bool(mean < day / 5) is shrinks


# --- item 4: population markers ---------------------------------------------------------------


def test_european_markers_are_flagged_uncalibrated_for_the_region(params: ParameterSet) -> None:
    marker = params.markers["BOD5"]
    assert marker.design_region == "Europe" and marker.calibrated_for == ()
    estimate = hydrochemical_population("BOD5", 240.0, 200_000.0, params, country="TH")
    assert estimate.value == pytest.approx(800_000.0)
    assert [f.code for f in estimate.flags] == ["population.uncalibrated"]
    assert "TH" in estimate.flags[0].render("en") and "สอบเทียบ" in estimate.flags[0].render("th")
    calibration = calibrate_marker(
        "BOD5", [200.0, 210.0, 190.0], [200_000.0] * 3, [1_000_000.0] * 3, "census",
        "ONCB lab, Chiang Mai census 2024",
    )  # fmt: skip
    assert calibration.per_capita_g_d == pytest.approx(40.0)
    calibrated = hydrochemical_population(
        "BOD5", 240.0, 200_000.0, params, country="TH", calibration=calibration
    )
    assert calibrated.value == pytest.approx(1_200_000.0) and calibrated.flags == ()
    with pytest.raises(WbeError):
        calibrate_marker("BOD5", [1.0] * 3, [1.0] * 3, [1.0] * 3, "census", "  ")


# --- item 5: regional means, seasons, exact Mann–Kendall, weekday profiles ---------------------


def test_population_weighted_regional_means(params: ParameterSet) -> None:
    cities = [
        city("BKK", "BKK", level=300.0, population=2_000_000.0, group="TH"),
        city("CNX", "CNX", level=100.0, population=500_000.0, group="TH"),
        city("KMG", "KMG", level=200.0, group="CN", population=1_000_000.0),
    ]
    none = ErrorModel.none()
    draws = compare_campaigns(cities, params, 50, model=none)
    means = {r.group: r for r in regional_means(cities, draws)}
    thai = (2e6 * draws["BKK"][0] + 5e5 * draws["CNX"][0]) / 2.5e6
    assert means["TH"].figure.median == pytest.approx(thai)
    assert means["TH"].population == 2.5e6 and means["TH"].campaigns == 2
    assert set(means) == {"TH", "CN", ""}
    full = regional_means(cities, compare_campaigns(cities, params, N))
    overall = next(r for r in full if r.group == "")
    assert overall.figure.low < overall.figure.median < overall.figure.high


def test_exact_mann_kendall_for_small_series() -> None:
    # Gilbert (1987) Table A18: n = 4, S = 6 has one-sided probability 0.042; n = 5, S = 10, 0.0083
    assert mann_kendall([1, 2, 3, 4]).p_value == pytest.approx(2 / 24)
    assert mann_kendall([1, 2, 3, 4, 5]).p_value == pytest.approx(2 / 120)
    distribution = kendall_s_distribution(4)
    assert sum(distribution.values()) == 24 and distribution[6] == 1 and distribution[4] == 3
    tied = kendall_s_distribution(4, [2])  # orderings of {a, a, b, c}: 4!/2! = 12
    assert sum(tied.values()) == 12
    mk = mann_kendall([1.0, 2.0, 2.0, 3.0, 5.0, 4.0])
    assert mk.method == "exact" and 0.0 < mk.p_value <= 1.0


def test_seasonal_kendall_compares_only_the_same_season() -> None:
    # dry-season campaigns rise every year, wet-season ones fall: no overall monotonic trend
    values = [10, 50, 11, 40, 12, 30, 13, 20]
    seasons = ["dry", "wet"] * 4
    sk = seasonal_kendall(values, seasons)
    assert sk.s == 6 - 6 and sk.seasons == 2 and sk.trend == "no trend"
    rising = seasonal_kendall([10, 50, 11, 60, 12, 70, 13, 80], seasons)
    assert rising.s == 12 and rising.var_s == pytest.approx(2 * 4 * 3 * 13 / 18)


def test_weekday_profile_keeps_days_below_the_limit() -> None:
    start = dt.date(2025, 3, 3)  # a Monday
    dates = [start + dt.timedelta(days=i) for i in range(14)]
    values = [5.0 if d.isoweekday() == 2 else 100.0 for d in dates]
    censored = [d.isoweekday() == 2 for d in dates]  # every Tuesday is "< 5"
    profile = weekday_profile(dates, values, censored=censored)
    assert set(profile.means_high) == set(range(1, 8))  # Tuesday is not dropped
    assert profile.censored[2] == 2 and profile.n_censored == 2
    assert (profile.means_low[2], profile.means_high[2]) == (0.0, 5.0)
    assert profile.ratio_low < profile.ratio_high
    assert profile.p_value is not None
    assert COMPOSITE_DAY == "start" and profile.day_convention == "start"


# --- item 6: stability and analytes ---------------------------------------------------------


def test_stability_notes_and_new_analytes(params: ParameterSet) -> None:
    for code in ("COC", "6-MAM", "THC-COOH", "MEPH"):
        notes = params.analyte(code).stability
        assert notes and all(n.source in params.sources for n in notes)
    assert params.analyte("6-MAM").sewer_loss == 0.20
    assert {n.where for n in params.analyte("THC-COOH").stability} == {"sorption"}
    assert {n.where for n in params.analyte("MEPH").stability} == {"sewer", "sample"}
    mitragynine = params.analyte("MITRAGYNINE")
    assert not mitragynine.reports_consumption and mitragynine.excretion is not None
    assert mitragynine.excretion.mean == 0.0014 and "No WBE-validated" in mitragynine.excretion_note
    for code in ("MDA", "NIMETAZEPAM"):
        assert params.analyte(code).report == "load" and params.analyte(code).excretion_note
    assert params.analyte("TRAMADOL").reports_consumption


def test_revised_methamphetamine_excretion_beside_the_current_value(params: ParameterSet) -> None:
    revised = builtin_parameter_set("mekongx-meth-gracialor2016")
    current = params.analyte("METH").excretion
    other = revised.analyte("METH").excretion
    assert current is not None and other is not None
    assert (current.mean, current.source) == (0.43, "kim2015")
    assert (other.mean, other.source) == (0.39, "gracialor2016")
    assert "analytes.METH.excretion" in revised.unverified
    assert revised.analyte("AMP") == params.analyte("AMP")
