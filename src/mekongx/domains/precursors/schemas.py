"""What a user may send in the precursors area (bounded, ``extra="forbid"``)."""

from __future__ import annotations

from datetime import date
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
from mekongx.chemistry.formd import load_vocabulary
from mekongx.i18n import N_, Language

Country = Field(pattern=r"^[A-Z]{2}$", min_length=2, max_length=2)
SubstanceKey = Field(pattern=r"^[a-z0-9_]{1,64}$", min_length=1, max_length=64)
IncidentKind = Literal["seizure", "stopped_shipment", "suspicious_order", "discrepancy"]
DiversionMethod = Literal[
    "",
    "false_declaration",
    "mislabelling",
    "diversion_from_licit_trade",
    "smuggling",
    "theft",
    "forged_documents",
    "front_company",
    "other",
]


Unit = Literal["kg", "g", "t", "l", "ml"]
TransportMode = Literal["", "sea", "road", "rail", "air", "post", "multimodal"]
OptionalCountry = Field("", pattern=r"^([A-Z]{2})?$", max_length=2)
Concentration = Field(None, gt=0, le=100)


def _upper_country(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _Quantity(BaseModel):
    """A quantity as declared, with its unit; ``quantity_kg`` alone (older clients, received
    copies) means kilograms."""

    quantity: float | None = Field(None, gt=0, le=1e12)
    unit: Unit = "kg"
    quantity_kg: float | None = Field(None, ge=0.001, le=1e9)

    @model_validator(mode="after")
    def _one_quantity(self) -> _Quantity:
        if self.quantity is None and self.quantity_kg is not None:
            self.quantity, self.unit = self.quantity_kg, "kg"
        return self


class ListingInput(_Strict):
    """A national listing an administrator adds beside the shipped register."""

    country: str = Country
    category: str = Field(min_length=1, max_length=100)
    listed_on: date
    source: str = Field(min_length=1, max_length=2000)
    note: str = Field("", max_length=2000)

    @field_validator("country", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value


class DeclarationLineInput(_Strict):
    """One declaration line sent as JSON (the same columns as a declaration file)."""

    declaration_id: str = Field(min_length=1, max_length=100)
    line_no: int = Field(ge=0, le=1_000_000)
    date: str = Field("", max_length=20)
    hs_code: str = Field("", max_length=20)
    description: str = Field("", max_length=2000)
    cas: str = Field("", max_length=200)
    quantity: float | None = Field(None, ge=0, le=1e12)
    unit: str = Field("", max_length=20)
    consignor: str = Field("", max_length=300)
    consignor_country: str = Field("", max_length=100)
    consignee: str = Field("", max_length=300)
    consignee_country: str = Field("", max_length=100)
    port_of_loading: str = Field("", max_length=200)
    port_of_discharge: str = Field("", max_length=200)
    final_destination: str = Field("", max_length=200)


class ScreenLinesInput(_Strict):
    file_name: str = Field("api-lines.json", min_length=1, max_length=255)
    lines: list[DeclarationLineInput] = Field(min_length=1, max_length=20_000)


class NotificationInput(_Quantity, _Strict):
    """A pre-export notification as the exporting agency drafts it (art. 12(10)(a) items plus
    what PEN Online asks: permit number, unit, preparation and concentration, packaging,
    transport mode and transit countries)."""

    reference: str = Field(min_length=1, max_length=64)
    importer_agency: str = Field(min_length=1, max_length=16)
    exporter_name: str = Field(min_length=1, max_length=300)
    exporter_address: str = Field("", max_length=2000)
    importer_name: str = Field(min_length=1, max_length=300)
    importer_address: str = Field("", max_length=2000)
    consignee: str = Field("", max_length=300)
    substance_id: str = SubstanceKey
    concentration_pct: float | None = Concentration
    preparation: bool = False
    packaging: str = Field("", max_length=2000)
    transport_mode: TransportMode = ""
    transit_countries: list[str] = Field(default_factory=list, max_length=20)
    import_permit: str = Field("", max_length=100)
    importer_requires_pen: bool = False
    port_of_exit: str = Field("", max_length=200)
    port_of_entry: str = Field("", max_length=200)
    route: str = Field("", max_length=2000)
    expected_dispatch: date | None = None
    response_days: int = Field(15, ge=1, le=90)
    language: Language = "en"

    @field_validator("importer_agency", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("transit_countries", mode="before")
    @classmethod
    def _countries(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part for part in value.replace(";", ",").replace(" ", ",").split(",") if part]
        if isinstance(value, list):
            return [str(v).strip().upper() for v in value if str(v).strip()]
        return value

    @field_validator("transit_countries")
    @classmethod
    def _two_letters(cls, value: list[str]) -> list[str]:
        for code in value:
            if len(code) != 2 or not code.isalpha():
                raise PydanticCustomError(
                    "mekongx",
                    N_("Transit countries are two-letter codes separated by commas (LA, MM)."),
                )
        return value

    @model_validator(mode="after")
    def _quantity_given(self) -> NotificationInput:
        if self.quantity is None:
            raise PydanticCustomError("mekongx", N_("Give the quantity and its unit."))
        return self


class AnswerInput(_Strict):
    """The importing agency's answer."""

    answer: Literal["confirmed", "information_requested", "objected"]
    note: str = Field("", max_length=2000, validate_default=True)

    @field_validator("note")
    @classmethod
    def _reason_for_objection(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("answer") in ("objected", "information_requested") and not value:
            raise PydanticCustomError(
                "mekongx", N_("Say why (the exporting agency reads this note).")
            )
        return value


class ShipmentInput(_Quantity, _Strict):
    shipped_on: date
    substance_id: str = SubstanceKey
    port_of_entry: str = Field("", max_length=200)
    consignee: str = Field("", max_length=300)

    @model_validator(mode="after")
    def _quantity_given(self) -> ShipmentInput:
        if self.quantity is None:
            raise PydanticCustomError("mekongx", N_("Give the quantity and its unit."))
        return self


class IncidentInput(_Quantity, SharingInput, _Strict):
    kind: IncidentKind
    title: str = Field(min_length=1, max_length=300)
    occurred_on: date
    country: str = Country
    place: str = Field("", max_length=200)
    substance_id: str = Field("", pattern=r"^[a-z0-9_]{0,64}$", max_length=64)
    substance_name: str = Field("", max_length=300)
    concentration_pct: float | None = Concentration
    preparation: bool = False
    origin_country: str = OptionalCountry
    provenance_country: str = OptionalCountry
    diversion_method: DiversionMethod = ""
    manufacture_method: str = Field("", max_length=40)
    description: str = Field("", max_length=20_000)
    language: Language = "en"

    @field_validator("country", "origin_country", "provenance_country", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return _upper_country(value)

    @field_validator("manufacture_method")
    @classmethod
    def _method(cls, value: str) -> str:
        if value and load_vocabulary().method(value) is None:
            raise PydanticCustomError(
                "mekongx", N_("Choose a method of illicit manufacture from the list.")
            )
        return value


class RequirementInput(_Strict):
    """An annual legitimate requirement (ALR) of a substance, or of its preparations, for a
    calendar year (CND resolution 49/3). Zero is an estimate (no legitimate need); no quantity
    withdraws the estimate of that year."""

    year: int = Field(ge=2000, le=2100)
    preparation: bool = False
    substance_id: str = SubstanceKey
    quantity: float | None = Field(None, ge=0, le=1e12)
    unit: Unit = "kg"
    note: str = Field("", max_length=2000)

    @field_validator("substance_id")
    @classmethod
    def _alr_substance(cls, value: str, info: ValidationInfo) -> str:
        alr = load_vocabulary().alr
        allowed = alr.preparations if info.data.get("preparation") else alr.substances
        if value not in allowed:
            raise PydanticCustomError(
                "mekongx",
                N_("Form D takes annual legitimate requirements only for: %(allowed)s."),
                {"allowed": ", ".join(allowed)},
            )
        return value
