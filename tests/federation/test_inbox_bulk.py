"""The receiving inbox applies runs of one kind in bulk; the result must be exactly what applying
the envelopes one by one gives, including refusals, corrections, retractions in the middle of a
run, repeats within a batch, and a bulk attempt that fails half-way."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from mekongx import wiring
from mekongx.db import Database, fts
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation import handlers
from mekongx.federation.envelope import Header, iso, seal, verify_receipt
from mekongx.federation.handlers import Received
from mekongx.federation.inbox import Outcome, receive_batch
from mekongx.federation.keys import NodeKeys, load_enc_public, load_sign_public
from mekongx.federation.models import InboxEntry, OutboxEntry
from mekongx.model.base import utcnow
from mekongx.model.record import RecordRecipient

TAKEN_UID = "5f1b2f0e-0000-4000-8000-00000000beef"  # a report of the receiver's own


def _report(n: int, **changes: Any) -> dict[str, Any]:
    now = iso(utcnow())
    data: dict[str, Any] = {
        "kind": "intel.report", "uid": f"5f1b2f0e-0000-4000-8000-{n:012d}", "version": 1,
        "title": f"รายงาน {n} หลาน เว่ยหง 兰卫红 Mae Sai", "narrative": f"Consignment {n} declared as furniture",
        "language": "th", "source_reliability": "B", "info_reliability": 2, "handling_code": "H0",
        "handling_note": "", "distribution": "peers", "sharing_group": None, "origin_agency": "ONCB",
        "author_name": "x", "recipients": ["NNCC", "SMCC", "XXXX"], "created_at": now, "updated_at": now,
        "status": "active", "status_note": "",
    }  # fmt: skip
    data.update(changes)
    return data


def _sealed(
    keys: NodeKeys, to: str, enc: Any, items: list[tuple[str, dict[str, Any]]]
) -> list[Any]:
    return [
        json.loads(
            json.dumps(
                seal(
                    Header(
                        type=kind,
                        sender="ONCB",
                        to=to,
                        recipients=[to],
                        seq=seq,
                        thread=payload["uid"],
                        handling=payload.get("handling_code", "H0"),
                        created=iso(utcnow()),
                    ),
                    payload,
                    keys.current.sign,
                    enc,
                )
            )
        )
        for seq, (kind, payload) in enumerate(items, start=1)
    ]


def _traffic() -> list[list[tuple[str, dict[str, Any]]]]:
    """Three batches: new reports (one malformed, one whose uid the receiver already owns, one
    for a sharing group), then corrections mixed with new reports and a retraction mid-run."""
    first = [("information", _report(n)) for n in range(1, 13)]
    first[4] = ("information", {k: v for k, v in _report(5).items() if k != "title"})
    first[7] = ("information", _report(8, uid=TAKEN_UID))
    first[9] = ("information", _report(10, distribution="group", sharing_group="MEKONG6"))
    second = [
        ("correction", _report(2, version=2, title="Corrected: two pickups")),
        ("correction", _report(3, version=2, narrative="Now bound for Tachileik")),
        ("information", _report(20)),
        (
            "retraction",
            {
                "kind": "intel.report",
                "uid": _report(4)["uid"],
                "origin_agency": "ONCB",
                "reason": "source withdrew",
            },
        ),
        ("information", _report(21)),
        ("information", _report(22, handling_code="H2")),
    ]
    third = [("correction", _report(n, version=3, title=f"Third look {n}")) for n in (1, 20, 21)]
    return [first, second, third]


def _state(node: Any, twin: str) -> dict[str, Any]:
    """What the receiver holds, with its own code written SELF and the other receiver's TWIN."""
    alias = {node.agency: "SELF", twin: "TWIN"}
    db: Database = node.database()
    with db.read() as session:
        reports = sorted(
            (
                r.uid,
                r.version,
                r.title,
                r.narrative,
                r.status,
                r.status_note,
                r.distribution,
                r.sharing_group,
                r.handling_code,
                r.origin_agency,
                r.received_from,
                r.received,
            )
            for r in session.scalars(select(IntelReport))
        )
        recipients = sorted(
            (r.record_uid, r.agency_code) for r in session.scalars(select(RecordRecipient))
        )
        inbox = sorted(
            (e.seq, e.type, e.kind, e.record_uid, json.loads(e.receipt)["status"])
            for e in session.scalars(select(InboxEntry))
        )
        acks = sorted(
            (e.type, e.kind, e.record_uid)
            for e in session.scalars(select(OutboxEntry).where(OutboxEntry.to_agency == "ONCB"))
        )
        clause = fts.match_clause(session, "หลาน เว่ยหง", "intel_report")
        assert clause is not None
        found = sorted(uid for uid, _ in session.execute(clause[0], clause[1]))
        documents = session.execute(text("SELECT count(*) FROM search_index")).scalar()
    db.dispose()
    reports = [tuple(alias.get(v, v) if isinstance(v, str) else v for v in row) for row in reports]
    recipients = sorted((uid, alias.get(code, code)) for uid, code in recipients)
    return {"reports": reports, "recipients": recipients, "inbox": inbox, "acks": acks,
            "found": found, "documents": documents}  # fmt: skip


def _receive_all(node: Any, oncb: Any) -> list[list[Outcome]]:
    keys = NodeKeys.load(node.home / "keys")
    enc = load_enc_public(keys.current.enc_public)
    oncb_keys = NodeKeys.load(oncb.home / "keys")
    db = node.database()
    with db.write() as session:  # the receiver's own report, whose uid a peer then reuses
        own = intel.create_report(session, node.principal(), ReportInput(title="Own report", narrative="n",
                                  language="en", source_reliability="A", info_reliability=1))  # fmt: skip
        session.execute(update(IntelReport).where(IntelReport.id == own.id).values(uid=TAKEN_UID))
    answers = []
    sequence = [item for batch in _traffic() for item in batch]
    envelopes = _sealed(oncb_keys, node.agency, enc, sequence)
    start = 0
    for batch in _traffic():
        answers.append(
            receive_batch(db, keys, node.agency, "ONCB", envelopes[start : start + len(batch)])
        )
        start += len(batch)
    sender_key = load_sign_public(keys.current.sign_public)
    for outcome in (o for batch in answers for o in batch):
        assert outcome.receipt is not None and verify_receipt(outcome.receipt, sender_key)
    db.dispose()
    return answers


@pytest.fixture
def handlers_installed() -> Iterator[None]:
    wiring.install()
    yield
    wiring.install()


def test_bulk_apply_equals_one_by_one(make_nodes: Any, handlers_installed: None) -> None:
    oncb, bulk, single = make_nodes("ONCB", "NNCC", "SMCC")
    calls: list[int] = []

    def counting(session: Session, items: Sequence[tuple[Received, Mapping[str, Any]]]) -> Any:
        calls.append(len(items))
        return intel_exchange.apply_many(session, items)

    handlers.register(intel_exchange.KIND, intel_exchange.apply, batch=counting)
    in_bulk = _receive_all(bulk, oncb)
    handlers.register(intel_exchange.KIND, intel_exchange.apply)  # no bulk form
    one_by_one = _receive_all(single, oncb)
    assert calls and max(calls) >= 9, "the bulk form was not used"
    assert [[(o.status, o.receipt and o.receipt["status"]) for o in b] for b in in_bulk] == [
        [(o.status, o.receipt and o.receipt["status"]) for o in b] for b in one_by_one
    ]
    statuses = [o.receipt["status"] for o in in_bulk[0] if o.receipt]
    assert statuses[4] == "refused:invalid-payload:title: missing"
    assert statuses[7].startswith("refused:forbidden")
    assert statuses.count("applied") == 10
    state, other = (
        _state(bulk, "SMCC"),
        _state(single, "NNCC"),
    )
    assert state == other
    by_uid = {r[0]: r for r in state["reports"]}
    assert by_uid[_report(2)["uid"]][2] == "Corrected: two pickups"
    assert by_uid[_report(1)["uid"]][1] == 3 and by_uid[_report(4)["uid"]][4] == "retracted"
    assert by_uid[_report(10)["uid"]][6:8] == ("peers", None)  # the group is held by name
    assert ("acknowledgement", "exchange.ack", _report(3)["uid"]) in state["acks"]
    assert _report(4)["uid"] not in state["found"] and _report(22)["uid"] in state["found"]


def test_a_failing_bulk_attempt_leaves_nothing_and_falls_back(
    make_nodes: Any, handlers_installed: None
) -> None:
    oncb, bulk, single = make_nodes("ONCB", "NNCC", "SMCC")

    def half_then_fail(
        session: Session, items: Sequence[tuple[Received, Mapping[str, Any]]]
    ) -> Any:
        intel_exchange.apply_many(session, items[: len(items) // 2])
        raise RuntimeError("disk on fire")

    handlers.register(intel_exchange.KIND, intel_exchange.apply, batch=half_then_fail)
    failed_bulk = _receive_all(bulk, oncb)
    handlers.register(intel_exchange.KIND, intel_exchange.apply)
    one_by_one = _receive_all(single, oncb)
    assert [[o.status for o in b] for b in failed_bulk] == [
        [o.status for o in b] for b in one_by_one
    ]
    assert _state(bulk, "SMCC") == _state(single, "NNCC")


def test_a_message_repeated_within_a_batch_is_applied_once(
    make_nodes: Any, handlers_installed: None
) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    keys = NodeKeys.load(nncc.home / "keys")
    envelopes = _sealed(NodeKeys.load(oncb.home / "keys"), "NNCC",
                        load_enc_public(keys.current.enc_public),
                        [("information", _report(1)), ("information", _report(2))])  # fmt: skip
    db = nncc.database()
    outcomes = receive_batch(db, keys, "NNCC", "ONCB", [envelopes[0], envelopes[1], envelopes[0]])
    assert [o.status for o in outcomes] == ["applied", "applied", "duplicate"]
    assert outcomes[2].receipt == outcomes[0].receipt
    again = receive_batch(db, keys, "NNCC", "ONCB", envelopes)
    assert [o.status for o in again] == ["duplicate", "duplicate"]
    assert [o.receipt for o in again] == [outcomes[0].receipt, outcomes[1].receipt]
    with db.read() as session:
        assert len(list(session.scalars(select(IntelReport)))) == 2
        assert len(list(session.scalars(select(InboxEntry)))) == 2
    db.dispose()


def test_a_delivery_racing_another_on_the_same_link_keeps_nothing(
    make_nodes: Any, handlers_installed: None
) -> None:
    """PostgreSQL: the link's row is not locked while a batch is applied. Another delivery that
    moved the link's sequence meanwhile (here a transaction holding the row with seq 1-2 taken)
    makes this one's guarded sequence update find nothing: it keeps nothing and answers
    concurrent-delivery (temporary), so the sender asks again. (SQLite queues writers.)"""
    import threading

    from mekongx.federation.models import Peer

    oncb, nncc = make_nodes("ONCB", "NNCC")
    db = nncc.database()
    if db.dialect != "postgresql":
        db.dispose()
        pytest.skip("SQLite runs one writer at a time")
    keys = NodeKeys.load(nncc.home / "keys")
    envelopes = _sealed(NodeKeys.load(oncb.home / "keys"), "NNCC",
                        load_enc_public(keys.current.enc_public),
                        [("information", _report(1)), ("information", _report(2))])  # fmt: skip
    outcomes: list[list[Outcome]] = []
    with db.write() as session:  # the other delivery: it took seq 1-2 and has not committed yet
        session.execute(update(Peer).where(Peer.agency_code == "ONCB").values(next_in_seq=3))
        racing = threading.Thread(
            target=lambda: outcomes.append(receive_batch(db, keys, "NNCC", "ONCB", envelopes))
        )
        racing.start()
        waiting = 0
        while racing.is_alive() and not waiting:  # until its sequence update waits for our lock
            with db.read() as look:
                waiting = look.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE "
                                           "wait_event_type = 'Lock' AND datname = current_database()"))  # fmt: skip
    racing.join()
    assert [(o.status, o.reason) for o in outcomes[0]] == [("rejected", "concurrent-delivery")]
    with db.read() as session:
        assert list(session.scalars(select(IntelReport))) == []
        assert list(session.scalars(select(InboxEntry))) == []
        assert session.scalar(select(Peer.next_in_seq).where(Peer.agency_code == "ONCB")) == 3
    db.dispose()
