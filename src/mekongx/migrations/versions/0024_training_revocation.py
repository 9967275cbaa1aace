"""training: a certificate can be revoked (when, why, by whom); the officer's agency keeps the
revocation it is told of beside the statement

Revision ID: 0024_training_revocation
Revises: 0023_training
Create Date: 2026-12-03 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_training_revocation"
down_revision: str | None = "0023_training"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("training_certificates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("revoked_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("revoked_by", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("training_certificate_statements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revoked_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("revoked_reason", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("training_certificate_statements", schema=None) as batch_op:
        batch_op.drop_column("revoked_reason")
        batch_op.drop_column("revoked_on")
    with op.batch_alter_table("training_certificates", schema=None) as batch_op:
        batch_op.drop_column("revoked_by")
        batch_op.drop_column("revoked_reason")
        batch_op.drop_column("revoked_at")
