"""The outbox's pending envelopes of one link, in sequence order, from an index.

Without it, finding a link's next batch walked the (to_agency, seq) index past every envelope
already sent, so sending slowed down as the outbox grew.

Revision ID: 0008
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = ("outbox",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_federation_outbox_link_pending", "federation_outbox", ["to_agency", "status", "seq"]
    )


def downgrade() -> None:
    op.drop_index("ix_federation_outbox_link_pending", table_name="federation_outbox")
