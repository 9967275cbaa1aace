"""Carrying a batch of envelopes to a peer over HTTPS with mutual TLS (certificates from each
agency's own CA, pinned per peer). Plain HTTP is accepted only for loopback addresses."""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import httpx
from cryptography import x509
from cryptography.exceptions import InvalidSignature

from mekongx.federation.models import Peer
from mekongx.federation.peers import is_loopback_url

INBOX_PATH = "/federation/v1/inbox"


class TransportError(Exception):
    """The peer could not be reached or did not answer properly (retried with back-off)."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


class Transport(Protocol):
    def post(self, peer: Peer, path: str, headers: dict[str, str], body: bytes) -> Answer: ...


@dataclass(frozen=True)
class TlsIdentity:
    """This node's client certificate and key (issued by its agency's CA)."""

    cert_file: Path
    key_file: Path


class HttpTransport:
    def __init__(self, identity: TlsIdentity | None = None, timeout: float = 15.0) -> None:
        self.identity = identity
        self.timeout = timeout
        self._clients: dict[str, httpx.Client] = {}

    def _client(self, peer: Peer) -> httpx.Client:
        key = f"{peer.agency_code}:{peer.endpoint}:{hash(peer.tls_ca_pem)}"
        client = self._clients.get(key)
        if client is None:
            verify: ssl.SSLContext | bool = True
            if peer.endpoint.startswith("https://"):
                context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
                if peer.tls_ca_pem:
                    context = ssl.create_default_context(
                        cadata=peer.tls_ca_pem
                    )  # pinned: only this CA
                if self.identity is not None:
                    context.load_cert_chain(self.identity.cert_file, self.identity.key_file)
                verify = context
            elif not is_loopback_url(peer.endpoint):
                raise TransportError(f"refusing plain HTTP to a non-loopback peer: {peer.endpoint}")
            client = httpx.Client(verify=verify, timeout=self.timeout)
            self._clients[key] = client
        return client

    def post(self, peer: Peer, path: str, headers: dict[str, str], body: bytes) -> Answer:
        """POST ``body`` to ``path`` of the peer's federation listener; its JSON answer."""
        try:
            response = self._client(peer).post(
                peer.endpoint + path,
                content=body,
                headers={**headers, "Content-Type": "application/json"},
            )
        except (httpx.HTTPError, ssl.SSLError, OSError) as error:
            raise TransportError(f"{type(error).__name__}: {error}") from None
        try:
            data = response.json()
        except (json.JSONDecodeError, ValueError):
            raise TransportError(f"HTTP {response.status_code}: not JSON") from None
        if not isinstance(data, dict):
            raise TransportError(f"HTTP {response.status_code}: unexpected answer")
        return Answer(response.status_code, data)

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()


def issued_by(cert_der: bytes, ca_pem: str) -> bool:
    """Was this (client) certificate issued directly by one of the CA certificates in
    ``ca_pem``? Binds a TLS client to the agency whose CA is pinned on its peer row."""
    if not cert_der or not ca_pem.strip():
        return False
    try:
        leaf = x509.load_der_x509_certificate(cert_der)
        authorities = x509.load_pem_x509_certificates(ca_pem.encode())
    except ValueError:
        return False
    for authority in authorities:
        try:
            leaf.verify_directly_issued_by(authority)
            return True
        except (ValueError, TypeError, InvalidSignature):
            continue
    return False
