"""Monte Carlo propagation of uncertainty through the back-calculation chain (vectorised numpy).

Error structure (Jones et al. 2014, Sci Total Environ 487:642-650; Castiglioni et al. 2013):

* per-day terms, drawn independently for every sample-day: the random part of chemical
  analysis and of flow measurement, and sampling, each a multiplicative lognormal with median 1
  and the given relative SD (σ² = ln(1 + rsd²)). The sampling RSD of a day follows the sampling
  mode recorded for it (flow-, volume-, time-proportional or grab; Ort et al. 2010); values
  below the limit are drawn uniformly in (0, limit) instead of carrying an analysis error;
* per-campaign shared terms, drawn ONCE per iteration and applied to every day of the series:
  the systematic part of analysis (a laboratory's calibration) and of flow (a meter's
  calibration), population (a site-specific part times a part common to every site estimated
  with the same method), excretion fraction (normal truncated to the parameter set's
  [low, high]) and in-sewer loss. Shared terms are systematic: averaging more days does not
  shrink them, and a campaign mean keeps their full width.

Excretion and in-sewer loss are pharmacology: in a comparison between cities or years made with
one parameter set they are the same quantity for every campaign and must be drawn once for the
whole comparison (:mod:`mekongx.wastewater.comparison`), so that they cancel in a ratio.

Because the per-day terms are independent lognormals with median 1, their product is one
lognormal with σ² equal to the sum of the σ²; drawing that product directly is exact and saves
two thirds of the random numbers. Arrays are laid out ``(days, draws)`` so that each sample-day's
draws are contiguous for the quantile step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from mekongx.wastewater.backcalc import Sample
from mekongx.wastewater.errors import WbeError
from mekongx.wastewater.params import AnalyteParams, ParameterSet


def _stats() -> Any:
    """scipy.stats, imported on first use: it costs a second at the start of every command."""
    from scipy import stats

    return stats


FloatArray = npt.NDArray[np.floating[Any]]
BoolArray = npt.NDArray[np.bool_]

PER_DAY_TERMS: Final = ("analysis", "sampling", "flow", "censoring")
SHARED_TERMS: Final = (
    "analysis_systematic",
    "flow_systematic",
    "population",
    "population_method",
    "excretion",
    "stability",
)
RSD_TERMS: Final = {
    "analysis": "analysis_rsd",
    "sampling": "sampling_rsd",
    "flow": "flow_rsd",
    "population": "population_rsd",
    "analysis_systematic": "analysis_systematic_rsd",
    "flow_systematic": "flow_systematic_rsd",
    "population_method": "population_method_rsd",
}
TERMS: Final = PER_DAY_TERMS + SHARED_TERMS
MIN_DRAWS: Final = 10


def log_sigma(rsd: float) -> float:
    """σ of a lognormal whose relative standard deviation (CV) is ``rsd``."""
    return math.sqrt(math.log1p(rsd * rsd))


@dataclass(frozen=True)
class ErrorModel:
    """Which error terms are active and how large the multiplicative ones are."""

    analysis_rsd: float
    sampling_rsd: float
    flow_rsd: float
    population_rsd: float
    censoring: bool = True
    excretion: bool = True
    stability: bool = True
    analysis_systematic_rsd: float = 0.0
    flow_systematic_rsd: float = 0.0
    population_method_rsd: float = 0.0
    sampling_by_mode: tuple[tuple[str, float], ...] = ()

    @classmethod
    def from_params(cls, params: ParameterSet) -> ErrorModel:
        u = params.uncertainty
        return cls(
            u.analysis_rsd,
            u.sampling_rsd,
            u.flow_rsd,
            u.population_rsd,
            analysis_systematic_rsd=u.analysis_systematic_rsd,
            flow_systematic_rsd=u.flow_systematic_rsd,
            population_method_rsd=u.population_method_rsd,
            sampling_by_mode=tuple(sorted(u.sampling_by_mode.items())),
        )

    @classmethod
    def none(cls) -> ErrorModel:
        """No uncertainty at all: every draw equals the deterministic result."""
        return cls(0.0, 0.0, 0.0, 0.0, censoring=False, excretion=False, stability=False)

    def active(self, term: str) -> bool:
        """Whether ``term`` contributes anything in this model."""
        if term in RSD_TERMS:
            value = getattr(self, RSD_TERMS[term]) > 0
            if term == "sampling":
                return value or any(rsd > 0 for _, rsd in self.sampling_by_mode)
            return bool(value)
        return bool(getattr(self, term))

    def only(self, term: str) -> ErrorModel:
        """This model with every term but ``term`` switched off (for the uncertainty budget)."""
        if term not in TERMS:
            raise KeyError(term)
        base = ErrorModel.none()
        if term == "censoring":
            return replace(base, censoring=self.censoring)
        if term in ("excretion", "stability"):
            return replace(base, **{term: getattr(self, term)})
        if term == "sampling":
            return replace(
                base, sampling_rsd=self.sampling_rsd, sampling_by_mode=self.sampling_by_mode
            )
        return replace(base, **{RSD_TERMS[term]: getattr(self, RSD_TERMS[term])})

    def sampling_rsd_of(self, modes: Sequence[str] | None, days: int) -> FloatArray:
        """(days,) sampling RSD of each day from its recorded sampling mode (Ort et al. 2010);
        ``sampling_rsd`` where no mode is recorded or the mode has no value of its own."""
        if not modes:
            return np.full(days, self.sampling_rsd)
        by_mode = dict(self.sampling_by_mode)
        return np.array([by_mode.get(m, self.sampling_rsd) for m in modes], dtype=float)


@dataclass(frozen=True)
class Series:
    """One site × analyte campaign: daily concentrations (ng/L), flows and the population."""

    analyte: str
    concentration_ng_l: FloatArray  # the limit where censored
    censored: BoolArray
    flow_m3_d: FloatArray
    population: FloatArray  # per day (the served population may change during a campaign)
    sampling_mode: tuple[str, ...] | None = None  # per day: flow, volume, time or grab

    @property
    def days(self) -> int:
        return int(self.concentration_ng_l.shape[0])

    @classmethod
    def from_samples(cls, samples: Sequence[Sample]) -> Series:
        if not samples:
            raise WbeError("stats.too_few", method="Series", minimum=1, count=0)
        return cls(
            analyte=samples[0].analyte,
            concentration_ng_l=np.array([s.concentration_ng_l.value for s in samples]),
            censored=np.array([s.concentration_ng_l.censored for s in samples]),
            flow_m3_d=np.array([s.flow_m3_d for s in samples]),
            population=np.array([s.population for s in samples]),
            sampling_mode=tuple(s.sampling_mode for s in samples)
            if all(s.sampling_mode for s in samples)
            else None,
        )

    @classmethod
    def constant_population(
        cls,
        analyte: str,
        concentration_ng_l: Sequence[float] | FloatArray,
        flow_m3_d: Sequence[float] | FloatArray,
        population: float,
        censored: Sequence[bool] | BoolArray | None = None,
    ) -> Series:
        """Convenience constructor for a series with one population figure."""
        conc = np.asarray(concentration_ng_l, dtype=float)
        cens = np.zeros(conc.shape, bool) if censored is None else np.asarray(censored, bool)
        return cls(
            analyte,
            conc,
            cens,
            np.asarray(flow_m3_d, dtype=float),
            np.full(conc.shape, float(population)),
        )

    def validate(self) -> None:
        n = self.days
        for name in ("censored", "flow_m3_d", "population"):
            got = int(getattr(self, name).shape[0])
            if got != n:
                raise WbeError("mc.shape_mismatch", field=name, got=got, expected=n)
        if self.sampling_mode is not None and len(self.sampling_mode) != n:
            raise WbeError(
                "mc.shape_mismatch", field="sampling_mode", got=len(self.sampling_mode), expected=n
            )
        if not np.all(self.population > 0):
            raise WbeError(
                "value.not_positive", field="population", value=float(self.population.min())
            )
        if not np.all(self.flow_m3_d >= 0):
            raise WbeError("value.negative", field="flow_m3_d", value=float(self.flow_m3_d.min()))
        if not np.all(self.concentration_ng_l >= 0):
            raise WbeError(
                "value.negative", field="concentration", value=float(self.concentration_ng_l.min())
            )


@dataclass(frozen=True)
class SharedDraws:
    """Per-campaign draws, one value per iteration, shared by all days of a series."""

    population_factor: FloatArray  # multiplies the stated population
    excretion: FloatArray  # excretion fraction
    sewer_loss: FloatArray
    systematic: FloatArray | None = None  # systematic analysis × flow factor on every load


def lognormal_factor(rsd: float, n: int, rng: np.random.Generator) -> FloatArray:
    """(n,) multiplicative lognormal factors with median 1 and relative SD ``rsd``."""
    if rsd <= 0:
        return np.ones(n)
    result: FloatArray = np.exp(log_sigma(rsd) * rng.standard_normal(n))
    return result


def draw_pharmacology(
    analyte: AnalyteParams, model: ErrorModel, n: int, rng: np.random.Generator
) -> tuple[FloatArray, FloatArray]:
    """(excretion, sewer loss) draws: pharmacology, the same for every campaign compared with
    one parameter set."""
    exc = analyte.excretion
    if exc is None:
        excretion = np.ones(n)
    elif model.excretion and exc.sd > 0 and exc.high > exc.low:
        a, b = (exc.low - exc.mean) / exc.sd, (exc.high - exc.mean) / exc.sd
        u = rng.random(n)
        excretion = np.asarray(_stats().truncnorm.ppf(u, a, b, loc=exc.mean, scale=exc.sd))
    else:
        excretion = np.full(n, exc.mean)
    if model.stability and analyte.sewer_loss_sd > 0:
        loss = np.clip(analyte.sewer_loss + analyte.sewer_loss_sd * rng.standard_normal(n), 0, 0.95)
    else:
        loss = np.full(n, analyte.sewer_loss)
    return excretion, loss


def draw_systematic(model: ErrorModel, n: int, rng: np.random.Generator) -> FloatArray:
    """(n,) systematic per-campaign factor: analysis calibration × flow-meter calibration."""
    analysis = lognormal_factor(model.analysis_systematic_rsd, n, rng)
    flow = lognormal_factor(model.flow_systematic_rsd, n, rng)
    result: FloatArray = analysis * flow
    return result


def draw_shared(
    analyte: AnalyteParams, model: ErrorModel, n: int, rng: np.random.Generator
) -> SharedDraws:
    """Draw the systematic terms of one campaign (call once, reuse for every day). The
    population factor is the site part times a method part drawn here too; comparisons draw the
    method part once per method instead (:mod:`mekongx.wastewater.comparison`)."""
    population = lognormal_factor(model.population_rsd, n, rng)
    population = population * lognormal_factor(model.population_method_rsd, n, rng)
    excretion, loss = draw_pharmacology(analyte, model, n, rng)
    return SharedDraws(population, excretion, loss, draw_systematic(model, n, rng))


@dataclass(frozen=True)
class SeriesDraws:
    """Monte Carlo draws of one series: normalised residue loads and back-calculation factors."""

    normalised: FloatArray  # (days, draws) mg/day/1000 inhabitants, residue
    factor: FloatArray | None  # (draws,) consumption factor; None when loads only
    parameter_set: str

    def consumption(self) -> FloatArray:
        """(days, draws) consumption in mg/day/1000 inhabitants."""
        if self.factor is None:
            raise WbeError("analyte.load_only", analyte="(series)")
        return self.normalised * self.factor[np.newaxis, :]

    def campaign_mean(self, consumption: bool = True) -> FloatArray:
        """(draws,) mean over the days of the campaign: the shared terms keep their width."""
        per_day_mean: FloatArray = self.normalised.mean(axis=0)
        if consumption and self.factor is not None:
            scaled: FloatArray = per_day_mean * self.factor
            return scaled
        return per_day_mean


def simulate(
    series: Series,
    params: ParameterSet,
    n_draws: int,
    rng: np.random.Generator,
    model: ErrorModel | None = None,
    shared: SharedDraws | None = None,
    dtype: type[np.floating[Any]] = np.float64,
) -> SeriesDraws:
    """Draw ``n_draws`` realisations of a series. Pass ``shared`` to reuse systematic draws
    across series (e.g. the same excretion draws for two years of the same analyte)."""
    if n_draws < MIN_DRAWS:
        raise WbeError("mc.bad_draws", minimum=MIN_DRAWS, value=n_draws)
    series.validate()
    analyte = params.analyte(series.analyte)
    model = model or ErrorModel.from_params(params)
    shared = shared or draw_shared(analyte, model, n_draws, rng)
    got = int(shared.population_factor.shape[0])
    if got != n_draws:
        raise WbeError("mc.shape_mismatch", field="shared draws", got=got, expected=n_draws)

    sampling = model.sampling_rsd_of(series.sampling_mode, series.days)
    sig2_flow = np.log1p(sampling**2) + math.log1p(model.flow_rsd**2)
    sig2_quant = sig2_flow + math.log1p(model.analysis_rsd**2)
    censored = series.censored.astype(bool)
    sigma = np.sqrt(np.where(censored, sig2_flow, sig2_quant)).astype(dtype)
    base = (series.concentration_ng_l * series.flow_m3_d / series.population).astype(dtype)
    if not model.censoring:  # budget reference point only: middle of (0, limit)
        base = np.where(censored, 0.5 * base, base).astype(dtype)

    draws = rng.standard_normal((series.days, n_draws), dtype=dtype)
    draws *= sigma[:, np.newaxis]
    np.exp(draws, out=draws)
    draws *= base[:, np.newaxis]
    if model.censoring and censored.any():
        rows = np.flatnonzero(censored)
        draws[rows] *= rng.random((rows.size, n_draws), dtype=dtype)
    per_draw = 1.0 / shared.population_factor
    if shared.systematic is not None:
        per_draw = per_draw * shared.systematic
    draws *= per_draw.astype(dtype)[np.newaxis, :]

    factor = None
    if analyte.reports_consumption:
        factor = analyte.molar_ratio / (shared.excretion * (1.0 - shared.sewer_loss))
        factor = factor.astype(dtype)
    return SeriesDraws(draws, factor, params.label)


@dataclass(frozen=True)
class Interval:
    """Median and central interval, per row of draws."""

    median: FloatArray
    low: FloatArray
    high: FloatArray
    level: float


def summarise(draws: FloatArray, level: float = 0.95, overwrite: bool = False) -> Interval:
    """Median and ``level`` central interval along the last axis, with the same linear
    interpolation as ``numpy.quantile``'s default. One sort per row serves all three
    quantiles (faster here than a multi-point partition); ``overwrite=True`` sorts ``draws``
    in place to save a copy when the caller no longer needs their order."""
    n = draws.shape[-1]
    ordered = draws if overwrite else draws.copy()
    ordered.sort(axis=-1)
    tail = (1.0 - level) / 2.0
    out = []
    for q in (tail, 0.5, 1.0 - tail):
        position = (n - 1) * q
        lo = math.floor(position)
        hi = min(lo + 1, n - 1)
        w = position - lo
        out.append(ordered[..., lo] * (1.0 - w) + ordered[..., hi] * w)
    return Interval(median=out[1], low=out[0], high=out[2], level=level)
