"""financial investigations: cases, transactions, imports, alerts, assets and their events

Revision ID: 0016_finance
Revises: 0001
Create Date: 2026-12-02 20:09:43.601354
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_finance"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("finance",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "fin_cases",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("base_currency", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
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
            name=op.f("fk_fin_cases_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_fin_cases_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sharing_group"],
            ["sharing_groups.code"],
            name=op.f("fk_fin_cases_sharing_group_sharing_groups"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_cases")),
        sa.UniqueConstraint("uid", name=op.f("uq_fin_cases_uid")),
    )
    with op.batch_alter_table("fin_cases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fin_cases_origin_agency"), ["origin_agency"], unique=False
        )

    op.create_table(
        "fin_alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("alert_key", sa.String(length=40), nullable=False),
        sa.Column("typology", sa.String(length=24), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("transaction_ids", sa.Text(), nullable=False),
        sa.Column("accounts", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=64), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["fin_cases.id"],
            name=op.f("fk_fin_alerts_case_id_fin_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_alerts")),
        sa.UniqueConstraint("case_id", "alert_key", name=op.f("uq_fin_alerts_case_id")),
    )
    with op.batch_alter_table("fin_alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fin_alerts_case_id"), ["case_id"], unique=False)

    op.create_table(
        "fin_assets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("valued_on", sa.Date(), nullable=False),
        sa.Column("custodian", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("order_expires", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["fin_cases.id"],
            name=op.f("fk_fin_assets_case_id_fin_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_assets")),
        sa.UniqueConstraint("uid", name=op.f("uq_fin_assets_uid")),
    )
    with op.batch_alter_table("fin_assets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fin_assets_case_id"), ["case_id"], unique=False)

    op.create_table(
        "fin_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["fin_cases.id"],
            name=op.f("fk_fin_imports_case_id_fin_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_imports")),
    )
    with op.batch_alter_table("fin_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fin_imports_case_id"), ["case_id"], unique=False)

    op.create_table(
        "fin_asset_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("order_number", sa.String(length=100), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("custodian", sa.String(length=200), nullable=False),
        sa.Column("share_country", sa.String(length=2), nullable=False),
        sa.Column("share_percent", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["fin_assets.id"],
            name=op.f("fk_fin_asset_events_asset_id_fin_assets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_asset_events")),
    )
    with op.batch_alter_table("fin_asset_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fin_asset_events_asset_id"), ["asset_id"], unique=False
        )

    op.create_table(
        "fin_transactions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("txid", sa.String(length=120), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("src", sa.String(length=200), nullable=False),
        sa.Column("dst", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_base", sa.Float(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("src_country", sa.String(length=2), nullable=False),
        sa.Column("dst_country", sa.String(length=2), nullable=False),
        sa.Column("branch", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["fin_cases.id"],
            name=op.f("fk_fin_transactions_case_id_fin_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["fin_imports.id"],
            name=op.f("fk_fin_transactions_import_id_fin_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fin_transactions")),
        sa.UniqueConstraint("case_id", "txid", name=op.f("uq_fin_transactions_case_id")),
    )
    with op.batch_alter_table("fin_transactions", schema=None) as batch_op:
        batch_op.create_index("ix_fin_transactions_case_ts", ["case_id", "ts"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_fin_transactions_import_id"), ["import_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("fin_transactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fin_transactions_import_id"))
        batch_op.drop_index("ix_fin_transactions_case_ts")

    op.drop_table("fin_transactions")
    with op.batch_alter_table("fin_asset_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fin_asset_events_asset_id"))

    op.drop_table("fin_asset_events")
    with op.batch_alter_table("fin_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fin_imports_case_id"))

    op.drop_table("fin_imports")
    with op.batch_alter_table("fin_assets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fin_assets_case_id"))

    op.drop_table("fin_assets")
    with op.batch_alter_table("fin_alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fin_alerts_case_id"))

    op.drop_table("fin_alerts")
    with op.batch_alter_table("fin_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fin_cases_origin_agency"))

    op.drop_table("fin_cases")
