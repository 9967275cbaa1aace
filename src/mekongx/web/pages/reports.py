"""Intelligence report pages: list, read, create, edit."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, access, can, require
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import handoff, thread
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import SEARCH_KIND as KIND
from mekongx.domains.intel.models import ForwardingConsent, IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.domains.review import service as review
from mekongx.errors import ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, translator
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/reports")
NAV = [NavItem(20, "/reports", N_("Intelligence reports"))]

_EMPTY: dict[str, Any] = {
    "title": "",
    "narrative": "",
    "language": "en",
    "source_reliability": "X",
    "info_reliability": 4,
    "handling_code": "H0",
    "handling_note": "",
    "distribution": "own",
    "recipients": [],
    "sharing_group": "",
}


def _context(request: Request, principal: Principal) -> dict[str, Any]:
    node = node_of(request)
    with node.db.read() as session:
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return {
        "peers": peers,
        "groups": groups,
        "direct": intel.releases_directly(principal),
        **translated(translator(principal.language)),
    }


async def _submission(
    request: Request, principal: Principal, data: dict[str, Any]
) -> tuple[bool, str]:
    """Did the writer press "Submit for release", and with which note for the liaison officer?
    "Save in my agency only" (offered to those who do not release) keeps the report at home."""
    form = await request.form()
    action = str(form.get("action", ""))
    if action == "save" and not intel.releases_directly(principal):
        data.update(distribution="own", recipients=[], sharing_group=None)
    return action == "submit", str(form.get("comment", ""))[:2000]


async def _form_data(request: Request) -> dict[str, Any]:
    form = await request.form()
    data: dict[str, Any] = {k: str(form.get(k, "")) for k in _EMPTY if k != "recipients"}
    data["recipients"] = [str(v) for v in form.getlist("recipients")]
    data["sharing_group"] = data["sharing_group"] or None
    version = str(form.get("expected_version", ""))
    if version.isdigit():
        data["expected_version"] = int(version)
    return data


@router.get("")
def list_page(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
              handling: str = "", after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    node = node_of(request)
    with node.db.read() as session:
        result = page_from(partial(intel.list_reports, session, principal, per_page=50,
                                   handling_code=handling or None), page, after, before)  # fmt: skip
    return render(
        request,
        "reports/list.html",
        page=result,
        handling=handling,
        can_write=can(principal, Permission.WRITE_RECORDS).allowed,
        **translated(translator(principal.language)),
    )


@router.get("/new")
def new_form(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    form = dict(_EMPTY, language=principal.language)
    return render(
        request,
        "reports/form.html",
        report=None,
        form=form,
        fields=[],
        **_context(request, principal),
    )


@router.post("/new", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    data = await _form_data(request)
    submit, comment = await _submission(request, principal, data)
    try:
        with node.db.write() as session:
            report = intel.create_report(
                session, principal, parse(ReportInput, data), submit=submit, comment=comment
            )
            report_id = report.id
    except ValidationFailed as error:
        return _form_again(request, principal, None, data, error)
    return flash.redirect(f"/reports/{report_id}", "report.submitted" if submit else "saved")


def _form_again(
    request: Request,
    principal: Principal,
    report: Any,
    data: dict[str, Any],
    error: ValidationFailed,
) -> Response:
    _ = translator(principal.language)
    fields = field_messages(_.lang, error.fields)
    form = dict(_EMPTY, **{k: v for k, v in data.items() if v is not None})
    return render(
        request,
        "reports/form.html",
        status=422,
        report=report,
        form=form,
        fields=fields,
        **_context(request, principal),
    )


@router.get("/releases")
def release_queue(request: Request, principal: CurrentPrincipal) -> Response:
    """Reports the agency's analysts submitted for release, oldest first (liaison officers)."""
    require(principal, Permission.RELEASE_RECORDS)
    node = node_of(request)
    with node.db.read() as session:
        waiting = review.queue(session, principal, kind=KIND, step=handoff.STEP)
        items = [(r, handoff.proposed_holders(session, r)) for r in waiting]
    return render(
        request, "reports/releases.html", items=items, **translated(translator(principal.language))
    )


@router.get("/{report_id}")
def detail(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    node = node_of(request)
    with read_session(node.db) as session:  # the read is audited, so this is a write
        report = intel.read_report(session, principal, report_id, why="opened in the web UI")
        recipients = intel.recipients_of(session, report)
        versions = intel.history(session, report)
        deliveries = intel_exchange.deliveries(session, report)
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
        request_ = review.latest(session, KIND, report.uid)
        proposed = handoff.proposed_holders(session, request_) if request_ else []
        messages = thread.messages(session, report)
        holders = thread.holders(session, report) if not report.received else []
        acknowledged = thread.acknowledged_version(session, report) if report.received else None
        consent = (
            session.get(ForwardingConsent, (report.uid, principal.agency))
            if report.received
            else None
        )
        current_author = report.edited_by or intel.author_username(session, report)
    own = not report.received and report.origin_agency == principal.agency
    writer = can(principal, Permission.WRITE_RECORDS).allowed
    can_edit = writer and own and report.status == "active"
    can_release = can(principal, Permission.RELEASE_RECORDS).allowed and report.status == "active"
    asked = {m.from_agency for m in messages if m.kind == "ask_forward" and m.received}
    waiting = request_ is not None and request_.status == "pending"
    return render(
        request,
        "reports/detail.html",
        report=report,
        recipients=recipients,
        versions=versions,
        current_author=current_author,
        can_edit=can_edit,
        # a report still waiting for release is held by nobody else: it is returned, not retracted
        can_retract=can_release and own and not waiting,
        can_forward=can_release and not own,
        deliveries=deliveries,
        peers=peers,
        request_=request_,
        proposed=proposed,
        can_decide=can_release and own and waiting,
        messages=messages,
        holders=holders,
        asked=asked,
        can_talk=writer and report.status == "active" and (report.received or bool(holders)),
        can_acknowledge=writer and report.received and acknowledged != report.version,
        acknowledged=acknowledged,
        may_pass_on=consent is not None,
        **translated(translator(principal.language)),
    )


@router.get("/{report_id}/edit")
def edit_form(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    node = node_of(request)
    with node.db.read() as session:
        report = access(session, principal, IntelReport, report_id, "write")
        form = {k: getattr(report, k) for k in _EMPTY if k != "recipients"}
        form["recipients"] = intel.recipients_of(session, report)
        form["sharing_group"] = report.sharing_group or ""
    return render(
        request,
        "reports/form.html",
        report=report,
        form=form,
        fields=[],
        shared=report.distribution != "own",
        **_context(request, principal),
    )


@router.post("/{report_id}/edit", dependencies=[Depends(check_csrf)])
async def update(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    node = node_of(request)
    data = await _form_data(request)
    submit, comment = await _submission(request, principal, data)
    try:
        with node.db.write() as session:
            intel.update_report(
                session,
                principal,
                report_id,
                parse(ReportInput, data),
                submit=submit,
                comment=comment,
            )
    except ValidationFailed as error:
        return _form_again(
            request,
            principal,
            {"id": report_id, "version": data.get("expected_version")},
            data,
            error,
        )
    return flash.redirect(f"/reports/{report_id}", "report.submitted" if submit else "saved")
