"""Reading requests for information: one thread with its messages and files (``read_thread``,
audited), the inbox and outbox rows, the status shown for a requested agency
(``display_status``) and the response times per counterpart (``stats``). Every change is in
``service.py``."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal, read_audited, visible
from mekongx.domains.rfi import attachments
from mekongx.domains.rfi.models import Rfi, RfiAttachment, RfiMessage, RfiParty
from mekongx.domains.rfi.service import KIND, OPEN
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency

# --- reading -------------------------------------------------------------------------------


@dataclass
class Thread:
    rfi: Rfi
    parties: list[RfiParty]
    messages: list[RfiMessage]
    agencies: dict[str, Agency] = field(default_factory=dict)
    files: dict[str, list[RfiAttachment]] = field(default_factory=dict)  # by message uid

    @property
    def targets(self) -> list[dict[str, Any]]:
        found = json.loads(self.rfi.targets or "[]")
        return found if isinstance(found, list) else []

    @property
    def incoming(self) -> bool:
        return self.rfi.received


@dataclass(frozen=True)
class Row:
    rfi: Rfi
    party: RfiParty


def display_status(party: RfiParty, now: datetime) -> str:
    """The status shown: the stored one, or overdue/escalated once the deadline has passed."""
    if party.status in OPEN and now > party.deadline:
        return "escalated" if party.escalated_at is not None else "overdue"
    return party.status


def read_thread(session: Session, principal: Principal, rfi_id: int | str, why: str = "") -> Thread:
    """Open one RFI with its messages; the read is audited."""
    rfi = read_audited(session, principal, Rfi, rfi_id, "rfi.read", KIND, why=why)
    stmt = select(RfiParty).where(RfiParty.rfi_id == rfi.id)
    if rfi.origin_agency != principal.agency:
        stmt = stmt.where(RfiParty.agency_code == principal.agency)
    parties = list(session.scalars(stmt.order_by(RfiParty.agency_code)))
    messages = select(RfiMessage).where(RfiMessage.rfi_id == rfi.id)
    if rfi.origin_agency != principal.agency:
        messages = messages.where(
            (RfiMessage.from_agency == principal.agency)
            | (RfiMessage.to_agency.in_(("", principal.agency)))
        )
    found = list(session.scalars(messages.order_by(RfiMessage.at, RfiMessage.id)))
    codes = {rfi.origin_agency, *(p.agency_code for p in parties)}
    agencies = {a.code: a for a in session.scalars(select(Agency).where(Agency.code.in_(codes)))}
    shown = {m.uid for m in found}
    files = {k: v for k, v in attachments.of_thread(session, rfi).items() if k in shown}
    return Thread(rfi, parties, found, agencies, files)


def inbox(session: Session, principal: Principal) -> list[Row]:
    """Requests sent to the principal's agency, the nearest deadline first."""
    stmt = (
        visible(principal, Rfi)
        .where(Rfi.origin_agency != principal.agency)
        .add_columns(RfiParty)
        .join(RfiParty, RfiParty.rfi_id == Rfi.id)
        .where(RfiParty.agency_code == principal.agency)
        .order_by(RfiParty.deadline, Rfi.id)
    )
    return [Row(rfi, party) for rfi, party in session.execute(stmt).all()]


def outbox(session: Session, principal: Principal, case_uid: str | None = None) -> list[Row]:
    """Requests the principal's agency sent (of one financial case if ``case_uid``), one row per
    requested agency, newest first."""
    stmt = (
        visible(principal, Rfi)
        .where(Rfi.origin_agency == principal.agency)
        .add_columns(RfiParty)
        .join(RfiParty, RfiParty.rfi_id == Rfi.id)
        .order_by(Rfi.sent_at.desc(), Rfi.id.desc(), RfiParty.agency_code)
    )
    if case_uid is not None:
        stmt = stmt.where(Rfi.case_uid == case_uid)
    return [Row(rfi, party) for rfi, party in session.execute(stmt).all()]


@dataclass(frozen=True)
class PeerStats:
    agency: str
    direction: str  # "sent": they answered us; "received": we answered them
    total: int
    answered: int
    answered_in_time: int
    partial: int
    refused: int
    open_overdue: int
    median_hours: float | None


def stats(session: Session, principal: Principal, now: datetime | None = None) -> list[PeerStats]:
    """Response times per counterpart: how our requests were answered, and how we answered."""
    now = now or utcnow()
    groups: dict[tuple[str, str], list[tuple[Rfi, RfiParty]]] = {}
    for row in outbox(session, principal):
        groups.setdefault((row.party.agency_code, "sent"), []).append((row.rfi, row.party))
    for row in inbox(session, principal):
        groups.setdefault((row.rfi.origin_agency, "received"), []).append((row.rfi, row.party))
    out = []
    for (agency, direction), rows in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        times = [
            (p.responded_at - r.sent_at).total_seconds() / 3600
            for r, p in rows
            if p.responded_at is not None
        ]
        out.append(
            PeerStats(
                agency=agency,
                direction=direction,
                total=len(rows),
                answered=sum(p.status == "answered" for _, p in rows),
                answered_in_time=sum(
                    p.answered_at is not None and p.answered_at <= p.deadline for _, p in rows
                ),
                partial=sum(p.status == "partially_answered" for _, p in rows),
                refused=sum(p.status == "refused" for _, p in rows),
                open_overdue=sum(p.status in OPEN and now > p.deadline for _, p in rows),
                median_hours=round(statistics.median(times), 1) if times else None,
            )
        )
    return out
