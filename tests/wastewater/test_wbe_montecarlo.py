"""Monte Carlo properties: exactness at zero spread, analytic quantiles, shared terms."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from scipy import stats

from mekongx.wastewater import (
    ErrorModel,
    ParameterSet,
    Series,
    WbeError,
    draw_shared,
    simulate,
    summarise,
    year_on_year,
)

DET = 62.5 / 0.43  # 145.349 mg/day/1000, the METH worked case


def meth_series(days: int = 7) -> Series:
    return Series.constant_population("METH", [250.0] * days, [200_000.0] * days, 800_000.0)


def width(values: np.ndarray) -> float:
    iv = summarise(values[np.newaxis, :])
    return float(iv.high[0] - iv.low[0])


def test_zero_spread_gives_the_deterministic_value(params: ParameterSet) -> None:
    draws = simulate(meth_series(), params, 500, np.random.default_rng(1), ErrorModel.none())
    assert np.allclose(draws.consumption(), DET, rtol=1e-12)
    assert np.allclose(draws.normalised, 62.5, rtol=1e-12)
    assert np.allclose(draws.campaign_mean(), DET, rtol=1e-12)


@pytest.mark.parametrize("term", ["analysis", "sampling", "flow", "population"])
def test_single_lognormal_term_matches_its_analytic_quantiles(
    params: ParameterSet, term: str
) -> None:
    rsd = 0.25
    model = replace(ErrorModel.none(), **{f"{term}_rsd": rsd})
    draws = simulate(meth_series(1), params, 200_000, np.random.default_rng(7), model)
    iv = summarise(draws.consumption())
    sigma = math.sqrt(math.log1p(rsd**2))
    z = stats.norm.ppf(0.975)
    assert iv.median[0] == pytest.approx(DET, rel=0.01)
    assert iv.low[0] == pytest.approx(DET * math.exp(-z * sigma), rel=0.01)
    assert iv.high[0] == pytest.approx(DET * math.exp(z * sigma), rel=0.01)


def test_excretion_term_follows_its_truncated_normal(params: ParameterSet) -> None:
    model = replace(ErrorModel.none(), excretion=True)
    draws = simulate(meth_series(1), params, 100_000, np.random.default_rng(3), model)
    exc = params.analyte("METH").excretion
    assert exc is not None
    fractions = 1.0 / draws.factor if draws.factor is not None else None
    assert fractions is not None
    assert fractions.min() >= exc.low and fractions.max() <= exc.high
    assert float(np.median(fractions)) == pytest.approx(exc.mean, rel=0.01)


def test_shared_terms_do_not_average_away(params: ParameterSet) -> None:
    shared_only = replace(ErrorModel.none(), population_rsd=0.2, excretion=True)
    per_day_only = replace(ErrorModel.none(), analysis_rsd=0.2)
    rng = np.random.default_rng
    w_shared = [
        width(simulate(meth_series(d), params, 20_000, rng(5), shared_only).campaign_mean())
        for d in (7, 56)
    ]
    w_daily = [
        width(simulate(meth_series(d), params, 20_000, rng(5), per_day_only).campaign_mean())
        for d in (7, 56)
    ]
    assert w_shared[1] == pytest.approx(w_shared[0], rel=0.05)  # no shrinking with 8x days
    assert w_daily[0] / w_daily[1] == pytest.approx(math.sqrt(8), rel=0.1)  # ~1/sqrt(days)


def test_seeded_runs_repeat(params: ParameterSet) -> None:
    a = simulate(meth_series(), params, 1000, np.random.default_rng(42))
    b = simulate(meth_series(), params, 1000, np.random.default_rng(42))
    c = simulate(meth_series(), params, 1000, np.random.default_rng(43))
    assert np.array_equal(a.consumption(), b.consumption())
    assert not np.array_equal(a.consumption(), c.consumption())


def test_censored_days_are_drawn_within_zero_and_the_limit(params: ParameterSet) -> None:
    series = Series.constant_population(
        "METH", [10.0, 250.0], [200_000.0] * 2, 800_000.0, censored=[True, False]
    )
    model = replace(ErrorModel.none(), censoring=True)
    draws = simulate(series, params, 50_000, np.random.default_rng(9), model)
    censored_day = draws.normalised[0]
    limit = 10.0 * 200_000 / 800_000
    assert censored_day.min() >= 0.0 and censored_day.max() <= limit
    assert float(censored_day.mean()) == pytest.approx(limit / 2, rel=0.02)
    assert np.allclose(draws.normalised[1], 62.5)


def test_float32_runs_agree_with_float64(params: ParameterSet) -> None:
    s = meth_series(30)
    a = summarise(simulate(s, params, 20_000, np.random.default_rng(1)).consumption())
    b = summarise(
        simulate(s, params, 20_000, np.random.default_rng(1), dtype=np.float32).consumption()
    )
    assert float(np.median(b.median)) == pytest.approx(float(np.median(a.median)), rel=0.02)


def test_summarise_matches_numpy_quantile() -> None:
    x = np.random.default_rng(0).lognormal(size=(4, 1001))
    iv = summarise(x, level=0.9)
    expected = np.quantile(x, [0.05, 0.5, 0.95], axis=1)
    assert np.allclose([iv.low, iv.median, iv.high], expected)


def test_reusing_shared_draws_cancels_excretion_in_a_year_on_year_ratio(
    params: ParameterSet,
) -> None:
    model = replace(ErrorModel.none(), analysis_rsd=0.1, excretion=True)
    rng = np.random.default_rng(11)
    shared = draw_shared(params.analyte("METH"), model, 20_000, rng)
    y1 = simulate(meth_series(), params, 20_000, rng, model, shared=shared).campaign_mean()
    y2 = simulate(meth_series(), params, 20_000, rng, model, shared=shared).campaign_mean()
    independent = simulate(meth_series(), params, 20_000, rng, model).campaign_mean()
    same = year_on_year(y1, y2)
    naive = year_on_year(y1, independent)
    assert same.ratio_high - same.ratio_low < 0.5 * (naive.ratio_high - naive.ratio_low)
    assert 0.3 < same.probability_increase < 0.7  # no real change


def test_bad_inputs(params: ParameterSet) -> None:
    with pytest.raises(WbeError) as info:
        simulate(meth_series(), params, 5, np.random.default_rng(0))
    assert info.value.code == "mc.bad_draws"
    bad = replace(meth_series(3), flow_m3_d=np.array([1.0, 2.0]))
    with pytest.raises(WbeError) as info:
        simulate(bad, params, 100, np.random.default_rng(0))
    assert info.value.code == "mc.shape_mismatch"
    shared = draw_shared(params.analyte("METH"), ErrorModel.none(), 50, np.random.default_rng(0))
    with pytest.raises(WbeError, match="shared draws has 50 values; 100 were expected"):
        simulate(meth_series(), params, 100, np.random.default_rng(0), shared=shared)
    with pytest.raises(WbeError):
        simulate(replace(meth_series(1), population=np.array([0.0])), params, 100,
                 np.random.default_rng(0))  # fmt: skip
