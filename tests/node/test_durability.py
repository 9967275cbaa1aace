"""The node's database connections. A commit that hands out a sequence number (the outbox) or
records a receipt (the inbox) is on disk before it is acknowledged, so a power loss cannot rewind
a link (issue 22 §4); SQLite's connections keep a page cache fit for a million records, and
PostgreSQL ends a transaction left idle (issue 21)."""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from mekongx.audit.log import hold_chain
from mekongx.db import Database, is_sqlite
from mekongx.db.engine import READING_THREADS, SQLITE_CACHE_MIB
from mekongx.settings import Settings


def test_writer_transactions_are_durable_before_commit_returns(database: Database) -> None:
    with database.write() as session:
        if is_sqlite(database.url):
            # 2 = FULL: the WAL is synced at every commit (NORMAL, 1, may lose the last ones).
            assert session.execute(text("PRAGMA synchronous")).scalar() == 2
        else:
            assert session.execute(text("SHOW synchronous_commit")).scalar() == "on"


def test_sqlite_connections_keep_a_page_cache_of_the_set_size(tmp_path: Path) -> None:
    # SQLite's default (2 MiB a connection) re-read an area's index and the recipients' table
    # from the operating system on every list at a million records (issue 21)
    url = f"sqlite:///{tmp_path / 'cache.db'}"
    for database, kib in ((Database(url), SQLITE_CACHE_MIB * 1024),
                          (Database(url, sqlite_cache_mib=64), 64 * 1024)):  # fmt: skip
        with database.write() as writer, database.read() as reader:
            for session in (writer, reader):
                assert session.execute(text("PRAGMA cache_size")).scalar() == -kib
    assert SQLITE_CACHE_MIB >= 8  # the pages of the lists measured at a million records
    assert Settings(sqlite_cache_mib=32).sqlite_cache_mib == 32


def test_postgresql_ends_a_transaction_left_idle_and_frees_the_chain(db_url: str) -> None:
    # a request stuck inside a change (which holds the audit chain's head to its commit) would
    # otherwise hold up every writer of the node until it was killed by hand (issue 21)
    if is_sqlite(db_url):
        pytest.skip("SQLite: no server to end a transaction; a writer holds the one lock anyway")
    stuck_db, other_db = Database(db_url, idle_transaction_seconds=1), Database(db_url)
    try:
        with other_db.write() as session:
            shown = session.execute(text("SHOW idle_in_transaction_session_timeout")).scalar()
            assert shown == "10min"
        with pytest.raises(DBAPIError, match="idle"), stuck_db.write() as stuck:
            hold_chain(stuck)
            started = time.monotonic()
            with other_db.write() as other:  # waits for the head, the stuck one idle meanwhile
                other.execute(text("SET LOCAL lock_timeout = '15s'"))  # not for ever if broken
                hold_chain(other)
            waited = time.monotonic() - started
            stuck.execute(text("SELECT 1"))  # its session was ended
        assert 0.8 < waited < 15
        with stuck_db.write() as again:  # the pool replaces the connection the server closed
            assert again.execute(text("SELECT 1")).scalar() == 1
    finally:
        stuck_db.dispose()
        other_db.dispose()


def test_sqlite_keeps_a_warm_reading_connection_per_request_thread(tmp_path: Path) -> None:
    # a connection beyond the pool's size is closed when given back, and its warm page cache with
    # it: under 32 clients a search opened 59 connections in a few seconds (issue 21)
    database = Database(f"sqlite:///{tmp_path / 'pool.db'}")
    opened: list[object] = []
    event.listen(database.read_engine, "connect", lambda *_: opened.append(1))
    try:
        for _round in range(2):
            with ExitStack() as stack:  # as many readers at once as request threads
                for _ in range(READING_THREADS):
                    stack.enter_context(database.read()).execute(text("SELECT 1"))
        assert len(opened) == READING_THREADS  # the second round opened none
        used = set()
        for _ in range(3):  # one request at a time: the connection given back last, warm
            with database.read() as session:
                used.add(id(session.connection().connection.dbapi_connection))
        assert len(used) == 1
    finally:
        database.dispose()
