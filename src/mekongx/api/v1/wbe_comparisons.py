"""Wastewater comparisons across campaigns: the city ranking, regional means and a site's trend
(every campaign recomputed with one parameter set), and the population-marker calibrations of a
site. Sites, laboratories, campaigns, result files and estimates are in ``wbe``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request

from mekongx.api.v1.schemas import ERRORS
from mekongx.api.v1.wbe import Draws
from mekongx.domains.wbe import analysis, comparisons
from mekongx.domains.wbe import estimates as wbe_estimates
from mekongx.domains.wbe import service as wbe
from mekongx.domains.wbe.schemas import PARAMETER_SETS, CalibrationInput
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.wastewater.comparison import STATISTIC

router = APIRouter(prefix="/wbe", tags=["wastewater"], responses=ERRORS)  # type: ignore[arg-type]


Analyte = Annotated[str, Query(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")]
ParameterSetName = Annotated[
    str | None,
    Query(
        max_length=120,
        pattern=r"^[A-Za-z0-9@._-]+$",
        description=(
            "The ONE parameter set every campaign of the comparison is recomputed with (a "
            f"built-in name: {', '.join(PARAMETER_SETS)}); the node's default set if omitted."
        ),
    ),
]


class CalibrationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    marker: str
    per_capita_g_d: float
    reference: str
    source: str
    days: int
    rsd: float
    origin_agency: str
    created_at: dt.datetime


class RankOut(BaseModel):
    campaign_uid: str
    label: str
    median: float
    low: float
    high: float
    rank: int
    rank_low: int
    rank_high: int
    parameter_set: str  # the one set every campaign of the ranking was computed with
    campaign_parameter_set: str  # the campaign's own set
    statistic: str


class TrendPointOut(BaseModel):
    campaign_uid: str
    label: str
    midpoint: dt.date
    season: str
    median: float
    low: float
    high: float
    parameter_set: str
    campaign_parameter_set: str


class TrendOut(BaseModel):
    analyte: str
    metric: str
    parameter_set: str
    statistic: str
    points: list[TrendPointOut]
    test: str  # "mann-kendall" (one season), "seasonal" (several seasons) or ""
    mann_kendall_s: int | None
    mann_kendall_p: float | None
    mann_kendall_method: str | None  # "exact" (up to 10 campaigns) or "normal"
    seasonal_kendall_s: int | None
    seasonal_kendall_p: float | None
    trend: str | None
    theil_sen_slope_per_year: float | None
    theil_sen_low: float | None
    theil_sen_high: float | None


class RegionOut(BaseModel):
    group: str  # a country code, or "" for all campaigns together
    campaigns: int
    population: float
    median: float
    low: float
    high: float


class RegionsOut(BaseModel):
    analyte: str
    metric: str
    parameter_set: str
    statistic: str
    weighting: str
    regions: list[RegionOut]


@router.get("/ranking", response_model=list[RankOut])
def ranking(
    request: Request,
    principal: CurrentPrincipal,
    analyte: Analyte,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    metric: Literal["load", "consumption"] = "load",
    draws: Draws = 2000,
    parameter_set: ParameterSetName = None,
) -> list[RankOut]:
    """Cities ranked by their campaign figure (the median of the Monte Carlo campaign mean, as
    on the campaign page) over the campaigns you may see (latest per site), every campaign
    recomputed with one parameter set, named in ``parameter_set`` of each row."""
    with node_of(request).db.read() as session:
        ranked = comparisons.city_ranking(
            session,
            principal,
            analyte.upper(),
            year=year,
            metric=metric,
            draws=draws,
            parameter_set=parameter_set,
        )
    return [
        RankOut(
            campaign_uid=r.key,
            label=r.label,
            median=r.ranking.median,
            low=r.ranking.low,
            high=r.ranking.high,
            rank=r.ranking.rank,
            rank_low=r.ranking.rank_low,
            rank_high=r.ranking.rank_high,
            parameter_set=r.parameter_set,
            campaign_parameter_set=r.campaign_parameter_set,
            statistic=STATISTIC,
        )
        for r in ranked
    ]


@router.get("/regions", response_model=RegionsOut)
def regions(
    request: Request,
    principal: CurrentPrincipal,
    analyte: Analyte,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    metric: Literal["load", "consumption"] = "load",
    draws: Draws = 2000,
    parameter_set: ParameterSetName = None,
) -> RegionsOut:
    """Population-weighted means by country and over all (``group`` ""), of the campaigns the
    ranking uses, with Monte Carlo intervals (the draws of every city propagated)."""
    with node_of(request).db.read() as session:
        params = analysis.comparison_set(parameter_set)
        result = comparisons.regional_means(
            session,
            principal,
            analyte.upper(),
            year=year,
            metric=metric,
            draws=draws,
            parameter_set=params.label,
        )
    return RegionsOut(
        analyte=analyte.upper(),
        metric=metric,
        parameter_set=params.label,
        statistic=STATISTIC,
        weighting="population served (mean of the campaign's daily figures)",
        regions=[
            RegionOut(
                group=r.group,
                campaigns=r.campaigns,
                population=r.population,
                median=r.figure.median,
                low=r.figure.low,
                high=r.figure.high,
            )
            for r in result
        ],
    )


@router.get("/sites/{site_id}/trend", response_model=TrendOut)
def trend(
    request: Request,
    principal: CurrentPrincipal,
    site_id: RecordId,
    analyte: Analyte,
    metric: Literal["load", "consumption"] = "load",
    draws: Draws = 2000,
    parameter_set: ParameterSetName = None,
) -> TrendOut:
    """Campaign figures of one site over time, all with one parameter set; from two years on,
    Mann–Kendall (exact p for up to 10 campaigns) when the campaigns fall in one season, the
    seasonal Kendall test when they span the dry and wet seasons, and the Theil–Sen slope."""
    with node_of(request).db.read() as session:
        result = comparisons.site_trend(
            session,
            principal,
            site_id,
            analyte.upper(),
            metric=metric,
            draws=draws,
            parameter_set=parameter_set,
        )
    mk, ts, sk = result.mann_kendall, result.theil_sen, result.seasonal
    return TrendOut(
        analyte=analyte.upper(),
        metric=metric,
        parameter_set=result.parameter_set,
        statistic=STATISTIC,
        points=[
            TrendPointOut(
                campaign_uid=p.key,
                label=p.label,
                midpoint=p.midpoint,
                season=p.season,
                median=p.band.median,
                low=p.band.low,
                high=p.band.high,
                parameter_set=p.parameter_set,
                campaign_parameter_set=p.campaign_parameter_set,
            )
            for p in result.points
        ],
        test=result.test,
        mann_kendall_s=mk.s if mk else None,
        mann_kendall_p=mk.p_value if mk else None,
        mann_kendall_method=mk.method if mk else None,
        seasonal_kendall_s=sk.s if sk else None,
        seasonal_kendall_p=sk.p_value if sk else None,
        trend=result.direction,
        theil_sen_slope_per_year=ts.slope if ts else None,
        theil_sen_low=ts.low_slope if ts else None,
        theil_sen_high=ts.high_slope if ts else None,
    )


@router.get("/sites/{site_id}/calibrations", response_model=list[CalibrationOut])
def list_calibrations(
    request: Request, principal: CurrentPrincipal, site_id: RecordId
) -> list[CalibrationOut]:
    """Population-marker calibrations stored for a site, newest first."""
    with node_of(request).db.read() as session:
        site = wbe.get_site(session, principal, site_id)
        return [
            CalibrationOut.model_validate(c) for c in wbe_estimates.calibrations_of(session, site)
        ]


@router.post("/sites/{site_id}/calibrations", response_model=CalibrationOut, status_code=201)
def create_calibration(
    request: Request, principal: CurrentPrincipal, site_id: RecordId, data: CalibrationInput
) -> CalibrationOut:
    """Calibrate a population marker (BOD5, COD, TN, NH4N, TP) for one of your sites from days
    with a reference count (census or mobile-phone): per-capita load = Σ load / Σ persons.
    ``source`` says who calibrated it from which counts; it is stored with the value."""
    with node_of(request).db.write() as session:
        return CalibrationOut.model_validate(
            wbe_estimates.create_calibration(session, principal, site_id, data)
        )
