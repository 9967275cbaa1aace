"""precursors: a partial index of the open notifications by deadline (the overdue check)

Revision ID: 0027_precursor_open_deadline
Revises: 0017_precursor_formd
Create Date: 2026-12-03 14:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_precursor_open_deadline"
down_revision: str | None = "0017_precursor_formd"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "state IN ('sent', 'acknowledged')"


def upgrade() -> None:
    op.create_index(
        "ix_precursor_notifications_open_deadline",
        "precursor_notifications",
        ["deadline_at"],
        unique=False,
        sqlite_where=sa.text(OPEN),
        postgresql_where=sa.text(OPEN),
    )


def downgrade() -> None:
    op.drop_index("ix_precursor_notifications_open_deadline", table_name="precursor_notifications")
