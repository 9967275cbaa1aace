"""The node-to-node endpoints, served only on the federation listener (never on the web port).

Not part of the user API (no user authentication): each request is signed by the sending
node's key and each envelope by its originator. With mutual TLS the client certificate must
be issued by the CA pinned for the agency the request claims to come from; without TLS (outside
production) only loopback clients are answered. Until a request is authenticated nothing is
written to the database: refusals are counted in memory (`federation.gate`) and a client with
too many of them is answered 429 without its body being read. The body is read in pieces and
refused as soon as it passes 64 MiB.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse

from mekongx.federation import sync as link_sync
from mekongx.federation.gate import RefusalGate
from mekongx.federation.inbox import (
    BatchRefused,
    SigningText,
    batch_signing_text,
    check_sender,
    check_signature,
    check_time,
    receive_batch,
)
from mekongx.federation.models import Peer
from mekongx.federation.peers import is_loopback_url
from mekongx.federation.transport import issued_by
from mekongx.http.node import Node, node_of

PREFIX = "/federation/v1"
router = APIRouter(prefix=PREFIX, include_in_schema=False)
MAX_BATCH_BYTES = 64 * 1024 * 1024
MTLS_SCOPE_KEY = "mekongx.client_cert"  # DER of the verified client certificate (serving.py)


def _error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status)


def _gate(request: Request) -> RefusalGate:
    gate: RefusalGate = request.app.state.refusals
    return gate


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _channel_problem(request: Request) -> str:
    """Why this connection may not deliver at all ('' when it may): with mutual TLS a verified
    client certificate is required; without TLS, a loopback client."""
    if request.app.state.mutual_tls:
        return "" if request.scope.get(MTLS_SCOPE_KEY) else "no-client-certificate"
    return "" if is_loopback_url(f"http://{_client(request)}/") else "plain-http-only-on-loopback"


def _certificate_problem(request: Request, peer: Peer) -> str:
    """With mutual TLS the client certificate must come from the claimed sender's pinned CA."""
    if not request.app.state.mutual_tls:
        return ""
    der = request.scope.get(MTLS_SCOPE_KEY)
    return "" if isinstance(der, bytes) and issued_by(der, peer.tls_ca_pem) else "wrong-certificate"


class _TooLarge(Exception):
    pass


async def _read_bounded(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it passes ``limit`` bytes (never held whole)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        parts.append(chunk)
    return b"".join(parts)


def _node(request: Request) -> Node:
    return node_of(request)


async def _authenticated(
    request: Request, limit: int, signing_text: SigningText
) -> tuple[str, bytes] | JSONResponse:
    """The claimed sender and the request body once the request is authenticated (channel,
    sender, certificate, time, size, signature); otherwise the refusal to answer. Nothing is
    written for a refusal: it is counted in memory."""
    node = _node(request)
    gate, client = _gate(request), _client(request)
    if gate.blocked(client):
        return _error(429, "too-many-refusals")

    def refuse(status: int, reason: str) -> JSONResponse:
        gate.refused(client, reason)
        return _error(status, reason)

    if node.keys is None:
        return _error(503, "node-has-no-keys")
    if problem := _channel_problem(request):
        return refuse(403, problem)
    sender = request.headers.get("x-mekongx-sender", "")[:16]
    sent_at = request.headers.get("x-mekongx-time", "")[:64]
    signature = request.headers.get("x-mekongx-signature", "")[:200]
    own = node.settings.node_agency
    try:
        peer = await run_in_threadpool(check_sender, node.db, sender)
        if problem := _certificate_problem(request, peer):
            return refuse(403, problem)
        check_time(sent_at)
        try:
            body = await _read_bounded(request, limit)
        except _TooLarge:
            return refuse(413, "batch-too-large")
        except ClientDisconnect:
            return refuse(400, "incomplete-body")
        await run_in_threadpool(
            check_signature, peer, own, sender, sent_at, signature, body, signing_text
        )
    except BatchRefused as refused:
        return refuse(refused.status, refused.reason)
    return sender, body


@router.post("/inbox")
async def inbox(request: Request) -> JSONResponse:
    checked = await _authenticated(request, MAX_BATCH_BYTES, batch_signing_text)
    if isinstance(checked, JSONResponse):
        return checked
    sender, body = checked
    node = _node(request)
    assert node.keys is not None
    # Authenticated from here on: what follows is recorded.
    try:
        data: Any = json.loads(body)
        envelopes = data["envelopes"]
        if not isinstance(envelopes, list):
            raise TypeError("envelopes is not a list")
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError):
        return _error(400, "malformed-batch")
    outcomes = await run_in_threadpool(
        receive_batch, node.db, node.keys, node.settings.node_agency, sender, envelopes
    )
    return JSONResponse({"outcomes": [o.as_json() for o in outcomes]})


@router.post("/sync")
async def sync(request: Request) -> JSONResponse:
    """Sequence re-synchronisation (federation/sync.py): the sequence number this node expects
    next from the sender, and its receipts for the sender's waiting envelopes it already has."""
    checked = await _authenticated(request, link_sync.MAX_BODY, link_sync.sync_signing_text)
    if isinstance(checked, JSONResponse):
        return checked
    sender, body = checked
    node = _node(request)
    assert node.keys is not None
    try:
        nonce, pending = link_sync.read_request(body)
    except (ValueError, UnicodeDecodeError):
        return _error(400, "malformed-sync")
    answer = await run_in_threadpool(
        link_sync.answer, node.db, node.keys, node.settings.node_agency, sender, nonce, pending
    )
    return JSONResponse(answer)


@router.get("/identity")
def identity(request: Request) -> JSONResponse:
    """The public half of this node's identity, for peering (compare the fingerprint!)."""
    node = _node(request)
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
