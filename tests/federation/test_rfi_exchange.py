"""Two real nodes on loopback: ONCB asks NNCC an urgent RFI; the reminder reaches NNCC, NNCC
acknowledges and replies, and both nodes show the same thread, statuses and clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from mekongx.domains.rfi import service
from mekongx.domains.rfi.models import Rfi, RfiMessage, RfiParty
from mekongx.domains.rfi.schemas import AcknowledgeInput, RefusalInput, ReplyInput, RfiInput
from mekongx.federation.models import InboxEntry, OutboxEntry

ASK = {"subject": "เรือ Hai Long 8 ที่ท่าเรือเชียงแสน", "question": "请提供船主身份 / owner of the boat?",
       "language": "th", "urgency": "urgent", "requested": ["NNCC"]}  # fmt: skip


def _state(node: Any, uid: str) -> dict[str, Any] | None:
    db = node.database()
    try:
        with db.read() as session:
            rfi = session.scalar(select(Rfi).where(Rfi.uid == uid))
            if rfi is None:
                return None
            party = session.get(RfiParty, (rfi.id, "NNCC"))
            messages = session.scalars(
                select(RfiMessage).where(RfiMessage.rfi_id == rfi.id).order_by(RfiMessage.at)
            )
            return {
                "id": rfi.id,
                "received": rfi.received,
                "subject": rfi.subject,
                "urgency": rfi.urgency,
                "sent_at": rfi.sent_at,
                "status": party.status if party else None,
                "deadline": party.deadline if party else None,
                "reminded_at": party.reminded_at if party else None,
                "acknowledged_at": party.acknowledged_at if party else None,
                "answered_at": party.answered_at if party else None,
                "escalated_at": party.escalated_at if party else None,
                "refusal_reason": party.refusal_reason if party else None,
                "messages": [(m.uid, m.kind, m.from_agency, m.at, m.body) for m in messages],
            }
    finally:
        db.dispose()


def test_urgent_rfi_acknowledged_and_answered(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    asker, asked = oncb.database(), nncc.database()
    with asker.write() as session:
        rfi = service.create_rfi(session, oncb.principal(), RfiInput.model_validate(ASK))
        uid, sent_at = rfi.uid, rfi.sent_at
    waiter(lambda: _state(nncc, uid) is not None, what="the request at NNCC")
    copy = _state(nncc, uid)
    assert copy is not None and copy["received"] and copy["status"] == "sent"
    assert copy["deadline"] == sent_at + timedelta(hours=8) and copy["subject"] == ASK["subject"]
    with asked.read() as session:
        entry = session.scalar(select(InboxEntry).where(InboxEntry.thread == uid))
        assert entry is not None and entry.type == "request" and entry.kind == "rfi.request"

    # ONCB's clock: 75 % of 8 hours later the reminder goes out, once, and reaches NNCC
    with asker.write() as session:
        assert [m.kind for m in service.run_due(session, sent_at + timedelta(hours=6))] == [
            "reminder"
        ]
    with asker.write() as session:
        assert service.run_due(session, sent_at + timedelta(hours=6, minutes=1)) == []
    waiter(lambda: (s := _state(nncc, uid)) is not None and s["reminded_at"] is not None,
           what="the reminder at NNCC")  # fmt: skip

    with asked.write() as session:
        rfi_id = session.scalar(select(Rfi.id).where(Rfi.uid == uid))
        assert rfi_id is not None
        service.acknowledge(
            session, nncc.principal(), rfi_id, AcknowledgeInput(note="收到", language="zh")
        )
    waiter(lambda: (s := _state(oncb, uid)) is not None and s["status"] == "acknowledged",
           what="the acknowledgement at ONCB")  # fmt: skip
    with asked.write() as session:
        service.reply(session, nncc.principal(), rfi_id,
                      ReplyInput(body="船主：兰卫红 (Lan Weihong)", language="zh"))  # fmt: skip
    waiter(lambda: (s := _state(oncb, uid)) is not None and s["status"] == "answered",
           what="the reply at ONCB")  # fmt: skip

    here, there = _state(oncb, uid), _state(nncc, uid)
    assert here is not None and there is not None
    assert not here["received"] and there["received"]
    for name in ("status", "deadline", "reminded_at", "acknowledged_at", "answered_at", "messages",
                 "sent_at", "urgency"):  # fmt: skip
        assert here[name] == there[name], name
    # ordered by time: the reminder carries the simulated clock (6 h after sending)
    kinds = [kind for _, kind, *_ in here["messages"]]
    assert kinds == ["request", "acknowledgement", "reply", "reminder"]
    with asker.read() as session:
        types = {e.kind: e.type for e in session.scalars(select(OutboxEntry))}
        assert types == {"rfi.request": "request", "rfi.reminder": "reminder"}
        statuses = {e.status for e in session.scalars(select(OutboxEntry))}
    waiter(lambda: _sent_all(oncb) and _sent_all(nncc), what="every receipt")
    assert statuses <= {"pending", "sent"}
    asker.dispose()
    asked.dispose()


def _sent_all(node: Any) -> bool:
    db = node.database()
    try:
        with db.read() as session:
            return all(e.status == "sent" for e in session.scalars(select(OutboxEntry)))
    finally:
        db.dispose()


def test_partial_reply_escalation_and_refusal(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    asker, asked = oncb.database(), nncc.database()
    with asker.write() as session:
        rfi = service.create_rfi(
            session, oncb.principal(), RfiInput.model_validate({**ASK, "urgency": "routine"})
        )
        uid, sent_at = rfi.uid, rfi.sent_at
    waiter(lambda: _state(nncc, uid) is not None, what="the request at NNCC")
    with asked.write() as session:
        rfi_id = session.scalar(select(Rfi.id).where(Rfi.uid == uid))
        assert rfi_id is not None
        service.reply(session, nncc.principal(), rfi_id,
                      ReplyInput(body="部分：船籍港 景洪", language="zh", partial=True))  # fmt: skip
    waiter(lambda: (s := _state(oncb, uid)) is not None and s["status"] == "partially_answered",
           what="the partial reply at ONCB")  # fmt: skip
    # a week later, still not fully answered: ONCB's clock escalates, once, and NNCC learns it
    with asker.write() as session:
        late = sent_at + timedelta(days=7, minutes=1)
        assert [m.kind for m in service.run_due(session, late)] == ["escalation"]
        assert service.run_due(session, late + timedelta(hours=1)) == []
    waiter(lambda: (s := _state(nncc, uid)) is not None and s["escalated_at"] is not None,
           what="the escalation at NNCC")  # fmt: skip
    with asked.write() as session:
        service.refuse(session, nncc.principal(), rfi_id,
                       RefusalInput(reason="其余信息涉及正在进行的侦查", language="zh"))  # fmt: skip
    waiter(lambda: (s := _state(oncb, uid)) is not None and s["status"] == "refused",
           what="the refusal at ONCB")  # fmt: skip
    here, there = _state(oncb, uid), _state(nncc, uid)
    assert here is not None and there is not None
    for name in ("status", "deadline", "escalated_at", "messages", "refusal_reason"):
        assert here[name] == there[name], name
    assert here["refusal_reason"] == "其余信息涉及正在进行的侦查"
    asker.dispose()
    asked.dispose()
