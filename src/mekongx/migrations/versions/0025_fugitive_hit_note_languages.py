"""fugitives: a confirmed hit's note keeps its language and the officer's translations of it

Revision ID: 0025_fugitive_hit_note_languages
Revises: 0006_fugitives
Create Date: 2026-12-03 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_fugitive_hit_note_languages"
down_revision: str | None = "0006_fugitives"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("fugitive_hit_alerts") as batch:
        batch.add_column(
            sa.Column("note_language", sa.String(length=8), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("note_translations", sa.Text(), nullable=False, server_default="{}")
        )


def downgrade() -> None:
    with op.batch_alter_table("fugitive_hit_alerts") as batch:
        batch.drop_column("note_translations")
        batch.drop_column("note_language")
