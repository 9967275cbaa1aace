"""meetings: a full-text document for every meeting already recorded (the search box moves from
an ILIKE over place, agenda items and resolutions in three languages to the shared full-text
index)

Revision ID: 0027_meetings_search
Revises: 0027_meeting_languages
Create Date: 2026-12-03 15:10:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from mekongx.domains.meetings.fulltext import document
from mekongx.i18n.texts import TEXT_LANGUAGES as LANGS
from mekongx.migrations.fulltext import index_kind, remove_kind

revision: str = "0027_meetings_search"
down_revision: str | None = "0027_meeting_languages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # SQLite: the documents' rowids

KIND = "meeting"  # as the area writes them (domains.meetings.models.SEARCH_KIND)


def _texts(name: str) -> list[Any]:
    return [sa.column(f"{name}_{c}") for c in LANGS]


def upgrade() -> None:
    bind = op.get_bind()
    meetings = sa.table("meetings", sa.column("id"), sa.column("uid"), *_texts("place"))
    items = sa.table("meeting_agenda_items", sa.column("id"), sa.column("meeting_id"),
                     sa.column("position"), *_texts("title"), *_texts("summary"))  # fmt: skip
    resolutions = sa.table("meeting_resolutions", sa.column("item_id"), sa.column("number"),
                           *_texts("text"))  # fmt: skip
    by_item: dict[int, list[dict[str, Any]]] = {}
    for row in bind.execute(sa.select(resolutions).order_by(resolutions.c.number)).mappings():
        by_item.setdefault(row["item_id"], []).append(dict(row))
    by_meeting: dict[int, list[dict[str, Any]]] = {}
    for row in bind.execute(sa.select(items).order_by(items.c.position)).mappings():
        item = {**row, "resolutions": by_item.get(row["id"], [])}
        by_meeting.setdefault(row["meeting_id"], []).append(item)
    found = [dict(row) for row in bind.execute(sa.select(meetings)).mappings()]
    documents = ((m["uid"], document({**m, "items": by_meeting.get(m["id"], [])})) for m in found)
    index_kind(KIND, documents)


def downgrade() -> None:
    remove_kind(KIND)
