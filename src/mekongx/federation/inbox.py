"""Receiving: verify, decrypt, de-duplicate by message id, keep order per link, apply in one
transaction with the inbox row, and answer with a signed receipt."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.db import Database
from mekongx.errors import MekongXError
from mekongx.federation.envelope import (
    EnvelopeError,
    canonical,
    iso,
    open_payload,
    sign_receipt,
    verify,
)
from mekongx.federation.handlers import Received, handler_for
from mekongx.federation.keys import NodeKeys, unb64
from mekongx.federation.models import InboxEntry, Peer, Rejection
from mekongx.federation.peers import signing_keys
from mekongx.model.base import utcnow

MAX_CLOCK_SKEW = timedelta(minutes=5)


def batch_signing_text(sender: str, to: str, sent_at: str, body: bytes) -> bytes:
    return (
        f"mekongx-batch/v1\n{sender}\n{to}\n{sent_at}\n{hashlib.sha256(body).hexdigest()}".encode()
    )


@dataclass(frozen=True)
class Outcome:
    message_id: str
    status: str  # applied, refused (signed receipt saying why), duplicate, rejected, gap
    receipt: dict[str, Any] | None = None
    reason: str = ""
    expected_seq: int | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"message_id": self.message_id, "status": self.status}
        if self.receipt is not None:
            data["receipt"] = self.receipt
        if self.reason:
            data["reason"] = self.reason
        if self.expected_seq is not None:
            data["expected_seq"] = self.expected_seq
        return data


class BatchRefused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _reject(
    db: Database, own: str, sender: str, message_id: str, reason: str, detail: str = ""
) -> None:
    with db.write() as session:
        session.add(
            Rejection(
                claimed_sender=sender[:64],
                message_id=message_id[:64],
                reason=reason,
                detail=detail[:2000],
            )
        )
        record(
            session, Actor.system(own, "federation"), "exchange.rejected", "envelope", message_id[:64],
            details={"sender": sender[:64], "reason": reason},
        )  # fmt: skip


def check_batch(
    db: Database,
    own: str,
    sender: str,
    sent_at: str,
    signature: str,
    body: bytes,
    now: datetime | None = None,
) -> Peer:
    """Authenticate a delivery request: a known, confirmed peer, a fresh time, a valid signature."""
    now = now or utcnow()
    with db.read() as session:
        peer = session.get(Peer, sender)
    if peer is None or not peer.confirmed:
        _reject(db, own, sender, "", "unknown-sender")
        raise BatchRefused(403, "unknown-sender")
    try:
        moment = datetime.fromisoformat(sent_at)
        if moment.tzinfo is None:
            raise ValueError("naive time")
    except ValueError:
        _reject(db, own, sender, "", "bad-time", sent_at[:64])
        raise BatchRefused(400, "bad-time") from None
    if abs(now - moment) > MAX_CLOCK_SKEW:
        _reject(db, own, sender, "", "stale-request", sent_at)
        raise BatchRefused(403, "stale-request")
    text = batch_signing_text(sender, own, sent_at, body)
    for key in signing_keys(peer).values():
        try:
            key.verify(unb64(signature), text)
            return peer
        except Exception:  # noqa: S112 - try the next valid key of the peer (rotation overlap)
            continue
    _reject(db, own, sender, "", "bad-request-signature")
    raise BatchRefused(403, "bad-request-signature")


def _receipt(keys: NodeKeys, own: str, envelope: Mapping[str, Any], status: str) -> dict[str, Any]:
    return sign_receipt(
        {
            "message_id": envelope["id"],
            "from": own,
            "to": envelope["sender"],
            "seq": envelope["seq"],
            "payload_hash": envelope["payload_hash"],
            "status": status,
            "received_at": iso(utcnow()),
        },
        keys.current.sign,
    )


def _apply(
    session: Session, received: Received, kind: str, payload: Mapping[str, Any]
) -> tuple[str, str]:
    """Run the area's handler in a savepoint. An authentic envelope that the area refuses (an
    unknown kind, a forwarded H2 record, a retraction by someone not the originator) is answered
    with a signed ``refused:<reason>`` receipt and still takes its place in the sequence."""
    handler = handler_for(kind)
    if handler is None:
        return "refused:unknown-kind", ""
    try:
        with session.begin_nested():
            return "applied", handler(session, received, payload)
    except MekongXError as error:
        return f"refused:{error.code}:{error}"[:200], str(payload.get("uid", ""))[:36]
    except (KeyError, ValueError, TypeError) as error:
        return f"refused:malformed-payload:{type(error).__name__}", str(payload.get("uid", ""))[:36]


def _open(
    keys: NodeKeys, own: str, peer_code: str, keys_by_id: Mapping[str, Any], envelope: Any
) -> dict[str, Any]:
    """Verify and decrypt one envelope (no database work); raise EnvelopeError to refuse it."""
    if not isinstance(envelope, Mapping):
        raise EnvelopeError("malformed", "not an object")
    verify(envelope, lambda sender, kid: keys_by_id.get(kid) if sender == peer_code else None)
    if envelope["to"] != own:
        raise EnvelopeError("wrong-recipient", str(envelope["to"]))
    try:
        created = datetime.fromisoformat(str(envelope["created"]))
        seq = int(envelope["seq"])
    except (TypeError, ValueError):
        raise EnvelopeError("malformed", "created or seq") from None
    if created - utcnow() > MAX_CLOCK_SKEW:
        raise EnvelopeError("from-the-future", str(envelope["created"]))
    if seq < 1:
        raise EnvelopeError("malformed", "seq")
    return open_payload(envelope, keys.decryption_keys())


def _apply_one(
    session: Session,
    keys: NodeKeys,
    own: str,
    peer: Peer,
    envelope: Mapping[str, Any],
    payload: dict[str, Any],
) -> Outcome:
    """Apply one verified envelope in the batch's transaction (duplicates and gaps first)."""
    message_id = str(envelope["id"])
    existing = session.get(InboxEntry, message_id)
    if existing is not None:
        return Outcome(message_id, "duplicate", receipt=json.loads(existing.receipt))
    seq = int(envelope["seq"])
    if seq != peer.next_in_seq:
        if seq > peer.next_in_seq:
            return Outcome(message_id, "gap", reason="gap", expected_seq=peer.next_in_seq)
        raise EnvelopeError("seq-reused", f"seq {seq} already used")
    kind = str(payload.get("kind", ""))
    received = Received(
        message_id=message_id,
        type=str(envelope["type"]),
        sender=peer.agency_code,
        own_agency=own,
        thread=envelope.get("thread"),
        in_reply_to=envelope.get("in_reply_to"),
        handling=str(envelope["handling"]),
        created=str(envelope["created"]),
    )
    status, record_uid = _apply(session, received, kind, payload)
    receipt = _receipt(keys, own, envelope, status)
    session.add(
        InboxEntry(
            message_id=message_id,
            from_agency=peer.agency_code,
            seq=seq,
            type=received.type,
            kind=kind,
            record_uid=record_uid,
            thread=received.thread or "",
            envelope=canonical(dict(envelope)).decode(),
            receipt=canonical(receipt).decode(),
        )
    )
    peer.next_in_seq = seq + 1
    return Outcome(message_id, "applied" if status == "applied" else "refused", receipt=receipt)


def receive_batch(
    db: Database, keys: NodeKeys, own: str, peer_code: str, envelopes: list[Any]
) -> list[Outcome]:
    """Verify and decrypt the envelopes, then apply them in order in ONE transaction (so a batch
    costs one commit); stop at the first gap or refusal so the sender resends from there.
    Refusals are logged after the commit."""
    with db.read() as session:
        peer_row = session.get(Peer, peer_code)
        assert peer_row is not None
        keys_by_id = signing_keys(peer_row)
    opened: list[tuple[Any, dict[str, Any] | EnvelopeError]] = []
    for envelope in envelopes:
        try:
            opened.append((envelope, _open(keys, own, peer_code, keys_by_id, envelope)))
        except (EnvelopeError, KeyError) as error:
            reason = (
                error
                if isinstance(error, EnvelopeError)
                else EnvelopeError("malformed", str(error))
            )
            opened.append((envelope, reason))
            break
    outcomes: list[Outcome] = []
    rejected: list[tuple[str, EnvelopeError]] = []
    try:
        with db.write() as session:
            peer = session.get(Peer, peer_code, with_for_update=True)
            assert peer is not None
            for envelope, content in opened:
                message_id = (
                    str(envelope.get("id", ""))[:64] if isinstance(envelope, Mapping) else ""
                )
                if isinstance(content, EnvelopeError):
                    rejected.append((message_id, content))
                    outcomes.append(Outcome(message_id, "rejected", reason=content.reason))
                    break
                try:
                    outcome = _apply_one(session, keys, own, peer, envelope, content)
                except EnvelopeError as error:
                    rejected.append((message_id, error))
                    outcomes.append(Outcome(message_id, "rejected", reason=error.reason))
                    break
                outcomes.append(outcome)
                if outcome.status == "gap":
                    break
            applied = [o for o in outcomes if o.status in ("applied", "refused")]
            if applied:
                # One audit row per delivered batch: the inbox rows beside it are the message log.
                record(
                    session,
                    Actor.system(own, "federation"),
                    "exchange.received",
                    "batch",
                    applied[0].message_id,
                    details={
                        "from": peer_code,
                        "seq": [peer.next_in_seq - len(applied), peer.next_in_seq - 1],
                        "messages": [o.message_id for o in applied],
                        "refused": [o.message_id for o in applied if o.status == "refused"],
                    },
                )
    except IntegrityError:
        # Another delivery of the same batch committed first: nothing of ours was kept; the
        # sender asks again and gets "duplicate" with the original receipts.
        first = opened[0][0] if opened else {}
        first_id = str(first.get("id", ""))[:64] if isinstance(first, Mapping) else ""
        return [Outcome(first_id, "rejected", reason="concurrent-delivery")]
    for message_id, problem in rejected:
        _reject(db, own, peer_code, message_id, problem.reason, str(problem))
    return outcomes


def receive_one(db: Database, keys: NodeKeys, own: str, peer_code: str, envelope: Any) -> Outcome:
    """One envelope on its own (a batch of one)."""
    return receive_batch(db, keys, own, peer_code, [envelope])[0]
