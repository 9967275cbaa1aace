"""Sequence re-synchronisation between two nodes (``POST /federation/v1/sync``).

When a sender was restored from a backup, its counter for the link is behind what the
receiver expects, and every new envelope is refused as ``seq-reused``. The sender then asks the
receiver, in a request signed like a delivery (with its own domain, ``mekongx-sync/v1``), which
sequence number it expects next and which of the sender's waiting envelopes (by message id) it
has already applied. The receiver answers with a signed statement ``{type: "sync", from, to,
nonce, expected_seq, at}`` and the receipts it gave for the envelopes it has. The sender files
those receipts (the envelopes were delivered before the restore), numbers the rest of its queue
from ``expected_seq`` on (sealing them again; the old forms are kept as evidence) and goes on.
Nothing is lost and nothing is applied twice: the receiver still recognises every message id.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, hold_chain, record
from mekongx.db import Database
from mekongx.federation.envelope import canonical, iso, sign_statement, verify_receipt
from mekongx.federation.keys import NodeKeys, b64
from mekongx.federation.models import InboxEntry, OutboxEntry, Peer
from mekongx.federation.peers import signing_keys
from mekongx.federation.recovery import renumber
from mekongx.federation.transport import Transport, TransportError
from mekongx.model.base import utcnow

PATH = "/federation/v1/sync"
MAX_IDS = 500  # message ids asked about per request
MAX_BODY = 64 * 1024
log = logging.getLogger("mekongx.federation")


def sync_signing_text(sender: str, to: str, sent_at: str, body: bytes) -> bytes:
    """What the request signature covers (a delivery's text with its own first line)."""
    return (
        f"mekongx-sync/v1\n{sender}\n{to}\n{sent_at}\n{hashlib.sha256(body).hexdigest()}".encode()
    )


class SyncError(Exception):
    """The peer's answer is missing, malformed or not signed by it."""


def read_request(body: bytes) -> tuple[str, list[str]]:
    """The nonce and the message ids of an authenticated sync request; ValueError if malformed."""
    data = json.loads(body)
    if not isinstance(data, dict) or set(data) != {"nonce", "pending"}:
        raise ValueError("members")
    nonce, pending = data["nonce"], data["pending"]
    if not isinstance(nonce, str) or not 16 <= len(nonce) <= 64:
        raise ValueError("nonce")
    if not isinstance(pending, list) or len(pending) > MAX_IDS:
        raise ValueError("pending")
    if not all(isinstance(i, str) and 0 < len(i) <= 36 for i in pending):
        raise ValueError("pending")
    return nonce, pending


def answer(
    db: Database, keys: NodeKeys, own: str, peer_code: str, nonce: str, pending: list[str]
) -> dict[str, Any]:
    """The receiver's side: the sequence number it expects next on the link from ``peer_code``
    and its receipts for the given message ids it has. Audited."""
    with db.write() as session:
        peer = session.get(Peer, peer_code)
        assert peer is not None
        expected = peer.next_in_seq
        known = list(
            session.scalars(
                select(InboxEntry.receipt).where(
                    InboxEntry.from_agency == peer_code, InboxEntry.message_id.in_(pending)
                )
            )
        )
        record(session, Actor.system(own, "federation"), "exchange.sync-answered", "link",
               peer_code, details={"expected_seq": expected, "asked": len(pending),
                                   "known": len(known)})  # fmt: skip
    statement = sign_statement(
        "sync",
        {"from": own, "to": peer_code, "nonce": nonce, "expected_seq": expected,
         "at": iso(utcnow())},
        keys.current.sign,
    )  # fmt: skip
    return {"statement": statement, "known": [json.loads(r) for r in known]}


@dataclass
class Resync:
    expected_seq: int = 0
    filed: int = 0  # waiting envelopes the peer had already applied
    renumbered: int = 0
    from_seq: int = 0


def resync(
    db: Database, keys: NodeKeys, own: str, peer_code: str, transport: Transport, by: str
) -> Resync:
    """The sender's side: ask, file what the peer already has, renumber the rest. Raises
    SyncError or TransportError (the worker retries later)."""
    outcome = Resync()
    checked_after = 0
    while True:
        with db.read() as session:
            peer = session.get(Peer, peer_code)
            if peer is None or not peer.confirmed:
                raise SyncError("not a confirmed peer")
            ids = list(
                session.scalars(
                    select(OutboxEntry.message_id)
                    .where(
                        OutboxEntry.to_agency == peer_code,
                        OutboxEntry.status == "pending",
                        OutboxEntry.seq > checked_after,
                    )
                    .order_by(OutboxEntry.seq)
                    .limit(MAX_IDS)
                )
            )
        expected, receipts = _ask(keys, own, peer, transport, ids)
        with db.write() as session:
            hold_chain(session)  # the audit chain before the link, as every local change
            link = session.get(Peer, peer_code, with_for_update=True)
            assert link is not None
            filed = _file_known(session, own, link, receipts, set(ids))
            outcome.filed += filed
            outcome.expected_seq = expected
            if filed == len(ids) == MAX_IDS:  # all known: ask about the next ones
                checked_after = -1 if not ids else _seq_of(session, ids[-1])
                continue
            waiting = list(
                session.scalars(
                    select(OutboxEntry)
                    .where(OutboxEntry.to_agency == peer_code, OutboxEntry.status == "pending")
                    .order_by(OutboxEntry.seq)
                )
            )
            if waiting and waiting[0].seq < expected:
                outcome.from_seq = waiting[0].seq
                renumber(session, waiting, expected, "resync", by)
                outcome.renumbered = len(waiting)
                link.next_out_seq = expected + len(waiting)
            elif not waiting and link.next_out_seq < expected:
                link.next_out_seq = expected
            link.consecutive_failures, link.last_error = 0, ""
            record(session, Actor.system(own, by), "exchange.resync", "link", peer_code,
                   details={"expected_seq": expected, "filed": outcome.filed,
                            "renumbered": outcome.renumbered, "from_seq": outcome.from_seq})  # fmt: skip
        log.warning(
            "link to %s re-synchronised: peer expects seq %s; %s already delivered, %s renumbered",
            peer_code,
            expected,
            outcome.filed,
            outcome.renumbered,
        )
        return outcome


def _seq_of(session: Session, message_id: str) -> int:
    return int(
        session.scalar(select(OutboxEntry.seq).where(OutboxEntry.message_id == message_id)) or 0
    )


def _ask(
    keys: NodeKeys, own: str, peer: Peer, transport: Transport, ids: list[str]
) -> tuple[int, list[Mapping[str, Any]]]:
    nonce = os.urandom(16).hex()
    body = canonical({"nonce": nonce, "pending": ids})
    sent_at = iso(utcnow())
    headers = {
        "X-MekongX-Sender": own,
        "X-MekongX-Time": sent_at,
        "X-MekongX-Signature": b64(
            keys.current.sign.sign(sync_signing_text(own, peer.agency_code, sent_at, body))
        ),
    }
    reply = transport.post(peer, PATH, headers, body)
    if reply.status != 200:
        raise TransportError(f"sync: HTTP {reply.status}: {reply.body.get('error', '')}")
    statement, known = reply.body.get("statement"), reply.body.get("known")
    if not isinstance(statement, dict) or not isinstance(known, list):
        raise SyncError("malformed answer")
    key = signing_keys(peer).get(str(statement.get("kid")))
    expected = statement.get("expected_seq")
    if (
        key is None
        or not verify_receipt(statement, key)
        or statement.get("type") != "sync"
        or (statement.get("from"), statement.get("to")) != (peer.agency_code, own)
        or statement.get("nonce") != nonce
        or not isinstance(expected, int)
        or isinstance(expected, bool)
        or expected < 1
    ):
        raise SyncError("the answer is not the peer's signed statement for this request")
    receipts: list[Mapping[str, Any]] = []
    for receipt in known:
        if not isinstance(receipt, dict):
            raise SyncError("malformed receipt")
        rkey = signing_keys(peer).get(str(receipt.get("kid")))
        if rkey is None or not verify_receipt(receipt, rkey) or receipt.get("to") != own:
            raise SyncError("a receipt does not verify")
        receipts.append(receipt)
    return expected, receipts


def _file_known(
    session: Session, own: str, link: Peer, receipts: list[Mapping[str, Any]], asked: set[str]
) -> int:
    """File the receipts of waiting envelopes the peer already applied; how many."""
    filed = 0
    for receipt in receipts:
        message_id = str(receipt.get("message_id"))
        if message_id not in asked:
            continue
        entry = session.scalar(
            select(OutboxEntry).where(
                OutboxEntry.message_id == message_id,
                OutboxEntry.to_agency == link.agency_code,
                OutboxEntry.status == "pending",
            )
        )
        if entry is None:
            continue
        if entry.envelope and json.loads(entry.envelope)["payload_mac"] != receipt.get(
            "payload_mac"
        ):
            continue  # not what we sent under this id: left to the normal path
        refused = str(receipt.get("status", "")).startswith("refused")
        entry.status = "refused" if refused else "sent"
        entry.receipt, entry.payload, entry.sent_at = (
            canonical(dict(receipt)).decode(),
            "",
            utcnow(),
        )
        entry.last_error = ""
        filed += 1
    if filed:
        link.last_delivery_at = utcnow()
    return filed
