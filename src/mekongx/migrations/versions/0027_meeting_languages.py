"""meetings: series names, places, delegates, agenda items, resolutions and actions in Lao,
Burmese, Khmer and Vietnamese beside Thai, Chinese and English (empty for meetings before)

The minutes' canonical form leaves these four out where they are empty, so the digests and
signatures of minutes approved before this revision stay valid.

Revision ID: 0027_meeting_languages
Revises: 0017_meetings
Create Date: 2026-12-03 14:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_meeting_languages"
down_revision: str | None = "0017_meetings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LANGS = ("lo", "my", "km", "vi")
# table -> (field, length; None for Text)
FIELDS: dict[str, tuple[tuple[str, int | None], ...]] = {
    "meeting_series": (("name", 300),),
    "meetings": (("place", 300),),
    "meeting_delegates": (("name", 200), ("title", 400)),
    "meeting_agenda_items": (("title", 500), ("summary", None)),
    "meeting_resolutions": (("text", None),),
    "meeting_actions": (("title", 500),),
}


def upgrade() -> None:
    for table, fields in FIELDS.items():
        with op.batch_alter_table(table) as batch:
            for field, length in fields:
                kind = sa.Text() if length is None else sa.String(length=length)
                for lang in LANGS:
                    batch.add_column(
                        sa.Column(f"{field}_{lang}", kind, nullable=False, server_default="")
                    )


def downgrade() -> None:
    for table, fields in FIELDS.items():
        with op.batch_alter_table(table) as batch:
            for field, _length in fields:
                for lang in LANGS:
                    batch.drop_column(f"{field}_{lang}")
