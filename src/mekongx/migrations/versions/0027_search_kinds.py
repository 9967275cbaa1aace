"""SQLite: the full-text index rebuilt with each document's kind as a word of the index, so a
search of one kind (reports) no longer reads the stored row of every newer document of another
kind (seizures) to skip it. PostgreSQL's index is unchanged (its kind is an ordinary column of
the row that the search probes by uid).

Revision ID: 0027_search_kinds
Revises: 0007
Create Date: 2026-12-03 15:00:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from mekongx.db.fts import SQLITE_DDL

revision: str = "0027_search_kinds"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# before: the kind stored beside each document, not indexed (0001)
KIND_STORED = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "uid UNINDEXED, kind UNINDEXED, body, tokenize='unicode61')"
)


def upgrade() -> None:
    _rebuild(SQLITE_DDL)  # the kind a word of the index (see mekongx.db.fts)


def downgrade() -> None:
    _rebuild(KIND_STORED)


def _rebuild(ddl: str) -> None:
    """Copy every document, with its number (rowid), into the index made by ``ddl``, then merge
    the new index's segments into one (what a search reads per word)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    current = bind.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'")
    ).scalar()
    if current == ddl:  # a database created by 0001 since this revision
        return
    op.execute("ALTER TABLE search_index RENAME TO search_index_old")
    op.execute(ddl)
    op.execute(
        "INSERT INTO search_index (rowid, uid, kind, body) "
        "SELECT rowid, uid, kind, body FROM search_index_old"
    )
    op.execute("DROP TABLE search_index_old")
    op.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
