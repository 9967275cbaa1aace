"""meetings: series, meetings, delegations, agenda, resolutions, actions, notes, evidence, comments, approvals

Revision ID: 0017_meetings
Revises: 0001
Create Date: 2026-12-03 00:06:36.087536
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_meetings"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("meetings",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meeting_series",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name_th", sa.String(length=300), nullable=False),
        sa.Column("name_zh", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("agencies", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_series")),
        sa.UniqueConstraint("code", name=op.f("uq_meeting_series_code")),
    )
    op.create_table(
        "meetings",
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("host_agency", sa.String(length=16), nullable=False),
        sa.Column("counterpart", sa.String(length=16), nullable=False),
        sa.Column("place_th", sa.String(length=300), nullable=False),
        sa.Column("place_zh", sa.String(length=300), nullable=False),
        sa.Column("place_en", sa.String(length=300), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("minutes_state", sa.String(length=12), nullable=False),
        sa.Column("minutes_version", sa.Integer(), nullable=False),
        sa.Column("minutes_digest", sa.String(length=64), nullable=False),
        sa.Column("sent_version", sa.Integer(), nullable=False),
        sa.Column("last_editor", sa.String(length=64), nullable=False),
        sa.Column("drafter", sa.String(length=64), nullable=False),
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
            name=op.f("fk_meetings_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_meetings_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_meetings_series_id_meeting_series"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sharing_group"],
            ["sharing_groups.code"],
            name=op.f("fk_meetings_sharing_group_sharing_groups"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint("series_id", "number", name=op.f("uq_meetings_series_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_meetings_uid")),
    )
    op.create_index(op.f("ix_meetings_origin_agency"), "meetings", ["origin_agency"], unique=False)
    op.create_index(op.f("ix_meetings_series_id"), "meetings", ["series_id"], unique=False)
    op.create_index(op.f("ix_meetings_starts_on"), "meetings", ["starts_on"], unique=False)

    op.create_table(
        "meeting_agenda_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title_th", sa.String(length=500), nullable=False),
        sa.Column("title_zh", sa.String(length=500), nullable=False),
        sa.Column("title_en", sa.String(length=500), nullable=False),
        sa.Column("summary_th", sa.Text(), nullable=False),
        sa.Column("summary_zh", sa.Text(), nullable=False),
        sa.Column("summary_en", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_agenda_items_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_agenda_items")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_agenda_items_uid")),
    )
    op.create_index(
        op.f("ix_meeting_agenda_items_meeting_id"),
        "meeting_agenda_items",
        ["meeting_id"],
        unique=False,
    )

    op.create_table(
        "meeting_approvals",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("minutes_version", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_approvals_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "agency_code", name=op.f("pk_meeting_approvals")),
    )
    op.create_table(
        "meeting_comments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_uid", sa.String(length=36), nullable=False),
        sa.Column("minutes_version", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_comments_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_comments")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_comments_uid")),
    )
    op.create_index(
        op.f("ix_meeting_comments_meeting_id"), "meeting_comments", ["meeting_id"], unique=False
    )

    op.create_table(
        "meeting_delegates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("title_th", sa.String(length=400), nullable=False),
        sa.Column("title_zh", sa.String(length=400), nullable=False),
        sa.Column("title_en", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_delegates_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_delegates")),
    )
    op.create_index(
        op.f("ix_meeting_delegates_meeting_id"), "meeting_delegates", ["meeting_id"], unique=False
    )

    op.create_table(
        "meeting_resolutions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text_th", sa.Text(), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["meeting_agenda_items.id"],
            name=op.f("fk_meeting_resolutions_item_id_meeting_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_resolutions_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_resolutions")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_resolutions_uid")),
    )
    op.create_index(
        op.f("ix_meeting_resolutions_item_id"), "meeting_resolutions", ["item_id"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_resolutions_meeting_id"),
        "meeting_resolutions",
        ["meeting_id"],
        unique=False,
    )

    op.create_table(
        "meeting_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("owner_agency", sa.String(length=16), nullable=False),
        sa.Column("counterpart_agency", sa.String(length=16), nullable=False),
        sa.Column("title_th", sa.String(length=500), nullable=False),
        sa.Column("title_zh", sa.String(length=500), nullable=False),
        sa.Column("title_en", sa.String(length=500), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_actions_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["meeting_resolutions.id"],
            name=op.f("fk_meeting_actions_resolution_id_meeting_resolutions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_actions")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_actions_uid")),
    )
    op.create_index(
        op.f("ix_meeting_actions_deadline"), "meeting_actions", ["deadline"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_actions_meeting_id"), "meeting_actions", ["meeting_id"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_actions_owner_agency"), "meeting_actions", ["owner_agency"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_actions_resolution_id"), "meeting_actions", ["resolution_id"], unique=False
    )

    op.create_table(
        "meeting_action_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["meeting_actions.id"],
            name=op.f("fk_meeting_action_notes_action_id_meeting_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_action_notes")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_action_notes_uid")),
    )
    op.create_index(
        op.f("ix_meeting_action_notes_action_id"),
        "meeting_action_notes",
        ["action_id"],
        unique=False,
    )

    op.create_table(
        "meeting_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["meeting_actions.id"],
            name=op.f("fk_meeting_evidence_action_id_meeting_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_evidence")),
        sa.UniqueConstraint(
            "action_id", "kind", "record_uid", name=op.f("uq_meeting_evidence_action_id")
        ),
    )
    op.create_index(
        op.f("ix_meeting_evidence_action_id"), "meeting_evidence", ["action_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_meeting_evidence_action_id"), table_name="meeting_evidence")

    op.drop_table("meeting_evidence")
    op.drop_index(op.f("ix_meeting_action_notes_action_id"), table_name="meeting_action_notes")

    op.drop_table("meeting_action_notes")
    op.drop_index(op.f("ix_meeting_actions_resolution_id"), table_name="meeting_actions")
    op.drop_index(op.f("ix_meeting_actions_owner_agency"), table_name="meeting_actions")
    op.drop_index(op.f("ix_meeting_actions_meeting_id"), table_name="meeting_actions")
    op.drop_index(op.f("ix_meeting_actions_deadline"), table_name="meeting_actions")

    op.drop_table("meeting_actions")
    op.drop_index(op.f("ix_meeting_resolutions_meeting_id"), table_name="meeting_resolutions")
    op.drop_index(op.f("ix_meeting_resolutions_item_id"), table_name="meeting_resolutions")

    op.drop_table("meeting_resolutions")
    op.drop_index(op.f("ix_meeting_delegates_meeting_id"), table_name="meeting_delegates")

    op.drop_table("meeting_delegates")
    op.drop_index(op.f("ix_meeting_comments_meeting_id"), table_name="meeting_comments")

    op.drop_table("meeting_comments")
    op.drop_table("meeting_approvals")
    op.drop_index(op.f("ix_meeting_agenda_items_meeting_id"), table_name="meeting_agenda_items")

    op.drop_table("meeting_agenda_items")
    op.drop_index(op.f("ix_meetings_starts_on"), table_name="meetings")
    op.drop_index(op.f("ix_meetings_series_id"), table_name="meetings")
    op.drop_index(op.f("ix_meetings_origin_agency"), table_name="meetings")

    op.drop_table("meetings")
    op.drop_table("meeting_series")
