"""Financial investigation pages: cases, imports, alerts and their review, tracing, assets."""

from __future__ import annotations

import datetime as dt
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can, require
from mekongx.domains.finance import assets as finance_assets
from mekongx.domains.finance import mappings as finance_mappings
from mekongx.domains.finance import requests as finance_requests
from mekongx.domains.finance import schedule as finance_schedule
from mekongx.domains.finance import service as finance
from mekongx.domains.finance import subjects as finance_subjects
from mekongx.domains.finance.schemas import (
    AssetInput,
    CaseInput,
    MappingInput,
    ReviewInput,
    SubjectInput,
    TransitionInput,
)
from mekongx.domains.rfi import threads as rfi_threads
from mekongx.errors import Conflict, FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, translator
from mekongx.model.base import utcnow
from mekongx.moneyflow.model import FIELDS
from mekongx.validation import parse
from mekongx.web import charts, flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.pages.finance_requests import PURPOSES
from mekongx.web.pages.rfi import STATUS as RFI_STATUS
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/finance")
NAV = [NavItem(55, "/finance", N_("Financial investigations"))]
flash.register(
    {
        "finance.case.created": N_("Case created."),
        "finance.detected": N_("Detection finished."),
        "finance.reviewed": N_("Judgement saved."),
        "finance.asset": N_("Asset recorded."),
    }
)
MAX_UPLOAD = 512 * 1024 * 1024
LEDGER_ROWS = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPOLOGY_LABELS = {
    "fan_out": N_("fan-out to new accounts"),
    "fan_in": N_("fan-in from new accounts"),
    "cycle": N_("money returning in a cycle"),
    "scatter_gather": N_("scatter-gather through intermediaries"),
    "gather_scatter": N_("gather-scatter through a hub"),
    "bipartite": N_("group of senders paying a group of receivers"),
    "stack": N_("layering (stack or chain)"),
    "structuring": N_("structuring below a reporting threshold"),
    "rapid_pass_through": N_("rapid pass-through"),
    "cash_courier": N_("cross-border cash courier"),
}
# What each detector looked for, in the user's language; the engine's own explanation (figures
# and score parts, English) stays beside it in a detail for experts (docs/moneyflow.md).
TYPOLOGY_EXPLAINED = {
    "fan_out": N_(
        "A burst of payments to accounts it had never dealt with, in amounts that agree; mostly one-off relationships."
    ),
    "fan_in": N_(
        "A burst of payments from accounts it had never dealt with, in amounts that agree; mostly one-off relationships."
    ),
    "cycle": N_("Money that returns to where it started through three or more accounts."),
    "scatter_gather": N_(
        "One account pays three or more new intermediaries who each pass most of it on to the same account within three days."
    ),
    "gather_scatter": N_(
        "Three or more new senders pay one account, which passes most of the total on to three or more new receivers."
    ),
    "bipartite": N_("A group of senders who all newly pay the same group of receivers."),
    "stack": N_(
        "Money layered through new counterparties, account to account, in chains of three or more steps."
    ),
    "structuring": N_("Cash amounts just below a reporting threshold, on several days."),
    "rapid_pass_through": N_(
        "Money passed on within 24 hours, the account keeping at most a fifth of it."
    ),
    "cash_courier": N_(
        "Cash withdrawn in one country and most of it deposited in another within three days, again and again."
    ),
}
METHOD_LABELS = {
    "fifo": N_("first in, first out (Clayton's Case)"),
    "lifo": N_("last in, first out"),
    "libr": N_("lowest intermediate balance rule"),
    "pro_rata": N_("pro rata (rolling charge)"),
    "poison": N_("poison (upper bound)"),
}


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {
        "typology_labels": {k: _(v) for k, v in TYPOLOGY_LABELS.items()},
        "typology_explained": {k: _(v) for k, v in TYPOLOGY_EXPLAINED.items()},
        "method_labels": {k: _(v) for k, v in METHOD_LABELS.items()},
        "state_labels": {k: _(v) for k, v in finance_assets.STATE_LABELS.items()},
        "kind_labels": {k: _(v) for k, v in finance_assets.KIND_LABELS.items()},
        "subject_roles": {k: _(v) for k, v in finance_subjects.ROLES.items()},
        "purpose_labels": {k: _(v) for k, v in PURPOSES.items()},
        "request_status": {k: _(v) for k, v in RFI_STATUS.items()},
        **translated(_),
    }


def _problem_page(
    request: Request, principal: Principal, error: ValidationFailed | Conflict, back: str
) -> Response:
    _ = translator(principal.language)
    if isinstance(error, ValidationFailed):
        message = "; ".join(m for _f, m in field_messages(_.lang, error.fields))
    else:
        message = _(error.message, **error.params)
    return render(request, "finance/problem.html", status=422 if isinstance(error, ValidationFailed) else 409,
                  message=message, back=back)  # fmt: skip


@router.get("")
def list_page(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
              after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    with node_of(request).db.read() as session:
        listed = page_from(partial(finance.list_cases, session, principal), page, after, before)
        expiring = finance_assets.expiring(session, principal)
    return render(request, "finance/list.html", cases=listed.items, listed=listed, expiring=expiring,
                  can_write=can(principal, Permission.WRITE_RECORDS).allowed, fields=[], form={},
                  **_labels(principal))  # fmt: skip


@router.post("", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        "title": str(form.get("title", "")),
        "summary": str(form.get("summary", "")),
        "language": principal.language,
        "base_currency": str(form.get("base_currency", "THB")).upper(),
        "handling_code": "H3",
        "handling_note": str(form.get("handling_note", "")) or "Financial data: own agency only.",
        "distribution": "own",
        "recipients": [],
        "sharing_group": None,
    }
    node = node_of(request)
    try:
        with node.db.write() as session:
            case = finance.create_case(session, principal, parse(CaseInput, data))
            case_id = case.id
    except ValidationFailed as error:
        with node.db.read() as session:
            listed = finance.list_cases(session, principal)
        _ = translator(principal.language)
        return render(request, "finance/list.html", status=422, cases=listed.items, listed=listed,
                      expiring=[], can_write=True,
                      fields=field_messages(_.lang, error.fields), form=data, **_labels(principal))  # fmt: skip
    return flash.redirect(f"/finance/{case_id}", "finance.case.created")


@router.get("/{case_id:int}")  # only a number: /finance/sharing is another page
def case_page(request: Request, principal: CurrentPrincipal, case_id: RecordId) -> Response:
    with read_session(node_of(request).db) as session:  # the read is audited
        case = finance.read_case(session, principal, case_id, why="opened in the web UI")
        figures = finance.figures(session, case)
        imports = finance.imports(session, case)
        alerts = finance.alerts_of(session, case)
        accounts = {a for alert in alerts if alert.status == "open" for a in alert.accounts.split()}
        judged = finance.earlier_judgements(session, case, sorted(accounts))
        assets = [
            (asset, finance_assets.history(session, asset))
            for asset in finance_assets.assets_of(session, case)
        ]
        asked = finance_requests.of_case(session, principal, case)
        subjects = finance_subjects.subjects_of(session, principal, case)
        saved_mappings = finance_mappings.mappings(session, principal)
    now = utcnow()
    own = case.origin_agency == principal.agency and not case.received
    return render(request, "finance/case.html", case=case, figures=figures, imports=imports, alerts=alerts,
                  judged=judged, assets=assets, next_states=finance_assets.NEXT,
                  requests=[(r, rfi_threads.display_status(r.party, now)) for r in asked],
                  explain=lambda alert: finance.explanation(alert, principal.language),
                  subjects=subjects, mappings=saved_mappings, fields=FIELDS,
                  can_ask=own and can(principal, Permission.RELEASE_RECORDS).allowed,
                  can_write=own and can(principal, Permission.WRITE_RECORDS).allowed, **_labels(principal))  # fmt: skip


@router.post("/{case_id}/import", dependencies=[Depends(check_csrf)])
async def import_file(request: Request, principal: CurrentPrincipal, case_id: RecordId) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    node = node_of(request)
    form = await request.form()
    upload = form.get("file")
    back = f"/finance/{case_id}"
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file."))])
        chosen = str(form.get("mapping", ""))
        with node.db.read() as session:
            case = finance.read_case_for_import(session, principal, case_id)
            columns = (
                finance_mappings.engine_mapping(session, int(chosen)) if chosen.isdigit() else None
            )
        with tempfile.TemporaryDirectory(prefix="mekongx-finance-") as work:
            path = Path(work) / "upload"
            size = 0
            with path.open("wb") as out:
                while chunk := await upload.read(1 << 20):
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
            timezone = str(form.get("timezone", "")) or None
            dataset = await run_in_threadpool(finance.read_file, path, Path(work) / "read", base_currency=case.base_currency,
                                              lang=principal.language, timezone=timezone, mapping=columns)  # fmt: skip
            digest = await run_in_threadpool(finance.sha256_of, path)
            with node.db.write() as session:
                batch = finance.add_transactions(
                    session, principal, case_id, dataset, upload.filename, digest
                )
                added, duplicates = batch.added, batch.duplicates
        lines = finance.rejection_lines(dataset, principal.language)
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, back)
    return render(request, "finance/imported.html", case_id=case_id, added=added, duplicates=duplicates,
                  rejected=lines, **_labels(principal))  # fmt: skip


@router.post("/{case_id}/detect", dependencies=[Depends(check_csrf)])
async def detect(request: Request, principal: CurrentPrincipal, case_id: RecordId) -> Response:
    node = node_of(request)

    def work() -> None:
        with node.db.write() as session:
            finance.run_detection(session, principal, case_id)

    try:
        await run_in_threadpool(work)
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, f"/finance/{case_id}")
    return flash.redirect(f"/finance/{case_id}#alerts", "finance.detected")


@router.post("/alerts/{alert_id}/review", dependencies=[Depends(check_csrf)])
async def review(request: Request, principal: CurrentPrincipal, alert_id: RecordId) -> Response:
    form = await request.form()
    data = {"decision": str(form.get("decision", "")), "reason": str(form.get("reason", ""))}
    case_id = str(form.get("case_id", ""))
    back = f"/finance/{case_id}" if case_id.isdigit() else "/finance"
    try:
        with node_of(request).db.write() as session:
            alert = finance.review_alert(session, principal, alert_id, parse(ReviewInput, data))
            back = f"/finance/{alert.case_id}"
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, back)
    return flash.redirect(f"{back}#alerts", "finance.reviewed")


@router.get("/{case_id}/trace")
async def trace_page(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, account: str = "", transaction: str = "",
    direction: str = "forward", method: str = "fifo",
) -> Response:  # fmt: skip
    node = node_of(request)
    results: dict[str, Any] = {}
    problem = ""
    if account or transaction:

        def work() -> dict[str, Any]:
            with read_session(node.db) as session:
                return dict(finance.trace_case(session, principal, case_id, account=account[:200] or None,
                                               transaction=transaction[:120] or None,
                                               direction="backward" if direction == "backward" else "forward"))  # fmt: skip

        try:
            results = await run_in_threadpool(work)
        except (ValidationFailed, Conflict) as error:
            _ = translator(principal.language)
            if isinstance(error, ValidationFailed):
                problem = "; ".join(m for _f, m in field_messages(_.lang, error.fields))
            else:
                problem = _(error.message, **error.params)
    with node.db.read() as session:
        case = finance.read_case_for_view(session, principal, case_id)
    accounts = sorted({a for r in results.values() for a in r.accounts})
    chosen = results.get(method) or next(iter(results.values()), None)
    chart = ledger = None
    if chosen is not None:
        ledger = chosen.ledger[:LEDGER_ROWS]
        wanted = "in" if chosen.direction == "backward" else "out"
        chart = charts.sankey(
            ((r.account, r.counterparty, r.traced) for r in chosen.ledger if r.direction == wanted),
            chosen.start,
        )
    return render(request, "finance/trace.html", case=case, results=results, account=account, transaction=transaction,
                  direction=direction, problem=problem, accounts=accounts, chosen=chosen, chart=chart,
                  ledger=ledger, ledger_total=len(chosen.ledger) if chosen else 0, epoch=_epoch,
                  **_labels(principal))  # fmt: skip


@router.get("/{case_id}/trace/schedule")
async def schedule_file(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, form: str = "pdf", account: str = "",
    transaction: str = "", direction: str = "forward", method: str = "fifo",
) -> Response:  # fmt: skip
    """The court schedule of this trace as PDF or xlsx, in the user's language (audited)."""
    node = node_of(request)

    def work() -> tuple[bytes, str]:
        with read_session(node.db) as session:
            return finance_schedule.export(
                session, principal, case_id, account=account[:200] or None,
                transaction=transaction[:120] or None,
                direction="backward" if direction == "backward" else "forward",
                method=method if method in finance_schedule.METHODS else "fifo",
                form="xlsx" if form == "xlsx" else "pdf", timezone=node.settings.timezone,
            )  # fmt: skip

    try:
        content, name = await run_in_threadpool(work)
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, f"/finance/{case_id}/trace")
    media = "application/pdf" if name.endswith(".pdf") else XLSX
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


def _epoch(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


@router.post("/{case_id}/assets", dependencies=[Depends(check_csrf)])
async def add_asset(request: Request, principal: CurrentPrincipal, case_id: RecordId) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        k: str(form.get(k, ""))
        for k in ("kind", "description", "account", "value", "currency", "valued_on", "custodian")
    }
    data["currency"] = data["currency"].upper()
    try:
        with node_of(request).db.write() as session:
            finance_assets.add_asset(session, principal, case_id, parse(AssetInput, data))
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, f"/finance/{case_id}")
    return flash.redirect(f"/finance/{case_id}#assets", "finance.asset")


@router.post("/{case_id}/mappings", dependencies=[Depends(check_csrf)])
async def save_mapping(
    request: Request, principal: CurrentPrincipal, case_id: RecordId
) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        "name": str(form.get("name", "")),
        "columns": {f: str(form.get(f"col_{f}", "")) for f in FIELDS},
        "timestamp_format": str(form.get("timestamp_format", "")),
        "currency": str(form.get("currency", "")).upper(),
        "delimiter": str(form.get("delimiter", "")) or ",",
    }
    try:
        with node_of(request).db.write() as session:
            finance_mappings.save(session, principal, parse(MappingInput, data))
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, f"/finance/{case_id}#imports")
    return flash.redirect(f"/finance/{case_id}#imports", "saved")


@router.post("/{case_id}/subjects", dependencies=[Depends(check_csrf)])
async def add_subject(request: Request, principal: CurrentPrincipal, case_id: RecordId) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        k: str(form.get(k, "")) for k in ("name", "role", "accounts", "ref_kind", "ref", "note")
    }
    try:
        with node_of(request).db.write() as session:
            finance_subjects.add_subject(session, principal, case_id, parse(SubjectInput, data))
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, f"/finance/{case_id}#subjects")
    return flash.redirect(f"/finance/{case_id}#subjects", "saved")


@router.post("/assets/{asset_id}/transition", dependencies=[Depends(check_csrf)])
async def transition(request: Request, principal: CurrentPrincipal, asset_id: RecordId) -> Response:
    form = await request.form()
    keys = ("to_state", "authority", "order_number", "order_date", "expires_on", "custodian", "share_country",
            "share_percent", "note")  # fmt: skip
    data: dict[str, Any] = {k: str(form.get(k, "")) for k in keys}
    for key in ("order_date", "expires_on", "share_percent"):
        data[key] = data[key] or None
    data["share_country"] = (data["share_country"] or "").upper()
    case_id = str(form.get("case_id", ""))
    back = f"/finance/{case_id}" if case_id.isdigit() else "/finance"
    try:
        with node_of(request).db.write() as session:
            asset = finance_assets.transition(
                session, principal, asset_id, parse(TransitionInput, data)
            )
            back = f"/finance/{asset.case_id}"
    except (ValidationFailed, Conflict) as error:
        return _problem_page(request, principal, error, back)
    return flash.redirect(f"{back}#assets", "saved")
