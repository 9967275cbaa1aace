"""Every change to requests for information. One function per action; each takes the acting
user (or, for the clock, the node), writes its audit row and the envelopes it sends in the same
transaction, and leaves the commit to the caller's unit of work. Pass ``now`` to control the
clock in tests; it defaults to the current UTC time. Reading a thread, the inbox and outbox and
the response times are in ``threads.py``."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Permission, Principal, access, require
from mekongx.db import Database
from mekongx.domains.rfi import attachments, clock, fulltext
from mekongx.domains.rfi.models import Rfi, RfiAgreement, RfiAttachment, RfiMessage, RfiParty
from mekongx.domains.rfi.schemas import (
    AcknowledgeInput,
    AgreementInput,
    RefusalInput,
    ReplyInput,
    RfiInput,
)
from mekongx.errors import Conflict, FieldProblem, Forbidden, ValidationFailed
from mekongx.federation.envelope import iso
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient, new_uid

KIND = "rfi"
KIND_REQUEST = "rfi.request"
KIND_ACK = "rfi.acknowledgement"
KIND_REMINDER = "rfi.reminder"
KIND_RESPONSE = "rfi.response"
KIND_ESCALATION = "rfi.escalation"

OPEN = ("sent", "acknowledged", "partially_answered")
FINAL = ("answered", "refused")
RESPONSE_STATUS = {"reply": "answered", "partial_reply": "partially_answered", "refusal": "refused"}


# --- deadlines and agreements --------------------------------------------------------------


def terms(session: Session, agency: str, urgency: str) -> tuple[int, int]:
    """Hours allowed and reminder percentage for ``urgency`` with ``agency``."""
    row = session.get(RfiAgreement, (agency, urgency))
    if row is None:
        return clock.DEFAULT_HOURS[urgency], clock.DEFAULT_REMINDER_PERCENT
    return row.hours, row.reminder_percent


def agreements(session: Session, principal: Principal) -> list[RfiAgreement]:
    require(principal, Permission.READ_RECORDS)
    stmt = select(RfiAgreement).order_by(RfiAgreement.agency_code, RfiAgreement.urgency)
    return list(session.scalars(stmt))


def set_agreement(session: Session, principal: Principal, data: AgreementInput) -> RfiAgreement:
    """Record the hours agreed with one counterpart for one tier (administrators)."""
    require(principal, Permission.MANAGE_AGENCIES)
    code = data.agency.upper()
    agency = session.get(Agency, code)
    if agency is None:
        raise ValidationFailed(
            [FieldProblem("agency", N_("Unknown agency: %(code)s"), {"code": code})]
        )
    row = session.get(RfiAgreement, (code, data.urgency))
    if row is None:
        row = RfiAgreement(agency_code=code, urgency=data.urgency)
        session.add(row)
    row.hours, row.reminder_percent, row.note = data.hours, data.reminder_percent, data.note
    row.updated_by, row.updated_at = principal.username, utcnow()
    session.flush()
    record(
        session, principal.actor, "rfi.agreement", "rfi_agreement", f"{code}/{data.urgency}",
        details={"hours": data.hours, "reminder_percent": data.reminder_percent},
    )  # fmt: skip
    return row


# --- creating and answering ----------------------------------------------------------------


def _message(
    session: Session,
    rfi: Rfi,
    kind: str,
    from_agency: str,
    *,
    to: str = "",
    author: str = "",
    body: str = "",
    language: str = "en",
    at: datetime,
    uid: str | None = None,
    envelope_id: str = "",
) -> RfiMessage:
    message = RfiMessage(
        uid=uid or new_uid(),
        rfi_id=rfi.id,
        kind=kind,
        from_agency=from_agency,
        to_agency=to,
        author_name=author,
        body=body,
        language=language,
        at=at,
        envelope_id=envelope_id,
    )
    session.add(message)
    session.flush()
    return message


def _message_payload(rfi: Rfi, message: RfiMessage) -> dict[str, Any]:
    return {
        "uid": rfi.uid,
        "message_uid": message.uid,
        "message_kind": message.kind,
        "from_agency": message.from_agency,
        "to_agency": message.to_agency,
        "author_name": message.author_name,
        "body": message.body,
        "language": message.language,
        "at": iso(message.at),
    }


def create_rfi(
    session: Session,
    principal: Principal,
    data: RfiInput,
    now: datetime | None = None,
    *,
    files: Sequence[attachments.File] = (),
    case_uid: str = "",
) -> Rfi:
    """Send a request to one or more peer agencies; each gets its deadline from its agreement.
    ``files`` travel with the request; ``case_uid`` links it to the requester's own financial
    case (an asset-tracing or freezing request) and is never sent."""
    require(principal, Permission.RELEASE_RECORDS)
    now = now or utcnow()
    checked_files = attachments.check(files)
    known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.requested))))
    problems = []
    for code in data.requested:
        if code not in known:
            problems.append(
                FieldProblem("requested", N_("Unknown agency: %(code)s"), {"code": code})
            )
        elif code == principal.agency:
            problems.append(
                FieldProblem("requested", N_("Your own agency cannot be asked for information."))
            )
    if problems:
        raise ValidationFailed(problems)
    parties = []
    for code in data.requested:
        hours, percent = terms(session, code, data.urgency)
        deadline = clock.deadline_after(now, hours)
        parties.append((code, deadline, clock.reminder_time(now, deadline, percent)))
    rfi = Rfi(
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        language=data.language,
        subject=data.subject,
        question=data.question,
        urgency=data.urgency,
        handling_code=data.handling_code,
        handling_note=data.handling_note,
        distribution=Distribution.PEERS.value,
        sent_at=now,
        created_at=now,
        updated_at=now,
        deadline=min(d for _, d, _ in parties),
        purpose=data.purpose,
        legal_basis=data.legal_basis,
        targets=json.dumps([t.model_dump() for t in data.targets], ensure_ascii=False),
        case_uid=case_uid,
    )
    session.add(rfi)
    session.flush()
    fulltext.index(session, rfi)
    session.add_all(RecordRecipient(record_uid=rfi.uid, agency_code=c) for c in data.requested)
    session.add_all(
        RfiParty(rfi_id=rfi.id, agency_code=c, deadline=d, remind_at=r) for c, d, r in parties
    )
    request = _message(
        session, rfi, "request", principal.agency, author=principal.display_name,
        body=data.question, language=data.language, at=now,
    )  # fmt: skip
    files_sent = attachments.store(session, rfi, request.uid, checked_files)
    record(
        session, principal.actor, "rfi.create", KIND, rfi.uid,
        details={"to": data.requested, "urgency": data.urgency, "deadline": iso(rfi.deadline),
                 "purpose": data.purpose, "case": case_uid or None,
                 "attachments": [{"file": a.filename, "sha256": a.sha256} for a in files_sent]},
    )  # fmt: skip
    for code, deadline, _ in parties:
        payload = {
            **_message_payload(rfi, request),
            "subject": rfi.subject,
            "question": rfi.question,
            "urgency": rfi.urgency,
            "handling_code": rfi.handling_code,
            "handling_note": rfi.handling_note,
            "requested": data.requested,
            "sent_at": iso(now),
            "deadline": iso(deadline),
            "purpose": rfi.purpose,
            "legal_basis": rfi.legal_basis,
            "targets": [t.model_dump(exclude_defaults=True) for t in data.targets],
            "attachments": attachments.as_payload(files_sent),
        }
        enqueue(
            session, principal.actor, type="request", kind=KIND_REQUEST, payload=payload, to=[code],
            handling=rfi.handling_code, record_uid=rfi.uid, thread=rfi.uid,
            priority=clock.PRIORITY[rfi.urgency], deadline=iso(deadline), languages=[rfi.language],
        )  # fmt: skip
    return rfi


def _own_party(session: Session, principal: Principal, rfi_id: int | str) -> tuple[Rfi, RfiParty]:
    """The RFI and the principal's agency's place in it; only a requested agency may answer."""
    rfi = access(session, principal, Rfi, rfi_id, "read")
    require(principal, Permission.RELEASE_RECORDS)
    party = session.get(RfiParty, (rfi.id, principal.agency), with_for_update=True)
    if party is None or rfi.origin_agency == principal.agency:
        raise Forbidden(N_("Only an agency this request was sent to can answer it."))
    return rfi, party


def _request_envelope(session: Session, rfi: Rfi) -> str | None:
    found = session.scalar(
        select(RfiMessage.envelope_id).where(
            RfiMessage.rfi_id == rfi.id, RfiMessage.kind == "request"
        )
    )
    return found or None


def _send_back(
    session: Session,
    principal: Principal,
    rfi: Rfi,
    message: RfiMessage,
    type_: str,
    kind: str,
    party: RfiParty,
    files: Sequence[RfiAttachment] = (),
) -> None:
    payload = _message_payload(rfi, message)
    if files:
        payload["attachments"] = attachments.as_payload(files)
    enqueue(
        session, principal.actor, type=type_, kind=kind, payload=payload,
        to=[rfi.origin_agency], handling=rfi.handling_code, record_uid=rfi.uid, thread=rfi.uid,
        in_reply_to=_request_envelope(session, rfi), priority=clock.PRIORITY[rfi.urgency],
        deadline=iso(party.deadline), languages=[message.language],
    )  # fmt: skip


def acknowledge(
    session: Session,
    principal: Principal,
    rfi_id: int | str,
    data: AcknowledgeInput,
    now: datetime | None = None,
) -> RfiMessage:
    now = now or utcnow()
    rfi, party = _own_party(session, principal, rfi_id)
    if party.status != "sent":
        raise Conflict(N_("This request has already been acknowledged or answered."))
    message = _message(
        session, rfi, "acknowledgement", principal.agency, to=rfi.origin_agency,
        author=principal.display_name, body=data.note, language=data.language, at=now,
    )  # fmt: skip
    set_status(party, "acknowledgement", now)
    record(session, principal.actor, "rfi.acknowledge", KIND, rfi.uid)
    _send_back(session, principal, rfi, message, "acknowledgement", KIND_ACK, party)
    return message


def reply(
    session: Session,
    principal: Principal,
    rfi_id: int | str,
    data: ReplyInput,
    now: datetime | None = None,
    *,
    files: Sequence[attachments.File] = (),
) -> RfiMessage:
    """Answer (fully or in part), with ``files`` travelling with the answer."""
    kind = "partial_reply" if data.partial else "reply"
    return _respond(session, principal, rfi_id, kind, data.body, data.language, now, files)


def refuse(
    session: Session,
    principal: Principal,
    rfi_id: int | str,
    data: RefusalInput,
    now: datetime | None = None,
) -> RfiMessage:
    return _respond(session, principal, rfi_id, "refusal", data.reason, data.language, now)


def _respond(
    session: Session,
    principal: Principal,
    rfi_id: int | str,
    kind: str,
    body: str,
    language: str,
    now: datetime | None,
    files: Sequence[attachments.File] = (),
) -> RfiMessage:
    now = now or utcnow()
    checked_files = attachments.check(files)
    rfi, party = _own_party(session, principal, rfi_id)
    if party.status in FINAL:
        raise Conflict(N_("This request has already been answered or refused."))
    message = _message(
        session, rfi, kind, principal.agency, to=rfi.origin_agency,
        author=principal.display_name, body=body, language=language, at=now,
    )  # fmt: skip
    sent = attachments.store(session, rfi, message.uid, checked_files)
    set_status(party, kind, now, body)
    record(session, principal.actor, f"rfi.{kind}", KIND, rfi.uid,
           details={"attachments": [{"file": a.filename, "sha256": a.sha256} for a in sent]}
           if sent else None)  # fmt: skip
    _send_back(session, principal, rfi, message, "reply", KIND_RESPONSE, party, sent)
    return message


def set_status(party: RfiParty, kind: str, at: datetime, body: str = "") -> None:
    """Move a requested agency's status for a message it sent (on either node)."""
    if kind == "acknowledgement":
        if party.status == "sent":
            party.status = "acknowledged"
        party.acknowledged_at = party.acknowledged_at or at
        return
    if party.status in FINAL:
        return
    party.status = RESPONSE_STATUS[kind]
    party.acknowledged_at = party.acknowledged_at or at
    party.responded_at = party.responded_at or at
    if kind == "reply":
        party.answered_at = at
    elif kind == "refusal":
        party.refusal_reason = body


# --- the clock: reminders and escalations --------------------------------------------------


def run_due(session: Session, now: datetime) -> list[RfiMessage]:
    """Send every reminder and escalation that is due at ``now``, each exactly once.

    A reminder goes to a requested agency that has not answered when its reminder time (a share
    of the allowed time, 75 % unless agreed otherwise) has come; an escalation notice when the
    deadline has passed. The guarded UPDATE makes a second run, or a second worker, send
    nothing again.
    """
    sent: list[RfiMessage] = []
    for column, kind in (("remind_at", "reminder"), ("deadline", "escalation")):
        marker = RfiParty.reminded_at if kind == "reminder" else RfiParty.escalated_at
        stmt = (
            select(RfiParty.rfi_id, RfiParty.agency_code)
            .join(Rfi, Rfi.id == RfiParty.rfi_id)
            .where(
                Rfi.received.is_(False),
                RfiParty.status.in_(OPEN),
                getattr(RfiParty, column) <= now,
                marker.is_(None),
            )
            .order_by(RfiParty.rfi_id, RfiParty.agency_code)
        )
        if kind == "reminder":  # a reminder after the deadline is pointless: the escalation goes
            stmt = stmt.where(RfiParty.deadline > now)
        due = session.execute(stmt).all()
        for rfi_id, code in due:
            claimed = session.execute(
                update(RfiParty)
                .where(
                    RfiParty.rfi_id == rfi_id,
                    RfiParty.agency_code == code,
                    marker.is_(None),
                    RfiParty.status.in_(OPEN),
                )
                .values({marker.key: now})
            )
            if getattr(claimed, "rowcount", 0) != 1:
                continue
            rfi = session.get(Rfi, rfi_id)
            party = session.get(RfiParty, (rfi_id, code))
            assert rfi is not None and party is not None
            sent.append(_clock_message(session, rfi, party, kind, now))
    return sent


def _clock_message(
    session: Session, rfi: Rfi, party: RfiParty, kind: str, now: datetime
) -> RfiMessage:
    actor = Actor.system(rfi.origin_agency, "rfi-clock")
    message = _message(
        session, rfi, kind, rfi.origin_agency, to=party.agency_code, at=now, language=rfi.language,
        body=iso(party.deadline),
    )  # fmt: skip
    record(session, actor, f"rfi.{kind}", KIND, rfi.uid, details={"to": party.agency_code})
    payload = {**_message_payload(rfi, message), "deadline": iso(party.deadline)}
    enqueue(
        session, actor, type="reminder" if kind == "reminder" else "notice",
        kind=KIND_REMINDER if kind == "reminder" else KIND_ESCALATION, payload=payload,
        to=[party.agency_code], handling=rfi.handling_code, record_uid=rfi.uid, thread=rfi.uid,
        priority=clock.PRIORITY[rfi.urgency], deadline=iso(party.deadline),
    )  # fmt: skip
    return message


def periodic(db: Database) -> Callable[[datetime], None]:
    """What the delivery worker calls about every 30 s: send due reminders and escalations."""

    def tick(now: datetime) -> None:
        with db.write() as session:
            run_due(session, now)

    return tick
