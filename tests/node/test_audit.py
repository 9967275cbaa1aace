"""The audit log: hash chain, append-only, same transaction, and tamper detection."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from mekongx.audit import Actor, record, verify_chain
from mekongx.db import Database


def _fill(db: Database, n: int = 6) -> None:
    with db.write() as session:
        for i in range(n):
            record(
                session,
                Actor(1, "somchai", "ONCB", f"req-{i}"),
                "intel.read",
                "intel_report",
                f"uid-{i}",
                why="case 42",
            )


def _problems(db: Database) -> set[tuple[int, str]]:
    with db.read() as session:
        return {(p.seq, p.problem) for p in verify_chain(session)[1]}


def _drop_guards(db: Database) -> None:
    """Simulate a database administrator who switches the append-only triggers off."""
    with db.write() as session:
        if db.dialect == "sqlite":
            session.execute(text("DROP TRIGGER audit_events_no_update"))
            session.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            session.execute(text("DROP TRIGGER audit_events_append_only ON audit_events"))


def test_chain_verifies(database: Database) -> None:
    _fill(database)
    with database.read() as session:
        count, problems = verify_chain(session)
    assert (count, problems) == (6, [])


def test_triggers_refuse_update_and_delete(database: Database) -> None:
    _fill(database, 2)
    for sql in ("UPDATE audit_events SET why = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(DatabaseError), database.write() as session:
            session.execute(text(sql))
    assert _problems(database) == set()


def test_edited_row_is_caught(database: Database) -> None:
    _fill(database)
    _drop_guards(database)
    with database.write() as session:
        session.execute(text("UPDATE audit_events SET why = 'nothing to see' WHERE seq = 3"))
    assert (3, "edited") in _problems(database)


def test_deleted_row_is_caught(database: Database) -> None:
    _fill(database)
    _drop_guards(database)
    with database.write() as session:
        session.execute(text("DELETE FROM audit_events WHERE seq = 4"))
    problems = _problems(database)
    assert (5, "gap") in problems and (5, "broken-link") in problems


def test_deleted_tail_is_caught(database: Database) -> None:
    _fill(database)
    _drop_guards(database)
    with database.write() as session:
        session.execute(text("DELETE FROM audit_events WHERE seq = 6"))
    assert (6, "head-mismatch") in _problems(database)


def test_reordered_rows_are_caught(database: Database) -> None:
    _fill(database)
    _drop_guards(database)
    with database.write() as session:  # swap the contents of rows 2 and 3, keeping their numbers
        session.execute(text("UPDATE audit_events SET seq = -2 WHERE seq = 2"))
        session.execute(text("UPDATE audit_events SET seq = 2 WHERE seq = 3"))
        session.execute(text("UPDATE audit_events SET seq = 3 WHERE seq = -2"))
    problems = _problems(database)
    assert {p for p in problems if p[1] in ("edited", "broken-link")}


def test_audit_row_rolls_back_with_the_change(database: Database) -> None:
    _fill(database, 1)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), database.write() as session:
        record(session, Actor(1, "somchai", "ONCB"), "user.create", "user", "9")
        raise Boom
    with database.read() as session:
        assert verify_chain(session)[0] == 1
