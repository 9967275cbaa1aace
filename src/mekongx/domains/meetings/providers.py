"""The meetings area's entries in the shared registries (installed by ``mekongx.wiring``): the
home page's task list (actions of the user's agency due within 30 days or overdue; minutes
waiting for this side's approval) and the search box (meetings by place, agenda and
resolutions)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, can, visible
from mekongx.domains.meetings import actions, service
from mekongx.domains.meetings.models import Meeting, MeetingSeries, MinutesApproval
from mekongx.domains.review.tasks import Task
from mekongx.domains.search.registry import Found
from mekongx.i18n import N_
from mekongx.i18n.texts import marked


def actions_due(session: Session, principal: Principal, now: datetime) -> list[Task]:
    if not can(principal, Permission.READ_RECORDS).allowed:
        return []
    today = now.date()
    return [
        Task(
            N_("Meeting actions due"),
            15,
            f"{due.series.code} {due.meeting.number} · {marked(due.action.texts('title'), principal.language)}",
            f"/meetings/{due.meeting.id}#action-{due.action.id}",
            due=datetime.combine(due.action.deadline, datetime.min.time(), tzinfo=now.tzinfo),
            note=N_("Overdue") if due.action.deadline < today else "",
        )
        for due in actions.due_for(session, principal, today)
    ]


def minutes_to_approve(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Minutes sent to or by this agency that this side has not approved as they stand."""
    if not can(principal, Permission.RELEASE_RECORDS).allowed:
        return []
    stmt = visible(principal, Meeting).where(Meeting.minutes_state == "circulated")
    tasks = []
    for meeting in session.scalars(stmt):
        if principal.agency not in (meeting.origin_agency, meeting.counterpart):
            continue
        mine = session.get(MinutesApproval, (meeting.id, principal.agency))
        if mine is not None and mine.digest == meeting.minutes_digest:
            continue
        series = session.get(MeetingSeries, meeting.series_id)
        code = series.code if series else ""
        tasks.append(
            Task(
                N_("Minutes to approve"), 16, f"{code} {meeting.number}", f"/meetings/{meeting.id}"
            )
        )
    return tasks


def meetings(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    return [
        Found(
            N_("Meetings"),
            70,
            f"{code} {m.number} · {marked(m.texts('place'), principal.language)}",
            f"/meetings/{m.id}",
            m.starts_on.isoformat(),
        )
        for m, code in service.search_meetings(session, principal, query, limit)
    ]


TASKS = {"meetings.actions": actions_due, "meetings.minutes": minutes_to_approve}
SEARCH = {"meetings": meetings}
