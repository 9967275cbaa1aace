"""seizures: a full-text document for every seizure already recorded (search moves from a
LIKE over four columns to the shared full-text index)

Revision ID: 0024_seizures_search
Revises: 0022_seizures
Create Date: 2026-12-03 08:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mekongx.domains.seizures.fulltext import SEARCHED, document
from mekongx.migrations.fulltext import index_kind, remove_kind

revision: str = "0024_seizures_search"
down_revision: str | None = "0022_seizures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # SQLite: the documents' rowids

KIND = "seizure"  # as the area writes them (domains.seizures.models.SEARCH_KIND)


def upgrade() -> None:
    bind = op.get_bind()
    seizures = sa.table("seizures", sa.column("uid"), sa.column("status"),
                        *(sa.column(name) for name in SEARCHED))  # fmt: skip
    query = sa.select(seizures).where(seizures.c.status == "active")
    rows = [dict(row) for row in bind.execute(query).mappings()]
    index_kind(KIND, ((row["uid"], document(row)) for row in rows))


def downgrade() -> None:
    remove_kind(KIND)
