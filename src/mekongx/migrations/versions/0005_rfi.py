"""requests for information: requests, requested agencies, thread messages, bilateral deadlines

Revision ID: 0005_rfi
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_rfi"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = ("rfi",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rfi_agreements",
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("reminder_percent", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["agencies.code"],
            name=op.f("fk_rfi_agreements_agency_code_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agency_code", "urgency", name=op.f("pk_rfi_agreements")),
    )
    op.create_table(
        "rfi_requests",
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_from", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("distribution", sa.String(length=8), nullable=False),
        sa.Column("handling_code", sa.String(length=2), nullable=False),
        sa.Column("handling_note", sa.Text(), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.Column("origin_agency", sa.String(length=16), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("sharing_group", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_rfi_requests_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_rfi_requests_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sharing_group"],
            ["sharing_groups.code"],
            name=op.f("fk_rfi_requests_sharing_group_sharing_groups"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rfi_requests")),
        sa.UniqueConstraint("uid", name=op.f("uq_rfi_requests_uid")),
    )
    with op.batch_alter_table("rfi_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rfi_requests_deadline"), ["deadline"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rfi_requests_origin_agency"), ["origin_agency"], unique=False
        )

    op.create_table(
        "rfi_messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("rfi_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("from_agency", sa.String(length=16), nullable=False),
        sa.Column("to_agency", sa.String(length=16), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("envelope_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["rfi_id"],
            ["rfi_requests.id"],
            name=op.f("fk_rfi_messages_rfi_id_rfi_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rfi_messages")),
        sa.UniqueConstraint("uid", name=op.f("uq_rfi_messages_uid")),
    )
    with op.batch_alter_table("rfi_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rfi_messages_rfi_id"), ["rfi_id"], unique=False)

    op.create_table(
        "rfi_parties",
        sa.Column("rfi_id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("remind_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rfi_id"],
            ["rfi_requests.id"],
            name=op.f("fk_rfi_parties_rfi_id_rfi_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("rfi_id", "agency_code", name=op.f("pk_rfi_parties")),
    )
    with op.batch_alter_table("rfi_parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rfi_parties_deadline"), ["deadline"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rfi_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rfi_parties_deadline"))

    op.drop_table("rfi_parties")
    with op.batch_alter_table("rfi_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rfi_messages_rfi_id"))

    op.drop_table("rfi_messages")
    with op.batch_alter_table("rfi_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rfi_requests_origin_agency"))
        batch_op.drop_index(batch_op.f("ix_rfi_requests_deadline"))

    op.drop_table("rfi_requests")
    op.drop_table("rfi_agreements")
