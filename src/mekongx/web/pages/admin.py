"""Administration pages: users, agencies, the audit log. Administrators only."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from mekongx.accounts import service as accounts
from mekongx.accounts.audit_view import audit_page
from mekongx.audit import read_session, record_read, verify_chain
from mekongx.authz import Permission, Principal, require
from mekongx.errors import Conflict, NotFound, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, translator
from mekongx.model.identity import (
    OTHER_NAME_LANGUAGES,
    Agency,
    SharingGroup,
    SharingGroupMember,
    User,
)
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/admin")
NAV = [
    NavItem(100, "/admin/users", N_("Users"), Permission.MANAGE_USERS),
    NavItem(110, "/admin/agencies", N_("Agencies"), Permission.MANAGE_AGENCIES),
    NavItem(120, "/admin/audit", N_("Audit log"), Permission.READ_AUDIT),
]


def _fields(principal: Principal, error: ValidationFailed | Conflict) -> list[tuple[str, str]]:
    _ = translator(principal.language)
    if isinstance(error, ValidationFailed):
        return field_messages(_.lang, error.fields)
    return [("", _(error.message, **error.params))]


def _users_page(
    request: Request,
    principal: Principal,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    require(principal, Permission.MANAGE_USERS)
    node = node_of(request)
    with node.db.read() as session:
        rows = list(session.scalars(select(User).order_by(User.agency_code, User.username)))
        users = [
            {
                "id": u.id,
                "username": u.username,
                "display_name": u.display_name,
                "agency_code": u.agency_code,
                "role": u.role,
                "active": u.active,
                "locked": accounts.is_locked(u),
                "totp": u.totp_secret is not None,
            }
            for u in rows
        ]
        agencies = list(session.scalars(select(Agency).order_by(Agency.is_own.desc(), Agency.code)))
    return render(
        request,
        "admin/users.html",
        status=status,
        users=users,
        agencies=agencies,
        form=form,
        fields=fields,
        **translated(translator(principal.language)),
    )


@router.get("/users")
def users(request: Request, principal: CurrentPrincipal) -> Response:
    form = {
        "username": "",
        "display_name": "",
        "agency_code": principal.agency,
        "role": "viewer",
        "language": principal.language,
    }
    return _users_page(request, principal, form, [])


@router.post("/users", dependencies=[Depends(check_csrf)])
async def create_user(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    form = await request.form()
    data = {
        k: str(form.get(k, ""))
        for k in ("username", "display_name", "agency_code", "role", "language", "password")
    }
    try:
        with node.db.write() as session:
            accounts.create_user(session, principal, accounts.UserInput(**data), node.settings)
    except (ValidationFailed, Conflict) as error:
        data.pop("password")
        return _users_page(request, principal, data, _fields(principal, error), status=422)
    return flash.redirect("/admin/users", "saved")


@router.post("/users/{user_id}/{action}", dependencies=[Depends(check_csrf)])
def user_action(
    request: Request, principal: CurrentPrincipal, user_id: RecordId, action: str
) -> Response:
    node = node_of(request)
    with node.db.write() as session:
        if action in ("enable", "disable"):
            accounts.set_user_active(session, principal, user_id, action == "enable", node.settings)
        elif action == "unlock":
            accounts.unlock_user(session, principal, user_id)
        else:
            raise NotFound(N_("This page does not exist."))
    return flash.redirect("/admin/users", "saved")


def _agencies_page(
    request: Request,
    principal: Principal,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    require(principal, Permission.MANAGE_AGENCIES)
    node = node_of(request)
    with node.db.read() as session:
        agencies = list(session.scalars(select(Agency).order_by(Agency.is_own.desc(), Agency.code)))
        groups = []
        for group in session.scalars(select(SharingGroup).order_by(SharingGroup.code)):
            members = session.scalars(
                select(SharingGroupMember.agency_code).where(
                    SharingGroupMember.group_code == group.code
                )
            )
            groups.append((group, sorted(members)))
    return render(
        request,
        "admin/agencies.html",
        status=status,
        agencies=agencies,
        groups=groups,
        form=form,
        fields=fields,
        other_languages=OTHER_NAME_LANGUAGES,
    )


AGENCY_FIELDS = ("code", "name_en", "name_th", "name_zh", "name_lo", "name_my", "name_km",
                 "name_vi", "country")  # fmt: skip


@router.get("/agencies")
def agencies(request: Request, principal: CurrentPrincipal) -> Response:
    form = dict.fromkeys(AGENCY_FIELDS, "")
    return _agencies_page(request, principal, form, [])


@router.post("/agencies", dependencies=[Depends(check_csrf)])
async def create_agency(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    form = await request.form()
    data = {k: str(form.get(k, "")).strip() for k in AGENCY_FIELDS}
    data["code"], data["country"] = data["code"].upper(), data["country"].upper()
    try:
        with node.db.write() as session:
            accounts.create_agency(
                session,
                principal,
                accounts.AgencyInput(
                    data["code"],
                    data["name_en"],
                    data["name_th"],
                    data["name_zh"],
                    data["country"],
                    other_names={c: data[f"name_{c}"] for c in OTHER_NAME_LANGUAGES},
                ),
            )
    except (ValidationFailed, Conflict) as error:
        return _agencies_page(request, principal, data, _fields(principal, error), status=422)
    return flash.redirect("/admin/agencies", "saved")


@router.get("/audit")
def audit(
    request: Request,
    principal: CurrentPrincipal,
    page: PageNumber = 1,
    action: str = "",
    actor: str = "",
    verify: bool = False,
    after: Cursor = "",
    before: Cursor = "",
) -> Response:
    require(principal, Permission.READ_AUDIT)
    node = node_of(request)
    with read_session(node.db) as session:
        listed = page_from(
            partial(audit_page, session, action=action, actor=actor), page, after, before
        )
        checked = verify_chain(session) if verify else None
        record_read(session, principal.actor, "audit.view", "audit", "", details={"page": page})
    return render(
        request,
        "admin/audit.html",
        events=listed.items,
        listed=listed,
        action=action,
        actor=actor,
        checked=checked is not None,
        chain_ok=checked is not None and not checked[1],
        chain_count=checked[0] if checked else 0,
        problem_count=len(checked[1]) if checked else 0,
        **translated(translator(principal.language)),
    )
