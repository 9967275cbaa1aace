"""The one "retract, or show the page again with the reason's problem" of every record page.

A record's originator withdraws it with a reason (a seizure report, a joint operation, a plan
action); the area's service checks the reason, marks the record and tells every holder. The page
handlers differ only in what they retract and which page they show again on a refused reason.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from mekongx.authz import Principal
from mekongx.errors import ValidationFailed
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.web import flash

Fields = list[tuple[str, str]]


async def retract_then_redirect(
    request: Request,
    principal: Principal,
    retract: Callable[[Session, str], object],
    done: tuple[str, str],
    again: Callable[[Fields], Response],
) -> Response:
    """Retract with the form's reason, then redirect to ``done`` (url, flash key); on a refused
    reason answer ``again(fields)``: the record's page with the form open and the problem named."""
    form = await request.form()
    try:
        with node_of(request).db.write() as session:
            retract(session, str(form.get("reason", "")))
    except ValidationFailed as error:
        return again(field_messages(principal.language, error.fields))
    return flash.redirect(*done)
