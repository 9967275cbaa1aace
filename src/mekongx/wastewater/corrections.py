"""Corrections applied to residue loads before back-calculation, and plausibility flags.

* Amphetamine formed from methamphetamine: users of METH excrete AMP too. The AMP load expected
  from METH use is ``ratio × METH load``, with the median wastewater AMP/METH ratio of 0.09
  ("Refining the estimation of amphetamine consumption by WBE", >6000 Australian samples); it is
  subtracted from the measured AMP load before AMP consumption is computed.
* Licit opioids: morphine (and codeine) in wastewater also come from prescriptions. The hook
  takes dispensed amounts per day with the fraction excreted as the measured residue and
  subtracts the resulting load (heroin via morphine minus therapeutic morphine and codeine).
* Dumping: a parent/metabolite ratio far above the one seen after consumption suggests the drug
  was poured away, not consumed (COC/BE: Lai et al. 2013; KET/NK: Du et al. 2020).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mekongx.wastewater.censored import Quantity
from mekongx.wastewater.errors import Flag, check_non_negative, check_positive
from mekongx.wastewater.params import ParameterSet


def amp_from_meth(
    amp_load: Quantity, meth_load: Quantity, ratio: float
) -> tuple[Quantity, tuple[Flag, ...]]:
    """AMP load attributable to AMP use: measured AMP minus ``ratio`` × METH.

    A censored METH load is not subtracted (at most ``ratio × limit`` could be); a censored AMP
    stays censored with a lowered bound. When the expected METH-derived AMP covers all of the
    measured AMP the result is zero and a flag says so.
    """
    if meth_load.censored:
        return amp_load, ()
    expected = ratio * meth_load.value
    remaining = amp_load.value - expected
    if remaining <= 0.0:
        flag = Flag("flag.amp_from_meth_all", amp=amp_load.value, expected=expected)
        return Quantity(0.0), (flag,)
    return Quantity(remaining, amp_load.censored), ()


@dataclass(frozen=True)
class LicitSource:
    """Dispensed licit drug that ends up as the measured residue (prescription/sales data)."""

    drug: str
    dispensed_mg_per_day: float
    excreted_as_residue: float  # fraction of the dose excreted as the residue (mol/mol)
    mw_drug: float
    mw_residue: float
    source: str

    def residue_load_mg_d(self) -> float:
        check_non_negative("dispensed_mg_per_day", self.dispensed_mg_per_day)
        check_positive("mw_drug", self.mw_drug)
        return (
            self.dispensed_mg_per_day
            * check_non_negative("excreted_as_residue", self.excreted_as_residue)
            * self.mw_residue
            / self.mw_drug
        )


def subtract_licit(
    analyte: str, measured_load: Quantity, sources: Iterable[LicitSource]
) -> tuple[Quantity, tuple[Flag, ...]]:
    """Measured residue load (mg/day) minus the load explained by licit use."""
    licit = sum(s.residue_load_mg_d() for s in sources)
    remaining = measured_load.value - licit
    if remaining <= 0.0:
        flag = Flag(
            "flag.licit_exceeds", analyte=analyte, licit=licit, measured=measured_load.value
        )
        return Quantity(0.0), (flag,)
    return Quantity(remaining, measured_load.censored), ()


def dumping_flags(concentrations: Mapping[str, Quantity], params: ParameterSet) -> tuple[Flag, ...]:
    """Flags for the dumping rules of ``params`` on one sample-day's concentrations.

    A censored metabolite makes the ratio a lower bound, which still flags when above the
    threshold; a censored parent never flags.
    """
    flags = []
    for rule in params.dumping:
        parent = concentrations.get(rule.parent)
        metabolite = concentrations.get(rule.metabolite)
        if parent is None or metabolite is None or parent.censored or metabolite.value <= 0:
            continue
        ratio = parent.value / metabolite.value
        if ratio > rule.threshold:
            flags.append(
                Flag(
                    "flag.dumping",
                    parent=rule.parent,
                    metabolite=rule.metabolite,
                    ratio=ratio,
                    threshold=rule.threshold,
                )
            )
    return tuple(flags)
