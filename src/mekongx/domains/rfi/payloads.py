"""What RFI payloads must look like when they arrive from a peer (``docs/schemas/``): the
request's fields follow the rules of a user's request (:class:`RfiInput`)."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from mekongx.domains.rfi.attachments import MAX_FILES, PAYLOAD_MAX_CHARS
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.i18n import Language

Uid = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")
MessageKind = Literal[
    "request", "acknowledgement", "reply", "partial_reply", "refusal", "reminder", "escalation"
]


class AttachmentPayload(BaseModel):
    """A file of a request or an answer: its bytes (base64) and their SHA-256."""

    model_config = ConfigDict(extra="forbid")

    uid: str = Uid
    filename: str = Field(min_length=1, max_length=200)
    media_type: str = Field(min_length=1, max_length=100)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    content: str = Field(min_length=1, max_length=PAYLOAD_MAX_CHARS)


class MessagePayload(BaseModel):
    """``rfi.acknowledgement``, ``rfi.response``, ``rfi.reminder``, ``rfi.escalation``."""

    model_config = ConfigDict(extra="forbid")

    uid: str = Uid
    message_uid: str = Uid
    message_kind: MessageKind
    from_agency: str = AgencyCode
    to_agency: str = Field("", max_length=16)
    author_name: str = Field("", max_length=200)
    body: str = Field("", max_length=50_000)
    language: Language
    at: AwareDatetime
    deadline: AwareDatetime | None = None
    attachments: list[AttachmentPayload] = Field(default_factory=list, max_length=MAX_FILES)


class RequestPayload(RfiInput):
    """``rfi.request``: the question, with the requested agency's own deadline."""

    uid: str = Uid
    message_uid: str = Uid
    message_kind: Literal["request"]
    from_agency: str = AgencyCode
    to_agency: str = Field("", max_length=16)
    author_name: str = Field("", max_length=200)
    body: str = Field("", max_length=50_000)
    at: AwareDatetime
    sent_at: AwareDatetime
    deadline: AwareDatetime
    attachments: list[AttachmentPayload] = Field(default_factory=list, max_length=MAX_FILES)
