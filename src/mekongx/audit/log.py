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
from functools import cache
from typing import Any, cast
from weakref import WeakKeyDictionary

from sqlalchemy import Integer, String, Table, Text, bindparam, insert, select, text, update
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column
from sqlalchemy.orm.util import identity_key

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


@sa_event.listens_for(Session, "after_transaction_end")
def _forget_head(session: Session, transaction: SessionTransaction) -> None:
    """The chain lock ends with the transaction, and so does the head it guarded."""
    # Also after a savepoint: rolling back to one releases the locks taken inside it.
    session.info.pop(_HEAD, None)


# The chain's head as this process last wrote or read it, per database (engine): the first
# audit row of a transaction assumes it is still the head and moves it in the same statement
# that checks it (see ``record``). A stale value (another process wrote, a transaction rolled
# back) only costs the read it saved.
_last_head: WeakKeyDictionary[Any, tuple[int, str]] = WeakKeyDictionary()
_HEAD_TABLE = cast(Table, AuditHead.__table__)
_EVENT_TABLE = cast(Table, AuditEvent.__table__)


# identity_key() configures every mapper: built on first use, not at import (a script that imports
# this module before all the models are defined must still import it)
@cache
def _head_key() -> Any:
    return identity_key(AuditHead, 1)


def _lock_chain(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7151013)"))
    # SQLite: writers already hold the database lock (BEGIN IMMEDIATE).


def _read_head(session: Session) -> tuple[int, str] | None:
    """The head, locked for this transaction (``FOR UPDATE``; on SQLite the writer holds the
    database lock already)."""
    found = session.execute(
        select(_HEAD_TABLE.c.seq, _HEAD_TABLE.c.hash).where(_HEAD_TABLE.c.id == 1).with_for_update()
    ).first()
    return (found[0], found[1]) if found is not None else None


def hold_chain(session: Session) -> None:
    """Lock the chain's head for this transaction now, as its first audit row would. A
    transaction that then locks a row every writer locks after auditing (a link's sequence:
    changes audit first, then number their envelopes) takes the two in the same order, chain
    then link, and cannot deadlock with them."""
    if session.info.get(_HEAD) is None:
        head = _read_head(session)
        if head is not None:
            session.info[_HEAD] = head


@cache
def _statements(dialect: str) -> tuple[Any, Any]:
    """``UPDATE audit_head`` to the new row only where it still is the head seen
    (``seen_seq``, ``seen_hash``), and the event row's ``INSERT``; on PostgreSQL one statement
    doing both (see ``_append_if_head``). Built once with bound parameters: SQLAlchemy computes
    a statement's cache key once per object, and building them for every row was half of an
    audited list's CPU."""
    head = _HEAD_TABLE.c
    moved = (
        update(_HEAD_TABLE)
        .where(head.id == 1, head.seq == bindparam("seen_seq"), head.hash == bindparam("seen_hash"))
        .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
    )
    if dialect != "postgresql":
        return moved, insert(_EVENT_TABLE)
    cte = moved.returning(head.id).cte("moved")
    values = [bindparam(f"audit_{n}", type_=_EVENT_TABLE.c[n].type) for n in _EVENT_COLUMNS]
    both = insert(_EVENT_TABLE).from_select(list(_EVENT_COLUMNS), select(*values).select_from(cte))
    return both.returning(_EVENT_TABLE.c.seq), None


def _append_if_head(session: Session, head: tuple[int, str], row: dict[str, Any]) -> bool:
    """Write ``row`` after ``head`` and move the head to it, if ``head`` is still the chain's
    head; otherwise write nothing and answer False. The guarded ``UPDATE`` takes the head's
    row lock itself (PostgreSQL: a concurrent writer waits for it, then finds the head moved
    and reads it); on PostgreSQL the event row is inserted in the same statement (one round
    trip: ``WITH moved AS (UPDATE ... RETURNING) INSERT ... SELECT ... FROM moved``)."""
    dialect = session.get_bind().dialect.name
    moved, insert_event = _statements(dialect)
    seen = {"seen_seq": head[0], "seen_hash": head[1], "new_seq": row["seq"], "new_hash": row["hash"]}  # fmt: skip
    if insert_event is None:
        values = {f"audit_{name}": value for name, value in row.items()}
        return session.execute(moved, {**seen, **values}).first() is not None
    if not session.execute(moved, seen).rowcount:  # type: ignore[attr-defined]
        return False
    session.execute(insert_event, row)
    return True


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
    """Append one audit row in the caller's transaction.

    The first row of a transaction assumes that the head this process last saw is still the
    chain's head, and moves it only where it is (``UPDATE audit_head ... WHERE seq = :seen
    AND hash = :seen_hash``): one statement instead of reading the head first, and on
    PostgreSQL the row is inserted by the same statement. Where the head moved (another
    process, a rolled-back transaction), the head is read with its lock and the row follows
    it. Later rows of the same transaction continue from the head it holds (the lock lasts as
    long as the transaction); a head lost to a rolled-back savepoint is read again. Only the
    very first row of a chain, with no head to lock, takes an advisory lock."""
    bind = session.get_bind()
    held: tuple[int, str] | None = session.info.get(_HEAD)
    event = _event(actor, action, target_type, target_id, why, details)
    guess = held if held is not None else _last_head.get(bind)
    if guess is None or not _append_if_head(session, guess, _row(event, guess)):
        head = _read_head(session)
        if head is None:
            _lock_chain(session)
            head = _read_head(session)
        if head is None:
            row = _row(event, (0, GENESIS))
            session.execute(insert(_EVENT_TABLE).values(**row))
            session.execute(insert(_HEAD_TABLE).values(id=1, seq=row["seq"], hash=row["hash"]))
        elif not _append_if_head(session, head, _row(event, head)):  # it is locked: cannot be
            raise RuntimeError("the audit chain's head moved while it was locked")
    _moved(session, bind, (event["seq"], event["hash"]))


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


def _moved(session: Session, bind: Any, head: tuple[int, str]) -> None:
    """This transaction wrote ``head``: it holds it, and this process knows it."""
    stale = session.identity_map.get(_head_key())
    if stale is not None:  # an AuditHead loaded earlier in this session reads the new head
        session.expire(stale)
    session.info[_HEAD] = _last_head[bind] = head


def _row(event: dict[str, Any], head: tuple[int, str]) -> dict[str, Any]:
    """The event's row after ``head`` (its number, link and hash set in ``event`` too)."""
    event["seq"], event["prev_hash"] = head[0] + 1, head[1]
    event["hash"] = _hash(event)
    return {name: event[name] for name in _EVENT_COLUMNS}


_EVENT_COLUMNS = tuple(column.key for column in _EVENT_TABLE.c)


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
