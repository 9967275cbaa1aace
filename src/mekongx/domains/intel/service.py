"""Every change to intelligence reports. One function per action; each takes the acting user,
writes its audit row in the same transaction, and leaves the commit to the caller's unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, can, read_audited, require, visible
from mekongx.authz.listing import Page, page_of, search_of
from mekongx.authz.sharing import SharingInput, check_distribution, set_recipients
from mekongx.db import fts
from mekongx.domains.intel import exchange, handoff
from mekongx.domains.intel.models import SEARCH_KIND, IntelReport, IntelReportVersion
from mekongx.domains.intel.schemas import ReportInput
from mekongx.errors import Conflict, FieldProblem, Forbidden, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import User
from mekongx.model.record import Distribution, RecordRecipient

KIND = SEARCH_KIND
_OWN = SharingInput()  # an analyst's report stays in the agency until released


def _check_distribution(
    session: Session, principal: Principal, data: ReportInput, *, release: bool = True
) -> None:
    if problems := check_distribution(session, principal, data, release=release):
        raise ValidationFailed(problems)


def releases_directly(principal: Principal) -> bool:
    """Liaison officers share with peers themselves; other writers submit for release."""
    return can(principal, Permission.RELEASE_RECORDS).allowed


def _needs_release(report: IntelReport | None, data: ReportInput) -> bool:
    """Would saving ``data`` change who holds the report (or send a correction to holders)?"""
    if report is None:
        return data.distribution != Distribution.OWN.value
    return (
        data.distribution != Distribution.OWN.value or report.distribution != Distribution.OWN.value
    )


def _check_submission(principal: Principal, needs_release: bool, submit: bool) -> None:
    if submit and not needs_release:
        raise ValidationFailed(
            [
                FieldProblem(
                    "distribution",
                    N_("Choose the peer agencies or the group to release the report to."),
                )
            ]
        )
    if needs_release and not submit and not releases_directly(principal):
        refused = Forbidden(
            N_(
                "Your role cannot share beyond your agency. Choose “Submit for release”: "
                "a liaison officer of your agency will release it."
            )
        )
        refused.needed = Permission.RELEASE_RECORDS.value
        raise refused


def _index(session: Session, report: IntelReport) -> None:
    fts.index_document(session, report.uid, KIND, f"{report.title}\n{report.narrative}")


def create_report(
    session: Session,
    principal: Principal,
    data: ReportInput,
    *,
    submit: bool = False,
    comment: str = "",
) -> IntelReport:
    """Write a new report. A liaison officer's report goes to its distribution at once; an
    analyst's stays in the agency and, with ``submit``, waits in the liaison officers' queue."""
    require(principal, Permission.WRITE_RECORDS)
    direct = releases_directly(principal)
    _check_submission(principal, _needs_release(None, data), submit)
    _check_distribution(session, principal, data, release=direct)
    report = IntelReport(
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        language=data.language,
        title=data.title,
        narrative=data.narrative,
        source_reliability=data.source_reliability,
        info_reliability=data.info_reliability,
        handling_code=data.handling_code,
        handling_note=data.handling_note,
        edited_by=principal.username,
    )
    session.add(report)
    session.flush()
    set_recipients(session, report, data if direct else _OWN)
    _index(session, report)
    record(
        session,
        principal.actor,
        "intel.create",
        KIND,
        report.uid,
        details={"handling": data.handling_code, "distribution": data.distribution},
    )
    if direct:
        exchange.release(session, principal, report)
    elif submit:
        handoff.submit(session, principal, report, data, comment)
    return report


def update_report(
    session: Session,
    principal: Principal,
    report_id: int,
    data: ReportInput,
    *,
    submit: bool = False,
    comment: str = "",
) -> IntelReport:
    """Edit a report. An analyst's edit of a shared report, or one meant for peers, is kept in
    the agency until a liaison officer releases it (``submit``)."""
    report = access(session, principal, IntelReport, report_id, "write", for_update=True)
    if report.status == "retracted":
        raise Conflict(N_("This report is retracted."))
    if data.expected_version is not None and data.expected_version != report.version:
        raise Conflict(
            N_("Someone else changed this report (now version %(version)s). Reload and try again."),
            version=report.version,
        )
    direct = releases_directly(principal)
    _check_submission(principal, _needs_release(report, data), submit)
    _check_distribution(session, principal, data, release=direct)
    session.add(
        IntelReportVersion(
            report_id=report.id,
            version=report.version,
            title=report.title,
            narrative=report.narrative,
            handling_code=report.handling_code,
            # who wrote the version kept here, and when (not who replaced it)
            changed_by=report.edited_by or author_username(session, report),
            changed_at=report.updated_at,
        )
    )
    report.title, report.narrative, report.language = data.title, data.narrative, data.language
    report.source_reliability = data.source_reliability
    report.info_reliability = data.info_reliability
    report.handling_code, report.handling_note = data.handling_code, data.handling_note
    if direct:
        set_recipients(session, report, data)
    report.version += 1
    report.updated_at = utcnow()
    report.edited_by = principal.username
    _index(session, report)
    record(
        session,
        principal.actor,
        "intel.update",
        KIND,
        report.uid,
        details={"version": report.version},
    )
    if direct:
        exchange.release(session, principal, report)
        handoff.cancel(session, report)
    elif submit:
        handoff.submit(session, principal, report, data, comment)
    return report


def author_username(session: Session, report: IntelReport) -> str:
    """The login of the report's author (received copies: their display name)."""
    if report.author_id is None:
        return report.author_name
    user = session.get(User, report.author_id)
    return user.username if user is not None else report.author_name


def read_report(
    session: Session, principal: Principal, report_id: int | str, why: str = ""
) -> IntelReport:
    """Open one report. Intelligence is sensitive: every read is audited."""
    return read_audited(session, principal, IntelReport, report_id, "intel.read", KIND, why=why)


def recipients_of(session: Session, report: IntelReport) -> list[str]:
    stmt = select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == report.uid)
    return sorted(session.scalars(stmt))


def history(session: Session, report: IntelReport) -> list[IntelReportVersion]:
    stmt = (
        select(IntelReportVersion)
        .where(IntelReportVersion.report_id == report.id)
        .order_by(IntelReportVersion.version.desc())
    )
    return list(session.scalars(stmt))


def list_reports(
    session: Session,
    principal: Principal,
    *,
    page: int = 1,
    per_page: int = 50,
    handling_code: str | None = None,
    origin: str | None = None,
    after: int | None = None,
    before: int | None = None,
    columns: Sequence[Any] = (),
) -> Page[Any]:
    """Reports visible to the user, newest first (``after``: the keyset cursor of the next
    page, see ``authz.listing``); with ``columns``, rows of those columns instead of reports."""
    stmt = visible(principal, IntelReport)
    if handling_code:
        stmt = stmt.where(IntelReport.handling_code == handling_code)
    if origin:
        stmt = stmt.where(IntelReport.origin_agency == origin)
    return page_of(session, stmt, IntelReport, page=page, per_page=per_page, after=after, before=before,
                   columns=columns)  # fmt: skip


@overload
def search_reports(session: Session, principal: Principal, query: str, *,
                   limit: int = ...) -> list[IntelReport]: ...  # fmt: skip
@overload
def search_reports(session: Session, principal: Principal, query: str, *, limit: int = ...,
                   columns: Sequence[Any]) -> list[Row[Any]]: ...  # fmt: skip
def search_reports(
    session: Session,
    principal: Principal,
    query: str,
    *,
    limit: int = 50,
    columns: Sequence[Any] = (),
) -> list[Any]:
    """Reports matching every word of ``query`` (any script), best first, visible ones only:
    ranked by the full-text index and filtered by visibility in one query (``authz.listing``);
    with ``columns``, rows of those columns instead of reports."""
    return search_of(session, visible(principal, IntelReport), IntelReport, query, KIND,
                     limit=limit, columns=columns)  # fmt: skip


def reindex_all(session: Session) -> int:
    """Rebuild the full-text index of every report (after a restore)."""
    count = 0
    for report in session.scalars(select(IntelReport).execution_options(yield_per=1000)):
        _index(session, report)
        count += 1
    return count
