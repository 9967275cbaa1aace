"""Screening customs declarations on the node: upload checks, the run record, stored hits.

Design choice: screening runs **synchronously within a bound**, not as a polled background job.
An upload may be at most ``MEKONGX_UPLOAD_MAX_MB`` (5 MB by default). Measured on this machine, a 5 MB CSV of
about 40,000 declaration lines is screened and its 23,500 hits stored on SQLite in about 5
seconds, so the request returns the finished run and a progress bar would only add moving parts
(a job table, a worker, polling). Larger batches go through the command line
(``mekongx precursors screen --workers N``), which can use several processes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from mekongx import uploads
from mekongx.audit import record, record_read
from mekongx.authz import Permission, Principal, require
from mekongx.authz.listing import Page, page_of
from mekongx.chemistry import (
    REPORT_COLUMNS,
    DeclarationFileError,
    DeclarationLine,
    PenRecord,
    RiskContext,
    RowIssue,
    Screener,
    ScreenReport,
    ScreenResult,
    reason_text,
    screen_file,
    substance_label,
)
from mekongx.db import Database
from mekongx.domains.precursors.models import (
    Notification,
    ScreeningHit,
    ScreeningIssue,
    ScreeningRun,
)
from mekongx.domains.precursors.register import register
from mekongx.domains.precursors.schemas import ScreenLinesInput
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_, translator
from mekongx.tabular import Limits, safe_cell

KIND = "precursor_screening"
MAX_STORED_ISSUES = 500
SUFFIXES = (".csv", ".xlsx")
TOO_LARGE = N_("The file is larger than %(mb)s MB; use the command line for larger batches.")
_SAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


@dataclass(frozen=True)
class HitView:
    """A stored hit with its reasons rendered in one language."""

    hit: ScreeningHit
    reasons: list[str]
    codes: list[str]
    name: str = ""  # the substance(s) in the reader's language first (English after, if other)


def safe_name(name: str) -> str:
    """The file name as shown and stored: no folders, no control characters, bounded."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _SAFE_NAME.sub("_", base).strip(" .") or "upload"
    return cleaned[-200:]


def check_upload(name: str, data: bytes, limits: Limits | None = None) -> str:
    """The file's type (``.csv``/``.xlsx``) after checking size and content; else 422."""
    bounds = limits or uploads.limits()

    def bad(message: str, **params: Any) -> ValidationFailed:
        return ValidationFailed([FieldProblem("file", message, params)])

    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise bad(N_("Only .csv and .xlsx files can be screened."))
    if not data:
        raise bad(N_("The file is empty."))
    if len(data) > uploads.max_bytes(bounds):
        raise bad(TOO_LARGE, mb=uploads.max_mb(bounds))
    if suffix == ".xlsx" and not data.startswith(b"PK\x03\x04"):
        raise bad(N_("This file is not an Excel (.xlsx) workbook."))
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise bad(N_("This file is not a CSV text file in UTF-8.")) from None
        if "\x00" in text:
            raise bad(N_("This file is not a CSV text file in UTF-8."))
    return suffix


def check_request_size(content_length: str | None, limits: Limits | None = None) -> None:
    """Refuse an upload request whose declared size is far beyond the bound (before parsing)."""
    bounds = limits or uploads.limits()
    limit = uploads.max_bytes(bounds) + uploads.FORM_SLACK
    if content_length and content_length.isdigit() and int(content_length) > limit:
        raise ValidationFailed([FieldProblem("file", TOO_LARGE, {"mb": uploads.max_mb(bounds)})])


def engine_text(problem: DeclarationFileError | RowIssue, lang: str) -> str:
    """The engine's message in ``lang``; a plain row/column message if its template fails."""
    try:
        return problem.message(lang)
    except (KeyError, IndexError, ValueError):
        params = problem.params if isinstance(problem, DeclarationFileError) else {}
        row = params.get("row", getattr(problem, "row", "?"))
        column = params.get("column", getattr(problem, "column", ""))
        return translator(lang)(
            N_('row %(row)s, column "%(column)s": problem %(code)s'),
            row=row,
            column=column,
            code=problem.code,
        )


def issue_text(issue: ScreeningIssue, lang: str) -> str:
    return engine_text(
        RowIssue(issue.row, issue.column, issue.code, issue.value, fatal=False), lang
    )


def _pen_records(session: Session, agency: str) -> tuple[PenRecord, ...]:
    """Confirmed notifications this node holds become the screener's PEN knowledge."""
    stmt = select(Notification).where(
        Notification.state == "confirmed",
        (Notification.origin_agency == agency) | (Notification.importer_agency == agency),
    )
    return tuple(
        PenRecord(
            pen_id=n.reference,
            substance=n.substance_id,
            consignee=n.consignee or n.importer_name,
            quantity_kg=n.quantity_kg,
        )
        for n in session.scalars(stmt)
    )


def screener_for(session: Session, agency: str) -> Screener:
    return Screener(register(), RiskContext(pen_records=_pen_records(session, agency)))


def _store(
    session: Session,
    principal: Principal,
    file_name: str,
    size: int,
    report: ScreenReport,
    source: str,
) -> ScreeningRun:
    run = ScreeningRun(
        agency=principal.agency,
        user_id=principal.user_id,
        username=principal.username,
        file_name=file_name,
        file_size=size,
        lines_read=report.lines_read,
        hits=len(report.results),
        lines_hit=report.lines_hit,
        skipped=len(report.skipped),
    )
    session.add(run)
    session.flush()
    session.add_all(_hit_row(run.id, r) for r in report.results)
    session.add_all(
        ScreeningIssue(
            run_id=run.id,
            row=i.row,
            column=i.column[:200],
            code=i.code[:32],
            value=i.value[:200],
        )
        for i in report.issues[:MAX_STORED_ISSUES]
    )
    record(
        session,
        principal.actor,
        "precursors.screen",
        KIND,
        run.id,
        details={
            "file": file_name,
            "bytes": size,
            "source": source,
            "lines": run.lines_read,
            "hits": run.hits,
            "lines_hit": run.lines_hit,
            "skipped": run.skipped,
        },
    )
    return run


def _hit_row(run_id: int, r: ScreenResult) -> ScreeningHit:
    return ScreeningHit(
        run_id=run_id,
        row=r.row,
        declaration_id=r.declaration_id[:100],
        line_no=r.line_no,
        substance_id=r.substance_id[:64],
        substance=r.substance[:300],
        cas=r.cas[:20],
        table=r.table[:16],
        match=r.match[:100],
        score=r.score,
        band=r.band,
        reasons=json.dumps(
            [[x.code, x.weight, dict(x.params)] for x in r.reasons], ensure_ascii=False
        ),
    )


@dataclass(frozen=True)
class Screened:
    """A file screened but not yet stored (screening happens outside any write transaction)."""

    name: str
    size: int
    report: ScreenReport


def analyse_upload(
    principal: Principal,
    screener: Screener,
    name: str,
    data: bytes,
    *,
    strict: bool = False,
    limits: Limits | None = None,
) -> Screened:
    """Read and screen an uploaded file within the node's upload limits; touches no database.

    Bad files raise ``ValidationFailed`` on the field ``file`` with the engine's message in the
    user's language (naming the row and column, or the limit a hostile file broke)."""
    require(principal, Permission.WRITE_RECORDS)
    bounds = limits or uploads.limits()
    shown = safe_name(name)
    suffix = check_upload(shown, data, bounds)
    with tempfile.TemporaryDirectory(prefix="mekongx-screen-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            report = screen_file(path, strict=strict, screener=screener, limits=bounds)
        except DeclarationFileError as exc:
            if "path" in exc.params:
                exc.params["path"] = shown
            raise ValidationFailed(
                [
                    FieldProblem(
                        "file",
                        N_("The file cannot be screened: %(problem)s"),
                        {"problem": engine_text(exc, principal.language)},
                    )
                ]
            ) from None
    return Screened(shown, len(data), report)


def store_screened(session: Session, principal: Principal, screened: Screened) -> ScreeningRun:
    """Record a screened file's run (who, file, counts) with its hits and skipped rows."""
    require(principal, Permission.WRITE_RECORDS)
    return _store(session, principal, screened.name, screened.size, screened.report, "file")


def screen_and_store(
    db: Database,
    principal: Principal,
    name: str,
    data: bytes,
    *,
    strict: bool = False,
    limits: Limits | None = None,
) -> int:
    """What the API and the page do with an upload: read the PEN knowledge, screen the file with
    no transaction open, then store the run in one short write transaction; the run's id."""
    with db.read() as session:
        screener = screener_for(session, principal.agency)
    screened = analyse_upload(principal, screener, name, data, strict=strict, limits=limits)
    with db.write() as session:
        return store_screened(session, principal, screened).id


def screen_upload(
    session: Session,
    principal: Principal,
    name: str,
    data: bytes,
    *,
    strict: bool = False,
    limits: Limits | None = None,
) -> ScreeningRun:
    """``analyse_upload`` then ``store_screened`` in the caller's session (tests, scripts).

    Without ``strict`` bad rows are skipped, counted and listed; with it the first bad row
    stops the run and nothing is stored. Delivery code screens before opening its write
    transaction instead, so a long file never holds the database's writer."""
    screener = screener_for(session, principal.agency)
    screened = analyse_upload(principal, screener, name, data, strict=strict, limits=limits)
    return store_screened(session, principal, screened)


def screen_lines(session: Session, principal: Principal, data: ScreenLinesInput) -> ScreeningRun:
    """Screen declaration lines sent as JSON (the API's alternative to a file)."""
    require(principal, Permission.WRITE_RECORDS)
    screener = screener_for(session, principal.agency)
    report = ScreenReport()
    for index, item in enumerate(data.lines, start=1):
        line = DeclarationLine(row=index, **item.model_dump())
        report.lines_read += 1
        report.results.extend(screener.screen_line(line))
    size = sum(len(i.model_dump_json()) for i in data.lines)
    return _store(session, principal, safe_name(data.file_name), size, report, "json")


def _run_query(principal: Principal) -> Select[ScreeningRun]:
    require(principal, Permission.READ_RECORDS)
    return _runs(principal.agency)


@lru_cache(maxsize=1024)
def _runs(agency: str) -> Select[ScreeningRun]:
    # built once per agency, as ``authz.visible``: the page's statements are derived once
    return select(ScreeningRun).where(ScreeningRun.agency == agency)


def list_runs(session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
              after: int | None = None, before: int | None = None) -> Page[ScreeningRun]:  # fmt: skip
    """One page of the runs of the user's agency, newest first (``authz.listing``;
    declarations stay with the agency that ran them)."""
    return page_of(session, _run_query(principal), ScreeningRun, page=page, per_page=per_page,
                   after=after, before=before)  # fmt: skip


def get_run(session: Session, principal: Principal, run_id: int) -> ScreeningRun:
    run = session.scalars(_run_query(principal).where(ScreeningRun.id == run_id)).first()
    if run is None:
        raise NotFound(N_("No such record."))
    return run


def hits(
    session: Session,
    run: ScreeningRun,
    *,
    kind: str = "",
    min_score: int = 0,
    table: str = "",
    limit: int | None = None,
) -> list[ScreeningHit]:
    stmt = select(ScreeningHit).where(ScreeningHit.run_id == run.id)
    if min_score:
        stmt = stmt.where(ScreeningHit.score >= min_score)
    if table:
        stmt = stmt.where(ScreeningHit.table == table)
    stmt = stmt.order_by(ScreeningHit.score.desc(), ScreeningHit.row, ScreeningHit.id)
    found: Iterable[ScreeningHit] = session.scalars(stmt)
    if kind:
        found = (h for h in found if kind in h.match.split("+"))
    out = []
    for h in found:
        out.append(h)
        if limit is not None and len(out) >= limit:
            break
    return out


def issues(session: Session, run: ScreeningRun) -> list[ScreeningIssue]:
    stmt = (
        select(ScreeningIssue).where(ScreeningIssue.run_id == run.id).order_by(ScreeningIssue.row)
    )
    return list(session.scalars(stmt))


def explain(hit: ScreeningHit, lang: str) -> HitView:
    """The hit's reasons in ``lang`` (the engine's own th/zh/en texts)."""
    texts, codes = [], []
    for code, _weight, params in json.loads(hit.reasons):
        codes.append(code)
        try:
            texts.append(reason_text(code, params, lang))
        except (KeyError, IndexError, ValueError):
            texts.append(code)
    return HitView(hit, texts, codes, _local_name(hit, lang))


def _local_name(hit: ScreeningHit, lang: str) -> str:
    subs = {s.id: s for s in register().substances}
    found = [subs[i] for i in hit.substance_id.split("+") if i in subs]
    if not found:
        return hit.substance
    local = ("、" if lang == "zh" else " / ").join(substance_label(s, lang) for s in found)
    return local if local == hit.substance else f"{local} ({hit.substance})"


def export_csv(session: Session, principal: Principal, run: ScreeningRun, **filters: Any) -> str:
    """The (filtered) hits as CSV with the engine's columns, reasons in the user's language.
    The export is audited."""
    require(principal, Permission.EXPORT)
    lang = principal.language
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(REPORT_COLUMNS)
    found = hits(session, run, **filters)
    for hit in found:
        view = explain(hit, lang)
        row = [
            hit.declaration_id, hit.line_no, hit.row, hit.substance, hit.substance_id, hit.cas,
            hit.table, hit.match, hit.score, hit.band, " ".join(view.codes),
            "; ".join(view.reasons),
        ]  # fmt: skip
        writer.writerow([safe_cell(v) for v in row])
    record_read(
        session,
        principal.actor,
        "precursors.screen.export",
        KIND,
        run.id,
        details={"rows": len(found), **{k: v for k, v in filters.items() if v}},
    )
    return "\ufeff" + out.getvalue()
