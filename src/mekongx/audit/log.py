"""Append-only, hash-chained audit log.

Each row's hash covers its own fields and the previous row's hash, so editing, deleting or
reordering a row breaks the chain. ``audit_head`` keeps the newest sequence number and hash,
updated in the same transaction, so deleting rows from the end is caught too. Rows belong to the
caller's transaction: the audit row and the change it describes commit or fail together.
Database triggers (see the first migration) refuse UPDATE and DELETE on the table.

A row is numbered and written when its transaction commits, not when it is recorded
(``audit/chain.py``). The chain has one head, and whoever moves it holds it until they commit.
A change locks it at its first row (``hold_chain``: changes take their locks in one order); a
read (a detail through ``read_recorded``; a list page, a search or an export through
``record_read``) takes it only at its commit, for the audit row and the commit alone, so a read
that is slow (or stopped) before its commit holds up nobody. When reads took it at their first
statement (until 2026-12), every audited request of a PostgreSQL node waited for the one
before it to finish all of its work, and one stuck request stopped them all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Integer, Select, String, Table, Text, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from mekongx.model.base import Base, utcnow

GENESIS = "0" * 64
_PENDING = "mekongx.audit.pending"  # session.info key: the rows recorded, to write at the commit
# PostgreSQL: taken by whoever may write the chain's very first row (there is no head to lock yet)
_FIRST_ROW_LOCK = text("SELECT pg_advisory_xact_lock(7151013)")
_HELD = "mekongx.audit.held"  # session.info key: the (sub)transaction that locked the chain's head


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
    return _hash({name: getattr(event, name) for name in _HASHED})


# the columns a row's hash covers, in this order (every column but the hash itself)
_HASHED = ("seq", "at", "actor_id", "actor", "agency", "action", "target_type", "target_id",
           "why", "request_id", "details", "prev_hash")  # fmt: skip


def _fields(row: dict[str, Any]) -> list[Any]:
    """The values a row's hash covers, in the order it covers them."""
    fields = [row[name] for name in _HASHED]
    fields[1] = row["at"].isoformat()
    return fields


def _dumps(fields: list[Any]) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def _hash(row: dict[str, Any]) -> str:
    return hashlib.sha256(_dumps(_fields(row)).encode()).hexdigest()


def record(
    session: Session,
    actor: Actor,
    action: str,
    target_type: str = "",
    target_id: object = "",
    *,
    why: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """Add one audit row to the caller's transaction. It is written when the transaction
    commits, and the commit fails if it cannot be; a rollback, or the rollback of a savepoint
    it was recorded in, drops it. Its time is the time of this call.

    A change's transaction locks the chain's head here, at its first row, and keeps it to its
    commit (``hold_chain``): every transaction that changes something takes the head before
    the rows it then locks (a link's sequence, its outbox), so they queue in one order and
    cannot deadlock. An audited read (``read_recorded``) locks nothing until its commit."""
    hold_chain(session)
    record_read(session, actor, action, target_type, target_id, why=why, details=details)


def record_read(
    session: Session,
    actor: Actor,
    action: str,
    target_type: str = "",
    target_id: object = "",
    *,
    why: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """``record`` for a read (a list page, a search, an export): the row locks nothing before
    its commit, as a detail read's (``read_recorded``). Should the transaction go on to write
    or lock rows, it takes the chain's head just before (``audit/chain.py``), as a change
    does at its first row."""
    _keep(session, _event(actor, action, target_type, target_id, why, details))


def hold_chain(session: Session) -> None:
    """Lock the chain's head for the rest of this transaction now, as a change's first audit
    row does (on SQLite the writer holds the database already). A transaction that then locks
    a row every writer locks after auditing (a link's sequence) takes the two in the same
    order, chain then link, and cannot deadlock with them."""
    if session.info.get(_HELD) is not None or session.get_bind().dialect.name != "postgresql":
        return
    session.info[_HELD] = session.get_nested_transaction() or session.get_transaction()
    head = cast(Table, AuditHead.__table__).c
    if session.execute(select(head.id).where(head.id == 1).with_for_update()).first() is None:
        session.execute(_FIRST_ROW_LOCK)  # no head yet: the chain's first row is written


def _keep(session: Session, event: dict[str, Any]) -> None:
    at = session.get_nested_transaction() or session.get_transaction()
    session.info.setdefault(_PENDING, []).append((at, event))


def read_recorded(
    session: Session,
    actor: Actor,
    found: Select[Any],
    params: dict[str, Any],
    action: str,
    target_type: str,
    *,
    why: str = "",
    details: dict[str, Any] | None = None,
) -> Any | None:
    """The one entity ``found`` selects (run with ``params``; it has a ``uid``), with the audit
    row ``record(session, actor, action, target_type, <its uid>, why=…, details=…)`` in the
    same transaction; None, and nothing recorded, where ``found`` finds nothing. A read
    locks nothing: its row takes the chain's head only at the commit (``audit/chain.py``)."""
    target = session.scalars(found, params).first()
    if target is not None:
        _keep(session, _event(actor, action, target_type, target.uid, why, details))
    return target


def _event(
    actor: Actor,
    action: str,
    target_type: str,
    target_id: object,
    why: str,
    details: dict[str, Any] | None,
) -> dict[str, Any]:
    """The row as a plain dict (no ORM object: the statements are Core's), to be chained."""
    return {
        "at": utcnow(), "actor_id": actor.user_id, "actor": actor.username,
        "agency": actor.agency, "action": action, "target_type": target_type,
        "target_id": str(target_id), "why": why, "request_id": actor.request_id,
        "details": json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
    }  # fmt: skip


_EVENT_COLUMNS = tuple(column.key for column in cast(Table, AuditEvent.__table__).c)


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
