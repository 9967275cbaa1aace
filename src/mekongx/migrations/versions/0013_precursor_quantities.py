"""precursors: quantities with their unit and concentration; Form D and notification fields

Revision ID: 0013_precursor_quantities
Revises: 0004_precursors
Create Date: 2026-12-02 19:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_precursor_quantities"
down_revision: str | None = "0004_precursors"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("precursor_incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quantity", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("unit", sa.String(length=8), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("concentration_pct", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("preparation", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("origin_country", sa.String(length=2), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("provenance_country", sa.String(length=2), nullable=False, server_default="")
        )
    # Existing incidents were entered in kilograms.
    op.execute(
        "UPDATE precursor_incidents SET quantity = quantity_kg, unit = 'kg' "
        "WHERE quantity_kg IS NOT NULL"
    )
    with op.batch_alter_table("precursor_notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quantity", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("unit", sa.String(length=8), nullable=False, server_default="kg")
        )
        batch_op.add_column(sa.Column("concentration_pct", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("preparation", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("packaging", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("transport_mode", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("transit_countries", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("import_permit", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("legal_basis", sa.String(length=32), nullable=False, server_default="")
        )
    op.execute("UPDATE precursor_notifications SET quantity = quantity_kg, unit = 'kg'")
    with op.batch_alter_table("precursor_shipments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quantity", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("unit", sa.String(length=8), nullable=False, server_default="kg")
        )
    op.execute("UPDATE precursor_shipments SET quantity = quantity_kg, unit = 'kg'")


def downgrade() -> None:
    with op.batch_alter_table("precursor_shipments", schema=None) as batch_op:
        batch_op.drop_column("unit")
        batch_op.drop_column("quantity")
    with op.batch_alter_table("precursor_notifications", schema=None) as batch_op:
        for name in (
            "legal_basis",
            "import_permit",
            "transit_countries",
            "transport_mode",
            "packaging",
            "preparation",
            "concentration_pct",
            "unit",
            "quantity",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("precursor_incidents", schema=None) as batch_op:
        for name in (
            "provenance_country",
            "origin_country",
            "preparation",
            "concentration_pct",
            "unit",
            "quantity",
        ):
            batch_op.drop_column(name)
