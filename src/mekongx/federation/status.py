"""The state of each link, for the links page and the API."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.federation.keys import fingerprint
from mekongx.federation.models import InboxEntry, OutboxEntry, Peer, Rejection
from mekongx.model.base import utcnow


@dataclass(frozen=True)
class LinkStatus:
    agency: str
    endpoint: str
    confirmed: bool
    fingerprint: str
    backlog: int
    sent: int
    refused: int
    received: int
    last_delivery_at: datetime | None
    consecutive_failures: int
    last_error: str
    oldest_pending_at: datetime | None
    previous_fingerprint: str = ""  # during a key rotation's overlap: the old keys, still accepted
    previous_until: datetime | None = None

    @property
    def state(self) -> str:
        if not self.confirmed:
            return "unconfirmed"
        if self.consecutive_failures:
            return "down"
        return "backlog" if self.backlog else "ok"


def links(session: Session) -> list[LinkStatus]:
    out = []
    for peer in session.scalars(select(Peer).order_by(Peer.agency_code)):
        counts = dict(
            session.execute(
                select(OutboxEntry.status, func.count())
                .where(OutboxEntry.to_agency == peer.agency_code)
                .group_by(OutboxEntry.status)
            ).all()
        )
        oldest = session.scalar(
            select(func.min(OutboxEntry.created_at)).where(
                OutboxEntry.to_agency == peer.agency_code, OutboxEntry.status == "pending"
            )
        )
        received = session.scalar(
            select(func.count())
            .select_from(InboxEntry)
            .where(InboxEntry.from_agency == peer.agency_code)
        )
        out.append(
            LinkStatus(
                agency=peer.agency_code,
                endpoint=peer.endpoint,
                confirmed=peer.confirmed,
                fingerprint=peer.fingerprint,
                backlog=int(counts.get("pending", 0)),
                sent=int(counts.get("sent", 0)),
                refused=int(counts.get("refused", 0)),
                received=int(received or 0),
                last_delivery_at=peer.last_delivery_at,
                consecutive_failures=peer.consecutive_failures,
                last_error=peer.last_error,
                oldest_pending_at=oldest,
                **_overlap(peer),
            )
        )
    return out


def _overlap(peer: Peer) -> dict[str, Any]:
    if not (peer.prev_sign_public and peer.prev_enc_public and peer.prev_valid_until):
        return {}
    if peer.prev_valid_until <= utcnow():
        return {}
    return {
        "previous_fingerprint": fingerprint(peer.prev_sign_public, peer.prev_enc_public),
        "previous_until": peer.prev_valid_until,
    }


def recent_rejections(session: Session, limit: int = 20) -> list[Rejection]:
    return list(session.scalars(select(Rejection).order_by(Rejection.id.desc()).limit(limit)))


@dataclass(frozen=True)
class PeerRefusal:
    """An envelope of ours that a peer received, authenticated and refused (a signed receipt
    says why); the link went on without it."""

    at: datetime | None
    agency: str
    kind: str
    record_uid: str
    message_id: str
    reason: str


def refused_by_peers(session: Session, limit: int = 20) -> list[PeerRefusal]:
    rows = session.scalars(
        select(OutboxEntry)
        .where(OutboxEntry.status == "refused")
        .order_by(OutboxEntry.id.desc())
        .limit(limit)
    )
    out = []
    for entry in rows:
        try:
            reason = str(json.loads(entry.receipt).get("status", ""))
        except (ValueError, AttributeError):
            reason = ""
        out.append(
            PeerRefusal(
                entry.sent_at,
                entry.to_agency,
                entry.kind,
                entry.record_uid,
                entry.message_id,
                reason.removeprefix("refused:"),
            )
        )
    return out
