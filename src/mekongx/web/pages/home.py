"""The dashboard and the search page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from mekongx.authz import Principal, visible
from mekongx.authz.listing import count_of
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.review import tasks
from mekongx.domains.search import registry as search_registry
from mekongx.domains.search.registry import Found
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.i18n import N_, Translator, translator
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.render import render

router = APIRouter()
NAV = [NavItem(10, "/", N_("Dashboard")), NavItem(90, "/search", N_("Search"))]


def time_left(due: datetime, now: datetime, _: Translator) -> str:
    """ "2 d 5 h left" or "overdue by 3 h", in the user's language."""
    seconds = (due - now).total_seconds()
    hours = int(abs(seconds) // 3600)
    days, hours = divmod(hours, 24)
    if seconds >= 0:
        if days:
            return _("%(days)s d %(hours)s h left", days=days, hours=hours)
        return _("%(hours)s h left", hours=hours)
    if days:
        return _("overdue by %(days)s d %(hours)s h", days=days, hours=hours)
    return _("overdue by %(hours)s h", hours=hours)


def _task_groups(session: Session, principal: Principal, _: Translator) -> list[dict[str, Any]]:
    now = utcnow()
    groups: dict[str, dict[str, Any]] = {}
    for task in tasks.tasks_for(session, principal, now):
        group = groups.setdefault(task.group, {"title": _(task.group), "items": []})
        group["items"].append(
            {
                "title": task.title,
                "url": task.url,
                "due": task.due,
                "left": time_left(task.due, now, _) if task.due else "",
                "overdue": task.due is not None and task.due < now,
                # a msgid (N_) with its parameters, or a person's own words (kept as written)
                "note": _(task.note, **dict(task.note_params)) if task.note else "",
            }
        )
    return list(groups.values())


@router.get("/")
def dashboard(request: Request, principal: CurrentPrincipal) -> Response:
    node = node_of(request)
    _ = translator(principal.language)
    with node.db.read() as session:
        base = visible(principal, IntelReport)

        def count(*where: Any) -> str:
            """Exact up to a bound, an estimate beyond ("~N"): never a count of every row."""
            total, exact = count_of(session, base.where(*where), IntelReport)
            return str(total) if exact else f"~{total:,}"

        stats = {
            "total": count(),
            "own": count(IntelReport.origin_agency == principal.agency),
            "received": count(IntelReport.origin_agency != principal.agency),
            "shared": count(IntelReport.distribution != "own"),
        }
        latest = intel.list_reports(session, principal, per_page=8).items
        agencies = list(session.scalars(select(Agency).order_by(Agency.is_own.desc(), Agency.code)))
        own = session.get(Agency, principal.agency)
        task_groups = _task_groups(session, principal, _)
    labels = translated(_)
    return render(
        request,
        "dashboard.html",
        stats=stats,
        task_groups=task_groups,
        latest=latest,
        agencies=agencies,
        agency_name=own.name(principal.language) if own else principal.agency,
        role_label=labels["role_labels"][principal.role.value],
        **labels,
    )


@router.get("/search")
def search_page(request: Request, principal: CurrentPrincipal, q: str = "") -> Response:
    """One search box over reports, requests, notices, precursor incidents and sites."""
    node = node_of(request)
    q = q.strip()[:200]
    _ = translator(principal.language)
    groups: dict[str, list[Found]] = {}
    if q:
        with node.db.read() as session:
            for found in search_registry.search(session, principal, q):
                groups.setdefault(_(found.area), []).append(found)
    return render(
        request,
        "search.html",
        q=q,
        groups=groups,
        count=sum(len(g) for g in groups.values()),
        **translated(_),
    )
