"""intel: the thread of a report between its originator and each holder; who wrote each version

Revision ID: 0015_intel_thread
Revises: 0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_intel_thread"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("intel",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("intel_reports", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("edited_by", sa.String(length=64), server_default="", nullable=False)
        )
    op.create_table(
        "intel_report_messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("report_uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_agency", sa.String(length=16), nullable=False),
        sa.Column("to_agency", sa.String(length=16), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("onward", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intel_report_messages")),
        sa.UniqueConstraint("uid", name=op.f("uq_intel_report_messages_uid")),
    )
    with op.batch_alter_table("intel_report_messages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_intel_report_messages_report_uid"), ["report_uid"], unique=False
        )


def downgrade() -> None:
    op.drop_table("intel_report_messages")
    with op.batch_alter_table("intel_reports", schema=None) as batch_op:
        batch_op.drop_column("edited_by")
