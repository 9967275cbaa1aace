"""Applying what the other side of a meeting sends: the draft minutes (a read-only copy at the
receiving side), comments, signed approvals and the owners' action updates. Each handler checks
that the sender is the side that may send it; the exchange refuses, with a signed receipt,
whatever a handler raises."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz.sharing import check_held_copy
from mekongx.domains.meetings import actions, minutes, service
from mekongx.domains.meetings.models import Meeting, MeetingSeries, MinutesApproval, MinutesComment
from mekongx.domains.meetings.schemas import MeetingInput
from mekongx.errors import Conflict, Forbidden, NotFound
from mekongx.federation.handlers import Received
from mekongx.federation.models import Peer
from mekongx.federation.peers import signing_keys
from mekongx.i18n import N_
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient

KINDS = (minutes.KIND_MINUTES, minutes.KIND_COMMENT, minutes.KIND_APPROVAL, actions.KIND_ACTION)


def _series(session: Session, data: Mapping[str, Any], code: str) -> MeetingSeries:
    series = session.scalar(select(MeetingSeries).where(MeetingSeries.code == code))
    if series is None:
        known = set(session.scalars(select(Agency.code)))
        series = MeetingSeries(
            code=code,
            **{f"name_{c}": str(data.get(f"series_name_{c}", "")) for c in service.LANGS},
            agencies=" ".join(sorted({str(c) for c in data["series_agencies"]} & known)),
        )
        session.add(series)
        session.flush()
    return series


def apply_minutes(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """The drafting side's minutes: kept as a read-only copy, replaced by each newer version
    until both sides have approved them."""
    body = dict(data["minutes"])
    uid = str(body["meeting_uid"])
    if body["drafting_agency"] != received.sender or body["counterpart"] != received.own_agency:
        raise Forbidden(N_("Only the drafting side sends the minutes, and only to the other side."))
    meeting = session.scalar(select(Meeting).where(Meeting.uid == uid))
    check_held_copy(meeting, received.sender)
    version = int(data["version"])
    if meeting is not None and version <= meeting.minutes_version:
        return uid  # a late or repeated copy
    if meeting is not None and meeting.minutes_state == "approved":
        raise Conflict(N_("The minutes are approved by both sides and can no longer change."))
    series = _series(session, data, str(body["series"]))
    fields = {k: v for k, v in body.items() if k not in ("meeting_uid", "drafting_agency")}
    fields["series"] = series.code
    parsed = MeetingInput.model_validate(
        {
            **fields,
            "language": data["language"],
            "handling_code": data["handling_code"],
            "handling_note": data["handling_note"],
        }
    )
    if meeting is None:
        taken = session.scalar(
            select(Meeting.id).where(
                Meeting.series_id == series.id, Meeting.number == parsed.number
            )
        )
        if taken:
            raise Conflict(N_("This series already has a meeting of this number."))
        meeting = Meeting(
            uid=uid, series_id=series.id, number=parsed.number, origin_agency=received.sender,
            received=True, author_id=None, author_name=str(data["author_name"]),
            distribution=Distribution.PEERS.value, starts_on=parsed.starts_on, ends_on=parsed.ends_on,
            host_agency=parsed.host_agency, counterpart=parsed.counterpart, language=parsed.language,
        )  # fmt: skip
        session.add(meeting)
        session.flush()
        session.add(RecordRecipient(record_uid=uid, agency_code=received.own_agency))
    meeting.host_agency, meeting.counterpart = parsed.host_agency, parsed.counterpart
    meeting.starts_on, meeting.ends_on = parsed.starts_on, parsed.ends_on
    for code in service.LANGS:
        setattr(meeting, f"place_{code}", getattr(parsed, f"place_{code}"))
    meeting.handling_code, meeting.handling_note = parsed.handling_code, parsed.handling_note
    meeting.language = parsed.language
    meeting.minutes_version = meeting.sent_version = version
    meeting.minutes_state = "circulated"
    meeting.updated_at = datetime.fromisoformat(received.created)
    service.write_minutes(session, meeting, parsed)
    if service.refresh_digest(session, meeting) != data["digest"]:
        raise Conflict(N_("The minutes do not match their digest."))
    return uid


def _meeting(session: Session, received: Received, uid: str) -> Meeting:
    meeting = session.scalar(select(Meeting).where(Meeting.uid == uid))
    if meeting is None:
        raise NotFound(N_("No such record."))
    sides = {meeting.origin_agency, meeting.counterpart}
    if received.sender not in sides or received.own_agency not in sides:
        raise Forbidden(N_("Only the two sides of the minutes can do this."))
    return meeting


def apply_comment(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    meeting = _meeting(session, received, str(data["meeting_uid"]))
    if data["agency"] != received.sender:
        raise Forbidden(N_("Only the two sides of the minutes can do this."))
    if session.scalar(select(MinutesComment.id).where(MinutesComment.uid == data["uid"])):
        return meeting.uid
    session.add(
        MinutesComment(
            uid=str(data["uid"]),
            meeting_id=meeting.id,
            item_uid=str(data["item_uid"]),
            minutes_version=int(data["minutes_version"]),
            agency_code=received.sender,
            author_name=str(data["author_name"]),
            body=str(data["body"]),
            language=str(data["language"]),
            at=datetime.fromisoformat(str(data["at"])),
        )
    )
    session.flush()
    return meeting.uid


def apply_approval(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """The other side's signed approval; refused unless it verifies with that side's node key
    and names the minutes as this node holds them now."""
    meeting = _meeting(session, received, str(data["meeting_uid"]))
    statement = dict(data["statement"])
    if statement.get("agency") != received.sender:
        raise Forbidden(N_("Only the two sides of the minutes can do this."))
    existing = session.get(MinutesApproval, (meeting.id, received.sender))
    if existing is not None and existing.digest == statement.get("digest"):
        return meeting.uid  # repeated
    peer = session.get(Peer, received.sender)
    key = signing_keys(peer).get(str(statement.get("kid"))) if peer is not None else None
    minutes.store_received_approval(session, meeting, statement, key)
    return meeting.uid


def apply_action(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    meeting = _meeting(session, received, str(data["meeting_uid"]))
    actions.apply_action(session, meeting, received.sender, dict(data))
    return meeting.uid


HANDLERS = {
    minutes.KIND_MINUTES: apply_minutes,
    minutes.KIND_COMMENT: apply_comment,
    minutes.KIND_APPROVAL: apply_approval,
    actions.KIND_ACTION: apply_action,
}
