"""wastewater monitoring: sites, laboratories, campaigns, samples, measurements

Revision ID: 0003_wbe
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_wbe"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("wbe",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wbe_labs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("accreditation", sa.String(length=200), nullable=False),
        sa.Column("origin_agency", sa.String(length=16), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_wbe_labs_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wbe_labs")),
        sa.UniqueConstraint("uid", name=op.f("uq_wbe_labs_uid")),
    )
    with op.batch_alter_table("wbe_labs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wbe_labs_origin_agency"), ["origin_agency"], unique=False
        )

    op.create_table(
        "wbe_sites",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("plant", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("population_served", sa.Integer(), nullable=False),
        sa.Column("sewer_type", sa.String(length=16), nullable=False),
        sa.Column("origin_agency", sa.String(length=16), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_wbe_sites_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wbe_sites")),
        sa.UniqueConstraint("uid", name=op.f("uq_wbe_sites_uid")),
    )
    with op.batch_alter_table("wbe_sites", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wbe_sites_origin_agency"), ["origin_agency"], unique=False
        )

    op.create_table(
        "wbe_campaigns",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("lab_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("parameter_set", sa.String(length=120), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
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
            name=op.f("fk_wbe_campaigns_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lab_id"],
            ["wbe_labs.id"],
            name=op.f("fk_wbe_campaigns_lab_id_wbe_labs"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["origin_agency"],
            ["agencies.code"],
            name=op.f("fk_wbe_campaigns_origin_agency_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sharing_group"],
            ["sharing_groups.code"],
            name=op.f("fk_wbe_campaigns_sharing_group_sharing_groups"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["wbe_sites.id"],
            name=op.f("fk_wbe_campaigns_site_id_wbe_sites"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wbe_campaigns")),
        sa.UniqueConstraint("uid", name=op.f("uq_wbe_campaigns_uid")),
    )
    with op.batch_alter_table("wbe_campaigns", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wbe_campaigns_origin_agency"), ["origin_agency"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_wbe_campaigns_site_id"), ["site_id"], unique=False)

    op.create_table(
        "wbe_samples",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("sample_date", sa.Date(), nullable=False),
        sa.Column("flow_m3_d", sa.Float(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("sampling_mode", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["wbe_campaigns.id"],
            name=op.f("fk_wbe_samples_campaign_id_wbe_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wbe_samples")),
        sa.UniqueConstraint("campaign_id", "sample_date", name=op.f("uq_wbe_samples_campaign_id")),
    )
    with op.batch_alter_table("wbe_samples", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wbe_samples_campaign_id"), ["campaign_id"], unique=False
        )

    op.create_table(
        "wbe_measurements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("analyte", sa.String(length=16), nullable=False),
        sa.Column("concentration_ng_l", sa.Float(), nullable=True),
        sa.Column("censored", sa.Boolean(), nullable=False),
        sa.Column("loq_ng_l", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "(censored AND loq_ng_l IS NOT NULL AND concentration_ng_l IS NULL) OR (NOT censored AND concentration_ng_l IS NOT NULL)",
            name=op.f("ck_wbe_measurements_censored_has_loq"),
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["wbe_samples.id"],
            name=op.f("fk_wbe_measurements_sample_id_wbe_samples"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wbe_measurements")),
        sa.UniqueConstraint("sample_id", "analyte", name=op.f("uq_wbe_measurements_sample_id")),
    )
    with op.batch_alter_table("wbe_measurements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wbe_measurements_sample_id"), ["sample_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("wbe_measurements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wbe_measurements_sample_id"))

    op.drop_table("wbe_measurements")
    with op.batch_alter_table("wbe_samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wbe_samples_campaign_id"))

    op.drop_table("wbe_samples")
    with op.batch_alter_table("wbe_campaigns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wbe_campaigns_site_id"))
        batch_op.drop_index(batch_op.f("ix_wbe_campaigns_origin_agency"))

    op.drop_table("wbe_campaigns")
    with op.batch_alter_table("wbe_sites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wbe_sites_origin_agency"))

    op.drop_table("wbe_sites")
    with op.batch_alter_table("wbe_labs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wbe_labs_origin_agency"))

    op.drop_table("wbe_labs")
