"""prevention: programme and indicator names in Lao, Burmese, Khmer and Vietnamese beside Thai,
Chinese and English (empty for the records before)

Revision ID: 0028_prevention_languages
Revises: 0021_prevention
Create Date: 2026-12-03 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028_prevention_languages"
down_revision: str | None = "0021_prevention"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LANGS = ("lo", "my", "km", "vi")
TABLES = ("prev_programmes", "prev_indicators")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for lang in LANGS:
                batch.add_column(
                    sa.Column(
                        f"name_{lang}", sa.String(length=300), nullable=False, server_default=""
                    )
                )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for lang in LANGS:
                batch.drop_column(f"name_{lang}")
