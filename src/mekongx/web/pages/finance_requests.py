"""Asset-tracing and freezing requests of a financial case (sent and answered as RFIs: the thread
is the RFI page), and the asset-sharing agreements with other countries."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx.authz import Permission, Principal, can, require
from mekongx.domains.finance import requests as finance_requests
from mekongx.domains.finance import service as finance
from mekongx.domains.finance import sharing
from mekongx.domains.finance.schemas import SharingAgreementInput
from mekongx.domains.rfi import attachments
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.errors import ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_, translator
from mekongx.i18n.countries import names
from mekongx.model.identity import Agency
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.pages.rfi import LEGAL_BASIS, PURPOSE, TARGET_KIND, URGENCY
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/finance")
NAV = [NavItem(56, "/finance/sharing", N_("Asset-sharing agreements"))]
TARGET_ROWS = 5
PURPOSES = {k: v for k, v in PURPOSE.items() if k != "information"}
flash.register(
    {
        "finance.request.sent": N_("Request sent. Its deadline clock has started; the answer will appear on this case."),
        "finance.sharing.saved": N_("Agreement recorded."),
    }
)  # fmt: skip


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {
        "purpose_labels": {k: _(v) for k, v in PURPOSES.items()},
        "basis_labels": {k: _(v) for k, v in LEGAL_BASIS.items()},
        "target_labels": {k: _(v) for k, v in TARGET_KIND.items()},
        "urgency_labels": {k: _(v) for k, v in URGENCY.items()},
        **translated(_),
    }


def _request_form(
    request: Request,
    principal: Principal,
    case_id: int,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    with node_of(request).db.read() as session:
        case = finance.read_case_for_view(session, principal, case_id)
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
    return render(request, "finance/request.html", status=status, case=case, peers=peers, form=form,
                  fields=fields, rows=range(TARGET_ROWS), **_labels(principal))  # fmt: skip


@router.get("/{case_id}/requests/new")
def new_request(
    request: Request,
    principal: CurrentPrincipal,
    case_id: RecordId,
    purpose: str = "asset_tracing",
    account: str = "",
) -> Response:
    require(principal, Permission.RELEASE_RECORDS)
    form: dict[str, Any] = {
        "purpose": purpose if purpose in PURPOSES else "asset_tracing",
        "legal_basis": "informal" if purpose != "freezing" else "provisional",
        "urgency": "priority",
        "language": principal.language,
        "handling_code": "H2",
        "targets": [{"kind": "account", "identifier": account[:200]}] if account else [],
    }
    return _request_form(request, principal, case_id, form, [])


def _targets(form: Any) -> list[dict[str, Any]]:
    """The filled target rows of the form (a row without an identifier is left out)."""
    out = []
    for i in range(TARGET_ROWS):
        row = {k: str(form.get(f"t{i}_{k}", "")).strip() for k in
               ("kind", "identifier", "name", "institution", "country", "amount", "currency")}  # fmt: skip
        if not row["identifier"]:
            continue
        row["country"], row["currency"] = row["country"].upper(), row["currency"].upper()
        out.append({k: v for k, v in row.items() if v != "" or k == "identifier"})
    return out


async def _files(form: Any) -> list[attachments.File]:
    out = []
    for item in form.getlist("attachments"):
        if isinstance(item, UploadFile) and item.filename:
            content = await item.read(attachments.MAX_BYTES + 1)
            out.append(attachments.File(item.filename, content))
    return out


@router.post("/{case_id}/requests", dependencies=[Depends(check_csrf)])
async def send_request(
    request: Request, principal: CurrentPrincipal, case_id: RecordId
) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        k: str(form.get(k, ""))
        for k in (
            "subject",
            "question",
            "language",
            "urgency",
            "purpose",
            "legal_basis",
            "handling_code",
            "handling_note",
        )
    }
    data["requested"] = [str(form.get("agency", ""))]
    data["targets"] = _targets(form)
    try:
        files = await _files(form)
    finally:
        await form.close()
    try:
        with node_of(request).db.write() as session:
            finance_requests.send(session, principal, case_id, parse(RfiInput, data), files)
    except ValidationFailed as error:
        _ = translator(principal.language)
        kept = dict(data, agency=data["requested"][0])
        return _request_form(request, principal, case_id, kept,
                             field_messages(_.lang, error.fields), 422)  # fmt: skip
    return flash.redirect(f"/finance/{case_id}#requests", "finance.request.sent")


def _sharing_page(
    request: Request,
    principal: Principal,
    fields: list[tuple[str, str]],
    form: dict[str, Any],
    status: int = 200,
) -> Response:
    with node_of(request).db.read() as session:
        rows = sharing.agreements(session, principal)
    countries = names(principal.language)
    return render(request, "finance/sharing.html", status=status, rows=rows, fields=fields, form=form,
                  countries=countries, country_names=dict(countries),
                  can_manage=can(principal, Permission.MANAGE_AGENCIES).allowed, **_labels(principal))  # fmt: skip


@router.get("/sharing")
def sharing_page(request: Request, principal: CurrentPrincipal) -> Response:
    return _sharing_page(request, principal, [], {})


@router.post("/sharing", dependencies=[Depends(check_csrf)])
async def add_agreement(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    names = ("country", "partner_percent", "legal_basis", "signed_on", "expires_on", "note")
    data: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in names}
    data["country"] = data["country"].upper()
    data["expires_on"] = data["expires_on"] or None
    try:
        with node_of(request).db.write() as session:
            sharing.add_agreement(session, principal, parse(SharingAgreementInput, data))
    except ValidationFailed as error:
        _ = translator(principal.language)
        return _sharing_page(request, principal, field_messages(_.lang, error.fields), data, 422)
    return flash.redirect("/finance/sharing", "finance.sharing.saved")


@router.get("/by-uid/{uid}")
def case_by_uid(request: Request, principal: CurrentPrincipal, uid: str) -> Response:
    """The case a request belongs to (the RFI page links here by the case's uid)."""
    with node_of(request).db.read() as session:
        case = finance.read_case_for_view(session, principal, uid[:36])
    return RedirectResponse(f"/finance/{case.id}#requests", status_code=303)
