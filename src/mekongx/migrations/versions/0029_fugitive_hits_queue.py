"""fugitives: an index for the review queue's pages (status, probability, id)

Revision ID: 0029_fugitive_hits_queue
Revises: 0025_fugitive_hit_note_languages
Create Date: 2026-12-04 14:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0029_fugitive_hits_queue"
down_revision: str | None = "0025_fugitive_hit_note_languages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_fugitive_hits_queue", "fugitive_hits", ["status", "probability", "id"])


def downgrade() -> None:
    op.drop_index("ix_fugitive_hits_queue", table_name="fugitive_hits")
