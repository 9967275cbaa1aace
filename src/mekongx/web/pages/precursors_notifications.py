"""Precursor chemical pages of pre-export notifications: list, create, send, acknowledge,
answer, and the shipments recorded against them. The register, screening and the area's page
helpers are in ``precursors``; incidents and Form D in ``precursors_reporting``."""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import Actor, read_session
from mekongx.authz import Permission, Principal, can
from mekongx.domains.precursors import notifications as pen
from mekongx.domains.precursors import register as reg
from mekongx.domains.precursors import shipments
from mekongx.domains.precursors.schemas import AnswerInput, NotificationInput, ShipmentInput
from mekongx.errors import ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.pages.precursors import field_problems, form_data, other_agencies, render_page
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf

router = APIRouter(prefix="/precursors")


# ---------------------------------------------------------------- notifications
_NOTIFICATION_FIELDS = (
    "reference", "importer_agency", "exporter_name", "exporter_address", "importer_name",
    "importer_address", "consignee", "substance_id", "quantity", "unit", "concentration_pct",
    "packaging", "transport_mode", "transit_countries", "import_permit", "port_of_exit",
    "port_of_entry", "route", "expected_dispatch", "response_days", "language",
)  # fmt: skip
_CHECKBOXES = ("preparation", "importer_requires_pen")


@router.get("/notifications")
def notification_list(
    request: Request,
    principal: CurrentPrincipal,
    state: Annotated[str, Query(pattern="^[a-z_]{0,24}$")] = "",
    page: PageNumber = 1,
    after: Cursor = "",
    before: Cursor = "",
) -> Response:
    actor = Actor.system(principal.agency, principal.request_id)
    with pen.read_expired(node_of(request).db, actor) as session:  # the probe in the list's read
        listed = page_from(
            partial(pen.list_notifications, session, principal, state), page, after, before
        )
    return render_page(
        request,
        principal,
        "precursors/notifications.html",
        items=listed.items,
        listed=listed,
        state=state,
        can_write=can(principal, Permission.WRITE_RECORDS).allowed,
    )


def _notification_form(
    request: Request,
    principal: Principal,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
) -> Response:
    return render_page(
        request,
        principal,
        "precursors/notification_form.html",
        status=422 if fields else 200,
        form=form,
        fields=fields,
        agencies=other_agencies(request, principal),
        substances=reg.search("", ""),
    )


@router.get("/notifications/new")
def notification_new(request: Request, principal: CurrentPrincipal) -> Response:
    form: dict[str, Any] = {k: "" for k in _NOTIFICATION_FIELDS}
    form.update(response_days=pen.DEFAULT_RESPONSE_DAYS, language=principal.language, unit="kg")
    return _notification_form(request, principal, form, [])


@router.post("/notifications/new", dependencies=[Depends(check_csrf)])
async def notification_create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = form_data(form, _NOTIFICATION_FIELDS, _CHECKBOXES)
    if not data["expected_dispatch"]:
        data["expected_dispatch"] = None
    try:
        with node_of(request).db.write() as session:
            created = pen.create_notification(session, principal, parse(NotificationInput, data))
            new_id = created.id
    except ValidationFailed as error:
        form_again = {k: v or "" for k, v in data.items()}
        return _notification_form(request, principal, form_again, field_problems(principal, error))
    return flash.redirect(f"/precursors/notifications/{new_id}", "saved")


def _notification_page(
    request: Request,
    principal: Principal,
    notification_id: int,
    fields: list[tuple[str, str]] | None = None,
) -> Response:
    pen.expire_due(node_of(request).db, Actor.system(principal.agency, principal.request_id))
    with read_session(node_of(request).db) as session:
        n = pen.read_notification(session, principal, notification_id)
        history = pen.events(session, n)
        shipped = [
            (s, json.loads(s.discrepancies or "[]")) for s in shipments.shipments(session, n)
        ]
    exporter = principal.agency == n.origin_agency and not n.received
    importer = principal.agency == n.importer_agency
    release = can(principal, Permission.RELEASE_RECORDS).allowed
    return render_page(
        request,
        principal,
        "precursors/notification.html",
        status=422 if fields else 200,
        n=n,
        history=history,
        shipped=shipped,
        fields=fields or [],
        can_send=exporter and release and pen.allowed(n.state, "sent"),
        can_ack=importer and release and pen.allowed(n.state, "acknowledged"),
        can_answer=importer and release and n.state == "acknowledged",
        can_ship=(exporter or importer)
        and n.state != "draft"
        and can(principal, Permission.WRITE_RECORDS).allowed,
        today=date.today().isoformat(),
    )


@router.get("/notifications/{notification_id}")
def notification_detail(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> Response:
    return _notification_page(request, principal, notification_id)


@router.post("/notifications/{notification_id}/send", dependencies=[Depends(check_csrf)])
def notification_send(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> Response:
    with node_of(request).db.write() as session:
        pen.send_notification(session, principal, notification_id)
    return flash.redirect(f"/precursors/notifications/{notification_id}", "saved")


@router.post("/notifications/{notification_id}/acknowledge", dependencies=[Depends(check_csrf)])
def notification_acknowledge(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> Response:
    with node_of(request).db.write() as session:
        pen.acknowledge(session, principal, notification_id)
    return flash.redirect(f"/precursors/notifications/{notification_id}", "saved")


@router.post("/notifications/{notification_id}/answer", dependencies=[Depends(check_csrf)])
async def notification_answer(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> Response:
    form = await request.form()
    data = {"answer": str(form.get("answer", "")), "note": str(form.get("note", ""))}
    try:
        with node_of(request).db.write() as session:
            pen.answer(session, principal, notification_id, parse(AnswerInput, data))
    except ValidationFailed as error:
        return _notification_page(
            request, principal, notification_id, field_problems(principal, error)
        )
    return flash.redirect(f"/precursors/notifications/{notification_id}", "saved")


@router.post("/notifications/{notification_id}/shipments", dependencies=[Depends(check_csrf)])
async def notification_shipment(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> Response:
    form = await request.form()
    keys = ("shipped_on", "substance_id", "quantity", "unit", "port_of_entry", "consignee")
    data = form_data(form, keys)
    try:
        with node_of(request).db.write() as session:
            shipments.record_shipment(
                session, principal, notification_id, parse(ShipmentInput, data)
            )
    except ValidationFailed as error:
        return _notification_page(
            request, principal, notification_id, field_problems(principal, error)
        )
    return flash.redirect(f"/precursors/notifications/{notification_id}", "saved")
