"""Financial investigations: one function per action. Each takes the acting user, writes its
audit row in the same transaction and leaves the commit to the caller's unit of work.

Reading a transaction file is slow and needs no database, so the caller does it first
(:func:`read_file`, outside any transaction, off the event loop); :func:`add_transactions`
then stores what it read in one short write. Detection and tracing run the money-flow engine
on a Parquet copy of the case's transactions in a temporary directory.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from mekongx import moneyflow
from mekongx.audit import record, record_read
from mekongx.authz import Permission, Principal, access, read_audited, require, visible
from mekongx.authz.listing import Page, page_of
from mekongx.authz.sharing import check_distribution, set_recipients
from mekongx.db import fts
from mekongx.domains.finance.models import (
    SEARCH_KIND,
    FinAlert,
    FinCase,
    FinImport,
    FinTransaction,
    case_document,
)
from mekongx.domains.finance.schemas import CaseInput, ReviewInput
from mekongx.errors import Conflict, FieldProblem, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.moneyflow.loader import ROW_FIELDS, rows_of, write_rows
from mekongx.moneyflow.trace import TraceResult
from mekongx.moneyflow.trace import trace as trace_money

KIND = "fin_case"


def reindex_all(session: Session) -> int:
    """Rebuild every case's full-text document (after a restore)."""
    cases = session.execute(select(FinCase.uid, FinCase.title, FinCase.summary)).all()
    return fts.index_all(session, SEARCH_KIND, ((c.uid, case_document(c.title, c.summary))
                                                for c in cases))  # fmt: skip


def create_case(session: Session, principal: Principal, data: CaseInput) -> FinCase:
    require(principal, Permission.WRITE_RECORDS)
    if problems := check_distribution(session, principal, data):
        raise ValidationFailed(problems)
    case = FinCase(
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        language=data.language,
        title=data.title,
        summary=data.summary,
        base_currency=data.base_currency,
        handling_code=data.handling_code,
        handling_note=data.handling_note,
    )
    session.add(case)
    session.flush()
    set_recipients(session, case, data)
    fts.index_document(session, case.uid, SEARCH_KIND, case_document(case.title, case.summary))
    record(
        session,
        principal.actor,
        "finance.case.create",
        KIND,
        case.uid,
        details={"handling": data.handling_code},
    )
    return case


def list_cases(
    session: Session,
    principal: Principal,
    *,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> Page[FinCase]:
    """One page of the cases the user may see, most recently changed first (``authz.listing``:
    keyset paging with ``after``, the total estimated beyond the bound)."""
    stmt = visible(principal, FinCase)
    return page_of(session, stmt, FinCase, page=page, per_page=per_page, after=after, before=before,
                   order=(FinCase.updated_at,))  # fmt: skip


def read_case(session: Session, principal: Principal, case_id: int, why: str = "") -> FinCase:
    """A case, its read audited (transactions are sensitive)."""
    return read_audited(session, principal, FinCase, case_id, "finance.case.read", KIND, why=why)


@dataclass(frozen=True)
class CaseFigures:
    transactions: int
    accounts: int
    first: int | None
    last: int | None


def read_case_for_view(session: Session, principal: Principal, case_id: int | str) -> FinCase:
    """The case's heading (title, currency) for a page whose reads are audited elsewhere."""
    return access(session, principal, FinCase, case_id)


def read_case_for_import(session: Session, principal: Principal, case_id: int) -> FinCase:
    """The case a file is about to be read into (checked for writing before the slow read)."""
    return access(session, principal, FinCase, case_id, "write")


def figures(session: Session, case: FinCase) -> CaseFigures:
    row = session.execute(
        select(func.count(FinTransaction.id), func.min(FinTransaction.ts), func.max(FinTransaction.ts))
        .where(FinTransaction.case_id == case.id)
    ).one()  # fmt: skip
    accounts = session.scalar(
        select(func.count()).select_from(
            select(FinTransaction.src).where(FinTransaction.case_id == case.id)
            .union(select(FinTransaction.dst).where(FinTransaction.case_id == case.id)).subquery()
        )
    )  # fmt: skip
    return CaseFigures(int(row[0]), int(accounts or 0), row[1], row[2])


def imports(session: Session, case: FinCase) -> list[FinImport]:
    return list(
        session.scalars(
            select(FinImport).where(FinImport.case_id == case.id).order_by(FinImport.id.desc())
        )
    )


def read_file(
    path: Path, workdir: Path, *, base_currency: str, lang: str, mapping: moneyflow.ColumnMapping | None = None,
    timezone: str | None = None,
) -> moneyflow.Dataset:  # fmt: skip
    """Read and check a transaction file (no database; call it before the write transaction).
    A file that cannot be read is refused with the engine's reason in the user's language."""
    from mekongx import uploads
    from mekongx.tabular import TableError, open_table

    try:
        with path.open("rb") as handle:
            workbook = handle.read(4) == b"PK\x03\x04"
        if workbook:  # refuse zip bombs and absurd dimensions before the engine opens it
            open_table(path, "xlsx", uploads.command_line_limits()).close()
        return moneyflow.load(
            path, workdir, mapping=mapping, base_currency=base_currency, timezone=timezone
        )
    except TableError as error:
        raise uploads.refused(error, lang) from None
    except moneyflow.MoneyflowError as error:
        raise ValidationFailed(
            [FieldProblem("file", FILE_PROBLEM, {"problem": error.render(lang)})]
        ) from None


FILE_PROBLEM = N_("The file was not read: %(problem)s")
TRACE_REFUSED = N_("Tracing was refused: %(problem)s")


def rejection_lines(dataset: moneyflow.Dataset, lang: str, limit: int = 200) -> list[str]:
    """The rejected rows, each with its row, field and reason, in the user's language."""
    lines = []
    for item in dataset.rejected[:limit]:
        problem = moneyflow.render(item.code, lang, **item.params)
        lines.append(
            problem
            if item.code == "row.more"
            else moneyflow.render(
                "row.rejected", lang, row=item.row, field=item.field, problem=problem
            )
        )
    return lines


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def add_transactions(
    session: Session,
    principal: Principal,
    case_id: int,
    dataset: moneyflow.Dataset,
    filename: str,
    sha256: str,
) -> FinImport:
    """Store what :func:`read_file` read; transactions the case already holds are not added twice."""
    case = access(session, principal, FinCase, case_id, "write")
    if dataset.base_currency != case.base_currency:
        raise ValidationFailed([FieldProblem("file", N_("The file was read in %(found)s; this case counts in %(expected)s."),
                                             {"found": dataset.base_currency, "expected": case.base_currency})])  # fmt: skip
    rows = rows_of(dataset.path)
    known = set(
        session.scalars(select(FinTransaction.txid).where(FinTransaction.case_id == case.id))
    )
    fresh = [r for r in rows if r[0] not in known]
    batch = FinImport(
        case_id=case.id, filename=filename[:255], sha256=sha256, added=len(fresh),
        duplicates=len(rows) - len(fresh), rejected=sum(1 for r in dataset.rejected if r.row),
        imported_by=principal.username,
    )  # fmt: skip
    session.add(batch)
    session.flush()
    names = [{"amt": "amount_base"}.get(n, n) for n in ROW_FIELDS]
    for start in range(0, len(fresh), 5000):
        session.execute(
            insert(FinTransaction),
            [
                dict(zip(names, r, strict=True), case_id=case.id, import_id=batch.id)
                for r in fresh[start : start + 5000]
            ],
        )
    case.updated_at = utcnow()
    record(session, principal.actor, "finance.import", KIND, case.uid,
           details={"file": filename[:255], "sha256": sha256, "added": batch.added, "duplicates": batch.duplicates,
                    "rejected": batch.rejected})  # fmt: skip
    return batch


def _export(session: Session, case: FinCase, workdir: Path) -> Path:
    """The case's transactions as the engine's normalised Parquet file."""
    rows = session.execute(
        select(FinTransaction.txid, FinTransaction.ts, FinTransaction.src, FinTransaction.dst,
               FinTransaction.amount, FinTransaction.currency, FinTransaction.amount_base,
               FinTransaction.channel, FinTransaction.src_country, FinTransaction.dst_country,
               FinTransaction.branch).where(FinTransaction.case_id == case.id)
    ).all()  # fmt: skip
    if not rows:
        raise Conflict(N_("This case holds no transactions yet; import a file first."))
    return write_rows(workdir / "transactions.parquet", [tuple(r) for r in rows])


def run_detection(
    session: Session, principal: Principal, case_id: int, *, engine: str = "duckdb"
) -> int:
    """Run every detector over the case; judged alerts stay, open ones are replaced. Returns
    the number of alerts now open."""
    case = access(session, principal, FinCase, case_id, "write")
    with tempfile.TemporaryDirectory(prefix="mekongx-finance-") as work:
        path = _export(session, case, Path(work))
        alerts = moneyflow.detect(path, engine=engine, base_currency=case.base_currency)
    judged = set(
        session.scalars(
            select(FinAlert.alert_key).where(FinAlert.case_id == case.id, FinAlert.status != "open")
        )
    )
    session.execute(delete(FinAlert).where(FinAlert.case_id == case.id, FinAlert.status == "open"))
    fresh = [a for a in alerts if a.alert_id not in judged]
    for alert in fresh:
        session.add(FinAlert(case_id=case.id, alert_key=alert.alert_id, typology=alert.typology, score=alert.score,
                             transaction_ids=" ".join(alert.transaction_ids), accounts=" ".join(alert.accounts),
                             explanation=alert.explanation, explanation_code=alert.code,
                             explanation_params=json.dumps(alert.params, ensure_ascii=False)))  # fmt: skip
    record(
        session,
        principal.actor,
        "finance.detect",
        KIND,
        case.uid,
        details={"engine": engine, "alerts": len(fresh)},
    )
    return len(fresh)


def alerts_of(session: Session, case: FinCase, status: str | None = None) -> list[FinAlert]:
    stmt = select(FinAlert).where(FinAlert.case_id == case.id)
    if status:
        stmt = stmt.where(FinAlert.status == status)
    return list(session.scalars(stmt.order_by(FinAlert.score.desc(), FinAlert.alert_key)))


def review_alert(
    session: Session, principal: Principal, alert_id: int, data: ReviewInput
) -> FinAlert:
    require(principal, Permission.WRITE_RECORDS)
    alert = session.get(FinAlert, alert_id)
    if alert is None:
        from mekongx.errors import NotFound

        raise NotFound(N_("No such record."))
    case = access(session, principal, FinCase, alert.case_id, "write")
    if data.decision == "dismissed" and not data.reason:
        raise ValidationFailed([FieldProblem("reason", N_("Say why the alert is dismissed."))])
    alert.status, alert.reason = data.decision, data.reason
    alert.reviewed_by, alert.reviewed_at = principal.username, utcnow()
    record(session, principal.actor, "finance.alert.review", "fin_alert", f"{case.uid}/{alert.alert_key}",
           details={"decision": data.decision})  # fmt: skip
    return alert


def earlier_judgements(
    session: Session, case: FinCase, accounts: Sequence[str]
) -> dict[str, list[FinAlert]]:
    """For each account, the judged alerts of this case that involved it (shown beside new ones)."""
    wanted = set(accounts)
    out: dict[str, list[FinAlert]] = {}
    for alert in session.scalars(
        select(FinAlert).where(FinAlert.case_id == case.id, FinAlert.status != "open")
    ):
        for account in set(alert.accounts.split()) & wanted:
            out.setdefault(account, []).append(alert)
    return out


def trace_case(
    session: Session, principal: Principal, case_id: int, *, account: str | None = None,
    transaction: str | None = None, direction: str = "forward", hops: int = 10,
) -> dict[str, TraceResult]:  # fmt: skip
    """Every tracing method side by side (LIBR forward only); the read is audited."""
    case = access(session, principal, FinCase, case_id)
    methods = tuple(
        m
        for m in ("fifo", "lifo", "libr", "pro_rata", "poison")
        if direction == "forward" or m != "libr"
    )
    with tempfile.TemporaryDirectory(prefix="mekongx-finance-") as work:
        path = _export(session, case, Path(work))
        try:
            results = trace_money(path, account=account, transaction=transaction, direction=direction,
                                            methods=methods, max_hops=hops, currency=case.base_currency)  # fmt: skip
        except moneyflow.MoneyflowError as error:
            raise ValidationFailed(
                [
                    FieldProblem(
                        "account", TRACE_REFUSED, {"problem": error.render(principal.language)}
                    )
                ]
            ) from None
    record_read(session, principal.actor, "finance.trace", KIND, case.uid,
                details={"account": account, "transaction": transaction, "direction": direction})  # fmt: skip
    return results


def explanation(alert: FinAlert, lang: str) -> str:
    """The alert's explanation in ``lang`` (the stored English text for alerts found before
    explanations carried their message code)."""
    if not alert.explanation_code:
        return alert.explanation
    try:
        params = json.loads(alert.explanation_params or "{}")
        return moneyflow.render(alert.explanation_code, lang, **params)
    except (ValueError, KeyError, TypeError):
        return alert.explanation
