"""Storage: migrations match the models, SQLite settings, and writes safe under concurrency."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from mekongx import migrations
from mekongx.audit import Actor, record, verify_chain
from mekongx.audit.log import AuditEvent
from mekongx.db import Database
from mekongx.domains.intel.models import IntelReport


def test_migrations_match_the_models(database: Database) -> None:
    with database.write_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": migrations.include_name})
        diff = compare_metadata(context, migrations.metadata())
    assert diff == []


def test_sqlite_pragmas(database: Database) -> None:
    if database.dialect != "sqlite":
        return
    with database.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_concurrent_writers(world: Any) -> None:
    """Sixteen threads writing reports at once: every write lands, the audit chain stays whole."""

    def write(i: int) -> int:
        return world.report("thai_liaison", title=f"concurrent {i}")

    with ThreadPoolExecutor(max_workers=16) as pool:
        ids = list(pool.map(write, range(64)))
    assert len(set(ids)) == 64
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(IntelReport)) == 64
        count, problems = verify_chain(session)
    assert problems == [] and count >= 64


WRITER = """
import sys
from mekongx.audit import Actor, record
from mekongx.db import Database

db = Database(sys.argv[1])
for i in range(40):
    with db.write() as session:
        record(session, Actor.system("ONCB", sys.argv[2]), "test.process", "n", i)
        record(session, Actor.system("ONCB", sys.argv[2]), "test.process", "n", i)
db.dispose()
"""


def test_writers_in_several_processes(database: Database) -> None:
    """Three processes and this one append to the audit chain at once (on SQLite they queue on
    the writer lock file beside the database): every row lands and the chain stays whole."""
    processes = [
        subprocess.Popen([sys.executable, "-c", WRITER, database.url, f"p{n}"]) for n in range(3)
    ]
    for i in range(40):
        with database.write() as session:
            record(session, Actor.system("ONCB", "here"), "test.process", "n", i)
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0]
    with database.read() as session:
        written = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "test.process")
        )
        count, problems = verify_chain(session)
    assert written == 3 * 80 + 40 and problems == [] and count >= written


def test_audit_rows_of_one_transaction_and_a_rolled_back_savepoint(database: Database) -> None:
    actor = Actor.system("ONCB", "t")
    with database.write() as session:
        record(session, actor, "test.first")
        with suppress(RuntimeError), session.begin_nested():
            record(session, actor, "test.undone")
            raise RuntimeError("rolled back")
        record(session, actor, "test.second")
        record(session, actor, "test.third")
    with database.write() as session:
        record(session, actor, "test.fourth")
    with database.read() as session:
        actions = list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.action.startswith("test."))
                .order_by(AuditEvent.seq)
            )
        )
        _, problems = verify_chain(session)
    assert actions == ["test.first", "test.second", "test.third", "test.fourth"]
    assert problems == []
