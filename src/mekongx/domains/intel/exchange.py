"""Intelligence reports on the exchange: release to peers, corrections, retractions that reach
every recipient, forwarding that obeys the handling code, and applying what peers send."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Permission, Principal, access, require
from mekongx.authz.sharing import holders
from mekongx.db import fts
from mekongx.domains.intel import thread
from mekongx.domains.intel.models import SEARCH_KIND, ForwardingConsent, IntelReport, OnwardCopy
from mekongx.domains.intel.trust import (
    ORIGIN_FIELDS,
    consent_problem,
    consent_token,
    origin_problem,
)
from mekongx.domains.review import service as review
from mekongx.errors import (
    Conflict,
    FieldProblem,
    Forbidden,
    MekongXError,
    NotFound,
    ValidationFailed,
)
from mekongx.federation import acks
from mekongx.federation.envelope import canonical
from mekongx.federation.handlers import Received, refusal
from mekongx.federation.keys import Signer
from mekongx.federation.models import InboxEntry, OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency, SharingGroupMember
from mekongx.model.record import Distribution, HandlingCode, RecordRecipient

KIND = "intel.report"
CONSENT_KIND = "intel.consent"
ONWARD_KIND = "intel.onward"
_FIELDS = (
    "uid", "version", "title", "narrative", "language", "source_reliability", "info_reliability",
    "handling_code", "handling_note", "distribution", "sharing_group", "origin_agency", "author_name",
)  # fmt: skip


def targets(session: Session, report: IntelReport) -> set[str]:
    """The agencies that should hold the report according to its distribution."""
    return holders(session, report)


def already_sent_to(session: Session, uid: str) -> set[str]:
    stmt = select(OutboxEntry.to_agency).where(
        OutboxEntry.record_uid == uid, OutboxEntry.kind == KIND
    )
    return set(session.scalars(stmt))


def payload(session: Session, report: IntelReport) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(report, name) for name in _FIELDS}
    data["recipients"] = sorted(
        session.scalars(
            select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == report.uid)
        )
    )
    data["created_at"] = report.created_at.isoformat()
    data["updated_at"] = report.updated_at.isoformat()
    data["status"], data["status_note"] = report.status, report.status_note
    return data


def _send(
    session: Session, principal: Principal, report: IntelReport, type_: str, to: set[str]
) -> None:
    if not to:
        return
    enqueue(
        session,
        principal.actor,
        type=type_,
        kind=KIND,
        payload=payload(session, report),
        to=sorted(to),
        handling=report.handling_code,
        record_uid=report.uid,
        thread=report.uid,
        evaluation=f"{report.source_reliability}{report.info_reliability}",
        languages=[report.language],
        endorse=ORIGIN_FIELDS,
    )


def release(session: Session, principal: Principal, report: IntelReport) -> None:
    """After a create or an edit: new holders get the report, earlier holders a correction, and
    holders the distribution no longer names a retraction."""
    if report.received:
        return
    wanted, had = targets(session, report), already_sent_to(session, report.uid)
    _send(session, principal, report, "information", wanted - had)
    _send(session, principal, report, "correction", wanted & had)
    dropped = had - wanted
    if dropped:
        data = {
            "uid": report.uid,
            "origin_agency": report.origin_agency,
            "reason": "distribution narrowed",
        }
        enqueue(session, principal.actor, type="retraction", kind=KIND, payload=data, to=sorted(dropped),
                handling=report.handling_code, record_uid=report.uid, thread=report.uid)  # fmt: skip


def retract(session: Session, principal: Principal, report_id: int, reason: str) -> IntelReport:
    """Only the originator retracts; the retraction goes to every agency that received the report."""
    if not reason.strip() or len(reason) > 2000:
        raise ValidationFailed(
            [
                FieldProblem(
                    "reason", N_("Say why the report is retracted (up to 2,000 characters).")
                )
            ]
        )
    report = access(session, principal, IntelReport, report_id, "release", for_update=True)
    if report.status == "retracted":
        raise Conflict(N_("This report is already retracted."))
    if review.pending(session, SEARCH_KIND, report.uid) is not None:
        raise Conflict(
            N_("This report is waiting for release and nobody else holds it: return it instead.")
        )
    report.status, report.status_note, report.updated_at = "retracted", reason.strip(), utcnow()
    report.version += 1
    record(session, principal.actor, "intel.retract", KIND, report.uid, why=reason.strip())
    review.close(session, SEARCH_KIND, report.uid)
    # Straight to every agency known to hold a copy, also those a holder passed it on to: the
    # retraction does not wait for the holder's node to be online.
    holders = already_sent_to(session, report.uid) | onward_holders(session, report.uid)
    if holders:
        data = {"uid": report.uid, "origin_agency": report.origin_agency, "reason": reason.strip()}
        enqueue(session, principal.actor, type="retraction", kind=KIND, payload=data, to=sorted(holders),
                handling=report.handling_code, record_uid=report.uid, thread=report.uid)  # fmt: skip
    return report


def grant_forwarding(
    session: Session, principal: Principal, report_id: int, agency: str, signer: Signer
) -> None:
    """The originator lets ``agency`` pass an H2 report on. The permission is a statement signed
    with the originating node's key, so any later holder can check it, not just trust it; it
    covers the report's current version only and expires after ``CONSENT_DAYS``."""
    report = access(session, principal, IntelReport, report_id, "release")
    token = consent_token(
        signer, uid=report.uid, version=report.version, origin=report.origin_agency,
        agency=agency, granted_at=utcnow(),
    )  # fmt: skip
    session.merge(ForwardingConsent(record_uid=report.uid, agency=agency, token=token))
    record(session, principal.actor, "intel.consent", KIND, report.uid, details={"agency": agency})
    enqueue(session, principal.actor, type="notice", kind=CONSENT_KIND, payload={"uid": report.uid, "agency": agency, "token": token},
            to=[agency], record_uid=report.uid, thread=report.uid)  # fmt: skip


def forward(session: Session, principal: Principal, report_id: int, to: list[str]) -> IntelReport:
    """Pass a report on to other agencies. H2 needs the originator's consent: enforced here."""
    require(principal, Permission.RELEASE_RECORDS)
    report = access(session, principal, IntelReport, report_id, "read")
    if report.status == "retracted":
        raise Conflict(N_("This report is retracted."))
    originator = report.origin_agency == principal.agency
    if not originator and report.handling_code == HandlingCode.H3.value:
        raise Forbidden(
            N_("H3: this report is for the addressed agency only and is never passed on.")
        )
    if report.origin_agency != principal.agency and report.handling_code == HandlingCode.H2.value:
        consent = session.get(ForwardingConsent, (report.uid, principal.agency))
        if consent is None or consent_problem(
            session, consent.token, report.uid, report.version, report.origin_agency,
            principal.agency,
        ):  # fmt: skip
            raise Forbidden(
                N_(
                    "H2: this report may not be passed on without the originating agency's permission."
                )
            )
    # blank choices are no choice (an empty form value once "forwarded" to nobody, flashed as done)
    targets_ = sorted({c.strip().upper() for c in to if c.strip()} - {principal.agency, report.origin_agency})  # fmt: skip
    if not targets_:
        raise ValidationFailed(
            [FieldProblem("to", N_("Name at least one peer agency to share with."))]
        )
    if unknown := [c for c in targets_ if c not in _known_agencies(session)]:
        raise ValidationFailed(
            [FieldProblem("to", N_("Unknown agency: %(code)s"), {"code": ", ".join(unknown)})]
        )
    data = payload(session, report)
    data["forwarded_by"] = principal.agency
    consent = session.get(ForwardingConsent, (report.uid, principal.agency))
    if consent is not None:
        data["consent"] = consent.token
    if report.origin_signature:
        data["origin_signature"] = json.loads(report.origin_signature)
    enqueue(session, principal.actor, type="information", kind=KIND, payload=data, to=targets_,
            handling=report.handling_code, record_uid=report.uid, thread=report.uid,
            endorse=ORIGIN_FIELDS if originator else ())  # fmt: skip
    if not originator:
        # The originator learns who holds its report now, so that its retraction reaches them.
        enqueue(session, principal.actor, type="notice", kind=ONWARD_KIND,
                payload={"uid": report.uid, "agencies": targets_}, to=[report.origin_agency],
                record_uid=report.uid, thread=report.uid)  # fmt: skip
    record(session, principal.actor, "intel.forward", KIND, report.uid, details={"to": targets_})
    thread.passed_on(session, principal, report, targets_)  # the originator hears of it
    return report


def onward_holders(session: Session, uid: str) -> set[str]:
    return set(session.scalars(select(OnwardCopy.agency).where(OnwardCopy.record_uid == uid)))


# --- receiving ---------------------------------------------------------------------------


def _sent_us(session: Session, uid: str) -> set[str]:
    stmt = select(InboxEntry.from_agency).where(
        InboxEntry.record_uid == uid, InboxEntry.kind == KIND
    )
    return set(session.scalars(stmt))


def _columns(received: Received, data: Mapping[str, Any]) -> dict[str, Any]:
    """The column values of the received copy (one definition for one-by-one and bulk)."""
    values = {name: data[name] for name in _FIELDS}
    values.update(
        origin_agency=str(data["origin_agency"]),
        status=str(data.get("status", "active")),
        status_note=str(data.get("status_note", "")),
        received_from=received.sender,
        received=True,
        author_id=None,
        created_at=datetime.fromisoformat(str(data["created_at"])),
        updated_at=datetime.fromisoformat(str(data["updated_at"])),
        origin_signature=canonical(data["origin_signature"]).decode()
        if data.get("origin_signature")
        else "",
    )
    if values["distribution"] == Distribution.GROUP.value:
        # The group may not exist here; we hold the report by name.
        values["distribution"], values["sharing_group"] = Distribution.PEERS.value, None
    return values


def _known_agencies(session: Session) -> set[str]:
    known = set(session.scalars(select(SharingGroupMember.agency_code)))
    return known | set(session.scalars(select(Agency.code)))


def _recipients(
    received: Received, data: Mapping[str, Any], known: set[str]
) -> list[dict[str, str]]:
    holders = {str(c) for c in data.get("recipients", [])} | {received.own_agency}
    if data.get("handling_code") == HandlingCode.H3.value:
        holders = {received.own_agency}  # H3: held for the addressed agency and no other
    return [{"record_uid": str(data["uid"]), "agency_code": c} for c in sorted(holders & known)]


def _replace_recipients(session: Session, uids: list[str], rows: list[dict[str, str]]) -> None:
    session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid.in_(uids)))
    if rows:
        session.execute(insert(RecordRecipient), rows)


def _document(values: Mapping[str, Any]) -> tuple[str, str, str]:
    return str(values["uid"]), SEARCH_KIND, f"{values['title']}\n{values['narrative']}"


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    uid = str(data["uid"])
    copy = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
    origin = str(data["origin_agency"])
    if copy is not None and not copy.received:
        raise Forbidden(N_("Only the originating agency can change this record."))
    if received.type == "retraction":
        if copy is None:
            raise NotFound(N_("No such record."))
        if received.sender not in {copy.origin_agency, copy.received_from}:
            raise Forbidden(N_("Only the originating agency can change this record."))
        copy.status, copy.status_note, copy.updated_at = (
            "retracted",
            str(data.get("reason", "")),
            utcnow(),
        )
        fts.remove_document(session, uid)
        acks.acknowledge(session, received, uid)
        _pass_on_retraction(session, received, copy, data)
        return uid
    if origin != received.sender:
        forwarded_by = data.get("forwarded_by")
        if forwarded_by != received.sender:
            raise Forbidden(N_("Only the originating agency can change this record."))
        if data["handling_code"] == HandlingCode.H3.value:
            raise Forbidden(
                N_("H3: this report is for the addressed agency only and is never passed on.")
            )
        if origin_problem(session, data, origin):
            raise Forbidden(
                N_(
                    "The originating agency's signature is missing from this report or does not match its content."
                )
            )
        if data["handling_code"] == HandlingCode.H2.value and consent_problem(
            session, data.get("consent"), uid, int(data["version"]), origin, received.sender
        ):
            raise Forbidden(
                N_(
                    "H2: this report may not be passed on without the originating agency's permission."
                )
            )
    if copy is None:
        copy = IntelReport(uid=uid, received=True)
        session.add(copy)
    elif received.sender not in {copy.origin_agency, copy.received_from}:
        raise Forbidden(N_("Only the originating agency can change this record."))
    values = _columns(received, data)
    for name, value in values.items():
        setattr(copy, name, value)
    session.flush()
    _replace_recipients(session, [uid], _recipients(received, data, _known_agencies(session)))
    fts.index_document(session, *_document(values))
    if received.type == "correction":
        acks.acknowledge(session, received, uid)
    return uid


def apply_many(
    session: Session, items: Sequence[tuple[Received, Mapping[str, Any]]]
) -> list[tuple[str, str]] | None:
    """The bulk form of :func:`apply` for the common run: reports and corrections sent by their
    originator, each report once. Anything else (retractions, forwarded copies) is declined and
    applied one by one. Same checks, same rows, a handful of statements per run."""
    uids = [str(data.get("uid", "")) for _, data in items]
    if len(set(uids)) != len(uids) or any(
        received.type not in ("information", "correction")
        or data.get("origin_agency") != received.sender
        for received, data in items
    ):
        return None
    existing = {
        row.uid: row
        for row in session.execute(
            select(
                IntelReport.id,
                IntelReport.uid,
                IntelReport.received,
                IntelReport.origin_agency,
                IntelReport.received_from,
            ).where(IntelReport.uid.in_(uids))
        )
    }
    known = _known_agencies(session)
    results: list[tuple[str, str]] = []
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    recipients: list[dict[str, str]] = []
    corrections: list[tuple[Received, str]] = []
    for (received, data), uid in zip(items, uids, strict=True):
        row = existing.get(uid)
        try:
            if row is not None and (
                not row.received or received.sender not in {row.origin_agency, row.received_from}
            ):
                raise Forbidden(N_("Only the originating agency can change this record."))
            values = _columns(received, data)
            rows = _recipients(received, data, known)
        except (MekongXError, KeyError, ValueError, TypeError) as error:
            results.append((refusal(error), uid[:36]))
            continue
        if row is None:
            new.append(values)
        else:
            changed.append({"id": row.id, **values})
        recipients.extend(rows)
        if received.type == "correction":
            corrections.append((received, uid))
        results.append(("applied", uid))
    if new:
        session.execute(insert(IntelReport), new)
    if changed:
        session.execute(update(IntelReport), changed)
    applied = [values["uid"] for values in (*new, *changed)]
    _replace_recipients(session, applied, recipients)
    fts.index_documents(session, [_document(values) for values in (*new, *changed)])
    for received, uid in corrections:
        acks.acknowledge(session, received, uid)
    return results


def _pass_on_retraction(
    session: Session, received: Received, copy: IntelReport, data: Mapping[str, Any]
) -> None:
    """A retraction follows the report to agencies we forwarded it to."""
    onward = already_sent_to(session, copy.uid) - _sent_us(session, copy.uid)
    if onward:
        enqueue(session, Actor.system(received.own_agency, "federation"), type="retraction", kind=KIND,
                payload=dict(data), to=sorted(onward), handling=copy.handling_code, record_uid=copy.uid,
                thread=copy.uid)  # fmt: skip


def apply_onward(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """A holder of our report passed it on: remember who holds it now (for retractions)."""
    uid = str(data["uid"])
    report = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
    if (
        report is None
        or report.received
        or received.sender not in already_sent_to(session, uid) | onward_holders(session, uid)
    ):
        raise Forbidden(N_("Only an agency this report was sent to can pass it on."))
    for agency in sorted(set(data["agencies"]) - {received.own_agency}):
        session.merge(OnwardCopy(record_uid=uid, agency=agency, via=received.sender))
    record(session, Actor.system(received.own_agency, "federation"), "intel.onward", KIND, uid,
           details={"via": received.sender, "to": sorted(data["agencies"])})  # fmt: skip
    return uid


def apply_consent(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    uid = str(data["uid"])
    copy = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
    if (
        copy is None
        or copy.origin_agency != received.sender
        or data["agency"] != received.own_agency
    ):
        raise Forbidden(N_("Only the originating agency can change this record."))
    if consent_problem(
        session, data.get("token"), uid, copy.version, received.sender, received.own_agency
    ):
        raise Forbidden(
            N_("H2: this report may not be passed on without the originating agency's permission.")
        )
    session.merge(
        ForwardingConsent(record_uid=uid, agency=received.own_agency, token=str(data["token"]))
    )
    return uid


def deliveries(session: Session, report: IntelReport) -> list[dict[str, Any]]:
    """What was sent to whom about this report, whether it arrived and was acknowledged."""
    entries = list(
        session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_uid == report.uid).order_by(OutboxEntry.id)
        )
    )
    acknowledged = acks.acknowledged_by(session, [e.message_id for e in entries])
    return [
        {
            "agency": e.to_agency,
            "type": e.type,
            "status": e.status,
            "sent_at": e.sent_at,
            "acknowledged": e.to_agency in acknowledged.get(e.message_id, []),
        }
        for e in entries
        if e.kind == KIND
    ]
