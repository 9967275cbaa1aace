"""The analyst → liaison hand-off. An analyst may not release to peers: the report stays in the
agency and waits, with the distribution the analyst proposes, in the queue of the agency's
liaison officers, who release it (as proposed or narrowed), or return it with a comment.
The queue is the shared approval mechanism (:mod:`mekongx.domains.review`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, access, require
from mekongx.authz.sharing import SharingInput, check_distribution, set_recipients
from mekongx.domains.intel import exchange
from mekongx.domains.intel.models import SEARCH_KIND, IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.domains.review import service as review
from mekongx.domains.review.models import ReviewRequest
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import SharingGroupMember, User
from mekongx.model.record import Distribution

STEP = "release"


def _author(session: Session, report: IntelReport) -> str:
    user = session.get(User, report.author_id) if report.author_id is not None else None
    return user.username if user is not None else report.author_name


def submit(
    session: Session, principal: Principal, report: IntelReport, data: ReportInput, comment: str
) -> ReviewRequest:
    """Put the report in the liaison officers' queue with the proposed distribution."""
    proposal = {
        "distribution": data.distribution,
        "recipients": list(data.recipients),
        "sharing_group": data.sharing_group,
    }
    return review.submit(
        session, principal, kind=SEARCH_KIND, record_uid=report.uid, record_id=report.id,
        step=STEP, title=report.title, author=_author(session, report),
        editor=report.edited_by or principal.username, comment=comment, proposal=proposal,
    )  # fmt: skip


def cancel(session: Session, report: IntelReport) -> None:
    """A liaison officer's own edit releases the report itself: nothing stays queued."""
    waiting = review.pending(session, SEARCH_KIND, report.uid, STEP)
    if waiting is not None:
        waiting.status, waiting.decided_at = "superseded", utcnow()


def proposed_holders(session: Session, request: ReviewRequest) -> list[str]:
    """The agencies the analyst proposed (a group's members, by name)."""
    proposal = review.proposal_of(request)
    if proposal.get("distribution") == Distribution.GROUP.value and proposal.get("sharing_group"):
        stmt = select(SharingGroupMember.agency_code).where(
            SharingGroupMember.group_code == proposal["sharing_group"]
        )
        return sorted(set(session.scalars(stmt)) - {request.agency})
    return sorted(str(c) for c in proposal.get("recipients", []))


def _load(session: Session, principal: Principal, request_id: int) -> ReviewRequest:
    request = session.get(ReviewRequest, request_id)
    if request is None or request.kind != SEARCH_KIND or request.agency != principal.agency:
        raise NotFound(N_("No such record."))
    return request


def release(
    session: Session, principal: Principal, request_id: int, chosen: list[str], note: str = ""
) -> IntelReport:
    """Release a submitted report to the proposed agencies, or to fewer of them (narrowed).
    The liaison officer may not add agencies the analyst did not propose."""
    request = _load(session, principal, request_id)
    report = access(session, principal, IntelReport, request.record_id, "release", for_update=True)
    if report.status == "retracted":
        raise Conflict(N_("This report is retracted."))
    proposed = proposed_holders(session, request)
    picked = sorted({c.strip().upper() for c in chosen if c.strip()})
    if not picked:
        raise ValidationFailed(
            [
                FieldProblem(
                    "to", N_("Choose at least one agency, or return the report with a comment.")
                )
            ]
        )
    if extra := [c for c in picked if c not in proposed]:
        raise ValidationFailed(
            [
                FieldProblem(
                    "to",
                    N_(
                        "Not proposed by the analyst: %(codes)s. You may only narrow the distribution."
                    ),
                    {"codes": ", ".join(extra)},
                )
            ]
        )
    proposal = review.proposal_of(request)
    data: dict[str, Any]
    if proposal.get("distribution") == Distribution.GROUP.value and picked == proposed:
        data = {"distribution": "group", "sharing_group": proposal["sharing_group"]}
    else:
        data = {"distribution": "peers", "recipients": picked}
    sharing = SharingInput(**data)
    if problems := check_distribution(session, principal, sharing):
        raise ValidationFailed(problems)
    review.approve(session, principal, kind=SEARCH_KIND, record_uid=report.uid, step=STEP,
                   note=note)  # fmt: skip
    set_recipients(session, report, sharing)
    report.updated_at = utcnow()
    exchange.release(session, principal, report)
    return report


def send_back(session: Session, principal: Principal, request_id: int, note: str) -> ReviewRequest:
    """Return a submitted report to the analyst with a comment."""
    require(principal, Permission.RELEASE_RECORDS)
    _load(session, principal, request_id)
    return review.send_back(session, principal, request_id, note)
