"""Logging in and out (with the optional second factor) and choosing the language."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx.accounts import authentication as authn
from mekongx.accounts import service as accounts
from mekongx.errors import MekongXError
from mekongx.http.auth import LANG_COOKIE, SESSION_COOKIE, _resolve, language, optional_login
from mekongx.http.node import node_of
from mekongx.i18n import LANGUAGES, N_, translator
from mekongx.model.identity import LoginSession, User
from mekongx.web.render import check_csrf, render

router = APIRouter()


def _safe_next(target: str) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    if optional_login(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", next=_safe_next(next), username="", message="")


@router.post("/login", dependencies=[Depends(check_csrf)])
async def login_submit(request: Request) -> Response:
    node = node_of(request)
    form = await request.form()
    username, password = str(form.get("username", "")), str(form.get("password", ""))
    target = _safe_next(str(form.get("next", "/")))
    request_id = request.state.request_id
    client = _client(request)
    if node.logins.blocked(client):
        return _login_again(request, target, username, Throttled(TOO_MANY))

    def check() -> tuple[User | MekongXError, str, bool]:
        # off the event loop: the password hash takes a CPU for a good part of a second
        with node.db.write() as session:
            found = authn.authenticate(session, username, password, node.settings, request_id)
            if not isinstance(found, User):
                return found, "", False
            token, login = authn.start_session(session, found, node.settings, request_id)
            return found, token, login.second_factor_pending

    outcome, token, pending = await run_in_threadpool(check)
    if not isinstance(outcome, User):
        node.logins.refused(client, "password")
        return _login_again(request, target, username, outcome)
    response = RedirectResponse(
        f"/login/totp?next={target}" if pending else target, status_code=303
    )
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=node.settings.secure_cookies,
        max_age=node.settings.session_hours * 3600,
    )
    return response


TOO_MANY = N_("Too many failed logins from your address. Wait a minute and try again.")


class Throttled(MekongXError):
    status = 429
    code = "too_many_requests"


def _client(request: Request) -> str:
    """The client's address (from X-Forwarded-For only behind a configured proxy)."""
    return request.client.host if request.client else "?"


def _login_again(request: Request, target: str, username: str, error: MekongXError) -> Response:
    _ = translator(language(request))
    return render(
        request,
        "login.html",
        status=error.status,
        next=target,
        username=username[:64],
        message=_(error.message, **error.params),
    )


@router.get("/login/totp")
def totp_form(request: Request, next: str = "/") -> Response:
    if _resolve(request) is None:
        return RedirectResponse("/login", status_code=303)
    return render(request, "totp.html", next=_safe_next(next), message="")


@router.post("/login/totp", dependencies=[Depends(check_csrf)])
async def totp_submit(request: Request) -> Response:
    node = node_of(request)
    form = await request.form()
    found = _resolve(request)
    if found is None or found[1] is None:
        return RedirectResponse("/login", status_code=303)
    principal, login = found
    assert login is not None
    target = _safe_next(str(form.get("next", "/")))
    client = _client(request)
    if node.logins.blocked(client):
        _ = translator(principal.language)
        return render(request, "totp.html", status=429, next=target, message=_(TOO_MANY))
    with node.db.write() as session:
        # the row as it is now (``login`` may be a process's memory of it: never write that back)
        fresh_login = session.get(LoginSession, login.token_hash)
        if fresh_login is None:  # ended meanwhile (password reset, user disabled, logout)
            return RedirectResponse("/login", status_code=303)
        user = accounts.get_user(session, principal.user_id)
        error = authn.verify_second_factor(
            session, fresh_login, user, str(form.get("code", "")), principal.actor, node.settings
        )
    if error is not None:
        node.logins.refused(client, "second factor")
        _ = translator(principal.language)
        if error.status == 423:  # locked: the pending login was ended
            return _login_again(request, target, principal.username, error)
        return render(request, "totp.html", status=401, next=target, message=_(error.message))
    return RedirectResponse(target, status_code=303)


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request) -> Response:
    node = node_of(request)
    token = request.cookies.get(SESSION_COOKIE, "")
    found = _resolve(request)
    if token and found is not None:
        with node.db.write() as session:
            authn.end_session(session, token, found[0].actor)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/lang", dependencies=[Depends(check_csrf)])
async def choose_language(request: Request) -> Response:
    node = node_of(request)
    form = await request.form()
    lang = str(form.get("lang", ""))
    target = _safe_next(str(form.get("next", "/")))
    if lang not in LANGUAGES:
        lang = node.settings.default_language
    found = optional_login(request)
    if found is not None:
        with node.db.write() as session:
            accounts.set_language(session, found[0], lang)
    elif (pending := _resolve(request)) is not None:
        with node.db.write() as session:
            accounts.set_language(session, pending[0], lang)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        LANG_COOKIE,
        lang,
        samesite="lax",
        secure=node.settings.secure_cookies,
        max_age=3600 * 24 * 365,
    )
    return response
