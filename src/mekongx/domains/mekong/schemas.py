"""What a user may send when recording a joint operation or patrol (and a peer's copy)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from mekongx.authz.sharing import SharingInput
from mekongx.i18n import N_, Language
from mekongx.i18n.texts import TranslatedText

Country = Literal["CN", "KH", "LA", "MM", "TH", "VN"]


class PhaseInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    starts_on: date
    ends_on: date

    @field_validator("ends_on")
    @classmethod
    def _order(cls, value: date, info: ValidationInfo) -> date:
        if (start := info.data.get("starts_on")) and value < start:
            raise PydanticCustomError("mekongx", N_("The end is before the start."))
        return value


class OperationTexts(BaseModel):
    """The operation's name in the node's other languages (``Translated``)."""

    model_config = ConfigDict(extra="forbid")
    name: dict[Language, TranslatedText] = Field(default_factory=dict)


class PlanActionTexts(BaseModel):
    """The action's line and title in the node's other languages (``Translated``)."""

    model_config = ConfigDict(extra="forbid")
    line: dict[Language, TranslatedText] = Field(default_factory=dict)
    title: dict[Language, TranslatedText] = Field(default_factory=dict)


class OperationFields(SharingInput):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    activity: Literal["operation", "patrol"]
    name: str = Field(min_length=1, max_length=200)
    number: int | None = Field(None, ge=1, le=10_000)
    starts_on: date
    ends_on: date
    phases: list[PhaseInput] = Field(default_factory=list, max_length=20)
    countries: list[Country] = Field(min_length=2, max_length=6)
    units: str = Field("", max_length=5000)
    route: str = Field("", max_length=2000)
    targets: str = Field("", max_length=5000)
    findings: str = Field("", max_length=20_000)
    seizures: list[str] = Field(default_factory=list, max_length=500)
    language: Language = "en"
    translations: OperationTexts = Field(default_factory=OperationTexts)

    @field_validator("number")
    @classmethod
    def _patrols_are_numbered(cls, value: int | None, info: ValidationInfo) -> int | None:
        if info.data.get("activity") == "patrol" and value is None:
            raise PydanticCustomError("mekongx", N_("Give the patrol's number in the series."))
        return value

    @field_validator("ends_on")
    @classmethod
    def _order(cls, value: date, info: ValidationInfo) -> date:
        if (start := info.data.get("starts_on")) and value < start:
            raise PydanticCustomError("mekongx", N_("The end is before the start."))
        return value

    @field_validator("phases")
    @classmethod
    def _within(cls, value: list[PhaseInput], info: ValidationInfo) -> list[PhaseInput]:
        start, end = info.data.get("starts_on"), info.data.get("ends_on")
        if start and end and any(p.starts_on < start or p.ends_on > end for p in value):
            raise PydanticCustomError(
                "mekongx", N_("Every phase lies within the operation's dates.")
            )
        return value

    @field_validator("countries")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        return sorted(set(value))

    @field_validator("seizures")
    @classmethod
    def _uids(cls, value: list[str]) -> list[str]:
        found = sorted({v.strip() for v in value if v.strip()})
        if any(len(v) != 36 for v in found):
            raise PydanticCustomError(
                "mekongx", N_("A linked seizure is named by its uid (36 characters).")
            )
        return found


class OperationInput(OperationFields):
    pass


Status = Literal["planned", "in_progress", "done", "dropped"]
EVIDENCE_KINDS = ("mekong_operation", "seizure")


class PlanActionFields(SharingInput):
    """One action of the plan, as the agency keeping the plan enters it (and a peer's copy)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    plan: str = Field("2023-2027", min_length=4, max_length=40)
    line: str = Field(min_length=1, max_length=300)
    number: str = Field(min_length=1, max_length=16, pattern=r"^[0-9A-Za-z.\-]+$")
    title: str = Field(min_length=1, max_length=300)
    description: str = Field("", max_length=5000)
    due_on: date | None = None
    language: Language = "en"
    translations: PlanActionTexts = Field(default_factory=PlanActionTexts)


class PlanActionInput(PlanActionFields):
    pass


class EvidenceRef(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: Literal["mekong_operation", "seizure"]
    uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")


class ProgressInput(BaseModel):
    """What a country's officer sends: the country and the action come from the node and the
    address; the evidence is checked against what the officer may see."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    activity: str = Field(min_length=1, max_length=5000)
    status: Status
    note: str = Field("", max_length=5000)
    reported_on: date
    evidence: list[EvidenceRef] = Field(default_factory=list, max_length=200)
    language: Language = "en"

    @field_validator("note")
    @classmethod
    def _dropped_says_why(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("status") == "dropped" and not value:
            raise PydanticCustomError("mekongx", N_("Say why the activity is dropped."))
        return value


class ProgressFields(ProgressInput, SharingInput):
    """A country's commitment under a plan action and its progress (and a peer's copy)."""

    action_uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
    country: Country
