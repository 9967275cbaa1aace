"""ports: manifests, container risk profiles, profiling rules, examinations and alerts

Revision ID: 0021_ports
Revises: 0001
Create Date: 2026-12-03 04:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_ports"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("ports",)
depends_on: str | Sequence[str] | None = None


def _id(table: str) -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), autoincrement=True, nullable=False)


def upgrade() -> None:
    op.create_table(
        "port_mappings",
        _id("port_mappings"),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("delimiter", sa.String(length=1), nullable=False),
        sa.Column("date_format", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_mappings")),
        sa.UniqueConstraint("name", name=op.f("uq_port_mappings_name")),
    )
    op.create_table(
        "port_manifests",
        _id("port_manifests"),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("containers", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_manifests")),
        sa.UniqueConstraint("uid", name=op.f("uq_port_manifests_uid")),
    )
    op.create_index(op.f("ix_port_manifests_sha256"), "port_manifests", ["sha256"])
    op.create_table(
        "port_containers",
        _id("port_containers"),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("manifest_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=11), nullable=False),
        sa.Column("arrival_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("profiled_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["manifest_id"],
            ["port_manifests.id"],
            ondelete="CASCADE",
            name=op.f("fk_port_containers_manifest_id_port_manifests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_containers")),
        sa.UniqueConstraint("uid", name=op.f("uq_port_containers_uid")),
        sa.UniqueConstraint("manifest_id", "number", name="uq_port_containers_number"),
    )
    op.create_index(op.f("ix_port_containers_manifest_id"), "port_containers", ["manifest_id"])
    op.create_index(op.f("ix_port_containers_number"), "port_containers", ["number"])
    op.create_index(op.f("ix_port_containers_arrival_on"), "port_containers", ["arrival_on"])
    op.create_table(
        "port_lines",
        _id("port_lines"),
        sa.Column("manifest_id", sa.Integer(), nullable=False),
        sa.Column("container_id", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("line_key", sa.String(length=64), nullable=False),
        sa.Column("bill_of_lading", sa.String(length=40), nullable=False),
        sa.Column("shipper", sa.String(length=300), nullable=False),
        sa.Column("shipper_country", sa.String(length=2), nullable=False),
        sa.Column("consignee", sa.String(length=300), nullable=False),
        sa.Column("consignee_key", sa.String(length=300), nullable=False),
        sa.Column("consignee_address", sa.String(length=500), nullable=False),
        sa.Column("consignee_country", sa.String(length=2), nullable=False),
        sa.Column("notify_party", sa.String(length=300), nullable=False),
        sa.Column("forwarder", sa.String(length=300), nullable=False),
        sa.Column("goods", sa.Text(), nullable=False),
        sa.Column("hs_code", sa.String(length=12), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("packages", sa.Integer(), nullable=True),
        sa.Column("container", sa.String(length=11), nullable=False),
        sa.Column("size_type", sa.String(length=4), nullable=False),
        sa.Column("seal", sa.String(length=40), nullable=False),
        sa.Column("port_of_loading", sa.String(length=5), nullable=False),
        sa.Column("port_of_transshipment", sa.String(length=5), nullable=False),
        sa.Column("port_of_discharge", sa.String(length=5), nullable=False),
        sa.Column("vessel", sa.String(length=100), nullable=False),
        sa.Column("voyage", sa.String(length=20), nullable=False),
        sa.Column("loaded_on", sa.Date(), nullable=True),
        sa.Column("arrival_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["manifest_id"],
            ["port_manifests.id"],
            ondelete="CASCADE",
            name=op.f("fk_port_lines_manifest_id_port_manifests"),
        ),
        sa.ForeignKeyConstraint(
            ["container_id"],
            ["port_containers.id"],
            ondelete="CASCADE",
            name=op.f("fk_port_lines_container_id_port_containers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_lines")),
        sa.UniqueConstraint("bill_of_lading", "container", "line_key", name="uq_port_lines_key"),
    )
    op.create_index(op.f("ix_port_lines_manifest_id"), "port_lines", ["manifest_id"])
    op.create_index(op.f("ix_port_lines_container_id"), "port_lines", ["container_id"])
    op.create_index("ix_port_lines_consignee_key", "port_lines", ["consignee_key"])
    op.create_table(
        "port_rules",
        _id("port_rules"),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_by", sa.String(length=64), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_rules")),
        sa.UniqueConstraint("uid", name=op.f("uq_port_rules_uid")),
    )
    op.create_table(
        "port_hits",
        _id("port_hits"),
        sa.Column("container_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["container_id"],
            ["port_containers.id"],
            ondelete="CASCADE",
            name=op.f("fk_port_hits_container_id_port_containers"),
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["port_rules.id"],
            ondelete="RESTRICT",
            name=op.f("fk_port_hits_rule_id_port_rules"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_hits")),
    )
    op.create_index(op.f("ix_port_hits_container_id"), "port_hits", ["container_id"])
    op.create_index(op.f("ix_port_hits_rule_id"), "port_hits", ["rule_id"])
    op.create_table(
        "port_examinations",
        _id("port_examinations"),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("container_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("seized", sa.String(length=300), nullable=False),
        sa.Column("quantity_kg", sa.Float(), nullable=True),
        sa.Column("incident_uid", sa.String(length=36), nullable=False),
        sa.Column("examined_by", sa.String(length=64), nullable=False),
        sa.Column("examined_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["container_id"],
            ["port_containers.id"],
            ondelete="CASCADE",
            name=op.f("fk_port_examinations_container_id_port_containers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_examinations")),
        sa.UniqueConstraint("uid", name=op.f("uq_port_examinations_uid")),
        sa.UniqueConstraint("container_id", name=op.f("uq_port_examinations_container_id")),
    )
    op.create_table(
        "port_alerts",
        _id("port_alerts"),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("container_number", sa.String(length=11), nullable=False),
        sa.Column("from_agency", sa.String(length=16), nullable=False),
        sa.Column("to_agency", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("handling_code", sa.String(length=2), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_port_alerts")),
        sa.UniqueConstraint("uid", name=op.f("uq_port_alerts_uid")),
    )
    op.create_index(op.f("ix_port_alerts_container_number"), "port_alerts", ["container_number"])


def downgrade() -> None:
    for table in ("port_alerts", "port_examinations", "port_hits", "port_rules", "port_lines",
                  "port_containers", "port_manifests", "port_mappings"):  # fmt: skip
        op.drop_table(table)
