"""What a user may send to the meetings area. A whole meeting (a minutes file: delegations,
agenda items, resolutions, actions) has the shape of :class:`MeetingInput`; the exchange's
minutes payload is the same shape with the uids and the version added (``payloads.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from mekongx.i18n import N_, Language
from mekongx.i18n.texts import TEXT_LANGUAGES

Status = Literal["planned", "in_progress", "done", "dropped"]
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")
OptionalUid = Field(None, min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")


# the problem of a text left empty in every language, named by the field's word in the reader's
# language (not its code: a "place" is ສະຖານທີ່ to a Lao reader)
_EMPTY = {
    "name": N_("Name: write it in at least one language."),
    "title": N_("Title: write it in at least one language."),
    "text": N_("Text: write it in at least one language."),
    "place": N_("Place: write it in at least one language."),
}


def _one_language(model: BaseModel, field: str) -> None:
    if not any(str(getattr(model, f"{field}_{code}")).strip() for code in TEXT_LANGUAGES):
        raise PydanticCustomError("mekongx", _EMPTY[field])


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SeriesInput(_Input):
    code: str = Field(min_length=2, max_length=32, pattern=r"^[A-Z0-9_-]+$")
    name_th: str = Field("", max_length=300)
    name_zh: str = Field("", max_length=300)
    name_en: str = Field("", max_length=300)
    name_lo: str = Field("", max_length=300)
    name_my: str = Field("", max_length=300)
    name_km: str = Field("", max_length=300)
    name_vi: str = Field("", max_length=300)
    agencies: list[str] = Field(min_length=2, max_length=20)

    @model_validator(mode="after")
    def _named(self) -> Self:
        _one_language(self, "name")
        return self


class DelegateInput(_Input):
    agency: str = AgencyCode
    role: Literal["head", "co_chair", "member"] = "member"
    name_th: str = Field("", max_length=200)
    name_zh: str = Field("", max_length=200)
    name_en: str = Field("", max_length=200)
    name_lo: str = Field("", max_length=200)
    name_my: str = Field("", max_length=200)
    name_km: str = Field("", max_length=200)
    name_vi: str = Field("", max_length=200)
    title_th: str = Field("", max_length=400)
    title_zh: str = Field("", max_length=400)
    title_en: str = Field("", max_length=400)
    title_lo: str = Field("", max_length=400)
    title_my: str = Field("", max_length=400)
    title_km: str = Field("", max_length=400)
    title_vi: str = Field("", max_length=400)

    @model_validator(mode="after")
    def _named(self) -> Self:
        _one_language(self, "name")
        return self


class ActionInput(_Input):
    uid: str | None = OptionalUid
    owner_agency: str = AgencyCode
    counterpart_agency: str = Field("", max_length=16, pattern=r"^[A-Z0-9_-]{0,16}$")
    title_th: str = Field("", max_length=500)
    title_zh: str = Field("", max_length=500)
    title_en: str = Field("", max_length=500)
    title_lo: str = Field("", max_length=500)
    title_my: str = Field("", max_length=500)
    title_km: str = Field("", max_length=500)
    title_vi: str = Field("", max_length=500)
    deadline: dt.date
    status: Status = "planned"
    status_reason: str = Field("", max_length=4000)

    @model_validator(mode="after")
    def _checked(self) -> Self:
        _one_language(self, "title")
        _dropped_needs_reason(self.status, self.status_reason)
        return self


class ResolutionInput(_Input):
    uid: str | None = OptionalUid
    number: int = Field(ge=1, le=999)
    text_th: str = Field("", max_length=8000)
    text_zh: str = Field("", max_length=8000)
    text_en: str = Field("", max_length=8000)
    text_lo: str = Field("", max_length=8000)
    text_my: str = Field("", max_length=8000)
    text_km: str = Field("", max_length=8000)
    text_vi: str = Field("", max_length=8000)
    actions: list[ActionInput] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _written(self) -> Self:
        _one_language(self, "text")
        return self


class ItemInput(_Input):
    uid: str | None = OptionalUid
    title_th: str = Field("", max_length=500)
    title_zh: str = Field("", max_length=500)
    title_en: str = Field("", max_length=500)
    title_lo: str = Field("", max_length=500)
    title_my: str = Field("", max_length=500)
    title_km: str = Field("", max_length=500)
    title_vi: str = Field("", max_length=500)
    summary_th: str = Field("", max_length=50_000)
    summary_zh: str = Field("", max_length=50_000)
    summary_en: str = Field("", max_length=50_000)
    summary_lo: str = Field("", max_length=50_000)
    summary_my: str = Field("", max_length=50_000)
    summary_km: str = Field("", max_length=50_000)
    summary_vi: str = Field("", max_length=50_000)
    resolutions: list[ResolutionInput] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _titled(self) -> Self:
        _one_language(self, "title")
        return self


class MeetingFields(_Input):
    """A meeting without its minutes (the first form)."""

    series: str = Field(min_length=2, max_length=32)
    number: int = Field(ge=1, le=9999)
    host_agency: str = AgencyCode
    counterpart: str = AgencyCode
    place_th: str = Field("", max_length=300)
    place_zh: str = Field("", max_length=300)
    place_en: str = Field("", max_length=300)
    place_lo: str = Field("", max_length=300)
    place_my: str = Field("", max_length=300)
    place_km: str = Field("", max_length=300)
    place_vi: str = Field("", max_length=300)
    starts_on: dt.date
    ends_on: dt.date
    language: Language = "en"
    handling_code: Literal["H0", "H1", "H2", "H3"] = "H0"
    handling_note: str = Field("", max_length=2000)

    @model_validator(mode="after")
    def _checked(self) -> Self:
        _one_language(self, "place")
        if self.ends_on < self.starts_on:
            raise PydanticCustomError("mekongx", N_("The meeting cannot end before it starts."), {})
        if self.handling_code == "H3" and not self.handling_note:
            raise PydanticCustomError(
                "h3_note", N_("Handling code H3 needs the restrictions written out.")
            )
        return self


class MeetingInput(MeetingFields):
    """A whole meeting: what a minutes file holds."""

    delegates: list[DelegateInput] = Field(default_factory=list, max_length=200)
    items: list[ItemInput] = Field(default_factory=list, max_length=100)


class StatusInput(_Input):
    status: Status
    reason: str = Field("", max_length=4000)

    @model_validator(mode="after")
    def _checked(self) -> Self:
        _dropped_needs_reason(self.status, self.reason)
        return self


class NoteInput(_Input):
    noted_on: dt.date
    body: str = Field(min_length=1, max_length=8000)
    language: Language = "en"


class EvidenceInput(_Input):
    kind: str = Field(min_length=1, max_length=32)
    record_uid: str = Field(min_length=1, max_length=36)


class CommentInput(_Input):
    item_uid: str = Field("", max_length=36)
    body: str = Field(min_length=1, max_length=8000)
    language: Language = "en"


def _dropped_needs_reason(status: str, reason: str) -> None:
    if status == "dropped" and not reason.strip():
        raise PydanticCustomError("mekongx", N_("Say why the action is dropped."), {})
