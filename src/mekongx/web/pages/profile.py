"""A user's own settings: password, second factor, API tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx.accounts import authentication as authn
from mekongx.accounts import service as accounts
from mekongx.authz import Principal
from mekongx.errors import MekongXError, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.i18n import N_, translator
from mekongx.model.base import utcnow
from mekongx.model.identity import ApiToken
from mekongx.web.labels import ROLES
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/profile")
T = TypeVar("T")


@dataclass(frozen=True)
class TokenView:
    row: ApiToken
    expires: datetime
    expired: bool


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
        now = utcnow()
        tokens = [
            TokenView(row, expiry, expiry <= now)
            for row in accounts.list_api_tokens(session, user)
            for expiry in [accounts.token_expiry(row, node.settings)]
        ]
        has_totp = user.totp_secret is not None
    secret = secret or authn.new_totp_secret()
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
        totp_uri=authn.totp_uri(secret, principal.username, principal.agency),
        role_label=_(ROLES[principal.role.value]),
        token_days=node.settings.token_days,
        token_max_days=node.settings.token_max_days,
    )


def _problems(principal: Principal, error: ValidationFailed) -> list[tuple[str, str]]:
    return field_messages(principal.language, error.fields)


@router.get("")
def profile(request: Request, principal: CurrentPrincipal) -> Response:
    return _page(request, principal)


class ReauthFailed(Exception):
    """The current password was wrong (counted, committed); carries what to tell the user."""

    def __init__(self, error: MekongXError) -> None:
        self.error = error


def _security_change(
    request: Request, principal: Principal, current: str, change: Callable[[Session], T]
) -> T:
    """Run ``change`` only after the current password was given again. A wrong one counts
    toward lock-out and is committed before ``ReauthFailed`` is raised."""
    node = node_of(request)
    failure: MekongXError | None = None
    with node.db.write() as session:
        failure = authn.reauthenticate(session, principal, current, node.settings)
        if failure is None:
            return change(session)
    raise ReauthFailed(failure)


def _refused(request: Request, principal: Principal, error: MekongXError, **page: Any) -> Response:
    if error.status == 423:  # locked: every session of the account was ended
        return RedirectResponse("/login", status_code=303)
    assert isinstance(error, ValidationFailed)
    return _page(request, principal, fields=_problems(principal, error), status=422, **page)


@router.post("/password", dependencies=[Depends(check_csrf)])
async def change_password(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    form = await request.form()

    def change(session: Session) -> None:
        user = accounts.get_user(session, principal.user_id)
        accounts.set_password(
            session, principal, user, str(form.get("password", "")), node.settings
        )

    try:
        await run_in_threadpool(_security_change, request, principal, _current(form), change)
    except ReauthFailed as failed:
        return _refused(request, principal, failed.error)
    except ValidationFailed as error:
        return _page(request, principal, fields=_problems(principal, error), status=422)
    # Changing the password ends every session, this one included, and revokes its tokens.
    return RedirectResponse("/login", status_code=303)


def _current(form: Any) -> str:
    return str(form.get("current", ""))


@router.post("/totp", dependencies=[Depends(check_csrf)])
async def enable_totp(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    form = await request.form()
    secret = str(form.get("secret", ""))

    def change(session: Session) -> None:
        code = str(form.get("code", ""))
        authn.enable_totp(session, principal, secret, code, node.settings)

    try:
        await run_in_threadpool(_security_change, request, principal, _current(form), change)
    except ReauthFailed as failed:
        return _refused(request, principal, failed.error, secret=secret)
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
    raw_days = str(form.get("days", "")).strip()
    days = int(raw_days) if raw_days.isdigit() and len(raw_days) < 6 else 0

    def change(session: Session) -> str:
        user = accounts.get_user(session, principal.user_id)
        name = str(form.get("name", ""))
        return accounts.create_api_token(session, principal, user, name, node.settings, days)

    try:
        token = await run_in_threadpool(
            _security_change, request, principal, _current(form), change
        )
    except ReauthFailed as failed:
        return _refused(request, principal, failed.error)
    except ValidationFailed as error:
        return _page(request, principal, fields=_problems(principal, error), status=422)
    return _page(request, principal, new_token=token)


@router.post("/tokens/{prefix}/revoke", dependencies=[Depends(check_csrf)])
def revoke_token(
    request: Request, principal: CurrentPrincipal, prefix: Annotated[str, Path(max_length=12)]
) -> Response:
    """Revoke one of your own tokens (no password needed: revoking only takes access away)."""
    with node_of(request).db.write() as session:
        owner = accounts.get_user(session, principal.user_id)
        accounts.revoke_api_token(session, principal, prefix, owner)
    return RedirectResponse("/profile", status_code=303)
