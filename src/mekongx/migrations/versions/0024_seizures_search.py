"""seizures: a full-text document for every seizure already recorded (search moves from a
LIKE over four columns to the shared full-text index)

Revision ID: 0024_seizures_search
Revises: 0022_seizures
Create Date: 2026-12-03 08:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from mekongx.db import fts
from mekongx.domains.seizures.fulltext import SEARCHED, document

revision: str = "0024_seizures_search"
down_revision: str | None = "0022_seizures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # SQLite: the documents' rowids

KIND = "seizure"  # as the area writes them (domains.seizures.models.SEARCH_KIND)


def upgrade() -> None:
    bind = op.get_bind()
    session = Session(bind=bind)
    seizures = sa.table("seizures", sa.column("uid"), sa.column("status"),
                        *(sa.column(name) for name in SEARCHED))  # fmt: skip
    query = sa.select(seizures).where(seizures.c.status == "active")
    rows = [dict(row) for row in bind.execute(query).mappings()]
    fts.index_all(session, KIND, ((row["uid"], document(row)) for row in rows))
    session.flush()


def downgrade() -> None:
    session = Session(bind=op.get_bind())
    fts.remove_kind(session, KIND)
    session.flush()
