"""Uncertainty budget: which error term dominates a campaign estimate.

One-at-a-time Monte Carlo: the campaign mean is simulated with each term alone switched on
(same seed, same number of draws) and the variance of its logarithm is taken. Because all terms
act multiplicatively, the log-variances of independent terms add up, so each term's share is
its log-variance over the sum — the decomposition reported by Castiglioni et al. 2013 for
sampling, analysis, population and back-calculation. Shared terms (population, excretion) keep
their full variance however many days are averaged; per-day terms shrink with more days. The
log of a uniform (0, limit) draw for censored days is finite almost surely, so censoring has a
well-defined share too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mekongx.wastewater.messages import render
from mekongx.wastewater.montecarlo import TERMS, ErrorModel, Series, simulate
from mekongx.wastewater.params import ParameterSet


@dataclass(frozen=True)
class UncertaintyBudget:
    """Log-variance of the campaign mean per term, and each term's share of the total."""

    variances: dict[str, float]
    shares: dict[str, float]
    total_variance: float  # all terms together (close to the sum when terms are independent)
    parameter_set: str

    @property
    def dominant(self) -> str:
        return max(self.shares, key=lambda term: self.shares[term])

    def label(self, term: str, lang: str = "en") -> str:
        return render(f"budget.term.{term}", lang)

    def describe(self, lang: str = "en") -> str:
        term = self.dominant
        return render("budget.dominant", lang, term=self.label(term, lang), share=self.shares[term])


def uncertainty_budget(
    series: Series,
    params: ParameterSet,
    n_draws: int = 4000,
    seed: int = 0,
    model: ErrorModel | None = None,
    consumption: bool = True,
) -> UncertaintyBudget:
    """Variance shares of the log campaign mean (consumption, or normalised load)."""
    model = model or ErrorModel.from_params(params)
    analyte = params.analyte(series.analyte)
    use_consumption = consumption and analyte.reports_consumption
    terms = [t for t in TERMS if use_consumption or t not in ("excretion", "stability")]
    if not series.censored.any():
        terms.remove("censoring")
    terms = [t for t in terms if t in ("censoring", "excretion", "stability") or model.active(t)]

    def log_var(m: ErrorModel) -> float:
        draws = simulate(series, params, n_draws, np.random.default_rng(seed), model=m)
        values = draws.campaign_mean(consumption=use_consumption)
        return float(np.var(np.log(values)))

    variances = {term: log_var(model.only(term)) for term in terms}
    total = sum(variances.values())
    shares = {t: (v / total if total > 0 else 0.0) for t, v in variances.items()}
    return UncertaintyBudget(variances, shares, log_var(model), params.label)
