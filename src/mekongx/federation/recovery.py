"""Links that never stall for good.

A peer's refusal of an envelope is one of four kinds (:func:`classify`):

* ``temporary``: retried with back-off as it is (the peer's clock, a concurrent delivery);
* ``reseal``: the envelope was signed with a key the peer no longer accepts
  (``unknown-signer``), sealed to a key the peer no longer holds (``wrong-key``), or otherwise
  cannot be opened by it: it is signed and sealed again with the current keys, once per reason,
  the old form kept as evidence (:class:`Superseded`);
* ``resync``: the sequence number was used before (``seq-reused``, the sender was restored
  from a backup): the two nodes re-synchronise the link (``federation/sync.py``);
* ``permanent``: anything else; the link waits for an operator (``mekongx links skip`` or
  ``resend``), and the links page and the home page say so.

Envelopes sealed with keys that are no longer current (this node rotated, or the peer's new
keys were taken) are sealed again before they are sent, so a rotation after a long outage
does not strand them. An envelope whose plaintext was already dropped (sent before, then
resent after the peer was restored) cannot be sealed again and goes as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from mekongx.audit import Actor, hold_chain, record
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.federation.models import OutboxEntry, Peer, Superseded
from mekongx.i18n import N_
from mekongx.model.base import utcnow

RESEAL = frozenset(
    {"unknown-signer", "wrong-key", "bad-version", "bad-signature", "undecryptable", "payload-mac"}
)
RESYNC = frozenset({"seq-reused"})
TEMPORARY = frozenset({"from-the-future", "concurrent-delivery"})


def classify(reason: str) -> str:
    """``temporary``, ``reseal``, ``resync`` or ``permanent`` for a peer's rejection reason."""
    if reason in RESEAL:
        return "reseal"
    if reason in RESYNC:
        return "resync"
    if reason in TEMPORARY:
        return "temporary"
    return "permanent"


def rejection_reason(error: str) -> str:
    """The peer's reason code from a link's or an envelope's ``last_error`` ('' if none)."""
    if not error.startswith("rejected: "):
        return ""
    return error.removeprefix("rejected: ").split(" ", 1)[0]


def sealed_with(envelope: str, kid: str, rkid: str) -> bool:
    """Was this stored (canonical) envelope signed with ``kid`` and sealed to ``rkid``?"""
    return f'"kid":"{kid}"' in envelope and f'"rkid":"{rkid}"' in envelope


def supersede(session: Session, entry: OutboxEntry, reason: str, by: str = "") -> None:
    """Keep the entry's sealed form as evidence and clear it, so that it is sealed again."""
    keep_evidence(session, entry, reason, by)
    entry.envelope = ""


def keep_evidence(session: Session, entry: OutboxEntry, reason: str, by: str = "") -> None:
    """Keep the entry's sealed form (as it is now) as evidence."""
    session.add(
        Superseded(
            message_id=entry.message_id,
            to_agency=entry.to_agency,
            seq=entry.seq,
            envelope=entry.envelope,
            reason=reason[:40],
            by=by[:64],
        )
    )


def resealed_for(session: Session, message_id: str, reason: str) -> bool:
    """Was this envelope already sealed again because of ``reason``?"""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(Superseded)
            .where(Superseded.message_id == message_id, Superseded.reason == reason)
        )
    )


def renumber(
    session: Session, entries: Sequence[OutboxEntry], start: int, reason: str, by: str
) -> None:
    """Give ``entries`` (pending, in sequence order) the numbers ``start``, ``start + 1`` …;
    their sealed forms are kept as evidence and cleared (the sequence number is signed).
    Two steps, so that no moment holds two envelopes of a link with one number."""
    if not entries:
        return
    for entry in entries:
        if entry.envelope:
            keep_evidence(session, entry, reason, by)
    session.flush()
    session.execute(update(OutboxEntry), [{"id": e.id, "seq": -e.id} for e in entries])
    session.execute(
        update(OutboxEntry),
        [
            {"id": e.id, "seq": start + i, "envelope": "", "next_attempt_at": utcnow()}
            for i, e in enumerate(entries)
        ],
    )
    session.expire_all()


def _pending(session: Session, peer_code: str, from_seq: int = 0) -> list[OutboxEntry]:
    return list(
        session.scalars(
            select(OutboxEntry)
            .where(
                OutboxEntry.to_agency == peer_code,
                OutboxEntry.status == "pending",
                OutboxEntry.seq >= from_seq,
            )
            .order_by(OutboxEntry.seq)
        )
    )


def _locked_peer(session: Session, peer_code: str) -> Peer:
    hold_chain(session)  # the audit chain before the link, as every local change
    peer = session.get(Peer, peer_code, with_for_update=True)
    if peer is None:
        raise NotFound(N_("No such peer."))
    return peer


def _why(why: str) -> str:
    why = why.strip()
    if not why:
        raise ValidationFailed([FieldProblem("why", N_("Say why (it is kept in the audit log)."))])
    return why[:500]


def skip(session: Session, actor: Actor, peer_code: str, seq: int, why: str) -> OutboxEntry:
    """An operator gives up on one pending envelope: it is marked ``skipped`` (kept, with its
    sealed form as evidence), and the link's later pending envelopes move up one number, so
    the peer, which never took it, receives the next one in its place. Audited."""
    why = _why(why)
    peer = _locked_peer(session, peer_code)
    entry = session.scalar(
        select(OutboxEntry).where(
            OutboxEntry.to_agency == peer_code,
            OutboxEntry.seq == seq,
            OutboxEntry.status == "pending",
        )
    )
    if entry is None:
        raise ValidationFailed(
            [
                FieldProblem(
                    "seq",
                    N_("No envelope waiting on this link has this sequence number."),
                )
            ]
        )
    later = _pending(session, peer_code, seq + 1)
    supersede(session, entry, "skipped", actor.username)
    entry.status, entry.seq, entry.payload = "skipped", -entry.id, ""
    entry.last_error = f"skipped by {actor.username}: {why}"[:2000]
    session.flush()
    renumber(session, later, seq, "renumbered-after-skip", actor.username)
    peer.next_out_seq -= 1
    record(
        session,
        actor,
        "exchange.skip",
        entry.kind,
        entry.record_uid or entry.message_id,
        why=why,
        details={"to": peer_code, "seq": seq, "message": entry.message_id, "moved": len(later)},
    )
    return entry


def resend(
    session: Session, actor: Actor, peer_code: str, why: str, from_seq: int = 0
) -> list[OutboxEntry]:
    """An operator asks for the link's pending envelopes (from ``from_seq``) to be signed and
    sealed again with the current keys and sent now, whatever the back-off. Audited."""
    why = _why(why)
    peer = _locked_peer(session, peer_code)
    entries = _pending(session, peer_code, from_seq)
    if not entries:
        raise ValidationFailed(
            [FieldProblem("seq", N_("Nothing is waiting on this link from this sequence number."))]
        )
    for entry in entries:
        if entry.envelope and entry.payload:
            supersede(session, entry, "resend", actor.username)
        entry.next_attempt_at = utcnow()
    peer.consecutive_failures = 0
    record(
        session,
        actor,
        "exchange.resend",
        "link",
        peer_code,
        why=why,
        details={"from_seq": entries[0].seq, "count": len(entries)},
    )
    return entries


def stalled_since(
    last_delivery_at: datetime | None,
    oldest_pending_at: datetime | None,
    now: datetime,
    after: timedelta,
) -> datetime | None:
    """When a link with envelopes waiting last moved (its last delivery, or the first envelope
    waiting if it came later), if that is more than ``after`` ago; otherwise None."""
    if oldest_pending_at is None:
        return None
    moments = [m for m in (last_delivery_at, oldest_pending_at) if m is not None]
    since = max(m if m.tzinfo else m.replace(tzinfo=now.tzinfo) for m in moments)
    return since if now - since > after else None
