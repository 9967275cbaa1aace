"""Your own API tokens through the API: list them, and revoke one (for example a leaked one).

Creating a token needs the current password and is done on the profile page or with
``mekongx users token``; a token cannot make more tokens.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from mekongx.accounts import service as accounts
from mekongx.api.v1.schemas import ERRORS
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.model.base import utcnow

router = APIRouter(tags=["tokens"], responses=ERRORS)  # type: ignore[arg-type]


class TokenOut(BaseModel):
    prefix: str
    name: str
    created_at: datetime
    expires_at: datetime
    revoked: bool
    expired: bool


@router.get("/tokens", response_model=list[TokenOut])
def list_tokens(request: Request, principal: CurrentPrincipal) -> list[TokenOut]:
    """Your tokens, newest first, with when each expires."""
    node = node_of(request)
    now = utcnow()
    with node.db.read() as session:
        user = accounts.get_user(session, principal.user_id)
        out = []
        for row in accounts.list_api_tokens(session, user):
            until = accounts.token_expiry(row, node.settings)
            out.append(
                TokenOut(
                    prefix=row.prefix,
                    name=row.name,
                    created_at=row.created_at,
                    expires_at=until,
                    revoked=row.revoked,
                    expired=until <= now,
                )
            )
        return out


@router.delete("/tokens/{prefix}", status_code=204)
def revoke_token(
    request: Request,
    principal: CurrentPrincipal,
    prefix: Annotated[str, Path(max_length=12, pattern="^[A-Za-z0-9_-]+$")],
) -> Response:
    """Revoke one of your tokens (the one making this request included)."""
    with node_of(request).db.write() as session:
        owner = accounts.get_user(session, principal.user_id)
        accounts.revoke_api_token(session, principal, prefix, owner)
    return Response(status_code=204)
