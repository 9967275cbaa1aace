"""The protocol's test vectors: the code reproduces them byte for byte, and they verify/open."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from mekongx.federation.envelope import (
    EnvelopeError,
    canonical,
    open_payload,
    verify,
    verify_receipt,
)
from mekongx.federation.keys import load_sign_public, unb64

ROOT = Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "docs" / "protocol-vectors.json").read_text())


def test_vectors_are_reproduced() -> None:
    answer = subprocess.run(
        [sys.executable, "scripts/protocol_vectors.py", "--check"], cwd=ROOT, check=False
    )
    assert answer.returncode == 0, "docs/protocol-vectors.json differs from what the code produces"


def test_vectors_verify_and_open() -> None:
    keys = VECTORS["keys"]
    envelope = VECTORS["envelope"]
    sender = load_sign_public(keys["sender_sign_public_b64"])
    verify(envelope, lambda who, kid: sender if who == "ONCB" else None)
    receiver = X25519PrivateKey.from_private_bytes(unb64(keys["receiver_enc_private_b64"]))
    assert open_payload(envelope, [receiver]) == VECTORS["payload"]
    assert canonical(VECTORS["payload"]).decode() == VECTORS["payload_canonical_utf8"]
    assert verify_receipt(VECTORS["receipt"], load_sign_public(keys["receiver_sign_public_b64"]))


def test_every_header_field_is_signed() -> None:
    keys = VECTORS["keys"]
    sender = load_sign_public(keys["sender_sign_public_b64"])
    for field in ("id", "seq", "to", "handling", "deadline", "payload_hash", "enc"):
        forged = json.loads(json.dumps(VECTORS["envelope"]))
        forged[field] = "x" if field != "seq" else 2
        with pytest.raises(EnvelopeError):
            verify(forged, lambda who, kid: sender)
