"""Handling codes travel with the record and are enforced in code at every node."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.errors import Forbidden


def _copy(node: Any, uid: str) -> IntelReport | None:
    db = node.database()
    with db.read() as session:
        found = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
    db.dispose()
    return found


def test_h2_is_not_passed_on_without_consent(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc, smcc = make_nodes("ONCB", "NNCC", "SMCC")
    for node in (oncb, nncc, smcc):
        node.start()
    db = oncb.database()
    with db.write() as session:
        data = ReportInput(title="H2 source report", narrative="Only for NNCC", language="en", source_reliability="A",
                           info_reliability=1, handling_code="H2", distribution="peers", recipients=["NNCC"])  # fmt: skip
        report = intel.create_report(session, oncb.principal(), data)
        uid, report_id = report.uid, report.id
    waiter(lambda: _copy(nncc, uid) is not None, what="the H2 report at NNCC")
    copy = _copy(nncc, uid)
    assert copy is not None and copy.handling_code == "H2"
    receiver = nncc.database()
    with pytest.raises(Forbidden, match="H2"), receiver.write() as session:
        intel_exchange.forward(session, nncc.principal(), copy.id, ["SMCC"])
    # The originator grants NNCC permission; the consent travels to NNCC, then NNCC may pass it on.
    with db.write() as session:
        intel_exchange.grant_forwarding(
            session, oncb.principal(), report_id, "NNCC", oncb.keys.current.sign
        )

    def forwarded() -> bool:
        try:
            with receiver.write() as session:
                intel_exchange.forward(session, nncc.principal(), copy.id, ["SMCC"])
            return True
        except Forbidden:
            return False

    waiter(forwarded, what="the consent at NNCC")
    waiter(lambda: _copy(smcc, uid) is not None, what="the forwarded report at SMCC")
    at_smcc = _copy(smcc, uid)
    assert (
        at_smcc is not None and at_smcc.origin_agency == "ONCB" and at_smcc.received_from == "NNCC"
    )
    # A retraction by the originator follows the report to SMCC through NNCC.
    with db.write() as session:
        intel_exchange.retract(session, oncb.principal(), report_id, "withdrawn")
    waiter(
        lambda: (c := _copy(smcc, uid)) is not None and c.status == "retracted",
        what="the retraction at SMCC",
    )
    links = httpx.get(f"{oncb.url}/api/v1/links", headers={"Authorization": "Bearer nope"})
    assert links.status_code == 401
    db.dispose()
    receiver.dispose()
