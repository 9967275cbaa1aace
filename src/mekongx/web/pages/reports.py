"""Intelligence report pages: list, read, create, edit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx.authz import Permission, Principal, access, can, require
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, translator
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
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
    return {"peers": peers, "groups": groups, **translated(translator(principal.language))}


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
def list_page(
    request: Request, principal: CurrentPrincipal, page: PageNumber = 1, handling: str = ""
) -> Response:
    node = node_of(request)
    page = max(page, 1)
    with node.db.read() as session:
        result = intel.list_reports(
            session, principal, page=page, per_page=50, handling_code=handling or None
        )
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
    try:
        with node.db.write() as session:
            report = intel.create_report(session, principal, parse(ReportInput, data))
            report_id = report.id
    except ValidationFailed as error:
        return _form_again(request, principal, None, data, error)
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


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


@router.get("/{report_id}")
def detail(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    node = node_of(request)
    with node.db.write() as session:  # the read is audited, so this is a write
        report = intel.read_report(session, principal, report_id, why="opened in the web UI")
        recipients = intel.recipients_of(session, report)
        versions = intel.history(session, report)
        deliveries = intel_exchange.deliveries(session, report)
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
    own = not report.received and report.origin_agency == principal.agency
    can_edit = (
        can(principal, Permission.WRITE_RECORDS).allowed and own and report.status == "active"
    )
    can_release = can(principal, Permission.RELEASE_RECORDS).allowed and report.status == "active"
    return render(
        request,
        "reports/detail.html",
        report=report,
        recipients=recipients,
        versions=versions,
        can_edit=can_edit,
        can_retract=can_release and own,
        can_forward=can_release and not own,
        deliveries=deliveries,
        peers=peers,
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
        **_context(request, principal),
    )


@router.post("/{report_id}/edit", dependencies=[Depends(check_csrf)])
async def update(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    node = node_of(request)
    data = await _form_data(request)
    try:
        with node.db.write() as session:
            intel.update_report(session, principal, report_id, parse(ReportInput, data))
    except ValidationFailed as error:
        return _form_again(
            request,
            principal,
            {"id": report_id, "version": data.get("expected_version")},
            data,
            error,
        )
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


async def _report_action(
    request: Request, principal: Principal, report_id: int, action: str
) -> Response:
    form = await request.form()
    node = node_of(request)
    try:
        with node.db.write() as session:
            if action == "retract":
                intel_exchange.retract(session, principal, report_id, str(form.get("reason", "")))
            elif action == "consent":
                if node.keys is None:
                    raise ValidationFailed(
                        [
                            FieldProblem(
                                "agency", N_("This node has no keys yet: run `mekongx init`.")
                            )
                        ]
                    )
                agency = str(form.get("agency", ""))[:16]
                intel_exchange.grant_forwarding(
                    session, principal, report_id, agency, node.keys.current.sign
                )
            else:
                targets = [str(v) for v in form.getlist("to")]
                intel_exchange.forward(session, principal, report_id, targets)
    except ValidationFailed as error:
        _ = translator(principal.language)
        problems = "; ".join(_(f.message, **f.params) for f in error.fields)
        return render(request, "error.html", status=422, message=problems, fields=[])
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


@router.post("/{report_id}/retract", dependencies=[Depends(check_csrf)])
async def retract(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Retract the report here and at every agency that received it."""
    return await _report_action(request, principal, report_id, "retract")


@router.post("/{report_id}/consent", dependencies=[Depends(check_csrf)])
async def consent(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Allow one agency to pass this H2 report on (a statement signed with this node's key)."""
    return await _report_action(request, principal, report_id, "consent")


@router.post("/{report_id}/forward", dependencies=[Depends(check_csrf)])
async def forward(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Pass a received report on; H2 needs the originator's consent."""
    return await _report_action(request, principal, report_id, "forward")
