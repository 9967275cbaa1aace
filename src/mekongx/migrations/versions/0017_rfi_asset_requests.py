"""rfi: asset-tracing and freezing requests (purpose, legal basis, targets, the requester's case)
and files attached to requests and answers

Revision ID: 0017_rfi_asset_requests
Revises: 0005_rfi
Create Date: 2026-12-03 00:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_rfi_asset_requests"
down_revision: str | None = "0005_rfi"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rfi_requests", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("purpose", sa.String(length=20), nullable=False, server_default="information")
        )
        batch_op.add_column(
            sa.Column("legal_basis", sa.String(length=12), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("targets", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("case_uid", sa.String(length=36), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_rfi_requests_case_uid"), ["case_uid"], unique=False)
    op.create_table(
        "rfi_attachments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("rfi_id", sa.Integer(), nullable=False),
        sa.Column("message_uid", sa.String(length=36), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rfi_id"],
            ["rfi_requests.id"],
            name=op.f("fk_rfi_attachments_rfi_id_rfi_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rfi_attachments")),
        sa.UniqueConstraint("uid", name=op.f("uq_rfi_attachments_uid")),
    )
    with op.batch_alter_table("rfi_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rfi_attachments_rfi_id"), ["rfi_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rfi_attachments_message_uid"), ["message_uid"], unique=False
        )


def downgrade() -> None:
    op.drop_table("rfi_attachments")
    with op.batch_alter_table("rfi_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rfi_requests_case_uid"))
        batch_op.drop_column("case_uid")
        batch_op.drop_column("targets")
        batch_op.drop_column("legal_basis")
        batch_op.drop_column("purpose")
