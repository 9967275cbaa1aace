"""Wastewater monitoring pages: the overview, sites (their calibrations and trends) and
laboratories, and the area's labels and page helpers, which the campaign pages
(``wbe_campaigns``) share."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Row
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from mekongx.authz import Permission, Principal, can, require
from mekongx.domains.wbe import analysis, comparisons, reports
from mekongx.domains.wbe import estimates as wbe_estimates
from mekongx.domains.wbe import service as wbe
from mekongx.domains.wbe.models import MARKERS, POPULATION_METHODS, SEWER_TYPES
from mekongx.domains.wbe.schemas import PARAMETER_SETS, CalibrationInput, LabInput, SiteInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import Node, node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, translator
from mekongx.model.texts import written_once
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, page_date, render, shown_text

router = APIRouter(prefix="/wbe")
NAV = [NavItem(40, "/wbe", N_("Wastewater"))]

SEWER_LABELS = {
    "combined": N_("Combined sewer"),
    "separate": N_("Separate sewer"),
    "mixed": N_("Partly combined"),
    "unknown": N_("Not known"),
}
SAMPLING_LABELS = {
    "flow": N_("Flow-proportional 24-hour composite"),
    "volume": N_("Volume-proportional 24-hour composite"),
    "time": N_("Time-proportional 24-hour composite"),
    "grab": N_("Grab sample"),
}
METRIC_LABELS = {
    "load": N_("Normalised load (mg/day per 1000 inhabitants)"),
    "consumption": N_("Consumption (mg/day per 1000 inhabitants)"),
}
POPULATION_METHOD_LABELS = {
    "census": N_("Census"),
    "served": N_("Population connected (utility records)"),
    "design": N_("Design population of the plant"),
    "mobile": N_("Mobile-phone counts"),
    "BOD5": N_("BOD5 load (hydrochemical)"),
    "COD": N_("COD load (hydrochemical)"),
    "TN": N_("Total nitrogen load (hydrochemical)"),
    "NH4N": N_("Ammonium nitrogen load (hydrochemical)"),
    "TP": N_("Total phosphorus load (hydrochemical)"),
}
REFERENCE_LABELS = {"census": N_("Census"), "mobile": N_("Mobile-phone counts")}
SEASON_LABELS = {"dry": N_("Dry season (Nov–Apr)"), "wet": N_("Wet season (May–Oct)")}
STABILITY_LABELS = {
    "sewer": N_("In the sewer"),
    "sample": N_("In the stored sample"),
    "sorption": N_("Sorption to particles"),
}
TREND_LABELS = {
    "increasing": N_("increasing"),
    "decreasing": N_("decreasing"),
    "no trend": N_("no trend"),
}
Metric = Literal["load", "consumption"]
AnalyteParam = Annotated[str, Query(max_length=16, pattern=r"^[A-Za-z0-9-]*$")]
SetParam = Annotated[str, Query(max_length=120, pattern=r"^[A-Za-z0-9@._-]*$")]
# the year box of a filter form may be sent empty ("year="): empty means any year
YearParam = Annotated[str, Query(max_length=4, pattern=r"^(19[9][0-9]|20[0-9][0-9]|2100)?$")]


def chosen_parameter_set(name: str) -> str:
    """The built-in name of the parameter set chosen for a comparison (the default if none)."""
    params = analysis.comparison_set(name or None)
    return next(n for n in PARAMETER_SETS if analysis.comparison_set(n).label == params.label)


def page_labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {
        "sewer_labels": {k: _(v) for k, v in SEWER_LABELS.items()},
        "sampling_labels": {k: _(v) for k, v in SAMPLING_LABELS.items()},
        "metric_labels": {k: _(v) for k, v in METRIC_LABELS.items()},
        "trend_labels": {k: _(v) for k, v in TREND_LABELS.items()},
        "population_method_labels": {k: _(v) for k, v in POPULATION_METHOD_LABELS.items()},
        "reference_labels": {k: _(v) for k, v in REFERENCE_LABELS.items()},
        "season_labels": {k: _(v) for k, v in SEASON_LABELS.items()},
        "stability_labels": {k: _(v) for k, v in STABILITY_LABELS.items()},
        "parameter_sets": PARAMETER_SETS,
        "can_export": can(principal, Permission.EXPORT).allowed,  # the charts' SVG downloads
        **translated(_),
    }


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def download(body: str, media_type: str, filename: str) -> Response:
    return no_store(
        Response(
            body,
            media_type=f"{media_type}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    )


def field_problems(principal: Principal, error: ValidationFailed) -> list[tuple[str, str]]:
    return field_messages(principal.language, error.fields)


# --- overview -----------------------------------------------------------------------------------


@router.get("")
def index(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
          after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    with node_of(request).db.read() as session:
        listed = page_from(partial(wbe.campaigns_page, session, principal), page, after, before)
        sites = wbe.visible_sites(session, principal)
        labs = wbe.visible_labs(session, principal)
    by_id = {s.id: s for s in sites}
    return no_store(
        render(
            request,
            "wbe/index.html",
            campaigns=listed.items,
            listed=listed,
            sites=sites,
            labs=labs,
            site_by_id=by_id,
            can_write=can(principal, Permission.WRITE_RECORDS).allowed,
            **page_labels(principal),
        )
    )


# --- sites and laboratories -------------------------------------------------------------------

_SITE_FIELDS = (
    "code",
    "plant",
    "city",
    "country",
    "latitude",
    "longitude",
    "population_served",
    "sewer_type",
    "population_method",
)
_LAB_FIELDS = ("name", "city", "country", "accreditation")


def _site_form(
    request: Request,
    principal: Principal,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    return render(
        request,
        "wbe/site_form.html",
        status=status,
        form=form,
        fields=fields,
        sewer_types=SEWER_TYPES,
        population_methods=POPULATION_METHODS,
        **page_labels(principal),
    )


@router.get("/sites/new")
def new_site(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    form = dict.fromkeys(_SITE_FIELDS, "")
    form["sewer_type"] = "combined"
    form["population_method"] = "census"
    return _site_form(request, principal, form, [])


@router.post("/sites/new", dependencies=[Depends(check_csrf)])
async def create_site(request: Request, principal: CurrentPrincipal) -> Response:
    raw = await request.form()
    form = {k: str(raw.get(k, "")).strip() for k in _SITE_FIELDS}
    data: dict[str, Any] = {k: v for k, v in form.items() if v != ""}
    try:
        with node_of(request).db.write() as session:
            site = wbe.create_site(session, principal, parse(SiteInput, data))
            site_id = site.id
    except ValidationFailed as error:
        return _site_form(request, principal, form, field_problems(principal, error), 422)
    return flash.redirect(f"/wbe/sites/{site_id}", "saved")


def _lab_form(
    request: Request,
    principal: Principal,
    form: dict[str, Any],
    fields: list[tuple[str, str]],
    status: int = 200,
) -> Response:
    return render(
        request,
        "wbe/lab_form.html",
        status=status,
        form=form,
        fields=fields,
        **page_labels(principal),
    )


@router.get("/labs/new")
def new_lab(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    return _lab_form(request, principal, dict.fromkeys(_LAB_FIELDS, ""), [])


@router.post("/labs/new", dependencies=[Depends(check_csrf)])
async def create_lab(request: Request, principal: CurrentPrincipal) -> Response:
    raw = await request.form()
    form = {k: str(raw.get(k, "")).strip() for k in _LAB_FIELDS}
    try:
        with node_of(request).db.write() as session:
            wbe.create_lab(session, principal, parse(LabInput, form))
    except ValidationFailed as error:
        return _lab_form(request, principal, form, field_problems(principal, error), 422)
    return flash.redirect("/wbe", "saved")


_CALIBRATION_FIELDS = ("marker", "reference", "source", "days")


def _site_page(
    request: Request,
    principal: Principal,
    site_id: int,
    analyte: str = "",
    metric: Metric = "load",
    parameter_set: str = "",
    form: dict[str, Any] | None = None,
    fields: list[tuple[str, str]] | None = None,
    status: int = 200,
    page: int = 1,
    after: str = "",
    before: str = "",
) -> Response:
    chosen = chosen_parameter_set(parameter_set)
    with node_of(request).db.read() as session:
        site = wbe.get_site(session, principal, site_id)
        listed = page_from(
            partial(wbe.site_campaigns_page, session, principal, site.id), page, after, before
        )
        analytes = wbe_estimates.analytes_in_view(session, principal, site.id)
        calibrations = wbe_estimates.calibrations_of(session, site)
        code = analyte.upper() or ("METH" if "METH" in analytes else (analytes or [""])[0])
        result = (
            comparisons.site_trend(
                session, principal, site.id, code, metric=metric, parameter_set=chosen
            )
            if code
            else None
        )
    chart = reports.trend_chart(result, code, metric, principal.language) if result else ""
    can_calibrate = (
        can(principal, Permission.WRITE_RECORDS).allowed
        and site.origin_agency == principal.agency
        and not site.received
    )
    return no_store(
        render(
            request,
            "wbe/site.html",
            status=status,
            site=site,
            campaign_rows=_campaign_rows(listed.items, principal.language, node_of(request)),
            listed=listed,
            analytes=analytes,
            analyte=code,
            metric=metric,
            trend=result,
            chart=chart,
            chosen_set=chosen,
            calibrations=calibrations,
            can_calibrate=can_calibrate,
            markers=MARKERS,
            form=form or {"marker": site.population_method if site.population_method in MARKERS
                          else "BOD5", "reference": "census", "source": "", "days": ""},
            fields=fields or [],
            **page_labels(principal),
        )
    )  # fmt: skip


def _campaign_rows(rows: list[Row[Any]], lang: str, node: Node) -> list[tuple[Any, ...]]:
    """A site's campaigns as its page shows them (``service.SITE_LIST_COLUMNS``): id, title as
    the reader sees it, first and last day, parameter set; each value formatted here, once,
    where the template formatted each row's in three calls."""
    tz = node.settings.timezone
    return [(r.id, shown_text(written_once(r.title, r.language or ""), "", lang),
             page_date(r.period_start, lang, tz), page_date(r.period_end, lang, tz), r.parameter_set)
            for r in rows]  # fmt: skip


@router.get("/sites/{site_id}")
def site_page(
    request: Request,
    principal: CurrentPrincipal,
    site_id: RecordId,
    analyte: AnalyteParam = "",
    metric: Metric = "load",
    parameter_set: SetParam = "",
    page: PageNumber = 1,
    after: Cursor = "",
    before: Cursor = "",
) -> Response:
    return _site_page(request, principal, site_id, analyte, metric, parameter_set, page=page,
                      after=after, before=before)  # fmt: skip


def _calibration_days(text: str) -> tuple[list[dict[str, str]], list[FieldProblem]]:
    """Lines "concentration, flow, persons" into the input's days; problems name the line."""
    days, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.replace(";", ",").replace("\t", ",").split(",")]
        if len(cells) != 3:
            problems.append(
                FieldProblem(
                    "days",
                    N_("Line %(line)s: give three numbers separated by commas."),
                    {"line": number},
                )
            )
            continue
        keys = ("concentration_mg_l", "flow_m3_d", "reference_population")
        days.append(dict(zip(keys, cells, strict=True)))
    return days, problems


@router.post("/sites/{site_id}/calibrations", dependencies=[Depends(check_csrf)])
async def create_calibration(
    request: Request, principal: CurrentPrincipal, site_id: RecordId
) -> Response:
    raw = await request.form()
    form = {k: str(raw.get(k, "")).strip() for k in _CALIBRATION_FIELDS}
    try:
        days, problems = _calibration_days(form["days"])
        if problems:
            raise ValidationFailed(problems)
        data = {**{k: form[k] for k in ("marker", "reference", "source")}, "days": days}
        with node_of(request).db.write() as session:
            wbe_estimates.create_calibration(
                session, principal, site_id, parse(CalibrationInput, data)
            )
    except ValidationFailed as error:
        return _site_page(
            request,
            principal,
            site_id,
            form=form,
            fields=field_problems(principal, error),
            status=422,
        )
    return RedirectResponse(f"/wbe/sites/{site_id}", status_code=303)


@router.get("/sites/{site_id}/trend.svg")
def site_trend_svg(
    request: Request,
    principal: CurrentPrincipal,
    site_id: RecordId,
    analyte: AnalyteParam = "",
    metric: Metric = "load",
    parameter_set: SetParam = "",
) -> Response:
    require(principal, Permission.EXPORT)
    chosen = chosen_parameter_set(parameter_set)
    with node_of(request).db.read() as session:
        result = comparisons.site_trend(
            session, principal, site_id, analyte.upper(), metric=metric, parameter_set=chosen
        )
    body = reports.trend_chart(result, analyte.upper(), metric, principal.language)
    return download(body, "image/svg+xml", f"trend-{site_id}-{analyte.upper()}.svg")
