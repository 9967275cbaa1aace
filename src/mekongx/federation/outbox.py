"""The transactional outbox: envelopes are written in the same transaction as the change they
carry, one per recipient peer, each with the next sequence number of its link."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, SessionTransaction

from mekongx.audit import Actor, record
from mekongx.federation.envelope import Header, canonical, iso
from mekongx.federation.models import OutboxEntry, Peer
from mekongx.model.base import utcnow

_LOCKED = "mekongx.outbox.peers"  # session.info key: peer rows this transaction has locked


def _locked_peers(session: Session, codes: list[str]) -> dict[str, Peer]:
    """The confirmed peers among ``codes``, locked for this transaction (their next sequence
    numbers are handed out here). Rows already locked by this transaction are not read again."""
    locked: dict[str, Peer] = session.info.setdefault(_LOCKED, {})
    missing = [code for code in codes if code not in locked or not inspect(locked[code]).persistent]
    if missing:
        locked.update(
            (p.agency_code, p)
            for p in session.scalars(
                select(Peer)
                .where(Peer.agency_code.in_(missing), Peer.confirmed)
                .with_for_update()
                # A row read earlier in this transaction (unlocked) is read again under the lock.
                .execution_options(populate_existing=True)
            )
        )
    return {code: locked[code] for code in codes if code in locked}


_QUEUED = "mekongx.outbox.queued"  # session.info key: this transaction queued envelopes
_queued = threading.Event()


@sa_event.listens_for(Session, "after_commit")
def _wake_worker(session: Session) -> None:
    """Envelopes committed by this process wake its delivery worker at once."""
    if session.info.pop(_QUEUED, False):
        _queued.set()


def wait_for_queued(timeout: float) -> bool:
    """Wait until this process commits new envelopes, or ``timeout`` seconds pass (envelopes
    queued by another process are found by the worker's next poll)."""
    woken = _queued.wait(timeout)
    _queued.clear()
    return woken


@sa_event.listens_for(Session, "after_transaction_end")
def _unlock(session: Session, transaction: SessionTransaction) -> None:
    # Also after a savepoint: rolling back to one releases the locks taken inside it.
    session.info.pop(_LOCKED, None)


def enqueue(
    session: Session,
    actor: Actor,
    *,
    type: str,
    kind: str,
    payload: Mapping[str, Any],
    to: Iterable[str],
    handling: str = "H0",
    record_uid: str = "",
    thread: str | None = None,
    in_reply_to: str | None = None,
    priority: str = "routine",
    deadline: str | None = None,
    evaluation: str | None = None,
    languages: list[str] | None = None,
    endorse: Sequence[str] = (),
) -> list[OutboxEntry]:
    """Queue one envelope per recipient that is a confirmed peer; return what was queued.

    Recipients that are not confirmed peers (the node's own agency, agencies with no node yet)
    get nothing: the node's own users read the record here, and nobody else has an account. ``endorse`` names the payload fields this node
    signs as the record's originator when the envelope is sealed (federation/origin.py).
    """
    recipients = sorted({code for code in to if code != actor.agency})
    if not recipients:
        return []
    peers = _locked_peers(session, recipients)
    entries = []
    created = iso(utcnow())
    body = {"kind": kind, **payload}
    for code in recipients:
        peer = peers.get(code)
        if peer is None:
            continue
        header = Header(
            type=type,
            sender=actor.agency,
            to=code,
            recipients=recipients,
            seq=peer.next_out_seq,
            thread=thread,
            in_reply_to=in_reply_to,
            priority=priority,
            deadline=deadline,
            handling=handling,
            evaluation=evaluation,
            languages=languages or [],
            created=created,
            endorse=list(endorse),
        )
        peer.next_out_seq += 1
        entry = OutboxEntry(
            message_id=header.id,
            to_agency=code,
            seq=header.seq,
            type=type,
            kind=kind,
            record_uid=record_uid,
            thread=thread or "",
            header=json.dumps(asdict(header), ensure_ascii=False),
            payload=canonical(body).decode(),
        )
        session.add(entry)
        entries.append(entry)
    if entries:
        session.info[_QUEUED] = True
        record(
            session,
            actor,
            f"exchange.{type}",
            kind,
            record_uid,
            details={
                "to": [e.to_agency for e in entries],
                "messages": [e.message_id for e in entries],
            },
        )
    return entries
