"""The task providers of the areas that exist today, registered by ``mekongx.wiring``. Each says
what waits for one user, by role; an area added later registers its own provider the same way
(``tasks.register(name, provider)``) without touching the home page."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, can
from mekongx.domains.fugitives import screening
from mekongx.domains.fugitives.service import KIND as NOTICE_KIND
from mekongx.domains.intel.models import SEARCH_KIND as REPORT_KIND
from mekongx.domains.ports.rules import KIND as PORT_RULE_KIND
from mekongx.domains.review import service as review
from mekongx.domains.review.tasks import Task
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi import threads as rfi_threads
from mekongx.federation import status as link_status
from mekongx.i18n import N_
from mekongx.settings import get_settings

_URLS = {REPORT_KIND: "/reports/{id}", NOTICE_KIND: "/fugitives/notices/{id}",
         PORT_RULE_KIND: "/ports/rules#rule-{id}"}  # fmt: skip


def _url(kind: str, record_id: int) -> str:
    return _URLS.get(kind, "/").format(id=record_id)


def returned(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Records the user submitted that a colleague returned with a comment."""
    return [
        Task(N_("Returned to you"), 5, r.title, _url(r.kind, r.record_id), note=r.decision_note)
        for r in review.returned_to(session, principal)
    ]


def rfis_due(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Requests from peers still open for this agency, nearest deadline first."""
    if not can(principal, Permission.WRITE_RECORDS).allowed:
        return []
    return [
        Task(
            N_("Requests for information due"),
            10,
            row.rfi.subject,
            f"/rfi/{row.rfi.id}",
            due=row.party.deadline,
        )
        for row in rfi_threads.inbox(session, principal)
        if row.party.status in rfi.OPEN
    ]


def releases(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Reports the agency's analysts submitted for release (liaison officers)."""
    if not can(principal, Permission.RELEASE_RECORDS).allowed:
        return []
    return [
        Task(N_("Releases waiting"), 20, r.title, _url(r.kind, r.record_id))
        for r in review.queue(session, principal, kind=REPORT_KIND, step="release")
        if principal.username not in (r.author, r.editor)
    ]


def hits(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Screening hits of the agency that nobody has confirmed or rejected yet."""
    if not can(principal, Permission.WRITE_RECORDS).allowed:
        return []
    return [
        Task(
            N_("Hits to review"),
            25,
            f"{h.query_name} ↔ {h.matched_name}",
            f"/fugitives/screenings/{h.screening_id}#hit-{h.id}",
        )
        for h in screening.open_hits(session, principal, per_page=50).items
    ]


def notices(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Notices waiting for a second person's review, or for publication by a liaison officer."""
    found: list[Task] = []
    for r in review.queue(session, principal, kind=NOTICE_KIND):
        if principal.username in (r.author, r.editor):
            continue  # four eyes: not for the drafter or the last editor
        if r.step == "review" and can(principal, Permission.WRITE_RECORDS).allowed:
            found.append(Task(N_("Notices waiting for review"), 30, r.title, _url(r.kind, r.record_id)))  # fmt: skip
        elif r.step == "publish" and can(principal, Permission.RELEASE_RECORDS).allowed:
            found.append(Task(N_("Notices waiting for publication"), 35, r.title, _url(r.kind, r.record_id)))  # fmt: skip
    return found


def stalled_links(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Links to peers with envelopes waiting and no delivery for MEKONGX_LINK_STALL_MINUTES
    (those who see the links page: administrators and liaison officers)."""
    if not can(principal, Permission.VIEW_LINKS).allowed:
        return []
    return [
        Task(
            N_("Links stalled"),
            1,
            link.agency,
            f"/links#stalled-{link.agency}",
            note=N_("%(count)s envelopes waiting, no delivery since %(since)s"),
            note_params=(
                ("count", str(link.backlog)),
                ("since", f"{link.stalled_since:%Y-%m-%d %H:%M} UTC"),
            ),
        )
        for link in link_status.links(session, get_settings().link_stall_after)
        if link.state == "stalled" and link.stalled_since is not None
    ]


PROVIDERS = {"review.returned": returned, "links.stalled": stalled_links, "rfi.due": rfis_due, "intel.releases": releases,
             "fugitives.hits": hits, "fugitives.notices": notices}  # fmt: skip
