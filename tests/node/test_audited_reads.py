"""Detail reads with their audit row (``authz.read_audited``): on PostgreSQL the read, the
head's move and the row's insert are one statement; the chain stays whole whatever happens
around it (other processes, savepoints, hidden records)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from mekongx.audit import Actor, AuditEvent, record, verify_chain
from mekongx.db import Database
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.errors import NotFound

ME = "thai_analyst"
Watch = Callable[[Database], list[str]]  # the statements_sent fixture (tests/node/conftest.py)


def _trail(db: Database) -> list[tuple[str, str]]:
    """(action, target) of every audit row, in order, after checking the chain."""
    with db.read() as session:
        count, problems = verify_chain(session)
        assert problems == []
        rows = session.execute(select(AuditEvent.action, AuditEvent.target_id).order_by(AuditEvent.seq))  # fmt: skip
        found = [(a, t) for a, t in rows]
    assert len(found) == count
    return found


def _read(world: Any, ident: int | str, who: str = ME) -> str:
    with world.db.write() as session:
        return str(intel.read_report(session, world.principal(who), ident, why="case 7").uid)


def test_a_detail_read_is_one_statement(world: Any, statements_sent: Watch) -> None:
    """Once the process knows the chain's head, a detail read is one round trip on
    PostgreSQL (the read and its audit row); SQLite keeps its in-process steps."""
    report = world.report(ME)
    _read(world, report)  # the process learns the head
    seen = statements_sent(world.db)
    uid = _read(world, report)
    sent = [s for s in seen if s not in ("BEGIN", "COMMIT")]
    assert sent == (["WITH"] if world.db.dialect == "postgresql" else ["SELECT", "UPDATE", "INSERT"])  # fmt: skip
    assert _trail(world.db)[-1] == ("intel.read", uid)


def test_the_chain_verifies_after_mixed_reads_and_writes(world: Any) -> None:
    first, second = world.report(ME), world.report(ME)
    one, two = world.uid_of(IntelReport, first), world.uid_of(IntelReport, second)
    _read(world, first)
    _read(world, two)  # by uid
    actor = Actor(None, "system", "ONCB")
    with world.db.write() as session:  # reads and writes in one transaction continue the chain
        record(session, actor, "test.write", "t", "w1")
        intel.read_report(session, world.principal(ME), second)
        intel.read_report(session, world.principal(ME), one)
        record(session, actor, "test.write", "t", "w2")
    _read(world, first)
    assert _trail(world.db)[-7:] == [
        ("intel.read", one), ("intel.read", two), ("test.write", "w1"), ("intel.read", two),
        ("intel.read", one), ("test.write", "w2"), ("intel.read", one),
    ]  # fmt: skip


def test_a_head_moved_by_another_process_is_followed(
    world: Any, db_url: str, statements_sent: Watch
) -> None:
    """Another process (a second engine) writes between two reads: the read still answers,
    its row follows the real head, and the chain has no gap."""
    report = world.report(ME)
    uid = _read(world, report)
    other = Database(db_url)
    try:
        for n in range(2):
            with other.write() as session:
                record(session, Actor(None, "system", "ONCB"), "test.elsewhere", "t", f"o{n}")
            seen = statements_sent(world.db)
            assert _read(world, report) == uid
            if world.db.dialect == "postgresql":  # the joined statement, then the locked head
                assert [s for s in seen if s not in ("BEGIN", "COMMIT")] == ["WITH", "SELECT", "WITH"]  # fmt: skip
    finally:
        other.dispose()
    assert _trail(world.db)[-5:] == [
        ("intel.read", uid), ("test.elsewhere", "o0"), ("intel.read", uid),
        ("test.elsewhere", "o1"), ("intel.read", uid),
    ]  # fmt: skip


def test_a_hidden_or_missing_record_is_not_found_and_not_audited(world: Any) -> None:
    report, hidden = world.report(ME), world.report(ME)
    _read(world, report)
    with world.db.write() as session:  # a partner's record this agency was not given
        found = session.get(IntelReport, hidden)
        assert found is not None
        found.origin_agency, found.received = "NNCC", True
        secret = found.uid
    before = _trail(world.db)
    for ident in (hidden, secret, 999_999, "no-such-uid"):
        with pytest.raises(NotFound), world.db.write() as session:
            intel.read_report(session, world.principal(ME), ident)
    assert _trail(world.db) == before
    uid = _read(world, report)
    assert _trail(world.db) == [*before, ("intel.read", uid)]


def test_a_rolled_back_savepoint_takes_its_row_with_it(world: Any) -> None:
    report = world.report(ME)
    uid = _read(world, report)
    with world.db.write() as session:
        intel.read_report(session, world.principal(ME), report)
        savepoint = session.begin_nested()
        intel.read_report(session, world.principal(ME), report, why="undone")
        savepoint.rollback()
        intel.read_report(session, world.principal(ME), report, why="after")
    _read(world, report)
    with world.db.read() as session:
        whys = session.scalars(select(AuditEvent.why).order_by(AuditEvent.seq)).all()
    assert "undone" not in whys and whys[-2:] == ["after", "case 7"]
    assert _trail(world.db)[-3:] == [("intel.read", uid)] * 3


def test_the_database_hashes_any_uid_as_the_chain_does(world: Any) -> None:
    """The uid is the one field the database puts into the row's hash: quotes, backslashes,
    control characters and Thai or Chinese letters are written as Python's JSON writes them."""
    report = world.report(ME)
    _read(world, report)
    odd = 'q"\\\t\x01/ไทย中文\u2028é'
    with world.db.write() as session:
        found = session.get(IntelReport, report)
        assert found is not None
        found.uid = odd
    who = Actor(None, 'sys"\\tem ไทย', "ONCB")
    with world.db.write() as session:
        record(session, who, "test.write", "t", "x")
        intel.read_report(session, world.principal(ME), report, why='line\nbreak "quoted" ยาบ้า')
    assert _read(world, odd) == odd
    assert _trail(world.db)[-2:] == [("intel.read", odd), ("intel.read", odd)]
