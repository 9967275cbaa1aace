"""Agreeing the minutes between the two sides over the exchange.

The drafting agency sends the draft (``meetings.minutes``); either side comments per agenda item
(``meetings.comment``); each side approves one version: its node signs a statement over the
SHA-256 digest of the canonical minutes (RFC 8785 JSON of :func:`service.minutes_of`) and sends
it (``meetings.approval``). When both sides' signed approvals name the digest of the minutes
as they stand, the minutes are frozen on both nodes. An approval of a version that changed
since (after a comment, say) no longer counts: it is refused on arrival and shown as stale,
until the side approves the current version. The drafting side's approval follows the one
four-eyes rule of ``domains/review``: its approver is neither the drafter nor the last editor.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, require
from mekongx.domains.meetings import service
from mekongx.domains.meetings.models import (
    AgendaItem,
    Meeting,
    MeetingSeries,
    MinutesApproval,
    MinutesComment,
)
from mekongx.domains.meetings.schemas import CommentInput
from mekongx.domains.review.service import check_second_person
from mekongx.errors import Conflict, FieldProblem, ValidationFailed
from mekongx.federation.envelope import iso
from mekongx.federation.jcs import canonical
from mekongx.federation.keys import Signer, raw_public
from mekongx.federation.outbox import enqueue
from mekongx.federation.peers import confirmed_peers, signing_keys
from mekongx.federation.statements import key_id, sign_statement, verify_statement
from mekongx.i18n import N_
from mekongx.i18n.texts import FIRST_LANGUAGES as FIRST
from mekongx.model.base import utcnow
from mekongx.model.record import new_uid

KIND_MINUTES = "meetings.minutes"
KIND_COMMENT = "meetings.comment"
KIND_APPROVAL = "meetings.approval"
STATEMENT = "meeting-minutes"


def minutes_payload(session: Session, meeting: Meeting) -> dict[str, Any]:
    """What the drafting side sends: the canonical minutes, their version and digest, the
    series' names, and the actions' status as it stands."""
    series = session.get(MeetingSeries, meeting.series_id)
    assert series is not None
    minutes = service.minutes_of(session, meeting)
    return {
        "minutes": minutes,
        "version": meeting.minutes_version,
        "digest": service.digest_of(minutes),
        "language": meeting.language,
        "handling_code": meeting.handling_code,
        "handling_note": meeting.handling_note,
        "author_name": meeting.author_name,
        **{f"series_name_{c}": t for c, t in series.texts("name").items() if t or c in FIRST},
        "series_agencies": series.agencies.split(),
    }


def circulate(session: Session, principal: Principal, meeting_id: int) -> Meeting:
    """Send the current draft to the other side for comment and approval (liaison officers)."""
    require(principal, Permission.RELEASE_RECORDS)
    meeting = service.editable(session, principal, meeting_id)
    if meeting.sent_version == meeting.minutes_version:
        raise Conflict(N_("This version has been sent already."))
    service.refresh_digest(session, meeting)
    meeting.sent_version = meeting.minutes_version
    if meeting.minutes_state == "draft":
        meeting.minutes_state = "circulated"
    enqueue(
        session, principal.actor, type="information", kind=KIND_MINUTES,
        payload=minutes_payload(session, meeting), to=[meeting.counterpart],
        handling=meeting.handling_code, record_uid=meeting.uid, thread=meeting.uid,
        languages=[meeting.language],
    )  # fmt: skip
    record(session, principal.actor, "meetings.minutes.circulate", service.KIND, meeting.uid,
           details={"version": meeting.minutes_version, "to": meeting.counterpart,
                    "digest": meeting.minutes_digest})  # fmt: skip
    return meeting


def comment_payload(meeting: Meeting, comment: MinutesComment) -> dict[str, Any]:
    return {
        "meeting_uid": meeting.uid,
        "uid": comment.uid,
        "item_uid": comment.item_uid,
        "minutes_version": comment.minutes_version,
        "agency": comment.agency_code,
        "author_name": comment.author_name,
        "body": comment.body,
        "language": comment.language,
        "at": iso(comment.at),
    }


def add_comment(
    session: Session, principal: Principal, meeting_id: int | str, data: CommentInput
) -> MinutesComment:
    """A comment of either side on one agenda item ("" = the whole minutes) of the current
    version; it reaches the other side over the exchange."""
    require(principal, Permission.WRITE_RECORDS)
    meeting = access(session, principal, Meeting, meeting_id)
    other = service.other_side(meeting, principal.agency)
    if meeting.minutes_state == "approved":
        raise Conflict(N_("The minutes are approved by both sides and can no longer change."))
    if data.item_uid and not session.scalar(
        select(AgendaItem.id).where(
            AgendaItem.meeting_id == meeting.id, AgendaItem.uid == data.item_uid
        )
    ):
        raise ValidationFailed([FieldProblem("item_uid", N_("No such agenda item."))])
    comment = MinutesComment(
        uid=new_uid(), meeting_id=meeting.id, item_uid=data.item_uid,
        minutes_version=meeting.minutes_version, agency_code=principal.agency,
        author_name=principal.display_name, body=data.body, language=data.language, at=utcnow(),
    )  # fmt: skip
    session.add(comment)
    session.flush()
    enqueue(
        session, principal.actor, type="information", kind=KIND_COMMENT,
        payload=comment_payload(meeting, comment), to=[other], handling=meeting.handling_code,
        record_uid=meeting.uid, thread=meeting.uid, languages=[data.language],
    )  # fmt: skip
    record(session, principal.actor, "meetings.minutes.comment", service.KIND, meeting.uid,
           details={"item": data.item_uid, "version": meeting.minutes_version})  # fmt: skip
    return comment


def statement_fields(
    meeting: Meeting, series_code: str, agency: str, at: datetime
) -> dict[str, Any]:
    return {
        "meeting": meeting.uid,
        "series": series_code,
        "number": meeting.number,
        "version": meeting.minutes_version,
        "digest": meeting.minutes_digest,
        "agency": agency,
        "approved_at": iso(at),
    }


def approve(
    session: Session, principal: Principal, meeting_id: int | str, signer: Signer
) -> MinutesApproval:
    """This side approves the minutes as they stand; the node signs the statement and sends it
    to the other side. Both sides' approvals of the same digest freeze the minutes."""
    require(principal, Permission.RELEASE_RECORDS)
    meeting = access(session, principal, Meeting, meeting_id, for_update=True)
    other = service.other_side(meeting, principal.agency)
    if meeting.minutes_state == "approved":
        raise Conflict(N_("The minutes are approved by both sides already."))
    drafting = principal.agency == meeting.origin_agency and not meeting.received
    if drafting:
        check_second_person(principal, author=meeting.drafter, editor=meeting.last_editor)
        if meeting.sent_version != meeting.minutes_version:
            raise Conflict(N_("The other side has not received this version yet: send it first."))
    digest = service.refresh_digest(session, meeting)
    existing = session.get(MinutesApproval, (meeting.id, principal.agency))
    if existing is not None and existing.digest == digest:
        raise Conflict(N_("Your side has approved this version already."))
    series = session.get(MeetingSeries, meeting.series_id)
    assert series is not None
    now = utcnow()
    statement = sign_statement(
        STATEMENT, statement_fields(meeting, series.code, principal.agency, now), signer
    )
    approval = _store_approval(session, meeting, statement, principal.display_name, now)
    enqueue(
        session, principal.actor, type="information", kind=KIND_APPROVAL,
        payload={"meeting_uid": meeting.uid, "statement": statement}, to=[other],
        handling=meeting.handling_code, record_uid=meeting.uid, thread=meeting.uid,
    )  # fmt: skip
    record(session, principal.actor, "meetings.minutes.approve", service.KIND, meeting.uid,
           details={"version": meeting.minutes_version, "digest": digest})  # fmt: skip
    _freeze_if_agreed(session, meeting)
    return approval


def _store_approval(
    session: Session, meeting: Meeting, statement: Mapping[str, Any], by: str, at: datetime
) -> MinutesApproval:
    agency = str(statement["agency"])
    approval = session.get(MinutesApproval, (meeting.id, agency))
    if approval is None:
        approval = MinutesApproval(meeting_id=meeting.id, agency_code=agency)
        session.add(approval)
    approval.minutes_version = int(statement["version"])
    approval.digest = str(statement["digest"])
    approval.statement = canonical(dict(statement)).decode()
    approval.approved_by, approval.at = by, at
    session.flush()
    return approval


def _freeze_if_agreed(session: Session, meeting: Meeting) -> None:
    agreed = {
        a.agency_code
        for a in session.scalars(
            select(MinutesApproval).where(MinutesApproval.meeting_id == meeting.id)
        )
        if a.digest == meeting.minutes_digest
    }
    if {meeting.origin_agency, meeting.counterpart} <= agreed:
        meeting.minutes_state = "approved"


def store_received_approval(
    session: Session, meeting: Meeting, statement: Mapping[str, Any], key: Ed25519PublicKey | None
) -> MinutesApproval:
    """The other side's signed approval, checked before it is kept: signed by that side's
    node, for this meeting, and for the minutes as this node holds them now."""
    if key is None or not verify_statement(statement, key):
        raise Conflict(N_("The approval's signature does not verify."))
    if statement.get("type") != STATEMENT or statement.get("meeting") != meeting.uid:
        raise Conflict(N_("The approval is for other minutes."))
    if statement.get("digest") != service.refresh_digest(session, meeting):
        raise Conflict(
            N_(
                "The minutes changed after this approval; the other side must approve the current version."
            )
        )
    at = datetime.fromisoformat(str(statement["approved_at"]))
    approval = _store_approval(session, meeting, statement, "", at)
    _freeze_if_agreed(session, meeting)
    return approval


@dataclass(frozen=True)
class Signature:
    agency: str
    version: int
    digest: str
    approved_at: str
    kid: str
    current: bool  # the statement names the minutes as they stand
    valid: bool  # the signature verifies with a key this node holds for that agency


def signatures(
    session: Session, meeting: Meeting, keys: Mapping[str, Mapping[str, Ed25519PublicKey]]
) -> list[Signature]:
    """Each side's approval, its signature checked with ``keys`` (agency → kid → public key)."""
    digest = service.digest_of(service.minutes_of(session, meeting))
    found = []
    rows = session.scalars(
        select(MinutesApproval)
        .where(MinutesApproval.meeting_id == meeting.id)
        .order_by(MinutesApproval.agency_code)
    )
    for row in rows:
        statement = json.loads(row.statement)
        key = keys.get(row.agency_code, {}).get(str(statement.get("kid")))
        valid = (
            key is not None
            and verify_statement(statement, key)
            and statement.get("agency") == row.agency_code
            and statement.get("meeting") == meeting.uid
        )
        found.append(
            Signature(
                row.agency_code,
                row.minutes_version,
                row.digest,
                str(statement.get("approved_at", "")),
                str(statement.get("kid", "")),
                row.digest == digest,
                valid,
            )
        )
    return found


def known_keys(
    session: Session, own_agency: str, own: list[Ed25519PublicKey]
) -> dict[str, dict[str, Ed25519PublicKey]]:
    """Signing keys by agency and key id: this node's own (current and previous) and those of
    its confirmed peers (current, and the previous during a rotation's overlap)."""
    keys: dict[str, dict[str, Ed25519PublicKey]] = {
        own_agency: {key_id(raw_public(k)): k for k in own}
    }
    for code, peer in confirmed_peers(session).items():
        keys[code] = signing_keys(peer)
    return keys
