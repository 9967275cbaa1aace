"""Shared fixtures. Every test that touches the database runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``MEKONGX_TEST_POSTGRES_URL`` (default: the local server on
127.0.0.1:5432). Where it cannot be reached the PostgreSQL half is skipped with a message,
except under CI (``CI=true``), where it is mandatory and the run fails instead.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from mekongx import migrations
from mekongx.db import Database

PG_ADMIN_URL = os.environ.get(
    "MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() == "true"
ENGINES = [e for e in os.environ.get("MEKONGX_TEST_ENGINES", "sqlite,postgresql").split(",") if e]


def _postgres_reachable() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as error:  # any failure to connect means "not available here"
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating every time)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    # Fold the WAL into the main file so that one file copy carries everything.
    engine = create_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _postgres_database() -> Iterator[str]:
    problem = _postgres_reachable()
    if problem is not None:
        if IN_CI:
            pytest.fail(
                f"PostgreSQL is mandatory in CI but not reachable at {PG_ADMIN_URL}: {problem}"
            )
        pytest.skip(
            f"PostgreSQL not reachable at {PG_ADMIN_URL} ({problem}); PostgreSQL tests skipped"
        )
    name = f"mekongx_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    migrations.upgrade(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_CLEARING: dict[str, tuple[Engine, str, bool]] = {}


def _truncate_postgres(url: str) -> None:
    """Empty the tables a test wrote and restart the sequences it used.

    Truncating all of the schema's tables cost 1-2 s per test (a new file per table and
    index, and the tables are small); one statement finds the tables that hold rows, and
    only those are emptied (a role that may not switch triggers off truncates them all).
    """
    if url not in _CLEARING:
        engine = create_engine(url, poolclass=NullPool)
        with engine.connect() as conn:
            tables = conn.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version' ORDER BY tablename"
                )
            ).scalars()
            occupied = " UNION ALL ".join(
                f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM \"{name}\")" for name in tables
            )
            superuser = bool(
                conn.execute(
                    text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                ).scalar()
            )
        _CLEARING[url] = (engine, occupied, superuser)
    engine, occupied, superuser = _CLEARING[url]
    with engine.begin() as conn:
        written = list(conn.execute(text(occupied)).scalars())
        if written and not superuser:
            names = ", ".join(f'"{name}"' for name in written)
            conn.execute(text(f"TRUNCATE {names} CASCADE"))
        elif written:
            # Foreign keys and the append-only guard are triggers, which a replica session
            # does not fire: the written tables are emptied in any order.
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            for name in written:
                conn.execute(text(f'DELETE FROM "{name}"'))
        conn.execute(
            text(
                "SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, "
                "start_value, false) FROM pg_sequences "
                "WHERE schemaname = 'public' AND last_value IS NOT NULL"
            )
        )
        # A tamper test may have switched the append-only guard off: put it back.
        conn.execute(
            text(
                "CREATE OR REPLACE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE "
                "ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
            )
        )


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A clean, migrated database URL on each engine."""
    if request.param == "sqlite":
        target = tmp_path / "node.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), target)
        return f"sqlite:///{target}"
    url: str = request.getfixturevalue("_postgres_database")
    _truncate_postgres(url)
    return url


@pytest.fixture(scope="session")
def _postgres_second_database() -> Iterator[str]:
    name = f"mekongx_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    migrations.upgrade(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def second_db_url(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Another clean, migrated database on the same engine as ``db_url`` (a restore target)."""
    if db_url.startswith("sqlite"):
        target = tmp_path / "second.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), target)
        return f"sqlite:///{target}"
    url: str = request.getfixturevalue("_postgres_second_database")
    _truncate_postgres(url)
    return url


@pytest.fixture(scope="session")
def _postgres_node_databases() -> Iterator[dict[str, str]]:
    """More PostgreSQL databases, one per name, made on first use (partner nodes' databases)."""
    made: dict[str, str] = {}
    yield made
    if made:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for url in made.values():
                name = make_url(url).database
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def node_db_url(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """``node_db_url(name)``: another clean, migrated database on the engine of ``db_url``
    (the database of another agency's node)."""

    def make(name: str) -> str:
        if db_url.startswith("sqlite"):
            target = tmp_path / f"{name}.db"
            shutil.copyfile(request.getfixturevalue("_sqlite_template"), target)
            return f"sqlite:///{target}"
        made: dict[str, str] = request.getfixturevalue("_postgres_node_databases")
        if name not in made:
            database = f"mekongx_test_{uuid.uuid4().hex[:10]}_{name.lower()}"
            admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{database}"'))
            admin.dispose()
            url = make_url(PG_ADMIN_URL).set(database=database)
            made[name] = url.render_as_string(hide_password=False)
            migrations.upgrade(made[name])
        _truncate_postgres(made[name])
        return made[name]

    return make


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = Database(db_url)
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with the smallest cost, so that creating many test users stays fast."""
    from argon2 import PasswordHasher

    from mekongx.accounts import passwords

    monkeypatch.setattr(
        passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
