"""The links page: each peer's status, backlog, last delivery, failures and key fingerprints."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from mekongx.authz import Permission, require
from mekongx.errors import ValidationFailed
from mekongx.federation import peers as peering
from mekongx.federation.status import links, recent_rejections, refused_by_peers
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.i18n import N_, translator
from mekongx.web import flash
from mekongx.web.nav import NavItem
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/links")
NAV = [NavItem(80, "/links", N_("Links"), Permission.VIEW_LINKS)]
STATES = {
    "ok": N_("Up to date"),
    "backlog": N_("Sending"),
    "down": N_("Unreachable, retrying"),
    "stalled": N_("Stalled"),
    "revoked": N_("Keys revoked: waiting for the peer's new keys"),
    "unconfirmed": N_("Fingerprint not confirmed"),
}


def _page(
    request: Request, principal: CurrentPrincipal, fields: list[tuple[str, str]], status: int = 200
) -> Response:
    require(principal, Permission.VIEW_LINKS)
    node = node_of(request)
    with node.db.read() as session:
        rows = links(session, node.settings.link_stall_after)
        rejections = recent_rejections(session)
        refused = refused_by_peers(session)
    _ = translator(principal.language)
    return render(
        request,
        "links.html",
        status=status,
        links=rows,
        rejections=rejections,
        refused_by_peers=refused,
        states={k: _(v) for k, v in STATES.items()},
        advice={
            link.agency: _(msgid, **params)
            for link in rows
            if (found := link.advice()) is not None
            for msgid, params in [found]
        },
        own_fingerprint=node.keys.current.fingerprint if node.keys else "",
        fields=fields,
        can_confirm=principal.role.value == "admin",
    )


@router.get("")
def links_page(request: Request, principal: CurrentPrincipal) -> Response:
    return _page(request, principal, [])


@router.post("/{agency}/confirm", dependencies=[Depends(check_csrf)])
async def confirm(request: Request, principal: CurrentPrincipal, agency: str) -> Response:
    require(principal, Permission.MANAGE_AGENCIES)
    form = await request.form()
    try:
        with node_of(request).db.write() as session:
            peering.confirm_peer(
                session, principal.actor, agency[:16], str(form.get("fingerprint", ""))
            )
    except ValidationFailed as error:
        _ = translator(principal.language)
        return _page(
            request,
            principal,
            field_messages(_.lang, error.fields),
            status=422,
        )
    return flash.redirect("/links", "saved")
