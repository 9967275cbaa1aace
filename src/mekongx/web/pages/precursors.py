"""Precursor chemical pages: the hub, the register browser and declaration screening, and the
area's page helpers, which the pages of pre-export notifications (``precursors_notifications``)
and of incidents and INCB Form D (``precursors_reporting``) share."""

from __future__ import annotations

import csv
import io
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx import uploads
from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can
from mekongx.chemistry.declarations import COLUMNS, FIELD_PROBLEMS, REQUIRED
from mekongx.chemistry.units import incb_unit
from mekongx.chemistry.wording import column_label
from mekongx.domains.precursors import labels, screening
from mekongx.domains.precursors import notifications as pen
from mekongx.domains.precursors import register as reg
from mekongx.domains.precursors.schemas import ListingInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import LANGUAGES, N_, translator
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
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


def render_page(request: Request, principal: Principal, template: str, **context: Any) -> Response:
    status = context.pop("status", 200)
    response = render(request, template, status=status, **_labels(principal), **context)
    response.headers["Cache-Control"] = "no-store"
    return response


def field_problems(principal: Principal, error: ValidationFailed) -> list[tuple[str, str]]:
    return field_messages(principal.language, error.fields)


def form_data(form: Any, keys: tuple[str, ...], checks: tuple[str, ...] = ()) -> dict[str, Any]:
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


def other_agencies(request: Request, principal: Principal) -> list[Agency]:
    with node_of(request).db.read() as session:
        stmt = select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
        return list(session.scalars(stmt))


@router.get("")
def hub(request: Request, principal: CurrentPrincipal) -> Response:
    with node_of(request).db.read() as session:
        runs = screening.list_runs(session, principal, per_page=5).items
        open_count = pen.count_open(session, principal)
    return render_page(
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
    return render_page(
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
    return render_page(
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
        return _substance_page(
            request, principal, substance_id, data, field_problems(principal, error)
        )
    return flash.redirect(f"/precursors/register/{substance_id}", "saved")


# ---------------------------------------------------------------- screening
def _screen_form(
    request: Request,
    principal: Principal,
    fields: list[tuple[str, str]] | None = None,
    page: int = 1,
    after: str = "",
    before: str = "",
) -> Response:
    with node_of(request).db.read() as session:
        listed = page_from(partial(screening.list_runs, session, principal), page, after, before)
    return render_page(
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
def screen_form(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
                after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    return _screen_form(request, principal, page=page, after=after, before=before)


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
        return _screen_form(request, principal, field_problems(principal, error))
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
    return render_page(
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
    with read_session(node_of(request).db) as session:
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
