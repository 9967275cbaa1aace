"""precursors: method of illicit manufacture of an incident; annual legitimate requirements (Form D)

Revision ID: 0017_precursor_formd
Revises: 0013_precursor_quantities
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_precursor_formd"
down_revision: str | None = "0013_precursor_quantities"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("precursor_incidents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("manufacture_method", sa.String(length=40), nullable=False, server_default="")
        )
    op.create_table(
        "precursor_requirements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("substance_id", sa.String(length=64), nullable=False),
        sa.Column("preparation", sa.Boolean(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency"],
            ["agencies.code"],
            name=op.f("fk_precursor_requirements_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_requirements")),
        sa.UniqueConstraint(
            "agency",
            "year",
            "substance_id",
            "preparation",
            name=op.f("uq_precursor_requirements_agency"),
        ),
    )


def downgrade() -> None:
    op.drop_table("precursor_requirements")
    with op.batch_alter_table("precursor_incidents", schema=None) as batch_op:
        batch_op.drop_column("manufacture_method")
