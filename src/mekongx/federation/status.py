"""The state of each link, for the links page and the API."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.federation.keys import fingerprint
from mekongx.federation.models import InboxEntry, OutboxEntry, Peer, Rejection
from mekongx.federation.peers import accepted_earlier
from mekongx.federation.recovery import classify, rejection_reason, stalled_since
from mekongx.i18n import N_
from mekongx.model.base import utcnow

STALL_AFTER = timedelta(minutes=30)  # MEKONGX_LINK_STALL_MINUTES
ADVICE = {
    "reseal": N_(
        "The peer could not verify or open envelope %(seq)s (%(reason)s). It was signed and "
        "sealed again with the current keys; if this stays, compare key fingerprints with the "
        "peer's officer (mekongx keys show, mekongx peers rotate)."
    ),
    "resync": N_(
        "The peer has already used sequence number %(seq)s (was this node restored from a "
        "backup?). The link re-synchronises itself; to do it now: mekongx links resync "
        "%(agency)s."
    ),
    "permanent": N_(
        "The peer refuses envelope %(seq)s (%(reason)s) and the link waits for you: send it "
        "again, signed and sealed afresh, with mekongx links resend %(agency)s --why “…”, or "
        "give it up with mekongx links skip %(agency)s --seq %(seq)s --why “…” (both audited)."
    ),
    "temporary": N_(
        "The peer asks us to try envelope %(seq)s later (%(reason)s): it is retried with "
        "back-off. Check that both clocks are right."
    ),
    "down": N_(
        "The peer does not answer or refuses our requests: deliveries are retried with "
        "back-off. Check the network, the peer's federation listener and our keys with its "
        "officer."
    ),
}


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
    earlier_keys: tuple[tuple[str, datetime], ...] = ()  # every earlier pair still accepted
    keys_revoked_at: datetime | None = None  # the current keys were revoked
    stalled_since: datetime | None = None  # envelopes waiting and no delivery since then
    first_pending_seq: int | None = None
    first_pending_error: str = ""  # why the first waiting envelope was not taken

    @property
    def state(self) -> str:
        if not self.confirmed:
            return "unconfirmed"
        if self.keys_revoked_at is not None:
            return "revoked"
        if self.stalled_since is not None:
            return "stalled"
        if self.consecutive_failures:
            return "down"
        return "backlog" if self.backlog else "ok"

    @property
    def refusal(self) -> str:
        """The peer's reason code for refusing the first waiting envelope ('' if none)."""
        return rejection_reason(self.first_pending_error)

    def advice(self) -> tuple[str, dict[str, str]] | None:
        """What to do about a link that is stalled or failing: a msgid and its parameters."""
        if self.state not in ("stalled", "down"):
            return None
        params = {
            "agency": self.agency,
            "seq": str(self.first_pending_seq or ""),
            "reason": self.refusal,
        }
        return ADVICE[classify(self.refusal) if self.refusal else "down"], params


def links(session: Session, stall_after: timedelta = STALL_AFTER) -> list[LinkStatus]:
    now = utcnow()
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
        first = session.execute(
            select(OutboxEntry.seq, OutboxEntry.last_error)
            .where(OutboxEntry.to_agency == peer.agency_code, OutboxEntry.status == "pending")
            .order_by(OutboxEntry.seq)
            .limit(1)
        ).first()
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
                stalled_since=stalled_since(peer.last_delivery_at, oldest, now, stall_after)
                if peer.confirmed
                else None,
                first_pending_seq=first.seq if first else None,
                first_pending_error=first.last_error if first else "",
                **_overlap(peer),
            )
        )
    return out


def _overlap(peer: Peer) -> dict[str, Any]:
    """The newest earlier keys still accepted, and every earlier pair still accepted."""
    accepted = accepted_earlier(peer)
    if not accepted:
        return {"keys_revoked_at": peer.keys_revoked_at}
    return {
        "previous_fingerprint": fingerprint(accepted[0].sign_public, accepted[0].enc_public),
        "previous_until": accepted[0].valid_until,
        "earlier_keys": tuple(
            (fingerprint(k.sign_public, k.enc_public), k.valid_until) for k in accepted
        ),
        "keys_revoked_at": peer.keys_revoked_at,
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
