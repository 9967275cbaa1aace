"""The deterministic back-calculation chain, one sample-day at a time.

    load [mg/day]                     = C [ng/L] × Q [m³/day] × 10⁻³
    normalised load [mg/day/1000 inh] = load / (P / 1000)
    consumption [mg/day/1000 inh]     = normalised load × CF / (1 − in-sewer loss)
    CF                                = (MW parent / MW residue) / excretion fraction
    doses [doses/day/1000 inh]        = consumption / typical dose

(Zuccato et al. 2008; Castiglioni et al. 2013.) The normalised load is the comparable,
assumption-light output (it is what the SCORE/EUDA network publishes); consumption and doses
depend on the parameter set, whose label every :class:`Estimate` carries. The CF is used
unrounded: METH at 43% excretion gives 1/0.43 = 2.3256, so 62.5 mg/day/1000 becomes
145.35 mg/day/1000 (a CF rounded to 2.3 would give 143.75).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mekongx.wastewater.censored import Quantity
from mekongx.wastewater.errors import Flag, check_non_negative, check_positive
from mekongx.wastewater.params import AnalyteParams, ParameterSet
from mekongx.wastewater.units import mass_load_mg_per_day


@dataclass(frozen=True, slots=True)
class Sample:
    """One 24-hour composite sample result for one analyte.

    ``date`` is the day on which the 24-hour collection STARTED (a composite from Saturday
    08:00 to Sunday 08:00 is Saturday's sample); :data:`COMPOSITE_DAY` names this convention
    and weekday profiles use it. ``sampling_mode`` is how the composite was taken (``flow``,
    ``volume``, ``time`` or ``grab``); empty when not recorded."""

    site: str
    date: dt.date
    analyte: str
    concentration_ng_l: Quantity
    flow_m3_d: float
    population: float
    sampling_mode: str = ""


COMPOSITE_DAY = "start"  # a 24-hour composite belongs to the day its collection started


@dataclass(frozen=True, slots=True)
class Estimate:
    """Back-calculated figures for one sample; ``None`` where the analyte reports loads only."""

    sample: Sample
    load_mg_d: Quantity
    load_mg_d_per_1000: Quantity
    consumption_mg_d_per_1000: Quantity | None
    doses_per_1000: Quantity | None
    correction_factor: float | None
    parameter_set: str
    flags: tuple[Flag, ...] = ()


def load_mg_d(concentration_ng_l: Quantity, flow_m3_d: float) -> Quantity:
    check_non_negative("flow_m3_d", flow_m3_d)
    return Quantity(
        mass_load_mg_per_day(concentration_ng_l.value, flow_m3_d), concentration_ng_l.censored
    )


def per_1000(load: Quantity, population: float) -> Quantity:
    """Population-normalised load, mg/day per 1000 inhabitants."""
    return load.scaled(1000.0 / check_positive("population", population))


def consumption_factor(analyte: AnalyteParams) -> float:
    """Factor from normalised residue load to parent consumption (CF and in-sewer loss)."""
    return analyte.correction_factor / (1.0 - analyte.sewer_loss)


def back_calculate(sample: Sample, params: ParameterSet) -> Estimate:
    """Run the chain for one sample with ``params`` (analyte looked up by code)."""
    analyte = params.analyte(sample.analyte)
    load = load_mg_d(sample.concentration_ng_l, sample.flow_m3_d)
    normalised = per_1000(load, sample.population)
    return estimate_from_load(sample, normalised, load, analyte, params)


def estimate_from_load(
    sample: Sample,
    normalised: Quantity,
    load: Quantity,
    analyte: AnalyteParams,
    params: ParameterSet,
    flags: tuple[Flag, ...] = (),
) -> Estimate:
    """Finish the chain from a (possibly corrected) normalised load."""
    if not analyte.reports_consumption:
        return Estimate(sample, load, normalised, None, None, None, params.label, flags)
    factor = consumption_factor(analyte)
    consumption = normalised.scaled(factor)
    doses = consumption.scaled(1.0 / analyte.dose_mg) if analyte.dose_mg else None
    return Estimate(sample, load, normalised, consumption, doses, factor, params.label, flags)
