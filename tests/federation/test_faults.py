"""Delivery through crashes and outages, with real processes killed with SIGKILL.

1,000 reports are released in parts while the sender and the receiver are killed, 20 times in
turn, each time on delivery progress (once the receiver has given receipts for a random share of
the part being released); the sender is killed while the receiver holds envelopes whose receipts
the sender has not filed yet. Afterwards every report is at the receiver exactly once, in
sequence, every receipt verifies, the sender holds the very receipt the receiver stored, both
audit chains are whole, and the recovery paths were taken: envelopes sent again (the outbox's
``posts``) and answered as duplicates (the receiver's ``exchange.duplicate`` audit rows). A peer
that is down for a long time gets its backlog, in order, when it returns.
"""

from __future__ import annotations

import json
import random
import threading
import time
from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx.audit import AuditEvent, verify_chain
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation.envelope import verify_receipt
from mekongx.federation.keys import load_sign_public
from mekongx.federation.models import InboxEntry, OutboxEntry

pytestmark = pytest.mark.slow


def _release(node: Any, count: int, start: int = 0, pause: float = 0.0) -> None:
    db = node.database()
    principal = node.principal()
    for i in range(start, start + count):
        data = ReportInput(
            title=f"Shipment {i:04d}", narrative=f"Consignment {i} seen at Laem Chabang", language="en",
            source_reliability="B", info_reliability=2, distribution="peers", recipients=["NNCC"],
        )  # fmt: skip
        with db.write() as session:
            intel.create_report(session, principal, data)
        if pause:
            time.sleep(pause)
    db.dispose()


def _delivered(node: Any) -> int:
    db = node.database()
    with db.read() as session:
        count = session.scalar(select(func.count()).select_from(InboxEntry)) or 0
    db.dispose()
    return count


def _check_exactly_once(oncb: Any, nncc: Any, total: int) -> None:
    receiver = nncc.database()
    with receiver.read() as session:
        seqs = list(session.scalars(select(InboxEntry.seq).order_by(InboxEntry.seq)))
        given = dict(session.execute(select(InboxEntry.message_id, InboxEntry.receipt)).all())
        copies = (
            session.scalar(
                select(func.count()).select_from(IntelReport).where(IntelReport.received)
            )
            or 0
        )
        assert verify_chain(session)[1] == []
    receiver.dispose()
    assert seqs == list(range(1, total + 1))  # each once, none missing, in order
    assert copies == total
    sender = oncb.database()
    key = load_sign_public(nncc.keys.current.sign_public)
    with sender.read() as session:
        entries = list(session.scalars(select(OutboxEntry)))
        assert verify_chain(session)[1] == []
    sender.dispose()
    assert len(entries) == total and all(e.status == "sent" for e in entries)
    assert all(verify_receipt(json.loads(e.receipt), key) for e in entries)
    # a duplicate is answered with the receipt given the first time, never a new one
    assert all(e.receipt == given[e.message_id] for e in entries)


class _Progress:
    """The two databases, watched while the nodes run (one connection pool each)."""

    def __init__(self, sender: Any, receiver: Any) -> None:
        self.sender, self.receiver = sender.database(), receiver.database()

    def received(self) -> int:
        """Receipts the receiver has given: envelopes stored with their receipt."""
        with self.receiver.read() as session:
            return session.scalar(select(func.count()).select_from(InboxEntry)) or 0

    def filed(self) -> int:
        """Receipts the sender has filed."""
        with self.sender.read() as session:
            stmt = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.status == "sent")
            return session.scalar(stmt) or 0

    def close(self) -> None:
        self.sender.dispose()
        self.receiver.dispose()


def _unfiled(progress: _Progress, timeout: float) -> bool:
    """Wait (briefly) until the receiver holds envelopes whose receipts the sender has not filed:
    a sender killed then must send them again and get them back as duplicates."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if progress.received() > progress.filed():
            return True
        time.sleep(0.005)
    return False


KILLS = 20


def test_thousand_exchanges_through_twenty_crashes(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    total = 1000
    rng = random.Random(20240710)
    progress = _Progress(oncb, nncc)
    released, lagging = 0, 0
    try:
        # The reports are released in 21 parts; during each of the first 20, once the receiver
        # has given receipts for a random share of it, the sender or the receiver is killed.
        for crash in range(KILLS):
            upto = (crash + 1) * total // (KILLS + 1)
            producer = threading.Thread(target=_release, args=(oncb, upto - released, released))
            producer.start()
            target = released + rng.randint(1, upto - released)
            released = upto
            waiter(
                lambda t=target: progress.received() >= t,
                timeout=180,
                what=f"{target} receipts at NNCC before kill {crash + 1}",
            )
            if crash % 2 == 0:
                lagging += _unfiled(progress, timeout=10)
                oncb.kill()
                oncb.start()
            else:
                nncc.kill()
                nncc.start()
            producer.join()
        _release(oncb, total - released, released)
        waiter(lambda: progress.received() == total, timeout=180, what="all 1,000 at NNCC")
        waiter(lambda: progress.filed() == total, timeout=60, what="every receipt back at ONCB")
    finally:
        progress.close()
    _check_exactly_once(oncb, nncc, total)
    # The recovery paths were taken, as the nodes themselves recorded them.
    assert lagging >= 1, "the sender was never killed with receipts outstanding"
    assert _resent(oncb) >= 1, "no envelope was posted twice"
    assert _duplicates(nncc) >= 1, "no envelope was answered as a duplicate"


def _resent(sender: Any) -> int:
    """Envelopes the sender posted more than once (its outbox counts every post)."""
    db = sender.database()
    with db.read() as session:
        count = (
            session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.posts > 1)
            )
            or 0
        )
    db.dispose()
    return count


def _duplicates(receiver: Any) -> int:
    """Envelopes the receiver already held and answered with its earlier receipt (audited)."""
    db = receiver.database()
    with db.read() as session:
        rows = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "exchange.duplicate")
        ).all()
    db.dispose()
    return sum(len(json.loads(details)["messages"]) for details in rows)


def _all_sent(node: Any, total: int) -> bool:
    db = node.database()
    with db.read() as session:
        sent = (
            session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.status == "sent")
            )
            or 0
        )
    db.dispose()
    return sent == total


def test_backlog_drains_in_order_when_peer_returns(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()  # NNCC is down
    _release(oncb, 300)
    waiter(lambda: _tries(oncb) >= 2, timeout=60, what="ONCB trying NNCC again")  # and backing off
    db = oncb.database()
    with db.read() as session:
        pending = list(session.scalars(select(OutboxEntry).where(OutboxEntry.status == "pending")))
    db.dispose()
    assert len(pending) == 300 and max(e.attempts for e in pending) >= 1
    nncc.start()
    waiter(lambda: _delivered(nncc) == 300, timeout=120, what="the backlog at NNCC")
    receiver = nncc.database()
    with receiver.read() as session:
        order = [
            seq
            for seq, _ in session.execute(
                select(InboxEntry.seq, InboxEntry.received_at).order_by(
                    InboxEntry.received_at, InboxEntry.seq
                )
            )
        ]
    receiver.dispose()
    assert order == list(range(1, 301))
    waiter(lambda: _all_sent(oncb, 300), timeout=60, what="receipts")
    _check_exactly_once(oncb, nncc, 300)


def _tries(node: Any) -> int:
    db = node.database()
    with db.read() as session:
        tries = session.scalar(select(func.max(OutboxEntry.attempts))) or 0
    db.dispose()
    return tries
