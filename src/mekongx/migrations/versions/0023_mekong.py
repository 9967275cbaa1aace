"""mekong: Safe Mekong joint operations and Mekong joint patrols

Revision ID: 0023_mekong
Revises: 0001
Create Date: 2026-12-03 05:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_mekong"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("mekong",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mekong_operations",
        sa.Column("activity", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("phases", sa.Text(), nullable=False),
        sa.Column("countries", sa.String(length=40), nullable=False),
        sa.Column("units", sa.Text(), nullable=False),
        sa.Column("route", sa.Text(), nullable=False),
        sa.Column("targets", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("seizures", sa.Text(), nullable=False),
        sa.Column("received_from", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("distribution", sa.String(length=8), nullable=False),
        sa.Column("handling_code", sa.String(length=2), nullable=False),
        sa.Column("handling_note", sa.Text(), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.Column("origin_agency", sa.String(length=16), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("sharing_group", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name=op.f("fk_mekong_operations_author_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["origin_agency"], ["agencies.code"],
                                name=op.f("fk_mekong_operations_origin_agency_agencies"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["sharing_group"], ["sharing_groups.code"],
                                name=op.f("fk_mekong_operations_sharing_group_sharing_groups"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mekong_operations")),
        sa.UniqueConstraint("uid", name=op.f("uq_mekong_operations_uid")),
    )  # fmt: skip
    with op.batch_alter_table("mekong_operations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mekong_operations_origin_agency"), ["origin_agency"], unique=False)  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("mekong_operations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mekong_operations_origin_agency"))
    op.drop_table("mekong_operations")
