"""The exchange: peers, outbox, inbox, acknowledgements, refusals; report status and consents.

federation

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "federation_acks",
        sa.Column("ack_message_id", sa.String(length=36), nullable=False),
        sa.Column("of_message_id", sa.String(length=36), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("ack_message_id", name=op.f("pk_federation_acks")),
    )
    with op.batch_alter_table("federation_acks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_federation_acks_of_message_id"), ["of_message_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_federation_acks_record_uid"), ["record_uid"], unique=False
        )

    op.create_table(
        "federation_inbox",
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("from_agency", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("thread", sa.String(length=36), nullable=False),
        sa.Column("envelope", sa.Text(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_federation_inbox")),
        sa.UniqueConstraint("from_agency", "seq", name=op.f("uq_federation_inbox_from_agency")),
    )
    with op.batch_alter_table("federation_inbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_federation_inbox_record_uid"), ["record_uid"], unique=False
        )

    op.create_table(
        "federation_rejections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_sender", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_federation_rejections")),
    )
    op.create_table(
        "intel_forwarding_consents",
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("token", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("record_uid", "agency", name=op.f("pk_intel_forwarding_consents")),
    )
    op.create_table(
        "federation_peers",
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("endpoint", sa.String(length=500), nullable=False),
        sa.Column("sign_public", sa.String(length=100), nullable=False),
        sa.Column("enc_public", sa.String(length=100), nullable=False),
        sa.Column("prev_sign_public", sa.String(length=100), nullable=True),
        sa.Column("prev_enc_public", sa.String(length=100), nullable=True),
        sa.Column("prev_valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("confirmed_by", sa.String(length=64), nullable=False),
        sa.Column("tls_ca_pem", sa.Text(), nullable=False),
        sa.Column("next_out_seq", sa.Integer(), nullable=False),
        sa.Column("next_in_seq", sa.Integer(), nullable=False),
        sa.Column("last_delivery_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["agencies.code"],
            name=op.f("fk_federation_peers_agency_code_agencies"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("agency_code", name=op.f("pk_federation_peers")),
    )
    op.create_table(
        "federation_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("to_agency", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("thread", sa.String(length=36), nullable=False),
        sa.Column("header", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("envelope", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("receipt", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["to_agency"],
            ["federation_peers.agency_code"],
            name=op.f("fk_federation_outbox_to_agency_federation_peers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_federation_outbox")),
        sa.UniqueConstraint("message_id", name=op.f("uq_federation_outbox_message_id")),
        sa.UniqueConstraint("to_agency", "seq", name=op.f("uq_federation_outbox_to_agency")),
    )
    with op.batch_alter_table("federation_outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_federation_outbox_record_uid"), ["record_uid"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_federation_outbox_status"), ["status"], unique=False)

    with op.batch_alter_table("intel_reports", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=12), nullable=False, server_default="active")
        )
        batch_op.add_column(sa.Column("status_note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("received_from", sa.String(length=16), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("intel_reports", schema=None) as batch_op:
        batch_op.drop_column("received_from")
        batch_op.drop_column("status_note")
        batch_op.drop_column("status")

    with op.batch_alter_table("federation_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_federation_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_federation_outbox_record_uid"))

    op.drop_table("federation_outbox")
    op.drop_table("federation_peers")
    op.drop_table("intel_forwarding_consents")
    op.drop_table("federation_rejections")
    with op.batch_alter_table("federation_inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_federation_inbox_record_uid"))

    op.drop_table("federation_inbox")
    with op.batch_alter_table("federation_acks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_federation_acks_record_uid"))
        batch_op.drop_index(batch_op.f("ix_federation_acks_of_message_id"))

    op.drop_table("federation_acks")
