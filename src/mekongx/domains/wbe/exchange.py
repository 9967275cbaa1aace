"""Wastewater campaigns on the exchange: the originator shares a campaign (normalised loads
with metadata; consumption only with its parameter set) with the peers its distribution names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.authz.sharing import holders
from mekongx.domains.wbe import service
from mekongx.domains.wbe.models import WbeCampaign
from mekongx.federation.handlers import Received
from mekongx.federation.outbox import enqueue

KIND = "wbe.campaign"


def share(session: Session, principal: Principal, campaign_uid: str) -> list[str]:
    """Queue the campaign to every peer its distribution names; returns those agencies."""
    payload = service.export_payload(session, principal, campaign_uid)  # checks release rights
    campaign = session.scalar(select(WbeCampaign).where(WbeCampaign.uid == campaign_uid))
    assert campaign is not None
    targets = sorted(holders(session, campaign))
    entries = enqueue(
        session, principal.actor, type="information", kind=KIND, payload=payload, to=targets,
        handling=campaign.handling_code, record_uid=campaign.uid, thread=campaign.uid,
    )  # fmt: skip
    return [e.to_agency for e in entries]


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    body = {k: v for k, v in data.items() if k != "kind"}
    campaign = service.apply_received(
        session, received.sender, body, node_agency=received.own_agency
    )
    return campaign.uid
