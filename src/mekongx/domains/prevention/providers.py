"""The prevention area's entries in the shared registries (installed by ``mekongx.wiring``):
the search box (programmes by code, name and owner) and the record kind that lets a meeting
action cite a programme as evidence."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.prevention import lists
from mekongx.domains.prevention.models import SEARCH_KIND, Programme
from mekongx.domains.search.records import RecordKind
from mekongx.domains.search.registry import Found
from mekongx.i18n import N_
from mekongx.i18n.texts import marked


def _title(programme: Programme) -> str:
    return f"{programme.code} · {programme.text('name', 'en')}"


def programmes(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    return [
        Found(N_("Prevention programmes"), 80, f"{p.code} · {marked(p.texts('name'), principal.language)}",
              f"/prevention/{p.id}", f"{p.country} · {p.owner}")
        for p in lists.search_programmes(session, principal, query, limit=limit)
    ]  # fmt: skip


SEARCH = {"prevention": programmes}
KINDS = {
    SEARCH_KIND: RecordKind(N_("Prevention programmes"), Programme, "/prevention/{id}", _title),
}
