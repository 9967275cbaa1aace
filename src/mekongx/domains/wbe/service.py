"""Every action on wastewater monitoring. One function per action; each takes the acting user,
checks permissions, writes its audit row in the same transaction and leaves the commit to the
caller's unit of work.

Campaigns are shared records: they are loaded only through :func:`mekongx.authz.access` and
:func:`mekongx.authz.visible`. Sites and laboratories are reference rows of an agency; a user sees
their own agency's and those of the campaigns visible to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session

from mekongx import uploads
from mekongx.audit import Actor, record
from mekongx.authz import Permission, Principal, access, require, visibility_clause, visible
from mekongx.authz.sharing import check_distribution, require_exportable, set_recipients
from mekongx.db import Database
from mekongx.errors import (
    Conflict,
    FieldProblem,
    Forbidden,
    MekongXError,
    NotFound,
    ValidationFailed,
)
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency, SharingGroup, SharingGroupMember
from mekongx.model.record import Distribution, RecordRecipient
from mekongx.tabular import Limits
from mekongx.validation import parse
from mekongx.wastewater import (
    Flag,
    ParameterSet,
    Quantity,
    Sample,
    WbeError,
    back_calculate,
    builtin_parameter_set,
    calibrate_marker,
    uncalibrated_flags,
)

from . import analysis
from .models import WbeCalibration, WbeCampaign, WbeLab, WbeMeasurement, WbeSample, WbeSite
from .schemas import CalibrationInput, CampaignInput, CampaignPayload, LabInput, SiteInput
from .tabular import Problems, Row, read_table

KIND = "wbe_campaign"
PAYLOAD_SCHEMA = "mekongx.wbe.campaign/1"
Metric = Literal["load", "consumption"]


# --- sites and laboratories ---------------------------------------------------------------


def create_site(session: Session, principal: Principal, data: SiteInput) -> WbeSite:
    require(principal, Permission.WRITE_RECORDS)
    taken = session.scalar(
        select(WbeSite.id).where(
            WbeSite.origin_agency == principal.agency, WbeSite.code == data.code
        )
    )
    if taken is not None:
        raise ValidationFailed([FieldProblem("code", N_("This site code is already in use."))])
    site = WbeSite(origin_agency=principal.agency, **data.model_dump())
    session.add(site)
    session.flush()
    record(session, principal.actor, "wbe.site.create", "wbe_site", site.uid)
    return site


def create_lab(session: Session, principal: Principal, data: LabInput) -> WbeLab:
    require(principal, Permission.WRITE_RECORDS)
    lab = WbeLab(origin_agency=principal.agency, **data.model_dump())
    session.add(lab)
    session.flush()
    record(session, principal.actor, "wbe.lab.create", "wbe_lab", lab.uid)
    return lab


def _campaign_seen(principal: Principal) -> Any:
    return visibility_clause(WbeCampaign, principal.agency)


def visible_sites(session: Session, principal: Principal) -> list[WbeSite]:
    """Sites of the user's agency and sites of campaigns the user may see."""
    require(principal, Permission.READ_RECORDS)
    used = exists().where(WbeCampaign.site_id == WbeSite.id, _campaign_seen(principal))
    stmt = (
        select(WbeSite)
        .where(or_(WbeSite.origin_agency == principal.agency, used))
        .order_by(WbeSite.country, WbeSite.city, WbeSite.code)
    )
    return list(session.scalars(stmt))


def get_site(session: Session, principal: Principal, site_id: int) -> WbeSite:
    for site in visible_sites(session, principal):
        if site.id == site_id:
            return site
    raise NotFound(N_("No such record."))


def visible_labs(session: Session, principal: Principal) -> list[WbeLab]:
    require(principal, Permission.READ_RECORDS)
    used = exists().where(WbeCampaign.lab_id == WbeLab.id, _campaign_seen(principal))
    stmt = (
        select(WbeLab)
        .where(or_(WbeLab.origin_agency == principal.agency, used))
        .order_by(WbeLab.name)
    )
    return list(session.scalars(stmt))


# --- campaigns ----------------------------------------------------------------------------


def _check_distribution(session: Session, principal: Principal, data: CampaignInput) -> None:
    problems = check_distribution(session, principal, data)
    own_site = session.scalar(
        select(WbeSite.id).where(
            WbeSite.id == data.site_id,
            WbeSite.origin_agency == principal.agency,
            WbeSite.received.is_(False),
        )
    )
    if own_site is None:
        problems.append(FieldProblem("site_id", N_("Choose one of your agency's sites.")))
    if data.lab_id is not None:
        own_lab = session.scalar(
            select(WbeLab.id).where(
                WbeLab.id == data.lab_id, WbeLab.origin_agency == principal.agency
            )
        )
        if own_lab is None:
            problems.append(FieldProblem("lab_id", N_("Choose one of your agency's laboratories.")))
    if problems:
        raise ValidationFailed(problems)


def create_campaign(session: Session, principal: Principal, data: CampaignInput) -> WbeCampaign:
    require(principal, Permission.WRITE_RECORDS)
    _check_distribution(session, principal, data)
    params = builtin_parameter_set(data.parameter_set)
    campaign = WbeCampaign(
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        language=data.language,
        title=data.title,
        site_id=data.site_id,
        lab_id=data.lab_id,
        period_start=data.period_start,
        period_end=data.period_end,
        parameter_set=params.label,
        notes=data.notes,
        handling_code=data.handling_code,
        handling_note=data.handling_note,
        distribution=data.distribution,
        sharing_group=data.sharing_group if data.distribution == "group" else None,
    )
    session.add(campaign)
    session.flush()
    set_recipients(session, campaign, data)
    record(
        session,
        principal.actor,
        "wbe.campaign.create",
        KIND,
        campaign.uid,
        details={
            "handling": data.handling_code,
            "distribution": data.distribution,
            "parameter_set": params.label,
        },
    )
    return campaign


def list_campaigns(
    session: Session, principal: Principal, *, site_id: int | None = None
) -> list[WbeCampaign]:
    stmt = visible(principal, WbeCampaign)
    if site_id is not None:
        stmt = stmt.where(WbeCampaign.site_id == site_id)
    stmt = stmt.order_by(WbeCampaign.period_start.desc(), WbeCampaign.id.desc()).limit(1000)
    return list(session.scalars(stmt))


def read_campaign(
    session: Session, principal: Principal, campaign_id: int | str, why: str = ""
) -> WbeCampaign:
    """Open one campaign; the read is audited."""
    campaign = access(session, principal, WbeCampaign, campaign_id, "read")
    record(session, principal.actor, "wbe.campaign.read", KIND, campaign.uid, why=why)
    return campaign


def peek_campaign(session: Session, principal: Principal, campaign_id: int | str) -> WbeCampaign:
    """Load a visible campaign without an audit row (for computations that audit themselves)."""
    return access(session, principal, WbeCampaign, campaign_id, "read")


def site_of(session: Session, campaign: WbeCampaign) -> WbeSite:
    site = session.get(WbeSite, campaign.site_id)
    assert site is not None
    return site


def lab_of(session: Session, campaign: WbeCampaign) -> WbeLab | None:
    return session.get(WbeLab, campaign.lab_id) if campaign.lab_id is not None else None


def recipients_of(session: Session, campaign: WbeCampaign) -> list[str]:
    stmt = select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == campaign.uid)
    return sorted(session.scalars(stmt))


@dataclass(frozen=True)
class StoredRow:
    date: dt.date
    analyte: str
    concentration_ng_l: float | None
    censored: bool
    loq_ng_l: float | None
    flow_m3_d: float
    population: int
    sampling_mode: str


def rows_of(session: Session, campaign: WbeCampaign) -> list[StoredRow]:
    """The stored measurements of a (visible, already loaded) campaign, by date and analyte."""
    stmt = (
        select(WbeSample, WbeMeasurement)
        .join(WbeMeasurement, WbeMeasurement.sample_id == WbeSample.id)
        .where(WbeSample.campaign_id == campaign.id)
        .order_by(WbeSample.sample_date, WbeMeasurement.analyte)
    )
    return [
        StoredRow(
            s.sample_date,
            m.analyte,
            m.concentration_ng_l,
            m.censored,
            m.loq_ng_l,
            s.flow_m3_d,
            s.population,
            s.sampling_mode,
        )
        for s, m in session.execute(stmt)
    ]


def engine_samples(site_code: str, rows: list[StoredRow]) -> list[Sample]:
    out = []
    for r in rows:
        if r.censored:
            assert r.loq_ng_l is not None
            quantity = Quantity(r.loq_ng_l, censored=True)
        else:
            assert r.concentration_ng_l is not None
            quantity = Quantity(r.concentration_ng_l)
        out.append(
            Sample(
                site_code, r.date, r.analyte, quantity, r.flow_m3_d, r.population, r.sampling_mode
            )
        )
    return out


# --- import ---------------------------------------------------------------------------------


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


# --- estimates --------------------------------------------------------------------------------


def identity_of(site: WbeSite, campaign: WbeCampaign) -> analysis.Identity:
    return analysis.Identity(campaign.uid, site.uid, site.population_method, site.country)


def calibrations_of(session: Session, site: WbeSite) -> list[WbeCalibration]:
    stmt = (
        select(WbeCalibration)
        .where(WbeCalibration.site_id == site.id)
        .order_by(WbeCalibration.created_at.desc(), WbeCalibration.id.desc())
    )
    return list(session.scalars(stmt))


def population_flags(session: Session, site: WbeSite, params: ParameterSet) -> tuple[Flag, ...]:
    """The warning when the site's population rests on a marker constant that is neither
    calibrated for its country in the parameter set nor calibrated for the site by a lab."""
    marker = site.population_method
    if marker not in params.markers:
        return ()
    if any(c.marker == marker for c in calibrations_of(session, site)):
        return ()
    return uncalibrated_flags(marker, params, site.country)


def campaign_estimate(
    session: Session,
    principal: Principal,
    campaign_id: int | str,
    *,
    draws: int = 2000,
    seed: int = 0,
    budget_draws: int = 2000,
) -> tuple[WbeCampaign, analysis.CampaignEstimate | None]:
    """The campaign and its estimates (None while it has no data), with its parameter set."""
    campaign = peek_campaign(session, principal, campaign_id)
    rows = rows_of(session, campaign)
    if not rows:
        return campaign, None
    params = analysis.parameter_set_by_label(campaign.parameter_set)
    site = site_of(session, campaign)
    samples = engine_samples(site.code, rows)
    return campaign, analysis.estimate_campaign(
        samples,
        params,
        draws,
        seed,
        budget_draws,
        identity=identity_of(site, campaign),
        flags=population_flags(session, site, params),
    )


def analytes_in_view(session: Session, principal: Principal) -> list[str]:
    """Analyte codes measured in any campaign the user may see."""
    seen = visible(principal, WbeCampaign).with_only_columns(WbeCampaign.id).subquery()
    stmt = (
        select(WbeMeasurement.analyte)
        .join(WbeSample, WbeSample.id == WbeMeasurement.sample_id)
        .where(WbeSample.campaign_id.in_(select(seen.c.id)))
        .distinct()
        .order_by(WbeMeasurement.analyte)
    )
    return list(session.scalars(stmt))


# --- population marker calibrations --------------------------------------------------------


def create_calibration(
    session: Session, principal: Principal, site_id: int, data: CalibrationInput
) -> WbeCalibration:
    """Store a laboratory's calibration of a population marker for one of its agency's sites."""
    require(principal, Permission.WRITE_RECORDS)
    site = get_site(session, principal, site_id)
    if site.origin_agency != principal.agency or site.received:
        raise Forbidden(N_("Only the agency that owns a site may calibrate it."))
    try:
        result = calibrate_marker(
            data.marker,
            [d.concentration_mg_l for d in data.days],
            [d.flow_m3_d for d in data.days],
            [d.reference_population for d in data.days],
            data.reference,
            data.source,
        )
    except WbeError as error:
        raise ValidationFailed(
            [FieldProblem("days", N_("These days cannot calibrate the marker: %(detail)s"),
                          {"detail": error.render(principal.language)})]
        ) from error  # fmt: skip
    calibration = WbeCalibration(
        site_id=site.id,
        marker=result.marker,
        per_capita_g_d=result.per_capita_g_d,
        reference=result.reference,
        source=result.source,
        days=result.days,
        rsd=result.rsd,
        origin_agency=principal.agency,
    )
    session.add(calibration)
    session.flush()
    record(
        session,
        principal.actor,
        "wbe.calibration.create",
        "wbe_calibration",
        calibration.uid,
        details={
            "site": site.uid,
            "marker": result.marker,
            "per_capita_g_d": round(result.per_capita_g_d, 4),
            "reference": result.reference,
            "days": result.days,
        },
    )
    return calibration


def record_export(session: Session, principal: Principal, campaign: WbeCampaign, what: str) -> None:
    """Exports need the export permission, are audited, and never include a received H3 record."""
    require(principal, Permission.EXPORT)
    require_exportable(campaign)
    record(
        session, principal.actor, "wbe.campaign.export", KIND, campaign.uid, details={"as": what}
    )


# --- sharing with peer nodes ------------------------------------------------------------------


def export_payload(session: Session, principal: Principal, campaign_uid: str) -> dict[str, Any]:
    """The campaign as a plain JSON payload for the exchange.

    Only the originating agency may release it (never a received copy), and only when its
    distribution names peers or a sharing group. Normalised loads travel with their metadata;
    consumption figures travel only together with the parameter set's id, version and values.
    """
    campaign = access(session, principal, WbeCampaign, campaign_uid, "release")
    if campaign.distribution == Distribution.OWN.value:
        raise Forbidden(N_("This campaign is for your own agency only; it cannot be shared."))
    site = site_of(session, campaign)
    lab = lab_of(session, campaign)
    params = analysis.parameter_set_by_label(campaign.parameter_set)
    rows = rows_of(session, campaign)
    samples: dict[dt.date, dict[str, Any]] = {}
    for r in rows:
        day = samples.setdefault(
            r.date,
            {
                "date": r.date.isoformat(),
                "flow_m3_d": r.flow_m3_d,
                "population": r.population,
                "sampling_mode": r.sampling_mode,
                "measurements": [],
            },
        )
        day["measurements"].append(
            {
                "analyte": r.analyte,
                "concentration_ng_l": r.concentration_ng_l,
                "censored": r.censored,
                "loq_ng_l": r.loq_ng_l,
            }
        )
    loads, consumption = [], []
    for s in engine_samples(site.code, rows):
        e = back_calculate(s, params)
        loads.append(
            {
                "date": s.date.isoformat(),
                "analyte": s.analyte,
                "load_mg_d_per_1000": e.load_mg_d_per_1000.value,
                "censored": e.load_mg_d_per_1000.censored,
            }
        )
        if e.consumption_mg_d_per_1000 is not None:
            consumption.append(
                {
                    "date": s.date.isoformat(),
                    "analyte": s.analyte,
                    "consumption_mg_d_per_1000": e.consumption_mg_d_per_1000.value,
                    "censored": e.consumption_mg_d_per_1000.censored,
                    "parameter_set": params.label,
                }
            )
    payload: dict[str, Any] = {
        "schema": PAYLOAD_SCHEMA,
        "uid": campaign.uid,
        "title": campaign.title,
        "origin_agency": campaign.origin_agency,
        "author_name": campaign.author_name,
        "language": campaign.language,
        "version": campaign.version,
        "created_at": campaign.created_at.isoformat(),
        "updated_at": campaign.updated_at.isoformat(),
        "handling_code": campaign.handling_code,
        "handling_note": campaign.handling_note,
        "distribution": campaign.distribution,
        "recipients": recipients_of(session, campaign),
        "sharing_group": campaign.sharing_group,
        "period_start": campaign.period_start.isoformat(),
        "period_end": campaign.period_end.isoformat(),
        "notes": campaign.notes,
        "site": {
            "uid": site.uid,
            "code": site.code,
            "plant": site.plant,
            "city": site.city,
            "country": site.country,
            "latitude": site.latitude,
            "longitude": site.longitude,
            "population_served": site.population_served,
            "sewer_type": site.sewer_type,
            "population_method": site.population_method,
        },
        "lab": None
        if lab is None
        else {
            "uid": lab.uid,
            "name": lab.name,
            "city": lab.city,
            "country": lab.country,
            "accreditation": lab.accreditation,
        },
        "parameter_set": {
            "id": params.id,
            "version": params.version,
            "label": params.label,
            "values": analysis.parameter_set_values(params),
        },
        "samples": list(samples.values()),
        "loads": loads,
        "consumption": consumption,
    }
    record(
        session,
        principal.actor,
        "wbe.campaign.release",
        KIND,
        campaign.uid,
        details={"distribution": campaign.distribution, "handling": campaign.handling_code},
    )
    return payload


def _addressed_to(session: Session, data: CampaignPayload, agency: str) -> bool:
    """Whether the payload's distribution includes ``agency`` (a named peer or group member)."""
    if data.distribution == Distribution.PEERS.value:
        return agency in {c.upper() for c in data.recipients}
    member = session.scalar(
        select(SharingGroupMember.agency_code).where(
            SharingGroupMember.group_code == data.sharing_group,
            SharingGroupMember.agency_code == agency,
        )
    )
    return member is not None


def apply_received(
    session: Session, sender_agency: str, payload: dict[str, Any], *, node_agency: str = ""
) -> WbeCampaign:
    """Store a campaign received from ``sender_agency`` as a read-only copy (or refresh it)."""
    data = parse(CampaignPayload, payload)
    if data.origin_agency != sender_agency:
        raise Forbidden(N_("A node may only send campaigns its own agency originated."))
    if session.get(Agency, sender_agency) is None:
        raise ValidationFailed(
            [FieldProblem("origin_agency", N_("Unknown agency: %(code)s"), {"code": sender_agency})]
        )
    if data.sharing_group and session.get(SharingGroup, data.sharing_group) is None:
        raise ValidationFailed([FieldProblem("sharing_group", N_("Unknown sharing group."))])
    if node_agency and not _addressed_to(session, data, node_agency):
        raise Forbidden(N_("This campaign was not shared with this agency."))
    params = analysis.parameter_set_by_label(data.parameter_set.label)
    if analysis.parameter_set_values(params) != data.parameter_set.values:
        raise Conflict(
            N_("The parameter set %(label)s differs from this node's copy."),
            label=data.parameter_set.label,
        )
    problems = []
    for i, incoming in enumerate(data.samples):
        for j, m in enumerate(incoming.measurements):
            if m.analyte not in params.analytes:
                problems.append(
                    FieldProblem(
                        f"samples.{i}.measurements.{j}.analyte",
                        N_("Unknown analyte: %(code)s"),
                        {"code": m.analyte},
                    )
                )
            if (m.censored and m.loq_ng_l is None) or (
                not m.censored and m.concentration_ng_l is None
            ):
                problems.append(
                    FieldProblem(
                        f"samples.{i}.measurements.{j}",
                        N_("A censored result needs its LOQ; a quantified one its concentration."),
                    )
                )
    if problems:
        raise ValidationFailed(problems)

    existing = session.scalar(select(WbeCampaign).where(WbeCampaign.uid == data.uid))
    if existing is not None:
        if not existing.received or existing.origin_agency != sender_agency:
            raise Conflict(N_("A different record with this identifier exists already."))
        if data.version <= existing.version:
            return existing
        session.execute(delete(WbeSample).where(WbeSample.campaign_id == existing.id))
        session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == existing.uid))
        campaign = existing
    else:
        campaign = WbeCampaign(uid=data.uid, received=True, origin_agency=sender_agency)

    site = session.scalar(select(WbeSite).where(WbeSite.uid == data.site.uid))
    lab_found = (
        session.scalar(select(WbeLab).where(WbeLab.uid == data.lab.uid)) if data.lab else None
    )
    for found in (site, lab_found):
        if found is not None and found.origin_agency != sender_agency:
            raise Conflict(N_("A different record with this identifier exists already."))
    if site is None:
        site = WbeSite(origin_agency=sender_agency, received=True, **data.site.model_dump())
        session.add(site)
        session.flush()
    lab = None
    if data.lab is not None:
        lab = session.scalar(select(WbeLab).where(WbeLab.uid == data.lab.uid))
        if lab is None:
            lab = WbeLab(origin_agency=sender_agency, received=True, **data.lab.model_dump())
            session.add(lab)
            session.flush()

    campaign.title = data.title
    campaign.author_name = data.author_name
    campaign.author_id = None
    campaign.language = data.language
    campaign.version = data.version
    campaign.updated_at = utcnow()
    campaign.handling_code = data.handling_code
    campaign.handling_note = data.handling_note
    campaign.distribution = data.distribution
    campaign.sharing_group = data.sharing_group if data.distribution == "group" else None
    campaign.period_start, campaign.period_end = data.period_start, data.period_end
    campaign.parameter_set = params.label
    campaign.notes = data.notes
    campaign.site_id = site.id
    campaign.lab_id = lab.id if lab is not None else None
    session.add(campaign)
    session.flush()
    if data.distribution == Distribution.PEERS.value:
        known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.recipients))))
        session.add_all(
            RecordRecipient(record_uid=campaign.uid, agency_code=c)
            for c in sorted(set(data.recipients))
            if c in known
        )
    for s in data.samples:
        sample = WbeSample(
            campaign_id=campaign.id,
            sample_date=s.date,
            flow_m3_d=s.flow_m3_d,
            population=s.population,
            sampling_mode=s.sampling_mode,
        )
        session.add(sample)
        session.flush()
        session.add_all(
            WbeMeasurement(
                sample_id=sample.id,
                analyte=m.analyte,
                concentration_ng_l=None if m.censored else m.concentration_ng_l,
                censored=m.censored,
                loq_ng_l=m.loq_ng_l,
            )
            for m in s.measurements
        )
    session.flush()
    record(
        session,
        Actor.system(node_agency or sender_agency),
        "wbe.campaign.receive",
        KIND,
        campaign.uid,
        details={"from": sender_agency, "version": data.version},
    )
    return campaign


def count_samples(session: Session, campaign: WbeCampaign) -> int:
    stmt = select(func.count()).select_from(WbeSample).where(WbeSample.campaign_id == campaign.id)
    return session.scalar(stmt) or 0


class UploadTooLarge(MekongXError):
    status = 413
    code = "too_large"


def check_upload_size(content_length: str | None, limits: Limits | None = None) -> None:
    """Refuse an upload by its declared size before reading it (413)."""
    bounds = limits or uploads.limits()
    declared = int(content_length) if content_length and content_length.isdigit() else 0
    if declared > uploads.max_bytes(bounds) + uploads.FORM_SLACK:
        raise UploadTooLarge(uploads.TOO_LARGE, mb=uploads.max_mb(bounds))
