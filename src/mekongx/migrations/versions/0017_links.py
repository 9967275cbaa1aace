"""Links that recover: ``federation_superseded`` keeps every sealed envelope that was replaced
before delivery (sealed again after a key change, renumbered by a sequence re-synchronisation,
skipped by an operator), as evidence.

Revision ID: 0017_links
Revises: 0012
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_links"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "federation_superseded",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("to_agency", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("envelope", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_federation_superseded")),
    )
    op.create_index(
        op.f("ix_federation_superseded_message_id"), "federation_superseded", ["message_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_federation_superseded_message_id"), table_name="federation_superseded")
    op.drop_table("federation_superseded")
