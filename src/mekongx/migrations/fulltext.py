"""For the areas' migrations that index records written before their area indexed them: write
every document of a kind (an upgrade) or remove them (its downgrade), on the migration's own
connection and transaction."""

from __future__ import annotations

from collections.abc import Iterable

from alembic import op
from sqlalchemy.orm import Session

from mekongx.db import fts


def index_kind(kind: str, documents: Iterable[tuple[str, str]]) -> None:
    """Write (or replace) every ``(uid, content)`` document of ``kind``."""
    session = Session(bind=op.get_bind())
    fts.index_all(session, kind, documents)
    session.flush()


def remove_kind(kind: str) -> None:
    """Remove every document of ``kind``."""
    session = Session(bind=op.get_bind())
    fts.remove_kind(session, kind)
    session.flush()
