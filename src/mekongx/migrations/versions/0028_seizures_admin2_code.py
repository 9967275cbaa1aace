"""seizures: the district's code where the reference has a coded list (``admin2_code``; "" for
the seizures before, which keep their district as written)

Revision ID: 0028_seizures_admin2_code
Revises: 0001 (depends on 0022_seizures)
Create Date: 2026-12-03 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028_seizures_admin2_code"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("seizures_admin2_code",)
depends_on: str | Sequence[str] | None = ("0022_seizures",)  # a branch of its own, as
# 0025_seizure_totals: the seizures branch can be taken back to 0022 (a test of its search
# migration does) and the rows still read


def upgrade() -> None:
    with op.batch_alter_table("seizures") as batch:
        batch.add_column(sa.Column("admin2_code", sa.String(8), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("seizures") as batch:
        batch.drop_column("admin2_code")
