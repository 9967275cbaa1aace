"""What a user may send when recording a seizure, and what a copy from a peer must satisfy.

Fields are checked in the order written, so a later field's rule can use an earlier one: the
unit must be one the drug is reported in, the quantity plausible for its unit, the
administrative unit one of the stated country, the coordinates inside that country."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from mekongx.authz.sharing import SharingInput
from mekongx.domains.fugitives.schemas import country
from mekongx.domains.seizures import reference
from mekongx.i18n import N_, Language

CONVEYANCES = ("road", "river", "sea", "air", "post", "foot", "other")
LINK_KINDS = ("intel_report", "fugitive_notice", "fin_case", "rfi")


def _problem(message: str, **params: object) -> PydanticCustomError:
    return PydanticCustomError("mekongx", message, params or None)


class LinkInput(BaseModel):
    """A reference to a record of another area (an intelligence report, notice or case)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: Literal["intel_report", "fugitive_notice", "fin_case", "rfi"]
    uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")


class SeizureFields(SharingInput):
    """The fields of a seizure report: the same rules for a user's input and a peer's copy."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reference: str = Field(min_length=1, max_length=64)
    seized_on: date
    country: Literal["CN", "KH", "LA", "MM", "TH", "VN"]
    admin1: str = Field("", max_length=8)
    admin2_code: str = Field("", max_length=8)  # the district's code where a coded list exists
    admin2: str = Field("", max_length=100)  # the district as written
    place: str = Field("", max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    drug: str = Field(min_length=1, max_length=24)
    form: str = Field("", max_length=100)
    unit: str = Field(min_length=1, max_length=8)
    quantity: Decimal = Field(gt=0, max_digits=16, decimal_places=3)
    tablets: int | None = Field(None, ge=1, le=2_000_000_000)
    purity: Decimal | None = Field(None, gt=0, le=100, max_digits=5, decimal_places=2)
    markings: str = Field("", max_length=200)
    origin_country: str = Field("", max_length=2)
    transit_countries: list[str] = Field(default_factory=list, max_length=6)
    destination_country: str = Field("", max_length=2)
    conveyance: Literal["", "road", "river", "sea", "air", "post", "foot", "other"] = ""
    concealment: str = Field("", max_length=2000)
    arrests: int = Field(0, ge=0, le=10_000)
    nationalities: dict[str, int] = Field(default_factory=dict, max_length=20)
    links: list[LinkInput] = Field(default_factory=list, max_length=20)
    remarks: str = Field("", max_length=10_000)
    language: Language = "en"

    @field_validator("seized_on")
    @classmethod
    def _plausible_date(cls, value: date) -> date:
        if value > date.today():
            raise _problem(N_("The seizure date is in the future."))
        if value.year < 1990:
            raise _problem(N_("The year is not plausible."))
        return value

    @field_validator("admin1")
    @classmethod
    def _unit_of_country(cls, value: str, info: ValidationInfo) -> str:
        value = value.upper()
        if not value:
            return value
        unit = reference.units().get(value)
        stated = info.data.get("country")
        if unit is None:
            raise _problem(N_("Unknown administrative unit code %(code)s: use its ISO 3166-2 code (TH-57, LA-BK…)."), code=value)  # fmt: skip
        if stated and unit.country != stated:
            raise _problem(N_("%(code)s is not an administrative unit of %(country)s."), code=value, country=stated)  # fmt: skip
        return value

    @field_validator("admin2_code")
    @classmethod
    def _district_of_unit(cls, value: str, info: ValidationInfo) -> str:
        stated, unit = info.data.get("country"), info.data.get("admin1")
        if not value or not stated:
            return value
        found = reference.district(str(stated), value)
        if found is None and stated not in reference.coded_countries():
            raise _problem(N_("There is no coded list of districts of %(country)s: write the district's name instead."), country=stated)  # fmt: skip
        if found is None:
            raise _problem(N_("Unknown district code %(code)s of %(country)s."), code=value, country=stated)  # fmt: skip
        if unit and found.admin1 != unit:
            raise _problem(N_("District %(code)s (%(name)s) is not in %(unit)s."), code=found.code, name=found.en, unit=unit)  # fmt: skip
        return found.code

    @model_validator(mode="after")
    def _coded_district(self) -> SeizureFields:
        """A district with a code is kept under that code, its province and its written name
        (``District.written``); a written name that is one coded district's gets its code, so a
        workbook, a form or a peer that knows no codes gives the same row."""
        found = None
        if self.admin2_code:
            found = reference.district(self.country, self.admin2_code)
        elif self.admin2 and self.country in reference.coded_countries():
            found = reference.district_named(self.country, self.admin1, self.admin2)
        if found is not None:
            self.admin2_code, self.admin1, self.admin2 = found.code, found.admin1, found.written
        return self

    @field_validator("longitude")
    @classmethod
    def _in_country(cls, value: float | None, info: ValidationInfo) -> float | None:
        latitude, stated = info.data.get("latitude"), info.data.get("country")
        if (value is None) != (latitude is None):
            raise _problem(N_("Give both latitude and longitude, or neither."))
        if value is None or latitude is None or not stated:
            return value
        if not reference.in_country(str(stated), float(latitude), value):
            raise _problem(N_("The coordinates %(lat)s, %(lon)s are outside %(country)s."),
                           lat=round(float(latitude), 5), lon=round(value, 5), country=stated)  # fmt: skip
        return value

    @field_validator("drug")
    @classmethod
    def _known_drug(cls, value: str) -> str:
        if value not in reference.drugs():
            raise _problem(N_("Unknown drug category %(code)s."), code=value)
        return value

    @field_validator("unit")
    @classmethod
    def _unit_of_drug(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip().lower()
        if value not in reference.UNITS:
            raise _problem(N_("Unknown unit %(unit)s: use kg, g, l or tablets."), unit=value)
        drug = reference.drugs().get(str(info.data.get("drug")))
        if drug is not None and value not in drug.units:
            raise _problem(N_("This drug is not reported in %(unit)s: use %(units)s."),
                           unit=value, units=", ".join(drug.units))  # fmt: skip
        return value

    @field_validator("quantity")
    @classmethod
    def _plausible_quantity(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        unit = info.data.get("unit")
        most = reference.MAX_QUANTITY.get(str(unit))
        if most is not None and value > most:
            raise _problem(N_("%(quantity)s %(unit)s is more than one seizure can hold; check the quantity and its unit."),
                           quantity=str(value), unit=unit)  # fmt: skip
        if unit == "tablets" and value != value.to_integral_value():
            raise _problem(N_("A number of tablets is a whole number."))
        return value

    @field_validator("tablets")
    @classmethod
    def _tablets_of_tablet_drugs(cls, value: int | None, info: ValidationInfo) -> int | None:
        drug = reference.drugs().get(str(info.data.get("drug")))
        if value is not None and drug is not None and "tablets" not in drug.units:
            raise _problem(N_("This drug does not come in tablets."))
        return value

    @field_validator("origin_country", "destination_country")
    @classmethod
    def _country(cls, value: str) -> str:
        return country(value)

    @field_validator("transit_countries")
    @classmethod
    def _transit(cls, value: list[str]) -> list[str]:
        return [country(v) for v in value if v.strip()]

    @field_validator("nationalities")
    @classmethod
    def _nationalities(cls, value: dict[str, int], info: ValidationInfo) -> dict[str, int]:
        found = {country(k): v for k, v in value.items() if k.strip()}
        if any(v < 1 for v in found.values()):
            raise _problem(N_("Count each nationality at least once."))
        if sum(found.values()) > int(info.data.get("arrests") or 0):
            raise _problem(N_("More nationalities are counted than persons arrested."))
        return found


class SeizureInput(SeizureFields):
    pass
