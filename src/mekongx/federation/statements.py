"""Signed JSON statements (receipts, consents, origin signatures): ``{v, type, …fields, kid,
sig}``, where ``sig`` is Ed25519 over the RFC 8785 canonical JSON of every other member."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from mekongx.federation.jcs import CanonicalError, canonical
from mekongx.federation.keys import Signer, b64, raw_public, unb64

VERSION = 2


def key_id(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def sign_statement(kind: str, fields: Mapping[str, Any], signer: Signer) -> dict[str, Any]:
    """A signed JSON statement (receipts, consents): ``{v, type, …fields, kid, sig}``."""
    statement = {
        "v": VERSION,
        "type": kind,
        **fields,
        "kid": key_id(raw_public(signer.public_key())),
    }
    statement["sig"] = b64(signer.sign(canonical(statement)))
    return statement


def verify_statement(statement: Mapping[str, Any], key: Ed25519PublicKey) -> bool:
    unsigned = {k: v for k, v in statement.items() if k != "sig"}
    try:
        key.verify(unb64(str(statement.get("sig", ""))), canonical(unsigned))
    except (InvalidSignature, ValueError, CanonicalError):
        return False
    return True
