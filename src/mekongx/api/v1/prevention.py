"""Prevention among children and youth: programmes, their units, activities, reach (counts
only) and outcomes, the comparability of indicators, and the dashboard side by side."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from mekongx import uploads
from mekongx.api.v1.schemas import ERRORS, PageOut, page_out
from mekongx.audit import read_session
from mekongx.domains.prevention import dashboard, imports, lists, mapping, service
from mekongx.domains.prevention.schemas import (
    ActivityInput,
    ComparabilityInput,
    ImportInput,
    ImportPart,
    IndicatorInput,
    OutcomeInput,
    ProgrammeInput,
    ReachInput,
    UnitInput,
)
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, PerPage, RecordId
from mekongx.i18n import N_
from mekongx.validation import parse

router = APIRouter(prefix="/prevention", tags=["prevention"], responses=ERRORS)  # type: ignore[arg-type]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Year = Annotated[int, Query(ge=1990, le=2100)]
Code = Annotated[str, Query(max_length=2, pattern=r"^[A-Z]{0,2}$")]
Region = Annotated[str, Query(max_length=100)]


class ProgrammeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    code: str
    name_th: str
    name_zh: str
    name_en: str
    name_lo: str
    name_my: str
    name_km: str
    name_vi: str
    owner: str
    country: str
    target_group: str
    age_from: int
    age_to: int
    method: str
    year_basis: str
    started: int | None
    description: str
    sources: str
    origin_agency: str
    handling_code: str
    distribution: str
    received: bool
    version: int


class UnitOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    kind: str
    name: str
    region: str
    district: str
    award_level: str
    award_year: int | None


class ActivityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    kind: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    participants: int | None
    notes: str


class CountOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    year: int
    region: str
    measure: str
    age_band: str
    sex: str
    count: int
    source: str
    verified: bool


class OutcomeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    year: int
    region: str
    level: str
    numerator: float
    denominator: float | None
    rate: float | None
    source: str
    verified: bool


class IndicatorOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    code: str
    kind: str
    name_th: str
    name_zh: str
    name_en: str
    name_lo: str
    name_my: str
    name_km: str
    name_vi: str
    definition: str
    numerator: str
    denominator: str
    levels: str
    outcomes: list[OutcomeOut] = []


class ProgrammeDetailOut(BaseModel):
    programme: ProgrammeOut
    units: list[UnitOut]
    activities: list[ActivityOut]
    reach: list[CountOut]
    indicators: list[IndicatorOut]


class ComparabilityOut(BaseModel):
    uid: str
    left: str
    left_programme: str
    right: str
    right_programme: str
    verdict: str
    statement: str
    agency: str


class ReachRowOut(BaseModel):
    programme: str
    country: str
    year: int
    region: str
    measures: dict[str, int]
    minors: int


class OutcomeRowOut(BaseModel):
    programme: str
    country: str
    indicator: str
    year: int
    region: str
    level: str
    numerator: float
    denominator: float | None
    rate: float | None
    verified: bool


class DashboardOut(BaseModel):
    years: list[int]
    countries: list[str]
    reach: list[ReachRowOut]
    outcomes: list[OutcomeRowOut]
    comparability: list[ComparabilityOut]


def _detail(view: service.ProgrammeView) -> ProgrammeDetailOut:
    return ProgrammeDetailOut(
        programme=ProgrammeOut.model_validate(view.programme),
        units=[UnitOut.model_validate(u) for u in view.units],
        activities=[ActivityOut.model_validate(a) for a in view.activities],
        reach=[CountOut.model_validate(r) for r in view.reach],
        indicators=[
            IndicatorOut.model_validate(i).model_copy(
                update={"outcomes": [OutcomeOut.model_validate(o) for o in outcomes]}
            )
            for i, outcomes in view.indicators
        ],
    )


def _pair(p: mapping.Pair) -> ComparabilityOut:
    return ComparabilityOut(
        uid=p.mapping.uid, left=p.left.uid, left_programme=p.left_programme.code,
        right=p.right.uid, right_programme=p.right_programme.code, verdict=p.mapping.verdict,
        statement=p.mapping.statement, agency=p.mapping.agency_code,
    )  # fmt: skip


@router.get("/programmes", response_model=PageOut[ProgrammeOut])
def list_programmes(
    request: Request, principal: CurrentPrincipal, country: Code = "", page: PageNumber = 1,
    per_page: PerPage = 50,
    after: After = None,
    before: Before = None,
) -> PageOut[ProgrammeOut]:  # fmt: skip
    """The programmes you may see (your agency's and those shared with it), newest first. For
    the next page pass the answer's ``next_after`` as ``after``; ``total`` is exact up to 1,000
    and an estimate beyond (``total_exact`` false)."""
    with node_of(request).db.read() as session:
        found = lists.list_programmes(session, principal, country, page=page, per_page=per_page,
                                      after=after, before=before)  # fmt: skip
        items = [ProgrammeOut.model_validate(p) for p in found.items]
    return page_out(found, items)


@router.get("/programmes/search", response_model=list[ProgrammeOut])
def search_programmes(
    request: Request, principal: CurrentPrincipal,
    q: Annotated[str, Query(min_length=1, max_length=200)], country: Code = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ProgrammeOut]:  # fmt: skip
    """Programmes whose code, names, owner or description hold every word of ``q`` (Thai,
    Chinese or Latin script), best first."""
    with node_of(request).db.read() as session:
        found = lists.search_programmes(session, principal, q, country, limit=limit)
        return [ProgrammeOut.model_validate(p) for p in found]


@router.post("/programmes", response_model=ProgrammeOut, status_code=201)
def create_programme(
    request: Request, principal: CurrentPrincipal, data: ProgrammeInput
) -> ProgrammeOut:
    with node_of(request).db.write() as session:
        return ProgrammeOut.model_validate(service.create_programme(session, principal, data))


@router.get("/programmes/{programme_id}", response_model=ProgrammeDetailOut)
def read_programme(
    request: Request, principal: CurrentPrincipal, programme_id: RecordId
) -> ProgrammeDetailOut:
    with node_of(request).db.read() as session:
        return _detail(service.read_programme(session, principal, programme_id))


@router.post("/programmes/{programme_id}/units", response_model=UnitOut, status_code=201)
def add_unit(
    request: Request, principal: CurrentPrincipal, programme_id: RecordId, data: UnitInput
) -> UnitOut:
    with node_of(request).db.write() as session:
        return UnitOut.model_validate(service.add_unit(session, principal, programme_id, data))


@router.post("/programmes/{programme_id}/activities", response_model=ActivityOut, status_code=201)
def add_activity(request: Request, principal: CurrentPrincipal, programme_id: RecordId,
                 data: ActivityInput) -> ActivityOut:  # fmt: skip
    """An activity; its notes stay on this node and must not name a child."""
    with node_of(request).db.write() as session:
        return ActivityOut.model_validate(
            service.add_activity(session, principal, programme_id, data)
        )


@router.put("/programmes/{programme_id}/reach", response_model=list[CountOut])
def set_reach(request: Request, principal: CurrentPrincipal, programme_id: RecordId,
              data: ReachInput) -> list[CountOut]:  # fmt: skip
    """The counts of one year and region (replacing earlier ones); by age band and sex they must
    add up to the total when both are given."""
    with node_of(request).db.write() as session:
        return [
            CountOut.model_validate(r)
            for r in service.set_reach(session, principal, programme_id, data)
        ]


@router.post("/programmes/{programme_id}/indicators", response_model=IndicatorOut, status_code=201)
def add_indicator(request: Request, principal: CurrentPrincipal, programme_id: RecordId,
                  data: IndicatorInput) -> IndicatorOut:  # fmt: skip
    with node_of(request).db.write() as session:
        return IndicatorOut.model_validate(
            service.add_indicator(session, principal, programme_id, data)
        )


@router.put("/programmes/{programme_id}/outcomes", response_model=OutcomeOut)
def record_outcome(request: Request, principal: CurrentPrincipal, programme_id: RecordId,
                   data: OutcomeInput) -> OutcomeOut:  # fmt: skip
    with node_of(request).db.write() as session:
        return OutcomeOut.model_validate(
            service.record_outcome(session, principal, programme_id, data)
        )


class ImportOut(BaseModel):
    rows: int


@router.post("/programmes/{programme_id}/import", response_model=ImportOut, status_code=201)
async def import_file(
    request: Request, principal: CurrentPrincipal, programme_id: RecordId,
    part: Annotated[ImportPart, Query(description="reach or outcomes")],
    file: Annotated[UploadFile, File(description="Counts or values, .csv or .xlsx; the first row names the columns")],
    columns: Annotated[str, Form(max_length=4_000, description='JSON object: field → column of the file, e.g. {"count": "จำนวน"}')] = "{}",
) -> ImportOut:  # fmt: skip
    """Reach (one row a count: year, region, measure, age_band, sex, count, source, verified)
    or outcomes (one row a value: indicator, year, region, level, numerator, denominator,
    source, verified) from a file: all rows or none, every bad cell named by row and column in
    your language; the counts of each year and region in the file replace the earlier ones."""
    node = node_of(request)
    bounds = uploads.limits(node.settings)
    uploads.check_declared_size(request.headers.get("content-length"), bounds)
    try:
        mapped = json.loads(columns)
    except ValueError:
        mapped = None
    if not isinstance(mapped, dict):
        raise ValidationFailed([FieldProblem("columns", N_("This value is not valid."))])
    checked = parse(ImportInput, {"part": part, "columns": mapped})
    content = await file.read(uploads.max_bytes(bounds) + 1)
    name = file.filename or ""

    def work() -> int:
        with node.db.write() as session:
            return imports.import_file(session, principal, programme_id, checked.part, name,
                                       content, checked.columns, bounds)  # fmt: skip

    return ImportOut(rows=await run_in_threadpool(work))


@router.get("/comparability", response_model=list[ComparabilityOut])
def comparability(request: Request, principal: CurrentPrincipal) -> list[ComparabilityOut]:
    with node_of(request).db.read() as session:
        return [_pair(p) for p in mapping.pairs(session, principal)]


@router.put("/comparability", response_model=ComparabilityOut)
def state_comparability(
    request: Request, principal: CurrentPrincipal, data: ComparabilityInput
) -> ComparabilityOut:
    """Say whether two indicators measure the same thing, partly, or not (and why)."""
    with node_of(request).db.write() as session:
        made = mapping.state(session, principal, data)
        [pair] = [
            p
            for p in mapping.pairs(session, principal, [made.left_uid])
            if p.mapping.uid == made.uid
        ]
        return _pair(pair)


@router.get("/dashboard", response_model=DashboardOut)
def read_dashboard(
    request: Request, principal: CurrentPrincipal, year_from: Year = 1990, year_to: Year = 2100,
    country: Code = "", region: Region = "",
) -> DashboardOut:  # fmt: skip
    """Reach and outcomes by programme, region and year for every country you hold figures of."""
    with node_of(request).db.read() as session:
        board = dashboard.build(session, principal, year_from=year_from, year_to=year_to,
                                country=country, region=region)  # fmt: skip
        return DashboardOut(
            years=board.years, countries=board.countries,
            reach=[ReachRowOut(programme=r.programme.code, country=r.programme.country, year=r.year,
                               region=r.region, measures=r.measures, minors=r.minors)
                   for rows in board.reach.values() for r in rows],
            outcomes=[OutcomeRowOut(programme=o.programme.code, country=o.programme.country,
                                    indicator=o.indicator.code, year=o.year, region=o.region, level=o.level,
                                    numerator=o.numerator, denominator=o.denominator, rate=o.rate,
                                    verified=o.verified)
                      for rows in board.outcomes.values() for o in rows],
            comparability=[_pair(p) for p in board.pairs],
        )  # fmt: skip


@router.get("/dashboard.xlsx", response_class=Response,
            responses={200: {"content": {XLSX: {}}, "description": "The dashboard as a workbook."}})  # fmt: skip
def export_dashboard(
    request: Request, principal: CurrentPrincipal, year_from: Year = 1990, year_to: Year = 2100,
    country: Code = "", region: Region = "",
) -> Response:  # fmt: skip
    node = node_of(request)
    with read_session(node.db) as session:
        board = dashboard.build(session, principal, year_from=year_from, year_to=year_to,
                                country=country, region=region)  # fmt: skip
        content = dashboard.workbook(session, principal, board, node.settings.node_agency)
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": 'attachment; filename="prevention.xlsx"'})  # fmt: skip
