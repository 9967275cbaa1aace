"""Wastewater monitoring pages of campaigns: create, read, import results, share, export (CSV,
summary, charts), the city ranking across campaigns and the results template. The overview,
sites, laboratories and the area's labels are in ``wbe``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx import uploads
from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can, require
from mekongx.domains.wbe import analysis, comparisons, reports
from mekongx.domains.wbe import estimates as wbe_estimates
from mekongx.domains.wbe import exchange as wbe_exchange
from mekongx.domains.wbe import results as wbe_results
from mekongx.domains.wbe import service as wbe
from mekongx.domains.wbe.schemas import PARAMETER_SETS, CampaignInput
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.wastewater import SAMPLING_MODES, RegionalMean
from mekongx.wastewater import notes as wastewater_notes
from mekongx.web import flash
from mekongx.web.pages.wbe import (
    AnalyteParam,
    Metric,
    SetParam,
    YearParam,
    chosen_parameter_set,
    download,
    field_problems,
    no_store,
    page_labels,
)
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/wbe")


# --- campaigns ----------------------------------------------------------------------------------

_CAMPAIGN_FIELDS = (
    "title",
    "site_id",
    "lab_id",
    "period_start",
    "period_end",
    "parameter_set",
    "notes",
    "language",
    "handling_code",
    "handling_note",
    "distribution",
    "sharing_group",
)


def _campaign_form(
    request: Request,
    principal: Principal,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    with node_of(request).db.read() as session:
        sites = [
            s
            for s in wbe.visible_sites(session, principal)
            if s.origin_agency == principal.agency and not s.received
        ]
        labs = [lab for lab in wbe.visible_labs(session, principal) if not lab.received]
        labs = [lab for lab in labs if lab.origin_agency == principal.agency]
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return render(
        request,
        "wbe/campaign_form.html",
        status=status,
        form=form,
        fields=fields,
        sites=sites,
        labs=labs,
        peers=peers,
        groups=groups,
        **page_labels(principal),
    )


@router.get("/campaigns/new")
def new_campaign(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    form: dict[str, Any] = dict.fromkeys(_CAMPAIGN_FIELDS, "")
    form.update(
        parameter_set=PARAMETER_SETS[0],
        language=principal.language,
        handling_code="H0",
        distribution="own",
        recipients=[],
    )
    return _campaign_form(request, principal, form, [])


@router.post("/campaigns/new", dependencies=[Depends(check_csrf)])
async def create_campaign(request: Request, principal: CurrentPrincipal) -> Response:
    raw = await request.form()
    form: dict[str, Any] = {k: str(raw.get(k, "")).strip() for k in _CAMPAIGN_FIELDS}
    form["recipients"] = [str(v) for v in raw.getlist("recipients")]
    data = {k: v for k, v in form.items() if v not in ("", None)}
    data.setdefault("recipients", [])
    try:
        with node_of(request).db.write() as session:
            campaign = wbe.create_campaign(session, principal, parse(CampaignInput, data))
            campaign_id = campaign.id
    except ValidationFailed as error:
        return _campaign_form(request, principal, form, field_problems(principal, error), 422)
    return flash.redirect(f"/wbe/campaigns/{campaign_id}", "saved")


def _campaign_page(
    request: Request,
    principal: Principal,
    campaign_id: int,
    *,
    problems: list[tuple[str, str]] | None = None,
    imported: int | None = None,
    status: int = 200,
) -> Response:
    with read_session(node_of(request).db) as session:  # the read is audited
        campaign = wbe.read_campaign(session, principal, campaign_id, why="opened in the web UI")
        _, estimate = wbe_estimates.campaign_estimate(session, principal, campaign.id)
        site = wbe.site_of(session, campaign)
        lab = wbe.lab_of(session, campaign)
        recipients = wbe.recipients_of(session, campaign)
        samples = wbe.count_samples(session, campaign)
    can_import = (
        can(principal, Permission.WRITE_RECORDS).allowed
        and not campaign.received
        and campaign.origin_agency == principal.agency
    )
    return no_store(
        render(
            request,
            "wbe/campaign.html",
            status=status,
            campaign=campaign,
            site=site,
            lab=lab,
            recipients=recipients,
            samples=samples,
            estimate=estimate,
            charts=reports.campaign_charts(estimate, principal.language),
            flags=reports.warnings(estimate, principal.language),
            weekday_sentences={
                a.analyte: reports.weekday_sentence(a, principal.language)
                for a in (estimate.analytes if estimate else [])
            },
            analyte_params=analysis.parameter_set_by_label(campaign.parameter_set).analytes,
            note_in=lambda note: wastewater_notes.note_in(note, principal.language),
            can_import=can_import,
            problems=problems or [],
            imported=imported,
            max_mb=uploads.max_mb(uploads.limits(node_of(request).settings)),
            sampling_modes=SAMPLING_MODES,
            **page_labels(principal),
        )
    )


@router.get("/campaigns/{campaign_id}")
def campaign_page(
    request: Request,
    principal: CurrentPrincipal,
    campaign_id: RecordId,
    imported: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
) -> Response:
    return _campaign_page(request, principal, campaign_id, imported=imported)


async def _upload_guard(request: Request) -> AsyncIterator[None]:
    """Refuse oversized uploads before parsing; close the parsed form's files afterwards."""
    bounds = uploads.limits(node_of(request).settings)
    wbe_results.check_upload_size(request.headers.get("content-length"), bounds)
    try:
        yield
    finally:
        form = await request.form()
        await form.close()


@router.post(
    "/campaigns/{campaign_id}/import",
    dependencies=[Depends(_upload_guard), Depends(check_csrf)],
)
async def import_results(
    request: Request, principal: CurrentPrincipal, campaign_id: RecordId
) -> Response:
    raw = await request.form()
    upload = raw.get("file")
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file to upload."))])
        node = node_of(request)
        bounds = uploads.limits(node.settings)
        content = await upload.read(uploads.max_bytes(bounds) + 1)
        result = await run_in_threadpool(
            wbe_results.import_upload,
            node.db,
            principal,
            campaign_id,
            upload.filename,
            content,
            bounds,
        )
    except ValidationFailed as error:
        return _campaign_page(
            request, principal, campaign_id, problems=field_problems(principal, error), status=422
        )
    return RedirectResponse(f"/wbe/campaigns/{campaign_id}?imported={result.rows}", status_code=303)


@router.post("/campaigns/{campaign_id}/share", dependencies=[Depends(check_csrf)])
def share_campaign(
    request: Request, principal: CurrentPrincipal, campaign_id: RecordId
) -> Response:
    """Send the campaign to the peers its distribution names, over the exchange."""
    with node_of(request).db.write() as session:
        campaign = wbe.peek_campaign(session, principal, campaign_id)
        wbe_exchange.share(session, principal, campaign.uid)
    return flash.redirect(f"/wbe/campaigns/{campaign_id}", "saved")


@router.get("/campaigns/{campaign_id}/export.csv")
def export_csv(request: Request, principal: CurrentPrincipal, campaign_id: RecordId) -> Response:
    with read_session(node_of(request).db) as session:
        campaign, estimate = wbe_estimates.campaign_estimate(session, principal, campaign_id)
        wbe.record_export(session, principal, campaign, "csv")
        body = reports.euda_csv(campaign, wbe.site_of(session, campaign), estimate)
    return download(body, "text/csv", f"wbe-campaign-{campaign_id}.csv")


@router.get("/campaigns/{campaign_id}/summary.txt")
def export_summary(
    request: Request, principal: CurrentPrincipal, campaign_id: RecordId
) -> Response:
    with read_session(node_of(request).db) as session:
        campaign, estimate = wbe_estimates.campaign_estimate(session, principal, campaign_id)
        wbe.record_export(session, principal, campaign, "summary")
        body = reports.summary_text(
            principal.language,
            campaign,
            wbe.site_of(session, campaign),
            wbe.lab_of(session, campaign),
            estimate,
        )
    return download(body, "text/plain", f"wbe-campaign-{campaign_id}-summary.txt")


@router.get("/campaigns/{campaign_id}/charts/{name}.svg")
def export_chart(
    request: Request,
    principal: CurrentPrincipal,
    campaign_id: RecordId,
    name: Annotated[str, Path(max_length=40, pattern=r"^[a-z]+-[A-Za-z0-9-]+$")],
) -> Response:
    with read_session(node_of(request).db) as session:
        campaign, estimate = wbe_estimates.campaign_estimate(session, principal, campaign_id)
        charts = reports.campaign_charts(estimate, principal.language)
        if name not in charts:
            raise NotFound(N_("No such chart."))
        wbe.record_export(session, principal, campaign, f"chart {name}")
    return download(charts[name], "image/svg+xml", f"wbe-campaign-{campaign_id}-{name}.svg")


# --- ranking ------------------------------------------------------------------------------------


@router.get("/ranking")
def ranking_page(
    request: Request,
    principal: CurrentPrincipal,
    analyte: AnalyteParam = "",
    year_text: Annotated[YearParam, Query(alias="year")] = "",
    metric: Metric = "load",
    parameter_set: SetParam = "",
) -> Response:
    year = int(year_text) if year_text else None
    chosen = chosen_parameter_set(parameter_set)
    with node_of(request).db.read() as session:
        analytes = wbe_estimates.analytes_in_view(session, principal)
        code = analyte.upper() or ("METH" if "METH" in analytes else (analytes or [""])[0])
        ranked: list[analysis.RankedCampaign] = []
        regions: list[RegionalMean] = []
        if code:
            ranked, regions = comparisons.ranking_and_regions(
                session, principal, code, year=year, metric=metric, parameter_set=chosen
            )
    label = analysis.comparison_set(chosen).label
    chart = reports.ranking_chart(ranked, code, metric, principal.language, label)
    return no_store(
        render(
            request,
            "wbe/ranking.html",
            analytes=analytes,
            analyte=code,
            year=year,
            metric=metric,
            ranked=ranked,
            regions=regions,
            chart=chart,
            chosen_set=chosen,
            chosen_label=label,
            **page_labels(principal),
        )
    )


@router.get("/ranking.svg")
def ranking_svg(
    request: Request,
    principal: CurrentPrincipal,
    analyte: AnalyteParam = "METH",
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    metric: Metric = "load",
    parameter_set: SetParam = "",
) -> Response:
    require(principal, Permission.EXPORT)
    chosen = chosen_parameter_set(parameter_set)
    with node_of(request).db.read() as session:
        ranked = comparisons.city_ranking(
            session, principal, analyte.upper(), year=year, metric=metric, parameter_set=chosen
        )
    label = analysis.comparison_set(chosen).label
    body = reports.ranking_chart(ranked, analyte.upper(), metric, principal.language, label)
    return download(body, "image/svg+xml", f"wbe-ranking-{analyte.upper()}.svg")


@router.get("/template.csv")
def template_csv(request: Request, principal: CurrentPrincipal) -> Response:
    """An example results table in the import format (two days, one below the LOQ)."""
    require(principal, Permission.READ_RECORDS)
    body = (
        "date,analyte,concentration_ng_l,loq_ng_l,flow_m3_d,population,sampling_mode\n"
        "2025-03-10,METH,812.4,5,30000,120000,flow\n"
        "2025-03-10,MDMA,<LOQ,5,30000,120000,flow\n"
        "2025-03-11,METH,765.0,5,29500,120000,flow\n"
        "2025-03-11,MDMA,6.2,5,29500,120000,flow\n"
    )
    return download(body, "text/csv", "wbe-results-template.csv")
