"""Wanted-person notices and screening: list, read, draft, edit, review, publish, withdraw,
photo; screening of one name or a file, results with explanations, the hit review queue."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import cache, partial
from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx import uploads
from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can, require
from mekongx.domains.fugitives import screening
from mekongx.domains.fugitives import service as notices
from mekongx.domains.fugitives.models import Notice, note_in
from mekongx.domains.fugitives.photos import MAX_PHOTO_BYTES
from mekongx.domains.fugitives.schemas import HitDecision, NoticeInput, ScreenQuery
from mekongx.domains.fugitives.tabular import read_people
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import LANGUAGES, N_, countries, translator
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/fugitives")
NAV = [NavItem(30, "/fugitives", N_("Wanted persons"))]

NAME_ROWS, DOCUMENT_ROWS = 6, 3
STATUS_LABELS = {
    "draft": N_("Draft"),
    "reviewed": N_("Reviewed"),
    "published": N_("Published"),
    "withdrawn": N_("Withdrawn"),
}
SEX_LABELS = {"": N_("Unknown"), "M": N_("Male"), "F": N_("Female")}
DOCUMENT_LABELS = {
    "passport": N_("Passport"),
    "national_id": N_("National identity card"),
    "border_pass": N_("Border pass"),
    "other": N_("Other document"),
}
NAME_KINDS = {"primary": N_("Name"), "alias": N_("Alias")}
DECISION_LABELS = {"match": N_("Probable match"), "review": N_("Possible match")}
SOURCE_LABELS = {
    "single": N_("One name, typed in"),
    "file": N_("A file"),
    "api": N_("Through the API"),
}
HIT_LABELS = {"open": N_("Open"), "confirmed": N_("Confirmed"), "rejected": N_("Rejected")}
_TEXT = (
    "sex", "birth_date", "nationality", "warrant_reference", "warrant_authority", "warrant_date",
    "charges", "legal_provisions", "remarks", "language", "handling_code", "handling_note",
    "distribution",
)  # fmt: skip


def _partial_date(lang: str) -> Any:
    """Full dates go through the page's ``fmt``; a year (or year and month) alone is shown in the
    Buddhist Era for Thai readers and as 1978年(5月) for Chinese readers."""

    def show(value: str) -> str | date:
        if len(value) == 10:
            return date.fromisoformat(value)
        if not value:
            return "—"
        year, _, month = value.partition("-")
        if lang == "th":
            return f"{month + '/' if month else ''}{int(year) + 543}"
        if lang == "zh":
            return f"{year}年{str(int(month)) + '月' if month else ''}"
        return value

    return show


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {
        "pdate": _partial_date(principal.language),
        "status_labels": {k: _(v) for k, v in STATUS_LABELS.items()},
        "sex_labels": {k: _(v) for k, v in SEX_LABELS.items()},
        "document_labels": {k: _(v) for k, v in DOCUMENT_LABELS.items()},
        "name_kinds": {k: _(v) for k, v in NAME_KINDS.items()},
        "decision_labels": {k: _(v) for k, v in DECISION_LABELS.items()},
        "hit_labels": {k: _(v) for k, v in HIT_LABELS.items()},
        "source_of": {k: _(v) for k, v in SOURCE_LABELS.items()},
        "country_names": countries.names(principal.language),
        **translated(_),
    }


def _problems(principal: Principal, error: ValidationFailed) -> list[tuple[str, str]]:
    _ = translator(principal.language)
    return [(f.field, _(f.message, **f.params)) for f in error.fields]


def _empty_form(principal: Principal) -> dict[str, Any]:
    form: dict[str, Any] = dict.fromkeys(_TEXT, "")
    form.update(language=principal.language, handling_code="H0", distribution="own")
    form["names"] = [
        {"name": "", "kind": "primary" if i == 0 else "alias"} for i in range(NAME_ROWS)
    ]
    form["documents"] = [{"type": "passport", "number": "", "country": ""}] * DOCUMENT_ROWS
    form["recipients"], form["sharing_group"] = [], ""
    return form


def _pad(form: dict[str, Any]) -> dict[str, Any]:
    names = list(form["names"]) + [{"name": "", "kind": "alias"}] * NAME_ROWS
    documents = (
        list(form["documents"])
        + [{"type": "passport", "number": "", "country": ""}] * DOCUMENT_ROWS
    )
    return {**form, "names": names[:NAME_ROWS], "documents": documents[:DOCUMENT_ROWS]}


async def _form_data(request: Request) -> dict[str, Any]:
    form = await request.form()
    data: dict[str, Any] = {k: str(form.get(k, "")) for k in _TEXT}
    data["names"] = [
        {"name": str(form.get(f"name_{i}", "")), "kind": str(form.get(f"kind_{i}", "alias"))}
        for i in range(NAME_ROWS)
        if str(form.get(f"name_{i}", "")).strip()
    ]
    data["documents"] = [
        {
            "type": str(form.get(f"doc_type_{i}", "passport")),
            "number": str(form.get(f"doc_number_{i}", "")),
            "country": str(form.get(f"doc_country_{i}", "")),
        }
        for i in range(DOCUMENT_ROWS)
        if str(form.get(f"doc_number_{i}", "")).strip()
    ]
    data["recipients"] = [str(v) for v in form.getlist("recipients")]
    data["sharing_group"] = str(form.get("sharing_group", "")) or None
    version = str(form.get("expected_version", ""))
    if version.isdigit():
        data["expected_version"] = int(version)
    return data


def _form_page(
    request: Request,
    principal: Principal,
    notice: Any,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    with node_of(request).db.read() as session:
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return render(request, "fugitives/form.html", status=status, notice=notice, form=_pad(form),
                  fields=fields, peers=peers, groups=groups, **_labels(principal))  # fmt: skip


# what the list shows of a notice: read as plain rows, not whole notices
_LIST_COLUMNS = (Notice.id, Notice.names, Notice.warrant_reference, Notice.status,
                 Notice.origin_agency, Notice.received, Notice.handling_code)  # fmt: skip


@router.get("")
def list_page(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
              status: str = "", after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    status = status if status in STATUS_LABELS else ""
    with node_of(request).db.read() as session:
        result = page_from(partial(notices.list_notices, session, principal, status=status,
                                   columns=_LIST_COLUMNS), page, after, before)  # fmt: skip
        rows = [(n, names[0]["name"] if names else "", ", ".join(m["name"] for m in names[1:]))
                for n in result.items for names in (notices.names_of(n),)]  # fmt: skip
        open_hits = screening.count_open(session, principal)
    return render(request, "fugitives/list.html", page=result, rows=rows, state=status,
                  open_hits=open_hits, can_write=can(principal, Permission.WRITE_RECORDS).allowed,
                  **_labels(principal))  # fmt: skip


@router.get("/new")
def new_form(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    return _form_page(request, principal, None, _empty_form(principal), [])


@router.post("/new", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    data = await _form_data(request)
    try:
        with node_of(request).db.write() as session:
            notice_id = notices.create_notice(session, principal, parse(NoticeInput, data)).id
    except ValidationFailed as error:
        form = {**_empty_form(principal), **{k: v for k, v in data.items() if v is not None}}
        return _form_page(request, principal, None, form, _problems(principal, error), 422)
    return flash.redirect(f"/fugitives/notices/{notice_id}", "notice.saved")


@router.get("/notices/{notice_id}")
def detail(request: Request, principal: CurrentPrincipal, notice_id: RecordId) -> Response:
    with read_session(node_of(request).db) as session:  # the read is audited
        notice = notices.read_notice(session, principal, notice_id)
        recipients = notices.recipients_of(session, notice)
        alerts = screening.alerts_for(session, principal, notice)
        second_person = notices.may_approve(session, principal, notice)
    own = not notice.received and notice.origin_agency == principal.agency
    write = can(principal, Permission.WRITE_RECORDS).allowed and own
    release = can(principal, Permission.RELEASE_RECORDS).allowed and own
    actions = {
        "edit": write and notice.status in ("draft", "reviewed"),
        "review": write and notice.status == "draft" and second_person,
        "publish": release and notice.status == "reviewed" and second_person,
        "withdraw": release and notice.status in ("draft", "reviewed", "published"),
    }
    return render(request, "fugitives/detail.html", notice=notice, names=notices.names_of(notice),
                  documents=notices.documents_of(notice), recipients=recipients, alerts=alerts,
                  actions=actions, own=own, max_photo_mb=MAX_PHOTO_BYTES // (1024 * 1024),
                  **_labels(principal))  # fmt: skip


@router.get("/notices/{notice_id}/edit")
def edit_form(request: Request, principal: CurrentPrincipal, notice_id: RecordId) -> Response:
    with node_of(request).db.read() as session:
        notice = notices.load(session, principal, notice_id, "write")
        form: dict[str, Any] = {k: getattr(notice, k) for k in _TEXT}
        form["names"], form["documents"] = notices.names_of(notice), notices.documents_of(notice)
        form["recipients"] = notices.recipients_of(session, notice)
        form["sharing_group"] = notice.sharing_group or ""
        ref = {"id": notice.id, "version": notice.version}
    return _form_page(request, principal, ref, form, [])


@router.post("/notices/{notice_id}/edit", dependencies=[Depends(check_csrf)])
async def update(request: Request, principal: CurrentPrincipal, notice_id: RecordId) -> Response:
    data = await _form_data(request)
    try:
        with node_of(request).db.write() as session:
            notices.update_notice(session, principal, notice_id, parse(NoticeInput, data))
    except ValidationFailed as error:
        form = {**_empty_form(principal), **{k: v for k, v in data.items() if v is not None}}
        ref = {"id": notice_id, "version": data.get("expected_version")}
        return _form_page(request, principal, ref, form, _problems(principal, error), 422)
    return flash.redirect(f"/fugitives/notices/{notice_id}", "notice.saved")


async def _transition(
    request: Request, principal: Principal, notice_id: int, action: str
) -> Response:
    form = await request.form()
    try:
        with node_of(request).db.write() as session:
            notices.transition(session, principal, notice_id, action, str(form.get("reason", "")))
    except ValidationFailed as error:
        message = "; ".join(m for _, m in _problems(principal, error))
        return render(request, "error.html", status=422, message=message, fields=[])
    return flash.redirect(f"/fugitives/notices/{notice_id}", f"notice.{action}")


@router.post("/notices/{notice_id}/review", dependencies=[Depends(check_csrf)])
async def review(request: Request, principal: CurrentPrincipal, notice_id: RecordId) -> Response:
    """A second person checks the draft."""
    return await _transition(request, principal, notice_id, "review")


@router.post("/notices/{notice_id}/publish", dependencies=[Depends(check_csrf)])
async def publish(request: Request, principal: CurrentPrincipal, notice_id: RecordId) -> Response:
    """The liaison officer publishes a reviewed notice (and sends it to its distribution)."""
    return await _transition(request, principal, notice_id, "publish")


@router.post("/notices/{notice_id}/withdraw", dependencies=[Depends(check_csrf)])
async def withdraw(request: Request, principal: CurrentPrincipal, notice_id: RecordId) -> Response:
    """Withdraw the notice here and at every agency that received it."""
    return await _transition(request, principal, notice_id, "withdraw")


@router.post("/notices/{notice_id}/photo", dependencies=[Depends(check_csrf)])
async def upload_photo(
    request: Request, principal: CurrentPrincipal, notice_id: RecordId
) -> Response:
    form = await request.form()
    upload = form.get("photo")
    try:
        content = b""
        if isinstance(upload, UploadFile):
            content = await upload.read(MAX_PHOTO_BYTES + 1)
            await upload.close()
        with node_of(request).db.write() as session:
            notices.set_photo(session, principal, notice_id, content)
    except ValidationFailed as error:
        message = "; ".join(m for _, m in _problems(principal, error))
        return render(request, "error.html", status=422, message=message, fields=[])
    return flash.redirect(f"/fugitives/notices/{notice_id}", "notice.photo")


@router.get("/notices/{notice_id}/photo")
def photo(request: Request, principal: CurrentPrincipal, notice_id: RecordId) -> Response:
    """The photo, only for users who may read the notice; never cached by shared caches."""
    with node_of(request).db.read() as session:
        found = notices.get_photo(session, principal, notice_id)
        content, media = found.content, found.media_type
    return Response(content, media_type=media, headers={"Cache-Control": "private, no-store",
                                                       "X-Content-Type-Options": "nosniff"})  # fmt: skip


# ---------------------------------------------------------------- screening
def _screen_page(
    request: Request,
    principal: Principal,
    fields: list[tuple[str, str]] | None = None,
    form: dict[str, str] | None = None,
    page: int = 1,
    after: str = "",
    before: str = "",
) -> Response:
    with node_of(request).db.read() as session:
        listed = page_from(partial(screening.list_runs, session, principal), page, after, before)
    return render(request, "fugitives/screen.html", status=422 if fields else 200, runs=listed.items, listed=listed,
                  fields=fields or [], form=form or {}, max_mb=uploads.max_mb(uploads.limits(node_of(request).settings)),
                  **_labels(principal))  # fmt: skip


@router.get("/screen")
def screen_form(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
                after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    require(principal, Permission.READ_RECORDS)
    return _screen_page(request, principal, page=page, after=after, before=before)


@router.post("/screen", dependencies=[Depends(check_csrf)])
async def screen_one(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = {
        k: str(form.get(k, "")) for k in ("name", "birth_date", "nationality", "document_number")
    }
    try:
        query = parse(ScreenQuery, data)
        with node_of(request).db.write() as session:
            run_id = screening.screen_now(session, principal, [query], "single")[0].id
    except ValidationFailed as error:
        return _screen_page(request, principal, _problems(principal, error), data)
    return RedirectResponse(f"/fugitives/screenings/{run_id}", status_code=303)


def _bounded(request: Request) -> None:
    bounds = uploads.limits(node_of(request).settings)
    uploads.check_declared_size(request.headers.get("content-length"), bounds)


@router.post("/screen/file", dependencies=[Depends(_bounded), Depends(check_csrf)])
async def screen_file(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    upload = form.get("file")
    node = node_of(request)
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file to screen."))])
        bounds = uploads.limits(node.settings)
        data = await upload.read(uploads.max_bytes(bounds) + 1)
        await upload.close()
        people = await run_in_threadpool(
            read_people, upload.filename, data, principal.language, bounds
        )
        with node.db.write() as session:
            run_id = screening.start_file(session, principal, upload.filename, people).id
    except ValidationFailed as error:
        return _screen_page(request, principal, _problems(principal, error))

    return RedirectResponse(
        f"/fugitives/screenings/{run_id}",
        status_code=303,
        background=BackgroundTask(_work, node, principal, run_id),
    )


def _work(node: Any, principal: Principal, run_id: int) -> None:
    """After the response: screen the run chunk by chunk, each chunk committed. Two workers on
    one run (a resumed run) share the work: each chunk is claimed under the run's row lock."""
    finished = False
    while not finished:
        with node.db.write() as session:
            finished = screening.process_chunk(session, principal, run_id)


@router.post("/screenings/{run_id}/resume", dependencies=[Depends(check_csrf)])
def resume(request: Request, principal: CurrentPrincipal, run_id: RecordId) -> Response:
    """Continue a file run whose worker stopped (the node was restarted mid-file)."""
    node = node_of(request)
    with node.db.read() as session:
        run = screening.get_run(session, principal, run_id)
    task = BackgroundTask(_work, node, principal, run.id) if run.status == "running" else None
    return RedirectResponse(f"/fugitives/screenings/{run_id}", status_code=303, background=task)


def _run_context(request: Request, principal: Principal, run_id: int) -> dict[str, Any]:
    with node_of(request).db.read() as session:
        run = screening.get_run(session, principal, run_id)
        hits = screening.hits_of(session, principal, run.id)
    return {
        "run": run,
        **_hit_rows(hits, principal.language),
        "can_decide": can(principal, Permission.WRITE_RECORDS).allowed,
    }


def _hit_rows(hits: Sequence[Any], lang: str) -> dict[str, Any]:
    """The context of ``_hit.html``'s ``hit_rows``: (hit, its explanation in ``lang``) and the
    decision form's label of the note's translation into each language (built once a page)."""
    return {
        "rows": [(h, screening.explain(_reasons(h.reasons), lang)) for h in hits],
        "note_in_labels": _note_in_labels(lang),
    }


NOTE_IN = N_("The note in %(language)s, for the agency that issued the notice (optional)")


@cache
def _note_in_labels(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {code: _(NOTE_IN, language=name) for code, name in LANGUAGES.items()}


def _reasons(raw: str) -> list[dict[str, Any]]:
    if not raw or raw == "[]":
        return []
    found: list[dict[str, Any]] = json.loads(raw)
    return found


@router.get("/screenings/{run_id}")
def run_page(request: Request, principal: CurrentPrincipal, run_id: RecordId) -> Response:
    return render(
        request,
        "fugitives/run.html",
        **_run_context(request, principal, run_id),
        **_labels(principal),
    )


@router.get("/screenings/{run_id}/progress")
def run_progress(request: Request, principal: CurrentPrincipal, run_id: RecordId) -> Response:
    """The part of the results page that htmx polls while a file is being screened."""
    return render(
        request,
        "fugitives/_run_body.html",
        **_run_context(request, principal, run_id),
        **_labels(principal),
    )


@router.post("/hits/{hit_id}/decide", dependencies=[Depends(check_csrf)])
async def decide(request: Request, principal: CurrentPrincipal, hit_id: RecordId) -> Response:
    form = await request.form()
    data = {"verdict": str(form.get("verdict", "")), "note": str(form.get("note", "")),
            "note_translation": str(form.get("note_translation", ""))}  # fmt: skip
    back = str(form.get("back", ""))
    try:
        with node_of(request).db.write() as session:
            hit = screening.decide(session, principal, hit_id, parse(HitDecision, data))
            run_id = hit.screening_id
    except ValidationFailed as error:
        message = "; ".join(m for _, m in _problems(principal, error))
        return render(request, "error.html", status=422, message=message, fields=[])
    target = "/fugitives/hits" if back == "queue" else f"/fugitives/screenings/{run_id}"
    return flash.redirect(target, "hit.decided")


# The officer works the queue from the top (most probable first) and every decision brings
# the page back; 25 decision forms are more than a screen holds, and the rest is a page away.
# 50 hits and 50 alerts made each decision's page cost twice the rows' rendering.
QUEUE_PAGE = 25


@router.get("/hits")
def hit_queue(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
              alerts_page: PageNumber = 1, after: Cursor = "", alerts_after: Cursor = "",
              before: Cursor = "", alerts_before: Cursor = "") -> Response:  # fmt: skip
    """Hits waiting for an officer's decision, and confirmed hits on our own notices: a page
    of each (``page``, ``after`` and ``before``; ``alerts_page``, ``alerts_after`` and
    ``alerts_before``: ``web.paging``), ``QUEUE_PAGE`` rows."""
    with node_of(request).db.read() as session:
        hits = page_from(partial(screening.open_hits, session, principal, per_page=QUEUE_PAGE),
                         page, after, before)  # fmt: skip
        alerts = page_from(partial(screening.alerts, session, principal, per_page=QUEUE_PAGE),
                           alerts_page, alerts_after, alerts_before)  # fmt: skip
    lang = principal.language
    alert_rows = [(a, *note_in(a.note, a.note_language, a.note_translations, lang)) for a in alerts.items]  # fmt: skip
    return render(request, "fugitives/hits.html", **_hit_rows(hits.items, lang), hits=hits, alerts=alerts,
                  alert_rows=alert_rows, can_decide=can(principal, Permission.WRITE_RECORDS).allowed,
                  **_labels(principal))  # fmt: skip
