"""Population served by a catchment: census/served figures and hydrochemical estimates.

Hydrochemical estimate: P = C_X × Q / q_X, with C_X in mg/L (= g/m³), Q in m³/day, so that
C_X × Q is in g/day, and q_X the per-capita load in g/person/day (BOD5 60 g per population
equivalent in Council Directive 91/271/EEC; COD, TN, NH4-N, TP typical values from Henze et al.
2008 — all in the parameter set, to be replaced by site values). Been et al. 2014 (Environ Sci
Technol 48:8162) found NH4-N populations below census; Sim et al. 2023 (Sci Total Environ
857:159154) found BOD/TN/TP populations 51–148% off mobile-phone counts in Busan. Methods are
therefore compared and a disagreement above the parameter set's limit is flagged.

The per-capita constants are design values from European practice; catchments with septic
tanks, open drains and monsoon dilution (the Mekong region) differ. Each constant records the
countries it was calibrated for (none in the shipped set). An estimate from a constant that is
not calibrated for the site's country carries the flag ``population.uncalibrated``. A
laboratory calibrates a marker with :func:`calibrate_marker` from days on which both the marker
load and a reference count (census, mobile-phone) are known; the result carries its source and
replaces the constant for that site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mekongx.wastewater.errors import Flag, WbeError, check_non_negative, check_positive
from mekongx.wastewater.params import ParameterSet


@dataclass(frozen=True)
class PopulationEstimate:
    """One estimate of the population served, with how it was obtained."""

    method: str  # "census", "served", "design", "BOD5", "COD", "TN", "NH4N", "TP", "mobile"...
    value: float
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class Calibration:
    """A marker's per-capita load measured for one catchment against a reference count."""

    marker: str
    per_capita_g_d: float
    reference: str  # "census" or "mobile"
    source: str  # who calibrated it, when, from which counts
    days: int
    rsd: float  # day-to-day relative spread of the per-capita load


def calibrate_marker(
    marker: str,
    concentration_mg_l: Sequence[float],
    flow_m3_d: Sequence[float],
    reference_population: Sequence[float],
    reference: str,
    source: str,
) -> Calibration:
    """Per-capita load of ``marker`` from days with a reference count: the ratio of the summed
    loads to the summed persons (a ratio estimator, robust to a few low-flow days)."""
    n = len(concentration_mg_l)
    if not n == len(flow_m3_d) == len(reference_population):
        raise WbeError(
            "mc.shape_mismatch", field="reference_population", got=len(reference_population),
            expected=n,
        )  # fmt: skip
    if n < 3:
        raise WbeError("stats.too_few", method="calibrate_marker", minimum=3, count=n)
    if not source.strip():
        raise WbeError("population.bad_calibration", marker=marker, detail="source is empty")
    loads = [
        check_non_negative(marker, c) * check_positive("flow_m3_d", q)
        for c, q in zip(concentration_mg_l, flow_m3_d, strict=True)
    ]
    persons = [check_positive("reference_population", p) for p in reference_population]
    per_day = [load / p for load, p in zip(loads, persons, strict=True)]
    value = sum(loads) / sum(persons)
    if value <= 0:
        raise WbeError("value.not_positive", field=marker, value=value)
    mean = sum(per_day) / n
    rsd = (sum((x - mean) ** 2 for x in per_day) / (n - 1)) ** 0.5 / mean if mean > 0 else 0.0
    return Calibration(marker, value, reference, source.strip(), n, rsd)


def hydrochemical_population(
    marker: str,
    concentration_mg_l: float,
    flow_m3_d: float,
    params: ParameterSet,
    country: str = "",
    calibration: Calibration | None = None,
) -> PopulationEstimate:
    """Population equivalent from a wastewater quality parameter (``marker``). With a
    ``calibration`` its per-capita load is used; else the parameter set's constant, flagged
    when it is not calibrated for ``country`` (given as an ISO code)."""
    coefficient = params.per_capita_g_d.get(marker)
    if coefficient is None:
        raise WbeError(
            "population.unknown_marker", marker=marker, allowed=", ".join(params.per_capita_g_d)
        )
    load_g_d = check_non_negative(marker, concentration_mg_l) * check_positive(
        "flow_m3_d", flow_m3_d
    )
    if calibration is not None and calibration.marker == marker:
        return PopulationEstimate(f"{marker} (calibrated)", load_g_d / calibration.per_capita_g_d)
    flags = uncalibrated_flags(marker, params, country)
    return PopulationEstimate(marker, load_g_d / coefficient, flags)


def uncalibrated_flags(marker: str, params: ParameterSet, country: str) -> tuple[Flag, ...]:
    """The warning for an estimate resting on a constant not calibrated for ``country``."""
    info = params.markers.get(marker)
    if info is None or (country and country.upper() in info.calibrated_for):
        return ()
    return (
        Flag(
            "population.uncalibrated",
            marker=marker,
            value=info.per_capita_g_d,
            region=info.design_region,
            country=country.upper() or "?",
        ),
    )


def compare_estimates(
    primary: PopulationEstimate,
    others: Sequence[PopulationEstimate],
    limit: float,
) -> tuple[Flag, ...]:
    """Flag every estimate that differs from ``primary`` by more than ``limit`` (relative)."""
    check_positive("population", primary.value)
    flags = []
    for other in others:
        difference = abs(other.value - primary.value) / primary.value
        if difference > limit:
            flags.append(
                Flag(
                    "population.disagreement",
                    method_a=primary.method,
                    value_a=primary.value,
                    method_b=other.method,
                    value_b=other.value,
                    difference=difference,
                    limit=limit,
                )
            )
    return tuple(flags)


def relative_spread(estimates: Sequence[PopulationEstimate]) -> float:
    """Coefficient of variation across methods (a data-driven population RSD)."""
    if len(estimates) < 2:
        raise WbeError("stats.too_few", method="relative_spread", minimum=2, count=len(estimates))
    values = [e.value for e in estimates]
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return float(var**0.5 / mean)
