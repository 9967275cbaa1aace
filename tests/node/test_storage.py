"""Storage: migrations match the models, SQLite settings, and writes safe under concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from mekongx import migrations
from mekongx.audit import verify_chain
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
