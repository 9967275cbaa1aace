"""Delivery through crashes and outages, with real processes killed with SIGKILL.

1,000 reports are released in parts while the sender and the receiver are killed, 20 times in
turn, each time on delivery progress (once the receiver has given receipts for a random share of
the part being released). The sender reaches the receiver through a relay that can hold the
receiver's answers: before each kill of the sender the relay holds them, one more report is
written, and the sender is killed once the receiver has stored it, so the receiver then holds an
envelope whose receipt the sender has not filed, every time and whatever the machine's load.
Afterwards every report is at the receiver exactly once, in sequence, every receipt verifies,
the sender holds the very receipt the receiver stored, both audit chains are whole, and the
recovery paths were taken: each envelope held at a kill sent again (the outbox's ``posts``) and
answered as a duplicate (the receiver's ``exchange.duplicate`` audit rows). A peer that is down
for a long time gets its backlog, in order, when it returns.
"""

from __future__ import annotations

import contextlib
import json
import random
import socket
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
from mekongx.federation.models import InboxEntry, OutboxEntry, Peer

pytestmark = pytest.mark.slow


def _release(node: Any, count: int, start: int = 0, pause: float = 0.0) -> list[str]:
    """Write ``count`` reports for NNCC; the message ids of their envelopes."""
    db = node.database()
    principal = node.principal()
    messages = []
    for i in range(start, start + count):
        data = ReportInput(
            title=f"Shipment {i:04d}", narrative=f"Consignment {i} seen at Laem Chabang", language="en",
            source_reliability="B", info_reliability=2, distribution="peers", recipients=["NNCC"],
        )  # fmt: skip
        with db.write() as session:
            report = intel.create_report(session, principal, data)
            entry = select(OutboxEntry.message_id).where(OutboxEntry.record_uid == report.uid)
            messages.append(session.scalars(entry).one())
        if pause:
            time.sleep(pause)
    db.dispose()
    return messages


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

    def stored(self, message_id: str) -> bool:
        """Has the receiver stored this envelope (and given its receipt)?"""
        with self.receiver.read() as session:
            return session.get(InboxEntry, message_id) is not None

    def status(self, message_id: str) -> tuple[str, int]:
        """The sender's outbox state of this envelope, and how many times it was posted."""
        with self.sender.read() as session:
            stmt = select(OutboxEntry.status, OutboxEntry.posts)
            row = session.execute(stmt.where(OutboxEntry.message_id == message_id)).one()
            return row[0], row[1]

    def close(self) -> None:
        self.sender.dispose()
        self.receiver.dispose()


class _Relay:
    """A TCP relay in front of the receiver's federation listener. While it holds, an answer to
    a request sent after the hold began stays in the relay: the receiver has stored what the
    request carried and given its receipts, and the sender does not get them."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.changed = threading.Condition()
        self.holding = 0  # the number of the hold under way, 0 when none
        self.holds = 0
        self.open: set[socket.socket] = set()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def hold(self) -> None:
        with self.changed:
            self.holds += 1
            self.holding = self.holds

    def release(self) -> None:
        with self.changed:
            self.holding = 0
            self.changed.notify_all()

    def close(self) -> None:
        self.release()
        with self.changed:
            left = [self.listener, *self.open]
        for sock in left:
            _drop(sock)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:  # the receiver is down: the sender sees the connection close
                client.close()
                continue
            with self.changed:
                self.open.update((client, upstream))
            asked = [0]  # the hold under way when the client last sent something
            for source, sink in ((client, upstream), (upstream, client)):
                pump = threading.Thread(
                    target=self._pump, args=(source, sink, asked, sink is client)
                )
                pump.daemon = True
                pump.start()

    def _pump(
        self, source: socket.socket, sink: socket.socket, asked: list[int], answers: bool
    ) -> None:
        try:
            while data := source.recv(65536):
                with self.changed:
                    if answers:
                        self.changed.wait_for(lambda: not self.holding or asked[0] != self.holding)
                    else:
                        asked[0] = self.holding
                sink.sendall(data)
        except OSError:
            pass  # a node was killed
        with self.changed:
            self.open.difference_update((source, sink))
        _drop(source)
        _drop(sink)


def _drop(sock: socket.socket) -> None:
    """Close a socket, waking a thread blocked on it."""
    with contextlib.suppress(OSError):  # not connected (any more)
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


KILLS = 20


def test_thousand_exchanges_through_twenty_crashes(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    relay = _Relay(nncc.federation_port)
    db = oncb.database()
    with db.write() as session:  # ONCB reaches NNCC through the relay
        peer = session.get(Peer, "NNCC")
        assert peer is not None
        peer.endpoint = relay.url
    db.dispose()
    oncb.start()
    nncc.start()
    total = 1000
    rng = random.Random(20240710)
    progress = _Progress(oncb, nncc)
    released = 0
    outstanding: list[str] = []  # envelopes the receiver held unfiled when the sender was killed
    try:
        # The reports are released in 21 parts; during each of the first 20, once the receiver
        # has given receipts for a random share of it, the sender or the receiver is killed.
        for crash in range(KILLS):
            upto = (crash + 1) * total // (KILLS + 1)
            kill_sender = crash % 2 == 0
            part = upto - released - (1 if kill_sender else 0)  # a sender's last: see below
            producer = threading.Thread(target=_release, args=(oncb, part, released))
            producer.start()
            target = released + rng.randint(1, part)
            waiter(
                lambda t=target: progress.received() >= t,
                timeout=180,
                what=f"{target} receipts at NNCC before kill {crash + 1}",
            )
            if kill_sender:
                # Held answers: whatever ONCB posts from now on, NNCC stores but ONCB never
                # learns it. One more report, the sender killed once NNCC has stored it.
                relay.hold()
                (last,) = _release(oncb, 1, upto - 1)
                waiter(lambda m=last: progress.stored(m), timeout=120, what=f"{last} at NNCC")
                oncb.kill()
                assert progress.status(last)[0] == "pending"  # its receipt never reached ONCB
                outstanding.append(last)
                relay.release()
                oncb.start()
            else:
                nncc.kill()
                nncc.start()
            producer.join()
            released = upto
        _release(oncb, total - released, released)
        waiter(lambda: progress.received() == total, timeout=180, what="all 1,000 at NNCC")
        waiter(lambda: progress.filed() == total, timeout=60, what="every receipt back at ONCB")
        # The recovery path was taken for each: the restarted sender posted it again ...
        assert len(outstanding) == KILLS // 2
        assert all(s == "sent" and posts >= 2 for s, posts in map(progress.status, outstanding))
    finally:
        progress.close()
        relay.close()
    _check_exactly_once(oncb, nncc, total)
    # ... and the receiver answered it as a duplicate, with the receipt it gave the first time.
    assert set(outstanding) <= _duplicates(nncc)
    assert _resent(oncb) >= len(outstanding)


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


def _duplicates(receiver: Any) -> set[str]:
    """Envelopes the receiver already held and answered with its earlier receipt (audited)."""
    db = receiver.database()
    with db.read() as session:
        rows = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "exchange.duplicate")
        ).all()
    db.dispose()
    return {message for details in rows for message in json.loads(details)["messages"]}


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
