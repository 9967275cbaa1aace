"""The audit log: hash chain, append-only, same transaction, and tamper detection."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from mekongx.audit import Actor, AuditEvent, record, verify_chain
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


def test_a_changes_row_locks_the_head_and_is_written_with_the_commit(
    database: Database, statements_sent: Callable[[Database], list[str]]
) -> None:
    """On SQLite a guarded UPDATE moves the head this process knows (the writer holds the
    database). On PostgreSQL a change's first row locks the head at once (the order every
    change takes its locks in), and the row is one statement sent with the COMMIT in the
    driver's pipeline (not through SQLAlchemy, so not among these). The chain verifies."""
    _fill(database, 1)
    seen = statements_sent(database)
    with database.write() as session:
        record(session, Actor(1, "somchai", "ONCB"), "intel.read", "intel_report", "uid-x")
    writes = [s for s in seen if s not in ("BEGIN", "COMMIT")]
    assert writes == (["SELECT"] if database.dialect == "postgresql" else ["UPDATE", "INSERT"])
    assert _problems(database) == set()


def test_a_row_that_cannot_join_the_chain_fails_its_commit(database: Database) -> None:
    """On PostgreSQL the row goes with the COMMIT in one pipeline: where the row cannot be
    written (here the head is gone), the COMMIT behind it commits nothing, and the caller sees
    the database's error as SQLAlchemy raises it."""
    if database.dialect != "postgresql":
        pytest.skip("SQLite writes the rows before its COMMIT")
    _fill(database, 1)
    with database.write() as session:
        session.execute(text("DELETE FROM audit_head"))
    with pytest.raises(DatabaseError, match="seq"), database.write() as session:
        session.execute(text("CREATE TABLE kept_or_not (x int)"))
        record(session, Actor(1, "somchai", "ONCB"), "intel.read", "intel_report", "lost")
    with database.read() as session:
        assert session.scalar(text("SELECT to_regclass('kept_or_not')")) is None
        assert session.scalar(select(AuditEvent.seq).where(AuditEvent.target_id == "lost")) is None


def test_a_head_moved_elsewhere_is_read_and_followed(database: Database, db_url: str) -> None:
    """Two processes (two engines) writing in turn, and a transaction rolled back after its
    row: each time the head this process saw is no longer the chain's, the row follows the
    real head and the chain has no gap."""
    other = Database(db_url)
    try:
        for _ in range(3):
            _fill(database, 2)
            _fill(other, 1)
        with pytest.raises(RuntimeError), database.write() as session:
            record(session, Actor(1, "somchai", "ONCB"), "intel.read", "intel_report", "gone")
            raise RuntimeError("rolled back")
        _fill(database, 1)
        _fill(other, 1)
    finally:
        other.dispose()
    with database.read() as session:
        count, problems = verify_chain(session)
        targets = session.scalars(select(AuditEvent.target_id).order_by(AuditEvent.seq)).all()
    assert (count, problems) == (11, [])
    assert "gone" not in targets


def test_concurrent_writers_keep_one_chain(database: Database) -> None:
    """Writers in threads that all start from the same head they know: each row is appended
    after the one before it (PostgreSQL: the guarded UPDATE waits for the head's lock, then
    finds it moved and reads it)."""
    _fill(database, 1)

    def write(n: int) -> None:
        for i in range(5):
            with database.write() as session:
                record(session, Actor(1, "somchai", "ONCB"), "intel.read", "r", f"{n}-{i}")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with database.read() as session:
        assert verify_chain(session) == (21, [])
