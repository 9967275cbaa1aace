"""The progress of the actions agreed at a meeting: status, dated notes and evidence links.

Only the action's owner agency changes its status and writes its notes, once both sides have
approved the minutes; each change raises the action's version and travels to the other side
(``meetings.action``), where a copy accepts only the owner's newer versions. Evidence links
name records of any area (``domains/search/records``); a link to a record the user may not see
is refused, and readers see only the links whose records they may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require, visible
from mekongx.domains.meetings import service
from mekongx.domains.meetings.models import (
    ActionNote,
    EvidenceLink,
    Meeting,
    MeetingAction,
    MeetingSeries,
)
from mekongx.domains.meetings.schemas import EvidenceInput, NoteInput, StatusInput
from mekongx.domains.search.records import find, kinds
from mekongx.errors import Conflict, FieldProblem, Forbidden, NotFound, ValidationFailed
from mekongx.federation.envelope import iso
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.record import new_uid

KIND_ACTION = "meetings.action"
OPEN = ("planned", "in_progress")
DUE_DAYS = 30


def read_action(
    session: Session, principal: Principal, action_id: int | str
) -> tuple[MeetingAction, Meeting]:
    """An action of a meeting the user may see (through the meeting's visibility)."""
    key = MeetingAction.uid if isinstance(action_id, str) else MeetingAction.id
    action = session.scalar(select(MeetingAction).where(key == action_id))
    if action is None:
        raise NotFound(N_("No such record."))
    meeting = service.read_meeting(session, principal, action.meeting_id)
    return action, meeting


def _owned(
    session: Session, principal: Principal, action_id: int | str
) -> tuple[MeetingAction, Meeting]:
    require(principal, Permission.WRITE_RECORDS)
    action, meeting = read_action(session, principal, action_id)
    if action.owner_agency != principal.agency:
        raise Forbidden(N_("Only the agency that owns this action can change it."))
    if meeting.minutes_state != "approved":
        raise Conflict(N_("Actions are tracked once both sides have approved the minutes."))
    return action, meeting


def _updated(session: Session, principal: Principal, action: MeetingAction, meeting: Meeting,
             verb: str, details: dict[str, Any]) -> None:  # fmt: skip
    action.version += 1
    action.updated_at = utcnow()
    action.updated_by = principal.display_name
    session.flush()
    enqueue(
        session, principal.actor, type="information", kind=KIND_ACTION,
        payload=action_payload(session, meeting, action), to=[service.other_side(meeting, principal.agency)],
        handling=meeting.handling_code, record_uid=meeting.uid, thread=meeting.uid,
    )  # fmt: skip
    record(session, principal.actor, verb, "meeting_action", action.uid,
           details={**details, "version": action.version})  # fmt: skip


def set_status(
    session: Session, principal: Principal, action_id: int | str, data: StatusInput
) -> MeetingAction:
    action, meeting = _owned(session, principal, action_id)
    action.status, action.status_reason = data.status, data.reason
    _updated(session, principal, action, meeting, "meetings.action.status", {"status": data.status})
    return action


def add_note(
    session: Session, principal: Principal, action_id: int | str, data: NoteInput
) -> ActionNote:
    action, meeting = _owned(session, principal, action_id)
    if data.noted_on > utcnow().date() + timedelta(days=1):
        raise ValidationFailed(
            [FieldProblem("noted_on", N_("A progress note cannot be dated in the future."))]
        )
    note = ActionNote(
        uid=new_uid(), action_id=action.id, noted_on=data.noted_on, body=data.body,
        language=data.language, agency_code=principal.agency, author_name=principal.display_name,
    )  # fmt: skip
    session.add(note)
    _updated(session, principal, action, meeting, "meetings.action.note", {"note": note.uid})
    return note


def add_evidence(
    session: Session, principal: Principal, action_id: int | str, data: EvidenceInput
) -> EvidenceLink:
    """Link a record the user may see as evidence of the owner's progress."""
    action, meeting = _owned(session, principal, action_id)
    if data.kind not in kinds():
        raise ValidationFailed(
            [FieldProblem("kind", N_("Unknown kind of record: %(kind)s"), {"kind": data.kind})]
        )
    found = find(session, principal, data.kind, data.record_uid)
    if found is None:  # missing and not visible look the same
        raise ValidationFailed(
            [FieldProblem("record_uid", N_("No record with this id that you may see."))]
        )
    data = EvidenceInput(kind=data.kind, record_uid=found.uid)
    exists = session.scalar(
        select(EvidenceLink.id).where(
            EvidenceLink.action_id == action.id,
            EvidenceLink.kind == data.kind,
            EvidenceLink.record_uid == data.record_uid,
        )
    )
    if exists:
        raise Conflict(N_("This record is linked already."))
    link = EvidenceLink(
        action_id=action.id, kind=data.kind, record_uid=data.record_uid,
        agency_code=principal.agency, added_by=principal.display_name,
    )  # fmt: skip
    session.add(link)
    _updated(session, principal, action, meeting, "meetings.action.evidence",
             {"kind": data.kind, "record": data.record_uid})  # fmt: skip
    return link


def action_payload(session: Session, meeting: Meeting, action: MeetingAction) -> dict[str, Any]:
    """The owner's state of an action: status, every note and every evidence reference (the
    receiver shows a reference only to users who may see the record on that node)."""
    notes = session.scalars(
        select(ActionNote).where(ActionNote.action_id == action.id).order_by(ActionNote.id)
    )
    links = session.scalars(
        select(EvidenceLink).where(EvidenceLink.action_id == action.id).order_by(EvidenceLink.id)
    )
    return {
        "meeting_uid": meeting.uid,
        "uid": action.uid,
        "owner_agency": action.owner_agency,
        "version": action.version,
        "status": action.status,
        "status_reason": action.status_reason,
        "updated_at": iso(action.updated_at),
        "updated_by": action.updated_by,
        "notes": [
            {
                "uid": n.uid,
                "noted_on": n.noted_on.isoformat(),
                "body": n.body,
                "language": n.language,
                "author_name": n.author_name,
            }
            for n in notes
        ],
        "evidence": [{"kind": e.kind, "record_uid": e.record_uid} for e in links],
    }


def apply_action(
    session: Session, meeting: Meeting, sender: str, data: dict[str, Any]
) -> MeetingAction:
    """The owner's newer state of an action reaches the other side. Only the owner's updates
    count; an older or equal version changes nothing (it arrived late)."""
    action = session.scalar(
        select(MeetingAction).where(
            MeetingAction.uid == str(data["uid"]), MeetingAction.meeting_id == meeting.id
        )
    )
    if action is None:
        raise NotFound(N_("No such record."))
    if action.owner_agency != sender or str(data["owner_agency"]) != sender:
        raise Forbidden(N_("Only the agency that owns this action can change it."))
    if int(data["version"]) <= action.version:
        return action
    action.version = int(data["version"])
    action.status, action.status_reason = str(data["status"]), str(data["status_reason"])
    action.updated_at = datetime.fromisoformat(str(data["updated_at"]))
    action.updated_by = str(data["updated_by"])
    known = set(session.scalars(select(ActionNote.uid).where(ActionNote.action_id == action.id)))
    for note in data["notes"]:
        if note["uid"] not in known:
            session.add(
                ActionNote(
                    uid=note["uid"],
                    action_id=action.id,
                    noted_on=date.fromisoformat(note["noted_on"]),
                    body=note["body"],
                    language=note["language"],
                    agency_code=sender,
                    author_name=note["author_name"],
                )
            )
    linked = {
        (e.kind, e.record_uid)
        for e in session.scalars(select(EvidenceLink).where(EvidenceLink.action_id == action.id))
    }
    for ref in data["evidence"]:
        if (ref["kind"], ref["record_uid"]) not in linked:
            session.add(
                EvidenceLink(
                    action_id=action.id,
                    kind=ref["kind"],
                    record_uid=ref["record_uid"],
                    agency_code=sender,
                    added_by=str(data["updated_by"]),
                )
            )
    session.flush()
    return action


# --- what is due -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    action: MeetingAction
    meeting: Meeting
    series: MeetingSeries


def due_for(session: Session, principal: Principal, today: date, days: int = DUE_DAYS) -> list[Due]:
    """Open actions of the user's agency due within ``days`` or overdue, in approved minutes."""
    meetings = visible(principal, Meeting).where(Meeting.minutes_state == "approved")
    by_id = {m.id: m for m in session.scalars(meetings)}
    if not by_id:
        return []
    stmt = (
        select(MeetingAction)
        .where(
            MeetingAction.meeting_id.in_(sorted(by_id)),
            MeetingAction.owner_agency == principal.agency,
            MeetingAction.status.in_(OPEN),
            MeetingAction.deadline <= today + timedelta(days=days),
        )
        .order_by(MeetingAction.deadline, MeetingAction.uid)
    )
    series = {s.id: s for s in session.scalars(select(MeetingSeries))}
    return [
        Due(a, by_id[a.meeting_id], series[by_id[a.meeting_id].series_id])
        for a in session.scalars(stmt)
    ]
