"""Rendering pages with the caller's language, login and CSRF token."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from mekongx.authz import Permission
from mekongx.authz.permissions import roles_with
from mekongx.errors import Forbidden
from mekongx.http import zawgyi
from mekongx.http.auth import PRE_CSRF_COOKIE, language, login_session, optional_login
from mekongx.http.node import node_of
from mekongx.http.static import asset_url
from mekongx.i18n import (
    LANGUAGES,
    N_,
    Translator,
    format_date,
    format_datetime,
    format_gregorian,
    format_gregorian_datetime,
    format_number,
    needs_gregorian,
    translator,
)
from mekongx.i18n.texts import Shown, fallback_mark, language_name, pick
from mekongx.model.identity import User
from mekongx.web import field_labels, flash
from mekongx.web.labels import translated
from mekongx.web.nav import links

ENV = Environment(
    loader=PackageLoader("mekongx.web", "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
HTML_LANG = {
    "th": "th",
    "zh": "zh-Hans",
    "lo": "lo",
    "my": "my",
    "km": "km",
    "vi": "vi",
    "en": "en",
}
ZAWGYI_NOTICE = N_(
    "Burmese text typed in the Zawgyi encoding was converted to Unicode. Please check that it "
    "reads correctly."
)
ENV.globals["asset"] = asset_url


def _csrf_for(request: Request) -> tuple[str, bool]:
    """The token forms must carry: the login session's, or a pre-login cookie's."""
    login = login_session(request)
    if login is not None:
        return login.csrf_token, False
    existing = request.cookies.get(PRE_CSRF_COOKIE, "")
    if len(existing) >= 20:
        return existing, False
    return secrets.token_urlsafe(24), True


async def check_csrf(request: Request) -> None:
    """Refuse a form post whose token does not match the session (or pre-login cookie)."""
    form = await request.form()
    sent = str(form.get("csrf_token", ""))
    found = _resolve_any_login(request)
    expected = found.csrf_token if found is not None else request.cookies.get(PRE_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(sent, expected):
        raise Forbidden(N_("The security token of this form has expired. Reload the page."))


def _resolve_any_login(request: Request) -> Any:
    # A login waiting for its second factor still has a session and a CSRF token.
    from mekongx.http.auth import _resolve

    found = _resolve(request)
    return found[1] if found else None


def page_date(value: date | datetime | None, lang: str, tz: str) -> Markup | str:
    """A date (or time) as the reader's language writes it. Where that is not the Gregorian date
    in Arabic digits (the Buddhist Era in Thai, Burmese and Khmer digits) it is a ``<time>``
    whose title is the Gregorian date, shown when the pointer rests on it, and whose
    ``datetime`` is ISO 8601; in ``<option>`` text use ``fmt(d)|striptags``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        shown, gregorian = format_datetime(value, lang, tz), format_gregorian_datetime(value, tz)
    else:
        shown, gregorian = format_date(value, lang), format_gregorian(value)
    if not needs_gregorian(lang):
        return shown
    # ``%`` escapes each value as ``format`` does, at half its cost (a list shows 50 dates)
    shown_at = (value.isoformat(), gregorian, shown)
    return Markup('<time datetime="%s" title="%s">%s</time>') % shown_at


def shown_text(source: Any, field: str, lang: str) -> Markup | str:
    """A record's own text (``source.shown(field, lang)``, or ``source`` a mapping language ->
    text; ``mekongx.i18n.texts``) for a page: in the reader's language as it is; in another
    language marked with its ``lang`` and "(in English)" in the reader's language."""
    shown = pick(source, lang) if isinstance(source, Mapping) else source.shown(field, lang)
    if not shown.fallback:
        return shown.text
    return _fallback_frame(shown.lang, lang) % shown.text


@cache
def _fallback_frame(written: str, reader: str) -> Markup:
    """The markup around a text written in ``written`` shown to a reader of ``reader``, with
    ``%s`` for the text: built once per pair, so that each title of a list is escaped into it
    alone (three values formatted a row cost twice as much)."""
    mark = fallback_mark(Shown("", written, True), reader).replace("%", "%%")
    frame = Markup('<span lang="{}">%s</span> <small class="shown-in">({})</small>')
    return frame.format(HTML_LANG.get(written, written).replace("%", "%%"), mark)


def _markup_aware(translate: Translator) -> Callable[..., Markup | str]:
    """The page's ``_``: a message given markup (a date from ``fmt``) keeps that markup and
    escapes the rest, so the date's ``<time>`` is not shown as text."""

    def gettext(message: str, **params: Any) -> Markup | str:
        if not any(isinstance(v, Markup) for v in params.values()):
            return translate(message, **params)
        try:
            return Markup.escape(translate(message)) % params
        except (KeyError, ValueError, TypeError):
            return Markup.escape(message) % params

    return gettext


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> Response:
    node = node_of(request)
    lang = language(request)
    _ = translator(lang)
    found = optional_login(request)
    csrf, fresh = _csrf_for(request)
    if found is None and (pending := _resolve_any_login(request)) is not None:
        csrf, fresh = pending.csrf_token, False
    tz = node.settings.timezone

    def fmt(value: date | datetime | None) -> Markup | str:
        return page_date(value, lang, tz)

    area = field_labels.area_of(request.url.path)

    def field_label(code: str) -> str:
        """The field a problem names, as the form labels it, in the reader's language."""
        msgid = field_labels.label_of(code, area)
        if msgid is None:
            return code
        label = _(msgid)
        if written_in := field_labels.language_of(code, area):  # one language's input of a text
            label = f"{label} · {language_name(written_in, lang)}"
        return f"{label} ({code})" if "." in code else label

    done = flash.pending(request)
    zawgyi_cookie = request.cookies.get(zawgyi.COOKIE) == "1"
    zawgyi_now = bool(getattr(request.state, "zawgyi_fields", None))
    body = ENV.get_template(template).render(
        request=request,
        _=_markup_aware(_),
        lang=lang,
        html_lang=HTML_LANG[lang],
        languages=LANGUAGES,
        principal=found[0] if found else None,
        menu=links(found[0], lang, request.url.path) if found else [],
        csrf_token=csrf,
        fmt=fmt,
        shown=lambda row, field="", reader=None: shown_text(row, field, reader or lang),
        field_label=field_label,
        num=lambda value, places=None: "" if value is None else format_number(value, lang, places),
        node_agency=node.settings.node_agency,
        flash_message=_(done) if done else "",
        zawgyi_notice=_(ZAWGYI_NOTICE) if zawgyi_cookie or zawgyi_now else "",
        **context,
    )
    response = HTMLResponse(body, status_code=status)
    if zawgyi_cookie:
        response.delete_cookie(zawgyi.COOKIE)
    if done is not None:
        response.delete_cookie(flash.COOKIE)
    if fresh:
        response.set_cookie(
            PRE_CSRF_COOKIE,
            csrf,
            httponly=True,
            samesite="strict",
            secure=node.settings.secure_cookies,
        )
    return response


def _back_link(request: Request) -> str:
    """The page the user came from on this node (never another site), else the home page."""
    referer = urlsplit(request.headers.get("referer", ""))
    same = referer.netloc in ("", request.url.netloc)
    if same and referer.path.startswith("/") and not referer.path.startswith("//"):
        return referer.path + (f"?{referer.query}" if referer.query else "")
    return "/"


def _who_can(request: Request, needed: str) -> dict[str, Any]:
    """For a refusal by role: the user's role, the roles that may, and colleagues holding them."""
    found = optional_login(request)
    if found is None or not needed:
        return {}
    principal = found[0]
    roles = [role.value for role in roles_with(Permission(needed))]
    with node_of(request).db.read() as session:
        colleagues = list(
            session.execute(
                select(User.display_name, User.username)
                .where(User.agency_code == principal.agency, User.role.in_(roles))
                .order_by(User.display_name)
                .limit(10)
            )
        )
    labels = translated(translator(language(request)))["role_labels"]
    return {
        "refused_role": labels[principal.role.value],
        "allowed_roles": ", ".join(labels[role] for role in roles),
        "colleagues": colleagues,
    }


def render_error(
    request: Request, status: int, message: str, fields: list[tuple[str, str]]
) -> Response:
    """The error page. A refusal says why, who may do it, and offers the way back."""
    error = getattr(request.state, "error", None)
    extra: dict[str, Any] = {"back": _back_link(request)}
    if status == 403 and isinstance(error, Forbidden):
        extra.update(_who_can(request, error.needed))
    return render(request, "error.html", status=status, message=message, fields=fields, **extra)
