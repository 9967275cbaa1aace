"""What notices and hit alerts must look like when they arrive from a peer (``docs/schemas/``):
a notice's fields follow the rules of a user's notice (:class:`NoticeInput`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from mekongx.domains.fugitives.photos import MAX_PHOTO_BYTES
from mekongx.domains.fugitives.schemas import NoticeInput
from mekongx.i18n import Language

Uid = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")


class NoticePayload(NoticeInput):
    """``fugitives.notice`` (type ``notice``)."""

    expected_version: None = Field(None, exclude=True)  # a local edit's check, not on the wire
    uid: str = Uid
    version: int = Field(ge=1)
    origin_agency: str = AgencyCode
    author_name: str = Field("", max_length=200)
    created_at: AwareDatetime
    published_at: AwareDatetime
    photo: str | None = Field(None, max_length=(MAX_PHOTO_BYTES + 2) // 3 * 4)


class HitPayload(BaseModel):
    """``fugitives.hit``: an officer of the sending agency confirmed a hit on our notice."""

    model_config = ConfigDict(extra="forbid")

    uid: str = Uid
    notice_uid: str = Uid
    officer: str = Field("", max_length=200)
    query_name: str = Field(min_length=1, max_length=300)
    query_birth_date: str = Field("", max_length=10)
    query_nationality: str = Field("", max_length=3)
    query_document: str = Field("", max_length=64)
    source: str = Field("", max_length=300)
    probability: float = Field(ge=0, le=1)
    note: str = Field("", max_length=2000)
    note_language: Language | Literal[""] = ""
    note_translations: dict[Language, Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=dict, max_length=7
    )
    confirmed_at: AwareDatetime
