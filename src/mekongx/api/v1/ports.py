"""Port interdiction: manifest imports with saved column mappings, the day's targeting list,
container profiles that explain themselves, examinations, rules with hit rates, alerts."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, File, Query, UploadFile
from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.requests import Request

from mekongx import uploads
from mekongx.api.v1.schemas import ERRORS, PageOut
from mekongx.audit import read_session
from mekongx.authz import Principal
from mekongx.authz.listing import Page
from mekongx.domains.ports import alerts, examinations, rules, service, wording
from mekongx.domains.ports.schemas import (
    AlertInput,
    DecisionInput,
    ExaminationInput,
    MappingInput,
    RetireInput,
    RuleInput,
    WeightInput,
)
from mekongx.domains.review import service as review
from mekongx.domains.review.models import ReviewRequest
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, RecordId
from mekongx.http.uploads import spool

Out = TypeVar("Out", bound=BaseModel)
router = APIRouter(prefix="/ports", tags=["ports"], responses=ERRORS)  # type: ignore[arg-type]


class MappingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    columns: str
    delimiter: str
    date_format: str


class ManifestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    file_name: str
    lines: int
    containers: int
    imported_by: str
    imported_at: dt.datetime


class RankedOut(BaseModel):
    id: int
    number: str
    score: int
    rules: int
    status: str
    consignee: str
    goods: str
    port_of_loading: str


class HitOut(BaseModel):
    rule_id: int
    rule: str
    points: int
    reasons: list[str]


class LineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    row: int
    bill_of_lading: str
    shipper: str
    consignee: str
    consignee_address: str
    consignee_country: str
    notify_party: str
    forwarder: str
    goods: str
    hs_code: str
    weight_kg: float
    seal: str
    port_of_loading: str
    port_of_transshipment: str
    port_of_discharge: str
    vessel: str
    voyage: str
    loaded_on: dt.date | None
    arrival_on: dt.date


class ExaminationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    outcome: str
    note: str
    seized: str
    quantity_kg: float | None
    incident_uid: str
    seizure_uid: str
    examined_by: str
    examined_at: dt.datetime


class ContainerOut(BaseModel):
    id: int
    uid: str
    number: str
    score: int
    status: str
    arrival_on: dt.date
    hits: list[HitOut]
    lines: list[LineOut]
    examination: ExaminationOut | None


class ChangeOut(BaseModel):
    """A rule change waiting for a second person (``change``: add, weight with ``from`` and
    ``to``, or retire)."""

    rule_id: int
    request_id: int
    proposal: dict[str, Any]
    proposed_by: str
    proposed_at: dt.datetime
    why: str


class RuleOut(BaseModel):
    id: int
    kind: str
    label: str
    values: list[str]
    number: float | None
    weight: int
    active: bool
    state: str  # active | retired | proposed (its addition waits for approval) | refused
    pending: ChangeOut | None  # a change waiting for a second person
    fired: int
    examined: int
    found: int
    hit_rate: float | None


class AlertOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    direction: str
    container_number: str
    from_agency: str
    to_agency: str
    reason: str
    handling_code: str
    evidence: str
    note: str
    officer: str
    sent_at: dt.datetime


@router.get("/mappings", response_model=list[MappingOut])
def list_mappings(request: Request, principal: CurrentPrincipal) -> list[MappingOut]:
    """Saved column mappings of manifest files (``columns``: JSON object field → column)."""
    with node_of(request).db.read() as session:
        return [MappingOut.model_validate(m) for m in service.mappings(session, principal)]


@router.post("/mappings", response_model=MappingOut, status_code=201)
def save_mapping(request: Request, principal: CurrentPrincipal, data: MappingInput) -> MappingOut:
    """Save a column mapping; choose it at import with ``?mapping=ID``."""
    with node_of(request).db.write() as session:
        return MappingOut.model_validate(service.save_mapping(session, principal, data))


async def import_upload(request: Request, principal: Principal, upload: StarletteUpload,
                        mapping: int | None) -> ManifestOut:  # fmt: skip
    """Check the whole file outside any transaction, then store it in one."""
    node = node_of(request)
    with node.db.read() as session:
        chosen = service.layout(session, mapping)
    with tempfile.TemporaryDirectory(prefix="mekongx-ports-") as work:
        path = Path(work) / "upload"
        digest = await spool(upload, path, uploads.limits(node.settings))
        name = upload.filename or "manifest.csv"
        reading = await run_in_threadpool(service.read_file, path, name, chosen, principal.language)

    def store() -> ManifestOut:
        with node.db.write() as session:
            made = service.import_manifest(session, principal, reading, name, digest)
            return ManifestOut.model_validate(made)

    return await run_in_threadpool(store)


@router.post("/manifests", response_model=ManifestOut, status_code=201)
async def import_manifest(
    request: Request,
    principal: CurrentPrincipal,
    file: Annotated[
        UploadFile, File(description="A manifest: CSV or xlsx, one line per goods line")
    ],
    mapping: Annotated[int | None, Query(ge=1, description="a saved column mapping's id")] = None,
) -> ManifestOut:
    """Import a manifest; a bad row refuses the whole file, each row named (422)."""
    return await import_upload(request, principal, file, mapping)


LinesPerPage = Annotated[int, Query(ge=1, le=1000, description="Rows per page (up to 1,000).")]


def page_out(found: Page[Any], items: list[Out]) -> PageOut[Out]:
    """One page of a ports list (``authz.listing``) as the API answers it."""
    return PageOut[Out](items=items, total=found.total, page=found.page, per_page=found.per_page,
                        total_exact=found.total_exact, next_after=found.next_after,
                        prev_before=found.prev_before)  # fmt: skip


@router.get("/manifests", response_model=PageOut[ManifestOut])
def list_manifests(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
                   per_page: LinesPerPage = 50, after: After = None, before: Before = None) -> PageOut[ManifestOut]:  # fmt: skip
    """Imported manifests, newest first; for the next page pass ``next_after`` as ``after``."""
    with node_of(request).db.read() as session:
        found = service.manifests(
            session, principal, page=page, per_page=per_page, after=after, before=before
        )
        return page_out(found, [ManifestOut.model_validate(m) for m in found.items])


@router.get("/targeting", response_model=PageOut[RankedOut])
def targeting(
    request: Request,
    principal: CurrentPrincipal,
    day: dt.date,
    minimum: Annotated[int, Query(ge=0, le=10_000)] = 1,
    page: PageNumber = 1,
    per_page: LinesPerPage = 200,
    after: After = None,
    before: Before = None,
) -> PageOut[RankedOut]:
    """The day's containers by risk score, highest first (the read is audited); for the next
    page pass ``next_after`` as ``after``."""
    with read_session(node_of(request).db) as session:
        found = service.targeting(session, principal, day, page=page, per_page=per_page,
                                  after=after, before=before, minimum=minimum)  # fmt: skip
        items = [RankedOut(id=r.container.id, number=r.container.number, score=r.container.score,
                           rules=r.rules, status=r.container.status, consignee=r.consignee,
                           goods=r.goods, port_of_loading=r.port_of_loading) for r in found.items]  # fmt: skip
        return page_out(found, items)


def container_out(detail: service.Detail, lang: str) -> ContainerOut:
    c = detail.container
    return ContainerOut(
        id=c.id, uid=c.uid, number=c.number, score=c.score, status=c.status, arrival_on=c.arrival_on,
        hits=[HitOut(rule_id=rule.id, rule=wording.rule_title(rule, lang), points=hit.points,
                     reasons=wording.explain(hit, lang)) for rule, hit in detail.hits],
        lines=[LineOut.model_validate(line) for line in detail.lines],
        examination=ExaminationOut.model_validate(detail.examination) if detail.examination else None,
    )  # fmt: skip


@router.get("/containers/{container_id}", response_model=ContainerOut)
def read_container(
    request: Request, principal: CurrentPrincipal, container_id: RecordId
) -> ContainerOut:
    """A container's lines and profile: each rule that fired, its points and its reasons."""
    with read_session(node_of(request).db) as session:
        detail = service.read_container(session, principal, container_id)
        return container_out(detail, principal.language)


@router.post(
    "/containers/{container_id}/examination", response_model=ExaminationOut, status_code=201
)
def examine(request: Request, principal: CurrentPrincipal, container_id: RecordId,
            data: ExaminationInput) -> ExaminationOut:  # fmt: skip
    """Record what the examination found (a seizure with a substance also records an incident)."""
    with node_of(request).db.write() as session:
        made = examinations.record_examination(session, principal, container_id, data)
        return ExaminationOut.model_validate(made)


@router.post("/containers/{container_id}/alerts", response_model=AlertOut, status_code=201)
def send_alert(request: Request, principal: CurrentPrincipal, container_id: RecordId,
               data: AlertInput) -> AlertOut:  # fmt: skip
    """Alert the agency of the port of loading or transshipment, with the chosen evidence."""
    with node_of(request).db.write() as session:
        return AlertOut.model_validate(alerts.send(session, principal, container_id, data))


@router.get("/alerts", response_model=PageOut[AlertOut])
def list_alerts(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
                per_page: LinesPerPage = 50, after: After = None, before: Before = None) -> PageOut[AlertOut]:  # fmt: skip
    """Alerts sent and received, newest first; for the next page pass ``next_after``."""
    with read_session(node_of(request).db) as session:
        found = alerts.alerts(
            session, principal, page=page, per_page=per_page, after=after, before=before
        )
        return page_out(found, [AlertOut.model_validate(a) for a in found.items])


def change_out(rule_id: int, request: ReviewRequest) -> ChangeOut:
    return ChangeOut(rule_id=rule_id, request_id=request.id, proposal=review.proposal_of(request),
                     proposed_by=request.requested_by, proposed_at=request.requested_at,
                     why=request.comment)  # fmt: skip


def rule_out(stat: rules.RuleStats) -> RuleOut:
    r = stat.rule
    pending = change_out(r.id, stat.pending) if stat.pending is not None else None
    return RuleOut(id=r.id, kind=r.kind, label=r.label, values=stat.values, number=stat.number,
                   weight=r.weight, active=r.active, state=stat.state, pending=pending,
                   fired=stat.fired, examined=stat.examined, found=stat.found,
                   hit_rate=stat.hit_rate)  # fmt: skip


def _one(session: Session, principal: Principal, rule_id: int) -> RuleOut:
    return next(
        rule_out(s) for s in rules.stats(session, principal, retired=True) if s.rule.id == rule_id
    )


def _changed(request: Request, principal: Principal, rule_id: int,
             action: Callable[[Session, Principal, int, Any], object], data: Any) -> RuleOut:  # fmt: skip
    """Propose or decide a change of one rule, then answer the rule as it stands."""
    with node_of(request).db.write() as session:
        action(session, principal, rule_id, data)
        return _one(session, principal, rule_id)


@router.get("/rules", response_model=list[RuleOut])
def list_rules(request: Request, principal: CurrentPrincipal,
               retired: bool = False) -> list[RuleOut]:  # fmt: skip
    """Profiling rules with their hit rate (found / examined among the containers they fired
    on); ``retired=true`` adds retired rules and proposed ones not yet in force."""
    node = node_of(request)
    rules.starting_rules(node.db, principal)
    with node.db.read() as session:
        return [rule_out(s) for s in rules.stats(session, principal, retired=retired)]


@router.get("/rules/changes", response_model=list[ChangeOut])
def rule_changes(request: Request, principal: CurrentPrincipal) -> list[ChangeOut]:
    """Rule changes of the agency waiting for a second person, oldest first."""
    with node_of(request).db.read() as session:
        return [change_out(c.rule.id, c.request) for c in rules.changes(session, principal)]


@router.post("/rules", response_model=RuleOut, status_code=202)
def add_rule(request: Request, principal: CurrentPrincipal, data: RuleInput) -> RuleOut:
    """Propose a rule: it scores nothing until a colleague approves it (``/approve``)."""
    with node_of(request).db.write() as session:
        made = rules.add(session, principal, data)
        return _one(session, principal, made.id)


@router.post("/rules/{rule_id}/weight", response_model=RuleOut, status_code=202)
def reweight(request: Request, principal: CurrentPrincipal, rule_id: RecordId,
             data: WeightInput) -> RuleOut:  # fmt: skip
    """Propose a new weight; it takes effect when a colleague approves it."""
    return _changed(request, principal, rule_id, rules.reweight, data)


@router.post("/rules/{rule_id}/retire", response_model=RuleOut, status_code=202)
def retire(request: Request, principal: CurrentPrincipal, rule_id: RecordId,
           data: RetireInput) -> RuleOut:  # fmt: skip
    """Propose to retire a rule; it takes effect when a colleague approves it."""
    return _changed(request, principal, rule_id, rules.retire, data)


@router.post("/rules/{rule_id}/approve", response_model=RuleOut)
def approve_rule(request: Request, principal: CurrentPrincipal, rule_id: RecordId,
                 data: DecisionInput) -> RuleOut:  # fmt: skip
    """Approve the rule's waiting change (not its proposer: 403); it takes effect now."""
    return _changed(request, principal, rule_id, rules.approve, data)


@router.post("/rules/{rule_id}/return", response_model=RuleOut)
def return_rule(request: Request, principal: CurrentPrincipal, rule_id: RecordId,
                data: DecisionInput) -> RuleOut:  # fmt: skip
    """Send the rule's waiting change back to its proposer with a comment; nothing changes."""
    return _changed(request, principal, rule_id, rules.send_back, data)
