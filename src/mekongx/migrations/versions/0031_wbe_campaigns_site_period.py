"""wbe: a site's campaigns read from two indexes that also decide their visibility, the latest
period first (site_id, period_start, id, ...) and the newest first (site_id, id, ...: the list's
total; it replaces ix_wbe_campaigns_site_id)

Revision ID: 0031_wbe_campaigns_site_period
Revises: 0027_wbe_site_translations
Create Date: 2026-12-05 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0031_wbe_campaigns_site_period"
down_revision: str | None = "0027_wbe_site_translations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VISIBILITY = ["origin_agency", "distribution", "sharing_group", "uid"]


def upgrade() -> None:
    op.create_index("ix_wbe_campaigns_site_period", "wbe_campaigns",
                    ["site_id", "period_start", "id", *VISIBILITY])  # fmt: skip
    op.create_index("ix_wbe_campaigns_site_newest", "wbe_campaigns", ["site_id", "id", *VISIBILITY])
    op.drop_index("ix_wbe_campaigns_site_id", table_name="wbe_campaigns")
    bind = op.get_bind()
    if (
        bind.dialect.name == "sqlite"
        and bind.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
    ):
        # a database whose statistics were gathered (ANALYZE) before these indexes: SQLite may
        # then take the one it knows nothing of for a statement the other serves (and sort);
        # with no statistics at all it chooses well
        op.execute("ANALYZE wbe_campaigns")


def downgrade() -> None:
    op.create_index("ix_wbe_campaigns_site_id", "wbe_campaigns", ["site_id"])
    op.drop_index("ix_wbe_campaigns_site_newest", table_name="wbe_campaigns")
    op.drop_index("ix_wbe_campaigns_site_period", table_name="wbe_campaigns")
