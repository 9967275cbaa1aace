"""Every change to intelligence reports. One function per action; each takes the acting user,
writes its audit row in the same transaction, and leaves the commit to the caller's unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Float, String, column, func, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, require, visible
from mekongx.authz.sharing import check_distribution, set_recipients
from mekongx.db import fts
from mekongx.domains.intel import exchange
from mekongx.domains.intel.models import SEARCH_KIND, IntelReport, IntelReportVersion
from mekongx.domains.intel.schemas import ReportInput
from mekongx.errors import Conflict, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.record import RecordRecipient

KIND = SEARCH_KIND


@dataclass(frozen=True)
class Page:
    items: list[IntelReport]
    total: int
    page: int
    per_page: int


def _check_distribution(session: Session, principal: Principal, data: ReportInput) -> None:
    if problems := check_distribution(session, principal, data):
        raise ValidationFailed(problems)


def _index(session: Session, report: IntelReport) -> None:
    fts.index_document(session, report.uid, KIND, f"{report.title}\n{report.narrative}")


def create_report(session: Session, principal: Principal, data: ReportInput) -> IntelReport:
    require(principal, Permission.WRITE_RECORDS)
    _check_distribution(session, principal, data)
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
    )
    session.add(report)
    session.flush()
    set_recipients(session, report, data)
    _index(session, report)
    record(
        session,
        principal.actor,
        "intel.create",
        KIND,
        report.uid,
        details={"handling": data.handling_code, "distribution": data.distribution},
    )
    exchange.release(session, principal, report)
    return report


def update_report(
    session: Session, principal: Principal, report_id: int, data: ReportInput
) -> IntelReport:
    report = access(session, principal, IntelReport, report_id, "write", for_update=True)
    if report.status == "retracted":
        raise Conflict(N_("This report is retracted."))
    if data.expected_version is not None and data.expected_version != report.version:
        raise Conflict(
            N_("Someone else changed this report (now version %(version)s). Reload and try again."),
            version=report.version,
        )
    _check_distribution(session, principal, data)
    session.add(
        IntelReportVersion(
            report_id=report.id,
            version=report.version,
            title=report.title,
            narrative=report.narrative,
            handling_code=report.handling_code,
            changed_by=principal.username,
        )
    )
    report.title, report.narrative, report.language = data.title, data.narrative, data.language
    report.source_reliability = data.source_reliability
    report.info_reliability = data.info_reliability
    report.handling_code, report.handling_note = data.handling_code, data.handling_note
    set_recipients(session, report, data)
    report.version += 1
    report.updated_at = utcnow()
    _index(session, report)
    record(
        session,
        principal.actor,
        "intel.update",
        KIND,
        report.uid,
        details={"version": report.version},
    )
    exchange.release(session, principal, report)
    return report


def read_report(
    session: Session, principal: Principal, report_id: int | str, why: str = ""
) -> IntelReport:
    """Open one report. Intelligence is sensitive: every read is audited."""
    report = access(session, principal, IntelReport, report_id, "read")
    record(session, principal.actor, "intel.read", KIND, report.uid, why=why)
    return report


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
) -> Page:
    stmt = visible(principal, IntelReport)
    if handling_code:
        stmt = stmt.where(IntelReport.handling_code == handling_code)
    if origin:
        stmt = stmt.where(IntelReport.origin_agency == origin)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    stmt = stmt.order_by(IntelReport.id.desc()).limit(per_page).offset((page - 1) * per_page)
    return Page(list(session.scalars(stmt)), total, page, per_page)


def search_reports(
    session: Session, principal: Principal, query: str, *, limit: int = 50
) -> list[IntelReport]:
    """Reports matching every word of ``query`` (any script), best first, visible ones only."""
    match = fts.match_clause(session, query, KIND)
    if match is None:
        return []
    clause, params = match
    hits = (
        clause.bindparams(**params)
        .columns(column("uid", String), column("rank", Float))
        .subquery("hits")
    )
    stmt = (
        visible(principal, IntelReport)
        .join(hits, hits.c.uid == IntelReport.uid)
        .order_by(hits.c.rank, IntelReport.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def reindex_all(session: Session) -> int:
    """Rebuild the full-text index of every report (after a restore)."""
    count = 0
    for report in session.scalars(select(IntelReport).execution_options(yield_per=1000)):
        _index(session, report)
        count += 1
    return count
