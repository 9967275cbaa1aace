"""Population served by a catchment: census/served figures and hydrochemical estimates.

Hydrochemical estimate: P = C_X × Q / q_X, with C_X in mg/L (= g/m³), Q in m³/day, so that
C_X × Q is in g/day, and q_X the per-capita load in g/person/day (BOD5 60 g per population
equivalent in Council Directive 91/271/EEC; COD, TN, NH4-N, TP typical values from Henze et al.
2008 — all in the parameter set, to be replaced by site values). Been et al. 2014 (Environ Sci
Technol 48:8162) found NH4-N populations below census; Sim et al. 2023 (Sci Total Environ
857:159154) found BOD/TN/TP populations 51–148% off mobile-phone counts in Busan. Methods are
therefore compared and a disagreement above the parameter set's limit is flagged.
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


def hydrochemical_population(
    marker: str, concentration_mg_l: float, flow_m3_d: float, params: ParameterSet
) -> PopulationEstimate:
    """Population equivalent from a wastewater quality parameter (``marker``)."""
    coefficient = params.per_capita_g_d.get(marker)
    if coefficient is None:
        raise WbeError(
            "population.unknown_marker", marker=marker, allowed=", ".join(params.per_capita_g_d)
        )
    load_g_d = check_non_negative(marker, concentration_mg_l) * check_positive(
        "flow_m3_d", flow_m3_d
    )
    return PopulationEstimate(marker, load_g_d / coefficient)


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
