"""ports: an examination's seizure report in the seizures area

Revision ID: 0023_ports_seizure
Revises: 0021_ports
Create Date: 2026-12-03 05:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_ports_seizure"
down_revision: str | None = "0021_ports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("port_examinations") as batch:
        batch.add_column(
            sa.Column("seizure_uid", sa.String(length=36), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("port_examinations") as batch:
        batch.drop_column("seizure_uid")
