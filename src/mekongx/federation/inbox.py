"""Receiving: verify, decrypt, de-duplicate by message id, keep order per link, apply in one
transaction with the inbox row, and answer with a signed receipt."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, StatementError
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.db import Database
from mekongx.errors import MekongXError
from mekongx.federation.envelope import (
    EnvelopeError,
    Opened,
    canonical,
    iso,
    open_content,
    sign_receipt,
    verify,
)
from mekongx.federation.handlers import Received, batch_handler_for, check, handler_for, refusal
from mekongx.federation.keys import NodeKeys, unb64
from mekongx.federation.models import InboxEntry, Peer, Rejection
from mekongx.federation.peers import signing_keys
from mekongx.model.base import utcnow

MAX_CLOCK_SKEW = timedelta(minutes=5)
log = logging.getLogger("mekongx.federation")


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


class _ConcurrentDelivery(Exception):
    """Another delivery on the same link moved its sequence while this one was applied."""


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


def check_sender(db: Database, sender: str) -> Peer:
    """The claimed sender must be a known, confirmed peer. Nothing is written for a refusal:
    the request is not authenticated yet (the listener counts refusals in memory)."""
    with db.read() as session:
        peer = session.get(Peer, sender)
    if peer is None or not peer.confirmed:
        raise BatchRefused(403, "unknown-sender")
    return peer


def check_time(sent_at: str, now: datetime | None = None) -> None:
    """``X-MekongX-Time`` must carry an offset and be within 5 minutes of ours."""
    try:
        moment = datetime.fromisoformat(sent_at)
        if moment.tzinfo is None:
            raise ValueError("naive time")
    except ValueError:
        raise BatchRefused(400, "bad-time") from None
    if abs((now or utcnow()) - moment) > MAX_CLOCK_SKEW:
        raise BatchRefused(403, "stale-request")


SigningText = Callable[[str, str, str, bytes], bytes]


def check_signature(
    peer: Peer,
    own: str,
    sender: str,
    sent_at: str,
    signature: str,
    body: bytes,
    signing_text: SigningText = batch_signing_text,
) -> None:
    """The request's signature by one of the peer's valid keys over ``signing_text``."""
    text = signing_text(sender, own, sent_at, body)
    for key in signing_keys(peer).values():
        try:
            key.verify(unb64(signature), text)
            return
        except Exception:  # noqa: S112 - try the next valid key of the peer (rotation overlap)
            continue
    raise BatchRefused(403, "bad-request-signature")


def check_batch(
    db: Database,
    own: str,
    sender: str,
    sent_at: str,
    signature: str,
    body: bytes,
    now: datetime | None = None,
) -> Peer:
    """Authenticate a delivery request: a known, confirmed peer, a fresh time, a valid
    signature. Raises BatchRefused and writes nothing when any of them fails."""
    peer = check_sender(db, sender)
    check_time(sent_at, now)
    check_signature(peer, own, sender, sent_at, signature, body)
    return peer


def _receipt(keys: NodeKeys, own: str, envelope: Mapping[str, Any], status: str) -> dict[str, Any]:
    return sign_receipt(
        {
            "message_id": envelope["id"],
            "from": own,
            "to": envelope["sender"],
            "seq": envelope["seq"],
            "payload_mac": envelope["payload_mac"],
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
    except (MekongXError, KeyError, ValueError, TypeError) as error:
        return refusal(error), _uid(payload)
    except OperationalError:
        raise  # the database itself failed: nothing is answered, the sender tries again
    except (DBAPIError, StatementError) as error:
        # The schema let through something the database refuses: refused like any bad payload
        # (the savepoint is rolled back), never a stalled link.
        log.warning("payload of %s refused by the database: %s", kind, type(error).__name__)
        return "refused:invalid-payload:database", _uid(payload)


def _uid(payload: Mapping[str, Any]) -> str:
    uid = payload.get("uid", "")
    return uid[:36] if isinstance(uid, str) else ""


def _open(
    keys: NodeKeys, own: str, peer_code: str, keys_by_id: Mapping[str, Any], envelope: Any
) -> Opened:
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
    return open_content(envelope, keys.decryption_keys())


@dataclass(frozen=True)
class _Accepted:
    """An authentic envelope that is next in its link's sequence, waiting to be applied."""

    envelope: Mapping[str, Any]
    payload: Mapping[str, Any]
    received: Received
    kind: str
    seq: int
    refused: str = ""  # the payload failed its schema or the handling check: not applied


def _id(value: Any) -> str | None:
    """A thread or message id from the sealed context: a short string or nothing."""
    return value if isinstance(value, str) and 0 < len(value) <= 36 else None


def _accepted(envelope: Mapping[str, Any], content: Opened, peer: Peer, own: str) -> _Accepted:
    context, payload = content.context, content.payload
    evaluation = context.get("evaluation")
    received = Received(
        message_id=str(envelope["id"]),
        type=str(envelope["type"]),
        sender=peer.agency_code,
        own_agency=own,
        thread=_id(context.get("thread")),
        in_reply_to=_id(context.get("in_reply_to")),
        handling=str(envelope["handling"]),
        created=str(envelope["created"]),
        evaluation=evaluation if isinstance(evaluation, str) and len(evaluation) <= 2 else None,
    )
    checked, refused = check(received, payload)
    kind = payload.get("kind")
    return _Accepted(
        envelope,
        checked,
        received,
        kind if isinstance(kind, str) else "",
        int(envelope["seq"]),
        refused,
    )


def _runs(accepted: list[_Accepted]) -> list[list[_Accepted]]:
    """Consecutive envelopes of one kind that has a bulk handler form one run; others go alone.
    A refused payload stays in its run (it changes nothing, so it cannot break the bulk form)."""
    runs: list[list[_Accepted]] = []
    for item in accepted:
        if runs and runs[-1][-1].kind == item.kind and batch_handler_for(item.kind) is not None:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _apply_run(session: Session, run: list[_Accepted]) -> list[tuple[str, str]]:
    """The outcomes of a run in order: refusals of payloads that failed their checks, and what
    the area made of the others (see :func:`_apply_valid`)."""
    valid = iter(_apply_valid(session, [item for item in run if not item.refused]))
    return [(item.refused, _uid(item.payload)) if item.refused else next(valid) for item in run]


def _apply_valid(session: Session, run: list[_Accepted]) -> list[tuple[str, str]]:
    """Apply a run in bulk when its area can; otherwise (or if the bulk attempt fails, which
    rolls back only its own savepoint) one envelope at a time."""
    if not run:
        return []
    many = batch_handler_for(run[0].kind)
    if many is not None and len(run) > 1:
        try:
            with session.begin_nested():
                done = many(session, [(item.received, item.payload) for item in run])
                if done is not None and len(done) != len(run):
                    raise RuntimeError(f"{run[0].kind}: {len(done)} outcomes for {len(run)} items")
            if done is not None:
                return done
        except Exception:  # the per-envelope path below is authoritative; the failure is logged
            log.exception("bulk apply of %s failed; applying one by one", run[0].kind)
    return [_apply(session, item.received, item.kind, item.payload) for item in run]


def receive_batch(
    db: Database, keys: NodeKeys, own: str, peer_code: str, envelopes: list[Any]
) -> list[Outcome]:
    """Verify and decrypt the envelopes, then apply them in order in ONE transaction (so a batch
    costs one commit; runs of one kind are applied with bulk statements where the area offers
    it); stop at the first gap or refusal so the sender resends from there. Duplicates (by
    message id) are answered with the receipt already given. Refusals are logged after the
    commit."""
    with db.read() as session:
        peer_row = session.get(Peer, peer_code)
        assert peer_row is not None
        keys_by_id = signing_keys(peer_row)
    opened: list[tuple[Any, Opened | EnvelopeError]] = []
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
    # Per position: a final Outcome, or (index of the accepted envelope that answers it,
    # whether this position repeats that envelope within the batch).
    slots: list[Outcome | tuple[int, bool]] = []
    rejected: list[tuple[str, EnvelopeError]] = []
    try:
        with db.write() as session:
            # Not locked here: a local change locks its own rows first and the link's row last
            # (to number its envelopes), so a delivery that locked the link first and then
            # applied to those rows could deadlock with it. Concurrent deliveries of one link are
            # caught at the end instead (the guarded sequence update, or the inbox's unique id).
            peer = session.get(Peer, peer_code, populate_existing=True)
            assert peer is not None
            first_seq = peer.next_in_seq
            ids = [str(e["id"]) for e, content in opened if not isinstance(content, EnvelopeError)]
            earlier = dict(
                session.execute(
                    select(InboxEntry.message_id, InboxEntry.receipt).where(
                        InboxEntry.message_id.in_(ids)
                    )
                ).all()
                if ids
                else []
            )
            accepted: list[_Accepted] = []
            position: dict[str, int] = {}
            again: list[str] = []  # stored before: answered with the receipt then given
            for envelope, content in opened:
                message_id = (
                    str(envelope.get("id", ""))[:64] if isinstance(envelope, Mapping) else ""
                )
                if isinstance(content, EnvelopeError):
                    rejected.append((message_id, content))
                    slots.append(Outcome(message_id, "rejected", reason=content.reason))
                    break
                if message_id in earlier:
                    receipt = json.loads(earlier[message_id])
                    slots.append(Outcome(message_id, "duplicate", receipt=receipt))
                    again.append(message_id)
                    continue
                if message_id in position:  # repeated within this batch
                    slots.append((position[message_id], True))
                    continue
                expected = first_seq + len(accepted)
                seq = int(envelope["seq"])
                if seq > expected:
                    slots.append(Outcome(message_id, "gap", reason="gap", expected_seq=expected))
                    break
                if seq < expected:
                    reused = EnvelopeError("seq-reused", f"seq {seq} already used")
                    rejected.append((message_id, reused))
                    slots.append(Outcome(message_id, "rejected", reason=reused.reason))
                    break
                position[message_id] = len(accepted)
                slots.append((len(accepted), False))
                accepted.append(_accepted(envelope, content, peer, own))
            done: list[Outcome] = []
            for run in _runs(accepted):
                results = _apply_run(session, run)
                rows = []
                for item, (status, record_uid) in zip(run, results, strict=True):
                    receipt = _receipt(keys, own, item.envelope, status)
                    rows.append(
                        {
                            "message_id": item.received.message_id,
                            "from_agency": peer.agency_code,
                            "seq": item.seq,
                            "type": item.received.type,
                            "kind": item.kind[:40],
                            "record_uid": record_uid,
                            "thread": item.received.thread or "",
                            "envelope": canonical(dict(item.envelope)).decode(),
                            "receipt": canonical(receipt).decode(),
                            "received_at": utcnow(),
                        }
                    )
                    done.append(
                        Outcome(
                            item.received.message_id,
                            "applied" if status == "applied" else "refused",
                            receipt=receipt,
                        )
                    )
                session.execute(insert(InboxEntry), rows)
            if accepted:
                # One audit row per delivered batch: the inbox rows beside it are the message log.
                record(
                    session,
                    Actor.system(own, "federation"),
                    "exchange.received",
                    "batch",
                    done[0].message_id,
                    details={
                        "from": peer_code,
                        "seq": [accepted[0].seq, accepted[-1].seq],
                        "messages": [o.message_id for o in done],
                        "refused": [o.message_id for o in done if o.status == "refused"],
                    },
                )
            if again:
                # The sender did not get our receipts for these (it or we went down mid-delivery,
                # or the answer was lost) and sent them again: nothing is applied twice.
                record(
                    session,
                    Actor.system(own, "federation"),
                    "exchange.duplicate",
                    "batch",
                    again[0],
                    details={"from": peer_code, "messages": again},
                )
            if accepted:
                # The link's row last, after the audit chain (as every local change takes them)
                moved = session.execute(
                    update(Peer)
                    .where(Peer.agency_code == peer_code, Peer.next_in_seq == first_seq)
                    .values(next_in_seq=first_seq + len(accepted))
                    .execution_options(synchronize_session=False)
                )
                if moved.rowcount != 1:  # type: ignore[attr-defined]
                    raise _ConcurrentDelivery
    except (IntegrityError, _ConcurrentDelivery):
        # Another delivery of the same batch committed first: nothing of ours was kept; the
        # sender asks again and gets "duplicate" with the original receipts.
        first = opened[0][0] if opened else {}
        first_id = str(first.get("id", ""))[:64] if isinstance(first, Mapping) else ""
        return [Outcome(first_id, "rejected", reason="concurrent-delivery")]
    for message_id, problem in rejected:
        _reject(db, own, peer_code, message_id, problem.reason, str(problem))
    outcomes = []
    for slot in slots:
        if isinstance(slot, Outcome):
            outcomes.append(slot)
        elif slot[1]:
            first_time = done[slot[0]]
            outcomes.append(Outcome(first_time.message_id, "duplicate", receipt=first_time.receipt))
        else:
            outcomes.append(done[slot[0]])
    return outcomes


def receive_one(db: Database, keys: NodeKeys, own: str, peer_code: str, envelope: Any) -> Outcome:
    """One envelope on its own (a batch of one)."""
    return receive_batch(db, keys, own, peer_code, [envelope])[0]
