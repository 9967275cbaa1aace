"""Precursor chemicals: register, screening, pre-export notifications. Incidents and Form D are
in ``precursors_reporting``."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from mekongx import uploads
from mekongx.api.v1.schemas import ERRORS, PageOut, columns_of, page_answer
from mekongx.audit import Actor, read_session
from mekongx.authz import Principal
from mekongx.chemistry import Substance
from mekongx.domains.precursors import notifications as pen
from mekongx.domains.precursors import register as reg
from mekongx.domains.precursors import screening, shipments
from mekongx.domains.precursors.models import Notification, ScreeningRun
from mekongx.domains.precursors.schemas import (
    AnswerInput,
    ListingInput,
    NotificationInput,
    ScreenLinesInput,
    ShipmentInput,
)
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, PerPage, RecordId
from mekongx.i18n import N_
from mekongx.validation import parse

router = APIRouter(prefix="/precursors", tags=["precursors"], responses=ERRORS)  # type: ignore[arg-type]

SubstanceId = Annotated[str, Path(pattern=r"^[a-z0-9_]{1,64}$", max_length=64)]


class ListingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    substance_id: str
    country: str
    category: str
    listed_on: date
    source: str
    note: str
    agency: str
    created_by: str


class SubstanceOut(BaseModel):
    id: str
    name: str
    table: str
    cas: str | None
    hs: str
    hs_specificity: str
    names_en: list[str]
    names_zh: list[str]
    names_th: list[str]
    names_th_awaiting_review: list[str]
    abbreviations: list[str]
    lists: list[str]
    sources: list[str]
    lookalikes: list[str]
    node_listings: list[ListingOut]


class HitOut(BaseModel):
    row: int
    declaration_id: str
    line_no: int
    substance_id: str
    substance: str
    cas: str
    table: str
    match: str
    score: int
    band: str
    reason_codes: list[str]
    reasons: list[str]


class IssueOut(BaseModel):
    row: int
    column: str
    code: str
    message: str


class RunOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    file_name: str
    file_size: int
    username: str
    lines_read: int
    hits: int
    lines_hit: int
    skipped: int
    created_at: datetime


class RunDetailOut(RunOut):
    results: list[HitOut]
    issues: list[IssueOut]


class NotificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    reference: str
    origin_agency: str
    importer_agency: str
    exporter_name: str
    importer_name: str
    consignee: str
    substance_id: str
    substance_name: str
    quantity_kg: float
    quantity: float | None
    unit: str
    concentration_pct: float | None
    preparation: bool
    packaging: str
    transport_mode: str
    transit_countries: str
    import_permit: str
    legal_basis: str
    port_of_exit: str
    port_of_entry: str
    route: str
    expected_dispatch: date | None
    response_days: int
    state: str
    sent_at: datetime | None
    deadline_at: datetime | None
    answer_note: str
    received: bool
    version: int


class ShipmentOut(BaseModel):
    id: int
    shipped_on: date
    substance_id: str
    quantity_kg: float
    quantity: float | None
    unit: str
    port_of_entry: str
    consignee: str
    discrepancies: list[str]
    incident_uid: str | None


def _substance_out(sub: Substance, listings: list[Any]) -> SubstanceOut:
    return SubstanceOut(
        id=sub.id,
        name=sub.name,
        table=sub.table,
        cas=sub.cas,
        hs=sub.hs.code,
        hs_specificity=sub.hs.specificity,
        names_en=list(sub.en),
        names_zh=list(sub.zh),
        names_th=[t.name for t in sub.th],
        names_th_awaiting_review=[t.name for t in sub.th if t.awaiting_review],
        abbreviations=list(sub.abbr),
        lists=list(sub.lists),
        sources=[s.key for s in reg.sources_of(sub)],
        lookalikes=[la.name for la in reg.lookalikes_of(sub)],
        node_listings=[ListingOut.model_validate(li) for li in listings],
    )


# ---------------------------------------------------------------- register
@router.get("/register", response_model=list[SubstanceOut])
def list_substances(
    request: Request,
    principal: CurrentPrincipal,
    q: Annotated[str, Query(max_length=200)] = "",
    table: Annotated[str, Query(pattern="^(|I|II|national|watch)$")] = "",
) -> list[SubstanceOut]:
    """Substances of the register whose names (th/zh/en), CAS or HS code contain ``q``."""
    with node_of(request).db.read() as session:
        extra = reg.listings_by_substance(session)
    return [_substance_out(s, extra.get(s.id, [])) for s in reg.search(q, table)]


@router.get("/register/{substance_id}", response_model=SubstanceOut)
def get_substance(
    request: Request, principal: CurrentPrincipal, substance_id: SubstanceId
) -> SubstanceOut:
    """One substance with its sources and the national listings this node added."""
    sub = reg.substance(substance_id)
    with node_of(request).db.read() as session:
        return _substance_out(sub, reg.listings_for(session, sub.id))


@router.post("/register/{substance_id}/listings", response_model=ListingOut, status_code=201)
def add_listing(
    request: Request, principal: CurrentPrincipal, substance_id: SubstanceId, data: ListingInput
) -> ListingOut:
    """Add a national listing (administrators); audited."""
    with node_of(request).db.write() as session:
        return ListingOut.model_validate(reg.add_listing(session, principal, substance_id, data))


# ---------------------------------------------------------------- screening
def _run_detail(session: Any, principal: Principal, run: ScreeningRun, **filters: Any) -> Any:
    lang = principal.language
    results = []
    for hit in screening.hits(session, run, **filters):
        view = screening.explain(hit, lang)
        results.append(
            HitOut(
                row=hit.row,
                declaration_id=hit.declaration_id,
                line_no=hit.line_no,
                substance_id=hit.substance_id,
                substance=hit.substance,
                cas=hit.cas,
                table=hit.table,
                match=hit.match,
                score=hit.score,
                band=hit.band,
                reason_codes=view.codes,
                reasons=view.reasons,
            )
        )
    issues = [
        IssueOut(row=i.row, column=i.column, code=i.code, message=screening.issue_text(i, lang))
        for i in screening.issues(session, run)
    ]
    base = RunOut.model_validate(run).model_dump()
    return RunDetailOut(**base, results=results, issues=issues)


_SCREEN_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "strict": {"type": "boolean"},
                    },
                    "required": ["file"],
                }
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/ScreenLinesInput"}},
        },
    }
}


@router.post("/screen", response_model=RunDetailOut, status_code=201, openapi_extra=_SCREEN_DOC)
async def screen(request: Request, principal: CurrentPrincipal) -> Any:
    """Screen a declaration file (multipart ``file``, .csv or .xlsx, at most 5 MB) or JSON
    ``{"lines": [...]}``. Bad files answer 422 naming the row and column; with ``strict=false``
    (the default) bad rows are skipped and listed under ``issues``."""
    node = node_of(request)
    bounds = uploads.limits(node.settings)
    screening.check_request_size(request.headers.get("content-length"), bounds)
    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        form = await request.form(max_files=1, max_fields=10)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ValidationFailed([FieldProblem("file", N_("Choose a file to screen."))])
        data = await upload.read(uploads.max_bytes(bounds) + 1)
        await upload.close()
        strict = str(form.get("strict", "")).lower() in ("1", "true", "on", "yes")
        name = upload.filename or "upload"

        def run_file() -> Any:
            run_id = screening.screen_and_store(
                node.db, principal, name, data, strict=strict, limits=bounds
            )
            with node.db.read() as session:
                return _run_detail(
                    session, principal, screening.get_run(session, principal, run_id)
                )

        return await run_in_threadpool(run_file)
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise ValidationFailed(
            [FieldProblem("body", N_("The request body is not valid JSON."))]
        ) from None
    lines = parse(ScreenLinesInput, body)

    def run_lines() -> Any:
        with node.db.write() as session:
            run = screening.screen_lines(session, principal, lines)
            return _run_detail(session, principal, run)

    return await run_in_threadpool(run_lines)


@router.get("/screenings", response_model=PageOut[RunOut])
def list_screenings(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
                    per_page: PerPage = 50, after: After = None, before: Before = None) -> Response:  # fmt: skip
    """Screening runs of your agency, newest first; for the next page pass the answer's
    ``next_after`` as ``after`` (keyset paging)."""
    with node_of(request).db.read() as session:
        found = screening.list_runs(
            session, principal, page=page, per_page=per_page, after=after, before=before
        )
        return page_answer(found, PageOut[RunOut])


@router.get("/screenings/{run_id}", response_model=RunDetailOut)
def get_screening(
    request: Request,
    principal: CurrentPrincipal,
    run_id: RecordId,
    kind: Annotated[str, Query(max_length=32)] = "",
    min_score: Annotated[int, Query(ge=0, le=1000)] = 0,
    table: Annotated[str, Query(max_length=16)] = "",
) -> Any:
    """One run with its hits (filter by match kind, minimum score, table) and skipped rows."""
    with node_of(request).db.read() as session:
        run = screening.get_run(session, principal, run_id)
        return _run_detail(session, principal, run, kind=kind, min_score=min_score, table=table)


@router.get("/screenings/{run_id}/export.csv", response_class=Response)
def export_screening(
    request: Request,
    principal: CurrentPrincipal,
    run_id: RecordId,
    kind: Annotated[str, Query(max_length=32)] = "",
    min_score: Annotated[int, Query(ge=0, le=1000)] = 0,
    table: Annotated[str, Query(max_length=16)] = "",
) -> Response:
    """The run's hits as CSV (filters as above), reasons in your language; audited."""
    with read_session(node_of(request).db) as session:
        run = screening.get_run(session, principal, run_id)
        body = screening.export_csv(
            session, principal, run, kind=kind, min_score=min_score, table=table
        )
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="screening-{run_id}.csv"'},
    )


# ---------------------------------------------------------------- notifications
def _expire(request: Request, principal: Principal) -> None:
    pen.expire_due(node_of(request).db, Actor.system(principal.agency, principal.request_id))


@router.get("/notifications", response_model=PageOut[NotificationOut])
def list_notifications(
    request: Request,
    principal: CurrentPrincipal,
    state: Annotated[str, Query(pattern="^[a-z_]{0,24}$")] = "",
    page: PageNumber = 1,
    per_page: PerPage = 50,
    after: After = None,
    before: Before = None,
) -> Response:
    """Notifications you may see (sent by your agency or addressed to it), newest first; for
    the next page pass the answer's ``next_after`` as ``after`` (keyset paging)."""
    actor = Actor.system(principal.agency, principal.request_id)
    with pen.read_expired(node_of(request).db, actor) as session:  # the probe in the list's read
        found = pen.list_notifications(session, principal, state, page=page, per_page=per_page,
                                       after=after, before=before, columns=columns_of(Notification, NotificationOut))  # fmt: skip
    return page_answer(found, PageOut[NotificationOut])


@router.post("/notifications", response_model=NotificationOut, status_code=201)
def create_notification(
    request: Request, principal: CurrentPrincipal, data: NotificationInput
) -> NotificationOut:
    """Draft a pre-export notification."""
    with node_of(request).db.write() as session:
        return NotificationOut.model_validate(pen.create_notification(session, principal, data))


@router.get("/notifications/{notification_id}", response_model=NotificationOut)
def get_notification(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> NotificationOut:
    _expire(request, principal)
    with read_session(node_of(request).db) as session:
        n = pen.read_notification(session, principal, notification_id)
        return NotificationOut.model_validate(n)


def _act(request: Request, action: Any) -> NotificationOut:
    with node_of(request).db.write() as session:
        notification: Notification = action(session)
        return NotificationOut.model_validate(notification)


@router.post("/notifications/{notification_id}/send", response_model=NotificationOut)
def send_notification(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> NotificationOut:
    """Send to the importing agency (liaison officers); the answer deadline starts."""
    return _act(request, lambda s: pen.send_notification(s, principal, notification_id))


@router.post("/notifications/{notification_id}/acknowledge", response_model=NotificationOut)
def acknowledge_notification(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId
) -> NotificationOut:
    """The importing agency acknowledges receipt."""
    return _act(request, lambda s: pen.acknowledge(s, principal, notification_id))


@router.post("/notifications/{notification_id}/answer", response_model=NotificationOut)
def answer_notification(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId, data: AnswerInput
) -> NotificationOut:
    """The importing agency confirms, asks for information or objects."""
    return _act(request, lambda s: pen.answer(s, principal, notification_id, data))


@router.post(
    "/notifications/{notification_id}/shipments", response_model=ShipmentOut, status_code=201
)
def record_shipment(
    request: Request, principal: CurrentPrincipal, notification_id: RecordId, data: ShipmentInput
) -> ShipmentOut:
    """Reconcile a shipment; a discrepancy opens an incident (``incident_uid``)."""
    with node_of(request).db.write() as session:
        shipment = shipments.record_shipment(session, principal, notification_id, data)
        return ShipmentOut(
            id=shipment.id,
            shipped_on=shipment.shipped_on,
            substance_id=shipment.substance_id,
            quantity_kg=shipment.quantity_kg,
            quantity=shipment.quantity,
            unit=shipment.unit,
            port_of_entry=shipment.port_of_entry,
            consignee=shipment.consignee,
            discrepancies=json.loads(shipment.discrepancies or "[]"),
            incident_uid=shipment.incident_uid,
        )
