"""The progress report for the next meeting, as data: per resolution of a meeting, its actions
with their owner, deadline and status, what was done (the progress notes) and how many records
of each area stand as evidence. Counted for one reader: only evidence that reader may see is
counted, so the report says nothing of records beyond their distribution. The rendering (PDF,
DOCX) is the node's document mechanism's; this module only says what the report holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from mekongx.audit import record_read
from mekongx.authz import Permission, Principal, require
from mekongx.domains.meetings import service, views
from mekongx.domains.meetings.models import (
    ActionNote,
    Delegate,
    Meeting,
    MeetingAction,
    MeetingSeries,
)
from mekongx.domains.search.records import kinds
from mekongx.errors import Conflict
from mekongx.i18n import N_
from mekongx.model.base import utcnow


@dataclass
class ReportAction:
    action: MeetingAction
    notes: list[ActionNote]
    evidence: dict[str, int]  # area msgid → count the reader may see
    overdue: bool


@dataclass
class ReportResolution:
    number: int
    texts: dict[str, str]  # th/zh/en
    item_texts: dict[str, str]
    actions: list[ReportAction]


@dataclass
class ProgressReport:
    series: MeetingSeries
    meeting: Meeting
    next_meeting: Meeting | None
    delegates: list[Delegate]
    resolutions: list[ReportResolution]
    as_of: date
    status_counts: Counter[str] = field(default_factory=Counter)


def progress_report(
    session: Session, principal: Principal, meeting_id: int | str, today: date | None = None
) -> ProgressReport:
    """The report on the resolutions of ``meeting_id`` (for the meeting that follows it)."""
    require(principal, Permission.EXPORT)
    meeting = service.read_meeting(session, principal, meeting_id)
    view = views.view(session, principal, meeting, today)
    labels = {kind: spec.label for kind, spec in kinds().items()}
    resolutions = []
    counts: Counter[str] = Counter()
    for item in view.items:
        for rv in item.resolutions:
            actions = []
            for av in rv.actions:
                evidence = Counter(labels.get(e.kind, e.kind) for e in av.evidence)
                counts[av.action.status] += 1
                actions.append(ReportAction(av.action, av.notes, dict(evidence), av.overdue))
            resolutions.append(
                ReportResolution(
                    rv.resolution.number,
                    {c: getattr(rv.resolution, f"text_{c}") for c in service.LANGS},
                    {c: getattr(item.item, f"title_{c}") for c in service.LANGS},
                    actions,
                )
            )
    if not resolutions:
        raise Conflict(N_("This meeting has no resolutions to report on."))
    later = [
        m
        for m in service.meetings_of(session, principal, view.series)
        if m.number == meeting.number + 1
    ]
    record_read(session, principal.actor, "meetings.report", service.KIND, meeting.uid,
                details={"resolutions": len(resolutions)})  # fmt: skip
    return ProgressReport(
        view.series, meeting, later[0] if later else None, view.delegates,
        sorted(resolutions, key=lambda r: r.number), today or utcnow().date(), counts,
    )  # fmt: skip
