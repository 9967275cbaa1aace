"""The Safe Mekong Joint Operation Plan 2023–2027: the actions side by side with each country's
progress, one action with every country's commitment and evidence, entering an action and
reporting the officer's country's progress."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can, require
from mekongx.authz.sharing import recipients_of
from mekongx.domains.mekong import keepers, plan, service
from mekongx.domains.mekong.schemas import PlanActionInput, ProgressInput
from mekongx.domains.seizures import reference
from mekongx.errors import FieldProblem, Forbidden, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_, countries, translator
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.pages.meetings import STATUS_LABELS
from mekongx.web.render import check_csrf, render
from mekongx.web.retraction import retract_then_redirect

router = APIRouter(prefix="/mekong-plan")
NAV = [NavItem(28, "/mekong-plan", N_("Safe Mekong plan"))]
_ACTION = ("line", "number", "title", "description", "due_on", "language", "handling_code",
           "handling_note", "distribution")  # fmt: skip
UNKNOWN = N_("No seizure with the reference %(reference)s that you may see.")
flash.register({"mekong.plan.saved": N_("The plan action is recorded."),
                "mekong.plan.corrected": N_("Changed. Every agency that holds the record gets the new version."),
                "mekong.plan.retracted": N_("Retracted. Every agency that received the record is told."),
                "mekong.progress.saved": N_("Your country's progress is recorded and sent."),
                "mekong.plan.keeper": N_("The plan's keeper is named.")})  # fmt: skip


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {"status_labels": {k: _(v) for k, v in STATUS_LABELS.items()},
            "country_name": dict(countries.names(principal.language)),
            "mekong_countries": reference.COUNTRIES, "today": utcnow().date(), "late": plan.late,
            "can_write": can(principal, Permission.WRITE_RECORDS).allowed,
            "can_report": can(principal, Permission.RELEASE_RECORDS).allowed, **translated(_)}  # fmt: skip


@router.get("")
def plan_page(request: Request, principal: CurrentPrincipal) -> Response:
    with read_session(node_of(request).db) as session:  # the view is audited
        lines = plan.plan_view(session, principal)
        keeper = keepers.keeper_of(session, plan.PLAN)
    return render(request, "mekong/plan.html", lines=lines, plan_code=plan.PLAN, keeper=keeper,
                  can_name_keeper=can(principal, Permission.MANAGE_AGENCIES).allowed,
                  **_labels(principal))  # fmt: skip


def _keeper_form(request: Request, principal: Principal, chosen: str,
                 fields: list[tuple[str, str]], status: int = 200) -> Response:  # fmt: skip
    require(principal, Permission.MANAGE_AGENCIES)
    with node_of(request).db.read() as session:
        kept = keepers.keeper_record(session, plan.PLAN)
        agencies = [(a.code, a.name(principal.language)) for a in session.scalars(select(Agency).order_by(Agency.code))]  # fmt: skip
    return render(request, "mekong/plan_keeper.html", status=status, kept=kept, chosen=chosen,
                  agencies=agencies, plan_code=plan.PLAN, first_held=keepers.FIRST_HELD,
                  fields=fields, **_labels(principal))  # fmt: skip


@router.get("/keeper")
def keeper_page(request: Request, principal: CurrentPrincipal) -> Response:
    """Who keeps the plan on this node, and the administrator's form to name the agency (as the
    countries agreed): only it enters, changes and retracts the plan's actions."""
    return _keeper_form(request, principal, "", [])


@router.post("/keeper", dependencies=[Depends(check_csrf)])
async def name_keeper(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    chosen = str(form.get("agency", ""))
    try:
        with node_of(request).db.write() as session:
            keepers.name_keeper(session, principal, plan.PLAN, chosen)
    except ValidationFailed as error:
        return _keeper_form(request, principal, chosen, field_messages(principal.language, error.fields), 422)  # fmt: skip
    return flash.redirect("/mekong-plan/keeper", "mekong.plan.keeper")


def _action_form(request: Request, principal: Principal, form: dict[str, Any],
                 fields: list[tuple[str, str]], status: int = 200, editing: int | None = None) -> Response:  # fmt: skip
    with node_of(request).db.read() as session:
        peers = list(session.scalars(select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)))  # fmt: skip
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return render(request, "mekong/plan_form.html", status=status, form=form, fields=fields,
                  peers=peers, groups=groups, editing=editing, **_labels(principal))  # fmt: skip


@router.get("/new")
def new_action(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    form: dict[str, Any] = dict.fromkeys(_ACTION, "")
    form.update(language=principal.language, handling_code="H0", distribution="group",
                recipients=[], sharing_group="SAFE-MEKONG")  # fmt: skip
    return _action_form(request, principal, form, [])


def _action_data(form: Any) -> dict[str, Any]:
    data: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in _ACTION}
    data["due_on"] = data["due_on"] or None
    data["recipients"] = [str(v) for v in form.getlist("recipients")]
    data["sharing_group"] = str(form.get("sharing_group", "")) or None
    return data


def _action_again(request: Request, principal: Principal, form: Any, data: dict[str, Any],
                  error: ValidationFailed, editing: int | None = None) -> Response:  # fmt: skip
    shown = {**{k: str(form.get(k, "")) for k in _ACTION}, "recipients": data["recipients"],
             "sharing_group": data["sharing_group"] or ""}  # fmt: skip
    return _action_form(request, principal, shown, field_messages(principal.language, error.fields), 422, editing)  # fmt: skip


@router.post("/new", dependencies=[Depends(check_csrf)])
async def create_action(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = _action_data(form)
    try:
        with node_of(request).db.write() as session:
            action_id = plan.create_action(session, principal, parse(PlanActionInput, data)).id
    except ValidationFailed as error:
        return _action_again(request, principal, form, data, error)
    return flash.redirect(f"/mekong-plan/{action_id}", "mekong.plan.saved")


@router.get("/{action_id}/edit")
def edit_action_form(request: Request, principal: CurrentPrincipal, action_id: RecordId) -> Response:  # fmt: skip
    """The form filled with the action as it reads, for the plan's keeper to change."""
    with read_session(node_of(request).db) as session:  # the read is audited
        action, _progress = plan.read_action(session, principal, action_id)
        if not service.can_change(principal, action):
            raise Forbidden(N_("Only the originating agency can change this record."))
        form: dict[str, Any] = {k: "" if getattr(action, k) is None else str(getattr(action, k)) for k in _ACTION}  # fmt: skip
        form.update(
            recipients=recipients_of(session, action), sharing_group=action.sharing_group or ""
        )
    return _action_form(request, principal, form, [], editing=action_id)


@router.post("/{action_id}/edit", dependencies=[Depends(check_csrf)])
async def edit_action(request: Request, principal: CurrentPrincipal, action_id: RecordId) -> Response:  # fmt: skip
    """A new version of the action; every agency that holds it gets the correction."""
    form = await request.form()
    data = _action_data(form)
    try:
        with node_of(request).db.write() as session:
            plan.correct_action(session, principal, action_id, parse(PlanActionInput, data))
    except ValidationFailed as error:
        return _action_again(request, principal, form, data, error, action_id)
    return flash.redirect(f"/mekong-plan/{action_id}", "mekong.plan.corrected")


@router.post("/{action_id}/retract", dependencies=[Depends(check_csrf)])
async def retract_action(request: Request, principal: CurrentPrincipal, action_id: RecordId) -> Response:  # fmt: skip
    """The keeper withdraws the action, with the reason; every holder is told."""
    return await retract_then_redirect(
        request, principal,
        lambda session, reason: plan.retract_action(session, principal, action_id, reason),
        (f"/mekong-plan/{action_id}", "mekong.plan.retracted"),
        lambda fields: _action_page(request, principal, action_id, None, fields, 422),
    )  # fmt: skip


def _action_page(request: Request, principal: Principal, action_id: int, form: dict[str, Any] | None,
                 fields: list[tuple[str, str]], status: int = 200) -> Response:  # fmt: skip
    with read_session(node_of(request).db) as session:  # the read is audited
        action, progress = plan.read_action(session, principal, action_id)
        evidence = plan.evidence_of(session, principal, progress)
        # the operations to choose the evidence from: the latest 500, as one page
        operations = service.list_operations(session, principal, per_page=500).items
    own = plan.own_progress(progress, principal.agency)
    if form is None:
        refs = evidence.get(own.uid, []) if own else []
        form = {"activity": own.activity if own else "", "status": own.status if own else "planned",
                "note": own.note if own else "", "reported_on": utcnow().date().isoformat(),
                "operations": [r.uid for r in refs if r.kind == "mekong_operation"],
                "seizure_refs": "\n".join(r.title.split(" · ")[0] for r in refs if r.kind == "seizure")}  # fmt: skip
    return render(request, "mekong/plan_action.html", status=status, a=action, progress=progress,
                  evidence=evidence, operations=operations, form=form, fields=fields,
                  can_change=service.can_change(principal, action), **_labels(principal))  # fmt: skip


@router.get("/{action_id}")
def action_page(request: Request, principal: CurrentPrincipal, action_id: RecordId) -> Response:
    return _action_page(request, principal, action_id, None, [])


@router.post("/{action_id}/progress", dependencies=[Depends(check_csrf)])
async def report_progress(request: Request, principal: CurrentPrincipal, action_id: RecordId) -> Response:  # fmt: skip
    form = await request.form()
    shown: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in ("activity", "status", "note", "reported_on", "seizure_refs")}  # fmt: skip
    shown["operations"] = [str(v) for v in form.getlist("operations")]
    references = [
        r.strip() for r in shown["seizure_refs"].replace(",", "\n").splitlines() if r.strip()
    ]
    try:
        with node_of(request).db.write() as session:
            seizures = service.seizure_uids(session, principal, references)
            if len(seizures) < len(set(references)):
                known = set(service.seizure_references(session, principal, seizures))
                missing = next(r for r in references if r not in known)
                raise ValidationFailed(
                    [FieldProblem("seizure_refs", UNKNOWN, {"reference": missing})]
                )
            evidence = [{"kind": "mekong_operation", "uid": u} for u in shown["operations"]]
            evidence += [{"kind": "seizure", "uid": u} for u in seizures]
            data = {k: shown[k] for k in ("activity", "status", "note", "reported_on")}
            plan.set_progress(session, principal, action_id,
                              parse(ProgressInput, {**data, "evidence": evidence, "language": principal.language}))  # fmt: skip
    except ValidationFailed as error:
        messages = field_messages(principal.language, error.fields)
        return _action_page(request, principal, action_id, shown, messages, 422)
    return flash.redirect(f"/mekong-plan/{action_id}", "mekong.progress.saved")
