"""Trend tests on known series; rankings, probabilities and weekday profiles."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from scipy import stats

from mekongx.wastewater import (
    WbeError,
    mann_kendall,
    probability_greater,
    rank_sites,
    theil_sen,
    weekday_profile,
    weekend_ratio_draws,
    year_on_year,
)


def test_mann_kendall_strictly_increasing() -> None:
    """n = 10 increasing: S = 45, Var(S) = 10·9·25/18 = 125, Z = 44/√125 = 3.9355; the
    p-value is exact for n <= 10: only 1 of 10! orderings has S = 45, two-sided 2/10!."""
    mk = mann_kendall(list(range(10)))
    assert mk.s == 45
    assert mk.var_s == pytest.approx(125.0)
    assert mk.z == pytest.approx(44 / math.sqrt(125))
    assert mk.p_value == pytest.approx(2 / math.factorial(10))
    assert mk.method == "exact"
    assert mk.tau == 1.0 and mk.trend == "increasing"
    eleven = mann_kendall(list(range(11)))
    assert eleven.method == "normal"
    assert eleven.p_value == pytest.approx(2 * stats.norm.sf(eleven.z))


def test_mann_kendall_decreasing_and_flat() -> None:
    assert mann_kendall([5, 4, 3, 2, 1, 0]).trend == "decreasing"
    flat = mann_kendall([3, 1, 3, 1, 3, 1])
    assert flat.trend == "no trend"


def test_mann_kendall_tie_correction() -> None:
    """[1, 2, 2, 3]: S = 5; Var = (4·3·13 − 2·1·9)/18 = 138/18."""
    mk = mann_kendall([1, 2, 2, 3])
    assert mk.s == 5
    assert mk.var_s == pytest.approx(138 / 18)


def test_mann_kendall_agrees_with_kendall_tau_b_direction() -> None:
    rng = np.random.default_rng(2)
    y = np.arange(30) * 0.3 + rng.normal(size=30)
    mk = mann_kendall(y.tolist())
    tau, _ = stats.kendalltau(np.arange(30), y)
    assert mk.tau == pytest.approx(tau)  # no ties: tau-a equals tau-b


def test_theil_sen_exact_line_and_robustness() -> None:
    years = [2015, 2016, 2017, 2018, 2019, 2020, 2021]
    values = [2.0 * (y - 2015) + 1.0 for y in years]
    fit = theil_sen(years, values)
    assert fit.slope == pytest.approx(2.0)
    values[3] = 100.0  # one outlier does not move the median slope
    assert theil_sen(years, values).slope == pytest.approx(2.0)


def test_too_short_series() -> None:
    with pytest.raises(WbeError):
        mann_kendall([1.0, 2.0])
    with pytest.raises(WbeError):
        theil_sen([1.0], [1.0])


def test_probability_greater_and_ranking() -> None:
    rng = np.random.default_rng(4)
    draws = {
        "Bangkok": rng.lognormal(np.log(150), 0.1, 5000),
        "Kunming": rng.lognormal(np.log(100), 0.1, 5000),
        "Vientiane": rng.lognormal(np.log(95), 0.1, 5000),
    }
    assert probability_greater(draws["Bangkok"], draws["Kunming"]) > 0.9
    p = probability_greater(draws["Kunming"], draws["Vientiane"])
    assert 0.5 < p < 0.8  # close call
    ranking = rank_sites(draws)
    assert [r.site for r in ranking] == ["Bangkok", "Kunming", "Vientiane"]
    assert ranking[0].rank == 1 and ranking[0].rank_low == 1
    assert ranking[1].rank_low == 2 and ranking[1].rank_high == 3  # overlaps with Vientiane
    assert ranking[0].low < ranking[0].median < ranking[0].high


def test_year_on_year_probability() -> None:
    rng = np.random.default_rng(5)
    before = rng.lognormal(np.log(100), 0.1, 20_000)
    after = rng.lognormal(np.log(130), 0.1, 20_000)
    change = year_on_year(before, after, threshold=0.1)
    assert change.ratio_median == pytest.approx(1.3, rel=0.02)
    # ln(1.1/1.3)/(0.1·√2) = -1.18: P(ratio > 1.1) = 0.88
    assert change.probability_increase == pytest.approx(0.88, abs=0.02)
    assert change.probability_decrease < 0.01
    assert year_on_year(before, after).probability_increase == pytest.approx(0.968, abs=0.01)


def test_weekday_profile() -> None:
    start = dt.date(2024, 3, 4)  # a Monday
    dates = [start + dt.timedelta(days=i) for i in range(28)]
    values = [200.0 if d.isoweekday() >= 6 else 100.0 + (i % 3) for i, d in enumerate(dates)]
    profile = weekday_profile(dates, values)
    assert profile.weekend_mean_low == profile.weekend_mean_high == 200.0
    ratio = 200.0 / np.mean([v for v in values if v < 200])
    assert profile.ratio_low == profile.ratio_high == pytest.approx(ratio)
    assert profile.p_value is not None and profile.p_value < 0.001
    assert set(profile.means) == set(range(1, 8)) and profile.n_censored == 0
    draws = np.outer(values, np.ones(100))
    assert np.allclose(weekend_ratio_draws(dates, draws), profile.ratio_high)
