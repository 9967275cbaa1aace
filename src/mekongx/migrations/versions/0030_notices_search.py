"""fugitives: a full-text document for every notice already held (the search box finds a
notice's names, warrant reference and document numbers in the shared full-text index instead of
reading the newest 5,000 notices)

Revision ID: 0030_notices_search
Revises: 0029_fugitive_hits_queue
Create Date: 2026-12-04 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mekongx.domains.fugitives.fulltext import SEARCHED, document
from mekongx.migrations.fulltext import index_kind, remove_kind

revision: str = "0030_notices_search"
down_revision: str | None = "0029_fugitive_hits_queue"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # SQLite: the documents' rowids

KIND = "fugitive_notice"  # as the area writes them (domains.fugitives.models.SEARCH_KIND)


def upgrade() -> None:
    notices = sa.table("fugitive_notices", sa.column("uid"),
                       *(sa.column(name) for name in SEARCHED))  # fmt: skip
    rows = op.get_bind().execute(sa.select(notices)).mappings()
    index_kind(KIND, ((row["uid"], document(dict(row))) for row in rows))


def downgrade() -> None:
    remove_kind(KIND)
