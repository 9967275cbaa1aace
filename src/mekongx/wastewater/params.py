"""Versioned drug parameter sets: the validated, typed form.

A parameter set holds, per analyte, molar masses, the excretion fraction with its spread, the
typical dose and optional in-sewer loss, plus the uncertainty defaults, the corrections (AMP from
METH, dumping thresholds) and per-capita coefficients for hydrochemical population estimates.
Every number in the YAML file names its source; reading and validation live in
:mod:`mekongx.wastewater.param_files`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from mekongx.wastewater.errors import WbeError

SCHEMA: Final = "mekongx.wbe.params/1"
DEFAULT_SET: Final = "mekongx-default"
BUILTIN_FILES: Final[dict[str, str]] = {
    "mekongx-default": "params_default_v1.yaml",
    "mekongx-ketamine-pk": "params_ketamine_pk_v1.yaml",
}
REPORT_KINDS: Final = ("consumption", "load")


@dataclass(frozen=True)
class Excretion:
    """Fraction of a dose excreted as the measured residue, with its Monte Carlo spread."""

    mean: float
    sd: float
    low: float
    high: float
    source: str
    verified: bool


@dataclass(frozen=True)
class AnalyteParams:
    """Back-calculation parameters of one measured residue (analyte code as used in files)."""

    code: str
    name: str
    parent: str
    mw_parent: float
    mw_residue: float
    excretion: Excretion | None
    dose_mg: float | None
    sewer_loss: float
    sewer_loss_sd: float
    report: str

    @property
    def molar_ratio(self) -> float:
        """Molar-mass ratio parent / residue."""
        return self.mw_parent / self.mw_residue

    @property
    def reports_consumption(self) -> bool:
        return self.report == "consumption" and self.excretion is not None

    @property
    def correction_factor(self) -> float:
        """CF = (MW parent / MW residue) / excretion fraction (Zuccato et al. 2008)."""
        if self.excretion is None:
            raise WbeError("analyte.load_only", analyte=self.code)
        return self.molar_ratio / self.excretion.mean


@dataclass(frozen=True)
class DumpingRule:
    """Flag a day when parent/metabolite concentration ratio exceeds ``threshold``."""

    parent: str
    metabolite: str
    threshold: float
    source: str


@dataclass(frozen=True)
class UncertaintyDefaults:
    """Relative standard deviations of the multiplicative error terms."""

    analysis_rsd: float
    sampling_rsd: float
    flow_rsd: float
    population_rsd: float


@dataclass(frozen=True)
class ParameterSet:
    """A validated, versioned parameter set. ``label`` is what every result records."""

    id: str
    version: str
    title: str
    origin: str
    analytes: Mapping[str, AnalyteParams]
    uncertainty: UncertaintyDefaults
    amp_from_meth_ratio: float
    dumping: tuple[DumpingRule, ...]
    per_capita_g_d: Mapping[str, float]
    population_disagreement_limit: float
    sources: Mapping[str, str]
    unverified: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.id}@{self.version}"

    def analyte(self, code: str) -> AnalyteParams:
        try:
            return self.analytes[code]
        except KeyError:
            raise WbeError(
                "analyte.unknown",
                analyte=code,
                param_set=self.label,
                allowed=", ".join(self.analytes),
            ) from None
