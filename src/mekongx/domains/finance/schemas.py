"""What a user may send to the finance area."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from mekongx.authz.sharing import SharingInput
from mekongx.domains.mappings import check_columns
from mekongx.i18n import N_, Language
from mekongx.i18n.countries import is_country

ASSET_KINDS = (
    "bank_account",
    "real_estate",
    "vehicle",
    "cash",
    "crypto",
    "jewellery",
    "vessel",
    "other",
)


class CaseInput(SharingInput):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=300)
    summary: str = Field(default="", max_length=20_000)
    language: Language
    base_currency: str = Field(default="THB", pattern=r"^[A-Z]{3}$")
    # transaction data is sensitive by default: own agency, H3 with its restriction written out
    handling_code: Literal["H0", "H1", "H2", "H3"] = "H3"
    handling_note: str = Field(
        "Financial data: own agency only; not to leave this node.",
        max_length=2000,
        validate_default=True,
    )


class ReviewInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    decision: Literal["confirmed", "dismissed"]
    reason: str = Field(default="", max_length=4000)


class AssetInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: Literal[
        "bank_account", "real_estate", "vehicle", "cash", "crypto", "jewellery", "vessel", "other"
    ]
    description: str = Field(min_length=1, max_length=4000)
    account: str = Field(default="", max_length=200)
    value: float = Field(gt=0, lt=1e15)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    valued_on: dt.date
    custodian: str = Field(default="", max_length=200)


class TransitionInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    to_state: Literal[
        "seized", "frozen", "forfeited", "managed", "disposed", "returned", "shared", "released"
    ]
    authority: str = Field(default="", max_length=200)
    order_number: str = Field(default="", max_length=100)
    order_date: dt.date | None = None
    expires_on: dt.date | None = None
    custodian: str = Field(default="", max_length=200)
    share_country: str = Field(default="", pattern=r"^([A-Z]{2})?$")
    share_percent: float | None = Field(default=None, gt=0, le=100)
    note: str = Field(default="", max_length=4000)


class SharingAgreementInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    country: str = Field(pattern=r"^[A-Z]{2}$")

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        if not is_country(value):
            raise PydanticCustomError(
                "mekongx", N_("Unknown country code: %(code)s"), {"code": value}
            )
        return value

    partner_percent: float = Field(gt=0, lt=100)
    legal_basis: str = Field(min_length=1, max_length=2000)
    signed_on: dt.date
    expires_on: dt.date | None = None
    note: str = Field(default="", max_length=4000)


class SubjectInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=300)
    role: Literal["suspect", "mule", "company", "beneficiary", "other"]
    accounts: str = Field(default="", max_length=4000)  # account numbers separated by spaces
    ref_kind: Literal["", "fugitive_notice", "intel_report"] = ""
    ref: str = Field(default="", max_length=36)  # the record's uid or the number in its address
    note: str = Field(default="", max_length=4000)


class MappingInput(BaseModel):
    """A saved column mapping: for each transaction field, the column of the file that holds it
    (fields left out keep their own name as the column)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100)
    columns: dict[str, str] = Field(max_length=20)
    timestamp_format: str = Field(default="", max_length=50)
    currency: str = Field(default="", pattern=r"^([A-Z]{3})?$")
    delimiter: str = Field(default=",", min_length=1, max_length=1)

    @field_validator("columns")
    @classmethod
    def _known_fields(cls, value: dict[str, str]) -> dict[str, str]:
        from mekongx.moneyflow.model import FIELDS

        return check_columns(value, FIELDS)
