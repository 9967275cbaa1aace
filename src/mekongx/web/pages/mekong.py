"""Safe Mekong joint operations and Mekong joint patrols: the list, one record with its results
(the linked seizures the reader may see) and the form to record one."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can, require
from mekongx.authz.sharing import recipients_of
from mekongx.domains.mekong import service
from mekongx.domains.mekong.schemas import OperationInput
from mekongx.domains.seizures import reference
from mekongx.errors import Forbidden, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, countries, translator
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render
from mekongx.web.retraction import retract_then_redirect

router = APIRouter(prefix="/mekong")
NAV = [NavItem(27, "/mekong", N_("Joint operations"))]
KIND_LABELS = {"operation": N_("Joint operation"), "patrol": N_("Mekong joint patrol")}
_TEXT = ("activity", "name", "number", "starts_on", "ends_on", "units", "route", "targets", "findings",
         "language", "handling_code", "handling_note", "distribution")  # fmt: skip
flash.register({"mekong.saved": N_("The joint operation is recorded."),
                "mekong.corrected": N_("Changed. Every agency that holds the record gets the new version."),
                "mekong.retracted": N_("Retracted. Every agency that received the record is told.")})  # fmt: skip


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {"kind_labels": {k: _(v) for k, v in KIND_LABELS.items()}, "country_name": dict(countries.names(principal.language)),
            "mekong_countries": reference.COUNTRIES, "drug_names": {c: d.name(principal.language) for c, d in reference.drugs().items()},
            **translated(_)}  # fmt: skip


@router.get("")
def list_page(request: Request, principal: CurrentPrincipal, activity: str = "",
              page: PageNumber = 1, after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    activity = activity if activity in KIND_LABELS else ""
    with read_session(node_of(request).db) as session:  # the list is audited
        found = page_from(
            partial(service.list_operations, session, principal, activity), page, after, before
        )
    return render(request, "mekong/list.html", page=found, activity=activity,
                  can_write=can(principal, Permission.WRITE_RECORDS).allowed, **_labels(principal))  # fmt: skip


def _form_page(request: Request, principal: Principal, form: dict[str, Any], fields: list[tuple[str, str]],
               status: int = 200, editing: int | None = None) -> Response:  # fmt: skip
    with node_of(request).db.read() as session:
        peers = list(session.scalars(select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)))  # fmt: skip
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return render(request, "mekong/form.html", status=status, form=form, fields=fields, peers=peers,
                  groups=groups, editing=editing, **_labels(principal))  # fmt: skip


@router.get("/new")
def new_form(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    form: dict[str, Any] = dict.fromkeys(_TEXT, "")
    form.update(activity="operation", language=principal.language, handling_code="H0", distribution="own",
                countries=[], phases="", seizure_refs="", recipients=[], sharing_group="")  # fmt: skip
    return _form_page(request, principal, form, [])


def _form_data(form: Any) -> tuple[dict[str, Any], list[str]]:
    """The record's fields from the form, and the linked seizures' references."""
    data: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in _TEXT}
    data["number"] = data["number"] or None
    data["countries"] = [str(c) for c in form.getlist("countries")]
    data["phases"] = [dict(zip(("name", "starts_on", "ends_on"), [p.strip() for p in line.split(";")], strict=False))
                      for line in str(form.get("phases", "")).splitlines() if line.strip()]  # fmt: skip
    references = [r.strip() for r in str(form.get("seizure_refs", "")).replace(",", "\n").splitlines() if r.strip()]  # fmt: skip
    data["recipients"] = [str(v) for v in form.getlist("recipients")]
    data["sharing_group"] = str(form.get("sharing_group", "")) or None
    return data, references


def _form_again(request: Request, principal: Principal, form: Any, data: dict[str, Any],
                error: ValidationFailed, editing: int | None = None) -> Response:  # fmt: skip
    shown = {**{k: str(form.get(k, "")) for k in _TEXT}, "countries": data["countries"],
             "phases": str(form.get("phases", "")), "seizure_refs": str(form.get("seizure_refs", "")),
             "recipients": data["recipients"], "sharing_group": data["sharing_group"] or ""}  # fmt: skip
    return _form_page(request, principal, shown, field_messages(principal.language, error.fields), 422, editing)  # fmt: skip


@router.post("/new", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data, references = _form_data(form)
    try:
        with node_of(request).db.write() as session:
            data["seizures"] = service.seizure_uids(session, principal, references)
            operation_id = service.create_operation(
                session, principal, parse(OperationInput, data)
            ).id
    except ValidationFailed as error:
        return _form_again(request, principal, form, data, error)
    return flash.redirect(f"/mekong/{operation_id}", "mekong.saved")


def _detail(request: Request, principal: Principal, operation_id: int,
            fields: list[tuple[str, str]], status: int = 200) -> Response:  # fmt: skip
    with read_session(node_of(request).db) as session:  # the read is audited
        operation = service.read_operation(session, principal, operation_id)
        results = service.results(session, principal, operation)
    return render(request, "mekong/detail.html", status=status, o=operation, phases=service.phases_of(operation),
                  results=results, can_change=service.can_change(principal, operation), fields=fields,
                  **_labels(principal))  # fmt: skip


@router.get("/{operation_id}")
def detail(request: Request, principal: CurrentPrincipal, operation_id: RecordId) -> Response:
    return _detail(request, principal, operation_id, [])


@router.get("/{operation_id}/edit")
def edit_form(request: Request, principal: CurrentPrincipal, operation_id: RecordId) -> Response:
    """The form filled with the record as it reads, for its originator to change."""
    with read_session(node_of(request).db) as session:  # the read is audited
        o = service.read_operation(session, principal, operation_id)
        if not service.can_change(principal, o):
            raise Forbidden(N_("Only the originating agency can change this record."))
        references = service.seizure_references(session, principal, json.loads(o.seizures or "[]"))
        form: dict[str, Any] = {
            k: "" if getattr(o, k) is None else str(getattr(o, k)) for k in _TEXT
        }
        form.update(countries=[c for c in o.countries.split(",") if c],
                    phases="\n".join(f"{p['name']}; {p['starts_on']}; {p['ends_on']}" for p in service.phases_of(o)),
                    seizure_refs="\n".join(references), recipients=recipients_of(session, o),
                    sharing_group=o.sharing_group or "")  # fmt: skip
    return _form_page(request, principal, form, [], editing=operation_id)


@router.post("/{operation_id}/edit", dependencies=[Depends(check_csrf)])
async def edit(request: Request, principal: CurrentPrincipal, operation_id: RecordId) -> Response:
    """A new version of the record; every agency that holds it gets the correction. Linked
    seizures the officer may not see stay linked (the form cannot name them)."""
    form = await request.form()
    data, references = _form_data(form)
    try:
        with node_of(request).db.write() as session:
            hidden = service.hidden_seizures(session, principal, operation_id)
            data["seizures"] = sorted(
                set(service.seizure_uids(session, principal, references)) | hidden
            )
            service.correct_operation(session, principal, operation_id, parse(OperationInput, data))
    except ValidationFailed as error:
        return _form_again(request, principal, form, data, error, operation_id)
    return flash.redirect(f"/mekong/{operation_id}", "mekong.corrected")


@router.post("/{operation_id}/retract", dependencies=[Depends(check_csrf)])
async def retract(
    request: Request, principal: CurrentPrincipal, operation_id: RecordId
) -> Response:
    """The originator withdraws its record, with the reason; every holder is told."""
    return await retract_then_redirect(
        request, principal,
        lambda session, reason: service.retract_operation(session, principal, operation_id, reason),
        (f"/mekong/{operation_id}", "mekong.retracted"),
        lambda fields: _detail(request, principal, operation_id, fields, 422),
    )  # fmt: skip
