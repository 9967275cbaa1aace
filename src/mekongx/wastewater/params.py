"""Versioned drug parameter sets: the validated, typed form.

A parameter set holds, per analyte, molar masses, the excretion fraction with its spread, the
typical dose and optional in-sewer loss, plus the uncertainty defaults, the corrections (AMP from
METH, dumping thresholds) and per-capita coefficients for hydrochemical population estimates.
Every number in the YAML file names its source; reading and validation live in
:mod:`mekongx.wastewater.param_files`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from mekongx.wastewater.errors import WbeError

SCHEMA: Final = "mekongx.wbe.params/1"
DEFAULT_SET: Final = "mekongx-default"
BUILTIN_FILES: Final[dict[str, str]] = {
    "mekongx-default": "params_default_v1.yaml",
    "mekongx-ketamine-pk": "params_ketamine_pk_v1.yaml",
    "mekongx-meth-gracialor2016": "params_meth_gracialor2016_v1.yaml",
}
# superseded versions, kept so that campaigns stored with them are computed as they were
LEGACY_FILES: Final[dict[str, str]] = {
    "mekongx-default-1.0": "params_default_v1_0.yaml",
    "mekongx-ketamine-pk-1.0": "params_ketamine_pk_v1_0.yaml",
}
SAMPLING_MODES: Final = ("flow", "volume", "time", "grab")
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
class Stability:
    """What is published on a residue's stability: in the sewer or in the stored sample.

    ``loss`` is a typical fractional loss where a number is published (``None`` where only a
    qualitative finding is); ``note`` says under which conditions, ``source`` who found it.
    """

    where: str  # "sewer", "sample" or "sorption"
    note: str
    source: str
    loss: float | None = None
    verified: bool = False


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
    stability: tuple[Stability, ...] = ()
    excretion_note: str = ""

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
    """Relative standard deviations of the multiplicative error terms.

    ``analysis_rsd``, ``flow_rsd`` and ``sampling_rsd`` are random from day to day;
    ``analysis_systematic_rsd`` and ``flow_systematic_rsd`` are drawn once per campaign (a
    laboratory's calibration bias, a flow meter's calibration). ``population_rsd`` is the part
    of the population error specific to one site; ``population_method_rsd`` the part common to
    every site whose population was estimated with the same method. ``sampling_by_mode`` gives
    the sampling RSD of each recorded sampling mode (``sampling_rsd`` applies when none is
    recorded)."""

    analysis_rsd: float
    sampling_rsd: float
    flow_rsd: float
    population_rsd: float
    analysis_systematic_rsd: float = 0.0
    flow_systematic_rsd: float = 0.0
    population_method_rsd: float = 0.0
    sampling_by_mode: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Marker:
    """Per-capita load of a population marker and where it has been calibrated."""

    per_capita_g_d: float
    source: str
    design_region: str  # where the design value comes from, e.g. "Europe"
    calibrated_for: tuple[str, ...]  # ISO country codes where it was checked against counts


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
    markers: Mapping[str, Marker] = field(default_factory=dict)

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
