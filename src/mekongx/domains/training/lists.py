"""The lists of courses and certificates and the courses' search, on the node's one list
machinery (``authz.listing``): one page newest first with visibility inside the query, and
full-text search over each course's document (code, titles, topic, trainers, place), written
when a course is recorded or received and rebuilt after a restore."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, require, visible
from mekongx.authz.listing import Page, page_of, search_of
from mekongx.db import fts
from mekongx.domains.training.models import SEARCH_KIND, Certificate, Course, Participant
from mekongx.model.texts import text_columns


def index(session: Session, course: Course) -> None:
    """Write (or replace) the course's full-text document."""
    titles = (getattr(course, column) for column in text_columns("title"))
    text = "\n".join((course.code, *titles, course.topic, course.trainers, course.place))
    fts.index_document(session, course.uid, SEARCH_KIND, text)


def list_courses(
    session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> Page[Course]:  # fmt: skip
    """One page of the courses the user may see, newest first (by first day, then id);
    ``after`` is the keyset cursor of the next page."""
    return page_of(session, visible(principal, Course), Course, page=page, per_page=per_page,
                   after=after, before=before, order=(Course.starts_on,))  # fmt: skip


def search_courses(
    session: Session, principal: Principal, query: str, *, limit: int = 50
) -> list[Course]:
    """The courses whose document holds every word of ``query`` (any script), best first,
    visible ones only."""
    return search_of(session, visible(principal, Course), Course, query, SEARCH_KIND, limit=limit)


@dataclass(frozen=True)
class Issued:
    certificate: Certificate
    participant: Participant
    course: Course


def list_certificates(
    session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> tuple[Page[Certificate], list[Issued]]:  # fmt: skip
    """One page of the certificates this agency issued, newest first, with their officers and
    courses (names of officers: the organising agency's writers only, as for participants)."""
    found = certificates_page(
        session, principal, page=page, per_page=per_page, after=after, before=before
    )
    return found, issued_of(session, found)


def certificates_page(
    session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> Page[Certificate]:  # fmt: skip
    """One page of the certificates this agency issued, newest first (``authz.listing``)."""
    require(principal, Permission.WRITE_RECORDS)
    own = visible(principal, Course).where(
        Course.origin_agency == principal.agency, Course.received.is_(False)
    )
    stmt = (
        select(Certificate)
        .join(Participant, Participant.id == Certificate.participant_id)
        .where(Participant.course_id.in_(own.with_only_columns(Course.id)))
    )
    return page_of(
        session, stmt, Certificate, page=page, per_page=per_page, after=after, before=before
    )


def issued_of(session: Session, found: Page[Certificate]) -> list[Issued]:
    """The page's certificates with their officers and courses."""
    people = {p.id: p for p in session.scalars(select(Participant).where(
        Participant.id.in_([c.participant_id for c in found.items])))}  # fmt: skip
    courses = {c.id: c for c in session.scalars(select(Course).where(
        Course.id.in_({p.course_id for p in people.values()})))}  # fmt: skip
    return [
        Issued(c, people[c.participant_id], courses[people[c.participant_id].course_id])
        for c in found.items
    ]
