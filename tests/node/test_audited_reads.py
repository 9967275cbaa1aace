"""Detail reads with their audit row (``authz.read_audited``): the row is written at the
commit, so an unfinished read holds up nobody; the chain stays whole whatever happens around
it (other processes, savepoints, hidden records)."""

from __future__ import annotations

import threading
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


def test_a_detail_read_is_the_read_then_its_row_at_the_commit(world: Any, statements_sent: Watch) -> None:  # fmt: skip
    """A detail read is the read and, at the commit, its audit row: on PostgreSQL sent with the
    COMMIT in the driver's pipeline (not through SQLAlchemy's execution, so not among these);
    SQLite moves the head and writes the row in two steps."""
    report = world.report(ME)
    _read(world, report)  # the process learns the head
    seen = statements_sent(world.db)
    uid = _read(world, report)
    sent = [s for s in seen if s not in ("BEGIN", "COMMIT")]
    assert sent == (["SELECT"] if world.db.dialect == "postgresql" else ["SELECT", "UPDATE", "INSERT"])  # fmt: skip
    assert _trail(world.db)[-1] == ("intel.read", uid)


def _other_commits_meanwhile(world: Any, report: int, slow: Callable[[Any], object]) -> bool:
    """Whether another request's audited read of ``report`` commits while ``slow`` (given a
    writing session) has run but not yet committed."""
    done = threading.Event()
    other = threading.Thread(target=lambda: (_read(world, report), done.set()))
    with world.db.write() as session:
        slow(session)
        other.start()
        finished = done.wait(10)  # until 2026-12 the other waited for this commit
    other.join()
    return finished


def test_an_unfinished_audited_read_holds_up_no_other(world: Any) -> None:
    """A request that has read (and recorded) a record but not yet committed does not hold the
    chain's head: another request's audited read commits meanwhile, and the chain takes the
    rows in the order they were committed. (SQLite runs one writing transaction at a time
    anyway.)"""
    if world.db.dialect != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time")
    report = world.report(ME)
    uid = _read(world, report)
    assert _other_commits_meanwhile(world, report, lambda session: intel.read_report(
        session, world.principal(ME), report, why="slow"))  # fmt: skip
    with world.db.read() as session:
        whys = session.scalars(select(AuditEvent.why).order_by(AuditEvent.seq)).all()
    assert whys[-2:] == ["case 7", "slow"]
    assert _trail(world.db)[-3:] == [("intel.read", uid)] * 3


def test_an_unfinished_audited_list_holds_up_no_other(world: Any) -> None:
    """A list page (or an export) records its read with ``record_read``: until its commit it
    holds nothing either, so a detail read commits meanwhile. (Until 2026-12 a list locked the
    head at its audit row and held it to its commit.)"""
    from mekongx.domains.seizures import service as seizures

    if world.db.dialect != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time")
    report = world.report(ME)
    uid = _read(world, report)
    assert _other_commits_meanwhile(world, report, lambda session: seizures.list_seizures(
        session, world.principal(ME), seizures.Filters()))  # fmt: skip
    assert _trail(world.db)[-3:] == [("intel.read", uid), ("intel.read", uid), ("seizures.list", "None")]  # fmt: skip


def test_a_read_that_goes_on_to_lock_rows_takes_the_head_first(world: Any) -> None:
    """A transaction with an audited read that then locks a row (or writes) takes the chain's
    head just before, as a change takes it at its first row: every transaction that changes
    something takes the head before the rows it locks, so two of them cannot deadlock."""
    from sqlalchemy import event

    if world.db.dialect != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time")
    report = world.report(ME)
    _read(world, report)
    sent: list[str] = []
    event.listen(world.db.write_engine, "before_cursor_execute",
                 lambda c, cur, statement, *a: sent.append(" ".join(statement.split())))  # fmt: skip
    with world.db.write() as session:
        intel.read_report(session, world.principal(ME), report)
        assert not any("audit_head" in s for s in sent)  # the read alone locks nothing
        session.execute(select(IntelReport.id).where(IntelReport.id == report).with_for_update())
    locks = [s for s in sent if "FOR UPDATE" in s]
    assert len(locks) == 2 and "audit_head" in locks[0] and "intel_reports" in locks[1]


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
            if world.db.dialect == "postgresql":  # the read; the row follows the real head
                assert [s for s in seen if s not in ("BEGIN", "COMMIT")] == ["SELECT"]
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


def test_any_uid_is_chained(world: Any) -> None:
    """Quotes, backslashes, control characters and Thai or Chinese letters in a record's uid,
    an actor's name and a reason keep the chain whole."""
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


def test_a_read_in_progress_holds_up_no_writer(world: Any) -> None:
    """A detail read's request (``audit.read_session``) holds up no change while it reads: on
    SQLite it reads beside the writers and writes its audit row after, in a short writing
    transaction of its own. (Until 2026-12 it ran in a writing transaction from its first
    statement: a slow read, a workbook or a money trace, held up every writer of the node.)
    The request is stopped in its read of the report until a change has been made beside it."""
    from sqlalchemy import event

    report, headers = world.report(ME), world.token(ME)
    uid = world.uid_of(IntelReport, report)
    paused, proceed, changed = threading.Event(), threading.Event(), threading.Event()
    writer: list[int] = []

    def pause(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if (statement.lstrip().startswith("SELECT") and "FROM intel_reports" in statement
                and threading.get_ident() not in writer and not paused.is_set()):  # fmt: skip
            paused.set()
            proceed.wait(8)

    def change() -> None:
        writer.append(threading.get_ident())
        if paused.wait(20):
            world.report(ME, title="Written while the read was under way")
            changed.set()
        proceed.set()

    engines = {world.db.read_engine, world.db.write_engine}
    for engine in engines:
        event.listen(engine, "before_cursor_execute", pause)
    beside = threading.Thread(target=change)
    beside.start()
    try:
        with world.app() as client:
            answer = client.get(f"/api/v1/reports/{report}", headers=headers)
        changed_meanwhile = changed.wait(0)
    finally:
        proceed.set()
        beside.join()
        for engine in engines:
            event.remove(engine, "before_cursor_execute", pause)
    assert answer.status_code == 200, answer.text
    assert changed_meanwhile
    assert _trail(world.db)[-2:] == [("intel.create", world.uid_of(IntelReport, report + 1)), ("intel.read", uid)]  # fmt: skip


@pytest.mark.parametrize("flushed", [True, False], ids=["flushed", "never-flushed"])
def test_a_read_session_refuses_to_write(world: Any, flushed: bool) -> None:
    """A request that changes something must use ``db.write()``: in a read session the change
    is refused, at its flush or at the end of the block if it was never flushed (on SQLite it
    would be lost with the reading transaction), and the reads it recorded before are not
    written either, since it shows nothing."""
    from mekongx.audit import ReadSessionWrites, read_session

    report = world.report(ME)
    before = _trail(world.db)
    if world.db.dialect != "sqlite":
        pytest.skip("on PostgreSQL a read session is a writing one")
    with pytest.raises(ReadSessionWrites), read_session(world.db) as session:
        intel.read_report(session, world.principal(ME), report)
        found = session.get(IntelReport, report)
        assert found is not None
        found.title = "changed in a read"
        if flushed:
            session.flush()
    assert _trail(world.db) == before
    with world.db.read() as session:
        assert session.get(IntelReport, report).title == "Report"  # type: ignore[union-attr]


def _reached(function: Any, functions: dict[str, Any], seen: set[str]) -> set[str]:
    """The names of the module's functions ``function`` calls, and those they call."""
    import ast

    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            if name in functions and name not in seen:
                seen.add(name)
                _reached(functions[name], functions, seen)
    return seen


def test_no_get_route_opens_a_writing_session() -> None:
    """GET routes read: one whose read is audited opens ``audit.read_session``, never
    ``db.write()`` (on SQLite a writing transaction holds up every writer of the node for the
    whole request), nor does any function of its module that it calls (a page shared with a
    form's second showing). A change is a POST (docs/architecture.md, Sessions)."""
    import ast
    from pathlib import Path

    import mekongx

    root = Path(mekongx.__file__).parent
    offenders = []
    for path in sorted([*root.glob("api/**/*.py"), *root.glob("web/**/*.py")]):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)}  # fmt: skip

        for name, function in functions.items():
            if not any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "get"
                       for d in function.decorator_list):  # fmt: skip
                continue
            for called in {name} | _reached(function, functions, set()):
                if ".db.write()" in (ast.get_source_segment(source, functions[called]) or ""):
                    offenders.append(f"{path.relative_to(root)}: {name} -> {called}")
    assert offenders == []
