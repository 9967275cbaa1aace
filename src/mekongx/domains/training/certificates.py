"""Certificates: issued to a participant who passed, printed as PDF in the reader's language
through ``mekongx.documents``, with a verification code. The issuing node checks a code against
its own certificates; the certified officer's agency checks it against the statement it
received over the exchange (a digest of the code, never the code itself)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx import documents as doc
from mekongx.audit import record, record_read
from mekongx.authz import Permission, Principal, require
from mekongx.domains.training import exchange, service
from mekongx.domains.training.models import (
    COMPETENCY_LABELS,
    SEARCH_KIND,
    Certificate,
    CertificateStatement,
    Course,
    Participant,
)
from mekongx.domains.training.schemas import RevocationInput
from mekongx.errors import Conflict
from mekongx.i18n import N_, format_date, translator
from mekongx.i18n.texts import marked
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.model.record import new_uid

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise(code: str) -> str:
    raw = "".join(c for c in code.upper() if c.isalnum())[:12]
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def digest(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def issue(session: Session, principal: Principal, participant_id: int) -> Certificate:
    """A certificate for a participant who passed (once); the officer's agency is told."""
    course, participant = service.participant_of(session, principal, participant_id)
    if not participant.passed:
        raise Conflict(N_("Only a participant who passed gets a certificate."))
    if session.scalar(select(Certificate.id).where(Certificate.participant_id == participant.id)):
        raise Conflict(N_("This participant has a certificate already."))
    certificate = Certificate(uid=new_uid(), participant_id=participant.id, code=new_code(),
                              issued_on=utcnow().date(), issued_by=principal.display_name)  # fmt: skip
    session.add(certificate)
    session.flush()
    record(session, principal.actor, "training.certificate.issue", SEARCH_KIND, certificate.uid,
           details={"course": course.uid, "participant": participant.uid})  # fmt: skip
    if participant.agency_code != principal.agency:
        exchange.send_statement(
            session, principal, statement(course, participant, certificate), certificate.uid
        )
    return certificate


def statement(
    course: Course, participant: Participant, certificate: Certificate
) -> dict[str, object]:
    revoked = certificate.revoked_at is not None
    return {
        "revoked": revoked, "revoked_reason": certificate.revoked_reason,
        "revoked_on": certificate.revoked_at.date().isoformat() if certificate.revoked_at else None,
        "certificate_uid": certificate.uid, "code_digest": digest(certificate.code),
        "participant_name": participant.name, "agency_code": participant.agency_code,
        "course_code": course.code, "course_title": course.text("title", "en"),
        "starts_on": course.starts_on.isoformat(), "ends_on": course.ends_on.isoformat(),
        "competencies": course.competencies.split(), "issued_on": certificate.issued_on.isoformat(),
    }  # fmt: skip


def revoke(
    session: Session, principal: Principal, participant_id: int, data: RevocationInput
) -> Certificate:
    """Revoke a participant's certificate, with the reason (the organising agency's writers
    only; audited). Its code then checks as revoked, here and, once the correction arrives, on
    the node of the officer's agency. A revoked certificate is not issued again."""
    course, participant = service.participant_of(session, principal, participant_id)
    certificate = session.scalar(
        select(Certificate).where(Certificate.participant_id == participant.id).with_for_update()
    )
    if certificate is None:
        raise Conflict(N_("This participant has no certificate yet."))
    if certificate.revoked_at is not None:
        raise Conflict(N_("This certificate was revoked already."))
    certificate.revoked_at = utcnow()
    certificate.revoked_reason = data.reason
    certificate.revoked_by = principal.display_name
    session.flush()
    record(session, principal.actor, "training.certificate.revoke", SEARCH_KIND, certificate.uid,
           why=data.reason, details={"course": course.uid, "participant": participant.uid})  # fmt: skip
    if participant.agency_code != principal.agency:
        exchange.send_statement(session, principal, statement(course, participant, certificate),
                                certificate.uid, correction=True)  # fmt: skip
    return certificate


def issued(session: Session, participants: list[Participant]) -> dict[int, Certificate]:
    """The certificates of these participants (already loaded for the user), by participant."""
    stmt = select(Certificate).where(Certificate.participant_id.in_([p.id for p in participants]))
    return {c.participant_id: c for c in session.scalars(stmt)}


def pdf(session: Session, principal: Principal, participant_id: int) -> bytes:
    """The certificate as PDF in the reader's language (th, zh or en; others read English)."""
    require(principal, Permission.EXPORT)
    course, participant = service.participant_of(session, principal, participant_id)
    certificate = session.scalar(
        select(Certificate).where(Certificate.participant_id == participant.id)
    )
    if certificate is None:
        raise Conflict(N_("This participant has no certificate yet."))
    if certificate.revoked_at is not None:
        raise Conflict(N_("This certificate was revoked on %(date)s: %(reason)s"),
                       date=format_date(certificate.revoked_at.date(), principal.language),
                       reason=certificate.revoked_reason)  # fmt: skip
    lang = principal.language if principal.language in doc.LANGUAGES else "en"
    _ = translator(lang)
    agency = session.get(Agency, course.origin_agency)
    issuer = agency.name(lang) if agency is not None else course.origin_agency
    officer_agency = session.get(Agency, participant.agency_code)
    document = doc.Document(
        title=_("Certificate of training"), lang=lang, agency=issuer, handling=course.handling_code,
        date=certificate.issued_on,
        blocks=[
            doc.Paragraph(_("This is to certify that")),
            doc.Heading(participant.name, level=1),
            doc.Paragraph(" · ".join(x for x in (participant.rank, participant.role,
                                                 officer_agency.name(lang) if officer_agency else participant.agency_code) if x)),
            doc.Paragraph(_("has completed the course")),
            doc.Heading(marked(course.texts("title"), lang), level=2),
            doc.KeyValues([
                (_("Course"), course.code),
                (_("Dates"), f"{format_date(course.starts_on, lang)} – {format_date(course.ends_on, lang)}"),
                (_("Place"), _("online") if course.online else course.place),
                (_("Hours"), course.hours if course.hours is not None else ""),
                (_("Competencies"), ", ".join(_(COMPETENCY_LABELS[c]) for c in course.competencies.split() if c in COMPETENCY_LABELS)),
                (_("Issued on"), doc.DateCell(certificate.issued_on)),
                (_("Verification code"), certificate.code),
            ]),
            doc.Paragraph(_("The officer's agency can check this code on its own node (Training → Check a certificate).")),
        ],
    )  # fmt: skip
    content = doc.to_pdf(document)
    record_read(session, principal.actor, "training.certificate.export", SEARCH_KIND, certificate.uid,
                details={"lang": lang, "bytes": len(content)})  # fmt: skip
    return content


@dataclass
class Check:
    """What a check of a code found: ``status`` is ``valid``, ``revoked`` or ``unknown``."""

    status: str
    issuer: str = ""
    participant_name: str = ""
    agency_code: str = ""
    course_code: str = ""
    course_title: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    issued_on: date | None = None
    revoked_on: date | None = None
    revoked_reason: str = ""

    @property
    def valid(self) -> bool:
        return self.status == "valid"


def verify(session: Session, principal: Principal, code: str) -> Check:
    """Whether ``code`` is a certificate this node issued, or one a partner issued to an
    officer of this agency (from the statement received), and whether it was revoked (when and
    why); audited either way."""
    require(principal, Permission.READ_RECORDS)
    wanted = digest(code)
    found = Check("unknown")
    own = session.scalar(select(Certificate).where(Certificate.code == normalise(code)))
    if own is not None:
        participant = session.get(Participant, own.participant_id)
        course = session.get(Course, participant.course_id) if participant else None
        if participant is not None and course is not None:
            found = Check("revoked" if own.revoked_at else "valid", course.origin_agency, participant.name,
                          participant.agency_code, course.code, marked(course.texts("title"), principal.language),
                          course.starts_on, course.ends_on, own.issued_on,
                          own.revoked_at.date() if own.revoked_at else None, own.revoked_reason)  # fmt: skip
    else:
        stated = session.scalar(select(CertificateStatement).where(
            CertificateStatement.code_digest == wanted, CertificateStatement.agency_code == principal.agency))  # fmt: skip
        if stated is not None:
            found = Check("revoked" if stated.revoked else "valid", stated.issuer, stated.participant_name,
                          stated.agency_code, stated.course_code, stated.course_title, stated.starts_on,
                          stated.ends_on, stated.issued_on, stated.revoked_on, stated.revoked_reason)  # fmt: skip
    record_read(session, principal.actor, "training.certificate.verify", SEARCH_KIND, wanted[:16],
                details={"status": found.status})  # fmt: skip
    return found
