"""The state of the exchange with each peer."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel
from starlette.requests import Request

from mekongx.api.v1.schemas import ERRORS
from mekongx.authz import Permission, require
from mekongx.federation.status import links
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of

router = APIRouter(prefix="/links", tags=["exchange"], responses=ERRORS)  # type: ignore[arg-type]


class LinkOut(BaseModel):
    agency: str
    endpoint: str
    state: str
    confirmed: bool
    fingerprint: str
    backlog: int
    sent: int
    refused: int
    received: int
    last_delivery_at: datetime | None
    consecutive_failures: int
    last_error: str
    previous_fingerprint: str  # during a key rotation's overlap: the old keys, still accepted
    previous_until: datetime | None
    stalled_since: datetime | None  # envelopes waiting, no delivery since (state "stalled")
    first_pending_seq: int | None
    refusal: str  # the peer's reason code for refusing the first waiting envelope, if any


@router.get("", response_model=list[LinkOut])
def list_links(request: Request, principal: CurrentPrincipal) -> list[LinkOut]:
    """Each peer: status (ok, backlog, down, stalled, unconfirmed), backlog, deliveries,
    failures, key fingerprint, and for a stalled link since when and the peer's refusal."""
    require(principal, Permission.VIEW_LINKS)
    with node_of(request).db.read() as session:
        return [
            LinkOut(
                **{k: getattr(link, k) for k in LinkOut.model_fields if k != "state"},
                state=link.state,
            )
            for link in links(session, node_of(request).settings.link_stall_after)
        ]
