"""Liaison officer pages for requests for information: received, sent, one thread with its
clock in both agencies' time zones, the forms to ask, acknowledge, reply and refuse, response
statistics per counterpart, and the bilateral deadlines (administrators)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can, require
from mekongx.domains.rfi import attachments, clock
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi import threads as rfi_threads
from mekongx.domains.rfi.schemas import (
    AcknowledgeInput,
    AgreementInput,
    RefusalInput,
    ReplyInput,
    RfiInput,
)
from mekongx.errors import ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_, Translator, translator
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/rfi")
NAV = [
    NavItem(25, "/rfi", N_("Requests for information")),
    NavItem(26, "/rfi/stats", N_("RFI response times")),
    NavItem(115, "/rfi/agreements", N_("RFI deadlines"), Permission.MANAGE_AGENCIES),
]

URGENCY = {"urgent": N_("Urgent"), "priority": N_("Priority"), "routine": N_("Routine")}
STATUS = {
    "sent": N_("Sent"),
    "acknowledged": N_("Acknowledged"),
    "answered": N_("Answered"),
    "partially_answered": N_("Partially answered"),
    "refused": N_("Refused"),
    "overdue": N_("Overdue"),
    "escalated": N_("Overdue, escalated"),
}
MESSAGES = {
    "request": N_("Request"),
    "acknowledgement": N_("Acknowledgement"),
    "reminder": N_("Reminder"),
    "reply": N_("Reply"),
    "partial_reply": N_("Partial reply"),
    "refusal": N_("Refusal"),
    "escalation": N_("Escalation notice"),
}
PURPOSE = {
    "information": N_("Information"),
    "asset_tracing": N_("Asset tracing"),
    "freezing": N_("Freezing"),
}
LEGAL_BASIS = {
    "informal": N_("informal, agency to agency (in the spirit of ARIN-AP)"),
    "mla": N_("formal mutual legal assistance"),
    "provisional": N_("urgent provisional measure, the formal request to follow"),
}
TARGET_KIND = {
    "account": N_("account"),
    "person": N_("person"),
    "company": N_("company"),
    "property": N_("property"),
}
_EMPTY: dict[str, Any] = {
    "subject": "",
    "question": "",
    "language": "en",
    "urgency": "routine",
    "requested": [],
    "handling_code": "H0",
    "handling_note": "",
}


def _labels(_: Translator) -> dict[str, Any]:
    return {
        "urgency_labels": {k: _(v) for k, v in URGENCY.items()},
        "status_labels": {k: _(v) for k, v in STATUS.items()},
        "message_labels": {k: _(v) for k, v in MESSAGES.items()},
        "purpose_labels": {k: _(v) for k, v in PURPOSE.items()},
        "basis_labels": {k: _(v) for k, v in LEGAL_BASIS.items()},
        "target_labels": {k: _(v) for k, v in TARGET_KIND.items()},
        **translated(_),
    }


class Clock:
    """A deadline as the page shows it: in the node's zone, then in the zone of each agency of
    the thread where that differs (Bangkok and Beijing for ONCB and NNCC), and the time left."""

    def __init__(
        self, deadline: datetime, zones: list[str], lang: str, _: Translator, now: datetime
    ) -> None:
        unique = list(dict.fromkeys(zones))
        self.times = [
            (clock.local_time(deadline, zone, lang), _(clock.ZONE_PLACES.get(zone, zone)))
            for zone in unique
        ]
        left = clock.remaining(deadline, now)
        self.overdue = left.overdue
        if left.hours >= 48 and left.overdue:
            self.left = _("overdue by %(days)s d %(hours)s h", days=left.days,
                          hours=left.hours % 24)  # fmt: skip
        elif left.hours >= 48:
            self.left = _("%(days)s d %(hours)s h left", days=left.days,
                          hours=left.hours % 24)  # fmt: skip
        elif left.overdue:
            self.left = _("overdue by %(hours)s h %(minutes)s min", hours=left.hours,
                          minutes=left.minutes)  # fmt: skip
        else:
            self.left = _("%(hours)s h %(minutes)s min left", hours=left.hours,
                          minutes=left.minutes)  # fmt: skip


def _clocks(
    request: Request, principal: Principal, rows: list[tuple[tuple[str, str], datetime]]
) -> list[Clock]:
    """One clock per ((requesting agency, requested agency), deadline)."""
    node = node_of(request)
    _ = translator(principal.language)
    with node.db.read() as session:
        countries = {code: country for code, country in session.execute(
            select(Agency.code, Agency.country))}  # fmt: skip
    now = utcnow()
    here = node.settings.timezone
    return [
        Clock(
            deadline,
            [here, *(clock.zone_of_country(countries.get(code, "")) for code in codes)],
            principal.language,
            _,
            now,
        )
        for codes, deadline in rows
    ]


def _list(request: Request, principal: Principal, which: str) -> Response:
    node = node_of(request)
    with node.db.read() as session:
        rows = (
            rfi_threads.inbox(session, principal)
            if which == "inbox"
            else rfi_threads.outbox(session, principal)
        )
    now = utcnow()
    counterpart = [((r.rfi.origin_agency, r.party.agency_code), r.party.deadline) for r in rows]
    return render(
        request,
        "rfi/list.html",
        which=which,
        rows=list(
            zip(
                rows,
                _clocks(request, principal, counterpart),
                [rfi_threads.display_status(r.party, now) for r in rows],
                strict=True,
            )
        ),
        can_ask=can(principal, Permission.RELEASE_RECORDS).allowed,
        **_labels(translator(principal.language)),
    )


@router.get("")
def inbox_page(request: Request, principal: CurrentPrincipal) -> Response:
    return _list(request, principal, "inbox")


@router.get("/sent")
def outbox_page(request: Request, principal: CurrentPrincipal) -> Response:
    return _list(request, principal, "outbox")


@router.get("/stats")
def stats_page(request: Request, principal: CurrentPrincipal) -> Response:
    with node_of(request).db.read() as session:
        rows = rfi_threads.stats(session, principal)
    return render(request, "rfi/stats.html", rows=rows, **_labels(translator(principal.language)))


def _form(
    request: Request,
    principal: Principal,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    node = node_of(request)
    with node.db.read() as session:
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
        terms = {
            (a.code, u): rfi.terms(session, a.code, u)[0] for a in peers for u in clock.URGENCIES
        }
    return render(
        request,
        "rfi/form.html",
        status=status,
        form=form,
        fields=fields,
        peers=peers,
        terms=terms,
        **_labels(translator(principal.language)),
    )


@router.get("/new")
def new_form(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.RELEASE_RECORDS)
    return _form(request, principal, dict(_EMPTY, language=principal.language), [])


def _problems(principal: Principal, error: ValidationFailed) -> list[tuple[str, str]]:
    _ = translator(principal.language)
    return [(f.field, _(f.message, **f.params)) for f in error.fields]


@router.post("/new", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        k: str(form[k]) for k in _EMPTY if k != "requested" and form.get(k) is not None
    }
    data["requested"] = [str(v) for v in form.getlist("requested")]
    try:
        with node_of(request).db.write() as session:
            created = rfi.create_rfi(session, principal, parse(RfiInput, data))
            rfi_id = created.id
    except ValidationFailed as error:
        return _form(request, principal, dict(_EMPTY, **data), _problems(principal, error), 422)
    return flash.redirect(f"/rfi/{rfi_id}", "rfi.sent")


def _thread_page(
    request: Request,
    principal: Principal,
    rfi_id: int,
    fields: list[tuple[str, str]] | None = None,
    form: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    with read_session(node_of(request).db) as session:  # the read is audited, so this is a write
        thread = rfi_threads.read_thread(session, principal, rfi_id, why="opened in the web UI")
    now = utcnow()
    incoming = thread.rfi.origin_agency != principal.agency
    counterpart = [((thread.rfi.origin_agency, p.agency_code), p.deadline) for p in thread.parties]
    own = next((p for p in thread.parties if p.agency_code == principal.agency), None)
    may_answer = incoming and own is not None and can(principal, Permission.RELEASE_RECORDS).allowed
    return render(
        request,
        "rfi/thread.html",
        status=status,
        thread=thread,
        parties=list(zip(thread.parties, _clocks(request, principal, counterpart), strict=True)),
        party_status={p.agency_code: rfi_threads.display_status(p, now) for p in thread.parties},
        may_acknowledge=may_answer and own is not None and own.status == "sent",
        may_reply=may_answer and own is not None and own.status in rfi.OPEN,
        fields=fields or [],
        form=form or {},
        **_labels(translator(principal.language)),
    )


@router.get("/agreements")
def agreements_page(request: Request, principal: CurrentPrincipal) -> Response:
    return _agreements(request, principal, [], {})


def _agreements(
    request: Request,
    principal: Principal,
    fields: list[tuple[str, str]],
    form: dict[str, Any],
    status: int = 200,
) -> Response:
    require(principal, Permission.MANAGE_AGENCIES)
    with node_of(request).db.read() as session:
        rows = rfi.agreements(session, principal)
        peers = list(session.scalars(select(Agency).where(Agency.is_own.is_(False))))
    return render(
        request,
        "rfi/agreements.html",
        status=status,
        rows=rows,
        peers=sorted(peers, key=lambda a: a.code),
        defaults=clock.DEFAULT_HOURS,
        fields=fields,
        form=form,
        **_labels(translator(principal.language)),
    )


@router.post("/agreements", dependencies=[Depends(check_csrf)])
async def set_agreement(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    names = ("agency", "urgency", "hours", "reminder_percent", "note")
    data: dict[str, Any] = {k: str(form.get(k, "")) for k in names}
    try:
        with node_of(request).db.write() as session:
            rfi.set_agreement(session, principal, parse(AgreementInput, data))
    except ValidationFailed as error:
        return _agreements(request, principal, _problems(principal, error), data, 422)
    return flash.redirect("/rfi/agreements", "saved")


@router.get("/{rfi_id}")
def thread_page(request: Request, principal: CurrentPrincipal, rfi_id: RecordId) -> Response:
    return _thread_page(request, principal, rfi_id)


@router.get("/{rfi_id}/attachments/{uid}")
def attachment(
    request: Request, principal: CurrentPrincipal, rfi_id: RecordId, uid: str
) -> Response:
    """One attached file, served as a download (never rendered inline), its read audited."""
    with read_session(node_of(request).db) as session:
        found = attachments.read(
            session, principal, rfi_id, uid[:36], why="downloaded in the web UI"
        )
        content, media_type, name = found.content, found.media_type, found.filename
    quoted = quote(name)
    return Response(content, media_type=media_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quoted}",
        "X-Content-Type-Options": "nosniff",
    })  # fmt: skip


@router.post("/{rfi_id}/acknowledge", dependencies=[Depends(check_csrf)])
async def acknowledge(request: Request, principal: CurrentPrincipal, rfi_id: RecordId) -> Response:
    form = await request.form()
    data = {"note": str(form.get("note", "")), "language": str(form.get("language", "en"))}
    try:
        with node_of(request).db.write() as session:
            rfi.acknowledge(session, principal, rfi_id, parse(AcknowledgeInput, data))
    except ValidationFailed as error:
        return _thread_page(request, principal, rfi_id, _problems(principal, error), data, 422)
    return flash.redirect(f"/rfi/{rfi_id}", "rfi.acknowledged")


@router.post("/{rfi_id}/reply", dependencies=[Depends(check_csrf)])
async def reply(request: Request, principal: CurrentPrincipal, rfi_id: RecordId) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        "body": str(form.get("body", "")),
        "language": str(form.get("language", "")),
        "partial": form.get("partial") == "on",
    }
    try:
        files = [
            attachments.File(item.filename, await item.read(attachments.MAX_BYTES + 1))
            for item in form.getlist("attachments")
            if isinstance(item, UploadFile) and item.filename
        ]
    finally:
        await form.close()
    try:
        with node_of(request).db.write() as session:
            rfi.reply(session, principal, rfi_id, parse(ReplyInput, data), files=files)
    except ValidationFailed as error:
        kept = {"body": data["body"], "language": data["language"]}
        return _thread_page(request, principal, rfi_id, _problems(principal, error), kept, 422)
    return flash.redirect(f"/rfi/{rfi_id}", "rfi.answered")


@router.post("/{rfi_id}/refuse", dependencies=[Depends(check_csrf)])
async def refuse(request: Request, principal: CurrentPrincipal, rfi_id: RecordId) -> Response:
    form = await request.form()
    data = {"reason": str(form.get("reason", "")), "language": str(form.get("language", ""))}
    try:
        with node_of(request).db.write() as session:
            rfi.refuse(session, principal, rfi_id, parse(RefusalInput, data))
    except ValidationFailed as error:
        return _thread_page(request, principal, rfi_id, _problems(principal, error), data, 422)
    return flash.redirect(f"/rfi/{rfi_id}", "rfi.refused")
