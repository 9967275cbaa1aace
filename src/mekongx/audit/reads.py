"""The session of a request that reads, and records that it read (a detail, a list page, a
search, an export): ``read_session(db)``.

On PostgreSQL it is a writing session: its audit rows wait for its commit and lock nothing
before it (``audit/chain.py``). On SQLite only one transaction of the database writes at a
time, and a writing transaction holds that turn from its ``BEGIN IMMEDIATE`` to its commit: a
read in one would hold up every writer of the node for all of its work (a money trace, a
workbook, a page of a million seizures). So there the read runs in a reading transaction,
beside the writers, and its audit rows are written after it, in a short writing transaction of
their own; if they cannot be written, the request fails and shows nothing. A reading session
refuses the session's changes (objects added, changed or deleted, at a flush or at its end)
and its ``insert``/``update``/``delete`` statements, with ``ReadSessionWrites``: a request that
changes something uses ``db.write()``. (SQL text run on the session's connection is not
checked.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy.orm import ORMExecuteState, Session

from mekongx.audit.log import _PENDING
from mekongx.db import Database

_READING = (
    "mekongx.audit.reading"  # session.info key: a reading session (SQLite), which may not write
)


@contextmanager
def read_session(db: Database) -> Iterator[Session]:
    """A session for a request that only reads and audits its reads (see the module)."""
    if db.dialect != "sqlite":
        with db.write() as session:
            yield session
        return
    with db.read() as session:
        session.info[_READING] = True
        yield session
        _no_changes(session)  # a change never flushed would be lost as silently
        pending = session.info.pop(_PENDING, None)
    if pending:
        with db.write() as session:
            at = session.get_transaction()
            session.info[_PENDING] = [(at, event) for _, event in pending]


class ReadSessionWrites(RuntimeError):
    """A request in a reading session tried to change something: a programming error."""


@sa_event.listens_for(Session, "before_flush")
def _no_changes(session: Session, context: Any = None, instances: Any = None) -> None:
    if not session.info.get(_READING):
        return
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        raise ReadSessionWrites("a read_session may not write: use db.write()")


@sa_event.listens_for(Session, "do_orm_execute")
def _no_writes(state: ORMExecuteState) -> None:
    if state.session.info.get(_READING) and (state.is_insert or state.is_update or state.is_delete):
        raise ReadSessionWrites("a read_session may not write: use db.write()")
