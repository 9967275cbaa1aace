"""Who is calling: a browser login session (cookie) or a machine (bearer API token)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from mekongx.accounts import authentication as authn
from mekongx.accounts import service as accounts
from mekongx.accounts.login_cache import LoginCache
from mekongx.authz import Principal
from mekongx.errors import Forbidden, NotAuthenticated
from mekongx.http.node import node_of
from mekongx.i18n import LANGUAGES, N_, negotiate
from mekongx.model.identity import LoginSession

SESSION_COOKIE = "mx_session"
LANG_COOKIE = "mx_lang"
PRE_CSRF_COOKIE = "mx_precsrf"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def _remembered(request: Request) -> bool:
    """Take the caller from this process's memory (no statement, no thread) when it is there."""
    if getattr(request.state, "auth", None) is not None:
        return True
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        key = LoginCache.key("token", header[7:].strip())
    elif token := request.cookies.get(SESSION_COOKIE):
        key = LoginCache.key("session", token)
    else:
        return False
    found = node_of(request).principals.get(key, getattr(request.state, "request_id", ""))
    if found is not None:
        request.state.auth = found
    return found is not None


def _resolve(request: Request) -> tuple[Principal, LoginSession | None] | None:
    cached = getattr(request.state, "auth", None)
    if cached is not None or _remembered(request):
        cached = request.state.auth
        return cached if cached != "anonymous" else None
    node = node_of(request)
    memory = node.principals
    request_id = getattr(request.state, "request_id", "")
    result: tuple[Principal, LoginSession | None] | None = None
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        secret = header[7:].strip()
        mark = memory.mark()
        with node.db.read_engine.connect() as connection:
            answer = accounts.api_token_principal(connection, secret, node.settings, request_id)
        if answer is None:
            raise NotAuthenticated(N_("The API token is not valid."))
        result = (answer[0], None)
        memory.keep(LoginCache.key("token", secret), mark, result, answer[1])
    elif token := request.cookies.get(SESSION_COOKIE):
        mark = memory.mark()
        with node.db.read() as session:
            found = authn.resolve_session(session, token, node.settings)
        if found is not None:
            login, user = found
            result = (accounts.principal_for(user, request_id), login)
            memory.keep(LoginCache.key("session", token), mark, result, login.expires_at)
    request.state.auth = result if result is not None else "anonymous"
    return result


def optional_login(request: Request) -> tuple[Principal, LoginSession | None] | None:
    found = _resolve(request)
    if found is not None and found[1] is not None and found[1].second_factor_pending:
        return None
    return found


async def current_principal(request: Request) -> Principal:
    """The authenticated caller, fully logged in (second factor done), or 401.

    A caller this process knows is answered on the event loop; only one it must look up goes
    to a thread for its statement (the route's own thread comes after, if the route is sync)."""
    if not _remembered(request):
        await run_in_threadpool(_resolve, request)
    found = optional_login(request)
    if found is None:
        raise NotAuthenticated(N_("Please log in."))
    principal, login = found
    if login is not None and request.method in UNSAFE:
        sent = request.headers.get("x-csrf-token", "")
        if request.url.path.startswith("/api/") and not hmac.compare_digest(sent, login.csrf_token):
            raise Forbidden(N_("The security token of this form has expired. Reload the page."))
    return principal


def login_session(request: Request) -> LoginSession | None:
    found = optional_login(request)
    return found[1] if found else None


def language(request: Request) -> str:
    """The language to answer in: the user's choice, the cookie, the browser's, the node's."""
    try:
        found = _resolve(request)
    except NotAuthenticated:
        found = None
    if found is not None:
        return found[0].language
    cookie = request.cookies.get(LANG_COOKIE, "")
    if cookie in LANGUAGES:
        return cookie
    default = node_of(request).settings.default_language
    return negotiate(request.headers.get("accept-language"), default)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
