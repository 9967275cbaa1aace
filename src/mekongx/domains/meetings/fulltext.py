"""A meeting's full-text document on the node's shared index (``db.fts``): its place, its agenda
items' titles and summaries and its resolutions, in every language they are written in. It is
written whenever the minutes' digest is taken (``service.refresh_digest``: a meeting recorded,
its minutes changed, circulated, received or approved), so the search box finds meetings
through ``authz.listing.search_of`` like every area's records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from mekongx.authz import Principal, visible
from mekongx.authz.listing import search_of
from mekongx.db import fts
from mekongx.domains.meetings.models import SEARCH_KIND, Meeting
from mekongx.i18n.texts import TEXT_LANGUAGES as LANGS


def document(minutes: Mapping[str, Any]) -> str:
    """The text indexed for a meeting's minutes (``service.minutes_of``, or a migration's dict
    of the same shape: ``place_<lang>`` and ``items``, each with ``title_<lang>``,
    ``summary_<lang>`` and ``resolutions`` with ``text_<lang>``)."""
    parts = [minutes.get(f"place_{c}") for c in LANGS]
    for item in minutes.get("items", []):
        parts += [item.get(f"{name}_{c}") for name in ("title", "summary") for c in LANGS]
        parts += [r.get(f"text_{c}") for r in item.get("resolutions", []) for c in LANGS]
    return "\n".join(str(part) for part in parts if part)


def index(session: Session, meeting: Meeting, minutes: Mapping[str, Any]) -> None:
    """Write (or replace) the meeting's document from its minutes."""
    fts.index_document(session, meeting.uid, SEARCH_KIND, document(minutes))


def search(session: Session, principal: Principal, query: str, limit: int = 50) -> list[Meeting]:
    """The meetings the user may see whose document holds every word of ``query`` (any script,
    a place by any of its names), best first."""
    return search_of(session, visible(principal, Meeting), Meeting, query, SEARCH_KIND, limit=limit)
