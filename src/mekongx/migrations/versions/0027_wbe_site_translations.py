"""wbe: treatment plants' and cities' names translated into the node's languages
(``translations``, JSON, "{}" for the sites before)

Revision ID: 0027_wbe_site_translations
Revises: 0014_wbe
Create Date: 2026-12-03 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_wbe_site_translations"
down_revision: str | None = "0014_wbe"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("wbe_sites") as batch:
        batch.add_column(sa.Column("translations", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("wbe_sites") as batch:
        batch.drop_column("translations")
