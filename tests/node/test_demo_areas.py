"""A fresh demo has something to try in every area on both nodes (ONCB and NNCC, peered, seeded
as ``mekongx demo`` seeds them): financial cases at both with freezing orders in force on the
day of the demo, asset-sharing and RFI answer-time agreements, pre-export notifications sent,
received and answered across the exchange, each country's progress on the plan's actions, a
laboratory's marker calibration and the actions of the 20th meeting's draft. The exchange may
deliver what the demo applied again: nothing moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx.db import Database
from mekongx.demo import seed_content, seed_identity
from mekongx.demo_network import (
    deliver,
    principals,
    seed_asset_request,
    seed_meetings,
    seed_notifications,
    seed_plan,
)
from mekongx.domains.finance import assets
from mekongx.domains.finance import providers as finance_tasks
from mekongx.domains.finance.models import FinAsset, FinCase, FinSharingAgreement, FinTransaction
from mekongx.domains.meetings.models import Meeting, MeetingAction
from mekongx.domains.mekong.models import PlanAction, PlanProgress
from mekongx.domains.precursors.models import Notification
from mekongx.domains.rfi.models import Rfi, RfiAgreement, RfiParty
from mekongx.domains.wbe.models import WbeCalibration, WbeSite
from mekongx.settings import Settings


def _states(db: Database) -> dict[tuple[str, bool], str]:
    with db.read() as session:
        return {(n.reference, n.received): n.state for n in session.scalars(select(Notification))}


def test_every_area_has_demo_data_on_both_nodes(demo_pair: dict[str, Any]) -> None:
    nodes = demo_pair
    for agency, (db, _keys, _url) in nodes.items():
        seed_content(db, agency, reports=3)
    seed_meetings(nodes)
    seed_plan(nodes)
    seed_asset_request(nodes)
    seed_notifications(nodes)
    oncb, nncc = nodes["ONCB"][0], nodes["NNCC"][0]

    with nncc.read() as session:  # NNCC's own financial case: the Yunnan end of the money
        case = session.scalars(select(FinCase)).one()
        assert (case.base_currency, case.origin_agency) == ("CNY", "NNCC")
        count = select(func.count()).select_from(FinTransaction)
        assert session.scalar(count.where(FinTransaction.case_id == case.id)) == 6
    for db in (oncb, nncc):  # each node's freezing order is in force on the day of the demo
        with db.read() as session:
            asset = session.scalars(select(FinAsset)).one()
            (order,) = assets.history(session, asset)
            assert asset.state == "frozen" and asset.order_expires == order.expires_on
            assert order.order_date is not None and asset.order_expires is not None
            assert order.order_date < dt.date.today() < asset.order_expires
    with oncb.read() as session:  # ONCB's expires within the month: on its officers' task list
        now = dt.datetime.now(dt.UTC)
        (task,) = finance_tasks.orders_expiring(session, principals(oncb, "ONCB")["analyst"], now)
        assert task.note == "" and task.due is not None and task.due > now  # not expired
    for db, countries, partner in ((oncb, ["CN", "LA", "LA"], "NNCC"), (nncc, ["TH"], "ONCB")):
        with db.read() as session:
            agreed = session.scalars(select(FinSharingAgreement).order_by(FinSharingAgreement.id))
            assert [a.country for a in agreed] == countries
            terms = {
                (a.agency_code, a.urgency): a.hours for a in session.scalars(select(RfiAgreement))
            }
            assert terms == {(partner, "urgent"): 24, (partner, "priority"): 72,
                             (partner, "routine"): 240}  # fmt: skip

    # notifications: NNCC's two reached ONCB (one confirmed, one acknowledged and waiting for
    # the answer); ONCB's reached NNCC, which asked for more information; both sides agree
    expected = {
        ("CN-PEN-2026-0187", "NNCC"): "confirmed",
        ("CN-PEN-2026-0203", "NNCC"): "acknowledged",
        ("TH-PEN-2026-0031", "ONCB"): "information_requested",
    }
    for agency, db in (("ONCB", oncb), ("NNCC", nncc)):
        assert _states(db) == {
            (ref, exporter != agency): state for (ref, exporter), state in expected.items()
        }
    # the exchange delivers the same envelopes again once the nodes run: recognised as repeats
    deliver(nncc, oncb, "NNCC", "ONCB", set(), prefix="precursors.")
    deliver(oncb, nncc, "ONCB", "NNCC", set(), prefix="precursors.")
    assert _states(oncb)[("CN-PEN-2026-0187", True)] == "confirmed"
    assert _states(nncc)[("CN-PEN-2026-0187", False)] == "confirmed"
    assert _states(nncc)[("TH-PEN-2026-0031", True)] == "information_requested"

    for db in (oncb, nncc):
        with db.read() as session:  # both countries report on the plan's action 1.2
            action = session.scalars(select(PlanAction).where(PlanAction.number == "1.2")).one()
            reported = select(PlanProgress.country).where(PlanProgress.action_uid == action.uid)
            assert sorted(session.scalars(reported)) == ["CN", "TH"]
    with oncb.read() as session:
        calibrated = session.scalars(
            select(WbeSite.code).join(WbeCalibration, WbeCalibration.site_id == WbeSite.id)
        ).all()
        assert calibrated == ["CNX-01"]
        per_capita = session.scalars(select(WbeCalibration.per_capita_g_d)).one()
        assert 25 < per_capita < 50  # g BOD5 per person and day, below Europe's 60
        twentieth = session.scalars(select(Meeting).where(Meeting.number == 20)).one()
        owners = session.scalars(
            select(MeetingAction.owner_agency).where(MeetingAction.meeting_id == twentieth.id)
        ).all()
        assert sorted(owners) == ["NNCC", "NNCC", "ONCB", "ONCB", "ONCB", "ONCB"]


# whom each asks: every one of the four is asked by another
ASKED = {
    "LCDC": {"ONCB", "CCDAC"},
    "CCDAC": {"ONCB"},
    "NACD": {"ONCB", "C04"},
    "C04": {"LCDC", "NACD"},
}


@pytest.mark.parametrize("agency", sorted(ASKED))
def test_the_further_mekong_nodes_ask_for_information(
    agency: str, database: Database, db_url: str, tmp_path: Path
) -> None:
    """`mekongx demo --nodes 7`: Laos, Myanmar, Cambodia and Viet Nam each have a request of
    their own under way and one from another of them (their RFI pages were empty)."""
    settings = Settings(env="demo", database_url=db_url, data_dir=tmp_path, node_agency=agency)
    seed_identity(database, settings, agency)
    seed_content(database, agency, reports=1)
    with database.read() as session:
        (request,) = session.scalars(select(Rfi).where(Rfi.origin_agency == agency))
        asked = select(RfiParty.agency_code).where(RfiParty.rfi_id == request.id)
        assert request.language == "en"
        assert set(session.scalars(asked)) == ASKED[agency]
