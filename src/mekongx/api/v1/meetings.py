"""Meetings: series, meetings with their minutes, comments and approvals, and the actions that
carry the resolutions out (status, progress notes, evidence)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from mekongx.api.v1.schemas import ERRORS
from mekongx.audit import read_session
from mekongx.authz import Principal
from mekongx.domains.meetings import actions as meeting_actions
from mekongx.domains.meetings import minutes, paper, service, views
from mekongx.domains.meetings import report as meeting_report
from mekongx.domains.meetings.schemas import (
    ActionInput,
    CommentInput,
    DelegateInput,
    EvidenceInput,
    ItemInput,
    MeetingInput,
    NoteInput,
    ResolutionInput,
    SeriesInput,
    StatusInput,
)
from mekongx.domains.search.records import find
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import Node, node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_, translator
from mekongx.model.identity import Agency

router = APIRouter(prefix="/meetings", tags=["meetings"], responses=ERRORS)  # type: ignore[arg-type]


class SeriesOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    name_th: str
    name_zh: str
    name_en: str
    name_lo: str = ""
    name_my: str = ""
    name_km: str = ""
    name_vi: str = ""
    agencies: str


class MeetingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    number: int
    host_agency: str
    origin_agency: str
    counterpart: str
    place_th: str
    place_zh: str
    place_en: str
    place_lo: str = ""
    place_my: str = ""
    place_km: str = ""
    place_vi: str = ""
    starts_on: dt.date
    ends_on: dt.date
    minutes_state: str
    minutes_version: int
    minutes_digest: str
    received: bool


class TimelineOut(BaseModel):
    series: SeriesOut
    meetings: list[MeetingOut]


class NoteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    noted_on: dt.date
    body: str
    language: str
    agency_code: str
    author_name: str


class EvidenceOut(BaseModel):
    kind: str
    uid: str
    area: str
    title: str
    url: str
    agency: str


class ActionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    owner_agency: str
    counterpart_agency: str
    title_th: str
    title_zh: str
    title_en: str
    title_lo: str = ""
    title_my: str = ""
    title_km: str = ""
    title_vi: str = ""
    deadline: dt.date
    status: str
    status_reason: str
    version: int
    overdue: bool = False
    notes: list[NoteOut] = []
    evidence: list[EvidenceOut] = []


class ResolutionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    number: int
    text_th: str
    text_zh: str
    text_en: str
    text_lo: str = ""
    text_my: str = ""
    text_km: str = ""
    text_vi: str = ""
    actions: list[ActionOut] = []


class CommentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    item_uid: str
    minutes_version: int
    agency_code: str
    author_name: str
    body: str
    at: dt.datetime


class ItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    position: int
    title_th: str
    title_zh: str
    title_en: str
    title_lo: str = ""
    title_my: str = ""
    title_km: str = ""
    title_vi: str = ""
    summary_th: str
    summary_zh: str
    summary_en: str
    summary_lo: str = ""
    summary_my: str = ""
    summary_km: str = ""
    summary_vi: str = ""
    resolutions: list[ResolutionOut] = []
    comments: list[CommentOut] = []


class DelegateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    agency_code: str
    role: str
    name_th: str
    name_zh: str
    name_en: str
    name_lo: str = ""
    name_my: str = ""
    name_km: str = ""
    name_vi: str = ""
    title_th: str
    title_zh: str
    title_en: str
    title_lo: str = ""
    title_my: str = ""
    title_km: str = ""
    title_vi: str = ""


class SignatureOut(BaseModel):
    agency: str
    version: int
    digest: str
    approved_at: str
    kid: str
    current: bool
    valid: bool


class MeetingDetailOut(MeetingOut):
    series: str
    delegates: list[DelegateOut]
    items: list[ItemOut]
    comments: list[CommentOut]
    signatures: list[SignatureOut]


def _keys(node: Node, session: Session, agency: str) -> dict[str, dict[str, Ed25519PublicKey]]:
    own = [] if node.keys is None else [node.keys.current.sign.public_key()]
    if node.keys is not None and node.keys.previous is not None:
        own.append(node.keys.previous.sign.public_key())
    return minutes.known_keys(session, agency, own)


def _detail(
    node: Node, session: Session, principal: Principal, meeting_id: int
) -> MeetingDetailOut:
    meeting = service.read_meeting(session, principal, meeting_id)
    view = views.view(session, principal, meeting)
    _ = translator(principal.language)

    def action_out(a: views.ActionView) -> ActionOut:
        out = ActionOut.model_validate(a.action)
        out.overdue = a.overdue
        out.notes = [NoteOut.model_validate(n) for n in a.notes]
        out.evidence = [EvidenceOut(kind=e.kind, uid=e.uid, area=_(e.label), title=e.title, url=e.url,
                                    agency=e.agency) for e in a.evidence]  # fmt: skip
        return out

    items = []
    for item in view.items:
        out = ItemOut.model_validate(item.item)
        out.comments = [CommentOut.model_validate(c) for c in item.comments]
        for r in item.resolutions:
            resolution = ResolutionOut.model_validate(r.resolution)
            resolution.actions = [action_out(a) for a in r.actions]
            out.resolutions.append(resolution)
        items.append(out)
    signatures = minutes.signatures(session, meeting, _keys(node, session, principal.agency))
    return MeetingDetailOut(
        **MeetingOut.model_validate(meeting).model_dump(), series=view.series.code,
        delegates=[DelegateOut.model_validate(d) for d in view.delegates], items=items,
        comments=[CommentOut.model_validate(c) for c in view.general_comments],
        signatures=[SignatureOut(**s.__dict__) for s in signatures],
    )  # fmt: skip


@router.get("/series", response_model=list[SeriesOut])
def list_series(request: Request, principal: CurrentPrincipal) -> list[SeriesOut]:
    """Meeting series known to this node."""
    with node_of(request).db.read() as session:
        return [SeriesOut.model_validate(s) for s in service.list_series(session, principal)]


@router.post("/series", response_model=SeriesOut, status_code=201)
def create_series(request: Request, principal: CurrentPrincipal, data: SeriesInput) -> SeriesOut:
    """A new series (administrators)."""
    with node_of(request).db.write() as session:
        return SeriesOut.model_validate(service.create_series(session, principal, data))


@router.get("/series/{code}", response_model=TimelineOut)
def timeline(request: Request, principal: CurrentPrincipal, code: str) -> TimelineOut:
    """The series' meetings you may see, by number: past and coming."""
    with node_of(request).db.read() as session:
        series = service.series_by_code(session, principal, code[:32])
        meetings = service.meetings_of(session, principal, series)
        return TimelineOut(
            series=SeriesOut.model_validate(series),
            meetings=[MeetingOut.model_validate(m) for m in meetings],
        )


@router.post("", response_model=MeetingDetailOut, status_code=201)
def create_meeting(
    request: Request, principal: CurrentPrincipal, data: MeetingInput
) -> MeetingDetailOut:
    """A new meeting whose minutes your agency drafts; the body may carry the whole minutes
    (delegations, agenda items, resolutions, actions), as a minutes file does."""
    node = node_of(request)
    with node.db.write() as session:
        meeting = service.create_meeting(session, principal, data)
        return _detail(node, session, principal, meeting.id)


@router.get("/{meeting_id}", response_model=MeetingDetailOut)
def read_meeting(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId
) -> MeetingDetailOut:
    """The meeting with its minutes, comments, actions (evidence you may see) and signatures."""
    node = node_of(request)
    with node.db.read() as session:
        return _detail(node, session, principal, meeting_id)


@router.post("/{meeting_id}/delegates", response_model=DelegateOut, status_code=201)
def add_delegate(request: Request, principal: CurrentPrincipal, meeting_id: RecordId,
                 data: DelegateInput) -> DelegateOut:  # fmt: skip
    with node_of(request).db.write() as session:
        return DelegateOut.model_validate(
            service.add_delegate(session, principal, meeting_id, data)
        )


@router.post("/{meeting_id}/items", response_model=ItemOut, status_code=201)
def add_item(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId, data: ItemInput
) -> ItemOut:
    """An agenda item of the draft (its resolutions are added separately)."""
    if data.resolutions:
        raise ValidationFailed([FieldProblem("resolutions", N_("Add resolutions one by one."))])
    with node_of(request).db.write() as session:
        return ItemOut.model_validate(service.add_item(session, principal, meeting_id, data))


@router.put("/items/{item_id}", response_model=ItemOut)
def update_item(
    request: Request, principal: CurrentPrincipal, item_id: RecordId, data: ItemInput
) -> ItemOut:
    """Change an agenda item's title and discussion summary: a new version of the minutes."""
    with node_of(request).db.write() as session:
        return ItemOut.model_validate(service.update_item(session, principal, item_id, data))


@router.post("/items/{item_id}/resolutions", response_model=ResolutionOut, status_code=201)
def add_resolution(request: Request, principal: CurrentPrincipal, item_id: RecordId,
                   data: ResolutionInput) -> ResolutionOut:  # fmt: skip
    if data.actions:
        raise ValidationFailed([FieldProblem("actions", N_("Add actions one by one."))])
    with node_of(request).db.write() as session:
        return ResolutionOut.model_validate(
            service.add_resolution(session, principal, item_id, data)
        )


@router.post("/resolutions/{resolution_id}/actions", response_model=ActionOut, status_code=201)
def add_action(request: Request, principal: CurrentPrincipal, resolution_id: RecordId,
               data: ActionInput) -> ActionOut:  # fmt: skip
    with node_of(request).db.write() as session:
        return ActionOut.model_validate(service.add_action(session, principal, resolution_id, data))


@router.post("/{meeting_id}/circulate", response_model=MeetingOut)
def circulate(request: Request, principal: CurrentPrincipal, meeting_id: RecordId) -> MeetingOut:
    """Send the current draft to the other side (liaison officers)."""
    with node_of(request).db.write() as session:
        return MeetingOut.model_validate(minutes.circulate(session, principal, meeting_id))


@router.post("/{meeting_id}/comments", response_model=CommentOut, status_code=201)
def comment(request: Request, principal: CurrentPrincipal, meeting_id: RecordId,
            data: CommentInput) -> CommentOut:  # fmt: skip
    """Comment on an agenda item (``item_uid``) or the whole minutes; the other side gets it."""
    with node_of(request).db.write() as session:
        return CommentOut.model_validate(minutes.add_comment(session, principal, meeting_id, data))


@router.post("/{meeting_id}/approve", response_model=SignatureOut)
def approve(request: Request, principal: CurrentPrincipal, meeting_id: RecordId) -> SignatureOut:
    """Approve the minutes as they stand; this node signs the approval and sends it."""
    node = node_of(request)
    if node.keys is None:
        raise ValidationFailed(
            [FieldProblem("keys", N_("This node has no keys yet: run `mekongx init`."))]
        )
    with node.db.write() as session:
        approval = minutes.approve(session, principal, meeting_id, node.keys.current.sign)
        meeting = service.read_meeting(session, principal, meeting_id)
        found = minutes.signatures(session, meeting, _keys(node, session, principal.agency))
        [mine] = [s for s in found if s.agency == approval.agency_code]
        return SignatureOut(**mine.__dict__)


@router.get("/{meeting_id}/signatures", response_model=list[SignatureOut])
def signatures(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId
) -> list[SignatureOut]:
    """Each side's approval, its signature checked with the keys this node holds."""
    node = node_of(request)
    with node.db.read() as session:
        meeting = service.read_meeting(session, principal, meeting_id)
        found = minutes.signatures(session, meeting, _keys(node, session, principal.agency))
        return [SignatureOut(**s.__dict__) for s in found]


@router.put("/actions/{action_id}/status", response_model=ActionOut)
def set_status(request: Request, principal: CurrentPrincipal, action_id: RecordId,
               data: StatusInput) -> ActionOut:  # fmt: skip
    """Your agency's action: planned, in progress, done, or dropped with a reason."""
    with node_of(request).db.write() as session:
        return ActionOut.model_validate(
            meeting_actions.set_status(session, principal, action_id, data)
        )


@router.post("/actions/{action_id}/notes", response_model=NoteOut, status_code=201)
def add_note(
    request: Request, principal: CurrentPrincipal, action_id: RecordId, data: NoteInput
) -> NoteOut:
    with node_of(request).db.write() as session:
        return NoteOut.model_validate(meeting_actions.add_note(session, principal, action_id, data))


@router.post("/actions/{action_id}/evidence", response_model=EvidenceOut, status_code=201)
def add_evidence(request: Request, principal: CurrentPrincipal, action_id: RecordId,
                 data: EvidenceInput) -> EvidenceOut:  # fmt: skip
    """Link a record of any area you may see (kind: intel_report, rfi, fugitive_notice,
    precursor_notification, precursor_incident, wbe_campaign, fin_case, prevention_programme,
    training_course)."""
    with node_of(request).db.write() as session:
        meeting_actions.add_evidence(session, principal, action_id, data)
        found = find(session, principal, data.kind, data.record_uid)
        assert found is not None
        _ = translator(principal.language)
        return EvidenceOut(kind=found.kind, uid=found.uid, area=_(found.label), title=found.title,
                           url=found.url, agency=found.agency)  # fmt: skip


@router.get("/{meeting_id}/report", response_class=Response,
            responses={200: {"content": {"application/pdf": {}, paper.FORMATS["docx"][0]: {}}, "description": "The report as PDF or DOCX."}})  # fmt: skip
def report(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId,
    lang: Annotated[str, Query(description="th, zh-Hans, lo, my, km, vi, en or th+zh-Hans")] = "th",
    format_: Annotated[str, Query(alias="format", description="pdf or docx")] = "pdf",
) -> Response:  # fmt: skip
    """The progress report on the meeting's resolutions, for the next meeting."""
    if lang not in paper.REPORT_LANGUAGES:
        raise ValidationFailed([FieldProblem("lang", N_("Must be one of: %(expected)s."),
                                             {"expected": ", ".join(paper.REPORT_LANGUAGES)})])  # fmt: skip
    if format_ not in paper.FORMATS:
        raise ValidationFailed(
            [
                FieldProblem(
                    "format",
                    N_("Must be one of: %(expected)s."),
                    {"expected": ", ".join(paper.FORMATS)},
                )
            ]
        )
    node = node_of(request)
    with read_session(node.db) as session:
        built = meeting_report.progress_report(session, principal, meeting_id)
        agency = session.get(Agency, node.settings.node_agency)
        names = {} if agency is None else agency.names()
    media_type, write = paper.FORMATS[format_]
    return Response(write(built, lang, names), media_type=media_type)
