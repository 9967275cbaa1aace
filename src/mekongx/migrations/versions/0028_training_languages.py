"""training: course titles in Lao, Burmese, Khmer and Vietnamese beside Thai, Chinese and English
(empty for the courses before)

Revision ID: 0028_training_languages
Revises: 0024_training_revocation
Create Date: 2026-12-03 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028_training_languages"
down_revision: str | None = "0024_training_revocation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LANGS = ("lo", "my", "km", "vi")


def upgrade() -> None:
    with op.batch_alter_table("training_courses") as batch:
        for lang in LANGS:
            batch.add_column(
                sa.Column(f"title_{lang}", sa.String(length=300), nullable=False, server_default="")
            )


def downgrade() -> None:
    with op.batch_alter_table("training_courses") as batch:
        for lang in LANGS:
            batch.drop_column(f"title_{lang}")
