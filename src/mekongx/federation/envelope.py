"""Envelopes, version 1: signed with Ed25519, payload encrypted to the one recipient.

Encryption: an ephemeral X25519 key agrees a secret with the recipient's X25519 key; HKDF-SHA256
derives a 256-bit key; ChaCha20-Poly1305 encrypts the canonical JSON payload with the envelope
header as associated data. The signature covers the canonical JSON of every field but ``sig``.
All primitives come from the ``cryptography`` package. docs/protocol.md is the specification;
tests/federation/test_vectors.py checks it against fixed vectors.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mekongx.federation.keys import b64, raw_public, unb64

VERSION = 1
TYPES = frozenset(
    {
        "information",
        "request",
        "reply",
        "acknowledgement",
        "reminder",
        "notice",
        "retraction",
        "correction",
    }
)
PRIORITIES = frozenset({"routine", "urgent", "immediate"})
HEADER_FIELDS = (
    "v", "id", "thread", "in_reply_to", "type", "sender", "to", "recipients", "seq", "priority",
    "deadline", "handling", "evaluation", "languages", "created", "payload_hash",
)  # fmt: skip


class EnvelopeError(Exception):
    """An envelope that must be refused; ``reason`` is a stable code that is logged."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def canonical(data: Any) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 (not ASCII-escaped)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def key_id(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


@dataclass(frozen=True)
class Header:
    type: str
    sender: str
    to: str
    recipients: list[str]
    seq: int
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    thread: str | None = None
    in_reply_to: str | None = None
    priority: str = "routine"
    deadline: str | None = None
    handling: str = "H0"
    evaluation: str | None = None
    languages: list[str] = field(default_factory=list)
    created: str = ""

    def fields(self, payload_hash: str) -> dict[str, Any]:
        data = {
            name: getattr(self, name) for name in HEADER_FIELDS if name not in ("v", "payload_hash")
        }
        return {"v": VERSION, **data, "payload_hash": payload_hash}


def _derive(shared: bytes, epk: bytes, rpk: bytes, message_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=epk + rpk,
        info=b"mekongx/v1/" + message_id.encode(),
    ).derive(shared)


def seal(
    header: Header,
    payload: Mapping[str, Any],
    signer: Ed25519PrivateKey,
    recipient_enc: X25519PublicKey,
    *,
    ephemeral: X25519PrivateKey | None = None,
    nonce: bytes | None = None,
) -> dict[str, Any]:
    """Build, encrypt and sign one envelope (``ephemeral``/``nonce`` only for test vectors)."""
    if header.type not in TYPES:
        raise EnvelopeError("bad-type", header.type)
    body = canonical(dict(payload))
    envelope = header.fields(hashlib.sha256(body).hexdigest())
    ephemeral = ephemeral or X25519PrivateKey.generate()
    nonce = nonce or os.urandom(12)
    epk, rpk = raw_public(ephemeral.public_key()), raw_public(recipient_enc)
    key = _derive(ephemeral.exchange(recipient_enc), epk, rpk, header.id)
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, body, canonical(envelope))
    envelope["enc"] = {
        "alg": "X25519-HKDF-SHA256/ChaCha20-Poly1305",
        "epk": b64(epk),
        "rkid": key_id(rpk),
        "nonce": b64(nonce),
        "ct": b64(ciphertext),
    }
    envelope["kid"] = key_id(raw_public(signer.public_key()))
    envelope["sig"] = b64(signer.sign(canonical(envelope)))
    return envelope


def verify(
    envelope: Mapping[str, Any], signers: Callable[[str, str], Ed25519PublicKey | None]
) -> None:
    """Check structure and signature; ``signers(sender, kid)`` gives the peer's key or None."""
    if not isinstance(envelope, Mapping):
        raise EnvelopeError("malformed", "not an object")
    if envelope.get("v") != VERSION:
        raise EnvelopeError("bad-version", str(envelope.get("v")))
    missing = [name for name in (*HEADER_FIELDS, "enc", "kid", "sig") if name not in envelope]
    if missing:
        raise EnvelopeError("malformed", "missing " + ", ".join(missing))
    if envelope["type"] not in TYPES:
        raise EnvelopeError("bad-type", str(envelope["type"]))
    key = signers(str(envelope["sender"]), str(envelope["kid"]))
    if key is None:
        raise EnvelopeError("unknown-signer", f"{envelope['sender']} key {envelope['kid']}")
    unsigned = {k: v for k, v in envelope.items() if k != "sig"}
    try:
        key.verify(unb64(str(envelope["sig"])), canonical(unsigned))
    except (InvalidSignature, ValueError) as error:
        raise EnvelopeError("bad-signature", type(error).__name__) from None


def open_payload(envelope: Mapping[str, Any], decryptors: list[X25519PrivateKey]) -> dict[str, Any]:
    """Decrypt the payload with whichever of our keys it was sealed to; check its hash."""
    enc = envelope["enc"]
    header = {k: v for k, v in envelope.items() if k not in ("enc", "kid", "sig")}
    for private in decryptors:
        rpk = raw_public(private.public_key())
        if key_id(rpk) != enc.get("rkid"):
            continue
        try:
            epk = unb64(enc["epk"])
            key = _derive(
                private.exchange(X25519PublicKey.from_public_bytes(epk)),
                epk,
                rpk,
                str(envelope["id"]),
            )
            body = ChaCha20Poly1305(key).decrypt(
                unb64(enc["nonce"]), unb64(enc["ct"]), canonical(header)
            )
        except (InvalidTag, ValueError, KeyError) as error:
            raise EnvelopeError("undecryptable", type(error).__name__) from None
        if hashlib.sha256(body).hexdigest() != envelope["payload_hash"]:
            raise EnvelopeError("payload-hash")
        payload = json.loads(body)
        if not isinstance(payload, dict):
            raise EnvelopeError("malformed", "payload is not an object")
        return payload
    raise EnvelopeError("wrong-key", "sealed to a key this node does not hold")


def sign_statement(
    kind: str, fields: Mapping[str, Any], signer: Ed25519PrivateKey
) -> dict[str, Any]:
    """A signed JSON statement (receipts, consents): ``{v, type, …fields, kid, sig}``."""
    statement = {
        "v": VERSION,
        "type": kind,
        **fields,
        "kid": key_id(raw_public(signer.public_key())),
    }
    statement["sig"] = b64(signer.sign(canonical(statement)))
    return statement


def sign_receipt(fields: Mapping[str, Any], signer: Ed25519PrivateKey) -> dict[str, Any]:
    return sign_statement("receipt", fields, signer)


def verify_statement(statement: Mapping[str, Any], key: Ed25519PublicKey) -> bool:
    unsigned = {k: v for k, v in statement.items() if k != "sig"}
    try:
        key.verify(unb64(str(statement.get("sig", ""))), canonical(unsigned))
    except (InvalidSignature, ValueError):
        return False
    return True


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


verify_receipt = verify_statement
