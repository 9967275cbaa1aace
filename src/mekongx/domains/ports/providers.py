"""The ports area's entries in the shared registries (installed by ``mekongx.wiring``): the home
page's task list (the latest day's highest-scoring containers not yet examined, and rule changes
waiting for a second person) and the search
box (a container number, with or without spaces and dashes, finds its containers)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, can
from mekongx.domains.ports.models import PortContainer
from mekongx.domains.ports.reference import clean_container
from mekongx.domains.ports.rules import KIND as RULE_KIND
from mekongx.domains.ports.rules import STEP as RULE_STEP
from mekongx.domains.review import service as review
from mekongx.domains.review.tasks import Task
from mekongx.domains.search.registry import Found
from mekongx.i18n import N_

TOP = 10  # containers of the latest day offered for examination on the home page
MINIMUM = 40  # the score from which a container is offered


def to_examine(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """The latest day's open containers scoring at least ``MINIMUM``, highest first."""
    if not can(principal, Permission.WRITE_RECORDS).allowed:
        return []
    latest = session.scalar(select(func.max(PortContainer.arrival_on)))
    if latest is None:
        return []
    stmt = (select(PortContainer).where(PortContainer.arrival_on == latest, PortContainer.status == "open",
                                        PortContainer.score >= MINIMUM)
            .order_by(PortContainer.score.desc(), PortContainer.number).limit(TOP))  # fmt: skip
    return [
        Task(N_("Containers to examine"), 18, f"{c.number} · {c.score}", f"/ports/containers/{c.id}",
             note=N_("Risk score %(score)s"), note_params=(("score", str(c.score)),))
        for c in session.scalars(stmt)
    ]  # fmt: skip


def rule_changes(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Profiling rule changes a colleague proposed, waiting for this user's approval (never the
    proposer's own)."""
    if not can(principal, Permission.WRITE_RECORDS).allowed:
        return []
    return [
        Task(N_("Rule changes waiting for approval"), 19, r.title, f"/ports/rules#change-{r.record_id}")
        for r in review.queue(session, principal, kind=RULE_KIND, step=RULE_STEP)
        if principal.username not in (r.author, r.editor)
    ]  # fmt: skip


_NUMBER = re.compile(r"^[A-Z]{3}[UJZ][0-9]{1,7}$")


def containers(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    """Containers whose number begins with the query (four letters and some digits)."""
    if not can(principal, Permission.READ_RECORDS).allowed:
        return []
    number = clean_container(query)
    if not _NUMBER.match(number):
        return []
    stmt = select(PortContainer).where(PortContainer.number.startswith(number, autoescape=True))
    found = session.scalars(stmt.order_by(PortContainer.arrival_on.desc()).limit(limit))
    return [Found(N_("Port control"), 35, c.number, f"/ports/containers/{c.id}",
                  f"{c.arrival_on.isoformat()} · {c.score}") for c in found]  # fmt: skip


TASKS = {"ports.examine": to_examine, "ports.rules": rule_changes}
SEARCH = {"ports": containers}
