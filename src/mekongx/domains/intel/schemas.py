"""What a user may send when creating or editing an intelligence report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from mekongx.i18n import N_


class ReportInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=300)
    narrative: str = Field(min_length=1, max_length=50_000)
    language: Literal["en", "th", "zh"]
    source_reliability: Literal["A", "B", "C", "X"]
    info_reliability: int = Field(ge=1, le=4)
    handling_code: Literal["H0", "H1", "H2", "H3"] = "H0"
    handling_note: str = Field("", max_length=2000, validate_default=True)
    distribution: Literal["own", "peers", "group"] = "own"
    recipients: list[str] = Field(default_factory=list, max_length=50, validate_default=True)
    sharing_group: str | None = Field(None, validate_default=True)
    expected_version: int | None = None

    @field_validator("handling_note")
    @classmethod
    def _h3_needs_note(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("handling_code") == "H3" and not value:
            raise PydanticCustomError(
                "h3_note", N_("Handling code H3 needs the restrictions written out.")
            )
        return value

    @field_validator("recipients")
    @classmethod
    def _peers_need_recipients(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if info.data.get("distribution") == "peers" and not value:
            raise PydanticCustomError(
                "recipients", N_("Name at least one peer agency to share with.")
            )
        return sorted({v.strip().upper() for v in value if v.strip()})

    @field_validator("sharing_group")
    @classmethod
    def _group_needs_name(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("distribution") == "group" and not value:
            raise PydanticCustomError("group", N_("Choose the sharing group."))
        return value or None
