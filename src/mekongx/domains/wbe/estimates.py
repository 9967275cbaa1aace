"""Estimates of a campaign from its stored samples (with the warning when its population rests
on an uncalibrated marker constant) and laboratories' calibrations of population markers."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Integer, Select, bindparam, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require, visible
from mekongx.errors import FieldProblem, Forbidden, ValidationFailed
from mekongx.i18n import N_
from mekongx.wastewater import Flag, ParameterSet, WbeError, calibrate_marker, uncalibrated_flags

from . import analysis
from .models import WbeCalibration, WbeCampaign, WbeMeasurement, WbeSample, WbeSite
from .schemas import CalibrationInput
from .service import engine_samples, get_site, newest_campaigns, peek_campaign, rows_of, site_of


def identity_of(site: WbeSite, campaign: WbeCampaign) -> analysis.Identity:
    return analysis.Identity(campaign.uid, site.uid, site.population_method, site.country)


def calibrations_of(session: Session, site: WbeSite) -> list[WbeCalibration]:
    return list(session.scalars(_CALIBRATIONS, {"site_id": site.id}))


# built once (the site a bound parameter): a site's page reads them on every request
_CALIBRATIONS = (
    select(WbeCalibration)
    .where(WbeCalibration.site_id == bindparam("site_id", type_=Integer))
    .order_by(WbeCalibration.created_at.desc(), WbeCalibration.id.desc())
)


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


def analytes_in_view(
    session: Session, principal: Principal, site_id: int | None = None
) -> list[str]:
    """Analyte codes measured in any campaign the user may see; with ``site_id``, in the site's
    newest 1,000 (what its trend computes over, :func:`service.newest_campaigns`), so that a
    site's page reads its own campaigns, not every campaign of the node."""
    if site_id is None:
        campaigns = visible(principal, WbeCampaign)
    else:
        campaigns = newest_campaigns(principal, site_id)
    return list(session.scalars(_analytes_of(campaigns)))


@lru_cache(maxsize=1024)
def _analytes_of(campaigns: Select[WbeCampaign]) -> Select[str]:
    # built once per statement of campaigns (one per agency and site: ``service``), not on
    # every request
    seen = campaigns.with_only_columns(WbeCampaign.id).subquery()
    return (
        select(WbeMeasurement.analyte)
        .join(WbeSample, WbeSample.id == WbeMeasurement.sample_id)
        .where(WbeSample.campaign_id.in_(select(seen.c.id)))
        .distinct()
        .order_by(WbeMeasurement.analyte)
    )


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
