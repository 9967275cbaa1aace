"""mekong: joint operations and plan actions can be retracted (status, reason); which agency
keeps each plan on this node

Revision ID: 0026_mekong_changes
Revises: 0024_mekong_plan
Create Date: 2026-12-03 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_mekong_changes"
down_revision: str | None = "0024_mekong_plan"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("mekong_operations", "mekong_plan_actions")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="active"))  # fmt: skip
            batch.add_column(sa.Column("status_note", sa.Text(), nullable=False, server_default=""))  # fmt: skip
    op.create_table(
        "mekong_plan_keepers",
        sa.Column("plan", sa.String(length=40), nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("named_by", sa.String(length=200), nullable=False),
        sa.Column("named_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("plan"),
    )
    # a node that holds actions already: the agency whose action it holds first keeps the plan
    op.execute(
        """
        INSERT INTO mekong_plan_keepers (plan, agency_code, named_by, named_at)
        SELECT a.plan, a.origin_agency, 'first action held', CURRENT_TIMESTAMP
        FROM mekong_plan_actions a
        WHERE a.id = (SELECT MIN(b.id) FROM mekong_plan_actions b WHERE b.plan = a.plan)
        """
    )


def downgrade() -> None:
    op.drop_table("mekong_plan_keepers")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("status_note")
            batch.drop_column("status")
