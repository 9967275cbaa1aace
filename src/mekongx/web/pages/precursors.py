"""Precursor chemicals: register browser, declaration screening, pre-export notifications,
incidents and INCB Form D."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx import uploads
from mekongx.audit import Actor
from mekongx.authz import Permission, Principal, can
from mekongx.chemistry.declarations import COLUMNS, FIELD_PROBLEMS, REQUIRED
from mekongx.chemistry.formd import load_vocabulary
from mekongx.chemistry.units import incb_unit
from mekongx.chemistry.wording import column_label
from mekongx.domains.precursors import formd as formd_service
from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors import labels, screening, shipments
from mekongx.domains.precursors import notifications as pen
from mekongx.domains.precursors import register as reg
from mekongx.domains.precursors.schemas import (
    AnswerInput,
    IncidentInput,
    ListingInput,
    NotificationInput,
    RequirementInput,
    ShipmentInput,
)
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import LANGUAGES, N_, translator
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import place_options, translated
from mekongx.web.nav import NavItem
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/precursors")
NAV = [NavItem(30, "/precursors", N_("Precursors"))]

SubstanceId = Annotated[str, Path(pattern=r"^[a-z0-9_]{1,64}$", max_length=64)]
_SHOWN_HITS = 1000


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)

    def tr(table: dict[str, str]) -> dict[str, str]:
        return {k: _(v) for k, v in table.items()}

    return {
        "table_labels": tr(labels.TABLES),
        "list_labels": tr(labels.LISTS),
        "match_labels": tr(labels.MATCH_KINDS),
        "band_labels": tr(labels.BANDS),
        "state_labels": tr(labels.STATES),
        "kind_labels": tr(labels.INCIDENT_KINDS),
        "method_labels": tr(labels.DIVERSION_METHODS),
        "manufacture_labels": tr(labels.MANUFACTURE_METHODS),
        "discrepancy_labels": tr(labels.DISCREPANCIES),
        "unit_labels": tr(labels.UNITS),
        "transport_labels": tr(labels.TRANSPORT_MODES),
        "basis_labels": tr(labels.LEGAL_BASES),
        **translated(_),
    }


def _page(request: Request, principal: Principal, template: str, **context: Any) -> Response:
    status = context.pop("status", 200)
    response = render(request, template, status=status, **_labels(principal), **context)
    response.headers["Cache-Control"] = "no-store"
    return response


def _problems(principal: Principal, error: ValidationFailed) -> list[tuple[str, str]]:
    return field_messages(principal.language, error.fields)


@router.get("")
def hub(request: Request, principal: CurrentPrincipal) -> Response:
    with node_of(request).db.read() as session:
        runs = screening.list_runs(session, principal, per_page=5).items
        open_count = pen.count_open(session, principal)
    return _page(
        request,
        principal,
        "precursors/hub.html",
        runs=runs,
        open_count=open_count,
        substances=len(reg.register().substances),
        year=utcnow().year,
    )


# ---------------------------------------------------------------- register
@router.get("/register")
def register_list(
    request: Request,
    principal: CurrentPrincipal,
    q: Annotated[str, Query(max_length=200)] = "",
    table: Annotated[str, Query(pattern="^(|I|II|national|watch)$")] = "",
) -> Response:
    with node_of(request).db.read() as session:
        extra = reg.listings_by_substance(session)
    return _page(
        request,
        principal,
        "precursors/register.html",
        substances=reg.search(q, table),
        extra=extra,
        q=q,
        table=table,
    )


def _substance_page(
    request: Request,
    principal: Principal,
    substance_id: str,
    form: dict[str, Any] | None = None,
    fields: list[tuple[str, str]] | None = None,
) -> Response:
    sub = reg.substance(substance_id)
    with node_of(request).db.read() as session:
        listings = reg.listings_for(session, sub.id)
    return _page(
        request,
        principal,
        "precursors/substance.html",
        status=422 if fields else 200,
        sub=sub,
        incb_unit=incb_unit(sub),
        listings=listings,
        lookalikes=reg.lookalikes_of(sub),
        sources=reg.sources_of(sub),
        can_add=can(principal, Permission.MANAGE_AGENCIES).allowed,
        form=form or {"country": "", "category": "", "listed_on": "", "source": "", "note": ""},
        fields=fields or [],
    )


@router.get("/register/{substance_id}")
def substance_detail(
    request: Request, principal: CurrentPrincipal, substance_id: SubstanceId
) -> Response:
    return _substance_page(request, principal, substance_id)


@router.post("/register/{substance_id}/listings", dependencies=[Depends(check_csrf)])
async def add_listing(
    request: Request, principal: CurrentPrincipal, substance_id: SubstanceId
) -> Response:
    form = await request.form()
    data = {k: str(form.get(k, "")) for k in ("country", "category", "listed_on", "source", "note")}
    try:
        with node_of(request).db.write() as session:
            reg.add_listing(session, principal, substance_id, parse(ListingInput, data))
    except ValidationFailed as error:
        return _substance_page(request, principal, substance_id, data, _problems(principal, error))
    return flash.redirect(f"/precursors/register/{substance_id}", "saved")


# ---------------------------------------------------------------- screening
def _screen_form(
    request: Request,
    principal: Principal,
    fields: list[tuple[str, str]] | None = None,
    page: int = 1,
) -> Response:
    with node_of(request).db.read() as session:
        listed = screening.list_runs(session, principal, page=page)
    return _page(
        request,
        principal,
        "precursors/screen.html",
        status=422 if fields else 200,
        runs=listed.items,
        listed=listed,
        fields=fields or [],
        max_mb=uploads.max_mb(uploads.limits(node_of(request).settings)),
        can_screen=can(principal, Permission.WRITE_RECORDS).allowed,
        columns=[(c, _headers(c), c in REQUIRED) for c in COLUMNS],
    )


def _headers(column: str) -> dict[str, str]:
    """The column's header in each language (the engine's ``column_label``)."""
    return {lang: column_label(column, lang) for lang in LANGUAGES}


@router.get("/template.csv")
def template(request: Request, principal: CurrentPrincipal, lang: str = "en") -> Response:
    """An example declaration file with the headers in ``lang`` (any offered language) and one
    line."""
    lang = lang if lang in LANGUAGES else "en"
    example = {"declaration_id": "TH-0001", "line_no": "1", "date": "2026-03-01",
               "hs_code": "2915.24", "description": "Acetic anhydride 99%", "cas": "108-24-7",
               "quantity": "500", "unit": "kg", "consignor": "Example Chemicals Co",
               "consignor_country": "CN", "consignee": "Example Trading Ltd",
               "consignee_country": "TH", "port_of_loading": "Nanjing",
               "port_of_discharge": "Laem Chabang", "final_destination": "Bangkok"}  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_headers(c)[lang] for c in COLUMNS])
    writer.writerow([example.get(c, "") for c in COLUMNS])
    return Response(
        buffer.getvalue().encode("utf-8-sig"),  # with a BOM, so Excel reads Thai and Chinese
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="declarations-{lang}.csv"'},
    )


@router.get("/screen")
def screen_form(request: Request, principal: CurrentPrincipal, page: PageNumber = 1) -> Response:
    return _screen_form(request, principal, page=page)


def _bounded(request: Request) -> None:
    bounds = uploads.limits(node_of(request).settings)
    screening.check_request_size(request.headers.get("content-length"), bounds)


@router.post("/screen", dependencies=[Depends(_bounded), Depends(check_csrf)])
async def screen_upload(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    upload = form.get("file")
    node = node_of(request)
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file to screen."))])
        bounds = uploads.limits(node.settings)
        data = await upload.read(uploads.max_bytes(bounds) + 1)
        await upload.close()
        strict = form.get("strict") == "on"
        run_id = await run_in_threadpool(
            screening.screen_and_store,
            node.db,
            principal,
            upload.filename,
            data,
            strict=strict,
            limits=bounds,
        )
    except ValidationFailed as error:
        return _screen_form(request, principal, _problems(principal, error))
    return RedirectResponse(f"/precursors/screen/{run_id}", status_code=303)


def _filters(kind: str, min_score: int, table: str) -> dict[str, Any]:
    return {"kind": kind, "min_score": min_score, "table": table}


KindParam = Annotated[str, Query(pattern="^[a-z_]{0,32}$")]
ScoreParam = Annotated[int, Query(ge=0, le=1000)]
TableParam = Annotated[str, Query(pattern="^(|I|II|national|watch|analogue)$")]


@router.get("/screen/{run_id}")
def screen_result(
    request: Request,
    principal: CurrentPrincipal,
    run_id: RecordId,
    kind: KindParam = "",
    min_score: ScoreParam = 0,
    table: TableParam = "",
) -> Response:
    lang = principal.language
    with node_of(request).db.read() as session:
        run = screening.get_run(session, principal, run_id)
        found = screening.hits(session, run, **_filters(kind, min_score, table))
        views = [screening.explain(h, lang) for h in found[:_SHOWN_HITS]]
        listed = [(i, screening.issue_text(i, lang)) for i in screening.issues(session, run)]
    # a row with one bad field was screened on the others; it is listed apart from skipped rows
    issues = [(i, text) for i, text in listed if i.code not in FIELD_PROBLEMS]
    field_issues = [(i, text) for i, text in listed if i.code in FIELD_PROBLEMS]
    query = f"kind={kind}&min_score={min_score}&table={table}"
    return _page(
        request,
        principal,
        "precursors/result.html",
        run=run,
        can_export=can(principal, Permission.EXPORT).allowed,
        views=views,
        total=len(found),
        shown_count=len(views),
        issues=issues,
        field_issues=field_issues,
        kind=kind,
        min_score=min_score,
        table=table,
        query=query,
        local_names=reg.local_names(lang),
    )


@router.get("/screen/{run_id}/export.csv")
def screen_export(
    request: Request,
    principal: CurrentPrincipal,
    run_id: RecordId,
    kind: KindParam = "",
    min_score: ScoreParam = 0,
    table: TableParam = "",
) -> Response:
    """The filtered hits as CSV, reasons in the reader's language (the export is audited)."""
    with node_of(request).db.write() as session:
        run = screening.get_run(session, principal, run_id)
        body = screening.export_csv(session, principal, run, **_filters(kind, min_score, table))
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="screening-{run_id}.csv"',
            "Cache-Control": "no-store",
        },
    )


# ---------------------------------------------------------------- notifications
_NOTIFICATION_FIELDS = (
    "reference", "importer_agency", "exporter_name", "exporter_address", "importer_name",
    "importer_address", "consignee", "substance_id", "quantity", "unit", "concentration_pct",
    "packaging", "transport_mode", "transit_countries", "import_permit", "port_of_exit",
    "port_of_entry", "route", "expected_dispatch", "response_days", "language",
)  # fmt: skip
_CHECKBOXES = ("preparation", "importer_requires_pen")


def _form_data(form: Any, keys: tuple[str, ...], checks: tuple[str, ...] = ()) -> dict[str, Any]:
    """Form values as text; blank optional numbers become None, checkboxes booleans."""
    data: dict[str, Any] = {k: str(form.get(k, "")) for k in keys}
    for key in ("quantity", "concentration_pct"):
        if key in data and not data[key].strip():
            data[key] = None
    if "unit" in data and not data["unit"]:
        data["unit"] = "kg"
    for key in checks:
        data[key] = form.get(key) == "on"
    return data


def _agencies(request: Request, principal: Principal) -> list[Agency]:
    with node_of(request).db.read() as session:
        stmt = select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
        return list(session.scalars(stmt))


@router.get("/notifications")
def notification_list(
    request: Request,
    principal: CurrentPrincipal,
    state: Annotated[str, Query(pattern="^[a-z_]{0,24}$")] = "",
    page: PageNumber = 1,
) -> Response:
    pen.expire_due(node_of(request).db, Actor.system(principal.agency, principal.request_id))
    with node_of(request).db.read() as session:
        listed = pen.list_notifications(session, principal, state, page=page)
    return _page(
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
    return _page(
        request,
        principal,
        "precursors/notification_form.html",
        status=422 if fields else 200,
        form=form,
        fields=fields,
        agencies=_agencies(request, principal),
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
    data = _form_data(form, _NOTIFICATION_FIELDS, _CHECKBOXES)
    if not data["expected_dispatch"]:
        data["expected_dispatch"] = None
    try:
        with node_of(request).db.write() as session:
            created = pen.create_notification(session, principal, parse(NotificationInput, data))
            new_id = created.id
    except ValidationFailed as error:
        form_again = {k: v or "" for k, v in data.items()}
        return _notification_form(request, principal, form_again, _problems(principal, error))
    return flash.redirect(f"/precursors/notifications/{new_id}", "saved")


def _notification_page(
    request: Request,
    principal: Principal,
    notification_id: int,
    fields: list[tuple[str, str]] | None = None,
) -> Response:
    pen.expire_due(node_of(request).db, Actor.system(principal.agency, principal.request_id))
    with node_of(request).db.write() as session:
        n = pen.read_notification(session, principal, notification_id)
        history = pen.events(session, n)
        shipped = [
            (s, json.loads(s.discrepancies or "[]")) for s in shipments.shipments(session, n)
        ]
    exporter = principal.agency == n.origin_agency and not n.received
    importer = principal.agency == n.importer_agency
    release = can(principal, Permission.RELEASE_RECORDS).allowed
    return _page(
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
        return _notification_page(request, principal, notification_id, _problems(principal, error))
    return flash.redirect(f"/precursors/notifications/{notification_id}", "saved")


@router.post("/notifications/{notification_id}/shipments", dependencies=[Depends(check_csrf)])
async def notification_shipment(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> Response:
    form = await request.form()
    keys = ("shipped_on", "substance_id", "quantity", "unit", "port_of_entry", "consignee")
    data = _form_data(form, keys)
    try:
        with node_of(request).db.write() as session:
            shipments.record_shipment(
                session, principal, notification_id, parse(ShipmentInput, data)
            )
    except ValidationFailed as error:
        return _notification_page(request, principal, notification_id, _problems(principal, error))
    return flash.redirect(f"/precursors/notifications/{notification_id}", "saved")


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
) -> Response:
    with node_of(request).db.read() as session:
        listed = incident_service.list_incidents(session, principal, kind=kind, page=page)
    return _page(
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
    return _page(
        request,
        principal,
        "precursors/incident_form.html",
        status=422 if fields else 200,
        form=form,
        fields=fields,
        peers=_agencies(request, principal),
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
    data = _form_data(form, _INCIDENT_FIELDS, ("preparation",))
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
        return _incident_form(request, principal, form_again, _problems(principal, error))
    return flash.redirect(f"/precursors/incidents/{new_id}", "saved")


@router.get("/incidents/{incident_id}")
def incident_detail(
    request: Request, principal: CurrentPrincipal, incident_id: RecordId
) -> Response:
    with node_of(request).db.write() as session:
        incident = incident_service.read_incident(session, principal, incident_id)
        recipients = incident_service.recipients_of(session, incident)
    return _page(request, principal, "precursors/incident.html", i=incident, recipients=recipients)


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
    return _page(
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
        return _formd_page(request, principal, int(shown_year), again, _problems(principal, error))
    return flash.redirect(f"/precursors/formd?year={shown_year}", "saved")


@router.get("/formd.xlsx")
def formd_xlsx(request: Request, principal: CurrentPrincipal, year: Year | None = None) -> Response:
    chosen = year or utcnow().year
    with node_of(request).db.write() as session:
        result = formd_service.form_d(session, principal, chosen)
        content = formd_service.form_d_xlsx(session, principal, result)
    return Response(
        content,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={
            "Content-Disposition": f'attachment; filename="form-d-{chosen}.xlsx"',
            "Cache-Control": "no-store",
        },
    )
