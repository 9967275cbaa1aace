"""review: approval requests of every area (release, review, publish by a second person)

Revision ID: 0015_review
Revises: 0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_review"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("review",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("editor", sa.String(length=64), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("proposal", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_requests")),
    )
    with op.batch_alter_table("review_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_requests_agency"), ["agency"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_review_requests_record_uid"), ["record_uid"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_review_requests_status"), ["status"], unique=False)


def downgrade() -> None:
    op.drop_table("review_requests")
