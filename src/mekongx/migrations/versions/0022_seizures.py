"""seizures: seizure reports of the Safe Mekong countries

Revision ID: 0022_seizures
Revises: 0001
Create Date: 2026-12-03 04:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_seizures"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("seizures",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "seizures",
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("seized_on", sa.Date(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("admin1", sa.String(length=8), nullable=False),
        sa.Column("admin2", sa.String(length=100), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("drug", sa.String(length=24), nullable=False),
        sa.Column("form", sa.String(length=100), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=16, scale=3), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("quantity_kg", sa.Numeric(precision=16, scale=3), nullable=True),
        sa.Column("tablets", sa.BigInteger(), nullable=True),
        sa.Column("purity", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("markings", sa.String(length=200), nullable=False),
        sa.Column("origin_country", sa.String(length=2), nullable=False),
        sa.Column("transit_countries", sa.String(length=64), nullable=False),
        sa.Column("destination_country", sa.String(length=2), nullable=False),
        sa.Column("conveyance", sa.String(length=12), nullable=False),
        sa.Column("concealment", sa.Text(), nullable=False),
        sa.Column("arrests", sa.Integer(), nullable=False),
        sa.Column("nationalities", sa.String(length=300), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
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
                                name=op.f("fk_seizures_author_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["origin_agency"], ["agencies.code"],
                                name=op.f("fk_seizures_origin_agency_agencies"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["sharing_group"], ["sharing_groups.code"],
                                name=op.f("fk_seizures_sharing_group_sharing_groups"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seizures")),
        sa.UniqueConstraint("uid", name=op.f("uq_seizures_uid")),
    )  # fmt: skip
    with op.batch_alter_table("seizures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_seizures_origin_agency"), ["origin_agency"], unique=False
        )
        batch_op.create_index(
            "ix_seizures_seized_on_drug_country", ["seized_on", "drug", "country"], unique=False
        )
        batch_op.create_index("ix_seizures_origin_reference", ["origin_agency", "reference"], unique=True)  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("seizures", schema=None) as batch_op:
        batch_op.drop_index("ix_seizures_origin_reference")
        batch_op.drop_index("ix_seizures_seized_on_drug_country")
        batch_op.drop_index(batch_op.f("ix_seizures_origin_agency"))
    op.drop_table("seizures")
