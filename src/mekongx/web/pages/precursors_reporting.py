"""Precursor chemical pages of what the agency reports: incidents (seizures, diversions, stopped
shipments, laboratories) and INCB Form D with its annual legitimate requirements. The
register, screening and the area's page helpers are in ``precursors``; pre-export
notifications in ``precursors_notifications``."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can
from mekongx.chemistry.formd import load_vocabulary
from mekongx.domains.precursors import formd as formd_service
from mekongx.domains.precursors import formd_workbook
from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors import register as reg
from mekongx.domains.precursors.schemas import IncidentInput, RequirementInput
from mekongx.errors import ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.model.base import utcnow
from mekongx.model.identity import SharingGroup
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import place_options
from mekongx.web.pages.precursors import field_problems, form_data, other_agencies, render_page
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf

router = APIRouter(prefix="/precursors")


# ---------------------------------------------------------------- incidents
_INCIDENT_FIELDS = (
    "kind", "title", "occurred_on", "country", "place", "substance_id", "substance_name",
    "quantity", "unit", "concentration_pct", "origin_country", "provenance_country",
    "diversion_method", "manufacture_method", "description", "language", "handling_code",
    "handling_note", "distribution", "sharing_group",
)  # fmt: skip


@router.get("/incidents")
def incident_list(
    request: Request,
    principal: CurrentPrincipal,
    kind: Annotated[str, Query(pattern="^[a-z_]{0,24}$")] = "",
    page: PageNumber = 1,
    after: Cursor = "",
    before: Cursor = "",
) -> Response:
    with node_of(request).db.read() as session:
        listed = page_from(partial(incident_service.list_incidents, session, principal, kind=kind),
                           page, after, before)  # fmt: skip
    return render_page(
        request,
        principal,
        "precursors/incidents.html",
        items=listed.items,
        listed=listed,
        kind=kind,
        can_write=can(principal, Permission.WRITE_RECORDS).allowed,
    )


def _incident_form(
    request: Request, principal: Principal, form: dict[str, Any], fields: list[tuple[str, str]]
) -> Response:
    with node_of(request).db.read() as session:
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return render_page(
        request,
        principal,
        "precursors/incident_form.html",
        status=422 if fields else 200,
        form=form,
        fields=fields,
        peers=other_agencies(request, principal),
        groups=groups,
        substances=reg.search("", ""),
        local_names=reg.local_names(principal.language),
        place_options=place_options(principal.language),
    )


@router.get("/incidents/new")
def incident_new(request: Request, principal: CurrentPrincipal) -> Response:
    form: dict[str, Any] = {k: "" for k in _INCIDENT_FIELDS}
    form.update(
        kind="seizure",
        language=principal.language,
        handling_code="H0",
        distribution="own",
        recipients=[],
        occurred_on=date.today().isoformat(),
    )
    return _incident_form(request, principal, form, [])


@router.post("/incidents/new", dependencies=[Depends(check_csrf)])
async def incident_create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = form_data(form, _INCIDENT_FIELDS, ("preparation",))
    data["recipients"] = [str(v) for v in form.getlist("recipients")]
    data["sharing_group"] = data["sharing_group"] or None
    try:
        with node_of(request).db.write() as session:
            incident = incident_service.create_incident(
                session, principal, parse(IncidentInput, data)
            )
            new_id = incident.id
    except ValidationFailed as error:
        form_again = {k: ("" if v is None else v) for k, v in data.items()}
        return _incident_form(request, principal, form_again, field_problems(principal, error))
    return flash.redirect(f"/precursors/incidents/{new_id}", "saved")


@router.get("/incidents/{incident_id}")
def incident_detail(
    request: Request, principal: CurrentPrincipal, incident_id: RecordId
) -> Response:
    with read_session(node_of(request).db) as session:
        incident = incident_service.read_incident(session, principal, incident_id)
        recipients = incident_service.recipients_of(session, incident)
    return render_page(
        request, principal, "precursors/incident.html", i=incident, recipients=recipients
    )


# ---------------------------------------------------------------- Form D
Year = Annotated[int, Query(ge=1990, le=2100)]


_REQUIREMENT_FIELDS = ("year", "substance_id", "quantity", "unit", "note")


def _formd_page(
    request: Request,
    principal: Principal,
    year: int,
    form: dict[str, Any] | None = None,
    fields: list[tuple[str, str]] | None = None,
) -> Response:
    with node_of(request).db.read() as session:
        result = formd_service.form_d(session, principal, year)
    alr = load_vocabulary().alr
    choices = [(sid, False) for sid in alr.substances] + [(sid, True) for sid in alr.preparations]
    names = reg.register().by_id
    return render_page(
        request,
        principal,
        "precursors/formd.html",
        status=422 if fields else 200,
        f=result,
        can_export=can(principal, Permission.EXPORT).allowed,
        can_write=can(principal, Permission.WRITE_RECORDS).allowed,
        alr_choices=[(f"{sid}:{int(prep)}", names[sid].name, prep) for sid, prep in choices],
        form=form or {"year": str(year), "unit": "kg"},
        fields=fields or [],
    )


@router.get("/formd")
def formd_page(request: Request, principal: CurrentPrincipal, year: Year | None = None) -> Response:
    return _formd_page(request, principal, year or utcnow().year)


@router.post("/formd/requirements", dependencies=[Depends(check_csrf)])
async def formd_requirement(request: Request, principal: CurrentPrincipal) -> Response:
    """Record (or, with the quantity left empty, withdraw) an annual legitimate requirement."""
    form = await request.form()
    data: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in _REQUIREMENT_FIELDS}
    substance, _, preparation = data["substance_id"].partition(":")
    data.update(substance_id=substance, preparation=preparation == "1")
    data["quantity"] = data["quantity"] or None
    typed = data["year"]
    shown_year = typed if typed.isdigit() and 1990 <= int(typed) <= 2100 else str(utcnow().year)
    try:
        with node_of(request).db.write() as session:
            formd_service.set_requirement(session, principal, parse(RequirementInput, data))
    except ValidationFailed as error:
        again = {**data, "substance_id": str(form.get("substance_id", ""))}
        again["quantity"] = again["quantity"] or ""
        return _formd_page(
            request, principal, int(shown_year), again, field_problems(principal, error)
        )
    return flash.redirect(f"/precursors/formd?year={shown_year}", "saved")


@router.get("/formd.xlsx")
def formd_xlsx(request: Request, principal: CurrentPrincipal, year: Year | None = None) -> Response:
    chosen = year or utcnow().year
    with read_session(node_of(request).db) as session:
        result = formd_service.form_d(session, principal, chosen)
        content = formd_workbook.form_d_xlsx(session, principal, result)
    return Response(
        content,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={
            "Content-Disposition": f'attachment; filename="form-d-{chosen}.xlsx"',
            "Cache-Control": "no-store",
        },
    )
