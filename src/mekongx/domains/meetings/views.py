"""What one reader sees of a meeting (``view``): its series, delegations, agenda items with
their resolutions and actions (each action's notes, the evidence the reader may see, whether it
is overdue), the comments on the minutes and each side's approval. Loading the meeting itself
(``service.read_meeting``) checks the reader's access."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.meetings.models import (
    ActionNote,
    AgendaItem,
    Delegate,
    EvidenceLink,
    Meeting,
    MeetingAction,
    MeetingSeries,
    MinutesApproval,
    MinutesComment,
    Resolution,
)
from mekongx.domains.meetings.service import agreed_parts
from mekongx.domains.search.records import Reference, resolve_many
from mekongx.model.base import utcnow


@dataclass
class ActionView:
    action: MeetingAction
    notes: list[ActionNote]
    evidence: list[Reference]  # only what the reader may see
    overdue: bool


@dataclass
class ResolutionView:
    resolution: Resolution
    actions: list[ActionView]


@dataclass
class ItemView:
    item: AgendaItem
    resolutions: list[ResolutionView]
    comments: list[MinutesComment]


@dataclass
class MeetingView:
    meeting: Meeting
    series: MeetingSeries
    delegates: list[Delegate]
    items: list[ItemView]
    general_comments: list[MinutesComment]
    approvals: dict[str, MinutesApproval] = field(default_factory=dict)

    @property
    def resolution_count(self) -> int:
        return sum(len(i.resolutions) for i in self.items)


def view(
    session: Session, principal: Principal, meeting: Meeting, today: date | None = None
) -> MeetingView:
    """Everything under a meeting for one reader; evidence links resolved through authz."""
    today = today or utcnow().date()
    series, delegates, items, resolutions, actions = agreed_parts(session, meeting)
    ids = [a.id for a in actions]
    notes = list(
        session.scalars(
            select(ActionNote)
            .where(ActionNote.action_id.in_(ids))
            .order_by(ActionNote.noted_on, ActionNote.id)
        )
    ) if ids else []  # fmt: skip
    links = (
        list(session.scalars(select(EvidenceLink).where(EvidenceLink.action_id.in_(ids))))
        if ids
        else []
    )
    resolved = resolve_many(session, principal, [(link.kind, link.record_uid) for link in links])
    comments = list(
        session.scalars(
            select(MinutesComment)
            .where(MinutesComment.meeting_id == meeting.id)
            .order_by(MinutesComment.at, MinutesComment.id)
        )
    )
    approvals = {
        a.agency_code: a
        for a in session.scalars(
            select(MinutesApproval).where(MinutesApproval.meeting_id == meeting.id)
        )
    }

    def action_view(a: MeetingAction) -> ActionView:
        found = [resolved[(link.kind, link.record_uid)] for link in links
                 if link.action_id == a.id and (link.kind, link.record_uid) in resolved]  # fmt: skip
        return ActionView(
            a, [n for n in notes if n.action_id == a.id], found,
            a.status in ("planned", "in_progress") and a.deadline < today,
        )  # fmt: skip

    item_views = [
        ItemView(
            item,
            [
                ResolutionView(r, [action_view(a) for a in actions if a.resolution_id == r.id])
                for r in resolutions
                if r.item_id == item.id
            ],
            [c for c in comments if c.item_uid == item.uid],
        )
        for item in items
    ]
    known = {i.uid for i in items}
    general = [c for c in comments if c.item_uid not in known]
    return MeetingView(meeting, series, delegates, item_views, general, approvals)
