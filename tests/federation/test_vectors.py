"""The protocol's test vectors: the code reproduces them byte for byte, the code refuses every
negative case with the code the vectors name, and an independent verifier (written from
docs/protocol.md, importing nothing of MekongX) checks every vector."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from mekongx.domains.intel.trust import ORIGIN_FIELDS, check_consent
from mekongx.federation.envelope import EnvelopeError, open_content, verify, verify_receipt
from mekongx.federation.handlers import Received, check
from mekongx.federation.inbox import MAX_CLOCK_SKEW
from mekongx.federation.keys import load_sign_public, unb64
from mekongx.federation.origin import check_origin
from mekongx.federation.statements import key_id
from mekongx.wiring import install

ROOT = Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "docs" / "protocol-vectors.json").read_text())
VERIFIER = ROOT / "scripts" / "verify_protocol_vectors.py"
NOW = datetime.fromisoformat(VECTORS["now"])


def test_vectors_are_reproduced() -> None:
    answer = subprocess.run(
        [sys.executable, "scripts/protocol_vectors.py", "--check"], cwd=ROOT, check=False
    )
    assert answer.returncode == 0, "docs/protocol-vectors.json differs from what the code produces"


def test_the_independent_verifier_checks_every_vector(tmp_path: Path) -> None:
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(VERIFIER.read_text()))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not [m for m in imported if m.startswith("mekongx")], "the verifier must stand alone"
    answer = subprocess.run(
        [sys.executable, str(VERIFIER)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert answer.returncode == 0, answer.stdout + answer.stderr
    assert "FAIL" not in answer.stdout and answer.stdout.count("\nok ") > 70
    # It is not a rubber stamp: one changed byte of the envelope's ciphertext fails it.
    tampered = json.loads(json.dumps(VECTORS))
    ct = tampered["envelope"]["envelope"]["enc"]["ct"]
    tampered["envelope"]["envelope"]["enc"]["ct"] = ("B" if ct[0] == "A" else "A") + ct[1:]
    (tmp_path / "v.json").write_text(json.dumps(tampered, ensure_ascii=False))
    answer = subprocess.run(
        [sys.executable, str(VERIFIER), str(tmp_path / "v.json")], capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert answer.returncode == 1 and "FAIL" in answer.stdout


def _keys(name: str) -> dict[str, Any]:
    public = VECTORS["identities"][name]["sign_public_b64"]
    return {key_id(unb64(public)): load_sign_public(public)}


def _receiver_key() -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(
        unb64(VECTORS["identities"]["NNCC"]["enc_private_b64"])
    )


def _receive(envelope: dict[str, Any]) -> str:
    """What the node's inbox answers for one envelope, as a refusal code (or "ok")."""
    keys = _keys("ONCB")
    try:
        verify(envelope, lambda sender, kid: keys.get(kid) if sender == "ONCB" else None)
        if envelope["to"] != "NNCC":
            return "wrong-recipient"
        if datetime.fromisoformat(envelope["created"]) - NOW > MAX_CLOCK_SKEW:
            return "from-the-future"
        opened = open_content(envelope, [_receiver_key()])
    except EnvelopeError as error:
        return error.reason
    received = Received(
        message_id=envelope["id"], type=envelope["type"], sender="ONCB", own_agency="NNCC",
        thread=None, in_reply_to=None, handling=envelope["handling"], created=envelope["created"],
    )  # fmt: skip
    refused = check(received, opened.payload)[1]
    return ":".join(refused.split(":")[:2]) if refused else "ok"


@pytest.fixture(autouse=True)
def _handlers() -> None:
    install()


def test_the_envelope_opens_and_the_receipt_verifies() -> None:
    envelope = VECTORS["envelope"]["envelope"]
    assert _receive(envelope) == "ok"
    opened = open_content(envelope, [_receiver_key()])
    payload = dict(opened.payload)
    statement = payload.pop("origin_signature")
    assert payload == VECTORS["envelope"]["payload_before_origin_signature"]
    assert opened.context == VECTORS["envelope"]["context"]
    assert check_origin(statement, opened.payload, "ONCB", _keys("ONCB"), ORIGIN_FIELDS) == ""
    receipt = VECTORS["receipt"]
    assert verify_receipt(
        receipt, load_sign_public(VECTORS["identities"]["NNCC"]["sign_public_b64"])
    )
    assert receipt["payload_mac"] == envelope["payload_mac"]
    # Routing needs none of these, so they travel only inside the ciphertext.
    assert not {"thread", "in_reply_to", "evaluation", "languages", "payload_hash"} & set(envelope)


@pytest.mark.parametrize(
    "case", VECTORS["negative"]["envelopes"], ids=lambda c: c["name"].replace(" ", "-")
)
def test_the_code_refuses_each_negative_envelope_as_the_vectors_say(case: dict[str, Any]) -> None:
    assert _receive(case["envelope"]) == case["expected"]


@pytest.mark.parametrize("case", VECTORS["consent"]["checks"], ids=lambda c: c["expected"])
def test_consent_tokens(case: dict[str, Any]) -> None:
    problem = check_consent(
        case["token"], uid=case["uid"], version=case["version"], origin=case["origin"],
        holder=case["holder"], origin_keys=_keys("ONCB"), now=datetime.fromisoformat(case["now"]),
    )  # fmt: skip
    assert (problem or "ok") == case["expected"]


@pytest.mark.parametrize("case", VECTORS["origin_signature"]["checks"], ids=lambda c: c["expected"])
def test_origin_signatures(case: dict[str, Any]) -> None:
    statement = VECTORS["origin_signature"]["statement"]
    problem = check_origin(statement, case["payload"], "ONCB", _keys("ONCB"), ORIGIN_FIELDS)
    assert (problem or "ok") == case["expected"]


def test_every_header_field_is_signed() -> None:
    sender = _keys("ONCB")
    for field in ("id", "seq", "to", "handling", "deadline", "payload_mac", "enc", "recipients"):
        forged = json.loads(json.dumps(VECTORS["envelope"]["envelope"]))
        forged[field] = "x" if field != "seq" else 2
        with pytest.raises(EnvelopeError):
            verify(forged, lambda who, kid: sender.get(kid))
