"""wastewater: how a site's population was obtained, and marker calibrations per site

Revision ID: 0014_wbe
Revises: 0003_wbe
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_wbe"
down_revision: str | None = "0003_wbe"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("wbe_sites", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "population_method",
                sa.String(length=16),
                server_default="census",
                nullable=False,
            )
        )
    op.create_table(
        "wbe_calibrations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("marker", sa.String(length=8), nullable=False),
        sa.Column("per_capita_g_d", sa.Float(), nullable=False),
        sa.Column("reference", sa.String(length=8), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("rsd", sa.Float(), nullable=False),
        sa.Column("origin_agency", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_wbe_calibrations_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["wbe_sites.id"],
            name=op.f("fk_wbe_calibrations_site_id_wbe_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wbe_calibrations")),
        sa.UniqueConstraint("uid", name=op.f("uq_wbe_calibrations_uid")),
    )
    with op.batch_alter_table("wbe_calibrations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wbe_calibrations_origin_agency"), ["origin_agency"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_wbe_calibrations_site_id"), ["site_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("wbe_calibrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wbe_calibrations_site_id"))
        batch_op.drop_index(batch_op.f("ix_wbe_calibrations_origin_agency"))
    op.drop_table("wbe_calibrations")
    with op.batch_alter_table("wbe_sites", schema=None) as batch_op:
        batch_op.drop_column("population_method")
