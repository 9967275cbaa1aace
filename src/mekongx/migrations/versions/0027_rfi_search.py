"""rfi: a full-text document for every request already sent or received (the search box moves
from a LIKE over subject and question to the shared full-text index)

Revision ID: 0027_rfi_search
Revises: 0017_rfi_asset_requests
Create Date: 2026-12-03 15:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mekongx.domains.rfi.fulltext import document
from mekongx.migrations.fulltext import index_kind, remove_kind

revision: str = "0027_rfi_search"
down_revision: str | None = "0017_rfi_asset_requests"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # SQLite: the documents' rowids

KIND = "rfi"  # as the area writes them (domains.rfi.models.SEARCH_KIND)


def upgrade() -> None:
    requests = sa.table(
        "rfi_requests", sa.column("uid"), sa.column("subject"), sa.column("question")
    )
    found = op.get_bind().execute(sa.select(requests)).all()
    index_kind(KIND, ((r.uid, document(r.subject, r.question)) for r in found))


def downgrade() -> None:
    remove_kind(KIND)
