"""After a report arrives: the receiving agency acknowledges it (the sender's "Acknowledged"
column fills over the exchange), replies in a thread with the originator, or asks permission
to pass it on; the originator hears of every onward passing of its report. The messages are
kept on both sides (``ReportMessage``) and travel as ``intel.thread`` envelopes.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Permission, Principal, access, require
from mekongx.domains.intel.models import SEARCH_KIND, ForwardingConsent, IntelReport, ReportMessage
from mekongx.errors import Conflict, FieldProblem, Forbidden, NotFound, ValidationFailed
from mekongx.federation import acks
from mekongx.federation.handlers import Received
from mekongx.federation.models import InboxEntry, OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.base import utcnow


class ThreadPayload(BaseModel):
    """``intel.thread``: one message of a report's thread (checked before it is applied)."""

    model_config = ConfigDict(extra="forbid")

    uid: str = Field(min_length=1, max_length=36)
    report_uid: str = Field(min_length=1, max_length=36)
    message: Literal["reply", "ask_forward", "passed_on"]
    author_name: str = Field("", max_length=200)
    body: str = Field("", max_length=4000)
    onward: str = Field("", max_length=200)
    created_at: AwareDatetime


KIND = "intel.thread"
REPORT_KIND = "intel.report"
MESSAGE_KINDS = {"ack": "acknowledgement", "reply": "reply", "ask_forward": "request",
                 "passed_on": "notice"}  # fmt: skip
MAX_BODY = 4000


def _holders(session: Session, uid: str) -> set[str]:
    """Agencies this node sent the report to (the originator's view of who holds it)."""
    stmt = select(OutboxEntry.to_agency).where(
        OutboxEntry.record_uid == uid,
        OutboxEntry.kind == REPORT_KIND,
        OutboxEntry.type.in_(("information", "correction")),
    )
    return set(session.scalars(stmt))


def holders(session: Session, report: IntelReport) -> list[str]:
    """Peers that hold the report: those it was sent to, and those holders passed it to."""
    found = _holders(session, report.uid)
    for onward in session.scalars(
        select(ReportMessage.onward).where(
            ReportMessage.report_uid == report.uid, ReportMessage.kind == "passed_on"
        )
    ):
        found.update(code for code in onward.split(",") if code)
    return sorted(found - {report.origin_agency})


def messages(session: Session, report: IntelReport) -> list[ReportMessage]:
    stmt = (
        select(ReportMessage)
        .where(ReportMessage.report_uid == report.uid)
        .order_by(ReportMessage.created_at, ReportMessage.id)
    )
    return list(session.scalars(stmt))


def _body(text: str, *, required: bool) -> str:
    text = text.strip()
    if required and not text:
        raise ValidationFailed([FieldProblem("body", N_("Write the message."))])
    if len(text) > MAX_BODY:
        raise ValidationFailed(
            [
                FieldProblem(
                    "body",
                    N_("Must be at most %(max_length)s characters."),
                    {"max_length": MAX_BODY},
                )
            ]
        )
    return text


def _post(
    session: Session,
    actor: Actor,
    report: IntelReport,
    *,
    kind: str,
    to: str,
    author: str,
    body: str = "",
    onward: str = "",
    in_reply_to: str | None = None,
) -> ReportMessage:
    message = ReportMessage(
        uid=str(uuid.uuid4()), report_uid=report.uid, kind=kind, from_agency=actor.agency,
        to_agency=to, author_name=author, body=body, onward=onward, created_at=utcnow(),
        received=False,
    )  # fmt: skip
    session.add(message)
    payload = {
        "uid": message.uid, "report_uid": report.uid, "message": kind, "author_name": author,
        "body": body, "onward": onward, "created_at": message.created_at.isoformat(),
    }  # fmt: skip
    enqueue(session, actor, type=MESSAGE_KINDS[kind], kind=KIND, payload=payload, to=[to],
            handling=report.handling_code, record_uid=report.uid, thread=report.uid,
            in_reply_to=in_reply_to)  # fmt: skip
    return message


def _received_copy(session: Session, principal: Principal, report_id: int) -> IntelReport:
    report = access(session, principal, IntelReport, report_id, "read")
    if not report.received:
        raise Conflict(N_("Only a report received from another agency can be acknowledged."))
    return report


def acknowledge(session: Session, principal: Principal, report_id: int) -> IntelReport:
    """Acknowledge the newest copy of a received report (once per version)."""
    require(principal, Permission.WRITE_RECORDS)
    report = _received_copy(session, principal, report_id)
    entry = session.scalars(
        select(InboxEntry)
        .where(
            InboxEntry.record_uid == report.uid,
            InboxEntry.kind == REPORT_KIND,
            InboxEntry.from_agency == report.received_from,
        )
        .order_by(InboxEntry.received_at.desc())
    ).first()
    if entry is None:
        raise Conflict(N_("Only a report received from another agency can be acknowledged."))
    if acknowledged_version(session, report) == report.version:
        raise Conflict(N_("You have already acknowledged this version."))
    received = Received(
        message_id=entry.message_id, type=entry.type, sender=entry.from_agency,
        own_agency=principal.agency, thread=entry.thread or report.uid, in_reply_to=None,
        handling=report.handling_code, created=entry.received_at.isoformat(),
    )  # fmt: skip
    acks.acknowledge(session, received, report.uid)
    session.add(
        ReportMessage(
            uid=str(uuid.uuid4()), report_uid=report.uid, kind="ack", from_agency=principal.agency,
            to_agency=report.received_from, author_name=principal.display_name,
            body=str(report.version), created_at=utcnow(), received=False,
        )
    )  # fmt: skip
    record(session, principal.actor, "intel.acknowledge", SEARCH_KIND, report.uid,
           details={"version": report.version, "to": report.received_from})  # fmt: skip
    return report


def acknowledged_version(session: Session, report: IntelReport) -> int | None:
    """The version of a received report this agency last acknowledged (None: not yet)."""
    bodies = session.scalars(
        select(ReportMessage.body).where(
            ReportMessage.report_uid == report.uid,
            ReportMessage.kind == "ack",
            ReportMessage.received.is_(False),
        )
    )
    versions = [int(b) for b in bodies if b.isdigit()]
    return max(versions) if versions else None


def reply(
    session: Session, principal: Principal, report_id: int, body: str, to: str = ""
) -> ReportMessage:
    """Write in the report's thread: a holder to the originator, the originator to a holder."""
    require(principal, Permission.WRITE_RECORDS)
    report = access(session, principal, IntelReport, report_id, "read")
    text = _body(body, required=True)
    if report.received:
        target = report.origin_agency
    else:
        if to not in holders(session, report):
            raise ValidationFailed(
                [FieldProblem("to", N_("Choose an agency that holds the report."))]
            )
        target = to
    message = _post(session, principal.actor, report, kind="reply", to=target,
                    author=principal.display_name, body=text)  # fmt: skip
    record(session, principal.actor, "intel.reply", SEARCH_KIND, report.uid, details={"to": target})
    return message


def ask_permission(session: Session, principal: Principal, report_id: int, body: str) -> ReportMessage:  # fmt: skip
    """A holder asks the originator for permission to pass an H2 report on."""
    require(principal, Permission.WRITE_RECORDS)
    report = _received_copy(session, principal, report_id)
    if session.get(ForwardingConsent, (report.uid, principal.agency)) is not None:
        raise Conflict(N_("Your agency already has permission to pass this report on."))
    text = _body(body, required=False)
    message = _post(session, principal.actor, report, kind="ask_forward",
                    to=report.origin_agency, author=principal.display_name, body=text)  # fmt: skip
    record(session, principal.actor, "intel.ask_permission", SEARCH_KIND, report.uid)
    return message


def passed_on(session: Session, principal: Principal, report: IntelReport, to: list[str]) -> None:
    """Tell the originator that this agency passed its report on, and to whom."""
    _post(session, principal.actor, report, kind="passed_on", to=report.origin_agency,
          author=principal.display_name, onward=",".join(sorted(to)))  # fmt: skip


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """A thread message from a peer: from the originator about its report, or from an agency
    the originator sent the report to (or that holds it by an onward passing)."""
    uid, report_uid, kind = str(data["uid"]), str(data["report_uid"]), str(data["message"])
    if kind not in MESSAGE_KINDS or kind == "ack":
        raise ValueError("unknown thread message kind")
    report = session.scalar(select(IntelReport).where(IntelReport.uid == report_uid))
    if report is None:
        raise NotFound(N_("No such record."))
    allowed = {report.origin_agency} if report.received else set(holders(session, report))
    if received.sender not in allowed or (report.received and kind != "reply"):
        raise Forbidden(N_("Only the originating agency can change this record."))
    if session.scalar(select(ReportMessage.id).where(ReportMessage.uid == uid)) is not None:
        return report_uid
    onward = ",".join(c for c in str(data.get("onward", "")).split(",") if c.isalnum())[:200]
    session.add(
        ReportMessage(
            uid=uid, report_uid=report_uid, kind=kind, from_agency=received.sender,
            to_agency=received.own_agency, author_name=str(data.get("author_name", ""))[:200],
            body=str(data.get("body", ""))[:MAX_BODY], onward=onward,
            created_at=datetime.fromisoformat(str(data["created_at"])), received=True,
        )
    )  # fmt: skip
    return report_uid
