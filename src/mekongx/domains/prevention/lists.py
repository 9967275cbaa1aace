"""The list of programmes and its search, on the node's one list machinery
(``authz.listing``): one page newest first with visibility inside the query, and full-text
search over each programme's document (code, names, owner, description), which is written when
a programme is recorded or received and rebuilt after a restore."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from mekongx.authz import Principal, visible
from mekongx.authz.listing import Page, page_of, search_of
from mekongx.db import fts
from mekongx.domains.prevention.models import SEARCH_KIND, Programme
from mekongx.model.texts import text_columns


def index(session: Session, programme: Programme) -> None:
    """Write (or replace) the programme's full-text document."""
    names = (getattr(programme, column) for column in text_columns("name"))
    text = "\n".join((programme.code, *names, programme.owner, programme.description))
    fts.index_document(session, programme.uid, SEARCH_KIND, text)


def _visible(principal: Principal, country: str) -> Any:
    stmt = visible(principal, Programme)
    return stmt.where(Programme.country == country) if country else stmt


def list_programmes(
    session: Session, principal: Principal, country: str = "", *, page: int = 1,
    per_page: int = 50, after: int | None = None,
    before: int | None = None,
) -> Page[Programme]:  # fmt: skip
    """One page of the programmes the user may see (of one country if given), newest first;
    ``after`` is the keyset cursor of the next page."""
    stmt = _visible(principal, country)
    return page_of(
        session, stmt, Programme, page=page, per_page=per_page, after=after, before=before
    )


def search_programmes(
    session: Session, principal: Principal, query: str, country: str = "", *, limit: int = 50
) -> list[Programme]:
    """The programmes whose document holds every word of ``query`` (any script), best first,
    visible ones only."""
    return search_of(session, _visible(principal, country), Programme, query, SEARCH_KIND,
                     limit=limit)  # fmt: skip
