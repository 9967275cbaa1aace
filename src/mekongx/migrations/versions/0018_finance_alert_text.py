"""finance: an alert keeps its explanation's message code and figures, to show it in the reader's
language

Revision ID: 0018_finance_alert_text
Revises: 0017_finance_sharing
Create Date: 2026-12-03 00:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_finance_alert_text"
down_revision: str | None = "0017_finance_sharing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("fin_alerts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("explanation_code", sa.String(length=40), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("explanation_params", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("fin_alerts", schema=None) as batch_op:
        batch_op.drop_column("explanation_params")
        batch_op.drop_column("explanation_code")
