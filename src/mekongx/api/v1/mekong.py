"""Joint operations and Mekong joint patrols, and the Safe Mekong Joint Operation Plan 2023–2027:
record, list, read; the plan's actions side by side with each country's progress."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request

from mekongx.api.v1.schemas import ERRORS, RetractIn, built_from_stored
from mekongx.audit import read_session
from mekongx.domains.mekong import keepers, plan, service
from mekongx.domains.mekong.models import JointOperation, PlanAction, PlanProgress
from mekongx.domains.mekong.schemas import OperationInput, PlanActionInput, ProgressInput
from mekongx.domains.search.records import Reference
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, RecordId

router = APIRouter(prefix="/mekong", tags=["joint operations"], responses=ERRORS)  # type: ignore[arg-type]


class PhaseOut(BaseModel):
    name: str
    starts_on: date
    ends_on: date


class ResultsOut(BaseModel):
    """From the linked seizures you may see (others are not counted)."""

    seizures: list[str]  # uids
    kg: Decimal
    tablets: int
    arrests: int
    nationalities: dict[str, int]


class OperationOut(BaseModel):
    id: int
    uid: str
    origin_agency: str
    received: bool
    activity: str
    name: str
    number: int | None
    starts_on: date
    ends_on: date
    phases: list[PhaseOut]
    countries: list[str]
    units: str
    route: str
    targets: str
    findings: str
    handling_code: str
    distribution: str
    created_at: datetime
    version: int
    status: str  # active | retracted
    status_note: str  # why it was retracted
    results: ResultsOut | None = None


class OperationListOut(BaseModel):
    items: list[OperationOut]
    total: int
    total_exact: bool  # False: ``total`` is an estimate (counting stopped at a bound)
    page: int
    per_page: int
    next_after: int | None = None  # the keyset cursor of the next page (``after=``); None: last
    prev_before: int | None = None  # the cursor of the page before (``before=``); None: first


@built_from_stored
def _operation(o: JointOperation, results: service.Results | None = None) -> OperationOut:
    names = ("id", "uid", "origin_agency", "received", "activity", "name", "number", "starts_on",
             "ends_on", "units", "route", "targets", "findings", "handling_code", "distribution", "created_at",
             "version", "status", "status_note")  # fmt: skip
    return OperationOut(
        **{n: getattr(o, n) for n in names}, phases=[PhaseOut(**p) for p in service.phases_of(o)],
        countries=[c for c in o.countries.split(",") if c],
        results=None if results is None else ResultsOut(
            seizures=[s.uid for s in results.seizures], kg=results.kg, tablets=results.tablets,
            arrests=results.arrests, nationalities=results.nationalities),
    )  # fmt: skip


@router.post("/operations", response_model=OperationOut, status_code=201)
def create_operation(
    request: Request, principal: CurrentPrincipal, data: OperationInput
) -> OperationOut:
    """Record a joint operation (``activity=operation``) or a numbered Mekong joint patrol
    (``activity=patrol``) led by your agency; ``seizures`` are uids of linked seizure reports.
    Shared beyond your agency (liaison officers) at once."""
    with node_of(request).db.write() as session:
        operation = service.create_operation(session, principal, data)
        return _operation(operation, service.results(session, principal, operation))


@router.get("/operations", response_model=OperationListOut)
def list_operations(
    request: Request,
    principal: CurrentPrincipal,
    activity: Literal["", "operation", "patrol"] = "",
    page: PageNumber = 1,
    after: After = None,
    before: Before = None,
) -> OperationListOut:
    """The joint operations and patrols you may see, the latest started first, 50 a page. For
    the next page pass the answer's ``next_after`` as ``after`` (keyset paging)."""
    with read_session(node_of(request).db) as session:
        found = service.list_operations(
            session, principal, activity, page=page, after=after, before=before
        )
        return OperationListOut(items=[_operation(o) for o in found.items], total=found.total,
                                total_exact=found.total_exact, page=found.page,
                                per_page=found.per_page, next_after=found.next_after,
                                prev_before=found.prev_before)  # fmt: skip


@router.get("/operations/{operation_id}", response_model=OperationOut)
def read_operation(
    request: Request, principal: CurrentPrincipal, operation_id: RecordId
) -> OperationOut:
    """One joint operation or patrol with its results from the linked seizures you may see."""
    with read_session(node_of(request).db) as session:
        operation = service.read_operation(session, principal, operation_id)
        return _operation(operation, service.results(session, principal, operation))


@router.put("/operations/{operation_id}", response_model=OperationOut)
def correct_operation(
    request: Request, principal: CurrentPrincipal, operation_id: RecordId, data: OperationInput
) -> OperationOut:
    """Change your agency's record (the whole record as it should read, the same checks as a new
    one): a new version, sent as a correction to every agency that holds it."""
    with node_of(request).db.write() as session:
        operation = service.correct_operation(session, principal, operation_id, data)
        return _operation(operation, service.results(session, principal, operation))


@router.post("/operations/{operation_id}/retract", response_model=OperationOut)
def retract_operation(
    request: Request, principal: CurrentPrincipal, operation_id: RecordId, data: RetractIn
) -> OperationOut:
    """Withdraw your agency's record, saying why: it stays, marked retracted, and every agency
    that holds a copy is told."""
    with node_of(request).db.write() as session:
        return _operation(service.retract_operation(session, principal, operation_id, data.reason))


class EvidenceOut(BaseModel):
    kind: str
    uid: str
    title: str
    url: str
    agency: str


class ProgressOut(BaseModel):
    uid: str
    country: str
    origin_agency: str
    received: bool
    version: int
    activity: str
    status: str
    note: str
    reported_on: date
    evidence: list[EvidenceOut]  # the linked records you may see


class PlanActionOut(BaseModel):
    id: int
    uid: str
    origin_agency: str
    received: bool
    plan: str
    line: str
    number: str
    title: str
    description: str
    due_on: date | None
    handling_code: str
    version: int
    status: str  # active | retracted
    status_note: str  # why it was retracted
    progress: list[ProgressOut] = []


class PlanOut(BaseModel):
    plan: str
    actions: list[PlanActionOut]


def _evidence(refs: list[Reference]) -> list[EvidenceOut]:
    return [EvidenceOut(kind=r.kind, uid=r.uid, title=r.title, url=r.url, agency=r.agency) for r in refs]  # fmt: skip


@built_from_stored
def _progress(p: PlanProgress, refs: list[Reference]) -> ProgressOut:
    names = ("uid", "country", "origin_agency", "received", "version", "activity", "status", "note", "reported_on")  # fmt: skip
    return ProgressOut(**{n: getattr(p, n) for n in names}, evidence=_evidence(refs))


@built_from_stored
def _action(a: PlanAction, progress: list[PlanProgress], refs: dict[str, list[Reference]]) -> PlanActionOut:  # fmt: skip
    names = ("id", "uid", "origin_agency", "received", "plan", "line", "number", "title", "description", "due_on", "handling_code",
             "version", "status", "status_note")  # fmt: skip
    return PlanActionOut(**{n: getattr(a, n) for n in names},
                         progress=[_progress(p, refs.get(p.uid, [])) for p in progress])  # fmt: skip


@router.get("/plan", response_model=PlanOut)
def read_plan(request: Request, principal: CurrentPrincipal, plan_code: str = plan.PLAN) -> PlanOut:
    """The plan's actions you may see with each country's progress beside them (the progress and
    evidence shared with your agency, no more)."""
    with read_session(node_of(request).db) as session:
        lines = plan.plan_view(session, principal, plan_code[:40])
        rows = [row for line in lines for row in line.rows]
        refs = plan.evidence_of(session, principal, [p for r in rows for p in r.progress.values()])
        return PlanOut(plan=plan_code[:40], actions=[
            _action(r.action, sorted(r.progress.values(), key=lambda p: p.country), refs) for r in rows])  # fmt: skip


@router.post("/plan/actions", response_model=PlanActionOut, status_code=201)
def create_action(
    request: Request, principal: CurrentPrincipal, data: PlanActionInput
) -> PlanActionOut:
    """Enter one action of the plan (once, by the agency that keeps the plan), shared with the
    countries by its distribution."""
    with node_of(request).db.write() as session:
        return _action(plan.create_action(session, principal, data), [], {})


@router.get("/plan/actions/{action_id}", response_model=PlanActionOut)
def read_action(
    request: Request, principal: CurrentPrincipal, action_id: RecordId
) -> PlanActionOut:
    with read_session(node_of(request).db) as session:
        action, progress = plan.read_action(session, principal, action_id)
        return _action(action, progress, plan.evidence_of(session, principal, progress))


@router.put("/plan/actions/{action_id}/progress", response_model=ProgressOut)
def set_progress(
    request: Request, principal: CurrentPrincipal, action_id: RecordId, data: ProgressInput
) -> ProgressOut:
    """Your country's commitment under the action and its progress, with joint operations,
    patrols and seizures you may see as evidence (``kind`` ``mekong_operation`` or ``seizure``).
    Each report is a new version, sent to every agency that holds the action (liaison officers)."""
    with node_of(request).db.write() as session:
        progress = plan.set_progress(session, principal, action_id, data)
        return _progress(progress, plan.evidence_of(session, principal, [progress])[progress.uid])


@router.put("/plan/actions/{action_id}", response_model=PlanActionOut)
def correct_action(
    request: Request, principal: CurrentPrincipal, action_id: RecordId, data: PlanActionInput
) -> PlanActionOut:
    """Change an action (the plan's keeper only; the whole action as it should read): a new
    version, sent as a correction to every agency that holds it."""
    with node_of(request).db.write() as session:
        action = plan.correct_action(session, principal, action_id, data)
        return _action(action, [], {})


@router.post("/plan/actions/{action_id}/retract", response_model=PlanActionOut)
def retract_action(
    request: Request, principal: CurrentPrincipal, action_id: RecordId, data: RetractIn
) -> PlanActionOut:
    """Withdraw an action (the plan's keeper only), saying why: it stays, marked retracted,
    every holder is told, and no country reports progress under it any more."""
    with node_of(request).db.write() as session:
        return _action(plan.retract_action(session, principal, action_id, data.reason), [], {})


class KeeperIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plan: str = Field(plan.PLAN, min_length=1, max_length=40)
    agency: str = Field(min_length=1, max_length=16)


class KeeperOut(BaseModel):
    plan: str
    agency: str
    named_by: str
    named_at: datetime


@router.put("/plan/keeper", response_model=KeeperOut)
def name_keeper(request: Request, principal: CurrentPrincipal, data: KeeperIn) -> KeeperOut:
    """Name the agency that keeps the plan on this node (administrators; as the countries
    agreed). Actions of the plan from any other agency are refused, entered here or received."""
    with node_of(request).db.write() as session:
        kept = keepers.name_keeper(session, principal, data.plan, data.agency.upper())
        return KeeperOut(plan=kept.plan, agency=kept.agency_code, named_by=kept.named_by,
                         named_at=kept.named_at)  # fmt: skip
