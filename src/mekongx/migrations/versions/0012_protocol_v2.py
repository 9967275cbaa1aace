"""Exchange protocol version 2.

* Envelopes sealed for version 1 and not yet delivered are sealed again as version 2 by the
  delivery worker (their plaintext is still in the outbox): their stored envelope is cleared.
* ``intel_reports.origin_signature``: the originator's signed statement kept with a received
  copy and passed on with it.
* ``intel_onward_copies``: on the originating node, agencies a holder passed a report on to, so
  that a retraction reaches them even when the holder is offline.

Revision ID: 0012
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "UPDATE federation_outbox SET envelope = '' WHERE status = 'pending' AND payload <> ''"
    )
    with op.batch_alter_table("intel_reports") as batch:
        batch.add_column(
            sa.Column("origin_signature", sa.Text(), nullable=False, server_default="")
        )
    op.create_table(
        "intel_onward_copies",
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("record_uid", "agency", name=op.f("pk_intel_onward_copies")),
    )


def downgrade() -> None:
    op.drop_table("intel_onward_copies")
    with op.batch_alter_table("intel_reports") as batch:
        batch.drop_column("origin_signature")
