"""Peering: adding a peer by its public keys, confirming it by fingerprint, the federation file."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, hold_chain, record
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.federation.envelope import key_id
from mekongx.federation.keys import NodeKeys, fingerprint, load_enc_public, load_sign_public, unb64
from mekongx.federation.models import Peer, PeerKey
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import COUNTRY_LANGUAGES, NAME_LANGUAGES, Agency


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_endpoint(url: str) -> list[FieldProblem]:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return []
    if parts.scheme == "http" and is_loopback_url(url):
        return []  # plain HTTP only on loopback, for development
    return [
        FieldProblem("endpoint", N_("Use https:// (plain http:// only for a loopback address)."))
    ]


@dataclass(frozen=True)
class PeerInput:
    agency_code: str
    endpoint: str
    sign_public: str
    enc_public: str
    tls_ca_pem: str = ""


def _key_problems(data: PeerInput) -> list[FieldProblem]:
    problems = []
    for name, loader in (("sign_public", load_sign_public), ("enc_public", load_enc_public)):
        try:
            loader(getattr(data, name))
        except (ValueError, TypeError):
            problems.append(
                FieldProblem(name, N_("This is not a valid public key (base64 of 32 bytes)."))
            )
    return problems


def add_peer(session: Session, actor: Actor, data: PeerInput) -> Peer:
    problems = check_endpoint(data.endpoint) + _key_problems(data)
    if session.get(Agency, data.agency_code) is None:
        problems.append(FieldProblem("agency_code", N_("Unknown agency.")))
    if problems:
        raise ValidationFailed(problems)
    if session.get(Peer, data.agency_code) is not None:
        raise Conflict(N_("This agency is already a peer."))
    peer = Peer(
        agency_code=data.agency_code,
        endpoint=data.endpoint.rstrip("/"),
        sign_public=data.sign_public,
        enc_public=data.enc_public,
        fingerprint=fingerprint(data.sign_public, data.enc_public),
        tls_ca_pem=data.tls_ca_pem,
    )
    session.add(peer)
    record(
        session,
        actor,
        "peer.add",
        "peer",
        data.agency_code,
        details={"fingerprint": peer.fingerprint},
    )
    return peer


def confirm_peer(session: Session, actor: Actor, agency_code: str, spoken_fingerprint: str) -> Peer:
    """Confirm a peer after both sides compared the fingerprint (read aloud or on paper)."""
    peer = session.get(Peer, agency_code)
    if peer is None:
        raise NotFound(N_("No such peer."))
    given = "".join(spoken_fingerprint.split()).upper()
    if given != "".join(peer.fingerprint.split()):
        record(session, actor, "peer.confirm-failed", "peer", agency_code)
        raise ValidationFailed(
            [FieldProblem("fingerprint", N_("The fingerprint does not match this peer's keys."))]
        )
    peer.confirmed, peer.confirmed_by = True, actor.username
    record(
        session,
        actor,
        "peer.confirm",
        "peer",
        agency_code,
        details={"fingerprint": peer.fingerprint},
    )
    return peer


def update_keys(
    session: Session,
    actor: Actor,
    agency_code: str,
    sign_public: str,
    enc_public: str,
    overlap_until: Any,
) -> Peer:
    """A peer rotated its keys: keep the old ones (with every earlier pair) until the end of
    their overlap period; revoked current keys are kept revoked."""
    peer = session.get(Peer, agency_code)
    if peer is None:
        raise NotFound(N_("No such peer."))
    peer.earlier_keys.insert(
        0,
        PeerKey(
            sign_public=peer.sign_public,
            enc_public=peer.enc_public,
            valid_until=overlap_until,
            revoked_at=peer.keys_revoked_at,
            revoked_by="revoked before the rotation" if peer.keys_revoked_at else "",
        ),
    )
    peer.sign_public, peer.enc_public, peer.keys_revoked_at = sign_public, enc_public, None
    peer.fingerprint = fingerprint(sign_public, enc_public)
    record(
        session,
        actor,
        "peer.keys-rotated",
        "peer",
        agency_code,
        details={"fingerprint": peer.fingerprint},
    )
    return peer


def _same_fingerprint(spoken: str, expected: str) -> bool:
    return "".join(spoken.split()).upper() == "".join(expected.split())


def parse_valid_until(text: str) -> datetime:
    """An ISO 8601 time (a time without offset is taken as UTC)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationFailed(
            [FieldProblem("valid_until", N_("Write a time such as 2026-12-31T00:00:00+00:00."))]
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def rotate_peer(
    session: Session,
    actor: Actor,
    agency_code: str,
    sign_public: str,
    enc_public: str,
    spoken_fingerprint: str,
    *,
    overlap: timedelta,
    valid_until: datetime | None = None,
) -> Peer:
    """Take a peer's new keys after both officers compared the NEW fingerprint over a separate
    channel. The old keys stay accepted until ``valid_until`` (default: now + ``overlap``).
    Nothing changes when the fingerprint does not match the given keys."""
    peer = session.get(Peer, agency_code)
    if peer is None:
        raise NotFound(N_("No such peer."))
    problems = _key_problems(PeerInput(agency_code, peer.endpoint, sign_public, enc_public))
    if problems:
        raise ValidationFailed(problems)
    if (sign_public, enc_public) == (peer.sign_public, peer.enc_public):
        raise Conflict(N_("These are already this peer's keys."))
    if not _same_fingerprint(spoken_fingerprint, fingerprint(sign_public, enc_public)):
        raise ValidationFailed(
            [
                FieldProblem(
                    "fingerprint",
                    N_(
                        "The fingerprint does not match these keys: nothing was changed. "
                        "Compare it again with the peer's officer."
                    ),
                )
            ]
        )
    until = valid_until or utcnow() + overlap
    if until <= utcnow():
        raise ValidationFailed(
            [FieldProblem("valid_until", N_("The end of the overlap must be in the future."))]
        )
    return update_keys(session, actor, agency_code, sign_public, enc_public, until)


@dataclass(frozen=True)
class KeyChange:
    """What a federation file says about a peer we already have, when its keys differ."""

    agency_code: str
    sign_public: str
    enc_public: str
    fingerprint: str
    valid_until: str  # the file's end of the overlap of the old keys ("" if it gives none)
    stale: bool  # the file carries keys we already replaced
    previous_matches: bool  # the file's previous keys are the ones we hold


def key_change(peer: Peer, member: dict[str, Any]) -> KeyChange | None:
    """Compare a federation file's entry with a stored peer; None when the keys are the same.
    Never changes the peer: new keys are taken only by `rotate_peer` with a compared
    fingerprint."""
    sign, enc = str(member["sign_public"]), str(member["enc_public"])
    if (sign, enc) == (peer.sign_public, peer.enc_public):
        return None
    previous = member.get("previous") or {}
    if not isinstance(previous, dict):
        previous = {}
    return KeyChange(
        agency_code=peer.agency_code,
        sign_public=sign,
        enc_public=enc,
        fingerprint=fingerprint(sign, enc),
        valid_until=str(previous.get("valid_until") or ""),
        stale=(sign, enc) in {(k.sign_public, k.enc_public) for k in peer.earlier_keys},
        previous_matches=(previous.get("sign_public"), previous.get("enc_public"))
        == (peer.sign_public, peer.enc_public),
    )


def rotate_command(change: KeyChange) -> str:
    """The command an officer runs once the new fingerprint was compared; the fingerprint is
    left for the officer to fill in from the peer's officer, not copied from the file."""
    until = f" --valid-until {change.valid_until}" if change.valid_until else ""
    return (
        f"mekongx peers rotate {change.agency_code} --sign-key {change.sign_public}"
        f" --enc-key {change.enc_public}{until} --fingerprint '…'"
    )


def accepted_earlier(peer: Peer) -> list[PeerKey]:
    """The peer's earlier keys still accepted: within their overlap and not revoked."""
    now = utcnow()
    return [k for k in peer.earlier_keys if k.revoked_at is None and k.valid_until > now]


def signing_keys(peer: Peer) -> dict[str, Ed25519PublicKey]:
    """The peer's signing keys by key id: the current one (unless revoked), and every earlier
    one during its overlap (unless revoked). Read from the peer row each time, so a
    revocation takes effect at the next request."""
    keys = {}
    if peer.keys_revoked_at is None:
        keys[key_id(unb64(peer.sign_public))] = load_sign_public(peer.sign_public)
    for earlier in accepted_earlier(peer):
        keys.setdefault(key_id(unb64(earlier.sign_public)), load_sign_public(earlier.sign_public))
    return keys


def revoke_key(
    session: Session, actor: Actor, agency_code: str, spoken_fingerprint: str, why: str
) -> str:
    """Emergency revocation of one of a peer's key pairs (stolen, or the peer says so), named by
    its fingerprint; takes effect at once: nothing signed with it is accepted from the next
    request on, and if it is the current pair nothing is sealed to it until the peer's new
    keys are taken (`peers rotate`). Returns ``current`` or ``earlier``. Audited."""
    hold_chain(session)  # the audit chain before the link, as every local change
    peer = session.get(Peer, agency_code, with_for_update=True)
    if peer is None:
        raise NotFound(N_("No such peer."))
    if not why.strip():
        raise ValidationFailed([FieldProblem("why", N_("Say why (it is kept in the audit log)."))])
    which = ""
    if _same_fingerprint(spoken_fingerprint, peer.fingerprint):
        peer.keys_revoked_at, which = utcnow(), "current"
    for earlier in peer.earlier_keys:
        if _same_fingerprint(
            spoken_fingerprint, fingerprint(earlier.sign_public, earlier.enc_public)
        ):
            earlier.revoked_at, earlier.revoked_by, which = utcnow(), actor.username, "earlier"
    if not which:
        raise ValidationFailed(
            [FieldProblem("fingerprint", N_("No key of this peer has this fingerprint."))]
        )
    record(session, actor, "peer.key-revoked", "peer", agency_code, why=why.strip()[:500],
           details={"fingerprint": " ".join(spoken_fingerprint.split()).upper(), "which": which})  # fmt: skip
    return which


def confirmed_peers(session: Session) -> dict[str, Peer]:
    return {p.agency_code: p for p in session.scalars(select(Peer).where(Peer.confirmed))}


def member_entry(agency: Agency, keys: NodeKeys, endpoint: str) -> dict[str, Any]:
    """This node's entry in the federation configuration file that every member holds."""
    entry: dict[str, Any] = {
        "agency": agency.code,
        "country": agency.country,
        # every language's name ("local": the agency's own-language name, as nodes before
        # migration 0026 read it)
        "names": {
            **{code: getattr(agency, f"name_{code}") for code in NAME_LANGUAGES},
            "local": agency.name(COUNTRY_LANGUAGES.get(agency.country, "en")),
        },
        "endpoint": endpoint,
        "sign_public": keys.current.sign_public,
        "enc_public": keys.current.enc_public,
        "fingerprint": keys.current.fingerprint,
    }
    if keys.previous and keys.previous_until:
        entry["previous"] = {
            "sign_public": keys.previous.sign_public,
            "enc_public": keys.previous.enc_public,
            "valid_until": keys.previous_until.isoformat(),
        }
    return entry
