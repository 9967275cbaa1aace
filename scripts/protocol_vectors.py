#!/usr/bin/env python3
"""Write docs/protocol-vectors.json: fixed keys, header and payload, and the exact envelope and
receipt MekongX produces from them. Another implementation of docs/protocol.md must reproduce
these bytes. ``--check`` compares instead of writing (tests/federation/test_vectors.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from mekongx.federation.envelope import Header, canonical, seal, sign_receipt
from mekongx.federation.keys import b64, raw_public

TARGET = Path(__file__).resolve().parent.parent / "docs" / "protocol-vectors.json"


def seed(label: str) -> bytes:
    return (label.encode() * 32)[:32]


def vectors() -> dict[str, Any]:
    sender_sign = Ed25519PrivateKey.from_private_bytes(seed("oncb-sign"))
    receiver_sign = Ed25519PrivateKey.from_private_bytes(seed("nncc-sign"))
    receiver_enc = X25519PrivateKey.from_private_bytes(seed("nncc-enc"))
    ephemeral = X25519PrivateKey.from_private_bytes(seed("ephemeral"))
    nonce = seed("nonce")[:12]
    header = Header(
        type="information", sender="ONCB", to="NNCC", recipients=["NNCC"], seq=1,
        id="6f1c2a4e-8b0d-4c1e-9a57-1d2c3b4a5e6f", thread="6f1c2a4e-8b0d-4c1e-9a57-1d2c3b4a5e6f",
        handling="H2", evaluation="B2", languages=["th"], created="2024-07-10T03:00:00.000000+00:00",
    )  # fmt: skip
    payload = {
        "kind": "intel.report",
        "uid": "6f1c2a4e-8b0d-4c1e-9a57-1d2c3b4a5e6f",
        "title": "หลาน เว่ยหง / 兰卫红",
    }
    envelope = seal(
        header, payload, sender_sign, receiver_enc.public_key(), ephemeral=ephemeral, nonce=nonce
    )
    receipt = sign_receipt(
        {"message_id": header.id, "from": "NNCC", "to": "ONCB", "seq": 1, "payload_hash": envelope["payload_hash"],
         "status": "applied", "received_at": "2024-07-10T03:00:01.000000+00:00"},
        receiver_sign,
    )  # fmt: skip
    return {
        "description": "MekongX envelope v1 test vectors; private keys are fixed test values, never use them.",
        "keys": {
            "sender_sign_private_seed_b64": b64(seed("oncb-sign")),
            "sender_sign_public_b64": b64(raw_public(sender_sign.public_key())),
            "receiver_sign_public_b64": b64(raw_public(receiver_sign.public_key())),
            "receiver_enc_private_b64": b64(seed("nncc-enc")),
            "receiver_enc_public_b64": b64(raw_public(receiver_enc.public_key())),
            "ephemeral_private_b64": b64(seed("ephemeral")),
            "nonce_b64": b64(nonce),
        },
        "payload": payload,
        "payload_canonical_utf8": canonical(payload).decode(),
        "envelope": envelope,
        "receipt": receipt,
    }


def render() -> str:
    return json.dumps(vectors(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if TARGET.read_text() == render() else 1)
    TARGET.write_text(render())
