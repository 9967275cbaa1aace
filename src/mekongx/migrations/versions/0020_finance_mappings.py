"""finance: saved column mappings for transaction files

Revision ID: 0020_finance_mappings
Revises: 0019_finance_subjects
Create Date: 2026-12-03 01:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_finance_mappings"
down_revision: str | None = "0019_finance_subjects"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fin_mappings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("timestamp_format", sa.String(length=50), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("delimiter", sa.String(length=1), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_mappings")),
        sa.UniqueConstraint("name", name=op.f("uq_fin_mappings_name")),
    )


def downgrade() -> None:
    op.drop_table("fin_mappings")
