"""What meeting payloads must look like when they arrive from a peer (``docs/schemas/``). The
minutes carry the fields of a user's minutes file (:class:`MeetingInput`) with every uid set."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from mekongx.domains.meetings.schemas import (
    ActionInput,
    DelegateInput,
    ItemInput,
    ResolutionInput,
    Status,
)
from mekongx.i18n import Language

Uid = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")
Digest = Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActionMinutes(ActionInput):
    uid: str = Uid


class ResolutionMinutes(ResolutionInput):
    uid: str = Uid
    actions: list[ActionMinutes] = Field(default_factory=list, max_length=50)  # type: ignore[assignment]


class ItemMinutes(ItemInput):
    uid: str = Uid
    resolutions: list[ResolutionMinutes] = Field(default_factory=list, max_length=100)  # type: ignore[assignment]


class Minutes(_Strict):
    """The canonical minutes (what both sides sign)."""

    meeting_uid: str = Uid
    series: str = Field(min_length=2, max_length=32, pattern=r"^[A-Z0-9_-]+$")
    number: int = Field(ge=1, le=9999)
    host_agency: str = AgencyCode
    drafting_agency: str = AgencyCode
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
    delegates: list[DelegateInput] = Field(default_factory=list, max_length=200)
    items: list[ItemMinutes] = Field(default_factory=list, max_length=100)


class MinutesPayload(_Strict):
    """``meetings.minutes``: the drafting side's minutes, version and digest."""

    minutes: Minutes
    version: int = Field(ge=1)
    digest: str = Digest
    language: Language
    handling_code: Literal["H0", "H1", "H2", "H3"]
    handling_note: str = Field("", max_length=2000)
    author_name: str = Field("", max_length=200)
    series_name_th: str = Field("", max_length=300)
    series_name_zh: str = Field("", max_length=300)
    series_name_en: str = Field("", max_length=300)
    series_name_lo: str = Field("", max_length=300)
    series_name_my: str = Field("", max_length=300)
    series_name_km: str = Field("", max_length=300)
    series_name_vi: str = Field("", max_length=300)
    series_agencies: list[str] = Field(default_factory=list, max_length=20)


class CommentPayload(_Strict):
    """``meetings.comment``: one side's comment on an agenda item of a version."""

    meeting_uid: str = Uid
    uid: str = Uid
    item_uid: str = Field("", max_length=36)
    minutes_version: int = Field(ge=1)
    agency: str = AgencyCode
    author_name: str = Field("", max_length=200)
    body: str = Field(min_length=1, max_length=8000)
    language: Language
    at: AwareDatetime


class ApprovalPayload(_Strict):
    """``meetings.approval``: one side's node-signed statement over the minutes' digest."""

    meeting_uid: str = Uid
    statement: dict[str, Any]


class NotePayload(_Strict):
    uid: str = Uid
    noted_on: dt.date
    body: str = Field(min_length=1, max_length=8000)
    language: Language
    author_name: str = Field("", max_length=200)


class EvidencePayload(_Strict):
    kind: str = Field(min_length=1, max_length=32)
    record_uid: str = Field(min_length=1, max_length=36)


class ActionPayload(_Strict):
    """``meetings.action``: the owner's state of an action (status, notes, evidence)."""

    meeting_uid: str = Uid
    uid: str = Uid
    owner_agency: str = AgencyCode
    version: int = Field(ge=1)
    status: Status
    status_reason: str = Field("", max_length=4000)
    updated_at: AwareDatetime
    updated_by: str = Field("", max_length=200)
    notes: list[NotePayload] = Field(default_factory=list, max_length=500)
    evidence: list[EvidencePayload] = Field(default_factory=list, max_length=500)
