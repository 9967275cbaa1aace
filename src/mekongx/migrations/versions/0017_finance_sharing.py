"""finance: asset-sharing agreements, and the agreement and amount applied to a shared asset

Revision ID: 0017_finance_sharing
Revises: 0016_finance
Create Date: 2026-12-03 00:12:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_finance_sharing"
down_revision: str | None = "0016_finance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fin_sharing_agreements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("partner_percent", sa.Float(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_sharing_agreements")),
        sa.UniqueConstraint("uid", name=op.f("uq_fin_sharing_agreements_uid")),
    )
    with op.batch_alter_table("fin_sharing_agreements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fin_sharing_agreements_country"), ["country"], unique=False
        )
    with op.batch_alter_table("fin_asset_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("share_amount", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("agreement_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_fin_asset_events_agreement_id_fin_sharing_agreements"),
            "fin_sharing_agreements",
            ["agreement_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("fin_asset_events", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_fin_asset_events_agreement_id_fin_sharing_agreements"),
            type_="foreignkey",
        )
        batch_op.drop_column("agreement_id")
        batch_op.drop_column("share_amount")
    op.drop_table("fin_sharing_agreements")
