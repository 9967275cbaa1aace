"""Comparisons across the campaigns a user may see: the city ranking, the population-weighted
regional means and a site's trend. Every comparison recomputes each campaign with ONE parameter
set from its stored concentrations (the node's default set unless another is chosen) and names
it; each campaign's figure is the one its own page shows (:mod:`.analysis`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.wastewater import RegionalMean

from . import analysis, trends
from .estimates import identity_of
from .models import WbeCampaign
from .service import (
    Metric,
    engine_samples,
    get_site,
    latest_per_site,
    list_campaigns,
    rows_of,
    site_of,
)


def _contenders(
    session: Session, principal: Principal, campaigns: list[WbeCampaign], analyte: str
) -> list[analysis.Contender]:
    out = []
    for c in campaigns:
        rows = rows_of(session, c)
        if not any(r.analyte == analyte for r in rows):
            continue
        site = site_of(session, c)
        params = analysis.parameter_set_by_label(c.parameter_set)
        midpoint = c.period_start + (c.period_end - c.period_start) / 2
        label = f"{site.city} ({c.period_start.isoformat()} – {c.period_end.isoformat()})"
        out.append(
            analysis.Contender(
                c.uid,
                label,
                midpoint,
                engine_samples(site.code, rows),
                params,
                c.id,
                identity_of(site, c),
            )
        )
    return out


def city_ranking(
    session: Session,
    principal: Principal,
    analyte: str,
    *,
    year: int | None = None,
    metric: Metric = "load",
    draws: int = 2000,
    parameter_set: str | None = None,
) -> list[analysis.RankedCampaign]:
    """Cities ranked by their campaign figure over the visible campaigns (the latest per site,
    within ``year`` when given), every one recomputed with ONE parameter set (``parameter_set``,
    the node's default set when not given), each with its interval and the interval of its
    rank."""
    params = analysis.comparison_set(parameter_set)
    campaigns = latest_per_site(session, principal, year=year)
    contenders = _contenders(session, principal, campaigns, analyte)
    return analysis.rank_campaigns(contenders, analyte, params, metric, draws)


def ranking_and_regions(
    session: Session,
    principal: Principal,
    analyte: str,
    *,
    year: int | None = None,
    metric: Metric = "load",
    draws: int = 2000,
    parameter_set: str | None = None,
) -> tuple[list[analysis.RankedCampaign], list[RegionalMean]]:
    """The ranking and the regional means from one computation of the same draws."""
    params = analysis.comparison_set(parameter_set)
    campaigns = latest_per_site(session, principal, year=year)
    contenders = _contenders(session, principal, campaigns, analyte)
    computed = analysis.comparison_draws(contenders, analyte, params, metric, draws)
    return (
        analysis.rank_campaigns(contenders, analyte, params, computed=computed),
        analysis.regions(contenders, analyte, params, computed=computed),
    )


def regional_means(
    session: Session,
    principal: Principal,
    analyte: str,
    *,
    year: int | None = None,
    metric: Metric = "load",
    draws: int = 2000,
    parameter_set: str | None = None,
) -> list[RegionalMean]:
    """Population-weighted means by country and over all of the campaigns a ranking uses."""
    params = analysis.comparison_set(parameter_set)
    campaigns = latest_per_site(session, principal, year=year)
    contenders = _contenders(session, principal, campaigns, analyte)
    return analysis.regions(contenders, analyte, params, metric, draws)


def site_trend(
    session: Session,
    principal: Principal,
    site_id: int,
    analyte: str,
    *,
    metric: Metric = "load",
    draws: int = 2000,
    parameter_set: str | None = None,
) -> trends.Trend:
    params = analysis.comparison_set(parameter_set)
    site = get_site(session, principal, site_id)
    campaigns = list_campaigns(session, principal, site_id=site.id)
    contenders = _contenders(session, principal, campaigns, analyte)
    return trends.trend(contenders, analyte, params, metric, draws)
