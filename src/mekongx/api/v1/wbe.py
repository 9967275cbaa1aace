"""Wastewater monitoring: sites, laboratories, campaigns, result files, estimates. Comparisons
across campaigns (ranking, regions, trend) and calibrations are in ``wbe_comparisons``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from mekongx import uploads
from mekongx.api.v1.schemas import ERRORS, PageOut, page_out
from mekongx.audit import read_session
from mekongx.domains.wbe import estimates as wbe_estimates
from mekongx.domains.wbe import reports
from mekongx.domains.wbe import results as wbe_results
from mekongx.domains.wbe import service as wbe
from mekongx.domains.wbe.analysis import Band, CampaignEstimate
from mekongx.domains.wbe.models import WbeCampaign
from mekongx.domains.wbe.schemas import CampaignInput, LabInput, SiteInput
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, PerPage, RecordId

router = APIRouter(prefix="/wbe", tags=["wastewater"], responses=ERRORS)  # type: ignore[arg-type]

Draws = Annotated[int, Query(ge=100, le=20_000, description="Monte Carlo draws.")]
Seed = Annotated[
    int, Query(ge=0, le=2**31 - 1, description="Random seed (same seed, same result).")
]


class SiteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    code: str
    plant: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    population_served: int
    sewer_type: str
    population_method: str
    origin_agency: str
    received: bool


class LabOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    name: str
    city: str
    country: str
    accreditation: str
    origin_agency: str
    received: bool


class CampaignOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    title: str
    site_id: int
    lab_id: int | None
    period_start: dt.date
    period_end: dt.date
    parameter_set: str
    notes: str
    language: str
    origin_agency: str
    author_name: str
    handling_code: str
    handling_note: str
    distribution: str
    sharing_group: str | None
    received: bool
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


class CampaignDetailOut(CampaignOut):
    recipients: list[str]
    site: SiteOut
    lab: LabOut | None
    samples: int


class ImportOut(BaseModel):
    rows: int
    samples_added: int
    measurements_added: int


class BandOut(BaseModel):
    median: float
    low: float
    high: float


class RowOut(BaseModel):
    date: dt.date
    analyte: str
    censored: bool
    load_mg_d: float
    load_mg_d_per_1000: float
    consumption_mg_d_per_1000: float | None
    consumption_median: float | None
    consumption_low: float | None
    consumption_high: float | None
    doses_per_1000: float | None
    correction_factor: float | None
    flags: list[str]
    parameter_set: str


class WeekdayOut(BaseModel):
    means: dict[int, float]  # upper bounds (days below the LOQ at their LOQ)
    means_low: dict[int, float]  # lower bounds (days below the LOQ at zero)
    censored_days: dict[int, int]
    weekend_ratio_low: float
    weekend_ratio_high: float
    p_value: float | None
    day_convention: str  # "start": a 24-hour composite belongs to the day it started


class AnalyteOut(BaseModel):
    analyte: str
    name: str
    reports_consumption: bool
    days: int
    censored_days: int
    load_mean_low_bound: float
    load_mean_high_bound: float
    load_mean: BandOut
    consumption_mean: BandOut | None
    budget_shares: dict[str, float]
    budget_dominant: str
    weekday: WeekdayOut | None
    parameter_set: str
    statistic: str  # what load_mean and consumption_mean are


class EstimateOut(BaseModel):
    campaign_uid: str
    parameter_set: str
    draws: int
    seed: int
    level: float
    rows: list[RowOut]
    analytes: list[AnalyteOut]
    warnings: list[str] = []


def _band(b: Band | None) -> BandOut | None:
    return None if b is None else BandOut(median=b.median, low=b.low, high=b.high)


def estimate_out(campaign: WbeCampaign, est: CampaignEstimate | None, lang: str) -> EstimateOut:
    if est is None:
        return EstimateOut(
            campaign_uid=campaign.uid,
            parameter_set=campaign.parameter_set,
            draws=0,
            seed=0,
            level=0.95,
            rows=[],
            analytes=[],
        )
    rows = []
    for r in est.rows:
        e = r.estimate
        rows.append(
            RowOut(
                date=e.sample.date,
                analyte=e.sample.analyte,
                censored=e.load_mg_d.censored,
                load_mg_d=e.load_mg_d.value,
                load_mg_d_per_1000=e.load_mg_d_per_1000.value,
                consumption_mg_d_per_1000=e.consumption_mg_d_per_1000.value
                if e.consumption_mg_d_per_1000
                else None,
                consumption_median=r.consumption_median,
                consumption_low=r.consumption_low,
                consumption_high=r.consumption_high,
                doses_per_1000=e.doses_per_1000.value if e.doses_per_1000 else None,
                correction_factor=e.correction_factor,
                flags=[f.render(lang) for f in e.flags],
                parameter_set=e.parameter_set,
            )
        )
    analytes = [
        AnalyteOut(
            analyte=a.analyte,
            name=a.name,
            reports_consumption=a.reports_consumption,
            days=a.days,
            censored_days=a.censored_days,
            load_mean_low_bound=a.load_summary.mean_low,
            load_mean_high_bound=a.load_summary.mean_high,
            load_mean=BandOut(
                median=a.load_mean.median, low=a.load_mean.low, high=a.load_mean.high
            ),
            consumption_mean=_band(a.consumption_mean),
            budget_shares=a.budget.shares,
            budget_dominant=a.budget.describe(lang),
            weekday=WeekdayOut(
                means=a.weekday.means_high,
                means_low=a.weekday.means_low,
                censored_days=a.weekday.censored,
                weekend_ratio_low=a.weekday.ratio_low,
                weekend_ratio_high=a.weekday.ratio_high,
                p_value=a.weekday.p_value,
                day_convention=a.weekday.day_convention,
            )
            if a.weekday
            else None,
            parameter_set=a.parameter_set,
            statistic=a.statistic,
        )
        for a in est.analytes
    ]
    return EstimateOut(
        campaign_uid=campaign.uid,
        parameter_set=est.parameter_set,
        draws=est.draws,
        seed=est.seed,
        level=0.95,
        rows=rows,
        analytes=analytes,
        warnings=reports.warnings(est, lang),
    )


@router.get("/sites", response_model=list[SiteOut])
def list_sites(request: Request, principal: CurrentPrincipal) -> list[SiteOut]:
    """Treatment plants of your agency and of the campaigns you may see."""
    with node_of(request).db.read() as session:
        return [SiteOut.model_validate(s) for s in wbe.visible_sites(session, principal)]


@router.post("/sites", response_model=SiteOut, status_code=201)
def create_site(request: Request, principal: CurrentPrincipal, data: SiteInput) -> SiteOut:
    with node_of(request).db.write() as session:
        return SiteOut.model_validate(wbe.create_site(session, principal, data))


@router.get("/labs", response_model=list[LabOut])
def list_labs(request: Request, principal: CurrentPrincipal) -> list[LabOut]:
    with node_of(request).db.read() as session:
        return [LabOut.model_validate(lab) for lab in wbe.visible_labs(session, principal)]


@router.post("/labs", response_model=LabOut, status_code=201)
def create_lab(request: Request, principal: CurrentPrincipal, data: LabInput) -> LabOut:
    with node_of(request).db.write() as session:
        return LabOut.model_validate(wbe.create_lab(session, principal, data))


@router.get("/campaigns", response_model=PageOut[CampaignOut])
def list_campaigns(
    request: Request,
    principal: CurrentPrincipal,
    site_id: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    after: After = None,
    before: Before = None,
) -> PageOut[CampaignOut]:
    """Campaigns visible to you, the latest period first; for the next page pass the answer's
    ``next_after`` as ``after`` (keyset paging)."""
    with node_of(request).db.read() as session:
        found = wbe.campaigns_page(
            session,
            principal,
            site_id=site_id,
            page=page,
            per_page=per_page,
            after=after,
            before=before,
        )
        return page_out(found, [CampaignOut.model_validate(c) for c in found.items])


def _detail(session: Session, campaign: WbeCampaign) -> CampaignDetailOut:
    base = CampaignOut.model_validate(campaign).model_dump()
    lab = wbe.lab_of(session, campaign)
    return CampaignDetailOut(
        **base,
        recipients=wbe.recipients_of(session, campaign),
        site=SiteOut.model_validate(wbe.site_of(session, campaign)),
        lab=LabOut.model_validate(lab) if lab else None,
        samples=wbe.count_samples(session, campaign),
    )


@router.post("/campaigns", response_model=CampaignDetailOut, status_code=201)
def create_campaign(
    request: Request, principal: CurrentPrincipal, data: CampaignInput
) -> CampaignDetailOut:
    """Create a campaign. Sharing beyond your agency needs the liaison officer role."""
    with node_of(request).db.write() as session:
        return _detail(session, wbe.create_campaign(session, principal, data))


@router.get("/campaigns/{campaign_id}", response_model=CampaignDetailOut)
def get_campaign(
    request: Request,
    principal: CurrentPrincipal,
    campaign_id: RecordId,
    why: Annotated[str, Query(max_length=500)] = "",
) -> CampaignDetailOut:
    """One campaign; the read is recorded in the audit log with ``why``."""
    with read_session(node_of(request).db) as session:
        return _detail(session, wbe.read_campaign(session, principal, campaign_id, why=why))


@router.post("/campaigns/{campaign_id}/import", response_model=ImportOut, status_code=201)
async def import_results(
    request: Request,
    principal: CurrentPrincipal,
    campaign_id: RecordId,
    file: Annotated[UploadFile, File(description="Results table, .csv (UTF-8) or .xlsx")],
) -> ImportOut:
    """Add a laboratory results file (all rows or none; every bad cell is named)."""
    node = node_of(request)
    bounds = uploads.limits(node.settings)
    wbe_results.check_upload_size(request.headers.get("content-length"), bounds)
    content = await file.read(uploads.max_bytes(bounds) + 1)
    result = await run_in_threadpool(
        wbe_results.import_upload,
        node.db,
        principal,
        campaign_id,
        file.filename or "",
        content,
        bounds,
    )
    return ImportOut(
        rows=result.rows,
        samples_added=result.samples_added,
        measurements_added=result.measurements_added,
    )


@router.get("/campaigns/{campaign_id}/estimates", response_model=EstimateOut)
def estimates(
    request: Request,
    principal: CurrentPrincipal,
    campaign_id: RecordId,
    draws: Draws = 2000,
    seed: Seed = 0,
) -> EstimateOut:
    """Loads, consumption with Monte Carlo intervals, uncertainty budget and weekday profile,
    computed with the campaign's parameter set (named in every result)."""
    with node_of(request).db.read() as session:
        campaign, est = wbe_estimates.campaign_estimate(
            session, principal, campaign_id, draws=draws, seed=seed
        )
        return estimate_out(campaign, est, principal.language)


@router.get("/campaigns/{campaign_id}/export.csv")
def export_csv(
    request: Request, principal: CurrentPrincipal, campaign_id: RecordId, draws: Draws = 2000
) -> Response:
    """The campaign in the EUDA layout (one row per analyte; columns in the module docs)."""
    with read_session(node_of(request).db) as session:
        campaign, est = wbe_estimates.campaign_estimate(
            session, principal, campaign_id, draws=draws
        )
        wbe.record_export(session, principal, campaign, "csv")
        body = reports.euda_csv(campaign, wbe.site_of(session, campaign), est)
        name = f"wbe-{campaign.uid}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
