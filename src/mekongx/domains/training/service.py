"""Courses, study visits and exchanges; their participants, results and evaluation.

Participants are officers' personal data: only users who may write records read them (the
organising agency's node holds them), and each read of a course's participant list is audited.
Certificates and their verification are in ``certificates.py``; the course's sharing in
``exchange.py``."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import (
    Permission,
    Principal,
    access,
    read_audited,
    require,
    visibility_clause,
    visible,
)
from mekongx.authz.sharing import check_distribution, set_recipients
from mekongx.domains.training import exchange, lists
from mekongx.domains.training.models import SEARCH_KIND, Certificate, Course, Participant
from mekongx.domains.training.schemas import CourseInput, ParticipantInput, ResultInput
from mekongx.errors import FieldProblem, Forbidden, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.identity import Agency
from mekongx.model.record import new_uid

KIND = SEARCH_KIND


def create_course(session: Session, principal: Principal, data: CourseInput) -> Course:
    require(principal, Permission.WRITE_RECORDS)
    problems = check_distribution(session, principal, data)
    known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.partner_agencies))))
    problems += [FieldProblem("partner_agencies", N_("Unknown agency: %(code)s"), {"code": c})
                 for c in data.partner_agencies if c not in known]  # fmt: skip
    if problems:
        raise ValidationFailed(problems)
    course = Course(
        uid=new_uid(), origin_agency=principal.agency, author_id=principal.user_id,
        author_name=principal.display_name, handling_code=data.handling_code,
        handling_note=data.handling_note, partner_agencies=" ".join(data.partner_agencies),
        competencies=" ".join(data.competencies),
        **data.model_dump(exclude={"handling_code", "handling_note", "distribution", "recipients",
                                   "sharing_group", "partner_agencies", "competencies"}),
    )  # fmt: skip
    session.add(course)
    session.flush()
    set_recipients(session, course, data)
    lists.index(session, course)
    record(session, principal.actor, "training.course.create", KIND, course.uid,
           details={"code": data.code, "type": data.course_type})  # fmt: skip
    exchange.release(session, principal, course)
    return course


def read_course(session: Session, principal: Principal, ident: int | str) -> Course:
    return access(session, principal, Course, ident)


def _organiser(session: Session, principal: Principal, course_id: int | str) -> Course:
    """The course, for a user of the organising agency who may write (participants' data)."""
    return access(session, principal, Course, course_id, "write", for_update=True)


def participants(session: Session, principal: Principal, course_id: int | str) -> list[Participant]:
    """The named participants: organising agency, users who may write only; audited. One
    statement reads the visible course's origin and, for the agency's own course, its
    participants (nothing is written for a refusal); then the course with its audit row
    (``authz.read_audited``)."""
    require(principal, Permission.WRITE_RECORDS)
    key = Course.uid if isinstance(course_id, str) else Course.id
    own = and_(Course.origin_agency == principal.agency, Course.received.is_(False))
    rows = session.execute(
        select(own.label("own"), Participant).select_from(Course)
        .outerjoin(Participant, and_(Participant.course_id == Course.id, own))
        .where(visibility_clause(Course, principal.agency), key == course_id)
        .order_by(Participant.agency_code, Participant.name)
    ).all()  # fmt: skip
    if not rows:
        raise NotFound(N_("No such record."))
    if not rows[0].own:
        raise Forbidden(N_("Participants stay with the organising agency."))
    found = [row.Participant for row in rows if row.Participant is not None]
    read_audited(session, principal, Course, course_id, "training.participants.read", KIND,
                 details={"count": len(found)})  # fmt: skip
    return found


def add_participant(
    session: Session, principal: Principal, course_id: int | str, data: ParticipantInput
) -> Participant:
    course = _organiser(session, principal, course_id)
    if session.get(Agency, data.agency_code) is None:
        raise ValidationFailed([FieldProblem("agency_code", N_("Unknown agency: %(code)s"),
                                             {"code": data.agency_code})])  # fmt: skip
    participant = Participant(uid=new_uid(), course_id=course.id, **data.model_dump())
    session.add(participant)
    session.flush()
    record(session, principal.actor, "training.participant.add", KIND, course.uid,
           details={"participant": participant.uid, "agency": data.agency_code})  # fmt: skip
    return participant


def participant_of(
    session: Session, principal: Principal, participant_id: int
) -> tuple[Course, Participant]:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFound(N_("No such record."))
    return _organiser(session, principal, participant.course_id), participant


def course_id_of(session: Session, principal: Principal, participant_id: int) -> int:
    """The id of the course of a participant whose course the user may see."""
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFound(N_("No such record."))
    return access(session, principal, Course, participant.course_id).id


def record_result(
    session: Session, principal: Principal, participant_id: int, data: ResultInput
) -> Participant:
    """Attendance, assessment and evaluation; a pass needs the course attended."""
    course, participant = participant_of(session, principal, participant_id)
    days = (course.ends_on - course.starts_on).days + 1
    problems = []
    if data.attended_days is not None and data.attended_days > days:
        problems.append(
            FieldProblem("attended_days", N_("The course has only %(days)s days."), {"days": days})
        )
    if data.passed and data.attended_days == 0:
        problems.append(
            FieldProblem("passed", N_("A participant who attended no day cannot pass."))
        )
    if data.followed_up_on is not None and data.followed_up_on < course.ends_on:
        problems.append(
            FieldProblem("followed_up_on", N_("The follow-up comes after the course ends."))
        )
    if problems:
        raise ValidationFailed(problems)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(participant, name, value)
    session.flush()
    record(session, principal.actor, "training.result.record", KIND, course.uid,
           details={"participant": participant.uid, "fields": sorted(data.model_fields_set)})  # fmt: skip
    return participant


@dataclass
class Summary:
    """Evaluation on the four levels, for a course or a competency."""

    participants: int = 0
    attended: int = 0
    passed: int = 0
    certificates: int = 0
    reaction: float | None = None  # level 1, mean of 1-5
    score: float | None = None  # level 2, mean assessment 0-100
    behaviour: float | None = None  # level 3, mean of 1-5 at follow-up
    followed_up: int = 0
    results: list[str] = field(default_factory=list)  # level 4, in words


def _summarise(rows: list[Participant], certified: set[int]) -> Summary:
    def avg(values: list[int | None]) -> float | None:
        present = [v for v in values if v is not None]
        return round(mean(present), 2) if present else None

    return Summary(
        participants=len(rows), attended=sum(1 for p in rows if p.attended_days),
        passed=sum(1 for p in rows if p.passed), certificates=sum(1 for p in rows if p.id in certified),
        reaction=avg([p.reaction for p in rows]), score=avg([p.score for p in rows]),
        behaviour=avg([p.behaviour for p in rows]), followed_up=sum(1 for p in rows if p.followed_up_on),
        results=[p.results for p in rows if p.results],
    )  # fmt: skip


def evaluation(
    session: Session, principal: Principal
) -> tuple[dict[str, Summary], dict[str, Summary]]:
    """Per course code and per competency, over the courses this agency organised (its own
    participants' data); figures only, no names."""
    require(principal, Permission.READ_RECORDS)
    courses = {c.id: c for c in session.scalars(visible(principal, Course).where(
        Course.origin_agency == principal.agency, Course.received.is_(False)))}  # fmt: skip
    rows = list(session.scalars(select(Participant).where(Participant.course_id.in_(courses))))
    certified = set(session.scalars(select(Certificate.participant_id).where(
        Certificate.participant_id.in_([p.id for p in rows]))))  # fmt: skip
    by_course: dict[str, list[Participant]] = {}
    by_competency: dict[str, list[Participant]] = {}
    for p in rows:
        course = courses[p.course_id]
        by_course.setdefault(course.code, []).append(p)
        for competency in course.competencies.split():
            by_competency.setdefault(competency, []).append(p)
    return (
        {k: _summarise(v, certified) for k, v in sorted(by_course.items())},
        {k: _summarise(v, certified) for k, v in sorted(by_competency.items())},
    )
