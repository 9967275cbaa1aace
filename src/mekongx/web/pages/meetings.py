"""Meeting pages: the series and their timelines, a meeting's minutes as both sides agree them
(draft, comments per item, approvals with their signatures), and the actions' progress."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import ValidationError
from sqlalchemy import select
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can
from mekongx.domains.meetings import actions as meeting_actions
from mekongx.domains.meetings import minutes, paper, service, views
from mekongx.domains.meetings import report as meeting_report
from mekongx.domains.meetings.schemas import (
    ActionInput,
    CommentInput,
    DelegateInput,
    EvidenceInput,
    ItemInput,
    MeetingFields,
    MeetingInput,
    NoteInput,
    ResolutionInput,
    SeriesInput,
    StatusInput,
)
from mekongx.domains.search.records import kinds
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_, format_date, translator
from mekongx.i18n.texts import TEXT_LANGUAGES
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.validation import parse, problems_from
from mekongx.web import flash
from mekongx.web.nav import NavItem
from mekongx.web.render import HTML_LANG, check_csrf, render

router = APIRouter(prefix="/meetings")
NAV = [NavItem(60, "/meetings", N_("Meetings"))]
MAX_MINUTES_FILE = 2 * 1024 * 1024
STATUS_LABELS = {
    "planned": N_("planned"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}
STATE_LABELS = {
    "draft": N_("Draft"),
    "circulated": N_("Sent for comment and approval"),
    "approved": N_("Approved by both sides"),
}
ROLE_LABELS = {"head": N_("Head of delegation"), "co_chair": N_("Co-chair"), "member": N_("Member")}

flash.register(
    {
        "meetings.series": N_("Series created."),
        "meetings.created": N_("Meeting created. Add its agenda, resolutions and actions, then send it to the other side."),
        "meetings.changed": N_("Minutes changed: a new version. Send it to the other side again."),
        "meetings.circulated": N_("Minutes sent to the other side for comment and approval."),
        "meetings.commented": N_("Comment sent to the other side."),
        "meetings.approved": N_("Approved. Your node signed the minutes; the other side is told."),
        "meetings.action": N_("Action updated. The other side is told."),
    }
)  # fmt: skip


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {
        "status_labels": {k: _(v) for k, v in STATUS_LABELS.items()},
        "state_labels": {k: _(v) for k, v in STATE_LABELS.items()},
        "role_labels": {k: _(v) for k, v in ROLE_LABELS.items()},
        "kind_labels": {k: _(v.label) for k, v in kinds().items()},
    }


def _fields(form: FormData, names: tuple[str, ...], texts: tuple[str, ...] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {name: str(form.get(name, "")) for name in names}
    for text in texts:
        data.update(
            {f"{text}_{code}": str(form.get(f"{text}_{code}", "")) for code in TEXT_LANGUAGES}
        )
    return data


def _agencies(request: Request) -> list[Agency]:
    with node_of(request).db.read() as session:
        return list(session.scalars(select(Agency).where(Agency.active).order_by(Agency.code)))


@router.get("")
def index(request: Request, principal: CurrentPrincipal) -> Response:
    with node_of(request).db.read() as session:
        series = [
            (s, service.meetings_of(session, principal, s))
            for s in service.list_series(session, principal)
        ]
    return render(request, "meetings/index.html", series=series, agencies=_agencies(request), fields=[], form={},
                  can_admin=can(principal, Permission.MANAGE_AGENCIES).allowed, **_labels(principal))  # fmt: skip


@router.post("/series", dependencies=[Depends(check_csrf)])
async def create_series(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = _fields(form, ("code",), ("name",))
    data["code"] = data["code"].strip().upper()
    data["agencies"] = [str(v) for v in form.getlist("agencies")]
    try:
        with node_of(request).db.write() as session:
            series = service.create_series(session, principal, parse(SeriesInput, data))
            code = series.code
    except ValidationFailed as error:
        with node_of(request).db.read() as session:
            listed = [
                (s, service.meetings_of(session, principal, s))
                for s in service.list_series(session, principal)
            ]
        return render(request, "meetings/index.html", status=422, series=listed, agencies=_agencies(request),
                      fields=field_messages(principal.language, error.fields), form=data, can_admin=True,
                      **_labels(principal))  # fmt: skip
    return flash.redirect(f"/meetings/series/{code}", "meetings.series")


def _timeline(request: Request, principal: Principal, code: str, *, status: int = 200, fields: list[tuple[str, str]] | None = None,
              form: dict[str, Any] | None = None) -> Response:  # fmt: skip
    with node_of(request).db.read() as session:
        series = service.series_by_code(session, principal, code[:32])
        meetings = service.meetings_of(session, principal, series)
    today = utcnow().date()
    return render(request, "meetings/series.html", status=status, series=series,
                  past=[m for m in meetings if m.starts_on <= today], coming=[m for m in meetings if m.starts_on > today],
                  agencies=_agencies(request), fields=fields or [], form=form or {},
                  next_number=max([m.number for m in meetings], default=0) + 1,
                  can_write=can(principal, Permission.WRITE_RECORDS).allowed, **_labels(principal))  # fmt: skip


@router.get("/series/{code}")
def timeline(request: Request, principal: CurrentPrincipal, code: str) -> Response:
    return _timeline(request, principal, code)


@router.post("/series/{code}/meetings", dependencies=[Depends(check_csrf)])
async def create_meeting(request: Request, principal: CurrentPrincipal, code: str) -> Response:
    form = await request.form()
    data = _fields(
        form, ("number", "host_agency", "counterpart", "starts_on", "ends_on"), ("place",)
    )
    data.update(series=code[:32], language=principal.language)
    try:
        with node_of(request).db.write() as session:
            meeting = service.create_meeting(session, principal, parse(MeetingFields, data))
            meeting_id = meeting.id
    except ValidationFailed as error:
        return _timeline(request, principal, code, status=422, fields=field_messages(principal.language, error.fields),
                         form=data)  # fmt: skip
    return flash.redirect(f"/meetings/{meeting_id}", "meetings.created")


@router.post("/series/{code}/import", dependencies=[Depends(check_csrf)])
async def import_minutes(request: Request, principal: CurrentPrincipal, code: str) -> Response:
    """A whole meeting from a minutes file (JSON, the shape of the API's ``POST /meetings``)."""
    form = await request.form()
    upload = form.get("file")
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file."))])
        raw = await upload.read(MAX_MINUTES_FILE + 1)
        if len(raw) > MAX_MINUTES_FILE:
            raise ValidationFailed(
                [FieldProblem("file", N_("The file is larger than %(limit)s MB."), {"limit": 2})]
            )
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValidationFailed(
                [FieldProblem("file", N_("The minutes file is not valid JSON (UTF-8)."))]
            ) from error
        if not isinstance(body, dict):
            raise ValidationFailed(
                [FieldProblem("file", N_("The minutes file is not valid JSON (UTF-8)."))]
            )
        try:
            data = MeetingInput.model_validate({**body, "series": code[:32]})
        except ValidationError as error:
            raise ValidationFailed(problems_from(error)) from error
        with node_of(request).db.write() as session:
            meeting_id = service.create_meeting(session, principal, data).id
    except ValidationFailed as error:
        return _timeline(
            request,
            principal,
            code,
            status=422,
            fields=field_messages(principal.language, error.fields),
        )
    finally:
        await form.close()
    return flash.redirect(f"/meetings/{meeting_id}", "meetings.created")


@router.get("/{meeting_id}")
def meeting_page(request: Request, principal: CurrentPrincipal, meeting_id: RecordId) -> Response:
    node = node_of(request)
    with node.db.read() as session:
        meeting = service.read_meeting(session, principal, meeting_id)
        view = views.view(session, principal, meeting)
        own = [] if node.keys is None else [node.keys.current.sign.public_key()]
        signatures = minutes.signatures(
            session, meeting, minutes.known_keys(session, principal.agency, own)
        )
    side = principal.agency in (meeting.origin_agency, meeting.counterpart)
    drafting = meeting.origin_agency == principal.agency and not meeting.received
    write = can(principal, Permission.WRITE_RECORDS).allowed
    release = can(principal, Permission.RELEASE_RECORDS).allowed
    mine = view.approvals.get(principal.agency)
    return render(request, "meetings/meeting.html", view=view, meeting=meeting, signatures=signatures,
                  can_edit=drafting and write and meeting.minutes_state != "approved",
                  can_circulate=drafting and release and meeting.minutes_state != "approved"
                  and meeting.sent_version != meeting.minutes_version,
                  can_comment=side and write and meeting.minutes_state != "approved",
                  can_approve=side and release and meeting.minutes_state == "circulated"
                  and (mine is None or mine.digest != meeting.minutes_digest)
                  and (not drafting or meeting.sent_version == meeting.minutes_version),
                  can_track=write and meeting.minutes_state == "approved", agencies=_agencies(request),
                  report_languages=paper.report_language_names(), **_labels(principal))  # fmt: skip


async def _post(request: Request, principal: Principal, back: str, key: str, work: Any) -> Response:
    form = await request.form()
    with node_of(request).db.write() as session:
        work(session, form)
    return flash.redirect(back, key)


@router.post("/{meeting_id}/delegates", dependencies=[Depends(check_csrf)])
async def add_delegate(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId
) -> Response:
    def work(session: Any, form: FormData) -> None:
        data = parse(DelegateInput, _fields(form, ("agency", "role"), ("name", "title")))
        service.add_delegate(session, principal, meeting_id, data)

    return await _post(
        request, principal, f"/meetings/{meeting_id}#delegates", "meetings.changed", work
    )


@router.post("/{meeting_id}/items", dependencies=[Depends(check_csrf)])
async def add_item(request: Request, principal: CurrentPrincipal, meeting_id: RecordId) -> Response:
    def work(session: Any, form: FormData) -> None:
        service.add_item(
            session,
            principal,
            meeting_id,
            parse(ItemInput, _fields(form, (), ("title", "summary"))),
        )

    return await _post(
        request, principal, f"/meetings/{meeting_id}#agenda", "meetings.changed", work
    )


@router.post("/{meeting_id}/items/{item_id}", dependencies=[Depends(check_csrf)])
async def update_item(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId, item_id: RecordId
) -> Response:
    def work(session: Any, form: FormData) -> None:
        service.update_item(
            session, principal, item_id, parse(ItemInput, _fields(form, (), ("title", "summary")))
        )

    return await _post(
        request, principal, f"/meetings/{meeting_id}#item-{item_id}", "meetings.changed", work
    )


@router.post("/{meeting_id}/items/{item_id}/resolutions", dependencies=[Depends(check_csrf)])
async def add_resolution(request: Request, principal: CurrentPrincipal, meeting_id: RecordId,
                         item_id: RecordId) -> Response:  # fmt: skip
    def work(session: Any, form: FormData) -> None:
        data = parse(ResolutionInput, _fields(form, ("number",), ("text",)))
        service.add_resolution(session, principal, item_id, data)

    return await _post(
        request, principal, f"/meetings/{meeting_id}#item-{item_id}", "meetings.changed", work
    )


@router.post(
    "/{meeting_id}/resolutions/{resolution_id}/actions", dependencies=[Depends(check_csrf)]
)
async def add_action(request: Request, principal: CurrentPrincipal, meeting_id: RecordId,
                     resolution_id: RecordId) -> Response:  # fmt: skip
    def work(session: Any, form: FormData) -> None:
        data = parse(
            ActionInput,
            _fields(form, ("owner_agency", "counterpart_agency", "deadline"), ("title",)),
        )
        service.add_action(session, principal, resolution_id, data)

    return await _post(request, principal, f"/meetings/{meeting_id}#resolution-{resolution_id}", "meetings.changed",
                       work)  # fmt: skip


@router.post("/{meeting_id}/circulate", dependencies=[Depends(check_csrf)])
async def circulate(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId
) -> Response:
    def work(session: Any, form: FormData) -> None:
        minutes.circulate(session, principal, meeting_id)

    return await _post(request, principal, f"/meetings/{meeting_id}", "meetings.circulated", work)


@router.post("/{meeting_id}/comments", dependencies=[Depends(check_csrf)])
async def comment(request: Request, principal: CurrentPrincipal, meeting_id: RecordId) -> Response:
    def work(session: Any, form: FormData) -> None:
        data = _fields(form, ("item_uid", "body"))
        data["language"] = principal.language
        minutes.add_comment(session, principal, meeting_id, parse(CommentInput, data))

    return await _post(
        request, principal, f"/meetings/{meeting_id}#comments", "meetings.commented", work
    )


@router.post("/{meeting_id}/approve", dependencies=[Depends(check_csrf)])
async def approve(request: Request, principal: CurrentPrincipal, meeting_id: RecordId) -> Response:
    node = node_of(request)

    def work(session: Any, form: FormData) -> None:
        if node.keys is None:
            raise ValidationFailed(
                [FieldProblem("keys", N_("This node has no keys yet: run `mekongx init`."))]
            )
        minutes.approve(session, principal, meeting_id, node.keys.current.sign)

    return await _post(
        request, principal, f"/meetings/{meeting_id}#approvals", "meetings.approved", work
    )


@router.post("/{meeting_id}/actions/{action_id}/status", dependencies=[Depends(check_csrf)])
async def set_status(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId, action_id: RecordId
) -> Response:
    def work(session: Any, form: FormData) -> None:
        meeting_actions.set_status(
            session, principal, action_id, parse(StatusInput, _fields(form, ("status", "reason")))
        )

    return await _post(
        request, principal, f"/meetings/{meeting_id}#action-{action_id}", "meetings.action", work
    )


@router.post("/{meeting_id}/actions/{action_id}/notes", dependencies=[Depends(check_csrf)])
async def add_note(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId, action_id: RecordId
) -> Response:
    def work(session: Any, form: FormData) -> None:
        data = _fields(form, ("noted_on", "body"))
        data["language"] = principal.language
        meeting_actions.add_note(session, principal, action_id, parse(NoteInput, data))

    return await _post(
        request, principal, f"/meetings/{meeting_id}#action-{action_id}", "meetings.action", work
    )


@router.post("/{meeting_id}/actions/{action_id}/evidence", dependencies=[Depends(check_csrf)])
async def add_evidence(request: Request, principal: CurrentPrincipal, meeting_id: RecordId,
                       action_id: RecordId) -> Response:  # fmt: skip
    def work(session: Any, form: FormData) -> None:
        data = _fields(form, ("kind", "record_uid"))
        meeting_actions.add_evidence(session, principal, action_id, parse(EvidenceInput, data))

    return await _post(
        request, principal, f"/meetings/{meeting_id}#action-{action_id}", "meetings.action", work
    )


REPORT_LABELS = {
    "title": N_("Progress report on the resolutions of meeting no. %(number)s"),
    "for_next": N_("For meeting no. %(number)s"),
    "as_of": N_("Situation on %(date)s"),
    "resolution": N_("Resolution %(number)s"),
    "action": N_("Action"),
    "owner": N_("Owner"),
    "deadline": N_("Due by"),
    "status": N_("Status"),
    "done_so_far": N_("What was done"),
    "evidence": N_("Evidence"),
    "none": N_("None."),
    "overdue": N_("overdue"),
    "summary": N_("Actions by status"),
}


@router.get("/{meeting_id}/report")
def report_page(
    request: Request, principal: CurrentPrincipal, meeting_id: RecordId, lang: str = "th"
) -> Response:
    """The progress report on a meeting's resolutions, in one language or Thai beside Chinese."""
    langs = paper.REPORT_CODES.get(lang)  # type: ignore[call-overload]
    if langs is None:
        raise ValidationFailed([FieldProblem("lang", N_("Must be one of: %(expected)s."),
                                             {"expected": ", ".join(paper.REPORT_LANGUAGES)})])  # fmt: skip
    with read_session(node_of(request).db) as session:  # producing the report is audited
        built = meeting_report.progress_report(session, principal, meeting_id)
    columns = []
    for code in langs:
        t = translator(code)
        columns.append(
            {
                "lang": code,
                "html_lang": HTML_LANG[code],
                "labels": {key: t(msgid) for key, msgid in REPORT_LABELS.items()},
                "title": t(REPORT_LABELS["title"], number=built.meeting.number),
                "for_next": t(REPORT_LABELS["for_next"], number=built.meeting.number + 1),
                "as_of": t(REPORT_LABELS["as_of"], date=format_date(built.as_of, code)),
                "date": lambda value, code=code: format_date(value, code),
                "status": {k: t(v) for k, v in STATUS_LABELS.items()},
                "areas": {v.label: t(v.label) for v in kinds().values()},
                "t": t,
            }
        )
    return render(request, "meetings/report.html", built=built, columns=columns, report_lang=lang)


def _agency_names(request: Request) -> dict[str, str]:
    node = node_of(request)
    with node.db.read() as session:
        agency = session.get(Agency, node.settings.node_agency)
        return {} if agency is None else agency.names()


@router.get("/{meeting_id}/report.{extension}")
def report_file(
    request: Request,
    principal: CurrentPrincipal,
    meeting_id: RecordId,
    extension: str,
    lang: str = "th",
) -> Response:
    """The progress report as a PDF (fonts embedded, Thai and Chinese shaped) or a DOCX."""
    if lang not in paper.REPORT_LANGUAGES:
        raise ValidationFailed([FieldProblem("lang", N_("Must be one of: %(expected)s."),
                                             {"expected": ", ".join(paper.REPORT_LANGUAGES)})])  # fmt: skip
    if extension not in paper.FORMATS:
        raise ValidationFailed([FieldProblem("format", N_("Must be one of: %(expected)s."),
                                             {"expected": ", ".join(paper.FORMATS)})])  # fmt: skip
    with read_session(node_of(request).db) as session:  # producing the report is audited
        built = meeting_report.progress_report(session, principal, meeting_id)
    media_type, write = paper.FORMATS[extension]
    data = write(built, lang, _agency_names(request))
    name = (
        f"progress-{built.series.code}-{built.meeting.number}-{lang.replace('+', '_')}.{extension}"
    )
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
