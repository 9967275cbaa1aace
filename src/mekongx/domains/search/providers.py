"""Search providers of the areas that exist today (registered in ``mekongx.wiring``).

Names go through the names engine (the fugitives screening index), so a Latin query finds the
Thai- and Han-script spellings of the same name; warrant, passport and identity-document numbers
are compared without spaces, dashes or dots; reports, requests and incidents are found through
the shared full-text index (``authz.listing.search_of``), and so are a notice's warrant and
document numbers and the words of its names; wastewater sites by a case-insensitive
substring.
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.fugitives import fulltext as fugitive_text
from mekongx.domains.fugitives import screening
from mekongx.domains.fugitives.models import Notice
from mekongx.domains.fugitives.schemas import ScreenQuery
from mekongx.domains.fugitives.service import primary_name, visible_notices
from mekongx.domains.intel import service as intel
from mekongx.domains.precursors import fulltext as incident_text
from mekongx.domains.rfi import fulltext as rfi_text
from mekongx.domains.search.registry import Found
from mekongx.domains.wbe.models import WbeSite
from mekongx.i18n import N_
from mekongx.i18n.texts import marked


def like_pattern(query: str) -> str:
    """``query`` as a LIKE pattern that matches it anywhere (``escape="\\"``)."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def reports(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    return [
        Found(N_("Intelligence reports"), 10, r.title, f"/reports/{r.id}", r.origin_agency)
        for r in intel.search_reports(session, principal, query, limit=limit)
    ]


def notices(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    """Names and aliases in any script by sound (the names engine); a word of a name, the
    warrant reference and document numbers (the shared full-text index)."""
    found: dict[int, Found] = {}
    try:
        [results] = screening.screen(session, principal, [ScreenQuery(name=query)], limit=limit)
    except ValueError:
        results = []
    for result in results:
        notice = session.get(Notice, result.notice_id)
        if notice is not None:
            found[notice.id] = Found(N_("Wanted persons"), 20, primary_name(notice),
                                     f"/fugitives/notices/{notice.id}", result.matched_name)  # fmt: skip
    for notice in fugitive_text.search(session, visible_notices(principal), query, limit):
        if notice.id not in found:
            found[notice.id] = Found(N_("Wanted persons"), 20, primary_name(notice),
                                     f"/fugitives/notices/{notice.id}", notice.warrant_reference)  # fmt: skip
    return list(found.values())[:limit]


def rfis(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    """Subject and question, every word in any script (the shared full-text index)."""
    return [Found(N_("Requests for information"), 30, r.subject, f"/rfi/{r.id}", r.origin_agency)
            for r in rfi_text.search(session, principal, query, limit)]  # fmt: skip


def incidents(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    """A place however it is written (清莱 finds an incident at Chiang Rai), the title, the
    substance and the description (the shared full-text index)."""
    return [Found(N_("Precursor incidents"), 40, i.title, f"/precursors/incidents/{i.id}", i.place)
            for i in incident_text.search(session, principal, query, limit)]  # fmt: skip


def sites(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    """Wastewater sites are reference rows every user may read (no distribution)."""
    pattern = like_pattern(query)
    columns = (WbeSite.code, WbeSite.plant, WbeSite.city)
    stmt = (
        session.query(WbeSite)
        .filter(or_(*(c.ilike(pattern, escape="\\") for c in columns)))
        .order_by(WbeSite.id)
        .limit(limit)
    )
    lang = principal.language
    return [Found(N_("Wastewater sites"), 50, f"{s.code} — {marked(s.texts('plant'), lang)}",
                  f"/wbe/sites/{s.id}", marked(s.texts("city"), lang))
            for s in stmt]  # fmt: skip


PROVIDERS = {"intel": reports, "fugitives": notices, "rfi": rfis, "precursors": incidents,
             "wbe": sites}  # fmt: skip
