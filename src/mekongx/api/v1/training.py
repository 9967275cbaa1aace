"""Training: courses, study visits and exchanges, participants (officers; organising agency's
writers only, reads audited), results and evaluation, certificates and their verification."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.responses import Response

from mekongx.api.v1.schemas import ERRORS
from mekongx.domains.training import certificates, service
from mekongx.domains.training.schemas import CourseInput, ParticipantInput, ResultInput
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import RecordId

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
    uid: str
    code: str
    issued_on: dt.date


class CheckOut(BaseModel):
    valid: bool
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


@router.get("/courses", response_model=list[CourseOut])
def list_courses(request: Request, principal: CurrentPrincipal,
                 q: Annotated[str, Query(max_length=100)] = "") -> list[CourseOut]:  # fmt: skip
    with node_of(request).db.read() as session:
        return [CourseOut.model_validate(c) for c in service.list_courses(session, principal, q)]


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
    with node_of(request).db.write() as session:
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
        made = certificates.issue(session, principal, participant_id)
        return CertificateOut(uid=made.uid, code=made.code, issued_on=made.issued_on)


@router.get("/participants/{participant_id}/certificate.pdf", response_class=Response,
            responses={200: {"content": {"application/pdf": {}}, "description": "The certificate."}})  # fmt: skip
def certificate_pdf(
    request: Request, principal: CurrentPrincipal, participant_id: RecordId
) -> Response:
    """The certificate as PDF in your language."""
    with node_of(request).db.write() as session:
        content = certificates.pdf(session, principal, participant_id)
    return Response(content, media_type="application/pdf")


@router.get("/verify", response_model=CheckOut)
def verify(request: Request, principal: CurrentPrincipal,
           code: Annotated[str, Query(min_length=4, max_length=40)]) -> CheckOut:  # fmt: skip
    """Check a certificate's verification code (this node's own, or one a partner issued to an
    officer of your agency)."""
    with node_of(request).db.write() as session:
        return CheckOut(**certificates.verify(session, principal, code).__dict__)


@router.get("/evaluation", response_model=EvaluationOut)
def evaluation(request: Request, principal: CurrentPrincipal) -> EvaluationOut:
    """Kirkpatrick's four levels per course and per competency, over your agency's courses."""
    with node_of(request).db.read() as session:
        courses, competencies = service.evaluation(session, principal)

    def out(s: service.Summary) -> SummaryOut:
        return SummaryOut(**{k: v for k, v in s.__dict__.items() if k != "results"})

    return EvaluationOut(courses={k: out(v) for k, v in courses.items()},
                         competencies={k: out(v) for k, v in competencies.items()})  # fmt: skip
