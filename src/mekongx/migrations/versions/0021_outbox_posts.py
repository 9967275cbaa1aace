"""How many times each envelope was handed to the transport (``federation_outbox.posts``): an
envelope posted more than once was sent again because its receipt had not come back (the peer or
this node went down mid-delivery, or the answer was lost).

Revision ID: 0021_outbox_posts
Revises: 0018_peer_keys
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_outbox_posts"
down_revision: str | None = "0018_peer_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("federation_outbox") as batch:
        batch.add_column(sa.Column("posts", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("federation_outbox") as batch:
        batch.drop_column("posts")
