"""What a user may send to the training area, and the exchange's payloads built from it."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from mekongx.authz.sharing import SharingInput
from mekongx.domains.training.models import COMPETENCIES
from mekongx.i18n import N_, Language
from mekongx.i18n.texts import TEXT_LANGUAGES

Kind = Literal["course", "study_visit", "secondment", "exchange"]
Level = Literal["basic", "intermediate", "advanced"]
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")


class CourseFields(SharingInput):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(min_length=2, max_length=32, pattern=r"^[A-Z0-9_-]+$")
    course_type: Kind = "course"  # "kind" names the payload on the exchange
    title_th: str = Field("", max_length=300)
    title_zh: str = Field("", max_length=300)
    title_en: str = Field("", max_length=300)
    title_lo: str = Field("", max_length=300)
    title_my: str = Field("", max_length=300)
    title_km: str = Field("", max_length=300)
    title_vi: str = Field("", max_length=300)
    topic: str = Field("", max_length=300)
    level: Level = "basic"
    course_language: str = Field("", max_length=40)
    trainers: str = Field("", max_length=2_000)
    starts_on: dt.date
    ends_on: dt.date
    hours: int | None = Field(None, ge=1, le=5_000)
    place: str = Field("", max_length=300)
    online: bool = False
    host_country: str = Field("", max_length=2, pattern=r"^[A-Z]{0,2}$")
    partner_agencies: list[str] = Field(default_factory=list, max_length=20)
    competencies: list[str] = Field(default_factory=list, max_length=len(COMPETENCIES))
    funding: str = Field("", max_length=200)
    language: Language = "en"

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not any(getattr(self, f"title_{code}") for code in TEXT_LANGUAGES):
            raise PydanticCustomError("mekongx", N_("Title: write it in at least one language."))
        if self.ends_on < self.starts_on:
            raise PydanticCustomError(
                "mekongx", N_("The course ends (%(end)s) before it starts (%(start)s)."),
                {"end": self.ends_on.isoformat(), "start": self.starts_on.isoformat()},
            )  # fmt: skip
        unknown = sorted(set(self.competencies) - set(COMPETENCIES))
        if unknown:
            raise PydanticCustomError(
                "mekongx", N_("Unknown competency: %(code)s"), {"code": ", ".join(unknown)}
            )
        if not self.online and not self.place:
            raise PydanticCustomError("mekongx", N_("Give the place, or mark the course online."))
        return self


class CourseInput(CourseFields):
    pass


class ParticipantInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    agency_code: str = AgencyCode
    rank: str = Field("", max_length=100)
    role: str = Field("", max_length=200)


class ResultInput(BaseModel):
    """Attendance, assessment and evaluation of one participant (each optional)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    attended_days: int | None = Field(None, ge=0, le=366)
    score: int | None = Field(None, ge=0, le=100)
    passed: bool | None = None
    reaction: int | None = Field(None, ge=1, le=5)
    behaviour: int | None = Field(None, ge=1, le=5)
    followed_up_on: dt.date | None = None
    results: str = Field("", max_length=4_000)


class CoursePayload(CourseFields):
    """``training.course``: the course without its participants."""

    uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
    version: int = Field(ge=1)
    origin_agency: str = AgencyCode
    author_name: str = Field("", max_length=200)


class CertificatePayload(BaseModel):
    """``training.certificate``: to the participant's own agency, what it needs to check a
    certificate's code (a digest of it, never the code) and nothing else of the course."""

    model_config = ConfigDict(extra="forbid")

    certificate_uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
    code_digest: str = Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")
    participant_name: str = Field(min_length=1, max_length=200)
    agency_code: str = AgencyCode
    course_code: str = Field(min_length=1, max_length=32)
    course_title: str = Field(min_length=1, max_length=300)
    starts_on: dt.date
    ends_on: dt.date
    competencies: list[str] = Field(default_factory=list, max_length=len(COMPETENCIES))
    issued_on: dt.date
    revoked: bool = False
    revoked_on: dt.date | None = None
    revoked_reason: str = Field("", max_length=2_000)

    @model_validator(mode="after")
    def _revocation(self) -> Self:
        if self.revoked and (self.revoked_on is None or not self.revoked_reason.strip()):
            raise PydanticCustomError(
                "mekongx",
                N_("A revoked certificate carries the day and the reason of its revocation."),
            )
        return self


class RevocationInput(BaseModel):
    """Why a certificate is revoked (the officer's agency is told, and its check shows it)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reason: str = Field(min_length=5, max_length=2_000)
