"""finance: a case's subjects, with their accounts and the notice or report that names them

Revision ID: 0019_finance_subjects
Revises: 0018_finance_alert_text
Create Date: 2026-12-03 01:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_finance_subjects"
down_revision: str | None = "0018_finance_alert_text"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fin_subjects",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("accounts", sa.Text(), nullable=False),
        sa.Column("ref_kind", sa.String(length=30), nullable=False),
        sa.Column("ref_uid", sa.String(length=36), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["fin_cases.id"],
            name=op.f("fk_fin_subjects_case_id_fin_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_subjects")),
        sa.UniqueConstraint("uid", name=op.f("uq_fin_subjects_uid")),
    )
    with op.batch_alter_table("fin_subjects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fin_subjects_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_table("fin_subjects")
