"""A seizure's full-text document on the node's shared index (``db.fts``): written whenever a
seizure is recorded, changed, received from a peer or retracted (a retracted seizure has no
document), so search goes through ``authz.listing.search_of`` like every area's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.db import fts
from mekongx.domains.seizures.models import SEARCH_KIND, Seizure

# what the search finds a seizure by: its reference, where (place, district) and what was seen
SEARCHED = ("reference", "place", "admin2", "markings", "concealment", "remarks")


def document(values: Mapping[str, Any]) -> str:
    """The text indexed for a seizure's column values (a row's or a migration's)."""
    return "\n".join(str(values.get(name) or "") for name in SEARCHED)


def index(session: Session, seizure: Seizure) -> None:
    """Write (or replace) the seizure's document, or remove it when it is retracted."""
    if seizure.status != "active":
        fts.remove_document(session, seizure.uid)
        return
    values = {name: getattr(seizure, name) for name in SEARCHED}
    fts.index_document(session, seizure.uid, SEARCH_KIND, document(values))


def index_many(session: Session, seizures: Sequence[Any]) -> None:
    """Write the documents of many new seizures with a few bulk statements (a bulk import; rows
    with a seizure's attributes)."""
    fts.index_documents(session, [
        (s.uid, SEARCH_KIND, document({name: getattr(s, name) for name in SEARCHED}))
        for s in seizures if s.status == "active"])  # fmt: skip


def reindex_all(session: Session) -> int:
    """Rebuild every seizure's document (after a restore, or for rows indexed before this)."""
    columns = (Seizure.uid, Seizure.status, *(getattr(Seizure, n) for n in SEARCHED))
    rows = [dict(row._mapping) for row in session.execute(select(*columns))]
    fts.remove_documents(session, [row["uid"] for row in rows if row["status"] != "active"])
    active = ((row["uid"], document(row)) for row in rows if row["status"] == "active")
    fts.index_all(session, SEARCH_KIND, active)
    return len(rows)
