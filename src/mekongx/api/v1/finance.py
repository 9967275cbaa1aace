"""Financial investigations: cases, transaction imports, alerts and their review, tracing, assets."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from mekongx.api.v1.rfi import RfiCreate, RowOut, ThreadOut, files_of, rows_out, thread_out
from mekongx.api.v1.schemas import ERRORS, PageOut, page_out
from mekongx.audit import read_session
from mekongx.domains.finance import assets as finance_assets
from mekongx.domains.finance import mappings as finance_mappings
from mekongx.domains.finance import requests as finance_requests
from mekongx.domains.finance import service as finance
from mekongx.domains.finance import sharing
from mekongx.domains.finance.schemas import (
    AssetInput,
    CaseInput,
    MappingInput,
    ReviewInput,
    SharingAgreementInput,
    TransitionInput,
)
from mekongx.domains.rfi import threads as rfi_threads
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, PerPage, RecordId
from mekongx.i18n import N_

router = APIRouter(prefix="/finance", tags=["finance"], responses=ERRORS)  # type: ignore[arg-type]
MAX_UPLOAD = 512 * 1024 * 1024


class CaseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    title: str
    summary: str
    base_currency: str
    status: str
    origin_agency: str
    handling_code: str
    distribution: str
    updated_at: dt.datetime


class ImportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    sha256: str
    added: int
    duplicates: int
    rejected: int
    rejected_rows: list[str] = []


class AlertOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    alert_key: str
    typology: str
    score: float
    transaction_ids: str
    accounts: str
    explanation: str
    status: str
    reason: str
    reviewed_by: str


class AssetOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    kind: str
    description: str
    account: str
    value: float
    currency: str
    valued_on: dt.date
    custodian: str
    state: str
    order_expires: dt.date | None


class TraceOut(BaseModel):
    method: str
    direction: str
    start: str
    currency: str
    sources: dict[str, float]
    accounts: dict[str, dict[str, float]]
    left: dict[str, float]
    steps: int
    truncated: bool


@router.get("/cases", response_model=PageOut[CaseOut])
def list_cases(
    request: Request,
    principal: CurrentPrincipal,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    after: After = None,
    before: Before = None,
) -> PageOut[CaseOut]:
    """Financial investigation cases visible to you, most recently changed first; for the next
    page pass the answer's ``next_after`` as ``after`` (keyset paging)."""
    with node_of(request).db.read() as session:
        found = finance.list_cases(
            session, principal, page=page, per_page=per_page, after=after, before=before
        )
        return page_out(found, [CaseOut.model_validate(c) for c in found.items])


@router.post("/cases", response_model=CaseOut, status_code=201)
def create_case(request: Request, principal: CurrentPrincipal, data: CaseInput) -> CaseOut:
    """A new case: own agency and H3 unless you choose otherwise."""
    with node_of(request).db.write() as session:
        return CaseOut.model_validate(finance.create_case(session, principal, data))


@router.get("/cases/{case_id}", response_model=CaseOut)
def read_case(request: Request, principal: CurrentPrincipal, case_id: RecordId) -> CaseOut:
    with read_session(node_of(request).db) as session:  # the read is audited
        return CaseOut.model_validate(
            finance.read_case(session, principal, case_id, why="read over the API")
        )


@router.post("/cases/{case_id}/imports", response_model=ImportOut, status_code=201)
async def import_file(
    request: Request,
    principal: CurrentPrincipal,
    case_id: RecordId,
    file: Annotated[UploadFile, File(description="Transactions: CSV, xlsx, Parquet or goAML XML")],
    timezone: Annotated[str | None, Query(max_length=64)] = None,
    mapping: Annotated[int | None, Query(ge=1, description="a saved column mapping's id")] = None,
) -> ImportOut:
    """Read a transaction file into the case; rows it already holds are not added twice."""
    node = node_of(request)
    with node.db.read() as session:
        case = finance.read_case_for_import(session, principal, case_id)
        columns = finance_mappings.engine_mapping(session, mapping) if mapping else None
    with tempfile.TemporaryDirectory(prefix="mekongx-finance-") as work:
        path = Path(work) / "upload"
        size = 0
        with path.open("wb") as out:
            while chunk := await file.read(1 << 20):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise ValidationFailed(
                        [
                            FieldProblem(
                                "file",
                                N_("The file is larger than %(limit)s MB."),
                                {"limit": MAX_UPLOAD >> 20},
                            )
                        ]
                    )
                out.write(chunk)
        dataset = await run_in_threadpool(
            finance.read_file, path, Path(work) / "read", base_currency=case.base_currency,
            lang=principal.language, timezone=timezone, mapping=columns,
        )  # fmt: skip
        digest = await run_in_threadpool(finance.sha256_of, path)
        with node.db.write() as session:
            batch = finance.add_transactions(
                session, principal, case_id, dataset, file.filename or "upload", digest
            )
            out_model = ImportOut.model_validate(batch)
    out_model.rejected_rows = finance.rejection_lines(dataset, principal.language)
    return out_model


@router.post("/cases/{case_id}/detect", response_model=list[AlertOut])
async def detect(
    request: Request, principal: CurrentPrincipal, case_id: RecordId
) -> list[AlertOut]:
    """Run every detector over the case (judged alerts are kept); the open alerts, best first."""
    node = node_of(request)

    def work() -> list[AlertOut]:
        with node.db.write() as session:
            finance.run_detection(session, principal, case_id)
            case = finance.read_case(session, principal, case_id)
            return [AlertOut.model_validate(a) for a in finance.alerts_of(session, case, "open")]

    return await run_in_threadpool(work)


@router.get("/cases/{case_id}/alerts", response_model=list[AlertOut])
def list_alerts(
    request: Request, principal: CurrentPrincipal, case_id: RecordId,
    status: Annotated[str | None, Query(pattern="^(open|confirmed|dismissed)$")] = None,
) -> list[AlertOut]:  # fmt: skip
    with read_session(node_of(request).db) as session:
        case = finance.read_case(session, principal, case_id, why="alerts over the API")
        return [AlertOut.model_validate(a) for a in finance.alerts_of(session, case, status)]


@router.post("/alerts/{alert_id}/review", response_model=AlertOut)
def review(
    request: Request, principal: CurrentPrincipal, alert_id: RecordId, data: ReviewInput
) -> AlertOut:
    """Confirm an alert, or dismiss it with the reason."""
    with node_of(request).db.write() as session:
        return AlertOut.model_validate(finance.review_alert(session, principal, alert_id, data))


@router.get("/cases/{case_id}/trace", response_model=list[TraceOut])
async def trace(
    request: Request, principal: CurrentPrincipal, case_id: RecordId,
    account: Annotated[str | None, Query(max_length=200)] = None,
    transaction: Annotated[str | None, Query(max_length=120)] = None,
    direction: Annotated[str, Query(pattern="^(forward|backward)$")] = "forward",
    hops: Annotated[int, Query(ge=1, le=20)] = 10,
) -> list[TraceOut]:  # fmt: skip
    """Trace proceeds under every method side by side (LIBR forward only)."""
    node = node_of(request)

    def work() -> list[TraceOut]:
        with read_session(node.db) as session:
            results = finance.trace_case(session, principal, case_id, account=account, transaction=transaction,
                                         direction=direction, hops=hops)  # fmt: skip
        return [
            TraceOut(method=r.method, direction=r.direction, start=r.start, currency=r.currency, sources=r.sources,
                     accounts=r.accounts, left=r.left, steps=len(r.ledger), truncated=r.truncated)
            for r in results.values()
        ]  # fmt: skip

    return await run_in_threadpool(work)


@router.post("/cases/{case_id}/assets", response_model=AssetOut, status_code=201)
def add_asset(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, data: AssetInput
) -> AssetOut:
    with node_of(request).db.write() as session:
        return AssetOut.model_validate(finance_assets.add_asset(session, principal, case_id, data))


@router.post("/assets/{asset_id}/transitions", response_model=AssetOut)
def transition(
    request: Request, principal: CurrentPrincipal, asset_id: RecordId, data: TransitionInput
) -> AssetOut:
    """Change an asset's legal state with the order behind it; forbidden changes are refused."""
    with node_of(request).db.write() as session:
        return AssetOut.model_validate(
            finance_assets.transition(session, principal, asset_id, data)
        )


class SharingAgreementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    country: str
    partner_percent: float
    legal_basis: str
    signed_on: dt.date
    expires_on: dt.date | None
    note: str
    created_by: str


@router.get("/cases/{case_id}/requests", response_model=list[RowOut])
def case_requests(request: Request, principal: CurrentPrincipal, case_id: RecordId) -> list[RowOut]:
    """The asset-tracing and freezing requests of a case, one row per agency asked."""
    with node_of(request).db.read() as session:
        case = finance.read_case_for_view(session, principal, case_id)
        return rows_out(finance_requests.of_case(session, principal, case))


@router.post("/cases/{case_id}/requests", response_model=ThreadOut, status_code=201)
def send_request(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, data: RfiCreate
) -> ThreadOut:
    """Ask a partner agency to trace or freeze assets for this case (``purpose``
    ``asset_tracing`` or ``freezing``, a ``legal_basis`` and ``targets``); the thread is an RFI."""
    files = files_of(data.attachments)
    asked = RfiInput.model_validate(data.model_dump(exclude={"attachments"}))
    with node_of(request).db.write() as session:
        sent = finance_requests.send(session, principal, case_id, asked, files)
        return thread_out(rfi_threads.read_thread(session, principal, sent.id, why="created"))


@router.get("/sharing-agreements", response_model=list[SharingAgreementOut])
def sharing_agreements(request: Request, principal: CurrentPrincipal) -> list[SharingAgreementOut]:
    """Asset-sharing agreements with other countries."""
    with node_of(request).db.read() as session:
        return [
            SharingAgreementOut.model_validate(a) for a in sharing.agreements(session, principal)
        ]


@router.post("/sharing-agreements", response_model=SharingAgreementOut, status_code=201)
def add_sharing_agreement(
    request: Request, principal: CurrentPrincipal, data: SharingAgreementInput
) -> SharingAgreementOut:
    """Record an agreement (administrators); the latest signed with a country is in force."""
    with node_of(request).db.write() as session:
        return SharingAgreementOut.model_validate(sharing.add_agreement(session, principal, data))


class MappingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    columns: str
    timestamp_format: str
    currency: str
    delimiter: str


@router.get("/mappings", response_model=list[MappingOut])
def list_mappings(request: Request, principal: CurrentPrincipal) -> list[MappingOut]:
    """Saved column mappings (``columns`` is a JSON object: field → the file's column)."""
    with node_of(request).db.read() as session:
        return [MappingOut.model_validate(m) for m in finance_mappings.mappings(session, principal)]


@router.post("/mappings", response_model=MappingOut, status_code=201)
def save_mapping(request: Request, principal: CurrentPrincipal, data: MappingInput) -> MappingOut:
    """Save a column mapping under a new name; choose it at import with ``?mapping=ID``."""
    with node_of(request).db.write() as session:
        return MappingOut.model_validate(finance_mappings.save(session, principal, data))
