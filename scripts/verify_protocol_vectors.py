#!/usr/bin/env python3
"""An independent check of docs/protocol-vectors.json, written from docs/protocol.md alone.

It imports nothing from MekongX: only the standard library and ``cryptography``. It implements
RFC 8785 canonical JSON, key ids and fingerprints, the receiver's checks of an envelope (in the
order the protocol gives, with its refusal codes), the delivery request's signature, receipts,
key rotation, consent tokens and the originator's signature, and reproduces the sealed envelope
byte for byte. Usage: ``python3 scripts/verify_protocol_vectors.py [vectors.json]``; it prints
one line per check and exits 1 if any fails.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 2
SKEW = timedelta(minutes=5)
TYPES = {"information", "request", "reply", "acknowledgement", "reminder", "notice", "retraction",
         "correction"}  # fmt: skip
HEADER = ("v", "id", "type", "sender", "to", "recipients", "seq", "priority", "deadline",
          "handling", "created", "payload_mac")  # fmt: skip
RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --- RFC 8785 -----------------------------------------------------------------------------


def jcs(value: Any) -> bytes:
    return _jcs(value).encode("utf-8")


def _jcs(value: Any) -> str:
    if value is None or value is True or value is False:
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, str):
        return _jcs_string(value)
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise ValueError("integer out of range")
        return str(value)
    if isinstance(value, float):
        return _jcs_number(value)
    if isinstance(value, list):
        return "[" + ",".join(_jcs(v) for v in value) + "]"
    if isinstance(value, dict):
        names = sorted(value, key=lambda n: n.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(_jcs_string(n) + ":" + _jcs(value[n]) for n in names) + "}"
    raise ValueError(f"not JSON: {type(value).__name__}")


def _jcs_string(text: str) -> str:
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\b\t\n\f\r":
            out.append({"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}[char])
        elif code < 0x20:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _jcs_number(value: float) -> str:
    """ECMAScript Number.prototype.toString, from Python's shortest round-trip digits."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("NaN or infinity")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    text = repr(abs(value))  # e.g. '1e+23', '9.999999999999997e-07', '333333333.3333333'
    mantissa, _, exp = text.partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    point = len(whole) + (int(exp) if exp else 0)  # decimal point after this many digits
    point -= len(whole + frac) - len((whole + frac).lstrip("0"))
    digits = digits.rstrip("0") or "0"
    k, n = len(digits), point
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    e = n - 1
    head = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{head}e{'+' if e >= 0 else '-'}{abs(e)}"


# --- keys -----------------------------------------------------------------------------------


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def kid(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def fingerprint(sign_raw: bytes, enc_raw: bytes) -> str:
    digest = hashlib.sha256(sign_raw + enc_raw).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def when(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("no offset")
    return moment


def statement_valid(statement: dict[str, Any], keys: dict[str, Ed25519PublicKey]) -> bool:
    key = keys.get(str(statement.get("kid")))
    if key is None:
        return False
    unsigned = {k: v for k, v in statement.items() if k != "sig"}
    try:
        key.verify(unb64(str(statement.get("sig"))), jcs(unsigned))
    except (InvalidSignature, ValueError):
        return False
    return True


# --- the receiver's checks --------------------------------------------------------------------


def derive(shared: bytes, epk: bytes, rpk: bytes, message_id: str) -> bytes:
    info = f"mekongx/v{VERSION}/{message_id}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + rpk, info=info).derive(shared)


def receive(
    envelope: dict[str, Any],
    own: str,
    signers: dict[str, Ed25519PublicKey],
    decryptors: list[X25519PrivateKey],
    now: datetime,
) -> tuple[str, dict[str, Any] | None]:
    """("ok", sealed content) or (refusal code, None), in the order of docs/protocol.md."""
    if envelope.get("v") != VERSION:
        return "bad-version", None
    if any(name not in envelope for name in (*HEADER, "enc", "kid", "sig")):
        return "malformed", None
    if envelope["type"] not in TYPES:
        return "bad-type", None
    key = signers.get(envelope["kid"])
    if key is None:
        return "unknown-signer", None
    try:
        unsigned = {k: v for k, v in envelope.items() if k != "sig"}
        key.verify(unb64(envelope["sig"]), jcs(unsigned))
    except (InvalidSignature, ValueError):
        return "bad-signature", None
    if envelope["to"] != own:
        return "wrong-recipient", None
    if when(envelope["created"]) - now > SKEW:
        return "from-the-future", None
    enc = envelope["enc"]
    header = {k: v for k, v in envelope.items() if k not in ("enc", "kid", "sig")}
    for private in decryptors:
        rpk = private.public_key().public_bytes(*RAW)
        if kid(rpk) != enc["rkid"]:
            continue
        try:
            epk = unb64(enc["epk"])
            shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
            aead = ChaCha20Poly1305(derive(shared, epk, rpk, envelope["id"]))
            body = aead.decrypt(unb64(enc["nonce"]), unb64(enc["ct"]), jcs(header))
        except (InvalidTag, ValueError):
            return "undecryptable", None
        sealed = json.loads(body)
        content = {"context": sealed["context"], "payload": sealed["payload"]}
        mac = hmac.new(unb64(sealed["mac_key"]), jcs(content), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(mac, envelope["payload_mac"]):
            return "payload-mac", None
        handling = envelope["handling"]
        if handling not in ("H0", "H1", "H2", "H3"):
            return "refused:bad-handling", None
        if content["payload"].get("handling_code", handling) != handling:
            return "refused:handling-mismatch", None
        return "ok", content
    return "wrong-key", None


def check_request(request: dict[str, Any], peers: dict[str, list[Ed25519PublicKey]], own: str,
                  now: datetime) -> str:  # fmt: skip
    if request["sender"] not in peers:
        return "unknown-sender"
    try:
        sent = when(request["time"])
    except ValueError:
        return "bad-time"
    if abs(now - sent) > SKEW:
        return "stale-request"
    digest = hashlib.sha256(request["body"].encode()).hexdigest()
    text = f"mekongx-batch/v1\n{request['sender']}\n{own}\n{request['time']}\n{digest}".encode()
    for key in peers[request["sender"]]:
        try:
            key.verify(unb64(request["signature"]), text)
            return "ok"
        except InvalidSignature:
            continue
    return "bad-request-signature"


def check_receipt(receipt: dict[str, Any], envelope: dict[str, Any],
                  receiver_keys: dict[str, Ed25519PublicKey]) -> str:  # fmt: skip
    if receipt.get("type") != "receipt" or not statement_valid(receipt, receiver_keys):
        return "bad-receipt-signature"
    bound = (receipt["message_id"], receipt["to"], receipt["seq"], receipt["payload_mac"])
    if bound != (envelope["id"], envelope["sender"], envelope["seq"], envelope["payload_mac"]):
        return "receipt-mismatch"
    return "ok"


def check_consent(case: dict[str, Any], origin_keys: dict[str, Ed25519PublicKey]) -> str:
    try:
        token = json.loads(case["token"])
        statement = token["statement"]
        expires = when(statement["expires_at"])
        if token.get("type") != "consent":
            return "consent-malformed"
    except (ValueError, KeyError, TypeError):
        return "consent-malformed"
    if not statement_valid(token, origin_keys):
        return "consent-signature"
    if statement["uid"] != case["uid"] or statement["origin"] != case["origin"]:
        return "consent-record"
    if statement["agency"] != case["holder"]:
        return "consent-agency"
    if statement["version"] != case["version"]:
        return "consent-version"
    if when(case["now"]) > expires:
        return "consent-expired"
    return "ok"


def check_origin(statement: dict[str, Any], payload: dict[str, Any], origin: str,
                 keys: dict[str, Ed25519PublicKey], required: list[str]) -> str:  # fmt: skip
    if statement.get("type") != "origin" or not set(required) <= set(statement["fields"]):
        return "origin-malformed"
    if not statement_valid(statement, keys):
        return "origin-signature"
    claimed = (statement["origin"], statement["uid"], statement["version"], statement["handling"])
    if claimed != (origin, payload["uid"], payload["version"], payload["handling_code"]):
        return "origin-mismatch"
    content = {name: payload.get(name) for name in statement["fields"]}
    if hashlib.sha256(jcs(content)).hexdigest() != statement["content_hash"]:
        return "origin-content"
    return "ok"


# --- the vectors ----------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.failures = 0

    def check(self, name: str, got: object, expected: object) -> None:
        ok = got == expected
        self.failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f": {got!r} != {expected!r}"))


def main(path: Path) -> int:
    vectors = json.loads(path.read_text(encoding="utf-8"))
    report = Report()
    now = when(vectors["now"])
    for i, case in enumerate(vectors["jcs"]["texts"]):
        report.check(f"jcs text {i}", jcs(json.loads(case["input"])).decode(), case["canonical"])
    for case in vectors["jcs"]["numbers"]:
        value = struct.unpack(">d", bytes.fromhex(case["ieee754_hex"]))[0]
        report.check(f"jcs number {case['ieee754_hex']}", _jcs_number(value), case["canonical"])

    sign_keys, enc_keys = {}, {}
    for name, ident in vectors["identities"].items():
        sign = Ed25519PrivateKey.from_private_bytes(unb64(ident["sign_private_seed_b64"]))
        enc = X25519PrivateKey.from_private_bytes(unb64(ident["enc_private_b64"]))
        s_raw, e_raw = sign.public_key().public_bytes(*RAW), enc.public_key().public_bytes(*RAW)
        report.check(f"{name} public keys", (b64(s_raw), b64(e_raw)),
                     (ident["sign_public_b64"], ident["enc_public_b64"]))  # fmt: skip
        report.check(f"{name} key ids", (kid(s_raw), kid(e_raw)),
                     (ident["sign_kid"], ident["enc_kid"]))  # fmt: skip
        report.check(f"{name} fingerprint", fingerprint(s_raw, e_raw), ident["fingerprint"])
        sign_keys[name], enc_keys[name] = sign, enc

    def pub(name: str) -> Ed25519PublicKey:
        return sign_keys[name].public_key()

    oncb = {kid(pub("ONCB").public_bytes(*RAW)): pub("ONCB")}
    nncc = {kid(pub("NNCC").public_bytes(*RAW)): pub("NNCC")}
    case = vectors["envelope"]
    envelope = case["envelope"]
    status, content = receive(envelope, "NNCC", oncb, [enc_keys["NNCC"]], now)
    report.check("envelope opens", status, "ok")
    assert content is not None
    payload = dict(content["payload"])
    origin = payload.pop("origin_signature")
    report.check("envelope payload", payload, case["payload_before_origin_signature"])
    report.check("envelope context", content["context"], case["context"])
    required = vectors["origin_signature"]["required_fields"]
    report.check(
        "envelope origin signature",
        check_origin(origin, content["payload"], "ONCB", oncb, required),
        "ok",
    )
    # Reproduce the envelope byte for byte from its inputs (Ed25519 signatures are deterministic).
    sealed = case["sealed_with"]
    header = {k: envelope[k] for k in HEADER}
    ephemeral = X25519PrivateKey.from_private_bytes(unb64(sealed["ephemeral_private_b64"]))
    rpk = enc_keys["NNCC"].public_key().public_bytes(*RAW)
    epk = ephemeral.public_key().public_bytes(*RAW)
    key = derive(ephemeral.exchange(enc_keys["NNCC"].public_key()), epk, rpk, envelope["id"])
    body = jcs({**content, "mac_key": sealed["mac_key_b64"]})
    ct = ChaCha20Poly1305(key).encrypt(unb64(sealed["nonce_b64"]), body, jcs(header))
    rebuilt = {**header, "enc": {"alg": "X25519-HKDF-SHA256/ChaCha20-Poly1305", "epk": b64(epk),
               "rkid": kid(rpk), "nonce": sealed["nonce_b64"], "ct": b64(ct)},
               "kid": kid(pub("ONCB").public_bytes(*RAW))}  # fmt: skip
    rebuilt["sig"] = b64(sign_keys["ONCB"].sign(jcs(rebuilt)))
    report.check("envelope reproduced byte for byte", jcs(rebuilt), jcs(envelope))

    peers = {"ONCB": [pub("ONCB")]}
    report.check("request signature", check_request(vectors["request"], peers, "NNCC", now), "ok")
    report.check("request body is the envelope", json.loads(vectors["request"]["body"]),
                 {"envelopes": [envelope]})  # fmt: skip
    report.check("receipt", check_receipt(vectors["receipt"], envelope, nncc), "ok")

    rotation = vectors["rotation"]
    entry = rotation["entry"]
    report.check("rotation fingerprint", fingerprint(unb64(entry["sign_public"]), unb64(entry["enc_public"])),
                 entry["fingerprint"])  # fmt: skip
    for check in rotation["checks"]:
        at = when(check["now"])
        keys = {
            kid(unb64(entry["sign_public"])): Ed25519PublicKey.from_public_bytes(
                unb64(entry["sign_public"])
            )
        }
        previous = entry["previous"]
        if at <= when(previous["valid_until"]):
            raw = unb64(previous["sign_public"])
            keys[kid(raw)] = Ed25519PublicKey.from_public_bytes(raw)
        target = rotation[check["envelope"]] if check["envelope"] != "envelope" else envelope
        got, _ = receive(target, "NNCC", keys, [enc_keys["NNCC"]], now)
        report.check(f"rotation {check['envelope']} at {check['now']}", got, check["expected"])

    for check in vectors["consent"]["checks"]:
        report.check(f"consent {check['expected']}", check_consent(check, oncb), check["expected"])
    signed = vectors["origin_signature"]["statement"]
    for check in vectors["origin_signature"]["checks"]:
        got = check_origin(signed, check["payload"], "ONCB", oncb, required)
        report.check(f"origin signature {check['expected']}", got, check["expected"])

    negative = vectors["negative"]
    for check in negative["envelopes"]:
        got, _ = receive(check["envelope"], "NNCC", oncb, [enc_keys["NNCC"]], now)
        report.check(f"refused: {check['name']}", got, check["expected"])
    for check in negative["requests"]:
        report.check(
            f"refused: {check['name']}", check_request(check, peers, "NNCC", now), check["expected"]
        )
    for check in negative["receipts"]:
        report.check(
            f"refused: {check['name']}",
            check_receipt(check["receipt"], envelope, nncc),
            check["expected"],
        )
    print(f"{report.failures} failed" if report.failures else "all vectors verified")
    return 1 if report.failures else 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "docs" / "protocol-vectors.json"
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
