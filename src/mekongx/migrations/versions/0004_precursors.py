"""precursors: national listings, screening runs, notifications, shipments, incidents

Revision ID: 0004_precursors
Revises: 0001
Create Date: 2026-11-26 04:47:31.082011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_precursors"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("precursors",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "precursor_listings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("substance_id", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("listed_on", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency"],
            ["agencies.code"],
            name=op.f("fk_precursor_listings_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_listings")),
    )
    with op.batch_alter_table("precursor_listings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_precursor_listings_substance_id"), ["substance_id"], unique=False
        )

    op.create_table(
        "precursor_incidents",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("substance_id", sa.String(length=64), nullable=False),
        sa.Column("substance_name", sa.String(length=300), nullable=False),
        sa.Column("quantity_kg", sa.Float(), nullable=True),
        sa.Column("diversion_method", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("notification_uid", sa.String(length=36), nullable=True),
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
            name=op.f("fk_precursor_incidents_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_precursor_incidents_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sharing_group"],
            ["sharing_groups.code"],
            name=op.f("fk_precursor_incidents_sharing_group_sharing_groups"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_incidents")),
        sa.UniqueConstraint("uid", name=op.f("uq_precursor_incidents_uid")),
    )
    with op.batch_alter_table("precursor_incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_precursor_incidents_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_precursor_incidents_origin_agency"), ["origin_agency"], unique=False
        )

    op.create_table(
        "precursor_notifications",
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("importer_agency", sa.String(length=16), nullable=False),
        sa.Column("exporter_name", sa.String(length=300), nullable=False),
        sa.Column("exporter_address", sa.Text(), nullable=False),
        sa.Column("importer_name", sa.String(length=300), nullable=False),
        sa.Column("importer_address", sa.Text(), nullable=False),
        sa.Column("consignee", sa.String(length=300), nullable=False),
        sa.Column("substance_id", sa.String(length=64), nullable=False),
        sa.Column("substance_name", sa.String(length=300), nullable=False),
        sa.Column("quantity_kg", sa.Float(), nullable=False),
        sa.Column("port_of_exit", sa.String(length=200), nullable=False),
        sa.Column("port_of_entry", sa.String(length=200), nullable=False),
        sa.Column("route", sa.Text(), nullable=False),
        sa.Column("expected_dispatch", sa.Date(), nullable=True),
        sa.Column("response_days", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer_note", sa.Text(), nullable=False),
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
            name=op.f("fk_precursor_notifications_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["importer_agency"],
            ["agencies.code"],
            name=op.f("fk_precursor_notifications_importer_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_precursor_notifications_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sharing_group"],
            ["sharing_groups.code"],
            name=op.f("fk_precursor_notifications_sharing_group_sharing_groups"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_notifications")),
        sa.UniqueConstraint("uid", name=op.f("uq_precursor_notifications_uid")),
    )
    with op.batch_alter_table("precursor_notifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_precursor_notifications_importer_agency"),
            ["importer_agency"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_precursor_notifications_origin_agency"), ["origin_agency"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_precursor_notifications_state"), ["state"], unique=False
        )

    op.create_table(
        "precursor_screenings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.Column("lines_read", sa.Integer(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("lines_hit", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency"],
            ["agencies.code"],
            name=op.f("fk_precursor_screenings_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_precursor_screenings_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_screenings")),
    )
    with op.batch_alter_table("precursor_screenings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_precursor_screenings_agency"), ["agency"], unique=False
        )

    op.create_table(
        "precursor_notification_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("notification_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_state", sa.String(length=24), nullable=False),
        sa.Column("to_state", sa.String(length=24), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["precursor_notifications.id"],
            name=op.f("fk_precursor_notification_events_notification_id_precursor_notifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_notification_events")),
    )
    with op.batch_alter_table("precursor_notification_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_precursor_notification_events_notification_id"),
            ["notification_id"],
            unique=False,
        )

    op.create_table(
        "precursor_screening_hits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.String(length=100), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("substance_id", sa.String(length=64), nullable=False),
        sa.Column("substance", sa.String(length=300), nullable=False),
        sa.Column("cas", sa.String(length=20), nullable=False),
        sa.Column("table", sa.String(length=16), nullable=False),
        sa.Column("match", sa.String(length=100), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=8), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["precursor_screenings.id"],
            name=op.f("fk_precursor_screening_hits_run_id_precursor_screenings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_screening_hits")),
    )
    with op.batch_alter_table("precursor_screening_hits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_precursor_screening_hits_run_id"), ["run_id"], unique=False
        )

    op.create_table(
        "precursor_screening_issues",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("column", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["precursor_screenings.id"],
            name=op.f("fk_precursor_screening_issues_run_id_precursor_screenings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_screening_issues")),
    )
    with op.batch_alter_table("precursor_screening_issues", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_precursor_screening_issues_run_id"), ["run_id"], unique=False
        )

    op.create_table(
        "precursor_shipments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("notification_id", sa.Integer(), nullable=False),
        sa.Column("shipped_on", sa.Date(), nullable=False),
        sa.Column("substance_id", sa.String(length=64), nullable=False),
        sa.Column("quantity_kg", sa.Float(), nullable=False),
        sa.Column("port_of_entry", sa.String(length=200), nullable=False),
        sa.Column("consignee", sa.String(length=300), nullable=False),
        sa.Column("discrepancies", sa.Text(), nullable=False),
        sa.Column("incident_uid", sa.String(length=36), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["precursor_notifications.id"],
            name=op.f("fk_precursor_shipments_notification_id_precursor_notifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_precursor_shipments")),
    )
    with op.batch_alter_table("precursor_shipments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_precursor_shipments_notification_id"), ["notification_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("precursor_shipments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_shipments_notification_id"))

    op.drop_table("precursor_shipments")
    with op.batch_alter_table("precursor_screening_issues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_screening_issues_run_id"))

    op.drop_table("precursor_screening_issues")
    with op.batch_alter_table("precursor_screening_hits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_screening_hits_run_id"))

    op.drop_table("precursor_screening_hits")
    with op.batch_alter_table("precursor_notification_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_notification_events_notification_id"))

    op.drop_table("precursor_notification_events")
    with op.batch_alter_table("precursor_screenings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_screenings_agency"))

    op.drop_table("precursor_screenings")
    with op.batch_alter_table("precursor_notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_notifications_state"))
        batch_op.drop_index(batch_op.f("ix_precursor_notifications_origin_agency"))
        batch_op.drop_index(batch_op.f("ix_precursor_notifications_importer_agency"))

    op.drop_table("precursor_notifications")
    with op.batch_alter_table("precursor_incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_incidents_origin_agency"))
        batch_op.drop_index(batch_op.f("ix_precursor_incidents_kind"))

    op.drop_table("precursor_incidents")
    with op.batch_alter_table("precursor_listings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_precursor_listings_substance_id"))

    op.drop_table("precursor_listings")
