"""A commit that hands out a sequence number (the outbox) or records a receipt (the inbox) is on
disk before it is acknowledged, so a power loss cannot rewind a link (issue 22 §4)."""

from __future__ import annotations

from sqlalchemy import text

from mekongx.db import Database, is_sqlite


def test_writer_transactions_are_durable_before_commit_returns(database: Database) -> None:
    with database.write() as session:
        if is_sqlite(database.url):
            # 2 = FULL: the WAL is synced at every commit (NORMAL, 1, may lose the last ones).
            assert session.execute(text("PRAGMA synchronous")).scalar() == 2
        else:
            assert session.execute(text("SHOW synchronous_commit")).scalar() == "on"
