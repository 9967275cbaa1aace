"""One approval mechanism for every area.

An area that needs a second person's decision calls :func:`submit` in the transaction of the
change (a report submitted for release, a notice drafted or edited), and :func:`approve` or
:func:`send_back` when the second person decides. The four-eyes rule lives here once: the
person who approves differs from the record's author **and** from its last editor
(:func:`check_second_person`). Requests stay as data (who asked, who decided, when, why).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Principal
from mekongx.domains.review.models import ReviewRequest
from mekongx.errors import Conflict, FieldProblem, Forbidden, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow

KIND = "review_request"
STEPS = ("release", "review", "publish")
MAX_NOTE = 2000


def check_second_person(principal: Principal, *, author: str, editor: str) -> None:
    """Four eyes: the approver is neither the record's author nor its last editor."""
    if principal.username == author:
        raise Forbidden(
            N_("A second person must approve this: you wrote it. Ask a colleague to do it.")
        )
    if principal.username == editor:
        raise Forbidden(
            N_("A second person must approve this: you edited it last. Ask a colleague to do it.")
        )


def _note(note: str, field: str = "note") -> str:
    if len(note) > MAX_NOTE:
        raise ValidationFailed(
            [
                FieldProblem(
                    field,
                    N_("Must be at most %(max_length)s characters."),
                    {"max_length": MAX_NOTE},
                )
            ]
        )
    return note.strip()


def pending(
    session: Session, kind: str, record_uid: str, step: str | None = None, *, lock: bool = False
) -> ReviewRequest | None:
    """The request of a record waiting for a decision (at ``step``, if given); ``lock``: locked
    for this transaction and read afresh (a decision made meanwhile by a colleague is seen)."""
    stmt = select(ReviewRequest).where(
        ReviewRequest.kind == kind,
        ReviewRequest.record_uid == record_uid,
        ReviewRequest.status == "pending",
    )
    if step is not None:
        stmt = stmt.where(ReviewRequest.step == step)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return session.scalars(stmt.order_by(ReviewRequest.id.desc())).first()


def latest(session: Session, kind: str, record_uid: str) -> ReviewRequest | None:
    """The newest request of a record, whatever its state (for the record's page)."""
    stmt = (
        select(ReviewRequest)
        .where(ReviewRequest.kind == kind, ReviewRequest.record_uid == record_uid)
        .order_by(ReviewRequest.id.desc())
    )
    return session.scalars(stmt).first()


def submit(
    session: Session,
    principal: Principal,
    *,
    kind: str,
    record_uid: str,
    record_id: int,
    step: str,
    title: str,
    author: str,
    editor: str,
    comment: str = "",
    proposal: dict[str, Any] | None = None,
) -> ReviewRequest:
    """Ask a second person of the agency to decide ``step`` on a record. An earlier pending
    request of the same record is superseded (the newest content is what gets approved)."""
    if step not in STEPS:
        raise NotFound(N_("No such record."))
    comment = _note(comment, "comment")
    session.execute(
        update(ReviewRequest)
        .where(
            ReviewRequest.kind == kind,
            ReviewRequest.record_uid == record_uid,
            ReviewRequest.status == "pending",
        )
        .values(status="superseded", decided_at=utcnow())
    )
    request = ReviewRequest(
        kind=kind,
        record_uid=record_uid,
        record_id=record_id,
        agency=principal.agency,
        step=step,
        status="pending",
        title=title[:300],
        author=author,
        editor=editor,
        requested_by=principal.username,
        comment=comment,
        proposal=json.dumps(proposal or {}, ensure_ascii=False, sort_keys=True),
    )
    session.add(request)
    session.flush()
    record(session, principal.actor, "review.submit", kind, record_uid, why=comment,
           details={"step": step, "request": request.id})  # fmt: skip
    return request


def _decide(
    session: Session, principal: Principal, request: ReviewRequest, status: str, note: str
) -> ReviewRequest:
    if request.agency != principal.agency:
        raise NotFound(N_("No such record."))
    if request.status != "pending":
        raise Conflict(N_("This request has already been decided."))
    check_second_person(principal, author=request.author, editor=request.editor)
    request.status, request.decided_by, request.decided_at = status, principal.username, utcnow()
    request.decision_note = note
    action = "review.approve" if status == "approved" else "review.return"
    record(session, principal.actor, action, request.kind, request.record_uid, why=note,
           details={"step": request.step, "request": request.id})  # fmt: skip
    return request


def approve(
    session: Session,
    principal: Principal,
    *,
    kind: str,
    record_uid: str,
    step: str,
    note: str = "",
    fallback: dict[str, str] | None = None,
) -> ReviewRequest:
    """Approve the pending ``step`` of a record. ``fallback`` (author, editor, title,
    record_id) stands in for a record that has no request yet (made before requests existed).
    The request is locked first: an approval racing a return or a newer submission waits for it
    and then finds nothing to approve, instead of overwriting it."""
    request = pending(session, kind, record_uid, step, lock=True)
    if request is None:
        if fallback is None:
            raise Conflict(N_("Nothing is waiting for a decision here."))
        check_second_person(principal, author=fallback["author"], editor=fallback["editor"])
        request = ReviewRequest(
            kind=kind, record_uid=record_uid, record_id=int(fallback["record_id"]),
            agency=principal.agency, step=step, status="pending", title=fallback["title"][:300],
            author=fallback["author"], editor=fallback["editor"], requested_by=fallback["author"],
        )  # fmt: skip
        session.add(request)
        session.flush()
    return _decide(session, principal, request, "approved", _note(note))


def send_back(session: Session, principal: Principal, request_id: int, note: str) -> ReviewRequest:
    """Return a request to its submitter with a comment (the comment is required)."""
    note = _note(note)
    if not note:
        raise ValidationFailed([FieldProblem("note", N_("Say what should change."))])
    request = session.get(ReviewRequest, request_id, with_for_update=True)
    if request is None:
        raise NotFound(N_("No such record."))
    return _decide(session, principal, request, "returned", note)


def close(session: Session, kind: str, record_uid: str) -> None:
    """The record left the workflow (withdrawn, retracted): nothing waits for it any more."""
    session.execute(
        update(ReviewRequest)
        .where(
            ReviewRequest.kind == kind,
            ReviewRequest.record_uid == record_uid,
            ReviewRequest.status == "pending",
        )
        .values(status="superseded", decided_at=utcnow())
    )


def queue(
    session: Session, principal: Principal, *, kind: str | None = None, step: str | None = None
) -> list[ReviewRequest]:
    """Requests of the user's agency waiting for a decision, oldest first."""
    stmt = select(ReviewRequest).where(
        ReviewRequest.agency == principal.agency, ReviewRequest.status == "pending"
    )
    if kind is not None:
        stmt = stmt.where(ReviewRequest.kind == kind)
    if step is not None:
        stmt = stmt.where(ReviewRequest.step == step)
    return list(session.scalars(stmt.order_by(ReviewRequest.id)))


def returned_to(session: Session, principal: Principal) -> list[ReviewRequest]:
    """Requests this user submitted that came back with a comment and were not resubmitted."""
    stmt = select(ReviewRequest).where(
        ReviewRequest.agency == principal.agency,
        ReviewRequest.requested_by == principal.username,
        ReviewRequest.status == "returned",
    )
    found = list(session.scalars(stmt.order_by(ReviewRequest.id)))
    return [r for r in found if latest(session, r.kind, r.record_uid) is r]


def proposal_of(request: ReviewRequest) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(request.proposal or "{}")
    return data
