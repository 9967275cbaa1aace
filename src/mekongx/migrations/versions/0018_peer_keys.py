"""Every earlier key of a peer, and revocation.

``federation_peer_keys`` keeps each pair a peer rotated away from, accepted until the end of its
overlap unless an officer revoked it (``mekongx peers revoke``); the single previous pair of
``federation_peers`` (``prev_*``) moves there. ``federation_peers.keys_revoked_at``: the current
keys were revoked (nothing accepted or sealed to them until new keys are taken).

Revision ID: 0018_peer_keys
Revises: 0017_links
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_peer_keys"
down_revision: str | None = "0017_links"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "federation_peer_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("sign_public", sa.String(length=100), nullable=False),
        sa.Column("enc_public", sa.String(length=100), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["federation_peers.agency_code"],
            name=op.f("fk_federation_peer_keys_agency_code_federation_peers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_federation_peer_keys")),
    )
    op.create_index(
        op.f("ix_federation_peer_keys_agency_code"), "federation_peer_keys", ["agency_code"]
    )
    op.execute(
        "INSERT INTO federation_peer_keys (agency_code, sign_public, enc_public, valid_until, "
        "replaced_at, revoked_by) SELECT agency_code, prev_sign_public, prev_enc_public, "
        "prev_valid_until, prev_valid_until, '' FROM federation_peers "
        "WHERE prev_sign_public IS NOT NULL AND prev_enc_public IS NOT NULL "
        "AND prev_valid_until IS NOT NULL"
    )
    with op.batch_alter_table("federation_peers") as batch:
        batch.drop_column("prev_sign_public")
        batch.drop_column("prev_enc_public")
        batch.drop_column("prev_valid_until")
        batch.add_column(sa.Column("keys_revoked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("federation_peers") as batch:
        batch.drop_column("keys_revoked_at")
        batch.add_column(sa.Column("prev_sign_public", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("prev_enc_public", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("prev_valid_until", sa.DateTime(timezone=True), nullable=True))
    op.drop_index(op.f("ix_federation_peer_keys_agency_code"), table_name="federation_peer_keys")
    op.drop_table("federation_peer_keys")
