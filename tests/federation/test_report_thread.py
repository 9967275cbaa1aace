"""After a report arrives (real node processes): the receiver acknowledges it and the sender's
exchange table shows it; both write in the report's thread; the receiver asks permission to
pass an H2 report on, and the originator sees to whom it was passed, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import service as intel
from mekongx.domains.intel import thread
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput


def _report(node: Any, uid: str) -> IntelReport | None:
    db = node.database()
    with db.read() as session:
        found = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
    db.dispose()
    return found


def _thread(node: Any, uid: str) -> list[tuple[str, str, str, str]]:
    db = node.database()
    with db.read() as session:
        report = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
        assert report is not None
        found = [
            (m.kind, m.from_agency, m.body, m.onward) for m in thread.messages(session, report)
        ]
    db.dispose()
    return found


def _acknowledged(node: Any, uid: str) -> list[str]:
    db = node.database()
    with db.read() as session:
        report = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
        assert report is not None
        found = [d["agency"] for d in intel_exchange.deliveries(session, report) if d["acknowledged"]]  # fmt: skip
    db.dispose()
    return found


def test_acknowledge_reply_ask_and_onward_passing(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc, smcc = make_nodes("ONCB", "NNCC", "SMCC")
    for node in (oncb, nncc, smcc):
        node.start()
    origin = oncb.database()
    with origin.write() as session:
        data = ReportInput(title="H2 boat report", narrative="Seen at Chiang Saen", language="en",
                           source_reliability="B", info_reliability=2, handling_code="H2",
                           distribution="peers", recipients=["NNCC"])  # fmt: skip
        report = intel.create_report(session, oncb.principal(), data)
        uid, report_id = report.uid, report.id
    waiter(lambda: _report(nncc, uid) is not None, what="the report at NNCC")
    copy = _report(nncc, uid)
    assert copy is not None
    receiver = nncc.database()
    with receiver.write() as session:
        thread.acknowledge(session, nncc.principal(), copy.id)
        thread.reply(session, nncc.principal(), copy.id, "Which pier? 哪个码头？")
        thread.ask_permission(session, nncc.principal(), copy.id, "To SMCC for the joint patrol")
    waiter(lambda: _acknowledged(oncb, uid) == ["NNCC"], what="NNCC's acknowledgement at ONCB")
    waiter(lambda: len(_thread(oncb, uid)) == 2, what="NNCC's reply and request at ONCB")
    assert [(k, a, b) for k, a, b, _ in _thread(oncb, uid)] == [
        ("reply", "NNCC", "Which pier? 哪个码头？"),
        ("ask_forward", "NNCC", "To SMCC for the joint patrol"),
    ]
    with origin.write() as session:
        thread.reply(session, oncb.principal(), report_id, "Pier 3", to="NNCC")
        intel_exchange.grant_forwarding(session, oncb.principal(), report_id, "NNCC", oncb.keys.current.sign)  # fmt: skip
    waiter(lambda: ("reply", "ONCB", "Pier 3", "") in _thread(nncc, uid), what="the answer at NNCC")

    def passed_on() -> bool:
        try:
            with receiver.write() as session:
                intel_exchange.forward(session, nncc.principal(), copy.id, ["SMCC"])
            return True
        except Exception:  # the permission has not arrived yet
            return False

    waiter(passed_on, what="the permission at NNCC")
    waiter(lambda: ("passed_on", "NNCC", "", "SMCC") in _thread(oncb, uid), what="onward passing")
    with origin.read() as session:
        held = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
        assert held is not None and thread.holders(session, held) == ["NNCC", "SMCC"]
    origin.dispose()
    receiver.dispose()
