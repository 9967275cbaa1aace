"""A user's own settings: password, second factor, API tokens."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx.accounts import service as accounts
from mekongx.accounts.passwords import verify_password
from mekongx.authz import Principal
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.i18n import N_, translator
from mekongx.model.identity import ApiToken
from mekongx.web.labels import ROLES
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/profile")


def _page(
    request: Request,
    principal: Principal,
    *,
    fields: list[tuple[str, str]] | None = None,
    notice: str = "",
    new_token: str = "",
    status: int = 200,
    secret: str | None = None,
) -> Response:
    node = node_of(request)
    with node.db.read() as session:
        user = accounts.get_user(session, principal.user_id)
        tokens = list(
            session.scalars(
                select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)
            )
        )
        has_totp = user.totp_secret is not None
    secret = secret or accounts.new_totp_secret()
    _ = translator(principal.language)
    return render(
        request,
        "profile.html",
        status=status,
        fields=fields or [],
        notice=notice,
        new_token=new_token,
        tokens=tokens,
        has_totp=has_totp,
        totp_secret=secret,
        totp_uri=accounts.totp_uri(secret, principal.username, principal.agency),
        role_label=_(ROLES[principal.role.value]),
    )


def _problems(principal: Principal, error: ValidationFailed) -> list[tuple[str, str]]:
    return field_messages(principal.language, error.fields)


@router.get("")
def profile(request: Request, principal: CurrentPrincipal) -> Response:
    return _page(request, principal)


@router.post("/password", dependencies=[Depends(check_csrf)])
async def change_password(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    form = await request.form()
    try:
        with node.db.write() as session:
            user = accounts.get_user(session, principal.user_id)
            if not verify_password(user.password_hash, str(form.get("current", ""))):
                raise ValidationFailed(
                    [FieldProblem("current", N_("The current password is wrong."))]
                )
            accounts.set_password(
                session, principal, user, str(form.get("password", "")), node.settings
            )
    except ValidationFailed as error:
        return _page(request, principal, fields=_problems(principal, error), status=422)
    # Changing the password ends every session, this one included.
    return RedirectResponse("/login", status_code=303)


@router.post("/totp", dependencies=[Depends(check_csrf)])
async def enable_totp(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    form = await request.form()
    secret = str(form.get("secret", ""))
    try:
        with node.db.write() as session:
            accounts.enable_totp(
                session, principal, secret, str(form.get("code", "")), node.settings
            )
    except ValidationFailed as error:
        return _page(
            request, principal, fields=_problems(principal, error), status=422, secret=secret
        )
    return _page(
        request, principal, notice=translator(principal.language)(N_("Second factor enabled."))
    )


@router.post("/tokens", dependencies=[Depends(check_csrf)])
async def create_token(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    form = await request.form()
    try:
        with node.db.write() as session:
            user = accounts.get_user(session, principal.user_id)
            token = accounts.create_api_token(session, principal, user, str(form.get("name", "")))
    except ValidationFailed as error:
        return _page(request, principal, fields=_problems(principal, error), status=422)
    return _page(request, principal, new_token=token)
