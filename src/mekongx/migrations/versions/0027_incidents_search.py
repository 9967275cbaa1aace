"""precursors: a full-text document for every incident already recorded (the search box moves
from a LIKE over title, place, substance and description to the shared full-text index)

Revision ID: 0027_incidents_search
Revises: 0017_precursor_formd
Create Date: 2026-12-03 15:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mekongx.domains.precursors.fulltext import SEARCHED, document
from mekongx.migrations.fulltext import index_kind, remove_kind

revision: str = "0027_incidents_search"
down_revision: str | None = "0017_precursor_formd"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # SQLite: the documents' rowids

KIND = "precursor_incident"  # as the area writes them (domains.precursors.models.SEARCH_KIND)


def upgrade() -> None:
    incidents = sa.table("precursor_incidents", sa.column("uid"),
                         *(sa.column(name) for name in SEARCHED))  # fmt: skip
    rows = [dict(row) for row in op.get_bind().execute(sa.select(incidents)).mappings()]
    index_kind(KIND, ((row["uid"], document(row)) for row in rows))


def downgrade() -> None:
    remove_kind(KIND)
