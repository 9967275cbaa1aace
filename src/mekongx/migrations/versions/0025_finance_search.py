"""finance: a full-text document for every case already opened (the search box moves from a
LIKE over title and summary to the shared full-text index)

Revision ID: 0025_finance_search
Revises: 0020_finance_mappings
Create Date: 2026-12-03 08:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mekongx.domains.finance.models import case_document
from mekongx.migrations.fulltext import index_kind, remove_kind

revision: str = "0025_finance_search"
down_revision: str | None = "0020_finance_mappings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # SQLite: the documents' rowids

KIND = "fin_case"  # as the area writes them (domains.finance.models.SEARCH_KIND)


def upgrade() -> None:
    cases = sa.table("fin_cases", sa.column("uid"), sa.column("title"), sa.column("summary"))
    found = op.get_bind().execute(sa.select(cases)).all()
    index_kind(KIND, ((c.uid, case_document(c.title, c.summary)) for c in found))


def downgrade() -> None:
    remove_kind(KIND)
