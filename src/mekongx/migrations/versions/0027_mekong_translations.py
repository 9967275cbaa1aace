"""mekong: joint operations' names and plan actions' lines and titles translated into the
node's other languages (``translations``, JSON, "{}" for the records before)

Revision ID: 0027_mekong_translations
Revises: 0026_mekong_changes
Create Date: 2026-12-03 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_mekong_translations"
down_revision: str | None = "0026_mekong_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("mekong_operations", "mekong_plan_actions")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("translations", sa.Text(), nullable=False, server_default="{}")
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("translations")
