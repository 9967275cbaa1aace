"""An incident's full-text document on the node's shared index (``db.fts``): its title, place,
substance and description, written whenever an incident is recorded (a discrepancy found in a
shipment included) or received from a peer, so the search box finds incidents through
``authz.listing.search_of`` like every area's records. A place is found however it is written
(清莱 finds an incident at เชียงราย): the index holds the gazetteer's code of every place a text
names (``mekongx.text``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from mekongx.authz import Principal, visible
from mekongx.authz.listing import search_of
from mekongx.db import fts
from mekongx.domains.precursors.models import SEARCH_KIND, Incident

SEARCHED = ("title", "place", "substance_name", "description")


def document(values: Mapping[str, Any]) -> str:
    """The text indexed for an incident's column values (a row's or a migration's)."""
    return "\n".join(str(values.get(name) or "") for name in SEARCHED)


def index(session: Session, incident: Incident) -> None:
    """Write (or replace) the incident's document."""
    values = {name: getattr(incident, name) for name in SEARCHED}
    fts.index_document(session, incident.uid, SEARCH_KIND, document(values))


def search(session: Session, principal: Principal, query: str, limit: int = 50) -> list[Incident]:
    """The incidents the user may see whose document holds every word of ``query`` (any
    script, a place by any of its names), best first."""
    return search_of(
        session, visible(principal, Incident), Incident, query, SEARCH_KIND, limit=limit
    )
