"""The originator's signature over a record's content, which travels with every copy.

When the originating node sends a record, it signs a statement naming the record's uid, version,
handling code and a SHA-256 of the canonical JSON of the named content fields. A node that
receives the record from a forwarder (not from the originator) checks that statement against the
originator's key: a forwarder can neither relabel a record (another handling code, an edited
title) nor invent one in another agency's name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from mekongx.federation.jcs import CanonicalError, canonical
from mekongx.federation.keys import Signer
from mekongx.federation.statements import sign_statement, verify_statement

KIND = "origin"


def content_hash(payload: Mapping[str, Any], fields: Sequence[str]) -> str:
    """SHA-256 hex of the canonical JSON of ``{name: payload[name]}`` for the named fields."""
    return hashlib.sha256(canonical({name: payload.get(name) for name in fields})).hexdigest()


def endorse(
    payload: Mapping[str, Any], fields: Sequence[str], signer: Signer, origin: str
) -> dict[str, Any]:
    """The originator's signed statement over ``fields`` of ``payload``."""
    names = sorted(set(fields))
    return sign_statement(
        KIND,
        {
            "uid": payload.get("uid"),
            "version": payload.get("version"),
            "origin": origin,
            "handling": payload.get("handling_code"),
            "fields": names,
            "content_hash": content_hash(payload, names),
        },
        signer,
    )


def check_origin(
    statement: object,
    payload: Mapping[str, Any],
    origin: str,
    origin_keys: Mapping[str, Ed25519PublicKey],
    required: Collection[str],
) -> str:
    """Why ``statement`` does not prove that ``origin`` released this content ("" when it does).
    Codes: origin-missing, origin-malformed, origin-signature, origin-mismatch (uid, version,
    handling code or origin differ), origin-content (a signed field was changed)."""
    if statement is None:
        return "origin-missing"
    if not isinstance(statement, Mapping) or statement.get("type") != KIND:
        return "origin-malformed"
    fields = statement.get("fields")
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        return "origin-malformed"
    if not set(required) <= set(fields):
        return "origin-malformed"
    key = origin_keys.get(str(statement.get("kid")))
    if key is None or not verify_statement(statement, key):
        return "origin-signature"
    claimed = (statement.get("uid"), statement.get("version"), statement.get("handling"))
    if statement.get("origin") != origin or claimed != (
        payload.get("uid"),
        payload.get("version"),
        payload.get("handling_code"),
    ):
        return "origin-mismatch"
    try:
        if content_hash(payload, fields) != statement.get("content_hash"):
            return "origin-content"
    except CanonicalError:
        return "origin-content"
    return ""
