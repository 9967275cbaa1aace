"""Wastewater monitoring records: sites, laboratories, campaigns and their stored samples.

One function per action; each takes the acting user, checks permissions, writes its audit row in
the same transaction and leaves the commit to the caller's unit of work. The other actions of
the area live beside this module, one concern each: importing laboratory results
(:mod:`.results`), estimates and population-marker calibrations (:mod:`.estimates`), rankings
and trends (:mod:`.comparisons`), reports and exports (:mod:`.reports`) and sharing with peer
nodes (:mod:`.exchange`).

Campaigns are shared records: they are loaded only through :func:`mekongx.authz.access` and
:func:`mekongx.authz.visible`. Sites and laboratories are reference rows of an agency; a user sees
their own agency's and those of the campaigns visible to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import Integer, Row, Select, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session

from mekongx.audit import record, record_read
from mekongx.authz import (
    Permission,
    Principal,
    access,
    read_audited,
    require,
    visibility_clause,
    visible,
)
from mekongx.authz.listing import Page, page_of
from mekongx.authz.sharing import check_distribution, require_exportable, set_recipients
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.record import RecordRecipient
from mekongx.model.texts import translations_json
from mekongx.wastewater import Quantity, Sample, builtin_parameter_set

from .models import WbeCampaign, WbeLab, WbeMeasurement, WbeSample, WbeSite
from .schemas import CampaignInput, LabInput, SiteInput, SitePayload

KIND = "wbe_campaign"  # the record kind in audit rows
Metric = Literal["load", "consumption"]


# --- sites and laboratories ---------------------------------------------------------------


def site_fields(data: SiteInput | SitePayload) -> dict[str, Any]:
    """A site input as the row's columns (its translations as the column keeps them)."""
    fields = data.model_dump(exclude={"translations"})
    return {**fields, "translations": translations_json(data.translations.model_dump())}


def create_site(session: Session, principal: Principal, data: SiteInput) -> WbeSite:
    require(principal, Permission.WRITE_RECORDS)
    taken = session.scalar(
        select(WbeSite.id).where(
            WbeSite.origin_agency == principal.agency, WbeSite.code == data.code
        )
    )
    if taken is not None:
        raise ValidationFailed([FieldProblem("code", N_("This site code is already in use."))])
    site = WbeSite(origin_agency=principal.agency, **site_fields(data))
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
    stmt = _sites_seen(principal.agency).order_by(WbeSite.country, WbeSite.city, WbeSite.code)
    return list(session.scalars(stmt))


@lru_cache(maxsize=256)
def _sites_seen(agency: str) -> Select[WbeSite]:
    used = exists().where(WbeCampaign.site_id == WbeSite.id, visibility_clause(WbeCampaign, agency))
    return select(WbeSite).where(or_(WbeSite.origin_agency == agency, used))


@lru_cache(maxsize=256)
def _site_seen(agency: str) -> Select[WbeSite]:
    # the id a bound parameter: one statement per agency, its cache key computed once
    return _sites_seen(agency).where(WbeSite.id == bindparam("site_id", type_=Integer))


def get_site(session: Session, principal: Principal, site_id: int) -> WbeSite:
    """One of :func:`visible_sites`, read by its id alone (not every visible site in turn)."""
    require(principal, Permission.READ_RECORDS)
    site = session.scalars(_site_seen(principal.agency), {"site_id": site_id}).first()
    if site is None:
        raise NotFound(N_("No such record."))
    return site


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


def _campaigns(principal: Principal, site_id: int | None) -> Select[WbeCampaign]:
    stmt = visible(principal, WbeCampaign)
    return stmt if site_id is None else _of_site(stmt, site_id)


@lru_cache(maxsize=1024)
def _of_site(campaigns: Select[WbeCampaign], site_id: int) -> Select[WbeCampaign]:
    # one statement object per agency and site, as ``visible`` is per agency: the list's page
    # and total statements (``authz.listing``) and the newest 1,000 are then built once, not
    # on every request
    return campaigns.where(WbeCampaign.site_id == site_id)


def list_campaigns(
    session: Session, principal: Principal, *, site_id: int | None = None
) -> list[WbeCampaign]:
    """The newest 1,000 campaigns the user may see (of one site): what a site's trend computes
    over (a site holds a campaign or a few a year). A list page is :func:`campaigns_page`, each
    site's latest campaign :func:`latest_per_site`."""
    return list(session.scalars(newest_campaigns(principal, site_id)))


def newest_campaigns(principal: Principal, site_id: int | None = None) -> Select[WbeCampaign]:
    """The statement of :func:`list_campaigns`: the newest 1,000 campaigns the user may see (of
    one site), the latest period first."""
    return _newest(_campaigns(principal, site_id))


@lru_cache(maxsize=1024)
def _newest(campaigns: Select[WbeCampaign]) -> Select[WbeCampaign]:
    # the site's end of ix_wbe_campaigns_site_period, read in order: 1,000 rows at most
    return campaigns.order_by(WbeCampaign.period_start.desc(), WbeCampaign.id.desc()).limit(1000)


def latest_per_site(
    session: Session, principal: Principal, *, year: int | None = None
) -> list[WbeCampaign]:
    """Each site's latest campaign the user may see (with ``year``: of the campaigns running
    in that year), the latest first: what the ranking and the regional means compare. Every
    site counts, however many campaigns the node holds (chosen in the database, one row per
    site, not among the newest 1,000 of :func:`list_campaigns`)."""
    stmt = _campaigns(principal, None)
    if year is not None:
        stmt = stmt.where(WbeCampaign.period_start <= dt.date(year, 12, 31),
                          WbeCampaign.period_end >= dt.date(year, 1, 1))  # fmt: skip
    newest = (WbeCampaign.period_start.desc(), WbeCampaign.id.desc())
    rank = func.row_number().over(partition_by=WbeCampaign.site_id, order_by=newest)
    ranked = stmt.with_only_columns(WbeCampaign.id, rank.label("rank")).order_by(None).subquery()
    latest = select(WbeCampaign).join(ranked, ranked.c.id == WbeCampaign.id)
    return list(session.scalars(latest.where(ranked.c.rank == 1).order_by(*newest)))


def campaigns_page(
    session: Session,
    principal: Principal,
    *,
    site_id: int | None = None,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> Page[WbeCampaign]:
    """One page of the campaigns the user may see (of one site), the latest period first
    (``authz.listing``: keyset paging with ``after``, the total estimated beyond the bound)."""
    return page_of(session, _campaigns(principal, site_id), WbeCampaign, page=page,
                   per_page=per_page, after=after, before=before, order=(WbeCampaign.period_start,))  # fmt: skip


# what a site's page shows of each of its campaigns
SITE_LIST_COLUMNS = (WbeCampaign.id, WbeCampaign.title, WbeCampaign.language,
                     WbeCampaign.period_start, WbeCampaign.period_end, WbeCampaign.parameter_set)  # fmt: skip


def site_campaigns_page(
    session: Session, principal: Principal, site_id: int, *, page: int = 1, per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> Page[Row[Any]]:  # fmt: skip
    """One page of a site's campaigns the user may see, as :func:`campaigns_page`, in plain rows
    of ``SITE_LIST_COLUMNS`` (no campaign objects: the page shows six columns)."""
    return page_of(session, _campaigns(principal, site_id), WbeCampaign, page=page, per_page=per_page,
                   after=after, before=before, order=(WbeCampaign.period_start,), columns=SITE_LIST_COLUMNS)  # fmt: skip


def read_campaign(
    session: Session, principal: Principal, campaign_id: int | str, why: str = ""
) -> WbeCampaign:
    """Open one campaign; the read is audited."""
    return read_audited(session, principal, WbeCampaign, campaign_id, "wbe.campaign.read", KIND,
                        why=why)  # fmt: skip


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


def count_samples(session: Session, campaign: WbeCampaign) -> int:
    stmt = select(func.count()).select_from(WbeSample).where(WbeSample.campaign_id == campaign.id)
    return session.scalar(stmt) or 0


def record_export(session: Session, principal: Principal, campaign: WbeCampaign, what: str) -> None:
    """Exports need the export permission, are audited, and never include a received H3 record."""
    require(principal, Permission.EXPORT)
    require_exportable(campaign)
    record_read(
        session, principal.actor, "wbe.campaign.export", KIND, campaign.uid, details={"as": what}
    )
