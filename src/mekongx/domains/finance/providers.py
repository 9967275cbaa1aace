"""The finance area's entries in the shared registries (installed by ``mekongx.wiring``): the
home page's task list (freezing orders that expire within 30 days, or have expired while the
asset is still frozen) and the search box (financial cases by title and summary, on the shared
full-text index)."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, can, visible
from mekongx.authz.listing import search_of
from mekongx.domains.finance import assets
from mekongx.domains.finance.models import SEARCH_KIND, FinCase
from mekongx.domains.review.tasks import Task
from mekongx.domains.search.registry import Found
from mekongx.i18n import N_

DAYS_AHEAD = 30


def orders_expiring(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Freezing orders of the user's agency's cases to renew or let lapse, the nearest first."""
    if not can(principal, Permission.WRITE_RECORDS).allowed:
        return []
    today = now.date()
    return [
        Task(
            N_("Freezing orders expiring"),
            17,
            f"{asset.description} · {case.title}",
            f"/finance/{case.id}#assets",
            due=datetime.combine(asset.order_expires, dt.time.min, tzinfo=now.tzinfo),
            note=N_("Expired") if asset.order_expires < today else "",
        )
        for asset, case in assets.expiring(session, principal, DAYS_AHEAD, today=today)
        if asset.order_expires is not None and case.origin_agency == principal.agency
    ]


def cases(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    """Cases the user may see whose title or summary holds every word of the query (any
    script), best first: the shared full-text index and ``authz.listing.search_of``."""
    found = search_of(
        session, visible(principal, FinCase), FinCase, query, SEARCH_KIND, limit=limit
    )
    return [
        Found(N_("Financial investigations"), 55, c.title, f"/finance/{c.id}", c.origin_agency)
        for c in found
    ]


TASKS = {"finance.orders": orders_expiring}
SEARCH = {"finance": cases}
