"""Intelligence reports: list, search, read, create, update."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from starlette.requests import Request
from starlette.responses import Response

from mekongx.api.v1.schemas import (
    ERRORS,
    PageOut,
    ReportDetailOut,
    ReportSummaryOut,
    columns_of,
    page_answer,
)
from mekongx.audit import read_session
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, PerPage, RecordId

router = APIRouter(prefix="/reports", tags=["intelligence"], responses=ERRORS)  # type: ignore[arg-type]


def _detail(report: IntelReport, recipients: list[str]) -> ReportDetailOut:
    fields = {k: getattr(report, k) for k in ReportDetailOut.model_fields if k != "recipients"}
    return ReportDetailOut(**fields, recipients=recipients)


@router.get("", response_model=PageOut[ReportSummaryOut])
def list_reports(
    request: Request,
    principal: CurrentPrincipal,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    handling_code: Annotated[str | None, Query(pattern="^H[0-3]$")] = None,
    origin: Annotated[str | None, Query(max_length=16)] = None,
    after: After = None,
    before: Before = None,
) -> Response:
    """Reports visible to you, newest first. For the next page pass the answer's
    ``next_after`` as ``after`` (keyset paging: as fast at the millionth report as at the
    first); ``total`` is exact up to 1,000 and an estimate beyond (``total_exact`` false)."""
    node = node_of(request)
    with node.db.read() as session:
        result = intel.list_reports(
            session,
            principal,
            page=page,
            per_page=per_page,
            handling_code=handling_code,
            origin=origin,
            after=after,
            before=before,
            columns=columns_of(IntelReport, ReportSummaryOut),
        )
    return page_answer(result, PageOut[ReportSummaryOut])


_SUMMARIES = TypeAdapter(list[ReportSummaryOut])


@router.get("/search", response_model=list[ReportSummaryOut])
def search_reports(
    request: Request,
    principal: CurrentPrincipal,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    """Reports containing every word of ``q``, in Thai, Chinese or Latin script."""
    node = node_of(request)
    with node.db.read() as session:
        rows = intel.search_reports(session, principal, q, limit=limit,
                                    columns=columns_of(IntelReport, ReportSummaryOut))  # fmt: skip
    # the rows validated from their attributes and written in one pass (as ``page_answer``)
    found = _SUMMARIES.validate_python(rows, from_attributes=True)
    return Response(_SUMMARIES.dump_json(found), media_type="application/json")


@router.get("/{report_id}", response_model=ReportDetailOut)
def get_report(
    request: Request,
    principal: CurrentPrincipal,
    report_id: RecordId,
    why: Annotated[str, Query(max_length=500)] = "",
) -> ReportDetailOut:
    """One report. The read is recorded in the audit log with ``why``."""
    node = node_of(request)
    with read_session(node.db) as session:
        report = intel.read_report(session, principal, report_id, why=why)
        return _detail(report, intel.recipients_of(session, report))


@router.post("", response_model=ReportDetailOut, status_code=201)
def create_report(
    request: Request, principal: CurrentPrincipal, data: ReportInput
) -> ReportDetailOut:
    """Create a report. Sharing beyond your agency needs the liaison officer role."""
    node = node_of(request)
    with node.db.write() as session:
        report = intel.create_report(session, principal, data)
        return _detail(report, intel.recipients_of(session, report))


@router.put("/{report_id}", response_model=ReportDetailOut)
def update_report(
    request: Request, principal: CurrentPrincipal, report_id: RecordId, data: ReportInput
) -> ReportDetailOut:
    """Replace a report's content; send ``expected_version`` to refuse lost updates."""
    node = node_of(request)
    with node.db.write() as session:
        report = intel.update_report(session, principal, report_id, data)
        return _detail(report, intel.recipients_of(session, report))


class RetractIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=2000)


class ForwardIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: list[str] = Field(min_length=1, max_length=20)


@router.post("/{report_id}/retract", response_model=ReportDetailOut)
def retract_report(
    request: Request, principal: CurrentPrincipal, report_id: RecordId, data: RetractIn
) -> ReportDetailOut:
    """Retract a report you originated, here and at every agency that received it."""
    with node_of(request).db.write() as session:
        report = intel_exchange.retract(session, principal, report_id, data.reason)
        return _detail(report, intel.recipients_of(session, report))


@router.post("/{report_id}/forward", response_model=ReportDetailOut)
def forward_report(
    request: Request, principal: CurrentPrincipal, report_id: RecordId, data: ForwardIn
) -> ReportDetailOut:
    """Pass a report on to peer agencies; an H2 report needs the originator's consent."""
    with node_of(request).db.write() as session:
        report = intel_exchange.forward(session, principal, report_id, data.to)
        return _detail(report, intel.recipients_of(session, report))
