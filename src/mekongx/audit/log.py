"""Append-only, hash-chained audit log.

Each row's hash covers its own fields and the previous row's hash, so editing, deleting or
reordering a row breaks the chain. ``audit_head`` keeps the newest sequence number and hash,
updated in the same transaction, so deleting rows from the end is caught too. Rows are written
in the caller's transaction: the audit row and the change it describes commit or fail together.
Database triggers (see the first migration) refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text, inspect, select, text
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column

from mekongx.model.base import Base, utcnow

GENESIS = "0" * 64
_HEAD = "mekongx.audit.head"  # session.info key: the chain head this transaction holds


class AuditEvent(Base):
    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column()
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor: Mapped[str] = mapped_column(String(64))
    agency: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target_type: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[str] = mapped_column(String(64))
    why: Mapped[str] = mapped_column(Text)
    request_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


@dataclass(frozen=True)
class Actor:
    """Who does something: a user, or the node itself (``user_id`` None) for system work."""

    user_id: int | None
    username: str
    agency: str
    request_id: str = ""

    @classmethod
    def system(cls, agency: str, request_id: str = "") -> Actor:
        return cls(None, "system", agency, request_id)


def _digest(event: AuditEvent) -> str:
    fields = [
        event.seq,
        event.at.isoformat(),
        event.actor_id,
        event.actor,
        event.agency,
        event.action,
        event.target_type,
        event.target_id,
        event.why,
        event.request_id,
        event.details,
        event.prev_hash,
    ]
    blob = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


@sa_event.listens_for(Session, "after_transaction_end")
def _forget_head(session: Session, transaction: SessionTransaction) -> None:
    """The chain lock ends with the transaction, and so does the head it guarded."""
    # Also after a savepoint: rolling back to one releases the locks taken inside it.
    session.info.pop(_HEAD, None)


def _lock_chain(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7151013)"))
    # SQLite: writers already hold the database lock (BEGIN IMMEDIATE).


def hold_chain(session: Session) -> None:
    """Lock the chain's head for this transaction now, as its first audit row would. A
    transaction that then locks a row every writer locks after auditing (a link's sequence:
    changes audit first, then number their envelopes) takes the two in the same order, chain
    then link, and cannot deadlock with them."""
    head: AuditHead | None = session.info.get(_HEAD)
    if head is None or not inspect(head).persistent:
        head = session.get(AuditHead, 1, with_for_update=True, populate_existing=True)
        if head is not None:
            session.info[_HEAD] = head


def record(
    session: Session,
    actor: Actor,
    action: str,
    target_type: str = "",
    target_id: object = "",
    *,
    why: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row in the caller's transaction.

    The first row of a transaction locks the chain and reads its head; later rows of the same
    transaction continue from the head already held (still locked: the lock lasts as long as
    the transaction). A head lost to a rolled-back savepoint is read again."""
    head: AuditHead | None = session.info.get(_HEAD)
    if head is None or not inspect(head).persistent:
        # The head row's lock guards the chain (one round trip, and it reads the newest head
        # even on PostgreSQL's READ COMMITTED); only the very first row, with no head yet to
        # lock, takes the advisory lock and reads again.
        head = session.get(AuditHead, 1, with_for_update=True, populate_existing=True)
        if head is None:
            _lock_chain(session)
            head = session.get(AuditHead, 1, with_for_update=True, populate_existing=True)
    seq = head.seq + 1 if head else 1
    prev = head.hash if head else GENESIS
    event = AuditEvent(
        seq=seq,
        at=utcnow(),
        actor_id=actor.user_id,
        actor=actor.username,
        agency=actor.agency,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        why=why,
        request_id=actor.request_id,
        details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        prev_hash=prev,
    )
    event.hash = _digest(event)
    session.add(event)
    if head is None:
        head = AuditHead(id=1, seq=seq, hash=event.hash)
        session.add(head)
    else:
        head.seq, head.hash = seq, event.hash
    session.flush()
    session.info[_HEAD] = head
    return event


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    problem: str  # "edited", "broken-link", "gap", "head-mismatch"


def _walk(session: Session) -> Iterator[AuditEvent]:
    stmt = select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000)
    yield from session.scalars(stmt)


def verify_chain(session: Session) -> tuple[int, list[ChainProblem]]:
    """Check every row; return how many were checked and every problem found."""
    problems: list[ChainProblem] = []
    prev_hash, expected_seq, count = GENESIS, 1, 0
    last: AuditEvent | None = None
    for event in _walk(session):
        count += 1
        if event.seq != expected_seq:
            problems.append(ChainProblem(event.seq, "gap"))
        if event.prev_hash != prev_hash:
            problems.append(ChainProblem(event.seq, "broken-link"))
        if _digest(event) != event.hash:
            problems.append(ChainProblem(event.seq, "edited"))
        prev_hash, expected_seq, last = event.hash, event.seq + 1, event
    head = session.get(AuditHead, 1)
    if head is not None and (last is None or head.seq != last.seq or head.hash != last.hash):
        problems.append(ChainProblem(head.seq, "head-mismatch"))
    if head is None and last is not None:
        problems.append(ChainProblem(last.seq, "head-mismatch"))
    return count, problems
