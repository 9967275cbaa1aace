"""A request's full-text document on the node's shared index (``db.fts``): its subject and
question, written when a request is sent or received, so the search box finds requests through
``authz.listing.search_of`` like every area's records."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx.authz import Principal, visible
from mekongx.authz.listing import search_of
from mekongx.db import fts
from mekongx.domains.rfi.models import SEARCH_KIND, Rfi


def document(subject: str, question: str) -> str:
    """The text indexed for a request (a row's or a migration's)."""
    return f"{subject}\n{question}"


def index(session: Session, rfi: Rfi) -> None:
    """Write (or replace) the request's document."""
    fts.index_document(session, rfi.uid, SEARCH_KIND, document(rfi.subject, rfi.question))


def search(session: Session, principal: Principal, query: str, limit: int = 50) -> list[Rfi]:
    """The requests the user may see whose subject or question holds every word of ``query``
    (any script), best first."""
    return search_of(session, visible(principal, Rfi), Rfi, query, SEARCH_KIND, limit=limit)
