"""The training area's entries in the shared registries (installed by ``mekongx.wiring``): the
search box (courses by code and title) and the record kind that lets a meeting action cite a
course, study visit or exchange as evidence."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.search.records import RecordKind
from mekongx.domains.search.registry import Found
from mekongx.domains.training import lists
from mekongx.domains.training.models import SEARCH_KIND, Course
from mekongx.i18n import N_
from mekongx.i18n.texts import marked


def courses(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    return [
        Found(N_("Training"), 82, f"{c.code} · {marked(c.texts('title'), principal.language)}",
              f"/training/{c.id}", f"{c.origin_agency} · {c.starts_on.isoformat()}")
        for c in lists.search_courses(session, principal, query, limit=limit)
    ]  # fmt: skip


SEARCH = {"training": courses}
KINDS = {
    SEARCH_KIND: RecordKind(N_("Training courses and exchanges"), Course, "/training/{id}",
                            lambda c: f"{c.code} · {c.text('title', 'en')}"),
}  # fmt: skip
