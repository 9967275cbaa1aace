"""What a user may send when creating wastewater sites, laboratories and campaigns."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from mekongx.authz.sharing import SharingInput
from mekongx.i18n import N_, Language
from mekongx.i18n.texts import TranslatedText
from mekongx.wastewater import builtin_names

PARAMETER_SETS: tuple[str, ...] = builtin_names()
PopulationMethod = Literal[
    "census", "served", "design", "mobile", "BOD5", "COD", "TN", "NH4N", "TP"
]
MAX_CAMPAIGN_DAYS = 366 * 3


class SiteTexts(BaseModel):
    """The plant's and the city's names in the node's languages (``Translated``)."""

    model_config = ConfigDict(extra="forbid")
    plant: dict[Language, TranslatedText] = Field(default_factory=dict)
    city: dict[Language, TranslatedText] = Field(default_factory=dict)


class SiteInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    plant: str = Field(min_length=1, max_length=200)
    city: str = Field(min_length=1, max_length=120)
    country: str = Field(min_length=2, max_length=2, pattern=r"^[A-Za-z]{2}$")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    population_served: int = Field(ge=1, le=100_000_000)
    sewer_type: Literal["combined", "separate", "mixed", "unknown"] = "unknown"
    population_method: PopulationMethod = "census"
    translations: SiteTexts = Field(default_factory=SiteTexts)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()


class LabInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    city: str = Field("", max_length=120)
    country: str = Field(min_length=2, max_length=2, pattern=r"^[A-Za-z]{2}$")
    accreditation: str = Field("", max_length=200)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()


class CampaignInput(SharingInput):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=300)
    site_id: int = Field(ge=1, le=2_147_483_647)
    lab_id: int | None = Field(None, ge=1, le=2_147_483_647)
    period_start: dt.date
    period_end: dt.date
    parameter_set: Literal[
        "mekongx-default", "mekongx-ketamine-pk", "mekongx-meth-gracialor2016"
    ] = "mekongx-default"
    notes: str = Field("", max_length=10_000)
    language: Language = "en"

    @field_validator("period_end")
    @classmethod
    def _period(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("period_start")
        if isinstance(start, dt.date):
            if value < start:
                raise PydanticCustomError("mekongx", N_("The period cannot end before it starts."))
            if (value - start).days > MAX_CAMPAIGN_DAYS:
                raise PydanticCustomError("mekongx", N_("A campaign may span at most three years."))
        return value


class CalibrationDay(BaseModel):
    model_config = ConfigDict(extra="forbid")

    concentration_mg_l: float = Field(ge=0, le=100_000)
    flow_m3_d: float = Field(gt=0, le=1e8)
    reference_population: float = Field(gt=0, le=1e8)


class CalibrationInput(BaseModel):
    """Days on which a marker's concentration and a reference count are both known."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    marker: Literal["BOD5", "COD", "TN", "NH4N", "TP"]
    reference: Literal["census", "mobile"]
    source: str = Field(min_length=3, max_length=500)
    days: list[CalibrationDay] = Field(min_length=3, max_length=1000)


# --- what travels between nodes -------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SitePayload(_Strict):
    uid: str = Field(min_length=1, max_length=36)
    code: str = Field(min_length=1, max_length=32)
    plant: str = Field(min_length=1, max_length=200)
    city: str = Field(min_length=1, max_length=120)
    country: str = Field(min_length=2, max_length=2)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    population_served: int = Field(ge=1, le=100_000_000)
    sewer_type: Literal["combined", "separate", "mixed", "unknown"]
    population_method: PopulationMethod = "census"
    translations: SiteTexts = Field(default_factory=SiteTexts)


class LabPayload(_Strict):
    uid: str = Field(min_length=1, max_length=36)
    name: str = Field(min_length=1, max_length=200)
    city: str = Field("", max_length=120)
    country: str = Field(min_length=2, max_length=2)
    accreditation: str = Field("", max_length=200)


class MeasurementPayload(_Strict):
    analyte: str = Field(min_length=1, max_length=16)
    concentration_ng_l: float | None = Field(None, ge=0)
    censored: bool
    loq_ng_l: float | None = Field(None, ge=0)


class SamplePayload(_Strict):
    date: dt.date
    flow_m3_d: float = Field(gt=0)
    population: int = Field(ge=1, le=100_000_000)
    sampling_mode: Literal["flow", "volume", "time", "grab"]
    measurements: list[MeasurementPayload] = Field(max_length=100)


class ParameterSetPayload(_Strict):
    id: str = Field(min_length=1, max_length=80)
    version: str = Field(min_length=1, max_length=40)
    label: str = Field(min_length=1, max_length=120)
    values: dict[str, object]


class CampaignPayload(BaseModel):
    """A campaign as it travels to a peer node (uids and values only, no local ids)."""

    model_config = ConfigDict(extra="ignore")

    schema_: Literal["mekongx.wbe.campaign/1"] = Field(alias="schema")
    uid: str = Field(min_length=1, max_length=36)
    title: str = Field(min_length=1, max_length=300)
    origin_agency: str = Field(min_length=1, max_length=16)
    author_name: str = Field(max_length=200)
    language: Language
    version: int = Field(ge=1)
    handling_code: Literal["H0", "H1", "H2", "H3"]
    handling_note: str = Field("", max_length=2000)
    distribution: Literal["peers", "group"]
    recipients: list[str] = Field(default_factory=list, max_length=50)
    sharing_group: str | None = Field(None, max_length=32)
    period_start: dt.date
    period_end: dt.date
    notes: str = Field("", max_length=10_000)
    site: SitePayload
    lab: LabPayload | None = None
    parameter_set: ParameterSetPayload
    samples: list[SamplePayload] = Field(max_length=5000)
