"""Delivery through crashes and outages, with real processes killed with SIGKILL.

1,000 reports are released while the sender and the receiver are killed at random moments and
restarted, 20 times; afterwards every report is at the receiver exactly once, in sequence, every
receipt verifies and both audit chains are whole. A peer that is down for a long time gets its
backlog, in order, when it returns.
"""

from __future__ import annotations

import json
import random
import threading
import time
from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx.audit import verify_chain
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


def test_thousand_exchanges_through_twenty_crashes(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    total = 1000
    producer = threading.Thread(target=_release, args=(oncb, total), kwargs={"pause": 0.002})
    producer.start()
    rng = random.Random(20240710)
    for crash in range(20):
        time.sleep(rng.uniform(0.2, 1.2))
        victim = oncb if crash % 2 == 0 else nncc
        victim.kill()
        time.sleep(rng.uniform(0.0, 0.5))
        victim.start()
    producer.join()
    waiter(lambda: _delivered(nncc) == total, timeout=180, what="all 1,000 envelopes at NNCC")
    waiter(lambda: _all_sent(oncb, total), timeout=60, what="every receipt back at ONCB")
    _check_exactly_once(oncb, nncc, total)


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
    time.sleep(3)  # the worker keeps trying and backs off
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
