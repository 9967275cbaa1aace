"""Training pages: courses, study visits and exchanges; participants with their results and
certificates (organising agency's writers only); evaluation; checking a certificate's code."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can
from mekongx.domains.training import certificates, lists, service
from mekongx.domains.training.models import COMPETENCY_LABELS
from mekongx.domains.training.schemas import (
    CourseInput,
    ParticipantInput,
    ResultInput,
    RevocationInput,
)
from mekongx.errors import ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, translator
from mekongx.model.identity import Agency, SharingGroup
from mekongx.model.texts import text_columns
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/training")
NAV = [NavItem(72, "/training", N_("Training"))]
TYPES = {"course": N_("course"), "study_visit": N_("study visit"), "secondment": N_("secondment"),
         "exchange": N_("exchange")}  # fmt: skip
LEVELS = {"basic": N_("basic"), "intermediate": N_("intermediate"), "advanced": N_("advanced")}

flash.register(
    {
        "training.created": N_("Course recorded. Add its participants."),
        "training.changed": N_("Saved."),
        "training.certified": N_("Certificate issued; the officer's agency can check its code."),
        "training.revoked": N_("Certificate revoked; the officer's agency is told."),
    }
)

_COURSE = ("code", "course_type", *text_columns("title"), "topic", "level", "course_language",
           "trainers", "starts_on", "ends_on", "hours", "place", "host_country", "funding", "language",
           "handling_code", "handling_note", "distribution", "sharing_group")  # fmt: skip


def _context(request: Request, principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    with node_of(request).db.read() as session:
        agencies = list(session.scalars(select(Agency).order_by(Agency.code)))
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return {
        "types": {k: _(v) for k, v in TYPES.items()},
        "levels": {k: _(v) for k, v in LEVELS.items()},
        "competency_labels": {k: _(v) for k, v in COMPETENCY_LABELS.items()},
        "can_write": can(principal, Permission.WRITE_RECORDS).allowed,
        "agencies": agencies,
        "peers": [a for a in agencies if a.code != principal.agency],
        "groups": groups,
        **translated(_),
    }


def _index(request: Request, principal: Principal, *, status: int = 200,
           fields: list[tuple[str, str]] | None = None, form: dict[str, Any] | None = None,
           page: int = 1, after: str = "", before: str = "", q: str = "") -> Response:  # fmt: skip
    listed = None
    with node_of(request).db.read() as session:
        if q.strip():
            courses = lists.search_courses(session, principal, q.strip())
        else:
            listed = page_from(partial(lists.list_courses, session, principal), page, after, before)
            courses = listed.items
        by_course, by_competency = service.evaluation(session, principal)
    blank = {
        "distribution": "own",
        "recipients": [],
        "handling_code": "H0",
        "competencies": [],
        "partner_agencies": [],
    }
    return render(request, "training/index.html", status=status, courses=courses, listed=listed,
                  q=q, by_course=by_course, by_competency=by_competency, fields=fields or [],
                  form={**blank, **(form or {})}, **_context(request, principal))  # fmt: skip


@router.get("")
def index(
    request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
    q: str = Query("", max_length=200), after: Cursor = "", before: Cursor = "",
) -> Response:  # fmt: skip
    return _index(request, principal, page=page, after=after, before=before, q=q)


@router.post("", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        n: str(form.get(n, "")).strip() for n in _COURSE if str(form.get(n, "")).strip()
    }
    for many in ("recipients", "competencies", "partner_agencies"):
        data[many] = [str(v) for v in form.getlist(many)]
    data["online"] = form.get("online") == "on"
    try:
        with node_of(request).db.write() as session:
            course_id = service.create_course(session, principal, parse(CourseInput, data)).id
    except ValidationFailed as error:
        return _index(
            request,
            principal,
            status=422,
            fields=field_messages(principal.language, error.fields),
            form=data,
        )
    return flash.redirect(f"/training/{course_id}", "training.created")


@router.get("/verify")
def verify(
    request: Request, principal: CurrentPrincipal, code: str = Query("", max_length=40)
) -> Response:
    check = None
    if code.strip():
        with read_session(node_of(request).db) as session:
            check = certificates.verify(session, principal, code)
    return render(
        request, "training/verify.html", code=code, check=check, **_context(request, principal)
    )


@router.get("/certificates")
def certificates_page(
    request: Request,
    principal: CurrentPrincipal,
    page: PageNumber = 1,
    after: Cursor = "",
    before: Cursor = "",
) -> Response:
    """The certificates this agency issued, newest first, with their status."""
    with node_of(request).db.read() as session:
        listed = page_from(
            partial(lists.certificates_page, session, principal), page, after, before
        )
        rows = lists.issued_of(session, listed)
    return render(request, "training/certificates.html", listed=listed, rows=rows,
                  **_context(request, principal))  # fmt: skip


def _page(request: Request, principal: Principal, course_id: int, *, status: int = 200,
          fields: list[tuple[str, str]] | None = None) -> Response:  # fmt: skip
    with read_session(node_of(request).db) as session:
        course = service.read_course(session, principal, course_id)
        organiser = (not course.received and course.origin_agency == principal.agency
                     and can(principal, Permission.WRITE_RECORDS).allowed)  # fmt: skip
        people = service.participants(session, principal, course_id) if organiser else []
        issued = certificates.issued(session, people)
    return render(request, "training/course.html", status=status, course=course, organiser=organiser,
                  people=people, issued=issued, fields=fields or [], **_context(request, principal))  # fmt: skip


@router.get("/{course_id}")
def show(request: Request, principal: CurrentPrincipal, course_id: RecordId) -> Response:
    return _page(request, principal, course_id)


@router.post("/{course_id}/participants", dependencies=[Depends(check_csrf)])
async def add_participant(
    request: Request, principal: CurrentPrincipal, course_id: RecordId
) -> Response:
    form = await request.form()
    data = {n: str(form.get(n, "")).strip() for n in ("name", "agency_code", "rank", "role")}
    try:
        with node_of(request).db.write() as session:
            service.add_participant(session, principal, course_id, parse(ParticipantInput, data))
    except ValidationFailed as error:
        return _page(
            request,
            principal,
            course_id,
            status=422,
            fields=field_messages(principal.language, error.fields),
        )
    return flash.redirect(f"/training/{course_id}#participants", "training.changed")


@router.post("/participants/{participant_id}/result", dependencies=[Depends(check_csrf)])
async def record_result(
    request: Request, principal: CurrentPrincipal, participant_id: RecordId
) -> Response:
    form = await request.form()
    data: dict[str, Any] = {n: str(form.get(n, "")).strip() for n in
                            ("attended_days", "score", "reaction", "behaviour", "followed_up_on", "results")}  # fmt: skip
    data = {k: v for k, v in data.items() if v != ""}
    if form.get("passed") in ("yes", "no"):
        data["passed"] = form.get("passed") == "yes"
    with node_of(request).db.read() as session:
        course_id = service.course_id_of(session, principal, participant_id)
    try:
        with node_of(request).db.write() as session:
            service.record_result(session, principal, participant_id, parse(ResultInput, data))
    except ValidationFailed as error:
        return _page(
            request,
            principal,
            course_id,
            status=422,
            fields=field_messages(principal.language, error.fields),
        )
    return flash.redirect(f"/training/{course_id}#participants", "training.changed")


@router.post("/participants/{participant_id}/certificate", dependencies=[Depends(check_csrf)])
def issue(request: Request, principal: CurrentPrincipal, participant_id: RecordId) -> Response:
    with node_of(request).db.write() as session:
        certificates.issue(session, principal, participant_id)
        course_id = service.course_id_of(session, principal, participant_id)
    return flash.redirect(f"/training/{course_id}#participants", "training.certified")


@router.get("/participants/{participant_id}/certificate.pdf")
def certificate_pdf(
    request: Request, principal: CurrentPrincipal, participant_id: RecordId
) -> Response:
    with read_session(node_of(request).db) as session:
        content = certificates.pdf(session, principal, participant_id)
    return Response(content, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="certificate-{participant_id}.pdf"'})  # fmt: skip


@router.post(
    "/participants/{participant_id}/certificate/revoke", dependencies=[Depends(check_csrf)]
)
async def revoke(
    request: Request, principal: CurrentPrincipal, participant_id: RecordId
) -> Response:
    form = await request.form()
    with node_of(request).db.read() as session:
        course_id = service.course_id_of(session, principal, participant_id)
    try:
        data = parse(RevocationInput, {"reason": str(form.get("reason", ""))})
        with node_of(request).db.write() as session:
            certificates.revoke(session, principal, participant_id, data)
    except ValidationFailed as error:
        return _page(request, principal, course_id, status=422,
                     fields=field_messages(principal.language, error.fields))  # fmt: skip
    return flash.redirect(f"/training/{course_id}#participants", "training.revoked")
