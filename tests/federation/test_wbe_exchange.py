"""A wastewater campaign shared by ONCB arrives at NNCC as a read-only copy with its parameter set."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.domains.wbe import exchange as wbe_exchange
from mekongx.domains.wbe.demo import seed_demo_wbe
from mekongx.domains.wbe.models import WbeCampaign


def _campaigns(node: Any) -> list[WbeCampaign]:
    db = node.database()
    with db.read() as session:
        found = list(session.scalars(select(WbeCampaign).order_by(WbeCampaign.id)))
    db.dispose()
    return found


def test_campaigns_travel_with_their_parameter_set(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    for node in (oncb, nncc):  # the group is part of the federation's shared configuration
        group_db = node.database()
        with group_db.write() as session:
            names = {"en": "Safe Mekong", "th": "แม่โขงปลอดภัย", "zh": "湄公河安全"}
            accounts.create_sharing_group(
                session, Actor.system(node.agency), "SAFE-MEKONG", names, ["ONCB", "NNCC"]
            )
        group_db.dispose()
    db = oncb.database()
    with db.write() as session:
        seed_demo_wbe(session, oncb.principal())
        shared = [
            c.uid
            for c in session.scalars(select(WbeCampaign).where(WbeCampaign.distribution == "group"))
        ]
        for uid in shared:
            assert wbe_exchange.share(session, oncb.principal(), uid) == ["NNCC"]
    db.dispose()
    assert shared
    waiter(lambda: len(_campaigns(nncc)) == len(shared), what="the campaigns at NNCC")
    originals = {c.uid: c for c in _campaigns(oncb)}
    for copy in _campaigns(nncc):
        assert copy.received and copy.origin_agency == "ONCB"
        assert copy.parameter_set == originals[copy.uid].parameter_set
