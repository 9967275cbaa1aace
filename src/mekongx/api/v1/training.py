"""Training: courses, study visits and exchanges, participants (officers; organising agency's
writers only, reads audited), results and evaluation, certificates and their verification."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.responses import Response

from mekongx.api.v1.schemas import ERRORS, PageOut, page_out
from mekongx.audit import read_session
from mekongx.domains.training import certificates, lists, service
from mekongx.domains.training.schemas import (
    CourseInput,
    ParticipantInput,
    ResultInput,
    RevocationInput,
)
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, PerPage, RecordId

router = APIRouter(prefix="/training", tags=["training"], responses=ERRORS)  # type: ignore[arg-type]


class CourseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    code: str
    course_type: str
    title_th: str
    title_zh: str
    title_en: str
    title_lo: str
    title_my: str
    title_km: str
    title_vi: str
    topic: str
    level: str
    course_language: str
    trainers: str
    starts_on: dt.date
    ends_on: dt.date
    hours: int | None
    place: str
    online: bool
    host_country: str
    partner_agencies: str
    competencies: str
    origin_agency: str
    received: bool


class ParticipantOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    name: str
    agency_code: str
    rank: str
    role: str
    attended_days: int | None
    score: int | None
    passed: bool | None
    reaction: int | None
    behaviour: int | None
    followed_up_on: dt.date | None
    results: str


class CertificateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    code: str
    issued_on: dt.date
    revoked_at: dt.datetime | None = None
    revoked_reason: str = ""


class IssuedOut(BaseModel):
    certificate: CertificateOut
    participant: str
    agency_code: str
    course_id: int
    course_code: str


class CheckOut(BaseModel):
    valid: bool
    status: Literal["valid", "revoked", "unknown"]
    revoked_on: dt.date | None
    revoked_reason: str
    issuer: str
    participant_name: str
    agency_code: str
    course_code: str
    course_title: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    issued_on: dt.date | None


class SummaryOut(BaseModel):
    participants: int
    attended: int
    passed: int
    certificates: int
    reaction: float | None
    score: float | None
    behaviour: float | None
    followed_up: int


class EvaluationOut(BaseModel):
    courses: dict[str, SummaryOut]
    competencies: dict[str, SummaryOut]


@router.get("/courses", response_model=PageOut[CourseOut])
def list_courses(
    request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
    per_page: PerPage = 50,
    after: After = None,
    before: Before = None,
) -> PageOut[CourseOut]:  # fmt: skip
    """The courses you may see, newest first (by first day). For the next page pass the
    answer's ``next_after`` as ``after``; ``total`` is exact up to 1,000, estimated beyond."""
    with node_of(request).db.read() as session:
        found = lists.list_courses(
            session, principal, page=page, per_page=per_page, after=after, before=before
        )
        items = [CourseOut.model_validate(c) for c in found.items]
    return page_out(found, items)


@router.get("/courses/search", response_model=list[CourseOut])
def search_courses(
    request: Request, principal: CurrentPrincipal,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[CourseOut]:  # fmt: skip
    """Courses whose code, titles, topic, trainers or place hold every word of ``q``."""
    with node_of(request).db.read() as session:
        return [
            CourseOut.model_validate(c)
            for c in lists.search_courses(session, principal, q, limit=limit)
        ]


@router.post("/courses", response_model=CourseOut, status_code=201)
def create_course(request: Request, principal: CurrentPrincipal, data: CourseInput) -> CourseOut:
    with node_of(request).db.write() as session:
        return CourseOut.model_validate(service.create_course(session, principal, data))


@router.get("/courses/{course_id}", response_model=CourseOut)
def read_course(request: Request, principal: CurrentPrincipal, course_id: RecordId) -> CourseOut:
    with node_of(request).db.read() as session:
        return CourseOut.model_validate(service.read_course(session, principal, course_id))


@router.get("/courses/{course_id}/participants", response_model=list[ParticipantOut])
def participants(
    request: Request, principal: CurrentPrincipal, course_id: RecordId
) -> list[ParticipantOut]:
    """The named participants (the organising agency's writers only; the read is audited)."""
    with read_session(node_of(request).db) as session:
        return [
            ParticipantOut.model_validate(p)
            for p in service.participants(session, principal, course_id)
        ]


@router.post("/courses/{course_id}/participants", response_model=ParticipantOut, status_code=201)
def add_participant(request: Request, principal: CurrentPrincipal, course_id: RecordId,
                    data: ParticipantInput) -> ParticipantOut:  # fmt: skip
    with node_of(request).db.write() as session:
        return ParticipantOut.model_validate(
            service.add_participant(session, principal, course_id, data)
        )


@router.put("/participants/{participant_id}/result", response_model=ParticipantOut)
def record_result(request: Request, principal: CurrentPrincipal, participant_id: RecordId,
                  data: ResultInput) -> ParticipantOut:  # fmt: skip
    """Attendance, assessment (0-100, passed) and evaluation (reaction and behaviour 1-5)."""
    with node_of(request).db.write() as session:
        return ParticipantOut.model_validate(
            service.record_result(session, principal, participant_id, data)
        )


@router.post(
    "/participants/{participant_id}/certificate", response_model=CertificateOut, status_code=201
)
def issue(
    request: Request, principal: CurrentPrincipal, participant_id: RecordId
) -> CertificateOut:
    """A certificate for a participant who passed; the officer's agency receives a statement."""
    with node_of(request).db.write() as session:
        return CertificateOut.model_validate(certificates.issue(session, principal, participant_id))


@router.post("/participants/{participant_id}/certificate/revoke", response_model=CertificateOut)
def revoke(request: Request, principal: CurrentPrincipal, participant_id: RecordId,
           data: RevocationInput) -> CertificateOut:  # fmt: skip
    """Revoke the participant's certificate, saying why (audited). Its code then checks as
    revoked here and, once the correction arrives, on the node of the officer's agency."""
    with node_of(request).db.write() as session:
        return CertificateOut.model_validate(
            certificates.revoke(session, principal, participant_id, data)
        )


@router.get("/certificates", response_model=PageOut[IssuedOut])
def list_certificates(
    request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
    per_page: PerPage = 50,
    after: After = None,
    before: Before = None,
) -> PageOut[IssuedOut]:  # fmt: skip
    """The certificates your agency issued, newest first, revoked ones with when and why
    (the organising agency's writers only)."""
    with node_of(request).db.read() as session:
        found, rows = lists.list_certificates(session, principal, page=page, per_page=per_page,
                                              after=after, before=before)  # fmt: skip
        items = [IssuedOut(certificate=CertificateOut.model_validate(r.certificate),
                           participant=r.participant.name, agency_code=r.participant.agency_code,
                           course_id=r.course.id, course_code=r.course.code) for r in rows]  # fmt: skip
    return page_out(found, items)


@router.get("/participants/{participant_id}/certificate.pdf", response_class=Response,
            responses={200: {"content": {"application/pdf": {}}, "description": "The certificate."}})  # fmt: skip
def certificate_pdf(
    request: Request, principal: CurrentPrincipal, participant_id: RecordId
) -> Response:
    """The certificate as PDF in your language."""
    with read_session(node_of(request).db) as session:
        content = certificates.pdf(session, principal, participant_id)
    return Response(content, media_type="application/pdf")


@router.get("/verify", response_model=CheckOut)
def verify(request: Request, principal: CurrentPrincipal,
           code: Annotated[str, Query(min_length=4, max_length=40)]) -> CheckOut:  # fmt: skip
    """Check a certificate's verification code (this node's own, or one a partner issued to an
    officer of your agency): ``status`` is ``valid``, ``revoked`` (with when and why) or
    ``unknown``."""
    with read_session(node_of(request).db) as session:
        check = certificates.verify(session, principal, code)
        return CheckOut(valid=check.valid, **check.__dict__)


@router.get("/evaluation", response_model=EvaluationOut)
def evaluation(request: Request, principal: CurrentPrincipal) -> EvaluationOut:
    """Kirkpatrick's four levels per course and per competency, over your agency's courses."""
    with node_of(request).db.read() as session:
        courses, competencies = service.evaluation(session, principal)

    def out(s: service.Summary) -> SummaryOut:
        return SummaryOut(**{k: v for k, v in s.__dict__.items() if k != "results"})

    return EvaluationOut(courses={k: out(v) for k, v in courses.items()},
                         competencies={k: out(v) for k, v in competencies.items()})  # fmt: skip
