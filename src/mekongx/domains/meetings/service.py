"""Series, meetings and their minutes as data: creating a meeting (from a form or a whole minutes
file), editing the draft minutes, and reading a meeting with everything under it for one user.

Every function takes the acting user, checks permissions, loads meetings only through
``authz.access``/``authz.visible``, writes its audit row and leaves the commit to the caller.
Circulating, commenting and approving the minutes are in ``minutes.py``; the actions' progress
in ``actions.py``; what one reader sees of a meeting (``view``) in ``views.py``."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, require, visible
from mekongx.domains.meetings import fulltext
from mekongx.domains.meetings.models import (
    SEARCH_KIND,
    AgendaItem,
    Delegate,
    Meeting,
    MeetingAction,
    MeetingSeries,
    Resolution,
)
from mekongx.domains.meetings.schemas import (
    ActionInput,
    DelegateInput,
    ItemInput,
    MeetingFields,
    MeetingInput,
    ResolutionInput,
    SeriesInput,
)
from mekongx.errors import Conflict, FieldProblem, Forbidden, NotFound, ValidationFailed
from mekongx.federation.jcs import canonical
from mekongx.i18n import N_
from mekongx.i18n.texts import ADDED_LANGUAGES, TEXT_LANGUAGES
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient, new_uid

KIND = SEARCH_KIND
LANGS = TEXT_LANGUAGES


# --- series ------------------------------------------------------------------------------------


def _known_agencies(session: Session, codes: list[str], field: str) -> list[FieldProblem]:
    known = set(session.scalars(select(Agency.code).where(Agency.code.in_(codes))))
    return [
        FieldProblem(field, N_("Unknown agency: %(code)s"), {"code": code})
        for code in codes
        if code and code not in known
    ]


def create_series(session: Session, principal: Principal, data: SeriesInput) -> MeetingSeries:
    """A new series of meetings (administrators)."""
    require(principal, Permission.MANAGE_AGENCIES)
    codes = sorted({c.strip().upper() for c in data.agencies if c.strip()})
    problems = _known_agencies(session, codes, "agencies")
    if session.scalar(select(MeetingSeries.id).where(MeetingSeries.code == data.code)):
        problems.append(FieldProblem("code", N_("A series with this code exists already.")))
    if problems:
        raise ValidationFailed(problems)
    series = MeetingSeries(code=data.code, agencies=" ".join(codes), **_texts(data, "name"))
    session.add(series)
    session.flush()
    record(session, principal.actor, "meetings.series.create", "meeting_series", data.code)
    return series


def list_series(session: Session, principal: Principal) -> list[MeetingSeries]:
    require(principal, Permission.READ_RECORDS)
    return list(session.scalars(select(MeetingSeries).order_by(MeetingSeries.code)))


def series_by_code(session: Session, principal: Principal, code: str) -> MeetingSeries:
    require(principal, Permission.READ_RECORDS)
    series = session.scalar(select(MeetingSeries).where(MeetingSeries.code == code.upper()))
    if series is None:
        raise NotFound(N_("No such meeting series."))
    return series


def meetings_of(session: Session, principal: Principal, series: MeetingSeries) -> list[Meeting]:
    """The series' meetings this user may see, by number (the timeline)."""
    stmt = visible(principal, Meeting).where(Meeting.series_id == series.id)
    return list(session.scalars(stmt.order_by(Meeting.number)))


def find_meeting(session: Session, principal: Principal, series_code: str, number: int) -> Meeting:
    series = series_by_code(session, principal, series_code)
    stmt = visible(principal, Meeting).where(
        Meeting.series_id == series.id, Meeting.number == number
    )
    meeting = session.scalars(stmt).first()
    if meeting is None:
        raise NotFound(N_("No such meeting."))
    return meeting


# --- creating and editing the draft ------------------------------------------------------------


def _texts(data: Any, name: str) -> dict[str, str]:
    return {f"{name}_{code}": str(getattr(data, f"{name}_{code}")) for code in LANGS}


def _signed(row: Any, name: str) -> dict[str, str]:
    """A field's texts as the canonical minutes carry them: Thai, Chinese and English always,
    Lao, Burmese, Khmer and Vietnamese only where written (so minutes agreed before those
    four were kept have the digest, and their approvals the signatures, they had)."""
    texts = _texts(row, name)
    return {k: v for k, v in texts.items() if v or k.rsplit("_", 1)[1] not in ADDED_LANGUAGES}


def _check_meeting(session: Session, principal: Principal, data: MeetingFields) -> MeetingSeries:
    series = session.scalar(select(MeetingSeries).where(MeetingSeries.code == data.series.upper()))
    problems: list[FieldProblem] = []
    if series is None:
        problems.append(FieldProblem("series", N_("No such meeting series.")))
    problems += _known_agencies(session, [data.host_agency], "host_agency")
    problems += _known_agencies(session, [data.counterpart], "counterpart")
    if data.counterpart == principal.agency:
        problems.append(
            FieldProblem("counterpart", N_("The other side cannot be your own agency."))
        )
    if series is not None:
        taken = session.scalar(
            select(Meeting.id).where(Meeting.series_id == series.id, Meeting.number == data.number)
        )
        if taken:
            problems.append(
                FieldProblem("number", N_("This series already has a meeting of this number."))
            )
    if problems:
        raise ValidationFailed(problems)
    assert series is not None
    return series


def _check_minutes(session: Session, data: MeetingInput) -> None:
    """What the schema cannot see: agencies exist, deadlines fall after the meeting starts."""
    problems: list[FieldProblem] = []
    agencies = {d.agency for d in data.delegates}
    for i, item in enumerate(data.items):
        for j, resolution in enumerate(item.resolutions):
            for k, action in enumerate(resolution.actions):
                where = f"items.{i}.resolutions.{j}.actions.{k}"
                agencies |= {action.owner_agency, action.counterpart_agency} - {""}
                problems += _deadline_problems(data.starts_on, action, f"{where}.deadline")
    problems += _known_agencies(session, sorted(agencies), "agency")
    numbers = [r.number for item in data.items for r in item.resolutions]
    if len(numbers) != len(set(numbers)):
        problems.append(FieldProblem("items", N_("Two resolutions have the same number.")))
    if problems:
        raise ValidationFailed(problems)


def _deadline_problems(starts_on: date, action: ActionInput, where: str) -> list[FieldProblem]:
    if action.deadline < starts_on:
        return [
            FieldProblem(
                where,
                N_("The deadline %(deadline)s is before the meeting (%(meeting)s)."),
                {"deadline": action.deadline.isoformat(), "meeting": starts_on.isoformat()},
            )
        ]
    return []


def create_meeting(session: Session, principal: Principal, data: MeetingFields) -> Meeting:
    """A new meeting whose minutes this agency drafts. Given a :class:`MeetingInput` (a minutes
    file), its delegations, agenda, resolutions and actions are written too; all or nothing."""
    require(principal, Permission.WRITE_RECORDS)
    series = _check_meeting(session, principal, data)
    if isinstance(data, MeetingInput):
        _check_minutes(session, data)
    meeting = Meeting(
        series_id=series.id,
        number=data.number,
        host_agency=data.host_agency,
        counterpart=data.counterpart,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        language=data.language,
        handling_code=data.handling_code,
        handling_note=data.handling_note,
        distribution=Distribution.PEERS.value,
        drafter=principal.username,
        last_editor=principal.username,
        **_texts(data, "place"),
    )
    session.add(meeting)
    session.flush()
    session.add(RecordRecipient(record_uid=meeting.uid, agency_code=data.counterpart))
    if isinstance(data, MeetingInput):
        write_minutes(session, meeting, data)
    refresh_digest(session, meeting)
    record(session, principal.actor, "meetings.meeting.create", KIND, meeting.uid,
           details={"series": series.code, "number": data.number})  # fmt: skip
    return meeting


def write_minutes(session: Session, meeting: Meeting, data: MeetingInput) -> None:
    """Replace the meeting's delegations, agenda, resolutions and actions with ``data``, keeping
    the uids it carries (a received copy keeps the drafter's uids)."""
    for model in (MeetingAction, Resolution, AgendaItem, Delegate):
        session.execute(delete(model).where(model.meeting_id == meeting.id))
    for position, delegate in enumerate(data.delegates):
        session.add(_delegate(meeting, delegate, position))
    for position, item_data in enumerate(data.items, start=1):
        item = _item(meeting, item_data, position)
        session.add(item)
        session.flush()
        for resolution_data in item_data.resolutions:
            resolution = _resolution(meeting, item, resolution_data)
            session.add(resolution)
            session.flush()
            session.add_all(_action(meeting, resolution, a) for a in resolution_data.actions)
    session.flush()


def _delegate(meeting: Meeting, data: DelegateInput, position: int) -> Delegate:
    return Delegate(
        meeting_id=meeting.id, agency_code=data.agency, role=data.role, position=position,
        **_texts(data, "name"), **_texts(data, "title"),
    )  # fmt: skip


def _item(meeting: Meeting, data: ItemInput, position: int) -> AgendaItem:
    return AgendaItem(
        uid=data.uid or new_uid(), meeting_id=meeting.id, position=position,
        **_texts(data, "title"), **_texts(data, "summary"),
    )  # fmt: skip


def _resolution(meeting: Meeting, item: AgendaItem, data: ResolutionInput) -> Resolution:
    return Resolution(
        uid=data.uid or new_uid(), meeting_id=meeting.id, item_id=item.id, number=data.number,
        **_texts(data, "text"),
    )  # fmt: skip


def _action(meeting: Meeting, resolution: Resolution, data: ActionInput) -> MeetingAction:
    return MeetingAction(
        uid=data.uid or new_uid(), meeting_id=meeting.id, resolution_id=resolution.id,
        owner_agency=data.owner_agency, counterpart_agency=data.counterpart_agency,
        deadline=data.deadline, status=data.status, status_reason=data.status_reason,
        **_texts(data, "title"),
    )  # fmt: skip


def editable(session: Session, principal: Principal, meeting_id: int | str) -> Meeting:
    """The meeting whose draft minutes the principal's agency may change."""
    meeting = access(session, principal, Meeting, meeting_id, "write", for_update=True)
    if meeting.minutes_state == "approved":
        raise Conflict(N_("The minutes are approved by both sides and can no longer change."))
    return meeting


def _changed(session: Session, principal: Principal, meeting: Meeting, action: str,
             target: str) -> None:  # fmt: skip
    meeting.minutes_version += 1
    meeting.last_editor = principal.username
    meeting.updated_at = utcnow()
    if meeting.minutes_state == "approved":  # pragma: no cover - editable() refuses earlier
        raise Conflict(N_("The minutes are approved by both sides and can no longer change."))
    refresh_digest(session, meeting)
    record(session, principal.actor, action, KIND, meeting.uid,
           details={"target": target, "version": meeting.minutes_version})  # fmt: skip


def add_delegate(
    session: Session, principal: Principal, meeting_id: int, data: DelegateInput
) -> Delegate:
    meeting = editable(session, principal, meeting_id)
    if problems := _known_agencies(session, [data.agency], "agency"):
        raise ValidationFailed(problems)
    count = session.scalar(select(func.count()).where(Delegate.meeting_id == meeting.id)) or 0
    delegate = _delegate(meeting, data, count)
    session.add(delegate)
    session.flush()
    _changed(session, principal, meeting, "meetings.delegate.add", data.agency)
    return delegate


def add_item(
    session: Session, principal: Principal, meeting_id: int, data: ItemInput
) -> AgendaItem:
    meeting = editable(session, principal, meeting_id)
    last = session.scalar(
        select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting.id)
    )
    item = _item(meeting, data, (last or 0) + 1)
    session.add(item)
    session.flush()
    _changed(session, principal, meeting, "meetings.item.add", item.uid)
    return item


def update_item(
    session: Session, principal: Principal, item_id: int, data: ItemInput
) -> AgendaItem:
    """Change an agenda item's title and discussion summary (its resolutions stay)."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound(N_("No such record."))
    meeting = editable(session, principal, item.meeting_id)
    for key, value in {**_texts(data, "title"), **_texts(data, "summary")}.items():
        setattr(item, key, value)
    session.flush()
    _changed(session, principal, meeting, "meetings.item.update", item.uid)
    return item


def add_resolution(
    session: Session, principal: Principal, item_id: int, data: ResolutionInput
) -> Resolution:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound(N_("No such record."))
    meeting = editable(session, principal, item.meeting_id)
    taken = session.scalar(
        select(Resolution.id).where(
            Resolution.meeting_id == meeting.id, Resolution.number == data.number
        )
    )
    if taken:
        raise ValidationFailed(
            [FieldProblem("number", N_("Two resolutions have the same number."))]
        )
    resolution = _resolution(meeting, item, data)
    session.add(resolution)
    session.flush()
    _changed(session, principal, meeting, "meetings.resolution.add", resolution.uid)
    return resolution


def add_action(
    session: Session, principal: Principal, resolution_id: int, data: ActionInput
) -> MeetingAction:
    resolution = session.get(Resolution, resolution_id)
    if resolution is None:
        raise NotFound(N_("No such record."))
    meeting = editable(session, principal, resolution.meeting_id)
    codes = [c for c in (data.owner_agency, data.counterpart_agency) if c]
    problems = _known_agencies(session, codes, "owner_agency")
    problems += _deadline_problems(meeting.starts_on, data, "deadline")
    if problems:
        raise ValidationFailed(problems)
    action = _action(meeting, resolution, data)
    session.add(action)
    session.flush()
    _changed(session, principal, meeting, "meetings.action.add", action.uid)
    return action


# --- the canonical minutes ---------------------------------------------------------------------


class AgreedParts(NamedTuple):
    """What the two sides agreed at a meeting, each in its order: its series, delegations,
    agenda items, resolutions and actions (read once for the minutes and for a reader's view)."""

    series: MeetingSeries
    delegates: list[Delegate]
    items: list[AgendaItem]
    resolutions: list[Resolution]
    actions: list[MeetingAction]


def agreed_parts(session: Session, meeting: Meeting) -> AgreedParts:
    series = session.get(MeetingSeries, meeting.series_id)
    assert series is not None

    def of(model: Any, *order: Any) -> list[Any]:
        return list(
            session.scalars(select(model).where(model.meeting_id == meeting.id).order_by(*order))
        )

    return AgreedParts(
        series,
        of(Delegate, Delegate.position),
        of(AgendaItem, AgendaItem.position),
        of(Resolution, Resolution.number),
        of(MeetingAction, MeetingAction.deadline, MeetingAction.uid),
    )


def minutes_of(session: Session, meeting: Meeting) -> dict[str, Any]:
    """The minutes as both sides sign them: the meeting, its delegations, agenda items,
    discussion summaries, resolutions and the actions agreed (owner, counterpart, title,
    deadline). Progress (status, notes, evidence) is not part of what was agreed."""
    series, delegates, items, resolutions, actions = agreed_parts(session, meeting)

    def action_dict(a: MeetingAction) -> dict[str, Any]:
        return {
            "uid": a.uid, "owner_agency": a.owner_agency, "counterpart_agency": a.counterpart_agency,
            **_signed(a, "title"), "deadline": a.deadline.isoformat(),
        }  # fmt: skip

    def resolution_dict(r: Resolution) -> dict[str, Any]:
        return {
            "uid": r.uid, "number": r.number, **_signed(r, "text"),
            "actions": [action_dict(a) for a in actions if a.resolution_id == r.id],
        }  # fmt: skip

    return {
        "meeting_uid": meeting.uid,
        "series": series.code,
        "number": meeting.number,
        "host_agency": meeting.host_agency,
        "drafting_agency": meeting.origin_agency,
        "counterpart": meeting.counterpart,
        **_signed(meeting, "place"),
        "starts_on": meeting.starts_on.isoformat(),
        "ends_on": meeting.ends_on.isoformat(),
        "delegates": [
            {"agency": d.agency_code, "role": d.role, **_signed(d, "name"), **_signed(d, "title")}
            for d in delegates
        ],
        "items": [
            {
                "uid": i.uid,
                **_signed(i, "title"),
                **_signed(i, "summary"),
                "resolutions": [resolution_dict(r) for r in resolutions if r.item_id == i.id],
            }
            for i in items
        ],
    }


def digest_of(minutes: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(minutes)).hexdigest()


def refresh_digest(session: Session, meeting: Meeting) -> str:
    """Take the digest of the minutes as they stand, and write the meeting's search document
    from the same minutes."""
    session.flush()
    minutes = minutes_of(session, meeting)
    meeting.minutes_digest = digest_of(minutes)
    fulltext.index(session, meeting, minutes)
    return meeting.minutes_digest


# --- reading -----------------------------------------------------------------------------------


def read_meeting(session: Session, principal: Principal, meeting_id: int | str) -> Meeting:
    return access(session, principal, Meeting, meeting_id)


def search_meetings(
    session: Session, principal: Principal, query: str, limit: int
) -> list[tuple[Meeting, str]]:
    """Meetings whose place, agenda or resolutions hold every word of ``query`` (any script),
    best first, each with its series' code."""
    found = fulltext.search(session, principal, query, limit)
    wanted = {m.series_id for m in found}
    codes = {row.id: row.code for row in session.execute(
        select(MeetingSeries.id, MeetingSeries.code).where(MeetingSeries.id.in_(wanted)))}  # fmt: skip
    return [(m, codes[m.series_id]) for m in found]


def reindex_all(session: Session) -> int:
    """Rebuild every meeting's document (after a restore)."""
    meetings = list(session.scalars(select(Meeting)))
    for meeting in meetings:
        fulltext.index(session, meeting, minutes_of(session, meeting))
    return len(meetings)


def other_side(meeting: Meeting, agency: str) -> str:
    """The agency at the other end of the minutes from ``agency``."""
    if agency == meeting.origin_agency:
        return meeting.counterpart
    if agency == meeting.counterpart:
        return meeting.origin_agency
    raise Forbidden(N_("Only the two sides of the minutes can do this."))
