"""Envelopes, version 2: signed with Ed25519, content encrypted to the one recipient.

Encryption: an ephemeral X25519 key agrees a secret with the recipient's X25519 key; HKDF-SHA256
derives a 256-bit key; ChaCha20-Poly1305 encrypts the sealed content (the payload and the
context routing does not need: thread, reply-to, evaluation, languages) with the clear header as
associated data. The header carries a keyed hash of the content (HMAC-SHA256 under a random key
that travels inside the ciphertext), so a holder of the envelope cannot confirm a guessed
content, while the receipt still names exactly what was received. Every signature covers the
RFC 8785 canonical JSON (:mod:`mekongx.federation.jcs`) of every field but ``sig``. All
primitives come from the ``cryptography`` package. docs/protocol.md is the specification;
docs/protocol-vectors.json holds vectors that scripts/verify_protocol_vectors.py checks
independently.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mekongx.federation.jcs import canonical as canonical
from mekongx.federation.keys import Signer, b64, raw_public, unb64
from mekongx.federation.origin import endorse
from mekongx.federation.statements import key_id as key_id
from mekongx.federation.statements import sign_statement as sign_statement
from mekongx.federation.statements import verify_statement as verify_statement

VERSION = 2
ALG = "X25519-HKDF-SHA256/ChaCha20-Poly1305"
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
    "v", "id", "type", "sender", "to", "recipients", "seq", "priority", "deadline", "handling",
    "created", "payload_mac",
)  # fmt: skip
CONTEXT_FIELDS = ("thread", "in_reply_to", "evaluation", "languages")
"""Sealed with the payload: what the receiving area needs but routing does not."""


class EnvelopeError(Exception):
    """An envelope that must be refused; ``reason`` is a stable code that is logged."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


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
    # The key of the content's keyed hash: random per message, kept with the queued envelope so
    # that sealing again (after a key rotation) gives the same hash; never sent in the clear.
    mac_key: str = field(default_factory=lambda: b64(os.urandom(32)))
    # Payload fields the sender signs as the record's originator (see federation/origin.py);
    # the statement is added to the payload as ``origin_signature`` when the envelope is sealed.
    endorse: list[str] = field(default_factory=list)

    def fields(self, payload_mac: str) -> dict[str, Any]:
        data = {
            name: getattr(self, name) for name in HEADER_FIELDS if name not in ("v", "payload_mac")
        }
        return {"v": VERSION, **data, "payload_mac": payload_mac}

    def context(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in CONTEXT_FIELDS}


def content_mac(mac_key: bytes, content: Mapping[str, Any]) -> str:
    """HMAC-SHA256, hex, of the canonical ``{"context": …, "payload": …}``."""
    return hmac.new(mac_key, canonical(dict(content)), hashlib.sha256).hexdigest()


def _derive(shared: bytes, epk: bytes, rpk: bytes, message_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=epk + rpk,
        info=f"mekongx/v{VERSION}/{message_id}".encode(),
    ).derive(shared)


def seal(
    header: Header,
    payload: Mapping[str, Any],
    signer: Signer,
    recipient_enc: X25519PublicKey,
    *,
    ephemeral: X25519PrivateKey | None = None,
    nonce: bytes | None = None,
) -> dict[str, Any]:
    """Build, encrypt and sign one envelope (``ephemeral``/``nonce`` only for test vectors)."""
    if header.type not in TYPES:
        raise EnvelopeError("bad-type", header.type)
    payload = dict(payload)
    if header.endorse:
        payload["origin_signature"] = endorse(payload, header.endorse, signer, header.sender)
    content = {"context": header.context(), "payload": payload}
    mac_key = unb64(header.mac_key)
    envelope = header.fields(content_mac(mac_key, content))
    body = canonical({**content, "mac_key": header.mac_key})
    ephemeral = ephemeral or X25519PrivateKey.generate()
    nonce = nonce or os.urandom(12)
    epk, rpk = raw_public(ephemeral.public_key()), raw_public(recipient_enc)
    key = _derive(ephemeral.exchange(recipient_enc), epk, rpk, header.id)
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, body, canonical(envelope))
    envelope["enc"] = {
        "alg": ALG,
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
    if not isinstance(envelope["enc"], Mapping) or not isinstance(envelope["sig"], str):
        raise EnvelopeError("malformed", "enc or sig")
    key = signers(str(envelope["sender"]), str(envelope["kid"]))
    if key is None:
        raise EnvelopeError("unknown-signer", f"{envelope['sender']} key {envelope['kid']}")
    unsigned = {k: v for k, v in envelope.items() if k != "sig"}
    try:
        key.verify(unb64(str(envelope["sig"])), canonical(unsigned))
    except (InvalidSignature, ValueError) as error:
        raise EnvelopeError("bad-signature", type(error).__name__) from None


@dataclass(frozen=True)
class Opened:
    """The decrypted content of an envelope: its payload and its sealed context."""

    payload: dict[str, Any]
    context: dict[str, Any]


def open_payload(envelope: Mapping[str, Any], decryptors: list[X25519PrivateKey]) -> dict[str, Any]:
    """The decrypted payload alone (see :func:`open_content`)."""
    return open_content(envelope, decryptors).payload


def open_content(envelope: Mapping[str, Any], decryptors: list[X25519PrivateKey]) -> Opened:
    """Decrypt with whichever of our keys it was sealed to; check the keyed hash."""
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
        try:
            sealed = json.loads(body)
            content = {"context": sealed["context"], "payload": sealed["payload"]}
            mac_key = base64.b64decode(sealed["mac_key"], validate=True)
            valid = hmac.compare_digest(content_mac(mac_key, content), str(envelope["payload_mac"]))
        except (ValueError, KeyError, TypeError):
            raise EnvelopeError("malformed", "sealed content") from None
        if not valid:
            raise EnvelopeError("payload-mac")
        if not isinstance(content["payload"], dict) or not isinstance(content["context"], dict):
            raise EnvelopeError("malformed", "payload or context is not an object")
        return Opened(content["payload"], content["context"])
    raise EnvelopeError("wrong-key", "sealed to a key this node does not hold")


def sign_receipt(fields: Mapping[str, Any], signer: Signer) -> dict[str, Any]:
    return sign_statement("receipt", fields, signer)


def iso(moment: datetime) -> str:
    """ISO 8601 with microseconds and the offset, as every time on the wire is written."""
    return moment.isoformat(timespec="microseconds")


verify_receipt = verify_statement
