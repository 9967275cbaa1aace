"""Laboratory results into a campaign: a results file (CSV or workbook) read within the node's
upload limits with no transaction open, checked against its campaign, and stored every row or
none. Every bad cell is named with its row and column in the user's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx import uploads
from mekongx.audit import record
from mekongx.authz import Principal, access
from mekongx.db import Database
from mekongx.errors import Conflict, MekongXError, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.tabular import Limits

from . import analysis
from .models import WbeCampaign, WbeMeasurement, WbeSample
from .service import KIND, rows_of
from .tabular import Problems, Row, read_table


@dataclass(frozen=True)
class ImportResult:
    rows: int
    samples_added: int
    measurements_added: int


@dataclass(frozen=True)
class ReadResults:
    """A results file read and checked on its own (no database), ready to be checked against
    its campaign and stored."""

    filename: str
    parameter_set: str
    rows: list[Row]
    problems: Problems


def read_results(
    principal: Principal,
    parameter_set: str,
    filename: str,
    content: bytes,
    limits: Limits | None = None,
) -> ReadResults:
    """Read a laboratory results file within the node's upload limits (no transaction open)."""
    bounds = limits or uploads.limits()
    params = analysis.parameter_set_by_label(parameter_set)
    problems = Problems(principal.language)
    if len(content) > uploads.max_bytes(bounds):
        problems.file(uploads.TOO_LARGE, mb=uploads.max_mb(bounds))
        return ReadResults(filename, parameter_set, [], problems)
    rows = read_table(filename, content, params, problems, bounds)
    return ReadResults(filename, parameter_set, rows, problems)


def import_upload(
    db: Database,
    principal: Principal,
    campaign_id: int | str,
    filename: str,
    content: bytes,
    limits: Limits | None = None,
) -> ImportResult:
    """What the API and the page do: read the file with no transaction open, then check and
    store its rows in one short write transaction (every row or none)."""
    with db.read() as session:
        label = access(session, principal, WbeCampaign, campaign_id, "write").parameter_set
    found = read_results(principal, label, filename, content, limits)
    if found.problems.items and not found.rows:  # nothing to check against the campaign
        raise ValidationFailed(found.problems.finish())
    with db.write() as session:
        return store_results(session, principal, campaign_id, found)


def import_file(
    session: Session,
    principal: Principal,
    campaign_id: int | str,
    filename: str,
    content: bytes,
    limits: Limits | None = None,
) -> ImportResult:
    """Add a laboratory results file to a campaign: every row or none (one transaction).

    Every bad cell is reported with its row and column in the user's language."""
    label = access(session, principal, WbeCampaign, campaign_id, "write").parameter_set
    return store_results(
        session, principal, campaign_id, read_results(principal, label, filename, content, limits)
    )


def store_results(
    session: Session, principal: Principal, campaign_id: int | str, found: ReadResults
) -> ImportResult:
    """Check rows read by ``read_results`` against the campaign and store them."""
    campaign = access(session, principal, WbeCampaign, campaign_id, "write", for_update=True)
    problems, rows, filename = found.problems, found.rows, found.filename
    if campaign.parameter_set != found.parameter_set:  # changed while the file was read
        raise Conflict(N_("The campaign changed while the file was read; send it again."))
    existing = {
        s.sample_date: s
        for s in session.scalars(select(WbeSample).where(WbeSample.campaign_id == campaign.id))
    }
    stored = {(r.date, r.analyte) for r in rows_of(session, campaign)}
    _check_rows(campaign, rows, existing, stored, problems)
    if problems.items:
        raise ValidationFailed(problems.finish())

    samples_added = 0
    for row in rows:
        sample = existing.get(row.date)
        if sample is None:
            sample = WbeSample(
                campaign_id=campaign.id,
                sample_date=row.date,
                flow_m3_d=row.flow_m3_d,
                population=row.population,
                sampling_mode=row.sampling_mode,
            )
            session.add(sample)
            session.flush()
            existing[row.date] = sample
            samples_added += 1
        session.add(
            WbeMeasurement(
                sample_id=sample.id,
                analyte=row.analyte,
                concentration_ng_l=row.concentration_ng_l,
                censored=row.censored,
                loq_ng_l=row.loq_ng_l,
            )
        )
    session.flush()
    campaign.version += 1
    campaign.updated_at = utcnow()
    record(
        session,
        principal.actor,
        "wbe.campaign.import",
        KIND,
        campaign.uid,
        details={"file": filename[:200], "rows": len(rows), "samples": samples_added},
    )
    return ImportResult(len(rows), samples_added, len(rows))


def _check_rows(
    campaign: WbeCampaign,
    rows: list[Row],
    existing: dict[dt.date, WbeSample],
    stored: set[tuple[dt.date, str]],
    problems: Problems,
) -> None:
    seen: dict[tuple[dt.date, str], int] = {}
    day_first: dict[dt.date, Row] = {}
    for row in rows:
        if not campaign.period_start <= row.date <= campaign.period_end:
            problems.cell(
                row.row,
                "date",
                problems.ours(
                    N_("The date is outside the campaign period (%(start)s to %(end)s)."),
                    start=campaign.period_start.isoformat(),
                    end=campaign.period_end.isoformat(),
                ),
            )
        key = (row.date, row.analyte)
        if key in seen:
            problems.cell(
                row.row,
                "analyte",
                problems.ours(N_("Row %(other)s has the same date and analyte."), other=seen[key]),
            )
        elif key in stored:
            problems.cell(
                row.row,
                "analyte",
                problems.ours(N_("This date and analyte were imported before.")),
            )
        seen.setdefault(key, row.row)
        first = day_first.setdefault(row.date, row)
        sample = existing.get(row.date)
        for column in ("flow_m3_d", "population", "sampling_mode"):
            mine = getattr(row, column)
            if first is not row and getattr(first, column) != mine:
                problems.cell(
                    row.row,
                    column,
                    problems.ours(
                        N_("Differs from row %(other)s of the same day (one sample per day)."),
                        other=first.row,
                    ),
                )
            elif sample is not None and getattr(sample, column) != mine:
                problems.cell(
                    row.row,
                    column,
                    problems.ours(N_("Differs from the sample of this day stored before.")),
                )


class UploadTooLarge(MekongXError):
    status = 413
    code = "too_large"


def check_upload_size(content_length: str | None, limits: Limits | None = None) -> None:
    """Refuse an upload by its declared size before reading it (413)."""
    bounds = limits or uploads.limits()
    declared = int(content_length) if content_length and content_length.isdigit() else 0
    if declared > uploads.max_bytes(bounds) + uploads.FORM_SLACK:
        raise UploadTooLarge(uploads.TOO_LARGE, mb=uploads.max_mb(bounds))
