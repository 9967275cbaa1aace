"""How recorded audit rows join the chain: last thing before their transaction commits.

The chain has one head row (``audit_head``), and a transaction that moves it holds it until it
commits, so every audited transaction of the node takes its turn there. The turn is kept to
what it must be:

- ``audit.record`` keeps the row with the session (``log._PENDING``); a ``before_commit``
  hook writes the rows of the transaction once its own rows are flushed, and a rolled-back
  savepoint drops the rows recorded within it. A change's transaction locks the head at its
  first row, as every change does, so that changes take their locks in one order
  (``log.hold_chain``); an audited read (``read_recorded``) locks nothing before its commit,
  so a read that is slow, or stopped, holds up nobody.
- On PostgreSQL each row is one statement (``_chained``) that waits for the head, takes it,
  numbers the row and takes its hash in the database, and the statements and the ``COMMIT``
  are sent together in the driver's pipeline mode: the head is held for the database's own
  work, never for a round trip back to this process (whose threads may wait for the
  interpreter's lock for milliseconds, or longer on a busy machine). A statement that cannot
  write its row fails, and the ``COMMIT`` behind it then commits nothing.
- SQLite runs one writing transaction at a time anyway (``BEGIN IMMEDIATE``): the row follows
  the head this process last wrote, or the head read again where another process moved it.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import Any, cast
from weakref import WeakKeyDictionary

from sqlalchemy import (
    Integer,
    Table,
    Text,
    bindparam,
    func,
    insert,
    literal,
    literal_column,
    select,
    true,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy import event as sa_event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction
from sqlalchemy.orm.util import identity_key

from mekongx.audit.log import (
    _EVENT_COLUMNS,
    _FIRST_ROW_LOCK,
    _HELD,
    _PENDING,
    GENESIS,
    AuditEvent,
    AuditHead,
    _dumps,
    _fields,
    _hash,
    hold_chain,
)

log = logging.getLogger(__name__)

_HEAD_TABLE = cast(Table, AuditHead.__table__)
_EVENT_TABLE = cast(Table, AuditEvent.__table__)
_OWN = ("seq", "prev_hash", "hash")  # the columns the chain gives a row


@sa_event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    """Write the rows recorded in this transaction, last thing before it commits. A savepoint's
    release is not the commit: its rows wait for the transaction's."""
    if session.in_nested_transaction():
        return
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    session.flush()  # the records' own rows first: the head is then taken for the rows alone
    events = [event for _, event in pending]
    if session.get_bind().dialect.name == "postgresql":
        _append_postgresql(session, events)
    else:
        _append_sqlite(session, events)
    stale = session.identity_map.get(_head_key())
    if stale is not None:  # an AuditHead loaded earlier in this session reads the new head
        session.expire(stale)


@sa_event.listens_for(Session, "do_orm_execute")
def _head_before_locks(state: ORMExecuteState) -> None:
    """A transaction with an audited read that goes on to write or lock rows takes the head
    first, as a change does at its first row: every transaction that changes something takes
    the head before the rows it locks, in one order."""
    session = state.session
    if not session.info.get(_PENDING) or session.info.get(_HELD) is not None:
        return
    if state.is_select and getattr(state.statement, "_for_update_arg", None) is None:
        return
    hold_chain(session)


@sa_event.listens_for(Session, "before_flush")
def _head_before_writes(session: Session, context: Any, instances: Any) -> None:
    if session.info.get(_PENDING) and session.info.get(_HELD) is None:
        hold_chain(session)


@sa_event.listens_for(Session, "after_soft_rollback")
def _drop_undone(session: Session, undone: SessionTransaction) -> None:
    """A rolled-back savepoint (or transaction) takes the rows recorded within it along."""
    pending = session.info.get(_PENDING)
    if pending:
        session.info[_PENDING] = [(at, event) for at, event in pending if not _within(at, undone)]
    if _within(session.info.get(_HELD), undone):  # its locks are released with it
        session.info.pop(_HELD, None)


@sa_event.listens_for(Session, "after_transaction_end")
def _forget_pending(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the transaction is over: whatever was not written is not
        session.info.pop(_PENDING, None)
        session.info.pop(_HELD, None)


def _within(transaction: SessionTransaction | None, outer: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is outer:
            return True
        transaction = transaction.parent
    return False


# identity_key() configures every mapper: built on first use, not at import (a script that imports
# this module before all the models are defined must still import it)
@cache
def _head_key() -> Any:
    return identity_key(AuditHead, 1)


def _read_head(session: Session) -> tuple[int, str] | None:
    """The head, locked for this transaction (``FOR UPDATE``; on SQLite the writer holds the
    database lock already)."""
    found = session.execute(
        select(_HEAD_TABLE.c.seq, _HEAD_TABLE.c.hash).where(_HEAD_TABLE.c.id == 1).with_for_update()
    ).first()
    return (found[0], found[1]) if found is not None else None


def _first_row(session: Session, event: dict[str, Any]) -> None:
    """The chain's first row, and its head (the caller holds the chain: see ``_lock_chain``)."""
    row = _row(event, (0, GENESIS))
    session.execute(insert(_EVENT_TABLE).values(**row))
    session.execute(insert(_HEAD_TABLE).values(id=1, seq=row["seq"], hash=row["hash"]))


def _row(event: dict[str, Any], head: tuple[int, str]) -> dict[str, Any]:
    """The event's row after ``head`` (its number, link and hash set in ``event`` too)."""
    event["seq"], event["prev_hash"] = head[0] + 1, head[1]
    event["hash"] = _hash(event)
    return {name: event[name] for name in _EVENT_COLUMNS}


# --- PostgreSQL ---------------------------------------------------------------------------

# The databases (engines) known to have a head: it is never removed, so the check is made once.
_headed: WeakKeyDictionary[Any, bool] = WeakKeyDictionary()


def _append_postgresql(session: Session, events: list[dict[str, Any]]) -> None:
    bind = session.get_bind()
    if not _headed.get(bind):
        if session.execute(select(_HEAD_TABLE.c.id).where(_HEAD_TABLE.c.id == 1)).first() is None:
            session.execute(_FIRST_ROW_LOCK)
            if _read_head(session) is None:
                _first_row(session, events[0])
                events = events[1:]
        _headed[bind] = True
    if not events:
        return
    connection = session.connection()
    compiled = _compiled(connection.dialect)
    driver = connection.connection.driver_connection
    assert driver is not None
    cursors = []
    try:
        with driver.pipeline():
            for event in events:
                values = {f"audit_{n}": event[n] for n in _EVENT_COLUMNS if n not in _OWN}
                values["audit_inner"] = "," + _dumps(_fields({**event, "seq": 0, "prev_hash": ""})[1:-1])[1:-1]  # fmt: skip
                cursor = driver.cursor()
                cursor.execute(compiled.string, compiled.construct_params(values, _check=False))
                cursors.append(cursor)
            driver.commit()  # sent behind the rows, before any of their answers is read
    except connection.dialect.loaded_dbapi.Error as error:  # as SQLAlchemy raises the driver's
        raise DBAPIError.instance(compiled.string, None, error, connection.dialect.loaded_dbapi.Error) from error  # fmt: skip
    for cursor, event in zip(cursors, events, strict=True):
        found = cursor.fetchone()
        assert found is not None  # the statement writes its row or fails
        event["seq"], event["prev_hash"] = found[0], found[1]
        if found[2] != _hash(event):  # cannot be (tests/node/test_audited_reads.py): say so
            log.error("audit row %s: the database's hash differs from the chain's", found[0])


@lru_cache(maxsize=8)
def _compiled(dialect: Any) -> Any:
    """``_chained`` compiled once per dialect (compiling it is a millisecond of CPU)."""
    return _chained().compile(dialect=dialect)


@cache
def _chained() -> Any:
    """One row after whatever the head is, in one statement that waits for the head's lock
    and takes it, numbers the row, takes its hash and moves the head::

        WITH old AS (SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE),
             new AS (SELECT old.seq + 1 AS seq, old.hash AS prev,
                            encode(sha256(convert_to('[' || old.seq + 1 || :inner || ',"'
                                                     || old.hash || '"]', 'UTF8')), 'hex') AS hash
                     FROM old),
             moved AS (UPDATE audit_head SET seq = new.seq, hash = new.hash FROM new
                       WHERE audit_head.id = 1 AND audit_head.seq < new.seq
                       RETURNING new.seq, new.prev, new.hash)
        INSERT INTO audit_events (...) SELECT moved.seq, :at, ..., moved.prev, moved.hash
        FROM (SELECT 1) AS one LEFT JOIN moved ON true RETURNING seq, prev_hash, hash

    The hashed JSON's first field is the row's number and its last the previous hash (digits
    and hex: nothing to escape); Python writes the rest (``:inner``) and checks the hash.
    Without a head the row's number is NULL and the statement fails (never nothing written).
    The ``UPDATE`` reads the head as the statement's snapshot had it, from before the wait for
    its lock: its condition must hold for that version too (``seq < new.seq``, not ``seq + 1 =
    new.seq``), and PostgreSQL then moves the newest version, the one ``old`` locked. Built
    once with bound parameters."""
    head = _HEAD_TABLE.c
    old = select(head.seq, head.hash).where(head.id == 1).with_for_update().cte("old")
    number = old.c.seq + 1
    blob = literal("[", Text) + sql_cast(number, Text) + bindparam("audit_inner", type_=Text)
    blob = blob + literal(',"', Text) + old.c.hash + literal('"]', Text)
    digest = func.encode(func.sha256(func.convert_to(blob, literal_column("'UTF8'"))), literal_column("'hex'"))  # fmt: skip
    new = select(number.label("seq"), old.c.hash.label("prev"), digest.label("hash")).cte("new")
    moved = (
        update(_HEAD_TABLE)
        .where(head.id == 1, head.seq < new.c.seq)
        .values(seq=new.c.seq, hash=new.c.hash)
        .returning(new.c.seq, new.c.prev, new.c.hash)
        .cte("moved")
    )
    one = select(literal(1, Integer).label("one")).subquery("one")
    taken = {"seq": moved.c.seq, "prev_hash": moved.c.prev, "hash": moved.c.hash}
    values = [taken.get(n, bindparam(f"audit_{n}", type_=_EVENT_TABLE.c[n].type)) for n in _EVENT_COLUMNS]  # fmt: skip
    rows = select(*values).select_from(one.outerjoin(moved, true()))
    written = _EVENT_TABLE.c
    return (
        insert(_EVENT_TABLE)
        .from_select(list(_EVENT_COLUMNS), rows)
        .returning(written.seq, written.prev_hash, written.hash)
    )


# --- SQLite -------------------------------------------------------------------------------

# The chain's head as this process last wrote it, per database (engine): the first row of a
# transaction assumes it is still the head and moves it only where it is. A stale value
# (another process wrote, a transaction rolled back) costs the read it saved.
_last_head: WeakKeyDictionary[Any, tuple[int, str]] = WeakKeyDictionary()


def _append_sqlite(session: Session, events: list[dict[str, Any]]) -> None:
    """The writer holds the database: the rows follow the head this process last wrote, or the
    head read again where that one moved."""
    bind = session.get_bind()
    head = _last_head.get(bind)
    if head is None or not _append_if_head(session, head, _row(events[0], head)):
        head = _read_head(session)
        if head is None:
            _first_row(session, events[0])
        elif not _append_if_head(session, head, _row(events[0], head)):
            raise RuntimeError("the audit chain's head moved while it was locked")
    head = (events[0]["seq"], events[0]["hash"])
    for event in events[1:]:
        if not _append_if_head(session, head, _row(event, head)):
            raise RuntimeError("the audit chain's head moved while it was locked")
        head = (event["seq"], event["hash"])
    _last_head[bind] = head


@cache
def _guarded() -> tuple[Any, Any]:
    """``UPDATE audit_head`` to the new row only where it still is the head seen (``seen_seq``,
    ``seen_hash``), and the row's ``INSERT``. Built once with bound parameters: SQLAlchemy
    computes a statement's cache key once per object, and building them for every row was half
    of an audited list's CPU."""
    head = _HEAD_TABLE.c
    moved = (
        update(_HEAD_TABLE)
        .where(head.id == 1, head.seq == bindparam("seen_seq"), head.hash == bindparam("seen_hash"))
        .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
    )
    return moved, insert(_EVENT_TABLE)


def _append_if_head(session: Session, head: tuple[int, str], row: dict[str, Any]) -> bool:
    """Write ``row`` after ``head`` and move the head to it, if ``head`` is still the chain's
    head; otherwise write nothing and answer False."""
    moved, insert_event = _guarded()
    seen = {"seen_seq": head[0], "seen_hash": head[1], "new_seq": row["seq"], "new_hash": row["hash"]}  # fmt: skip
    if not session.execute(moved, seen).rowcount:  # type: ignore[attr-defined]
        return False
    session.execute(insert_event, row)
    return True
