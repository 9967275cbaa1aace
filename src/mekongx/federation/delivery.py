"""The delivery worker: sends each link's pending envelopes in sequence order, in batches,
with exponential back-off through outages, and files the signed receipts."""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mekongx.db import Database
from mekongx.federation.envelope import Header, canonical, iso, key_id, seal, verify_receipt
from mekongx.federation.inbox import batch_signing_text
from mekongx.federation.keys import NodeKeys, b64, load_enc_public, raw_public, unb64
from mekongx.federation.models import OutboxEntry, Peer
from mekongx.federation.outbox import wait_for_queued
from mekongx.federation.peers import signing_keys
from mekongx.federation.recovery import (
    classify,
    keep_evidence,
    resealed_for,
    sealed_with,
    supersede,
)
from mekongx.federation.sync import SyncError, resync
from mekongx.federation.transport import INBOX_PATH, Transport, TransportError
from mekongx.model.base import utcnow

log = logging.getLogger("mekongx.federation")
MAX_BACKOFF = timedelta(minutes=5)


def backoff(failures: int, ceiling: timedelta = MAX_BACKOFF) -> timedelta:
    """1 s, 2 s, 4 s … up to ``ceiling`` (5 minutes), with ±20% jitter so peers do not retry in step."""
    seconds = min(2.0 ** max(failures - 1, 0), ceiling.total_seconds())
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


@dataclass
class LinkResult:
    peer: str
    sent: int = 0
    failed: bool = False
    healed_from: int | None = None
    resync: bool = False  # the peer refused a sequence number as used: re-synchronise


_link_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _link_lock(name: str) -> threading.Lock:
    with _locks_guard:
        return _link_locks.setdefault(name, threading.Lock())


def _seal_pending(
    db: Database,
    keys: NodeKeys,
    peer_code: str,
    batch_size: int,
    now: datetime,
    after_seq: int = 0,
) -> list[OutboxEntry]:
    """The link's next pending envelopes (after ``after_seq``), sealed and kept as sent."""
    with db.write() as session:
        peer = session.get(Peer, peer_code)
        if peer is None or not peer.confirmed or peer.keys_revoked_at is not None:
            return []
        entries = list(
            session.scalars(
                select(OutboxEntry)
                .where(
                    OutboxEntry.to_agency == peer_code,
                    OutboxEntry.status == "pending",
                    OutboxEntry.seq > after_seq,
                )
                .order_by(OutboxEntry.seq)
                .limit(batch_size)
            )
        )
        if not entries or entries[0].next_attempt_at > now:
            return []
        recipient = load_enc_public(peer.enc_public)
        kid, rkid = (
            key_id(raw_public(keys.current.sign.public_key())),
            key_id(unb64(peer.enc_public)),
        )
        for entry in entries:
            if entry.envelope and entry.payload and not sealed_with(entry.envelope, kid, rkid):
                supersede(session, entry, "keys-changed")  # rotated since: sign and seal again
            if not entry.envelope:
                # The row's number is authoritative (a re-synchronisation may have moved it).
                header = Header(**{**json.loads(entry.header), "seq": entry.seq})
                entry.envelope = canonical(
                    seal(header, json.loads(entry.payload), keys.current.sign, recipient)
                ).decode()
        return entries


# While a batch is at the peer, these threads seal the link's next batch and check and file
# the previous batch's receipts, so the two nodes work at the same time. A batch that ends up
# not being sent keeps its sealed envelopes for the next try.
_helpers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mekongx-delivery")


def deliver_link(
    db: Database,
    keys: NodeKeys,
    own: str,
    peer_code: str,
    transport: Transport,
    *,
    batch_size: int = 200,
    max_backoff: timedelta = MAX_BACKOFF,
    max_batches: int = 10,
) -> LinkResult:
    """Send the link's pending envelopes in sequence order, up to ``max_batches`` batches (so
    other links get their turn), stopping at the first failure, refusal or gap."""
    result = LinkResult(peer_code)
    lock = _link_lock(f"{db.url}|{peer_code}")
    if not lock.acquire(blocking=False):
        return result  # another thread of this process is on this link
    filing: Future[bool] | None = None
    try:
        now = utcnow()
        entries = _seal_pending(db, keys, peer_code, batch_size, now)
        if not entries:
            return result
        with db.read() as session:
            peer = session.get(Peer, peer_code)
            assert peer is not None
            receipt_keys = signing_keys(peer)
        for batch in range(max_batches):
            ahead = None
            if batch + 1 < max_batches and len(entries) == batch_size:
                ahead = _helpers.submit(
                    _seal_pending, db, keys, peer_code, batch_size, now, entries[-1].seq
                )
            outcomes = _post(db, keys, own, peer, transport, entries, max_backoff)
            following = ahead.result() if ahead is not None else []
            if filing is not None and not filing.result():
                break  # a receipt of the previous batch did not verify
            if outcomes is None:
                result.failed = True
                break
            filing = None
            file = (db, own, peer_code, entries, outcomes, receipt_keys, result, max_backoff)
            if not following or not _answered(entries, outcomes):
                _file_receipts(*file)  # the last batch, or one with a gap or a refusal
                break
            filing = _helpers.submit(_file_receipts, *file)  # beside the next batch
            entries = following
        if filing is not None:
            filing.result()
            filing = None
        if result.resync:
            _resync(db, keys, own, peer_code, transport)
        return result
    finally:
        if filing is not None:
            filing.result()
        lock.release()


def _post(
    db: Database,
    keys: NodeKeys,
    own: str,
    peer: Peer,
    transport: Transport,
    entries: list[OutboxEntry],
    max_backoff: timedelta,
) -> dict[str, dict[str, Any]] | None:
    """Post one batch; the peer's outcomes by message id, or None if it could not be delivered."""
    # Each stored envelope is canonical JSON already, and so is this wrapper around them.
    body = ('{"envelopes":[' + ",".join(e.envelope for e in entries) + "]}").encode()
    sent_at = iso(utcnow())
    headers = {
        "X-MekongX-Sender": own,
        "X-MekongX-Time": sent_at,
        "X-MekongX-Signature": b64(
            keys.current.sign.sign(batch_signing_text(own, peer.agency_code, sent_at, body))
        ),
    }
    with db.write() as session:  # counted before it leaves: a crash mid-post still counts
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.id.in_([e.id for e in entries]))
            .values(posts=OutboxEntry.posts + 1)
        )
    try:
        answer = transport.post(peer, INBOX_PATH, headers, body)
        if answer.status != 200:
            raise TransportError(f"HTTP {answer.status}: {answer.body.get('error', '')}")
    except TransportError as error:
        _failed(db, peer.agency_code, str(error), max_backoff)
        return None
    return {
        str(o.get("message_id")): o for o in answer.body.get("outcomes", []) if isinstance(o, dict)
    }


def _resync(db: Database, keys: NodeKeys, own: str, peer_code: str, transport: Transport) -> None:
    try:
        resync(db, keys, own, peer_code, transport, "federation")
    except (SyncError, TransportError) as error:
        log.warning("link to %s: re-synchronisation failed (%s); retried later", peer_code, error)
        with db.write() as session:
            peer = session.get(Peer, peer_code)
            if peer is not None:
                peer.last_error = f"resync failed: {error}"[:2000]


def _answered(entries: list[OutboxEntry], outcomes: Mapping[str, Mapping[str, Any]]) -> bool:
    """Did the peer take every envelope of the batch (receipts still to be checked)?"""
    return all(
        (o := outcomes.get(e.message_id)) is not None
        and o.get("status") in ("applied", "refused", "duplicate")
        and isinstance(o.get("receipt"), dict)
        for e in entries
    )


def _file_receipts(
    db: Database,
    own: str,
    peer_code: str,
    entries: list[OutboxEntry],
    outcomes: Mapping[str, Mapping[str, Any]],
    receipt_keys: Mapping[str, Ed25519PublicKey],
    result: LinkResult,
    max_backoff: timedelta,
) -> bool:
    """Check the batch's receipts and file them; True when every envelope was delivered."""
    delivered: list[dict[str, object]] = []
    complete = True
    with db.write() as session:
        link = session.get(Peer, peer_code)
        assert link is not None
        for entry in entries:
            outcome = outcomes.get(entry.message_id)
            if outcome is None:
                complete = False
                break
            status = outcome.get("status")
            receipt = outcome.get("receipt")
            if status in ("applied", "refused", "duplicate") and isinstance(receipt, dict):
                key = receipt_keys.get(str(receipt.get("kid")))
                valid = (
                    key is not None
                    and verify_receipt(receipt, key)
                    and receipt.get("message_id") == entry.message_id
                    and receipt.get("to") == own
                    and receipt.get("payload_mac") == json.loads(entry.envelope)["payload_mac"]
                )
                if not valid:
                    _mark_retry(session, entry, link, "receipt did not verify", max_backoff)
                    result.failed, complete = True, False
                    break
                delivered.append(
                    {
                        "id": entry.id,
                        "status": "refused"
                        if str(receipt.get("status", "")).startswith("refused")
                        else "sent",
                        "sent_at": utcnow(),
                        "receipt": canonical(receipt).decode(),
                        "payload": "",
                        "last_error": "",
                    }
                )
                result.sent += 1
            elif status == "gap":
                expected = int(outcome.get("expected_seq", entry.seq))
                session.execute(
                    update(OutboxEntry)
                    .where(
                        OutboxEntry.to_agency == peer_code,
                        OutboxEntry.seq >= expected,
                        OutboxEntry.status != "pending",
                    )
                    .values(status="pending", next_attempt_at=utcnow())
                )
                result.healed_from = expected
                log.warning(
                    "link to %s: peer expects seq %s; resending from there", peer_code, expected
                )
                complete = False
                break
            else:
                _rejected(session, entry, link, str(outcome.get("reason", status)), result)
                result.failed, complete = True, False
                break
        if delivered:  # one executemany for the whole batch, by primary key
            session.execute(update(OutboxEntry), delivered)
        if result.sent:
            link.last_delivery_at, link.consecutive_failures, link.last_error = utcnow(), 0, ""
    return complete


def _rejected(
    session: Session, entry: OutboxEntry, link: Peer, reason: str, result: LinkResult
) -> None:
    """What a refusal calls for (federation/recovery.py): sealing the envelope again with the
    current keys (once per reason; the old form is kept), re-synchronising the link's
    sequence, or waiting (back-off) for the peer or an operator."""
    error = f"rejected: {reason}"
    action = classify(reason)
    if action == "reseal" and entry.payload and not resealed_for(session, entry.message_id, reason):
        keep_evidence(session, entry, reason)
        link.last_error = error
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.id == entry.id)
            .values(
                envelope="",
                attempts=OutboxEntry.attempts + 1,
                last_error=error,
                next_attempt_at=utcnow(),
            )
        )
        log.warning(
            "link to %s: %s refused as %s; sealed again", link.agency_code, entry.seq, reason
        )
        return
    if action == "resync":
        result.resync = True
    _mark_retry(session, entry, link, error, MAX_BACKOFF)


def _mark_retry(
    session: Session, entry: OutboxEntry, peer: Peer, error: str, ceiling: timedelta
) -> None:
    peer.consecutive_failures += 1
    peer.last_error = error[:2000]
    session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.id == entry.id)
        .values(
            attempts=OutboxEntry.attempts + 1,
            last_error=error[:2000],
            next_attempt_at=utcnow() + backoff(peer.consecutive_failures),
        )
    )


def _failed(db: Database, peer_code: str, error: str, ceiling: timedelta) -> None:
    """The peer could not be reached: the link waits. Its first pending envelope carries the
    wait (a link sends in sequence order, so that is the one checked); the rest of a backlog,
    however long, is not rewritten on every failed try."""
    with db.write() as session:
        peer = session.get(Peer, peer_code)
        if peer is None:
            return
        peer.consecutive_failures += 1
        peer.last_error = error[:2000]
        wait = backoff(peer.consecutive_failures, ceiling)
        first = session.scalar(
            select(OutboxEntry.id)
            .where(OutboxEntry.to_agency == peer_code, OutboxEntry.status == "pending")
            .order_by(OutboxEntry.seq)
            .limit(1)
        )
        if first is not None:
            session.execute(
                update(OutboxEntry)
                .where(OutboxEntry.id == first)
                .values(
                    attempts=OutboxEntry.attempts + 1,
                    last_error=error[:2000],
                    next_attempt_at=utcnow() + wait,
                )
            )
    log.info("link to %s down (%s); next try in %.1f s", peer_code, error, wait.total_seconds())


def due_links(db: Database) -> list[str]:
    """Confirmed peers whose next pending envelope (by sequence) is due; one indexed look-up
    per peer, however long the outbox."""
    now = utcnow()
    due = []
    with db.read() as session:
        # A peer whose current keys were revoked gets nothing sealed to them.
        confirmed = select(Peer.agency_code).where(Peer.confirmed, Peer.keys_revoked_at.is_(None))
        for code in session.scalars(confirmed).all():
            first = session.scalar(
                select(OutboxEntry.next_attempt_at)
                .where(OutboxEntry.to_agency == code, OutboxEntry.status == "pending")
                .order_by(OutboxEntry.seq)
                .limit(1)
            )
            if first is not None and _aware(first) <= now:
                due.append(code)
    return due


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def deliver_once(
    db: Database,
    keys: NodeKeys,
    own: str,
    transport: Transport,
    *,
    batch_size: int = 200,
    max_backoff: timedelta = MAX_BACKOFF,
) -> int:
    """One pass over every link with due envelopes; returns how many were delivered."""
    return sum(
        deliver_link(
            db, keys, own, code, transport, batch_size=batch_size, max_backoff=max_backoff
        ).sent
        for code in due_links(db)
    )


def run_worker(
    db: Database,
    keys: NodeKeys,
    own: str,
    transport: Transport,
    stop: threading.Event,
    *,
    idle: float = 0.2,
    max_backoff: timedelta = MAX_BACKOFF,
    periodic: Callable[[datetime], None] | None = None,
    every: float = 30.0,
) -> None:
    """Deliver until ``stop`` is set; keeps going through outages and errors. ``periodic`` (the
    RFI clock's reminders and escalations) is called with the UTC time about every ``every`` s."""
    next_tick = 0.0
    while not stop.is_set():
        if periodic is not None and time.monotonic() >= next_tick:
            next_tick = time.monotonic() + every
            try:
                periodic(utcnow())
            except Exception:  # logged; the next tick tries again
                log.exception("periodic task failed")
        try:
            delivered = deliver_once(db, keys, own, transport, max_backoff=max_backoff)
        except Exception:  # the worker must outlive any single failure; it is logged
            log.exception("delivery pass failed")
            delivered = 0
        if not delivered and not stop.is_set():
            wait_for_queued(idle)
