"""mekong: the Safe Mekong Joint Operation Plan's actions and each country's progress

Revision ID: 0024_mekong_plan
Revises: 0023_mekong
Create Date: 2026-12-03 07:50:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0024_mekong_plan"
down_revision: str | None = "0023_mekong"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _shared(table: str) -> list[Any]:
    return [
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
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name=op.f(f"fk_{table}_author_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["origin_agency"], ["agencies.code"],
                                name=op.f(f"fk_{table}_origin_agency_agencies"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["sharing_group"], ["sharing_groups.code"],
                                name=op.f(f"fk_{table}_sharing_group_sharing_groups"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("uid", name=op.f(f"uq_{table}_uid")),
    ]  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "mekong_plan_actions",
        sa.Column("plan", sa.String(length=40), nullable=False),
        sa.Column("line", sa.String(length=300), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("received_from", sa.String(length=16), nullable=False),
        *_shared("mekong_plan_actions"),
    )
    op.create_index(op.f("ix_mekong_plan_actions_origin_agency"), "mekong_plan_actions",
                    ["origin_agency"], unique=False)  # fmt: skip
    op.create_table(
        "mekong_plan_progress",
        sa.Column("action_uid", sa.String(length=36), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("received_from", sa.String(length=16), nullable=False),
        *_shared("mekong_plan_progress"),
    )
    op.create_index(op.f("ix_mekong_plan_progress_origin_agency"), "mekong_plan_progress",
                    ["origin_agency"], unique=False)  # fmt: skip
    op.create_index("ix_mekong_plan_progress_action_agency", "mekong_plan_progress",
                    ["action_uid", "origin_agency"], unique=True)  # fmt: skip


def downgrade() -> None:
    op.drop_table("mekong_plan_progress")
    op.drop_table("mekong_plan_actions")
