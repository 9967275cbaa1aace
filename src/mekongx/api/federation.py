"""The node-to-node endpoint: peers deliver batches of envelopes here and get receipts back.

Not part of the user API (no user authentication): each request is signed by the sending
node's key and each envelope by its originator. In production it is served on its own port
with mutual TLS (`mekongx serve --federation-port`); plain HTTP is answered only from loopback.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from mekongx.federation.inbox import BatchRefused, check_batch, receive_batch
from mekongx.federation.peers import is_loopback_url
from mekongx.http.node import node_of

router = APIRouter(prefix="/federation/v1", include_in_schema=False)
MAX_BATCH_BYTES = 64 * 1024 * 1024


def _error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status)


@router.post("/inbox")
async def inbox(request: Request) -> JSONResponse:
    node = node_of(request)
    if node.keys is None:
        return _error(503, "node-has-no-keys")
    client = request.client.host if request.client else ""
    if (
        request.url.scheme != "https"
        and not request.scope.get("mekongx.mtls")
        and not is_loopback_url(f"http://{client}/")
    ):
        return _error(403, "plain-http-only-on-loopback")
    body = await request.body()
    if len(body) > MAX_BATCH_BYTES:
        return _error(413, "batch-too-large")
    sender = request.headers.get("x-mekongx-sender", "")[:16]
    sent_at = request.headers.get("x-mekongx-time", "")[:64]
    signature = request.headers.get("x-mekongx-signature", "")[:200]
    own = node.settings.node_agency
    try:
        await run_in_threadpool(check_batch, node.db, own, sender, sent_at, signature, body)
    except BatchRefused as refused:
        return _error(refused.status, refused.reason)
    try:
        data: Any = json.loads(body)
        envelopes = data["envelopes"]
        if not isinstance(envelopes, list):
            raise TypeError("envelopes is not a list")
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError):
        return _error(400, "malformed-batch")
    outcomes = await run_in_threadpool(receive_batch, node.db, node.keys, own, sender, envelopes)
    return JSONResponse({"outcomes": [o.as_json() for o in outcomes]})


@router.get("/identity")
def identity(request: Request) -> JSONResponse:
    """The public half of this node's identity, for peering (compare the fingerprint!)."""
    node = node_of(request)
    if node.keys is None:
        return _error(503, "node-has-no-keys")
    return JSONResponse(
        {
            "agency": node.settings.node_agency,
            "sign_public": node.keys.current.sign_public,
            "enc_public": node.keys.current.enc_public,
            "fingerprint": node.keys.current.fingerprint,
        }
    )
