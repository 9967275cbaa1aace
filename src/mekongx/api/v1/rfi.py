"""Requests for information: send, list received and sent, read a thread, acknowledge, reply,
partially reply, refuse; response-time statistics; bilateral deadline agreements."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request

from mekongx.api.v1.schemas import ERRORS
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi.models import RfiAgreement
from mekongx.domains.rfi.schemas import (
    AcknowledgeInput,
    AgreementInput,
    RefusalInput,
    ReplyInput,
    RfiInput,
)
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
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


class ThreadOut(RfiOut):
    parties: list[PartyOut]
    messages: list[MessageOut]


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


def _thread(thread: rfi.Thread) -> ThreadOut:
    now = utcnow()
    base = RfiOut.model_validate(thread.rfi).model_dump()
    parties = [
        PartyOut.model_validate(p).model_copy(update={"shown_status": rfi.display_status(p, now)})
        for p in thread.parties
    ]
    messages = [MessageOut.model_validate(m) for m in thread.messages]
    return ThreadOut(**base, parties=parties, messages=messages)


def _rows(rows: list[rfi.Row]) -> list[RowOut]:
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
            shown_status=rfi.display_status(r.party, now),
            sent_at=r.rfi.sent_at,
            deadline=r.party.deadline,
        )
        for r in rows
    ]


@router.get("/inbox", response_model=list[RowOut])
def inbox(request: Request, principal: CurrentPrincipal) -> list[RowOut]:
    """Requests sent to your agency, the nearest deadline first."""
    with node_of(request).db.read() as session:
        return _rows(rfi.inbox(session, principal))


@router.get("/outbox", response_model=list[RowOut])
def outbox(request: Request, principal: CurrentPrincipal) -> list[RowOut]:
    """Requests your agency sent, one row per requested agency."""
    with node_of(request).db.read() as session:
        return _rows(rfi.outbox(session, principal))


@router.get("/stats", response_model=list[StatsOut])
def stats(request: Request, principal: CurrentPrincipal) -> list[StatsOut]:
    """Per counterpart: answered, answered within the deadline, median response time (hours)."""
    with node_of(request).db.read() as session:
        return [StatsOut(**vars(s)) for s in rfi.stats(session, principal)]


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
def create(request: Request, principal: CurrentPrincipal, data: RfiInput) -> ThreadOut:
    """Send a request to one or more peer agencies (liaison officers)."""
    with node_of(request).db.write() as session:
        created = rfi.create_rfi(session, principal, data)
        return _thread(rfi.read_thread(session, principal, created.id, why="created"))


@router.get("/{rfi_id}", response_model=ThreadOut)
def thread(request: Request, principal: CurrentPrincipal, rfi_id: RecordId) -> ThreadOut:
    """One request with its messages and the status of each requested agency (read audited)."""
    with node_of(request).db.write() as session:
        return _thread(rfi.read_thread(session, principal, rfi_id, why="API"))


@router.post("/{rfi_id}/acknowledge", response_model=ThreadOut)
def acknowledge(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, data: AcknowledgeInput
) -> ThreadOut:
    """Confirm receipt of a request sent to your agency."""
    with node_of(request).db.write() as session:
        rfi.acknowledge(session, principal, rfi_id, data)
        return _thread(rfi.read_thread(session, principal, rfi_id, why="acknowledged"))


@router.post("/{rfi_id}/reply", response_model=ThreadOut)
def reply(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, data: ReplyInput
) -> ThreadOut:
    """Answer a request sent to your agency (``partial: true`` for a partial answer)."""
    with node_of(request).db.write() as session:
        rfi.reply(session, principal, rfi_id, data)
        return _thread(rfi.read_thread(session, principal, rfi_id, why="replied"))


@router.post("/{rfi_id}/refuse", response_model=ThreadOut)
def refuse(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, data: RefusalInput
) -> ThreadOut:
    """Refuse a request sent to your agency, giving the reason."""
    with node_of(request).db.write() as session:
        rfi.refuse(session, principal, rfi_id, data)
        return _thread(rfi.read_thread(session, principal, rfi_id, why="refused"))
