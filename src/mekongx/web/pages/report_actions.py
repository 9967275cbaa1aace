"""What is done to a report after it is written: release or return a submitted report
(liaison officers), retract it, give permission to pass it on, pass it on; and on a received
copy: acknowledge it, reply in its thread, ask permission to pass it on."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from mekongx.authz import Principal
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import handoff, thread
from mekongx.domains.review.models import ReviewRequest
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import Node, node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_, translator
from mekongx.web import flash
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/reports")


def _consent(
    node: Node, session: Session, principal: Principal, report_id: int, form: FormData
) -> None:
    if node.keys is None:
        raise ValidationFailed(
            [FieldProblem("agency", N_("This node has no keys yet: run `mekongx init`."))]
        )
    agency = str(form.get("agency", ""))[:16]
    intel_exchange.grant_forwarding(session, principal, report_id, agency, node.keys.current.sign)


async def _report_action(
    request: Request, principal: Principal, report_id: int, action: str
) -> Response:
    form = await request.form()
    node = node_of(request)
    target = f"/reports/{report_id}"
    try:
        with node.db.write() as session:
            if action == "retracted":
                intel_exchange.retract(session, principal, report_id, str(form.get("reason", "")))
            elif action == "consent":
                _consent(node, session, principal, report_id, form)
            elif action == "forwarded":
                targets = [str(v) for v in form.getlist("to")]
                intel_exchange.forward(session, principal, report_id, targets)
            elif action == "acknowledged":
                thread.acknowledge(session, principal, report_id)
            elif action == "replied":
                body, to = str(form.get("body", "")), str(form.get("to", ""))[:16]
                thread.reply(session, principal, report_id, body, to)
            elif action == "asked":
                thread.ask_permission(session, principal, report_id, str(form.get("body", "")))
            else:  # released | returned: the id is the review request's
                request_ = session.get(ReviewRequest, report_id)
                if request_ is None:
                    raise NotFound(N_("No such record."))
                target = f"/reports/{request_.record_id}"
                note = str(form.get("note", ""))
                if action == "released":
                    chosen = [str(v) for v in form.getlist("to")]
                    handoff.release(session, principal, report_id, chosen, note)
                else:
                    handoff.send_back(session, principal, report_id, note)
    except ValidationFailed as error:
        _ = translator(principal.language)
        problems = [(f.field, _(f.message, **f.params)) for f in error.fields]
        message = _("Nothing was changed. Please correct the following:")
        return render(request, "error.html", status=422, message=message, fields=problems,
                      back=target)  # fmt: skip
    return flash.redirect(target, f"report.{action}")


@router.post("/{report_id}/retract", dependencies=[Depends(check_csrf)])
async def retract(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Retract the report here and at every agency that received it."""
    return await _report_action(request, principal, report_id, "retracted")


@router.post("/{report_id}/consent", dependencies=[Depends(check_csrf)])
async def consent(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Allow one agency to pass this H2 report on (a statement signed with this node's key)."""
    return await _report_action(request, principal, report_id, "consent")


@router.post("/{report_id}/forward", dependencies=[Depends(check_csrf)])
async def forward(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Pass a received report on; H2 needs the originator's consent."""
    return await _report_action(request, principal, report_id, "forwarded")


@router.post("/{report_id}/acknowledge", dependencies=[Depends(check_csrf)])
async def acknowledge(
    request: Request, principal: CurrentPrincipal, report_id: RecordId
) -> Response:
    """Acknowledge a received report (the sender's exchange table shows it)."""
    return await _report_action(request, principal, report_id, "acknowledged")


@router.post("/{report_id}/reply", dependencies=[Depends(check_csrf)])
async def reply(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Write in the report's thread with the originator (or, from the originator, a holder)."""
    return await _report_action(request, principal, report_id, "replied")


@router.post("/{report_id}/ask", dependencies=[Depends(check_csrf)])
async def ask(request: Request, principal: CurrentPrincipal, report_id: RecordId) -> Response:
    """Ask the originating agency for permission to pass the report on."""
    return await _report_action(request, principal, report_id, "asked")


@router.post("/releases/{request_id}/release", dependencies=[Depends(check_csrf)])
async def release(request: Request, principal: CurrentPrincipal, request_id: RecordId) -> Response:
    """Release a submitted report to the proposed agencies, or to fewer of them."""
    return await _report_action(request, principal, request_id, "released")


@router.post("/releases/{request_id}/return", dependencies=[Depends(check_csrf)])
async def send_back(
    request: Request, principal: CurrentPrincipal, request_id: RecordId
) -> Response:
    """Return a submitted report to the analyst with a comment."""
    return await _report_action(request, principal, request_id, "returned")
