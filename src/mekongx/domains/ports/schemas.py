"""Input models of the ports area (bounded, ``extra="forbid"``)."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from mekongx.domains.mappings import check_columns
from mekongx.domains.ports.manifest import FIELDS
from mekongx.domains.ports.profiling import KINDS
from mekongx.i18n import N_

Outcome = Literal["nothing", "discrepancy", "seizure"]
Evidence = Literal["route", "parties", "goods", "reasons", "examination"]
Uid = Field(pattern=r"^[0-9a-f-]{36}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class MappingInput(_Strict):
    """A saved column mapping of manifest files: for each manifest field, the file's column
    (fields left out keep their own name as the column)."""

    name: str = Field(min_length=1, max_length=100)
    columns: dict[str, str] = Field(max_length=len(FIELDS))
    delimiter: str = Field(default="", max_length=1)
    date_format: str = Field(default="", max_length=20)

    @field_validator("columns")
    @classmethod
    def _known_fields(cls, value: dict[str, str]) -> dict[str, str]:
        return check_columns(value, FIELDS)

    @field_validator("date_format")
    @classmethod
    def _format(cls, value: str) -> str:
        if value and ("%" not in value or any(c in value for c in "\n\r")):
            raise PydanticCustomError("mekongx", N_("A date format such as %%d/%%m/%%Y."))
        return value


class RuleInput(_Strict):
    """A new profiling rule: its kind, a label officers recognise, values, a number, a weight."""

    kind: str = Field(max_length=40)
    label: str = Field(min_length=1, max_length=200)
    values: list[str] = Field(default_factory=list, max_length=200)
    number: float | None = Field(None, ge=0, le=10_000)
    weight: int = Field(ge=1, le=100)
    why: str = Field("", max_length=1000)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in KINDS:
            raise PydanticCustomError("mekongx", N_("Choose a kind of rule from the list."))
        return value

    @field_validator("values")
    @classmethod
    def _values(cls, value: list[str]) -> list[str]:
        cleaned = [v.strip() for v in value if v and v.strip()]
        if any(len(v) > 200 for v in cleaned):
            raise PydanticCustomError("mekongx", N_("A value has at most 200 characters."))
        return cleaned


class WeightInput(_Strict):
    weight: int = Field(ge=1, le=100)
    why: str = Field(min_length=1, max_length=1000)


class RetireInput(_Strict):
    why: str = Field(min_length=1, max_length=1000)


class DecisionInput(_Strict):
    """A second person's note on a proposed rule change (required to send it back)."""

    note: str = Field("", max_length=2000)


class ExaminationInput(_Strict):
    outcome: Outcome
    note: str = Field("", max_length=4000)
    seized: str = Field("", max_length=300)
    quantity_kg: float | None = Field(None, gt=0, le=1e6)
    substance_id: str = Field("", pattern=r"^[a-z0-9_]{0,64}$", max_length=64)
    drug: str = Field("", max_length=24)  # a seizures-area drug category: records a seizure report


class AlertInput(_Strict):
    """An alert to the agency of the container's port of loading or transshipment."""

    to_agency: str = Field(min_length=2, max_length=16)
    evidence: list[Evidence] = Field(default_factory=list, max_length=5)
    note: str = Field("", max_length=4000)
    handling_code: Literal["H0", "H1", "H2", "H3"] = "H2"


class RouteEvidence(_Strict):
    bill_of_lading: str = Field(max_length=40)
    port_of_loading: str = Field(max_length=5)
    port_of_transshipment: str = Field("", max_length=5)
    port_of_discharge: str = Field(max_length=5)
    vessel: str = Field("", max_length=100)
    voyage: str = Field("", max_length=20)
    loaded_on: str = Field("", max_length=10)
    arrival_on: str = Field(max_length=10)
    seal: str = Field("", max_length=40)


class PartyEvidence(_Strict):
    shipper: str = Field(max_length=300)
    consignee: str = Field(max_length=300)
    consignee_address: str = Field("", max_length=500)
    notify_party: str = Field("", max_length=300)
    forwarder: str = Field("", max_length=300)


class GoodsEvidence(_Strict):
    goods: str = Field(max_length=4000)
    hs_code: str = Field("", max_length=12)
    weight_kg: float = Field(gt=0, le=1e6)


class ReasonEvidence(_Strict):
    rule: str = Field(max_length=200)
    code: str = Field(max_length=40)
    params: dict[str, str] = Field(default_factory=dict, max_length=10)


class ExaminationEvidence(_Strict):
    outcome: Outcome
    seized: str = Field("", max_length=300)
    quantity_kg: float | None = Field(None, gt=0, le=1e6)
    note: str = Field("", max_length=4000)


class AlertEvidence(_Strict):
    route: RouteEvidence | None = None
    parties: list[PartyEvidence] = Field(default_factory=list, max_length=50)
    goods: list[GoodsEvidence] = Field(default_factory=list, max_length=200)
    reasons: list[ReasonEvidence] = Field(default_factory=list, max_length=100)
    examination: ExaminationEvidence | None = None


class AlertPayload(_Strict):
    """``ports.alert``: a container the sender's port control unit found suspicious or seized
    goods in; the evidence holds only the parts the officer chose."""

    uid: str = Uid
    container_number: str = Field(pattern=r"^[A-Z]{3}[UJZ][0-9]{7}$")
    reason: Literal["suspicion", "seizure"]
    evidence: AlertEvidence
    note: str = Field("", max_length=4000)
    officer: str = Field(min_length=1, max_length=200)
    handling_code: Literal["H0", "H1", "H2", "H3"]
    sent_at: AwareDatetime
