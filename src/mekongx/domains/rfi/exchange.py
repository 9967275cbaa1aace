"""Applying what peers send about RFIs. The requesting node holds the original and one status per
requested agency; a requested node holds a read-only copy with its own status. Both keep the
same thread uid, message uids and UTC times, so both show the same thread and clock."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz.sharing import check_held_copy
from mekongx.domains.rfi import attachments, clock, fulltext, service
from mekongx.domains.rfi.models import Rfi, RfiMessage, RfiParty
from mekongx.errors import Forbidden, NotFound
from mekongx.federation.handlers import Handler, Received
from mekongx.i18n import N_
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient

KIND_REQUEST = service.KIND_REQUEST
KINDS = (
    service.KIND_REQUEST,
    service.KIND_ACK,
    service.KIND_REMINDER,
    service.KIND_RESPONSE,
    service.KIND_ESCALATION,
)
_MESSAGE_KINDS = {
    service.KIND_ACK: {"acknowledgement"},
    service.KIND_RESPONSE: {"reply", "partial_reply", "refusal"},
    service.KIND_REMINDER: {"reminder"},
    service.KIND_ESCALATION: {"escalation"},
}


def _time(data: Mapping[str, Any], name: str) -> datetime:
    moment = datetime.fromisoformat(str(data[name]))
    if moment.tzinfo is None:
        raise ValueError(f"{name} has no time zone")
    return moment


def _seen(session: Session, data: Mapping[str, Any]) -> bool:
    uid = str(data["message_uid"])
    return session.scalar(select(RfiMessage.id).where(RfiMessage.uid == uid)) is not None


def _store(session: Session, rfi: Rfi, received: Received, data: Mapping[str, Any]) -> RfiMessage:
    message = RfiMessage(
        uid=str(data["message_uid"])[:36],
        rfi_id=rfi.id,
        kind=str(data["message_kind"]),
        from_agency=received.sender,
        to_agency=str(data.get("to_agency", ""))[:16],
        author_name=str(data.get("author_name", ""))[:200],
        body=str(data.get("body", "")),
        language=str(data.get("language", "en"))[:2],
        at=_time(data, "at"),
        envelope_id=received.message_id,
    )
    session.add(message)
    session.flush()
    return message


def apply_request(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """A peer asks us: keep a read-only copy with our own status and deadline."""
    uid = str(data["uid"])
    copy = session.scalar(select(Rfi).where(Rfi.uid == uid))
    check_held_copy(copy, received.sender)
    if copy is not None or _seen(session, data):
        return uid
    sent_at, deadline = _time(data, "sent_at"), _time(data, "deadline")
    urgency = str(data["urgency"])
    if urgency not in clock.DEFAULT_HOURS:
        raise ValueError("unknown urgency")
    copy = Rfi(
        uid=uid,
        origin_agency=received.sender,
        received=True,
        received_from=received.sender,
        author_id=None,
        author_name=str(data.get("author_name", ""))[:200],
        language=str(data["language"])[:2],
        subject=str(data["subject"])[:300],
        question=str(data["question"]),
        urgency=urgency,
        handling_code=str(data.get("handling_code", received.handling))[:2],
        handling_note=str(data.get("handling_note", "")),
        distribution=Distribution.PEERS.value,
        sent_at=sent_at,
        created_at=sent_at,
        updated_at=sent_at,
        deadline=deadline,
        purpose=str(data.get("purpose", "information")),
        legal_basis=str(data.get("legal_basis", "")),
        targets=json.dumps(list(data.get("targets", [])), ensure_ascii=False),
    )
    session.add(copy)
    session.flush()
    fulltext.index(session, copy)
    known = set(session.scalars(select(Agency.code)))
    holders = {str(c) for c in data.get("requested", [])} | {received.own_agency}
    session.add_all(RecordRecipient(record_uid=uid, agency_code=c) for c in sorted(holders & known))
    session.add(
        RfiParty(
            rfi_id=copy.id,
            agency_code=received.own_agency,
            deadline=deadline,
            remind_at=deadline,  # the requester's clock sends reminders; ours only shows them
        )
    )
    message = _store(session, copy, received, data)
    attachments.apply_payload(session, copy, message.uid, data.get("attachments", []))
    return uid


def apply_message(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """An acknowledgement, reply, partial reply or refusal reaches the requester, or a reminder
    or escalation notice reaches a requested agency."""
    uid = str(data["uid"])
    rfi = session.scalar(select(Rfi).where(Rfi.uid == uid))
    if rfi is None:
        raise NotFound(N_("No such record."))
    kind = str(data["message_kind"])
    from_requester = kind in ("reminder", "escalation")
    if from_requester:
        allowed = rfi.received and rfi.origin_agency == received.sender
        party_code = received.own_agency
    else:
        allowed = not rfi.received and rfi.origin_agency == received.own_agency
        party_code = received.sender
    party = session.get(RfiParty, (rfi.id, party_code))
    if not allowed or party is None:
        raise Forbidden(N_("Only an agency this request was sent to can answer it."))
    if _seen(session, data):
        return uid
    message = _store(session, rfi, received, data)
    attachments.apply_payload(session, rfi, message.uid, data.get("attachments", []))
    if from_requester:
        if kind == "reminder":
            party.reminded_at = party.reminded_at or message.at
        else:
            party.escalated_at = party.escalated_at or message.at
    else:
        service.set_status(party, kind, message.at, message.body)
    return uid


def checked(kind: str) -> Handler:
    """The handler for ``kind``, refusing a payload whose message kind does not belong to it."""

    def handle(session: Session, received: Received, data: Mapping[str, Any]) -> str:
        if str(data.get("message_kind")) not in _MESSAGE_KINDS[kind]:
            raise ValueError("message kind does not match the payload kind")
        return apply_message(session, received, data)

    return handle
