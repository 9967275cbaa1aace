"""What a user may send: notices, screening queries, hit decisions."""

from __future__ import annotations

import calendar
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from mekongx.authz.sharing import SharingInput
from mekongx.i18n import N_, Language, countries

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def partial_date(value: str) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; Buddhist-Era years (after 2400) become CE."""
    value = value.strip()
    if not value:
        return ""
    if not _PARTIAL_DATE.match(value):
        raise PydanticCustomError(
            "mekongx", N_("Write the date as YYYY-MM-DD, YYYY-MM or just the year YYYY.")
        )
    year = int(value[:4])
    if year > 2400:
        year -= 543
    if not 1900 <= year <= 2100:
        raise PydanticCustomError("mekongx", N_("The year is not plausible."))
    if len(value) == 10:  # a whole date must exist: no 31 February, no 31 April
        month, day = int(value[5:7]), int(value[8:10])
        if day > calendar.monthrange(year, month)[1]:
            raise PydanticCustomError(
                "mekongx",
                N_("This date does not exist (%(date)s): that month has only %(days)s days."),
                {"date": value, "days": calendar.monthrange(year, month)[1]},
            )
    return f"{year:04d}{value[4:]}"


def country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code (TH, CN, LA…), or empty."""
    value = value.strip().upper()
    if value and not _COUNTRY.match(value):
        raise PydanticCustomError(
            "mekongx", N_("Use the two-letter ISO 3166 country code (TH, CN, LA…).")
        )
    if value and not countries.is_country(value):
        raise PydanticCustomError(
            "mekongx",
            N_("Unknown country code %(code)s: use the two-letter ISO 3166 code (TH, CN, LA…)."),
            {"code": value},
        )
    return value


class NameInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=300)
    kind: Literal["primary", "alias"] = "primary"


class DocumentInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    type: Literal["passport", "national_id", "border_pass", "other"] = "passport"
    number: str = Field(min_length=1, max_length=64)
    country: str = Field("", max_length=3)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return country(value)


class NoticeInput(SharingInput):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    names: list[NameInput] = Field(min_length=1, max_length=20)
    sex: Literal["", "M", "F"] = ""
    birth_date: str = Field("", max_length=10)
    nationality: str = Field("", max_length=3)
    documents: list[DocumentInput] = Field(default_factory=list, max_length=10)
    warrant_reference: str = Field(min_length=1, max_length=100)
    warrant_authority: str = Field(min_length=1, max_length=300)
    warrant_date: str = Field("", max_length=10)
    charges: str = Field(min_length=1, max_length=5000)
    legal_provisions: str = Field("", max_length=5000)
    remarks: str = Field("", max_length=5000)
    language: Language = "en"
    expected_version: int | None = None

    @field_validator("birth_date", "warrant_date")
    @classmethod
    def _dates(cls, value: str) -> str:
        return partial_date(value)

    @field_validator("nationality")
    @classmethod
    def _nationality(cls, value: str) -> str:
        return country(value)


class ScreenQuery(BaseModel):
    """One person to screen (a border crossing, a hotel guest, a passenger)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=300)
    birth_date: str = Field("", max_length=10)
    nationality: str = Field("", max_length=3)
    document_number: str = Field("", max_length=64)
    reference: str = Field("", max_length=100)  # the caller's own id for the row

    @field_validator("birth_date")
    @classmethod
    def _date(cls, value: str) -> str:
        return partial_date(value)

    @field_validator("nationality")
    @classmethod
    def _nationality(cls, value: str) -> str:
        return country(value)


class ScreenBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[ScreenQuery] = Field(min_length=1, max_length=1000)


class HitDecision(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    verdict: Literal["confirmed", "rejected"]
    note: str = Field("", max_length=2000)
    # the note in the language of the notice, for the agency that issued it (optional)
    note_translation: str = Field("", max_length=2000)
