"""Requests for information: send, list received and sent, read a thread, acknowledge, reply,
partially reply, refuse; response-time statistics; bilateral deadline agreements."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import Response

from mekongx.api.v1.schemas import ERRORS
from mekongx.audit import read_session
from mekongx.domains.rfi import attachments
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi import threads as rfi_threads
from mekongx.domains.rfi.models import RfiAgreement
from mekongx.domains.rfi.schemas import (
    AcknowledgeInput,
    AgreementInput,
    RefusalInput,
    ReplyInput,
    RfiInput,
)
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_
from mekongx.model.base import utcnow

router = APIRouter(prefix="/rfi", tags=["requests for information"], responses=ERRORS)  # type: ignore[arg-type]


class PartyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    agency_code: str
    status: str
    shown_status: str = ""
    deadline: datetime
    acknowledged_at: datetime | None
    responded_at: datetime | None
    answered_at: datetime | None
    reminded_at: datetime | None
    escalated_at: datetime | None
    refusal_reason: str


class AttachmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    filename: str
    media_type: str
    size: int
    sha256: str


class AttachmentIn(BaseModel):
    """A file sent with a request or an answer: its name and its bytes in base64."""

    model_config = ConfigDict(extra="forbid")

    filename: str = Field(min_length=1, max_length=200)
    content: str = Field(min_length=1, max_length=attachments.PAYLOAD_MAX_CHARS)


class MessageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    kind: str
    from_agency: str
    to_agency: str
    author_name: str
    body: str
    language: str
    at: datetime
    attachments: list[AttachmentOut] = []


class RfiOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    subject: str
    question: str
    language: str
    urgency: str
    origin_agency: str
    author_name: str
    handling_code: str
    handling_note: str
    received: bool
    sent_at: datetime
    deadline: datetime
    purpose: str
    legal_basis: str


class ThreadOut(RfiOut):
    targets: list[dict[str, Any]]
    parties: list[PartyOut]
    messages: list[MessageOut]


class RfiCreate(RfiInput):
    """A request with the files that travel with it."""

    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=attachments.MAX_FILES)


class ReplyCreate(ReplyInput):
    """An answer with the files that travel with it."""

    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=attachments.MAX_FILES)


def files_of(items: list[AttachmentIn]) -> list[attachments.File]:
    """The decoded files of a request body; content that is not base64 is refused by name."""
    out = []
    for item in items:
        try:
            content = base64.b64decode(item.content, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationFailed([FieldProblem("attachments", N_("%(file)s: the content is not base64."), {"file": item.filename})]) from None  # fmt: skip
        out.append(attachments.File(item.filename, content))
    return out


class RowOut(BaseModel):
    id: int
    uid: str
    subject: str
    urgency: str
    origin_agency: str
    agency: str
    status: str
    shown_status: str
    sent_at: datetime
    deadline: datetime


class StatsOut(BaseModel):
    agency: str
    direction: str
    total: int
    answered: int
    answered_in_time: int
    partial: int
    refused: int
    open_overdue: int
    median_hours: float | None


class AgreementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    agency_code: str
    urgency: str
    hours: int
    reminder_percent: int
    note: str
    updated_by: str
    updated_at: datetime


def thread_out(thread: rfi_threads.Thread) -> ThreadOut:
    now = utcnow()
    base = RfiOut.model_validate(thread.rfi).model_dump()
    parties = [
        PartyOut.model_validate(p).model_copy(
            update={"shown_status": rfi_threads.display_status(p, now)}
        )
        for p in thread.parties
    ]
    messages = [
        MessageOut.model_validate(m).model_copy(update={"attachments": [
            AttachmentOut.model_validate(a) for a in thread.files.get(m.uid, [])]})
        for m in thread.messages
    ]  # fmt: skip
    return ThreadOut(**base, targets=thread.targets, parties=parties, messages=messages)


def rows_out(rows: list[rfi_threads.Row]) -> list[RowOut]:
    now = utcnow()
    return [
        RowOut(
            id=r.rfi.id,
            uid=r.rfi.uid,
            subject=r.rfi.subject,
            urgency=r.rfi.urgency,
            origin_agency=r.rfi.origin_agency,
            agency=r.party.agency_code,
            status=r.party.status,
            shown_status=rfi_threads.display_status(r.party, now),
            sent_at=r.rfi.sent_at,
            deadline=r.party.deadline,
        )
        for r in rows
    ]


@router.get("/inbox", response_model=list[RowOut])
def inbox(request: Request, principal: CurrentPrincipal) -> list[RowOut]:
    """Requests sent to your agency, the nearest deadline first."""
    with node_of(request).db.read() as session:
        return rows_out(rfi_threads.inbox(session, principal))


@router.get("/outbox", response_model=list[RowOut])
def outbox(request: Request, principal: CurrentPrincipal) -> list[RowOut]:
    """Requests your agency sent, one row per requested agency."""
    with node_of(request).db.read() as session:
        return rows_out(rfi_threads.outbox(session, principal))


@router.get("/stats", response_model=list[StatsOut])
def stats(request: Request, principal: CurrentPrincipal) -> list[StatsOut]:
    """Per counterpart: answered, answered within the deadline, median response time (hours)."""
    with node_of(request).db.read() as session:
        return [StatsOut(**vars(s)) for s in rfi_threads.stats(session, principal)]


@router.get("/agreements", response_model=list[AgreementOut])
def agreements(request: Request, principal: CurrentPrincipal) -> list[AgreementOut]:
    """Hours agreed per counterpart and urgency tier (defaults: 8 h, 72 h, 168 h)."""
    with node_of(request).db.read() as session:
        return [AgreementOut.model_validate(a) for a in rfi.agreements(session, principal)]


@router.put("/agreements", response_model=AgreementOut)
def set_agreement(
    request: Request, principal: CurrentPrincipal, data: AgreementInput
) -> AgreementOut:
    """Set the hours agreed with one counterpart for one tier (administrators)."""
    with node_of(request).db.write() as session:
        row: RfiAgreement = rfi.set_agreement(session, principal, data)
        return AgreementOut.model_validate(row)


@router.post("", response_model=ThreadOut, status_code=201)
def create(request: Request, principal: CurrentPrincipal, data: RfiCreate) -> ThreadOut:
    """Send a request to one or more peer agencies (liaison officers), with up to five files."""
    files = files_of(data.attachments)
    request_data = RfiInput.model_validate(data.model_dump(exclude={"attachments"}))
    with node_of(request).db.write() as session:
        created = rfi.create_rfi(session, principal, request_data, files=files)
        return thread_out(rfi_threads.read_thread(session, principal, created.id, why="created"))


@router.get("/{rfi_id}", response_model=ThreadOut)
def thread(request: Request, principal: CurrentPrincipal, rfi_id: RecordId) -> ThreadOut:
    """One request with its messages and the status of each requested agency (read audited)."""
    with read_session(node_of(request).db) as session:
        return thread_out(rfi_threads.read_thread(session, principal, rfi_id, why="API"))


@router.post("/{rfi_id}/acknowledge", response_model=ThreadOut)
def acknowledge(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, data: AcknowledgeInput
) -> ThreadOut:
    """Confirm receipt of a request sent to your agency."""
    with node_of(request).db.write() as session:
        rfi.acknowledge(session, principal, rfi_id, data)
        return thread_out(rfi_threads.read_thread(session, principal, rfi_id, why="acknowledged"))


@router.post("/{rfi_id}/reply", response_model=ThreadOut)
def reply(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, data: ReplyCreate
) -> ThreadOut:
    """Answer a request sent to your agency (``partial: true`` for a partial answer), with up to
    five files."""
    files = files_of(data.attachments)
    answer = ReplyInput.model_validate(data.model_dump(exclude={"attachments"}))
    with node_of(request).db.write() as session:
        rfi.reply(session, principal, rfi_id, answer, files=files)
        return thread_out(rfi_threads.read_thread(session, principal, rfi_id, why="replied"))


@router.post("/{rfi_id}/refuse", response_model=ThreadOut)
def refuse(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, data: RefusalInput
) -> ThreadOut:
    """Refuse a request sent to your agency, giving the reason."""
    with node_of(request).db.write() as session:
        rfi.refuse(session, principal, rfi_id, data)
        return thread_out(rfi_threads.read_thread(session, principal, rfi_id, why="refused"))


@router.get("/{rfi_id}/attachments/{uid}")
def attachment(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, uid: str
) -> Response:
    """One attached file (its read audited)."""
    with read_session(node_of(request).db) as session:
        found = attachments.read(session, principal, rfi_id, uid[:36], why="API")
        content, media_type, name = found.content, found.media_type, found.filename
    return Response(content, media_type=media_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
        "X-Content-Type-Options": "nosniff",
    })  # fmt: skip
