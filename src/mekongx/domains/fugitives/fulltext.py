"""A notice's full-text document on the node's shared index (``db.fts``): every name and alias
as written (any script), the warrant reference and the identity-document numbers, written when a
notice is drafted or edited and when a peer's notice arrives, so that the search box finds a
notice by a number or a word of a name through ``authz.listing.search_of`` like every area's
records, however many notices the node holds. A document number is found however it is
written (E 8765-4321 and E87654321 are one key: ``mekongx.text``). Names are also matched by
sound, across scripts, by the names engine (``screening.screen``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from mekongx.authz.listing import search_of
from mekongx.db import fts
from mekongx.domains.fugitives.models import SEARCH_KIND, Notice

SEARCHED = ("names", "warrant_reference", "documents")


def document(values: Mapping[str, Any]) -> str:
    """The text indexed for a notice's column values (a row's or a migration's): ``names`` and
    ``documents`` are the stored JSON lists. A value that is not such a list (a row written by
    hand, a damaged restore) is indexed as it is written rather than stopping a reindex."""
    names = _texts(values.get("names"), "name")
    numbers = _texts(values.get("documents"), "number")
    return "\n".join([*names, str(values.get("warrant_reference") or ""), *numbers])


def _texts(stored: Any, field: str) -> list[str]:
    """``field`` of each entry of a stored JSON list, or the stored text itself."""
    try:
        entries = json.loads(stored or "[]")
    except (TypeError, ValueError):
        return [str(stored)]
    if not isinstance(entries, list):
        return [str(stored)]
    return [str(e.get(field) or "") if isinstance(e, dict) else str(e) for e in entries]


def index(session: Session, notice: Notice) -> None:
    """Write (or replace) the notice's document."""
    values = {name: getattr(notice, name) for name in SEARCHED}
    fts.index_document(session, notice.uid, SEARCH_KIND, document(values))


def search(session: Session, shown: Select[Any], query: str, limit: int = 50) -> list[Notice]:
    """The notices of ``shown`` (``service.visible_notices``: what the user may see) whose
    document holds every word of ``query``, best first."""
    return search_of(session, shown, Notice, query, SEARCH_KIND, limit=limit)
