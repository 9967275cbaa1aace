"""Every change to intelligence reports. One function per action; each takes the acting user,
writes its audit row in the same transaction, and leaves the commit to the caller's unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
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
COUNT_CAP = 10_000


@dataclass(frozen=True)
class Page:
    items: list[IntelReport]
    total: int  # exact up to COUNT_CAP; COUNT_CAP + 1 means "more than COUNT_CAP"
    page: int
    per_page: int

    @property
    def total_exact(self) -> bool:
        return self.total <= COUNT_CAP


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
    # Counting every visible row costs a full scan; past COUNT_CAP the page says "10,000+".
    capped = stmt.order_by(None).with_only_columns(IntelReport.id).limit(COUNT_CAP + 1)
    total = session.scalar(select(func.count()).select_from(capped.subquery())) or 0
    stmt = stmt.order_by(IntelReport.id.desc()).limit(per_page).offset((page - 1) * per_page)
    return Page(list(session.scalars(stmt)), total, page, per_page)


def search_reports(
    session: Session, principal: Principal, query: str, *, limit: int = 50
) -> list[IntelReport]:
    """Reports matching every word of ``query`` (any script), best first, visible ones only.

    The full-text index ranks candidates alone (fast: no join), then the visible reports among
    each chunk of candidates are loaded through authz; a further chunk is read only when too
    few of the first were visible to this user.
    """
    match = fts.match_clause(session, query, KIND)
    if match is None:
        return []
    clause, params = match
    chunk = max(limit * 4, 200)
    found: list[IntelReport] = []
    for offset in range(0, 50 * chunk, chunk):
        rows = session.execute(
            text(clause.text + " ORDER BY rank LIMIT :chunk OFFSET :offset"),
            {**params, "chunk": chunk, "offset": offset},
        ).all()
        order = {uid: i for i, (uid, _rank) in enumerate(rows)}
        if order:
            visible_here = session.scalars(
                visible(principal, IntelReport).where(IntelReport.uid.in_(list(order)))
            )
            found.extend(sorted(visible_here, key=lambda r: order[r.uid]))
        if len(found) >= limit or len(rows) < chunk:
            break
    return found[:limit]


def reindex_all(session: Session) -> int:
    """Rebuild the full-text index of every report (after a restore)."""
    count = 0
    for report in session.scalars(select(IntelReport).execution_options(yield_per=1000)):
        _index(session, report)
        count += 1
    return count
