"""What a user may send: a new request, an acknowledgement, a (partial) reply, a refusal, and a
bilateral deadline agreement."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from mekongx.i18n import N_, Language

Urgency = Literal["urgent", "priority", "routine"]
Purpose = Literal["information", "asset_tracing", "freezing"]
LegalBasis = Literal["", "informal", "mla", "provisional"]
TargetKind = Literal["account", "person", "company", "property"]


class Target(BaseModel):
    """What an asset-tracing or freezing request is about: an account, a person, a company or a
    property, identified as the requested agency would find it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: TargetKind
    identifier: str = Field(min_length=1, max_length=200)  # account number, ID number, title deed
    name: str = Field("", max_length=300)
    institution: str = Field("", max_length=200)  # bank, registry
    country: str = Field("", pattern=r"^([A-Z]{2})?$")
    amount: float | None = Field(None, gt=0, lt=1e15)  # to freeze, or known to have passed
    currency: str = Field("", pattern=r"^([A-Z]{3})?$")


class RfiInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    subject: str = Field(min_length=1, max_length=300)
    question: str = Field(min_length=1, max_length=20_000)
    language: Language
    urgency: Urgency
    requested: list[str] = Field(default_factory=list, max_length=20, validate_default=True)
    handling_code: Literal["H0", "H1", "H2", "H3"] = "H0"
    handling_note: str = Field("", max_length=2000, validate_default=True)
    purpose: Purpose = "information"
    legal_basis: LegalBasis = Field("", validate_default=True)
    targets: list[Target] = Field(default_factory=list, max_length=50, validate_default=True)

    @field_validator("requested")
    @classmethod
    def _at_least_one(cls, value: list[str]) -> list[str]:
        codes = sorted({v.strip().upper() for v in value if v.strip()})
        if not codes:
            raise PydanticCustomError(
                "mekongx", N_("Name at least one agency to send the request to.")
            )
        return codes

    @field_validator("handling_note")
    @classmethod
    def _h3_needs_note(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("handling_code") == "H3" and not value:
            raise PydanticCustomError(
                "mekongx", N_("Handling code H3 needs the restrictions written out.")
            )
        return value

    @field_validator("legal_basis")
    @classmethod
    def _basis_for_purpose(cls, value: str, info: ValidationInfo) -> str:
        purpose = info.data.get("purpose", "information")
        if purpose == "asset_tracing" and not value:
            raise PydanticCustomError(
                "mekongx",
                N_("Say on what basis the assets are to be traced: informal or formal (MLA)."),
            )
        if purpose == "freezing" and value not in ("mla", "provisional"):
            raise PydanticCustomError(
                "mekongx",
                N_(
                    "A freezing request rests on a formal request for mutual legal assistance or is an urgent provisional measure with the formal request to follow."
                ),
            )
        return value

    @field_validator("targets")
    @classmethod
    def _targets_for_assets(cls, value: list[Target], info: ValidationInfo) -> list[Target]:
        if info.data.get("purpose", "information") != "information" and not value:
            raise PydanticCustomError(
                "mekongx", N_("Name at least one account, person, company or property.")
            )
        if info.data.get("purpose") == "freezing":
            for target in value:
                if target.kind in ("account", "property") and not target.institution:
                    raise PydanticCustomError(
                        "mekongx",
                        N_("To freeze %(identifier)s, name the bank or registry that holds it."),
                        {"identifier": target.identifier},
                    )
        return value


class AcknowledgeInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    note: str = Field("", max_length=2000)
    language: Language = "en"


class ReplyInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    body: str = Field(min_length=1, max_length=50_000)
    language: Language
    partial: bool = False


class RefusalInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reason: str = Field(min_length=1, max_length=2000)
    language: Language


class AgreementInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    agency: str = Field(min_length=1, max_length=16)
    urgency: Urgency
    hours: int = Field(ge=1, le=2160)
    reminder_percent: int = Field(75, ge=10, le=95)
    note: str = Field("", max_length=2000)
