"""Issue 10.6: an authentic envelope whose payload breaks the rules of local input is refused with
a signed receipt, recorded on both sides, and the link moves on to the next envelope."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from mekongx.audit import Actor
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation.envelope import verify_receipt
from mekongx.federation.keys import NodeKeys, load_sign_public
from mekongx.federation.models import InboxEntry, OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.model.base import utcnow

GOOD = {"title": "Good report after the poison", "narrative": "arrives", "language": "en",
        "source_reliability": "B", "info_reliability": 2, "distribution": "peers", "recipients": ["NNCC"]}  # fmt: skip


def _report(uid: str, **changes: Any) -> dict[str, Any]:
    now = utcnow().isoformat()
    data = {
        "uid": uid, "version": 1, "title": "Poison", "narrative": "n", "language": "en",
        "source_reliability": "B", "info_reliability": 2, "handling_code": "H0",
        "handling_note": "", "distribution": "peers", "sharing_group": None,
        "origin_agency": "ONCB", "author_name": "x", "recipients": ["NNCC"],
        "created_at": now, "updated_at": now, "status": "active", "status_note": "",
    }  # fmt: skip
    return {**data, **changes}


# (payload changes, header handling code, the refusal the receipt must carry)
POISONS = [
    ({"title": ["a", "list"]}, "H0", "refused:invalid-payload:title: string_type"),
    ({"title": "x" * 1_000_000}, "H0", "refused:invalid-payload:title: string_too_long"),
    ({"handling_code": "H9"}, "H0", "refused:invalid-payload:handling_code: literal_error"),
    ({"handling_code": "H9"}, "H9", "refused:bad-handling:H9"),
    ({"distribution": "everyone"}, "H0", "refused:invalid-payload:distribution: literal_error"),
    ({"info_reliability": "4; drop table"}, "H0", "refused:invalid-payload:info_reliability: int_parsing"),
    ({"handling_code": "H0"}, "H2", "refused:handling-mismatch:H2/H0"),
    ({"recipients": ["NNCC"] * 51}, "H0", "refused:invalid-payload:recipients: too_long"),
]  # fmt: skip


def test_poison_envelopes_are_refused_and_the_link_moves_on(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    sender = oncb.database()
    poisoned = []
    with sender.write() as session:
        for index, (changes, handling, _) in enumerate(POISONS):
            uid = f"00000000-0000-4000-8000-{index:012d}"
            entries = enqueue(
                session, Actor.system("ONCB", "test"), type="information", kind="intel.report",
                payload=_report(uid, **changes), to=["NNCC"], handling=handling, record_uid=uid,
            )  # fmt: skip
            poisoned.append(entries[0].message_id)
        good = intel.create_report(session, oncb.principal(), ReportInput.model_validate(GOOD))
        good_uid = good.uid
    oncb.start()
    nncc.start()
    receiver = nncc.database()

    def copy(uid: str) -> IntelReport | None:
        with receiver.read() as session:
            return session.scalar(select(IntelReport).where(IntelReport.uid == uid))

    waiter(lambda: copy(good_uid) is not None, what="the good report behind the poison")
    waiter(
        lambda: _statuses(sender, poisoned) == ["refused"] * len(POISONS),
        what="the refusals filed at ONCB",
    )
    nncc_key = load_sign_public(NodeKeys.load(nncc.home / "keys").current.sign_public)
    with sender.read() as session:
        entries = {
            e.message_id: e
            for e in session.scalars(
                select(OutboxEntry).where(OutboxEntry.message_id.in_(poisoned))
            )
        }
    for message_id, (_, _, expected) in zip(poisoned, POISONS, strict=True):
        receipt = json.loads(entries[message_id].receipt)
        assert verify_receipt(receipt, nncc_key)
        assert receipt["status"] == expected, receipt["status"]
    with receiver.read() as session:
        stored = session.scalars(select(IntelReport.uid)).all()
        inbox = {e.message_id: e for e in session.scalars(select(InboxEntry))}
    assert stored == [good_uid]  # nothing of the poison was kept, the good report was
    for message_id, (_, _, expected) in zip(poisoned, POISONS, strict=True):
        assert json.loads(inbox[message_id].receipt)["status"] == expected
    sender.dispose()
    receiver.dispose()


def _statuses(db: Any, message_ids: list[str]) -> list[str]:
    with db.read() as session:
        rows = dict(
            session.execute(
                select(OutboxEntry.message_id, OutboxEntry.status).where(
                    OutboxEntry.message_id.in_(message_ids)
                )
            ).all()
        )
    return [rows[m] for m in message_ids]
