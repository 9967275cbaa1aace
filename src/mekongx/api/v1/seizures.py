"""Seizure reports: record, list with filters, read, import a workbook."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from mekongx import uploads
from mekongx.api.v1.schemas import ERRORS, RetractIn, built_from_stored, columns_of, page_answer
from mekongx.audit import read_session
from mekongx.authz.sharing import SharingInput
from mekongx.domains.seizures import service, tabular
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, RecordId

router = APIRouter(prefix="/seizures", tags=["seizures"], responses=ERRORS)  # type: ignore[arg-type]


class LinkOut(BaseModel):
    kind: str
    uid: str
    title: str
    url: str
    agency: str


class SeizureOut(BaseModel):
    id: int
    uid: str
    origin_agency: str
    received: bool
    reference: str
    seized_on: date
    country: str
    admin1: str
    admin2_code: str  # the district's code where a coded list exists (Thailand, Cambodia), else ""
    admin2: str  # the district as written ("Mae Sai (แม่สาย)" for a coded one)
    place: str
    latitude: float | None
    longitude: float | None
    drug: str
    form: str
    quantity: Decimal
    unit: str
    quantity_kg: Decimal | None
    tablets: int | None
    purity: Decimal | None
    markings: str
    origin_country: str
    transit_countries: list[str]
    destination_country: str
    conveyance: str
    concealment: str
    arrests: int
    nationalities: dict[str, int]
    remarks: str
    handling_code: str
    distribution: str
    created_at: datetime
    version: int
    status: str  # active | retracted (not counted in the regional picture)
    status_note: str
    # a factory, not a shared default: pydantic copies a list default for every row of a page
    links: list[LinkOut] = Field(default_factory=list, json_schema_extra={"default": []})

    # a list's rows carry the stored columns (``page_of(columns=)``): a comma-separated list
    # and a JSON object
    @field_validator("transit_countries", mode="before")
    @classmethod
    def _countries(cls, value: Any) -> Any:
        return [c for c in value.split(",") if c] if isinstance(value, str) else value

    @field_validator("nationalities", mode="before")
    @classmethod
    def _nationalities(cls, value: Any) -> Any:
        return json.loads(value or "{}") if isinstance(value, str) else value


class SeizurePageOut(BaseModel):
    items: list[SeizureOut]
    total: int
    total_exact: bool  # False: ``total`` is an estimate (counting stopped at a bound)
    page: int
    per_page: int
    next_after: int | None = None  # the keyset cursor of the next page (``after=``); None: last
    prev_before: int | None = None  # the cursor of the page before (``before=``); None: first


class ImportOut(BaseModel):
    rows: int


@built_from_stored
def _out(seizure: Seizure, links: list[Any] | None = None) -> SeizureOut:
    names = ("id", "uid", "origin_agency", "received", "reference", "seized_on", "country",
             "admin1", "admin2_code", "admin2", "place", "latitude", "longitude", "drug", "form", "quantity",
             "unit", "quantity_kg", "tablets", "purity", "markings", "origin_country",
             "destination_country", "conveyance", "concealment", "arrests", "remarks",
             "handling_code", "distribution", "created_at", "version", "status", "status_note")  # fmt: skip
    return SeizureOut(
        **{n: getattr(seizure, n) for n in names},
        transit_countries=[c for c in seizure.transit_countries.split(",") if c],
        nationalities=service.nationalities_of(seizure),
        links=[LinkOut(kind=r.kind, uid=r.uid, title=r.title, url=r.url, agency=r.agency) for r in links or []],
    )  # fmt: skip


@router.post("", response_model=SeizureOut, status_code=201)
def create(request: Request, principal: CurrentPrincipal, data: SeizureInput) -> SeizureOut:
    """Record a seizure of your agency; with a distribution beyond it (liaison officers), the
    copy goes to those agencies at once. A seizure already reported is refused (422)."""
    with node_of(request).db.write() as session:
        seizure = service.create_seizure(session, principal, data)
        return _out(seizure, service.links_of(session, principal, seizure))


@router.get("", response_model=SeizurePageOut)
def list_(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
          drug: Annotated[str, Query(max_length=24)] = "", country: Annotated[str, Query(max_length=2)] = "",
          origin: Annotated[str, Query(max_length=16)] = "", since: date | None = None,
          until: date | None = None, after: After = None, before: Before = None) -> Response:  # fmt: skip
    """The seizures you may see (your agency's and what peers shared with it), newest first.
    For the next page pass the answer's ``next_after`` as ``after`` (keyset paging)."""
    filters = service.Filters(drug=drug, country=country.upper(), origin=origin, since=since, until=until)  # fmt: skip
    with read_session(node_of(request).db) as session:
        found = service.list_seizures(session, principal, filters, page=page, after=after, before=before,
                                      columns=columns_of(Seizure, SeizureOut, ("links",)))  # fmt: skip
    return page_answer(found, SeizurePageOut)


@router.get("/search", response_model=list[SeizureOut])
def search(request: Request, principal: CurrentPrincipal,
           q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[SeizureOut]:  # fmt: skip
    """Seizures whose reference, place, district, markings, concealment or remarks hold every
    word of ``q`` (Thai, Chinese or Latin script), best first: the search box's results."""
    with node_of(request).db.read() as session:
        return [_out(s) for s in service.search(session, principal, q, limit)]


@router.get("/{seizure_id}", response_model=SeizureOut)
def read(request: Request, principal: CurrentPrincipal, seizure_id: RecordId) -> SeizureOut:
    """One seizure with the linked records you may see; the read is audited."""
    with read_session(node_of(request).db) as session:
        seizure = service.read_seizure(session, principal, seizure_id)
        return _out(seizure, service.links_of(session, principal, seizure))


@router.put("/{seizure_id}", response_model=SeizureOut)
def correct(request: Request, principal: CurrentPrincipal, seizure_id: RecordId, data: SeizureInput) -> SeizureOut:  # fmt: skip
    """Correct your agency's report (the whole report as it should read): a new version, sent as a
    correction to every agency that holds it; the regional picture counts the corrected figures."""
    with node_of(request).db.write() as session:
        seizure = service.correct_seizure(session, principal, seizure_id, data)
        return _out(seizure, service.links_of(session, principal, seizure))


@router.post("/{seizure_id}/retract", response_model=SeizureOut)
def retract(request: Request, principal: CurrentPrincipal, seizure_id: RecordId, data: RetractIn) -> SeizureOut:  # fmt: skip
    """Withdraw your agency's report, saying why: every agency that holds a copy is told, and no
    node's regional picture counts it any more."""
    with node_of(request).db.write() as session:
        seizure = service.retract_seizure(session, principal, seizure_id, data.reason)
        return _out(seizure, service.links_of(session, principal, seizure))


@router.post("/import", response_model=ImportOut, status_code=201)
async def import_file(
    request: Request,
    principal: CurrentPrincipal,
    file: Annotated[
        UploadFile, File(description="Seizures, .xlsx or .csv; first row names the columns")
    ],
) -> ImportOut:
    """Record every seizure of a workbook, kept in your agency (all rows or none; every bad
    cell is named by row and column in your language)."""
    node = node_of(request)
    bounds = uploads.bulk_limits(node.settings)
    uploads.check_declared_size(request.headers.get("content-length"), bounds)
    content = await file.read(uploads.max_bytes(bounds) + 1)
    name = file.filename or ""

    def work() -> int:
        with node.db.write() as session:
            return tabular.import_seizures(
                session, principal, name, content, SharingInput(), bounds
            )

    return ImportOut(rows=await run_in_threadpool(work))
