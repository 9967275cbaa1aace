"""Courses and certificate statements on the exchange.

``training.course`` carries a course (never its participants) to the agencies its distribution
names. ``training.certificate`` carries, to the certified officer's own agency only, what that
agency's node needs to check the certificate's code: a SHA-256 digest of the code, the
officer's name and agency, the course's code, title, dates and competencies. It shows nothing
else of the course or of its other participants."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Principal
from mekongx.authz.sharing import addressed_to, holders, newer_copy
from mekongx.domains.training import lists
from mekongx.domains.training.models import SEARCH_KIND, CertificateStatement, Course
from mekongx.domains.training.schemas import CertificatePayload, CoursePayload
from mekongx.errors import Forbidden
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient
from mekongx.model.texts import added_texts, text_columns
from mekongx.validation import parse

KIND = "training.course"
CERTIFICATE_KIND = "training.certificate"
_FIELDS = (
    "uid", "version", "code", "course_type", "title_th", "title_zh", "title_en", "topic", "level",
    "course_language", "trainers", "hours", "place", "online", "host_country", "funding", "language",
    "handling_code", "handling_note", "distribution", "sharing_group", "origin_agency", "author_name",
)  # fmt: skip


def payload(session: Session, course: Course) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(course, name) for name in _FIELDS}
    data.update(added_texts(course, "title"))  # only when written: older peers read the rest
    data["starts_on"], data["ends_on"] = course.starts_on.isoformat(), course.ends_on.isoformat()
    data["partner_agencies"] = course.partner_agencies.split()
    data["competencies"] = course.competencies.split()
    data["recipients"] = sorted(session.scalars(
        select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == course.uid)))  # fmt: skip
    return data


def release(session: Session, principal: Principal, course: Course) -> None:
    if course.received:
        return
    wanted = holders(session, course)
    if not wanted:
        return
    had = set(session.scalars(select(OutboxEntry.to_agency).where(
        OutboxEntry.record_uid == course.uid, OutboxEntry.kind == KIND)))  # fmt: skip
    body = payload(session, course)
    for type_, to in (("information", wanted - had), ("correction", wanted & had)):
        if to:
            enqueue(session, principal.actor, type=type_, kind=KIND, payload=body, to=sorted(to),
                    handling=course.handling_code, record_uid=course.uid, thread=course.uid)  # fmt: skip


def apply_course(session: Session, received: Received, raw: Mapping[str, Any]) -> str:
    data = parse(CoursePayload, {k: v for k, v in raw.items() if k != "kind"})
    course = session.scalar(select(Course).where(Course.uid == data.uid))
    fresh = newer_copy(
        course, origin=data.origin_agency, sender=received.sender, version=data.version
    )
    if not addressed_to(session, data, received.own_agency):
        raise Forbidden(N_("This course was not shared with this agency."))
    if not fresh:
        assert course is not None
        return course.uid  # a repeat, or older than what we hold
    if course is not None:
        session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == course.uid))
    else:
        course = Course(uid=data.uid, received=True, origin_agency=received.sender)
        session.add(course)
    for name, value in data.model_dump(
        include=(set(_FIELDS) | set(text_columns("title"))) - {"uid", "origin_agency"}
    ).items():
        setattr(course, name, value)
    course.starts_on, course.ends_on = data.starts_on, data.ends_on
    course.partner_agencies = " ".join(data.partner_agencies)
    course.competencies = " ".join(data.competencies)
    course.sharing_group = data.sharing_group if data.distribution == "group" else None
    course.author_id = None
    session.flush()
    if data.distribution == Distribution.PEERS.value:
        known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.recipients))))
        session.add_all(RecordRecipient(record_uid=course.uid, agency_code=c)
                        for c in data.recipients if c in known)  # fmt: skip
    lists.index(session, course)
    record(session, Actor.system(received.own_agency), "training.course.receive", SEARCH_KIND,
           course.uid, details={"from": received.sender, "version": data.version})  # fmt: skip
    return course.uid


def send_statement(session: Session, principal: Principal, body: dict[str, Any], uid: str, *,
                   correction: bool = False) -> None:  # fmt: skip
    """The certificate's statement to the certified officer's agency (if it is another); a
    revocation goes as a correction of it (acknowledged by the receiver)."""
    enqueue(session, principal.actor, type="correction" if correction else "information",
            kind=CERTIFICATE_KIND, payload=body, to=[body["agency_code"]], record_uid=uid,
            thread=uid)  # fmt: skip


def apply_certificate(session: Session, received: Received, raw: Mapping[str, Any]) -> str:
    """Keep a partner's statement about a certificate of one of this agency's officers."""
    data = parse(CertificatePayload, {k: v for k, v in raw.items() if k != "kind"})
    if data.agency_code != received.own_agency:
        raise Forbidden(N_("A certificate statement goes only to the officer's own agency."))
    found = session.scalar(select(CertificateStatement).where(
        CertificateStatement.issuer == received.sender,
        CertificateStatement.certificate_uid == data.certificate_uid))  # fmt: skip
    if found is None:
        found = CertificateStatement(issuer=received.sender, certificate_uid=data.certificate_uid)
        session.add(found)
    elif found.revoked:  # a revocation is final: a late or replayed statement does not undo it
        return data.certificate_uid
    for name, value in data.model_dump(exclude={"certificate_uid", "competencies"}).items():
        setattr(found, name, value)
    found.competencies = " ".join(data.competencies)
    session.flush()
    action = "training.certificate.revoked" if data.revoked else "training.certificate.receive"
    record(session, Actor.system(received.own_agency), action, SEARCH_KIND, data.certificate_uid,
           details={"from": received.sender})  # fmt: skip
    return data.certificate_uid
