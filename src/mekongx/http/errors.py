"""Every error becomes a clear message in the caller's language: JSON under /api, a page
elsewhere. No traceback ever reaches a user; unexpected errors are logged with the request id.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from mekongx.errors import FieldProblem, MekongXError, NotAuthenticated
from mekongx.http.auth import language
from mekongx.i18n import N_, translator
from mekongx.validation import problems_from, problems_from_errors

log = logging.getLogger("mekongx.http")

PageRenderer = Callable[[Request, int, str, list[tuple[str, str]]], Response]

_HTTP_MESSAGES = {
    404: N_("This page does not exist."),
    405: N_("This action is not allowed here."),
    413: N_("The upload is too large."),
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def field_messages(lang: str, fields: list[FieldProblem]) -> list[tuple[str, str]]:
    """(field, message in ``lang``) pairs, for forms shown again with their problems."""
    _ = translator(lang)
    return [(f.field, _(f.message, **f.params)) for f in fields]


def respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    params: dict[str, Any],
    fields: list[FieldProblem],
    render_page: PageRenderer,
) -> Response:
    lang = language(request)
    text = translator(lang)(message, **params)
    rendered = field_messages(lang, fields)
    if _is_api(request):
        body = {
            "error": {
                "code": code,
                "message": text,
                "fields": [{"field": f, "message": m} for f, m in rendered],
                "request_id": getattr(request.state, "request_id", ""),
            }
        }
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)
    try:
        return render_page(request, status, text, rendered)
    except Exception:  # the page itself failed: still answer, plainly, in the user's language
        log.exception("error page failed for request %s", getattr(request.state, "request_id", "?"))
        return PlainTextResponse(text, status_code=status)


def install_error_handlers(app: FastAPI, render_page: PageRenderer) -> None:
    async def on_mekongx(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, MekongXError)
        if (
            isinstance(exc, NotAuthenticated)
            and not _is_api(request)
            and request.method == "GET"
            and request.url.path != "/login"
        ):
            target = quote(
                request.url.path + (f"?{request.url.query}" if request.url.query else "")
            )
            return RedirectResponse(f"/login?next={target}", status_code=303)
        request.state.error = exc  # the page may explain it further (whom to ask, what next)
        return respond(
            request, exc.status, exc.code, exc.message, exc.params, exc.fields, render_page
        )

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError | ValidationError)
        problems = (
            problems_from(exc)
            if isinstance(exc, ValidationError)
            else problems_from_errors(exc.errors())
        )
        return respond(
            request, 422, "invalid", N_("Some fields are not valid."), {}, problems, render_page
        )

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = _HTTP_MESSAGES.get(exc.status_code, N_("The request could not be handled."))
        return respond(request, exc.status_code, "http_error", message, {}, [], render_page)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error in request %s", getattr(request.state, "request_id", "?"))
        return respond(
            request,
            500,
            "internal",
            N_("Something went wrong on this node. The error was logged with request id %(id)s."),
            {"id": getattr(request.state, "request_id", "?")},
            [],
            render_page,
        )

    app.add_exception_handler(MekongXError, on_mekongx)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)
