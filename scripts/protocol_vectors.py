#!/usr/bin/env python3
"""Write docs/protocol-vectors.json: fixed keys and inputs, and the exact bytes MekongX produces
from them (canonical JSON, fingerprints, an envelope, the delivery request's signature, a
receipt, a key rotation, a consent token, an originator's signature) and negative cases, each
with the refusal code a receiver must give. Another implementation of docs/protocol.md must
reproduce and check them; scripts/verify_protocol_vectors.py does so without MekongX's code.
``--check`` compares instead of writing (tests/federation/test_vectors.py)."""

from __future__ import annotations

import copy
import json
import struct
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from mekongx.domains.intel.trust import ORIGIN_FIELDS, consent_token
from mekongx.federation import envelope as env
from mekongx.federation.envelope import Header, canonical, seal, sign_receipt
from mekongx.federation.inbox import batch_signing_text
from mekongx.federation.keys import b64, fingerprint, raw_public
from mekongx.federation.origin import endorse
from mekongx.federation.statements import key_id

TARGET = Path(__file__).resolve().parent.parent / "docs" / "protocol-vectors.json"
UID = "6f1c2a4e-8b0d-4c1e-9a57-1d2c3b4a5e6f"
NOW = "2024-07-10T03:00:30.000000+00:00"  # the receiver's clock for every check below

# RFC 8785 section 3.2.2 and 3.2.3, and numbers of its appendix B (bits of the IEEE 754 double).
JCS_TEXTS = [
    '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
    ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",'
    ' "literals": [null, true, false]}',
    '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With'
    ' Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",'
    ' "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    '{"title": "หลาน เว่ยหง / 兰卫红", "seq": 1, "quantity_kg": 12.50, "ok": true}',
    # Lao, Burmese (with a stacked consonant and asat), Khmer (coeng) and Vietnamese (precomposed
    # and combining marks are kept as sent: canonical JSON never normalises)
    '{"title": "ຢາບ້າ / မူးယစ်ဆေးဝါး / គ្រឿងញៀន / ma t\u00fay / ma tu\u0301y", "language": "lo"}',
]
JCS_NUMBERS = [
    "0000000000000000", "8000000000000000", "0000000000000001", "8000000000000001",
    "7fefffffffffffff", "ffefffffffffffff", "4340000000000000", "c340000000000000",
    "4430000000000000", "44b52d02c7e14af5", "44b52d02c7e14af6", "44b52d02c7e14af7",
    "444b1ae4d6e2ef4e", "444b1ae4d6e2ef4f", "444b1ae4d6e2ef50", "3eb0c6f7a0b5ed8c",
    "3eb0c6f7a0b5ed8d", "41b3de4355555553", "41b3de4355555554", "41b3de4355555555",
    "41b3de4355555556", "41b3de4355555557", "becbf647612f3696", "43143ff3c1cb0959",
]  # fmt: skip


def seed(label: str) -> bytes:
    return (label.encode() * 32)[:32]


def _sign(label: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(seed(label))


def _enc(label: str) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(seed(label))


def _public(key: Ed25519PrivateKey | X25519PrivateKey) -> str:
    return b64(raw_public(key.public_key()))


def _identity(sign: str, enc: str) -> dict[str, str]:
    s, e = _public(_sign(sign)), _public(_enc(enc))
    return {
        "sign_private_seed_b64": b64(seed(sign)),
        "enc_private_b64": b64(seed(enc)),
        "sign_public_b64": s,
        "enc_public_b64": e,
        "sign_kid": key_id(raw_public(_sign(sign).public_key())),
        "enc_kid": key_id(raw_public(_enc(enc).public_key())),
        "fingerprint": fingerprint(s, e),
    }


def _header(seq: int, **changes: Any) -> Header:
    fields: dict[str, Any] = {
        "type": "information", "sender": "ONCB", "to": "NNCC", "recipients": ["NNCC"], "seq": seq,
        "id": f"6f1c2a4e-8b0d-4c1e-9a57-{seq:012d}", "thread": UID, "handling": "H2",
        "evaluation": "B2", "languages": ["th"], "created": "2024-07-10T03:00:00.000000+00:00",
        "mac_key": b64(seed(f"mac-key-{seq}")), "endorse": list(ORIGIN_FIELDS),
    }  # fmt: skip
    fields.update(changes)
    return Header(**fields)


def _payload(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "intel.report", "uid": UID, "version": 1, "title": "หลาน เว่ยหง / 兰卫红",
        "narrative": "Seen at Mae Sai with a white pickup; 12.5 kg declared as furniture.",
        "language": "th", "source_reliability": "B", "info_reliability": 2,
        "handling_code": "H2", "handling_note": "", "distribution": "peers",
        "sharing_group": None, "recipients": ["NNCC"], "origin_agency": "ONCB",
        "author_name": "Somchai", "created_at": "2024-07-10T02:55:00+00:00",
        "updated_at": "2024-07-10T02:55:00+00:00", "status": "active", "status_note": "",
    }  # fmt: skip
    data.update(changes)
    return data


def _seal(header: Header, payload: dict[str, Any], signer: str = "oncb-sign") -> dict[str, Any]:
    return seal(
        header,
        payload,
        _sign(signer),
        _enc("nncc-enc").public_key(),
        ephemeral=_enc(f"ephemeral-{header.seq}"),
        nonce=seed(f"nonce-{header.seq}")[:12],
    )


def _resigned(envelope: dict[str, Any], signer: str = "oncb-sign") -> dict[str, Any]:
    """The envelope signed again after a change (a sender that signs what it should not)."""
    unsigned = {k: v for k, v in envelope.items() if k not in ("kid", "sig")}
    unsigned["kid"] = key_id(raw_public(_sign(signer).public_key()))
    unsigned["sig"] = b64(_sign(signer).sign(canonical(unsigned)))
    return unsigned


def _sealed_raw(header: Header, body: bytes, payload_mac: str) -> dict[str, Any]:
    """Seal arbitrary bytes under a chosen keyed hash: for the negative cases only."""
    envelope = header.fields(payload_mac)
    ephemeral, recipient = _enc(f"ephemeral-{header.seq}"), _enc("nncc-enc").public_key()
    epk, rpk = raw_public(ephemeral.public_key()), raw_public(recipient)
    key = env._derive(ephemeral.exchange(recipient), epk, rpk, header.id)
    nonce = seed(f"nonce-{header.seq}")[:12]
    envelope["enc"] = {
        "alg": env.ALG, "epk": b64(epk), "rkid": key_id(rpk), "nonce": b64(nonce),
        "ct": b64(ChaCha20Poly1305(key).encrypt(nonce, body, canonical(envelope))),
    }  # fmt: skip
    return _resigned(envelope)


def _request(
    envelopes: list[dict[str, Any]], time: str, signer: str = "oncb-sign"
) -> dict[str, Any]:
    body = canonical({"envelopes": envelopes}).decode()
    text = batch_signing_text("ONCB", "NNCC", time, body.encode())
    return {
        "sender": "ONCB",
        "to": "NNCC",
        "time": time,
        "body": body,
        "signing_text": text.decode(),
        "signature": b64(_sign(signer).sign(text)),
    }


def _negative_envelopes(good: dict[str, Any]) -> list[dict[str, Any]]:
    def changed(**fields: Any) -> dict[str, Any]:
        return {**copy.deepcopy(good), **fields}

    h9 = _header(20, handling="H9")
    mismatch = _header(21, handling="H0")
    other_ct = copy.deepcopy(good)
    other_ct["enc"]["ct"] = b64(bytes(16) + b"tampered")
    other_rkid = copy.deepcopy(good)
    other_rkid["enc"]["rkid"] = "0000000000000000"
    wrong_mac_header = _header(22)
    content = {"context": wrong_mac_header.context(), "payload": _payload()}
    body = canonical({**content, "mac_key": wrong_mac_header.mac_key})
    return [
        {"name": "a header field changed after signing", "envelope": changed(handling="H0"),
         "expected": "bad-signature"},
        {"name": "version 1 envelope", "envelope": changed(v=1), "expected": "bad-version"},
        {"name": "a required field missing", "envelope": {k: v for k, v in good.items() if k != "seq"},
         "expected": "malformed"},
        {"name": "unknown type", "envelope": _resigned(changed(type="gossip")), "expected": "bad-type"},
        {"name": "signed by a key the peer never had", "envelope": _resigned(good, "stranger-sign"),
         "expected": "unknown-signer"},
        {"name": "addressed to another agency", "envelope": _resigned(changed(to="SMCC")),
         "expected": "wrong-recipient"},
        {"name": "created an hour after the receiver's clock",
         "envelope": _resigned(changed(created="2024-07-10T04:00:30.000000+00:00")),
         "expected": "from-the-future"},
        {"name": "sealed to a key the receiver does not hold", "envelope": _resigned(other_rkid),
         "expected": "wrong-key"},
        {"name": "ciphertext replaced (and signed again)", "envelope": _resigned(other_ct),
         "expected": "undecryptable"},
        {"name": "keyed hash does not match the sealed content",
         "envelope": _sealed_raw(wrong_mac_header, body, "0" * 64), "expected": "payload-mac"},
        {"name": "handling code outside H0-H3", "envelope": _seal(h9, _payload(handling_code="H9")),
         "expected": "refused:bad-handling"},
        {"name": "header handling differs from the payload's",
         "envelope": _seal(mismatch, _payload(handling_code="H2")),
         "expected": "refused:handling-mismatch"},
    ]  # fmt: skip


def _numbers() -> list[dict[str, str]]:
    out = []
    for bits in JCS_NUMBERS:
        value = struct.unpack(">d", bytes.fromhex(bits))[0]
        out.append({"ieee754_hex": bits, "canonical": canonical(value).decode()})
    return out


def vectors() -> dict[str, Any]:
    oncb, nncc = _identity("oncb-sign", "oncb-enc"), _identity("nncc-sign", "nncc-enc")
    rotated = _identity("oncb-sign-2", "oncb-enc-2")
    header = _header(1)
    payload = _payload()
    envelope = _seal(header, payload)
    receipt = sign_receipt(
        {"message_id": header.id, "from": "NNCC", "to": "ONCB", "seq": 1,
         "payload_mac": envelope["payload_mac"], "status": "applied",
         "received_at": "2024-07-10T03:00:01.000000+00:00"},
        _sign("nncc-sign"),
    )  # fmt: skip
    after_rotation = _seal(
        _header(2), _payload(version=2, title="หลาน เว่ยหง (corrected)"), "oncb-sign-2"
    )
    consent = consent_token(
        _sign("oncb-sign"), uid=UID, version=1, origin="ONCB", agency="NNCC",
        granted_at=_moment("2024-07-10T02:58:00+00:00"), days=30,
    )  # fmt: skip
    stale_consent = consent_token(
        _sign("oncb-sign"), uid=UID, version=1, origin="ONCB", agency="NNCC",
        granted_at=_moment("2024-05-01T00:00:00+00:00"), days=30,
    )  # fmt: skip
    forged_consent = json.loads(consent)
    forged_consent["statement"]["agency"] = "SMCC"
    origin_statement = endorse(_payload(), ORIGIN_FIELDS, _sign("oncb-sign"), "ONCB")
    return {
        "description": (
            "MekongX exchange protocol v2 test vectors (docs/protocol.md). Private keys are fixed "
            "test values: never use them. Checked independently by scripts/verify_protocol_vectors.py."
        ),
        "version": 2,
        "now": NOW,
        "jcs": {
            "texts": [
                {"input": text, "canonical": canonical(json.loads(text)).decode()}
                for text in JCS_TEXTS
            ],
            "numbers": _numbers(),
        },
        "identities": {"ONCB": oncb, "NNCC": nncc, "ONCB_rotated": rotated},
        "envelope": {
            "receiver": "NNCC",
            "sealed_with": {
                "ephemeral_private_b64": b64(seed("ephemeral-1")),
                "nonce_b64": b64(seed("nonce-1")[:12]),
                "mac_key_b64": header.mac_key,
            },
            "context": header.context(),
            "payload_before_origin_signature": payload,
            "envelope": envelope,
        },
        "request": _request([envelope], "2024-07-10T03:00:10.000000+00:00"),
        "receipt": receipt,
        "rotation": {
            "entry": {
                "agency": "ONCB",
                "sign_public": rotated["sign_public_b64"],
                "enc_public": rotated["enc_public_b64"],
                "fingerprint": rotated["fingerprint"],
                "previous": {
                    "sign_public": oncb["sign_public_b64"],
                    "enc_public": oncb["enc_public_b64"],
                    "valid_until": "2024-08-09T03:00:00+00:00",
                },
            },
            "envelope_new_key": after_rotation,
            "checks": [
                {"envelope": "envelope", "now": NOW, "expected": "ok"},
                {"envelope": "envelope_new_key", "now": NOW, "expected": "ok"},
                {
                    "envelope": "envelope",
                    "now": "2024-08-09T03:00:01+00:00",
                    "expected": "unknown-signer",
                },
            ],
        },
        "consent": {
            "token": consent,
            "checks": [
                {
                    "token": consent,
                    "uid": UID,
                    "version": 1,
                    "origin": "ONCB",
                    "holder": "NNCC",
                    "now": NOW,
                    "expected": "ok",
                },
                {
                    "token": consent,
                    "uid": UID,
                    "version": 2,
                    "origin": "ONCB",
                    "holder": "NNCC",
                    "now": NOW,
                    "expected": "consent-version",
                },
                {
                    "token": consent,
                    "uid": UID,
                    "version": 1,
                    "origin": "ONCB",
                    "holder": "SMCC",
                    "now": NOW,
                    "expected": "consent-agency",
                },
                {
                    "token": consent,
                    "uid": "00000000-0000-4000-8000-000000000000",
                    "version": 1,
                    "origin": "ONCB",
                    "holder": "NNCC",
                    "now": NOW,
                    "expected": "consent-record",
                },
                {
                    "token": stale_consent,
                    "uid": UID,
                    "version": 1,
                    "origin": "ONCB",
                    "holder": "NNCC",
                    "now": NOW,
                    "expected": "consent-expired",
                },
                {
                    "token": canonical(forged_consent).decode(),
                    "uid": UID,
                    "version": 1,
                    "origin": "ONCB",
                    "holder": "SMCC",
                    "now": NOW,
                    "expected": "consent-signature",
                },
                {
                    "token": "not json",
                    "uid": UID,
                    "version": 1,
                    "origin": "ONCB",
                    "holder": "NNCC",
                    "now": NOW,
                    "expected": "consent-malformed",
                },
            ],
        },
        "origin_signature": {
            "required_fields": list(ORIGIN_FIELDS),
            "statement": origin_statement,
            "checks": [
                {"payload": _payload(), "expected": "ok"},
                {"payload": _payload(handling_code="H0"), "expected": "origin-mismatch"},
                {"payload": _payload(title="relabelled"), "expected": "origin-content"},
                {"payload": _payload(version=2), "expected": "origin-mismatch"},
            ],
        },
        "negative": {
            "envelopes": _negative_envelopes(envelope),
            "requests": [
                {
                    "name": "signed by a key the peer never had",
                    "expected": "bad-request-signature",
                    **_request([envelope], "2024-07-10T03:00:10.000000+00:00", "stranger-sign"),
                },
                {
                    "name": "sent more than 5 minutes before the receiver's clock",
                    "expected": "stale-request",
                    **_request([envelope], "2024-07-10T02:50:00.000000+00:00"),
                },
                {
                    "name": "time without an offset",
                    "expected": "bad-time",
                    **_request([envelope], "2024-07-10T03:00:10.000000"),
                },
                {
                    "name": "body changed after signing",
                    "expected": "bad-request-signature",
                    **{
                        **_request([envelope], "2024-07-10T03:00:10.000000+00:00"),
                        "body": canonical({"envelopes": []}).decode(),
                    },
                },
                {
                    "name": "unknown sender",
                    "expected": "unknown-sender",
                    **{**_request([], "2024-07-10T03:00:10.000000+00:00"), "sender": "XXXX"},
                },
            ],
            "receipts": [
                {
                    "name": "receipt for other content",
                    "expected": "receipt-mismatch",
                    "receipt": sign_receipt(
                        {
                            **{
                                k: v
                                for k, v in receipt.items()
                                if k not in ("v", "type", "kid", "sig")
                            },
                            "payload_mac": "0" * 64,
                        },
                        _sign("nncc-sign"),
                    ),
                },
                {
                    "name": "receipt signed by the sender itself",
                    "expected": "bad-receipt-signature",
                    "receipt": sign_receipt(
                        {k: v for k, v in receipt.items() if k not in ("v", "type", "kid", "sig")},
                        _sign("oncb-sign"),
                    ),
                },
            ],
        },
    }


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def render() -> str:
    return json.dumps(vectors(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if TARGET.read_text() == render() else 1)
    TARGET.write_text(render())
