"""RFI services with the clock under control: deadlines per tier and per bilateral agreement,
reminders and escalations sent exactly once, statuses, both time zones, and bad input."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx.domains.rfi import clock, exchange, service, threads
from mekongx.domains.rfi.models import Rfi, RfiMessage, RfiParty
from mekongx.domains.rfi.schemas import (
    AcknowledgeInput,
    AgreementInput,
    RefusalInput,
    ReplyInput,
    RfiInput,
)
from mekongx.errors import Conflict, Forbidden, NotFound, ValidationFailed
from mekongx.federation.delivery import run_worker
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry, Peer

T0 = datetime(2024, 7, 10, 2, 0, tzinfo=UTC)
ASK = {"subject": "Owner of pickup กข 1234", "question": "ขอทราบชื่อเจ้าของรถ", "language": "th",
       "urgency": "urgent", "requested": ["NNCC"]}  # fmt: skip


def _peer(world: Any, code: str = "NNCC") -> None:
    with world.db.write() as session:
        session.add(Peer(agency_code=code, endpoint="http://127.0.0.1:9", sign_public="x",
                         enc_public="x", fingerprint="x", confirmed=True))  # fmt: skip


def _ask(world: Any, now: datetime = T0, user: str = "thai_liaison", **fields: Any) -> int:
    with world.db.write() as session:
        rfi = service.create_rfi(
            session, world.principal(user), RfiInput.model_validate({**ASK, **fields}), now=now
        )
        return rfi.id


def _party(world: Any, rfi_id: int, code: str = "NNCC") -> RfiParty:
    with world.db.read() as session:
        party = session.get(RfiParty, (rfi_id, code))
        assert party is not None
        return party


def _copy(world: Any, nncc: Any, rfi_id: int) -> int:
    """Deliver the request to NNCC's node; the id of its copy there."""
    world.exchange()
    return int(nncc.id_of(Rfi, world.uid_of(Rfi, rfi_id)))


def _count(world: Any, model: Any, *where: Any) -> int:
    with world.db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


@pytest.mark.parametrize(("urgency", "hours"), [("urgent", 8), ("priority", 72), ("routine", 168)])
def test_default_deadline_per_tier(world: Any, urgency: str, hours: int) -> None:
    rfi_id = _ask(world, urgency=urgency)
    party = _party(world, rfi_id)
    assert party.deadline == T0 + timedelta(hours=hours)
    assert party.remind_at == T0 + timedelta(hours=hours * 0.75)
    assert party.status == "sent"


def test_bilateral_agreement_overrides_the_default(world: Any) -> None:
    with world.db.write() as session:
        service.set_agreement(session, world.principal("thai_admin"), AgreementInput(
            agency="NNCC", urgency="urgent", hours=4, reminder_percent=50))  # fmt: skip
    rfi_id = _ask(world, requested=["NNCC", "LCDC"])
    assert _party(world, rfi_id).deadline == T0 + timedelta(hours=4)
    assert _party(world, rfi_id).remind_at == T0 + timedelta(hours=2)
    assert _party(world, rfi_id, "LCDC").deadline == T0 + timedelta(hours=8)
    with world.db.read() as session:
        rfi = session.get(Rfi, rfi_id)
        assert rfi is not None and rfi.deadline == T0 + timedelta(hours=4)
    with world.db.write() as session, pytest.raises(Forbidden):
        service.set_agreement(session, world.principal("thai_liaison"), AgreementInput(
            agency="NNCC", urgency="urgent", hours=2))  # fmt: skip
    with world.db.write() as session, pytest.raises(ValidationFailed):
        service.set_agreement(session, world.principal("thai_admin"), AgreementInput(
            agency="NOPE", urgency="urgent", hours=2))  # fmt: skip


def test_reminder_and_escalation_are_sent_exactly_once(world: Any) -> None:
    _peer(world)
    rfi_id = _ask(world)
    reminders = (OutboxEntry.kind == service.KIND_REMINDER,)
    escalations = (OutboxEntry.kind == service.KIND_ESCALATION,)
    with world.db.write() as session:
        assert service.run_due(session, T0 + timedelta(hours=5)) == []  # before 75 % (6 h)
    with world.db.write() as session:
        sent = service.run_due(session, T0 + timedelta(hours=6))
        assert [m.kind for m in sent] == ["reminder"]
    for hours in (6, 7):
        with world.db.write() as session:
            assert service.run_due(session, T0 + timedelta(hours=hours)) == []
    assert _count(world, OutboxEntry, *reminders) == 1
    assert _count(world, OutboxEntry, *escalations) == 0
    with world.db.write() as session:
        sent = service.run_due(session, T0 + timedelta(hours=8, seconds=1))
        assert [m.kind for m in sent] == ["escalation"]
    with world.db.write() as session:
        assert service.run_due(session, T0 + timedelta(days=3)) == []
    assert _count(world, OutboxEntry, *escalations) == 1
    assert _count(world, RfiMessage, RfiMessage.rfi_id == rfi_id) == 3
    party = _party(world, rfi_id)
    assert threads.display_status(party, T0 + timedelta(hours=9)) == "escalated"
    entry = None
    with world.db.read() as session:
        entry = session.scalar(select(OutboxEntry).where(*reminders))
        assert entry is not None and entry.type == "reminder" and entry.thread
        rfi = session.get(Rfi, rfi_id)
        assert rfi is not None and entry.thread == rfi.uid


def test_answered_requests_get_no_reminder(world: Any) -> None:
    nncc = world.partner("NNCC")
    rfi_id = _ask(world)
    copy = _copy(world, nncc, rfi_id)
    with nncc.db.write() as session:  # NNCC answers on its own node
        service.reply(session, nncc.principal("chinese_liaison"), copy,
                      ReplyInput(body="车主：兰卫红", language="zh"), now=T0 + timedelta(hours=1))  # fmt: skip
    world.exchange()
    with world.db.write() as session:
        assert service.run_due(session, T0 + timedelta(days=30)) == []
    party = _party(world, rfi_id)
    assert party.status == "answered" and party.answered_at == T0 + timedelta(hours=1)
    assert threads.display_status(party, T0 + timedelta(days=30)) == "answered"


def test_acknowledge_partial_reply_then_reply(world: Any) -> None:
    nncc = world.partner("NNCC")
    rfi_id = _ask(world, urgency="priority")
    copy = _copy(world, nncc, rfi_id)
    chinese = nncc.principal("chinese_liaison")  # on NNCC's node; answers travel by exchange
    with nncc.db.write() as session:
        service.acknowledge(session, chinese, copy, AcknowledgeInput(note="收到"), now=T0)
    world.exchange()
    assert _party(world, rfi_id).status == "acknowledged"
    with nncc.db.write() as session, pytest.raises(Conflict):
        service.acknowledge(session, chinese, copy, AcknowledgeInput(), now=T0)
    with nncc.db.write() as session:
        service.reply(session, chinese, copy, ReplyInput(body="部分", language="zh", partial=True),
                      now=T0 + timedelta(hours=10))  # fmt: skip
    world.exchange()
    assert _party(world, rfi_id).status == "partially_answered"
    with world.db.write() as session:
        # partially answered is still open: the reminder still goes out
        assert [m.kind for m in service.run_due(session, T0 + timedelta(hours=60))] == ["reminder"]
    with nncc.db.write() as session:
        service.reply(session, chinese, copy, ReplyInput(body="全部", language="zh"),
                      now=T0 + timedelta(hours=80))  # fmt: skip
    world.exchange()
    party = _party(world, rfi_id)
    assert party.status == "answered" and party.responded_at == T0 + timedelta(hours=10)
    with nncc.db.write() as session, pytest.raises(Conflict):
        service.refuse(session, chinese, copy, RefusalInput(reason="no", language="zh"))
    with world.db.read() as session:
        stats = threads.stats(session, world.principal("thai_liaison"), T0 + timedelta(days=9))
    [nncc] = stats
    assert (nncc.agency, nncc.direction, nncc.total, nncc.answered) == ("NNCC", "sent", 1, 1)
    assert nncc.answered_in_time == 0 and nncc.median_hours == 10.0


def test_refusal_keeps_its_reason(world: Any) -> None:
    nncc = world.partner("NNCC")
    rfi_id = _ask(world)
    copy = _copy(world, nncc, rfi_id)
    with nncc.db.write() as session:
        service.refuse(session, nncc.principal("chinese_liaison"), copy,
                       RefusalInput(reason="超出协议范围", language="zh"), now=T0)  # fmt: skip
    world.exchange()
    party = _party(world, rfi_id)
    assert party.status == "refused" and party.refusal_reason == "超出协议范围"


def test_only_requested_agencies_answer(world: Any) -> None:
    lcdc = world.partner("LCDC")
    rfi_id = _ask(world)
    with world.db.write() as session, pytest.raises(Forbidden):
        service.reply(session, world.principal("thai_liaison"), rfi_id,
                      ReplyInput(body="x", language="en"))  # fmt: skip
    world.exchange()
    assert _count(lcdc, Rfi) == 0  # not asked: LCDC's node never holds it
    with lcdc.db.write() as session, pytest.raises(NotFound):
        service.acknowledge(session, lcdc.principal("lao_liaison"), rfi_id, AcknowledgeInput())
    with world.db.write() as session, pytest.raises(Forbidden):
        service.create_rfi(session, world.principal("thai_viewer"), RfiInput.model_validate(ASK))
    assert _count(world, RfiMessage, RfiMessage.kind != "request") == 0


def test_unknown_and_own_agency_are_refused_and_nothing_is_written(world: Any) -> None:
    for requested in (["XXX"], ["ONCB"]):
        with world.db.write() as session, pytest.raises(ValidationFailed) as caught:
            service.create_rfi(session, world.principal("thai_liaison"),
                               RfiInput.model_validate({**ASK, "requested": requested}))  # fmt: skip
        assert caught.value.fields[0].field == "requested"
    assert _count(world, Rfi) == 0


def test_received_request_is_answered_back(world: Any) -> None:
    """NNCC's node asks ONCB: ONCB keeps a copy, answers, and the answer goes back to NNCC."""
    _peer(world)
    received = Received(message_id="11111111-1111-4111-8111-111111111111", type="request",
                        sender="NNCC", own_agency="ONCB", thread="t", in_reply_to=None,
                        handling="H0", created=T0.isoformat())  # fmt: skip
    data = {"uid": "22222222-2222-4222-8222-222222222222", "message_uid": "33333333-3333-4333-8333-333333333333",
            "message_kind": "request", "from_agency": "NNCC", "to_agency": "", "author_name": "王警官",
            "body": "请提供", "language": "zh", "at": T0.isoformat(), "subject": "船只 Hai Long 8",
            "question": "请提供", "urgency": "urgent", "handling_code": "H1", "handling_note": "",
            "requested": ["ONCB"], "sent_at": T0.isoformat(),
            "deadline": (T0 + timedelta(hours=8)).isoformat()}  # fmt: skip
    with world.db.write() as session:
        exchange.apply_request(session, received, data)
        exchange.apply_request(session, received, data)  # a repeat changes nothing
    with world.db.read() as session:
        [row] = threads.inbox(session, world.principal("thai_liaison"))
        rfi_id = row.rfi.id
        assert row.rfi.received and row.party.deadline == T0 + timedelta(hours=8)
        assert threads.outbox(session, world.principal("thai_liaison")) == []
    with world.db.write() as session:
        service.reply(session, world.principal("thai_liaison"), rfi_id,
                      ReplyInput(body="ตอบ", language="th"), now=T0 + timedelta(hours=2))  # fmt: skip
    with world.db.read() as session:
        entry = session.scalar(select(OutboxEntry).where(OutboxEntry.kind == service.KIND_RESPONSE))
        assert entry is not None and entry.to_agency == "NNCC" and entry.type == "reply"
        assert entry.thread == data["uid"]
    # the requester's clock does not run on the copy
    with world.db.write() as session:
        assert service.run_due(session, T0 + timedelta(days=9)) == []
    # a reminder from someone who is not the requester is refused
    stranger = Received(message_id="44444444-4444-4444-8444-444444444444", type="reminder",
                        sender="LCDC", own_agency="ONCB", thread="t", in_reply_to=None,
                        handling="H0", created=T0.isoformat())  # fmt: skip
    reminder = {
        **data,
        "message_uid": "55555555-5555-4555-8555-555555555555",
        "message_kind": "reminder",
    }
    with world.db.write() as session, pytest.raises(Forbidden):
        exchange.apply_message(session, stranger, reminder)


def test_times_in_both_zones() -> None:
    deadline = datetime(2024, 7, 10, 10, 0, tzinfo=UTC)
    bangkok = clock.local_time(deadline, clock.zone_of_country("TH"), "en")
    beijing = clock.local_time(deadline, clock.zone_of_country("CN"), "en")
    assert bangkok == "10 Jul 2024 17:00 (UTC+07)"
    assert beijing == "10 Jul 2024 18:00 (UTC+08)"
    assert clock.local_time(deadline, "Asia/Shanghai", "zh") == "2024年7月10日 18:00 (UTC+08)"
    assert clock.local_time(deadline, "Asia/Bangkok", "th").startswith("10 ก.ค. 2567 17:00")
    assert clock.remaining(deadline, deadline - timedelta(hours=3, minutes=20)) == clock.Remaining(
        False, 3, 20
    )
    assert clock.remaining(deadline, deadline + timedelta(minutes=90)).overdue


def test_the_delivery_worker_runs_the_clock(world: Any) -> None:
    """``run_worker(periodic=…)`` calls the RFI clock with the UTC time; the clock sends what is due."""
    rfi_id = _ask(world)
    stop = threading.Event()
    seen: list[datetime] = []

    def tick(now: datetime) -> None:
        seen.append(now)
        service.periodic(world.db)(T0 + timedelta(hours=7))
        stop.set()

    run_worker(world.db, None, "ONCB", None, stop, idle=0.01, periodic=tick)  # type: ignore[arg-type]
    assert len(seen) == 1 and seen[0].tzinfo is not None
    assert _party(world, rfi_id).reminded_at == T0 + timedelta(hours=7)


def test_a_late_clock_sends_the_escalation_without_a_stale_reminder(world: Any) -> None:
    rfi_id = _ask(world)
    with world.db.write() as session:
        sent = service.run_due(session, T0 + timedelta(hours=9))
        assert [m.kind for m in sent] == ["escalation"]
    with world.db.write() as session:
        assert service.run_due(session, T0 + timedelta(hours=10)) == []
    assert _party(world, rfi_id).reminded_at is None
