"""Handling codes travel with the record and are enforced in code at every node."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from mekongx.audit import Actor
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport, OnwardCopy
from mekongx.domains.intel.schemas import ReportInput
from mekongx.errors import Forbidden
from mekongx.federation.models import OutboxEntry
from mekongx.federation.outbox import enqueue


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


def _enqueue(node: Any, data: dict[str, Any], to: str, handling: str) -> str:
    """What a dishonest forwarder could send: an authentic envelope with a payload of its making."""
    db = node.database()
    with db.write() as session:
        entries = enqueue(
            session, Actor.system(node.agency, "test"), type="information", kind="intel.report",
            payload=data, to=[to], handling=handling, record_uid=data["uid"],
        )  # fmt: skip
        message_id = entries[0].message_id
    db.dispose()
    return message_id


def _receipt_status(node: Any, message_id: str) -> str | None:
    db = node.database()
    with db.read() as session:
        entry = session.scalar(select(OutboxEntry).where(OutboxEntry.message_id == message_id))
    db.dispose()
    return json.loads(entry.receipt)["status"] if entry is not None and entry.receipt else None


def test_origin_signature_consent_version_h3_and_retraction_past_an_offline_forwarder(
    make_nodes: Any, waiter: Any
) -> None:
    oncb, nncc, smcc = make_nodes("ONCB", "NNCC", "SMCC")
    for node in (oncb, nncc, smcc):
        node.start()
    db = oncb.database()
    with db.write() as session:
        h2 = intel.create_report(session, oncb.principal(), ReportInput(title="H2 for NNCC", narrative="n", language="en",
                                 source_reliability="A", info_reliability=1, handling_code="H2", distribution="peers",
                                 recipients=["NNCC"]))  # fmt: skip
        h3 = intel.create_report(session, oncb.principal(), ReportInput(title="H3 for NNCC", narrative="n", language="en",
                                 source_reliability="A", info_reliability=1, handling_code="H3",
                                 handling_note="NNCC counter-narcotics only", distribution="peers",
                                 recipients=["NNCC"]))  # fmt: skip
        uid, report_id, h3_uid = h2.uid, h2.id, h3.uid
        intel_exchange.grant_forwarding(
            session, oncb.principal(), report_id, "NNCC", oncb.keys.current.sign
        )
    waiter(lambda: _copy(nncc, h3_uid) is not None, what="the reports at NNCC")
    copy, h3_copy = _copy(nncc, uid), _copy(nncc, h3_uid)
    assert copy is not None and h3_copy is not None and copy.origin_signature
    receiver = nncc.database()
    # H3 is never passed on: the forwarding node refuses in code ...
    with pytest.raises(Forbidden, match="H3"), receiver.write() as session:
        intel_exchange.forward(session, nncc.principal(), h3_copy.id, ["SMCC"])
    # ... and a node that receives a forwarded H3 copy refuses it.
    base = {name: getattr(h3_copy, name) for name in intel_exchange._FIELDS}
    base.update(recipients=["NNCC"], created_at=h3_copy.created_at.isoformat(),
                updated_at=h3_copy.updated_at.isoformat(), status="active", status_note="",
                forwarded_by="NNCC", origin_signature=json.loads(h3_copy.origin_signature))  # fmt: skip
    h3_forwarded = _enqueue(nncc, base, "SMCC", "H3")
    # A forwarder that relabels an H2 report as H0, edits it, or invents one in ONCB's name.
    h2_base = {name: getattr(copy, name) for name in intel_exchange._FIELDS}
    h2_base.update(recipients=["NNCC"], created_at=copy.created_at.isoformat(),
                   updated_at=copy.updated_at.isoformat(), status="active", status_note="",
                   forwarded_by="NNCC", origin_signature=json.loads(copy.origin_signature))  # fmt: skip
    relabelled = _enqueue(nncc, {**h2_base, "handling_code": "H0"}, "SMCC", "H0")
    edited = _enqueue(nncc, {**h2_base, "handling_code": "H0", "title": "Not what ONCB wrote",
                             "uid": "11111111-1111-4111-8111-111111111111"}, "SMCC", "H0")  # fmt: skip
    invented = _enqueue(nncc, {**{k: v for k, v in h2_base.items() if k != "origin_signature"},
                               "handling_code": "H0", "uid": "22222222-2222-4222-8222-222222222222"},
                        "SMCC", "H0")  # fmt: skip
    for message_id in (h3_forwarded, relabelled, edited, invented):
        waiter(lambda m=message_id: _receipt_status(nncc, m) is not None, what="SMCC's answer")
        assert str(_receipt_status(nncc, message_id)).startswith("refused:forbidden:")
    assert _copy(smcc, h3_uid) is None and _copy(smcc, uid) is None
    # The genuine H2 copy, passed on with ONCB's consent and signature, is taken; ONCB learns of it.
    with receiver.write() as session:
        intel_exchange.forward(session, nncc.principal(), copy.id, ["SMCC"])
    waiter(lambda: _copy(smcc, uid) is not None, what="the forwarded report at SMCC")
    waiter(lambda: _onward(oncb, uid) == ["SMCC"], what="ONCB told that SMCC holds a copy")
    # The consent covered version 1 only: after a correction NNCC may not pass version 2 on.
    with db.write() as session:
        intel.update_report(session, oncb.principal(), report_id, ReportInput(title="H2 for NNCC, corrected",
                            narrative="n", language="en", source_reliability="A", info_reliability=1,
                            handling_code="H2", distribution="peers", recipients=["NNCC"], expected_version=1))  # fmt: skip
    waiter(lambda: (c := _copy(nncc, uid)) is not None and c.version == 2, what="the correction")
    with pytest.raises(Forbidden, match="H2"), receiver.write() as session:
        intel_exchange.forward(session, nncc.principal(), copy.id, ["SMCC"])
    # With the forwarder offline, the originator's retraction still reaches SMCC directly.
    nncc.stop()
    with db.write() as session:
        intel_exchange.retract(session, oncb.principal(), report_id, "withdrawn")
    waiter(
        lambda: (c := _copy(smcc, uid)) is not None and c.status == "retracted",
        what="the retraction at SMCC while NNCC is down",
    )
    db.dispose()
    receiver.dispose()


def _onward(node: Any, uid: str) -> list[str]:
    db = node.database()
    with db.read() as session:
        agencies = sorted(
            session.scalars(select(OnwardCopy.agency).where(OnwardCopy.record_uid == uid))
        )
    db.dispose()
    return agencies
