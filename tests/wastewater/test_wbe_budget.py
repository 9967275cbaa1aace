"""Uncertainty budget: shares, dominant term, labels in three languages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mekongx.wastewater import ErrorModel, ParameterSet, Series, uncertainty_budget


def series(days: int, censored: bool = False) -> Series:
    flags = [censored and d % 2 == 0 for d in range(days)]
    return Series.constant_population(
        "METH", [250.0] * days, [200_000.0] * days, 800_000.0, censored=flags
    )


def test_shares_sum_to_one_and_match_the_total(params: ParameterSet) -> None:
    budget = uncertainty_budget(series(7), params, n_draws=4000)
    assert sum(budget.shares.values()) == pytest.approx(1.0)
    assert set(budget.shares) == {
        "analysis", "sampling", "flow", "population", "excretion", "stability",
        "analysis_systematic", "flow_systematic", "population_method",
    }  # fmt: skip
    # independent multiplicative terms: log-variances add up (up to the averaging over days)
    assert budget.total_variance == pytest.approx(sum(budget.variances.values()), rel=0.15)
    assert budget.parameter_set == "mekongx-default@1.1.0"


def test_population_dominates_when_it_is_the_widest_term(params: ParameterSet) -> None:
    model = replace(ErrorModel.from_params(params), population_rsd=0.55)
    budget = uncertainty_budget(series(7), params, model=model)
    assert budget.dominant == "population"
    assert budget.describe("en").startswith("The largest source of uncertainty is population size")
    assert "ขนาดประชากร" in budget.describe("th")
    assert "人口规模" in budget.describe("zh")


def test_per_day_terms_lose_share_as_days_increase(params: ParameterSet) -> None:
    short = uncertainty_budget(series(3), params)
    long = uncertainty_budget(series(60), params)
    assert long.shares["analysis"] < short.shares["analysis"] / 5
    assert long.shares["population"] > short.shares["population"]


def test_censoring_has_a_share_when_values_are_censored(params: ParameterSet) -> None:
    budget = uncertainty_budget(series(7, censored=True), params)
    assert budget.shares["censoring"] > 0.0
    assert budget.label("censoring", "zh") == "低于定量限的数值"


def test_load_only_budget_has_no_excretion_term(params: ParameterSet) -> None:
    s = Series.constant_population("MEPH", [20.0] * 7, [1e5] * 7, 5e5)
    budget = uncertainty_budget(s, params)
    assert "excretion" not in budget.shares
