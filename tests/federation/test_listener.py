"""The federation listener is the only place peers deliver to, and strangers cannot make it write.

Reproductions of issue 22 §2: the inbox was served on the public web port (where a forwarded
`https` scheme let a request through without a client certificate), the mutual-TLS port served
the whole application, every unauthenticated request wrote a rejection row and an audit row,
and the whole body was read before the 64 MiB check.
"""

from __future__ import annotations

import select as io
import socket
from typing import Any

import httpx
from sqlalchemy import func, select
from starlette.testclient import TestClient

from mekongx.app import create_app, create_federation_app
from mekongx.audit.log import AuditEvent
from mekongx.cli.serving import web_config
from mekongx.federation.envelope import iso
from mekongx.federation.models import Rejection
from mekongx.model.base import utcnow
from mekongx.settings import Settings


def _rows(node: Any, model: Any) -> int:
    db = node.database()
    with db.read() as session:
        count = session.scalar(select(func.count()).select_from(model)) or 0
    db.dispose()
    return count


def test_web_port_has_no_federation_and_federation_port_nothing_else(make_nodes: Any) -> None:
    (nncc,) = make_nodes("NNCC")
    nncc.start()
    forwarded = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https",
                 "X-MekongX-Sender": "ONCB", "X-MekongX-Time": iso(utcnow()), "X-MekongX-Signature": "AAAA"}  # fmt: skip
    assert (
        httpx.post(f"{nncc.url}/federation/v1/inbox", content=b"{}", headers=forwarded).status_code
        == 404
    )
    assert httpx.get(f"{nncc.url}/federation/v1/identity").status_code == 404
    for path in (
        "/login",
        "/healthz",
        "/api/v1/links",
        "/api/v1/openapi.json",
        "/links",
        "/static/app.css",
    ):
        assert httpx.get(f"{nncc.federation_url}{path}").status_code == 404, path
    assert httpx.get(f"{nncc.federation_url}/federation/v1/identity").json()["agency"] == "NNCC"


def test_unauthenticated_requests_write_nothing_and_are_rate_limited(make_nodes: Any) -> None:
    _oncb, nncc = make_nodes("ONCB", "NNCC")
    nncc.extra_env = {"MEKONGX_FEDERATION_REFUSALS_PER_MINUTE": "20"}
    nncc.start()
    before = _rows(nncc, AuditEvent), _rows(nncc, Rejection)
    inbox = f"{nncc.federation_url}/federation/v1/inbox"
    statuses = []
    with httpx.Client() as client:
        for i in range(300):
            sender = ("XXX", "ONCB", "ONCB")[i % 3]
            sent_at = iso(utcnow().replace(year=2020)) if i % 3 == 2 else iso(utcnow())
            headers = {
                "X-MekongX-Sender": sender,
                "X-MekongX-Time": sent_at,
                "X-MekongX-Signature": "AAAA",
            }
            statuses.append(
                client.post(inbox, content=b'{"envelopes":[]}', headers=headers).status_code
            )
    assert (_rows(nncc, AuditEvent), _rows(nncc, Rejection)) == before  # nothing written
    assert statuses[:20] == [403] * 20  # unknown-sender, bad-request-signature, stale-request
    assert set(statuses[20:]) == {429}  # then refused unread


def _send_until_answered(port: int, head: bytes, chunks: int, chunked: bool) -> tuple[int, bytes]:
    """Send a request of ``chunks`` MiB piece by piece, watching for an early answer; return
    how many body bytes went out before the listener answered, and the answer's first line."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(head)
        piece = b" " * (1024 * 1024)
        for _ in range(chunks):
            if io.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(b"100000\r\n" + piece + b"\r\n" if chunked else piece)
            except OSError:  # the listener answered and closed the connection
                break
            sent += len(piece)
        if not io.select([sock], [], [], 30)[0]:
            return sent, b""
        return sent, sock.recv(4096).split(b"\r\n")[0]


def test_body_limit_is_enforced_while_reading(make_nodes: Any) -> None:
    _oncb, nncc = make_nodes("ONCB", "NNCC")
    nncc.start()
    fields = f"X-MekongX-Sender: ONCB\r\nX-MekongX-Time: {iso(utcnow())}\r\nX-MekongX-Signature: AAAA\r\n"
    request = f"POST /federation/v1/inbox HTTP/1.1\r\nHost: node\r\n{fields}"
    # A body declared larger than 64 MiB is refused before any of it is read.
    head = f"{request}Content-Length: {256 * 2**20}\r\n\r\n".encode()
    sent, answer = _send_until_answered(nncc.federation_port, head, 256, chunked=False)
    assert answer.startswith(b"HTTP/1.1 413") and sent < 32 * 2**20, (sent, answer)
    # A chunked body (no length given) is refused once 64 MiB have come, not after the rest.
    head = f"{request}Transfer-Encoding: chunked\r\n\r\n".encode()
    sent, answer = _send_until_answered(nncc.federation_port, head, 256, chunked=True)
    assert answer.startswith(b"HTTP/1.1 413") and sent < 128 * 2**20, (sent, answer)


def test_mutual_tls_listener_requires_a_client_certificate(tmp_path: Any) -> None:
    """Served with mutual TLS, a request that carries no verified client certificate is refused,
    even from loopback; the web application has no federation route at all."""
    settings = Settings(
        env="test", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'n.db'}"
    )
    web = create_app(settings)
    federation = TestClient(
        create_federation_app(web.state.node, mutual_tls=True), client=("127.0.0.1", 5000)
    )
    headers = {
        "X-MekongX-Sender": "ONCB",
        "X-MekongX-Time": iso(utcnow()),
        "X-MekongX-Signature": "AAAA",
    }
    web.state.node.keys = object()  # past the "no keys yet" answer; nothing else reads them here
    answer = federation.post("/federation/v1/inbox", content=b"{}", headers=headers)
    assert (answer.status_code, answer.json()["error"]) == (403, "no-client-certificate")
    assert (
        TestClient(web).post("/federation/v1/inbox", content=b"{}", headers=headers).status_code
        == 404
    )
    web.state.node.db.dispose()


async def _echo(scope: Any, receive: Any, send: Any) -> None:
    text = f"{scope['client'][0]} {scope['scheme']}".encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": text})


def _seen(proxies: str, client: str) -> str:
    config = web_config(
        Settings(env="test", trusted_proxies=proxies), _echo, "127.0.0.1", 0, "warning"
    )
    config.load()
    headers = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
    http = TestClient(config.loaded_app, base_url="http://node", client=(client, 5000))
    return http.get("/", headers=headers).text


def test_forwarded_headers_are_believed_only_from_configured_proxies() -> None:
    assert _seen("", "127.0.0.1") == "127.0.0.1 http"  # no proxy configured: believed from no one
    assert _seen("10.1.2.3", "127.0.0.1") == "127.0.0.1 http"
    assert _seen("10.1.2.3", "10.1.2.3") == "203.0.113.7 https"
    assert _seen("10.1.0.0/16, ::1", "10.1.9.9") == "203.0.113.7 https"


def test_sync_is_authenticated_like_a_delivery_and_signed(make_nodes: Any) -> None:
    """``/federation/v1/sync`` (issue 22 §1): refused unless signed with the sync domain by a
    peer's key (a delivery's signature does not do), nothing written for a refusal; a malformed
    body is 400; a good request gets the receiver's signed statement of the expected number."""
    from mekongx.federation.envelope import canonical, verify_receipt
    from mekongx.federation.inbox import batch_signing_text
    from mekongx.federation.keys import b64, load_sign_public
    from mekongx.federation.sync import sync_signing_text

    oncb, nncc = make_nodes("ONCB", "NNCC")
    nncc.start()
    url = f"{nncc.federation_url}/federation/v1/sync"

    def post(body: bytes, text: Any = sync_signing_text, sender: str = "ONCB") -> httpx.Response:
        sent_at = iso(utcnow())
        signature = b64(oncb.keys.current.sign.sign(text(sender, "NNCC", sent_at, body)))
        return httpx.post(url, content=body, headers={"X-MekongX-Sender": sender,
                          "X-MekongX-Time": sent_at, "X-MekongX-Signature": signature})  # fmt: skip

    body = canonical({"nonce": "0123456789abcdef", "pending": ["nothing-like-this"]})
    before = _rows(nncc, AuditEvent), _rows(nncc, Rejection)
    assert post(body, batch_signing_text).json() == {"error": "bad-request-signature"}
    assert post(body, sender="XXX").json() == {"error": "unknown-sender"}
    assert (_rows(nncc, AuditEvent), _rows(nncc, Rejection)) == before
    assert post(b'{"nonce": 1}').status_code == 400
    answer = post(body)
    assert answer.status_code == 200
    statement = answer.json()["statement"]
    assert answer.json()["known"] == []
    assert (statement["type"], statement["from"], statement["to"]) == ("sync", "NNCC", "ONCB")
    assert statement["nonce"] == "0123456789abcdef" and statement["expected_seq"] == 1
    assert verify_receipt(statement, load_sign_public(nncc.keys.current.sign_public))
