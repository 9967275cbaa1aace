"""ports: an index for the day's ranked list (arrival day, score, id)

Revision ID: 0027_ports_day_rank
Revises: 0023_ports_seizure
Create Date: 2026-12-03 15:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0027_ports_day_rank"
down_revision: str | None = "0023_ports_seizure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_port_containers_day_rank", "port_containers", ["arrival_on", "score", "id"])


def downgrade() -> None:
    op.drop_index("ix_port_containers_day_rank", table_name="port_containers")
