"""agencies: the official name in the agency's own language (Lao, Burmese, Khmer, Vietnamese)

Revision ID: 0021_agency_local_names
Revises: 0001
Create Date: 2026-12-03 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_agency_local_names"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("agencies",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agencies") as batch:
        batch.add_column(
            sa.Column("name_local", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("agencies") as batch:
        batch.drop_column("name_local")
