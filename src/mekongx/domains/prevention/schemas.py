"""What a user may send to the prevention area; the exchange's payload is the same shapes with
uids and provenance added (``payloads.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from mekongx.authz.sharing import SharingInput
from mekongx.domains.mappings import check_columns
from mekongx.i18n import N_, Language
from mekongx.i18n.texts import TEXT_LANGUAGES

Country = Literal["TH", "CN", "LA", "MM", "KH", "VN"]
TargetGroup = Literal["children", "adolescents", "youth", "students", "community"]
Method = Literal[
    "peer_clubs", "school_accreditation", "police_instruction", "online_classroom",
    "school_curriculum", "campaign",
]  # fmt: skip
YearBasis = Literal["calendar", "th_fiscal", "academic"]
UnitKind = Literal["school", "club", "friend_corner", "district", "province", "online"]
ActivityKind = Literal["lesson", "camp", "contest", "campaign", "training", "assessment", "online"]
AgeBand = Literal["6-11", "12-14", "15-17", "18-24", "25+", "all"]
Sex = Literal["f", "m", "all"]
Measure = Literal[
    "participants",
    "members",
    "schools",
    "districts",
    "provinces",
    "units",
    "instructors",
    "teachers",
]
IndicatorKind = Literal["rate", "count", "level"]
Verdict = Literal["same", "partial", "not_comparable"]
Year = Field(ge=1990, le=2100)


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _named(model: BaseModel) -> None:
    if not any(str(getattr(model, f"name_{code}")).strip() for code in TEXT_LANGUAGES):
        raise PydanticCustomError("mekongx", N_("Name: write it in at least one language."))


class ProgrammeFields(SharingInput):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(min_length=2, max_length=32, pattern=r"^[A-Z0-9_-]+$")
    name_th: str = Field("", max_length=300)
    name_zh: str = Field("", max_length=300)
    name_en: str = Field("", max_length=300)
    name_lo: str = Field("", max_length=300)
    name_my: str = Field("", max_length=300)
    name_km: str = Field("", max_length=300)
    name_vi: str = Field("", max_length=300)
    owner: str = Field(min_length=1, max_length=300)
    country: Country
    target_group: TargetGroup
    age_from: int = Field(ge=3, le=99)
    age_to: int = Field(ge=3, le=99)
    method: Method
    year_basis: YearBasis = "calendar"
    started: int | None = Field(None, ge=1950, le=2100)
    description: str = Field("", max_length=10_000)
    sources: str = Field(min_length=1, max_length=10_000)
    language: Language = "en"

    @model_validator(mode="after")
    def _check(self) -> Self:
        _named(self)
        if self.age_to < self.age_from:
            raise PydanticCustomError(
                "mekongx", N_("The age range ends before it starts (%(low)s to %(high)s)."),
                {"low": self.age_from, "high": self.age_to},
            )  # fmt: skip
        return self


class ProgrammeInput(ProgrammeFields):
    pass


class UnitInput(_Input):
    kind: UnitKind
    name: str = Field(min_length=1, max_length=300)
    region: str = Field("", max_length=100)
    district: str = Field("", max_length=100)
    award_level: str = Field("", max_length=32)
    award_year: int | None = Field(None, ge=1990, le=2100)


class ActivityInput(_Input):
    kind: ActivityKind
    title: str = Field(min_length=1, max_length=300)
    starts_on: dt.date
    ends_on: dt.date
    unit_uid: str | None = Field(None, max_length=36)
    participants: int | None = Field(None, ge=0, le=500_000_000)
    notes: str = Field("", max_length=5_000)

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.ends_on < self.starts_on:
            raise PydanticCustomError(
                "mekongx", N_("The activity ends (%(end)s) before it starts (%(start)s)."),
                {"end": self.ends_on.isoformat(), "start": self.starts_on.isoformat()},
            )  # fmt: skip
        return self


class CountInput(_Input):
    measure: Measure = "participants"
    age_band: AgeBand = "all"
    sex: Sex = "all"
    count: int = Field(ge=0, le=2_000_000_000)


class ReachInput(_Input):
    """The counts of one year and region; they replace what was recorded for it."""

    year: int = Year
    region: str = Field("", max_length=100)
    counts: list[CountInput] = Field(min_length=1, max_length=200)
    source: str = Field(min_length=1, max_length=2_000)
    verified: bool = False

    @model_validator(mode="after")
    def _adds_up(self) -> Self:
        seen: set[tuple[str, str, str]] = set()
        for c in self.counts:
            key = (c.measure, c.age_band, c.sex)
            if key in seen:
                raise PydanticCustomError(
                    "mekongx", N_("The count %(measure)s / %(band)s / %(sex)s is given twice."),
                    {"measure": c.measure, "band": c.age_band, "sex": c.sex},
                )  # fmt: skip
            seen.add(key)
        for measure in {c.measure for c in self.counts}:
            rows = [c for c in self.counts if c.measure == measure]
            total = next((c.count for c in rows if c.age_band == "all" and c.sex == "all"), None)
            parts = [c for c in rows if c.age_band != "all" and c.sex != "all"]
            if total is not None and parts and sum(c.count for c in parts) != total:
                raise PydanticCustomError(
                    "mekongx",
                    N_("The counts by age band and sex of %(measure)s add up to %(parts)s, "
                       "not to the total %(total)s."),
                    {"measure": measure, "parts": sum(c.count for c in parts), "total": total},
                )  # fmt: skip
        return self


class IndicatorInput(_Input):
    code: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")
    kind: IndicatorKind
    name_th: str = Field("", max_length=300)
    name_zh: str = Field("", max_length=300)
    name_en: str = Field("", max_length=300)
    name_lo: str = Field("", max_length=300)
    name_my: str = Field("", max_length=300)
    name_km: str = Field("", max_length=300)
    name_vi: str = Field("", max_length=300)
    definition: str = Field(min_length=1, max_length=4_000)
    numerator: str = Field("", max_length=300)
    denominator: str = Field("", max_length=300)
    levels: list[str] = Field(default_factory=list, max_length=12)

    @model_validator(mode="after")
    def _check(self) -> Self:
        _named(self)
        if self.kind == "rate" and not (self.numerator and self.denominator):
            raise PydanticCustomError(
                "mekongx", N_("A rate needs its numerator and denominator defined.")
            )
        if self.kind == "level" and not self.levels:
            raise PydanticCustomError("mekongx", N_("A level indicator needs its levels."))
        return self


class OutcomeInput(_Input):
    indicator: str = Field(min_length=1, max_length=36)  # the indicator's code or uid
    year: int = Year
    region: str = Field("", max_length=100)
    level: str = Field("", max_length=32)
    numerator: float = Field(ge=0, le=2_000_000_000)
    denominator: float | None = Field(None, gt=0, le=2_000_000_000)
    source: str = Field(min_length=1, max_length=2_000)
    verified: bool = False

    @model_validator(mode="after")
    def _ratio(self) -> Self:
        if self.denominator is not None and self.numerator > self.denominator:
            raise PydanticCustomError(
                "mekongx",
                N_("%(numerator)s is more than its denominator %(denominator)s (e.g. more "
                   "passes than participants)."),
                {"numerator": f"{self.numerator:g}", "denominator": f"{self.denominator:g}"},
            )  # fmt: skip
        return self


class ComparabilityInput(_Input):
    left: str = Field(min_length=36, max_length=36)  # indicator uids
    right: str = Field(min_length=36, max_length=36)
    verdict: Verdict
    statement: str = Field(min_length=10, max_length=4_000)
    language: Language = "en"


ImportPart = Literal["reach", "outcomes"]
IMPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "reach": ("year", "region", "measure", "age_band", "sex", "count", "source", "verified"),
    "outcomes": ("indicator", "year", "region", "level", "numerator", "denominator", "source",
                 "verified"),
}  # fmt: skip


class ImportInput(_Input):
    """What a file of reach or outcomes holds, and which of its columns holds which field
    (a field left out is found in the column of its own name)."""

    part: ImportPart
    columns: dict[str, str] = Field(default_factory=dict, max_length=20)

    @model_validator(mode="after")
    def _columns(self) -> Self:
        named = {k: v for k, v in self.columns.items() if v.strip()}
        wanted = IMPORT_FIELDS[self.part]
        self.columns = check_columns(named, wanted) if named else {}
        return self
