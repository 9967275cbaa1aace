"""SQLite: remember each full-text document's rowid, so replacing a document is not a full scan.

Revision ID: 0007
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

from mekongx.db.fts import SQLITE_ROWIDS_DDL

revision: str = "0007"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = ("search",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's search_index is keyed by uid already
    op.execute(SQLITE_ROWIDS_DDL)
    op.execute("INSERT INTO search_index_rowids (uid, doc) SELECT uid, rowid FROM search_index")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index_rowids")
