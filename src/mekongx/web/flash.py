"""Confirmation messages after an action that changed something ("Released to NNCC.").

A page answers its form post with :func:`redirect`, naming one of the messages registered
here; the next page shows it once, in the user's language. The cookie carries only the key of
a registered message (never text), so nobody can make the node say something of their own.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx.i18n import N_

COOKIE = "mekongx_done"
MESSAGES: dict[str, str] = {
    "saved": N_("Saved."),
    "report.submitted": N_("Submitted for release. A liaison officer of your agency will release it or return it to you."),
    "report.released": N_("Released. The report is on its way to the agencies you chose."),
    "report.returned": N_("Returned to the analyst with your comment."),
    "report.retracted": N_("Retracted. Every agency that received the report is told."),
    "report.consent": N_("Permission given. The agency is told over the exchange."),
    "report.forwarded": N_("Passed on. The originating agency is told."),
    "report.acknowledged": N_("Acknowledged. The originating agency sees it in its exchange table."),
    "report.replied": N_("Message sent."),
    "report.asked": N_("Request sent to the originating agency."),
    "notice.saved": N_("Notice saved. It waits for review by a second person."),
    "notice.review": N_("Notice reviewed. A liaison officer can now publish it."),
    "notice.publish": N_("Notice published to its distribution."),
    "notice.withdraw": N_("Notice withdrawn."),
    "notice.photo": N_("Photo saved."),
    "hit.decided": N_("Decision saved."),
    "rfi.sent": N_("Request sent. The deadline clock has started."),
    "rfi.acknowledged": N_("Acknowledged. The requesting agency is told."),
    "rfi.answered": N_("Answer sent to the requesting agency."),
    "rfi.refused": N_("Refusal sent to the requesting agency."),
}  # fmt: skip


def register(messages: dict[str, str]) -> None:
    """Areas add their own confirmation messages (msgids marked with ``N_``)."""
    MESSAGES.update(messages)


def redirect(url: str, key: str) -> Response:
    """See other ``url``, where the message ``key`` is shown once."""
    if key not in MESSAGES:
        raise KeyError(key)
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(COOKIE, key, max_age=60, httponly=True, samesite="strict")
    return response


def pending(request: Request) -> str | None:
    """The msgid to show on this page, if an action just redirected here."""
    key = request.cookies.get(COOKIE, "")
    return MESSAGES.get(key)
