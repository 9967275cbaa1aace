"""What lets a report travel beyond its first recipient, checked the same way on every node.

* The originator's **consent** for a holder to pass an H2 report on: a statement signed by the
  originating node, naming the record, its version, the holder and an expiry.
* The originator's **signature over the content** (federation/origin.py) that travels with every
  copy: a node that receives a report from a forwarder checks it, so a forwarder can neither
  relabel a report nor invent one in another agency's name.

The refusal codes are those of docs/protocol-vectors.json.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from mekongx.federation.envelope import canonical, iso, sign_statement, verify_statement
from mekongx.federation.keys import Signer
from mekongx.federation.models import Peer
from mekongx.federation.origin import check_origin
from mekongx.federation.peers import signing_keys
from mekongx.model.base import utcnow

CONSENT_DAYS = 30  # how long an originator's permission to pass an H2 report on holds
# What the originator signs of every report it sends; a copy passed on by another holder is
# refused unless these fields still carry the originator's signature (federation/origin.py).
ORIGIN_FIELDS = (
    "uid", "version", "origin_agency", "handling_code", "handling_note", "title", "narrative",
    "language", "source_reliability", "info_reliability",
)  # fmt: skip


def consent_token(
    signer: Signer,
    *,
    uid: str,
    version: int,
    origin: str,
    agency: str,
    granted_at: datetime,
    days: int = CONSENT_DAYS,
) -> str:
    """The originator's signed permission for ``agency`` to pass on ``version`` of a report,
    until ``days`` after it was granted (docs/protocol.md, "Consent")."""
    statement = {
        "uid": uid,
        "version": version,
        "origin": origin,
        "agency": agency,
        "granted_at": iso(granted_at),
        "expires_at": iso(granted_at + timedelta(days=days)),
    }
    return canonical(sign_statement("consent", {"statement": statement}, signer)).decode()


def check_consent(
    token_text: object,
    *,
    uid: str,
    version: int,
    origin: str,
    holder: str,
    origin_keys: Mapping[str, Ed25519PublicKey],
    now: datetime,
) -> str:
    """Why a consent token does not let ``holder`` pass on ``version`` of report ``uid`` of
    ``origin`` at ``now`` ("" when it does). The codes are those of docs/protocol-vectors.json:
    consent-malformed, consent-signature, consent-record, consent-agency, consent-version,
    consent-expired."""
    try:
        token = json.loads(str(token_text))
        statement = token["statement"]
        expires = datetime.fromisoformat(str(statement["expires_at"]))
        if token.get("type") != "consent" or expires.tzinfo is None:
            return "consent-malformed"
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return "consent-malformed"
    key = origin_keys.get(str(token.get("kid")))
    if key is None or not verify_statement(token, key):
        return "consent-signature"
    if statement.get("uid") != uid or statement.get("origin") != origin:
        return "consent-record"
    if statement.get("agency") != holder:
        return "consent-agency"
    if statement.get("version") != version:
        return "consent-version"
    if now > expires:
        return "consent-expired"
    return ""


def consent_problem(
    session: Session, token: object, uid: str, version: int, origin: str, holder: str
) -> str:
    """:func:`check_consent` against the originating peer's keys held on this node (or against
    this node's own keys when it is the originator, which checks what it granted)."""
    peer = session.get(Peer, origin)
    if peer is None or not peer.confirmed:
        return "consent-signature"
    return check_consent(
        token, uid=uid, version=version, origin=origin, holder=holder,
        origin_keys=signing_keys(peer), now=utcnow(),
    )  # fmt: skip


def origin_problem(session: Session, data: Mapping[str, Any], origin: str) -> str:
    peer = session.get(Peer, origin)
    if peer is None or not peer.confirmed:
        return "origin-signature"  # we cannot check the originator's signature: refused
    return check_origin(
        data.get("origin_signature"), data, origin, signing_keys(peer), ORIGIN_FIELDS
    )
