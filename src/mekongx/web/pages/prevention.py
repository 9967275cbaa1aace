"""Prevention pages: programmes of both countries, a programme with its units, activities,
reach and outcomes, and the dashboard that puts the countries side by side."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response

from mekongx import uploads
from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can
from mekongx.domains.prevention import dashboard, imports, lists, mapping, service
from mekongx.domains.prevention.models import AGE_BANDS, MEASURES
from mekongx.domains.prevention.schemas import (
    ActivityInput,
    ComparabilityInput,
    ImportInput,
    IndicatorInput,
    OutcomeInput,
    ProgrammeInput,
    ReachInput,
    UnitInput,
)
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import N_, translator
from mekongx.model.identity import Agency, SharingGroup
from mekongx.model.texts import text_columns
from mekongx.validation import parse
from mekongx.web import charts, flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/prevention")
NAV = [NavItem(70, "/prevention", N_("Prevention"))]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

LABELS: dict[str, dict[str, str]] = {
    "country": {"TH": N_("Thailand"), "CN": N_("China"), "LA": N_("Laos"), "MM": N_("Myanmar"),
                "KH": N_("Cambodia"), "VN": N_("Viet Nam")},
    "target_group": {"children": N_("children"), "adolescents": N_("adolescents"), "youth": N_("young people"),
                     "students": N_("pupils and students"), "community": N_("communities")},
    "method": {"peer_clubs": N_("peer clubs and counselling corners"), "school_accreditation": N_("school accreditation with award levels"),
               "police_instruction": N_("classroom lessons by police instructors"), "online_classroom": N_("online classroom"),
               "school_curriculum": N_("school curriculum"), "campaign": N_("campaigns")},
    "year_basis": {"calendar": N_("calendar year"), "th_fiscal": N_("Thai fiscal year (October to September)"),
                   "academic": N_("academic year")},
    "unit_kind": {"school": N_("school"), "club": N_("club"), "friend_corner": N_("Friends' Corner"),
                  "district": N_("district"), "province": N_("province"), "online": N_("online platform")},
    "activity_kind": {"lesson": N_("lessons"), "camp": N_("camp"), "contest": N_("contest"), "campaign": N_("campaign"),
                      "training": N_("training"), "assessment": N_("assessment"), "online": N_("online course")},
    "measure": {"participants": N_("participants"), "members": N_("members"), "schools": N_("schools"),
                "districts": N_("districts"), "provinces": N_("provinces"), "units": N_("clubs and other units"),
                "instructors": N_("instructors"), "teachers": N_("teachers")},
    "sex": {"f": N_("female"), "m": N_("male"), "all": N_("all")},
    "indicator_kind": {"rate": N_("rate"), "count": N_("count"), "level": N_("level")},
    "verdict": dashboard.VERDICT_LABELS,
}  # fmt: skip

flash.register(
    {
        "prevention.created": N_(
            "Programme recorded. Add its units, activities, reach and indicators."
        ),
        "prevention.changed": N_(
            "Programme updated; the agencies it is shared with get the new version."
        ),
        "prevention.mapped": N_("Comparability stated."),
        "prevention.imported": N_(
            "File imported; the agencies the programme is shared with get the new version."
        ),
    }
)


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    return {
        "labels": {name: {k: _(v) for k, v in table.items()} for name, table in LABELS.items()},
        "can_write": can(principal, Permission.WRITE_RECORDS).allowed,
        "can_export": can(principal, Permission.EXPORT).allowed,
        "age_bands": [b for b in AGE_BANDS if b != "all"],
        "measures": MEASURES,
        **translated(_),
    }


def _sharing(request: Request, principal: Principal) -> dict[str, Any]:
    with node_of(request).db.read() as session:
        peers = list(
            session.scalars(
                select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)
            )
        )
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return {"peers": peers, "groups": groups}


_PROGRAMME = ("code", *text_columns("name"), "owner", "country", "target_group", "age_from",
              "age_to", "method", "year_basis", "started", "description", "sources", "language",
              "handling_code", "handling_note", "distribution", "sharing_group")  # fmt: skip


def _form(form: FormData, names: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in names:
        value = str(form.get(name, "")).strip()
        if value != "":
            data[name] = value
    return data


def _index(request: Request, principal: Principal, *, status: int = 200,
           fields: list[tuple[str, str]] | None = None, form: dict[str, Any] | None = None,
           page: int = 1, after: str = "", before: str = "", country: str = "", q: str = "") -> Response:  # fmt: skip
    listed = None
    with node_of(request).db.read() as session:
        if q.strip():
            programmes = lists.search_programmes(session, principal, q.strip(), country)
        else:
            listed = page_from(
                partial(lists.list_programmes, session, principal, country), page, after, before
            )
            programmes = listed.items
    by_country: dict[str, list[Any]] = {}
    for p in programmes:
        by_country.setdefault(p.country, []).append(p)
    blank = {
        "distribution": "own",
        "recipients": [],
        "handling_code": "H0",
        "country": "",
        "language": principal.language,
    }
    return render(request, "prevention/index.html", status=status, by_country=by_country,
                  listed=listed, filters={"country": country, "q": q},
                  fields=fields or [], form={**blank, **(form or {})}, **_sharing(request, principal),
                  **_labels(principal))  # fmt: skip


@router.get("")
def index(
    request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
    country: str = Query("", max_length=2), q: str = Query("", max_length=200), after: Cursor = "",
    before: Cursor = "",
) -> Response:  # fmt: skip
    return _index(request, principal, page=page, after=after, before=before, country=country, q=q)


@router.post("", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = _form(form, _PROGRAMME)
    data["recipients"] = [str(v) for v in form.getlist("recipients")]
    try:
        with node_of(request).db.write() as session:
            programme_id = service.create_programme(
                session, principal, parse(ProgrammeInput, data)
            ).id
    except ValidationFailed as error:
        return _index(
            request,
            principal,
            status=422,
            fields=field_messages(principal.language, error.fields),
            form=data,
        )
    return flash.redirect(f"/prevention/{programme_id}", "prevention.created")


def _page(request: Request, principal: Principal, programme_id: int, *, status: int = 200,
          fields: list[tuple[str, str]] | None = None, form: dict[str, Any] | None = None) -> Response:  # fmt: skip
    with node_of(request).db.read() as session:
        view = service.read_programme(session, principal, programme_id)
        pairs = mapping.pairs(session, principal, [i.uid for i, _ in view.indicators])
    p = view.programme
    own = not p.received and p.origin_agency == principal.agency
    return render(request, "prevention/programme.html", status=status, view=view, pairs=pairs,
                  import_fields=sorted(set(imports.FIELDS["reach"]) | set(imports.FIELDS["outcomes"]),
                                       key=_FIELD_ORDER.index),
                  editable=own and can(principal, Permission.WRITE_RECORDS).allowed,
                  fields=fields or [], form=form or {}, **_labels(principal))  # fmt: skip


@router.get("/dashboard")
def show_dashboard(
    request: Request, principal: CurrentPrincipal,
    year_from: int = Query(1990, ge=1990, le=2100), year_to: int = Query(2100, ge=1990, le=2100),
    country: str = Query("", max_length=2), region: str = Query("", max_length=100),
) -> Response:  # fmt: skip
    with node_of(request).db.read() as session:
        board = dashboard.build(session, principal, year_from=year_from, year_to=year_to,
                                country=country, region=region)  # fmt: skip
        indicators = sorted(
            mapping.visible_indicators(session, principal).values(),
            key=lambda ip: (ip[1].country, ip[1].code, ip[0].code),
        )
    reach_chart = charts.grouped_bars(
        {name: {str(y): float(v) for y, v in by.items()} for name, by in board.series.items()}
    )
    rates: dict[str, dict[str, float]] = {}
    for rows in board.outcomes.values():
        for o in rows:
            if o.rate is not None:
                rates.setdefault(f"{o.programme.code} {o.indicator.code}", {})[str(o.year)] = round(
                    100 * o.rate, 1
                )
    rate_chart = charts.grouped_bars(rates, log_above=float("inf"))
    query = request.url.query
    return render(request, "prevention/dashboard.html", board=board, reach_chart=reach_chart,
                  rate_chart=rate_chart, indicators=indicators, filters={"year_from": year_from,
                  "year_to": year_to, "country": country, "region": region}, query=query,
                  fields=[], **_labels(principal))  # fmt: skip


@router.get("/dashboard.xlsx")
def export_dashboard(
    request: Request, principal: CurrentPrincipal,
    year_from: int = Query(1990, ge=1990, le=2100), year_to: int = Query(2100, ge=1990, le=2100),
    country: str = Query("", max_length=2), region: str = Query("", max_length=100),
) -> Response:  # fmt: skip
    node = node_of(request)
    with read_session(node.db) as session:
        board = dashboard.build(session, principal, year_from=year_from, year_to=year_to,
                                country=country, region=region)  # fmt: skip
        content = dashboard.workbook(session, principal, board, node.settings.node_agency)
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": 'attachment; filename="prevention.xlsx"'})  # fmt: skip


@router.post("/comparability", dependencies=[Depends(check_csrf)])
async def state(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = _form(form, ("left", "right", "verdict", "statement"))
    data["language"] = principal.language
    try:
        with node_of(request).db.write() as session:
            mapping.state(session, principal, parse(ComparabilityInput, data))
    except ValidationFailed as error:
        _ = translator(principal.language)
        return render(request, "error.html", status=422, back="/prevention/dashboard",
                      message=_("The comparability was not stated."),
                      fields=field_messages(principal.language, error.fields))  # fmt: skip
    return flash.redirect("/prevention/dashboard#comparability", "prevention.mapped")


@router.get("/{programme_id}")
def show(request: Request, principal: CurrentPrincipal, programme_id: RecordId) -> Response:
    return _page(request, principal, programme_id)


def _reach(form: FormData) -> dict[str, Any]:
    counts = []
    for measure in MEASURES:
        total = str(form.get(f"total-{measure}", "")).strip()
        if total:
            counts.append({"measure": measure, "count": total})
    for band in AGE_BANDS:
        for sex in ("f", "m"):
            value = str(form.get(f"participants-{band}-{sex}", "")).strip()
            if value and band != "all":
                counts.append(
                    {"measure": "participants", "age_band": band, "sex": sex, "count": value}
                )
    data = _form(form, ("year", "region", "source"))
    data["counts"] = counts
    data["verified"] = form.get("verified") == "on"
    return data


_PARTS: dict[str, tuple[Any, tuple[str, ...], str]] = {
    "units": (UnitInput, ("kind", "name", "region", "district", "award_level", "award_year"), "add_unit"),
    "activities": (ActivityInput, ("kind", "title", "starts_on", "ends_on", "unit_uid", "participants", "notes"), "add_activity"),
    "indicators": (IndicatorInput, ("code", "kind", *text_columns("name"), "definition", "numerator", "denominator"), "add_indicator"),
    "outcomes": (OutcomeInput, ("indicator", "year", "region", "level", "numerator", "denominator", "source"), "record_outcome"),
}  # fmt: skip


_FIELD_ORDER = ("indicator", "year", "region", "measure", "age_band", "sex", "count", "level",
                "numerator", "denominator", "source", "verified")  # fmt: skip


def _bounded(request: Request) -> None:
    uploads.check_declared_size(request.headers.get("content-length"), uploads.limits(node_of(request).settings))  # fmt: skip


@router.post("/{programme_id}/import", dependencies=[Depends(_bounded), Depends(check_csrf)])
async def import_file(
    request: Request, principal: CurrentPrincipal, programme_id: RecordId
) -> Response:
    """Reach or outcomes from a CSV or .xlsx file, with the column mapping of the form."""
    form = await request.form()
    upload = form.get("file")
    node = node_of(request)
    part = str(form.get("part", ""))
    chosen = {"part": part, "columns": {f: str(form.get(f"col_{f}", "")) for f in _FIELD_ORDER}}
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file to import."))])
        checked = parse(ImportInput, chosen)
        bounds = uploads.limits(node.settings)
        data = await upload.read(uploads.max_bytes(bounds) + 1)
        name = upload.filename

        def work() -> int:
            with node.db.write() as session:
                return imports.import_file(session, principal, programme_id, checked.part, name, data,
                                           checked.columns, bounds)  # fmt: skip

        await run_in_threadpool(work)
    except ValidationFailed as error:
        fields = [(f"import.{f}", m) for f, m in field_messages(principal.language, error.fields)]
        return _page(
            request, principal, programme_id, status=422, fields=fields, form={"import": chosen}
        )
    finally:
        await form.close()
    return flash.redirect(f"/prevention/{programme_id}#{part}", "prevention.imported")


@router.post("/{programme_id}/{part}", dependencies=[Depends(check_csrf)])
async def change(
    request: Request, principal: CurrentPrincipal, programme_id: RecordId, part: str
) -> Response:
    form = await request.form()
    if part == "reach":
        model: Any = ReachInput
        data = _reach(form)
        action = "set_reach"
    elif part in _PARTS:
        model, names, action = _PARTS[part]
        data = _form(form, names)
        if part == "indicators":
            data["levels"] = str(form.get("levels", "")).split()
        if part == "outcomes":
            data["verified"] = form.get("verified") == "on"
    else:
        raise NotFound(N_("No such page."))
    try:
        with node_of(request).db.write() as session:
            getattr(service, action)(session, principal, programme_id, parse(model, data))
    except ValidationFailed as error:
        fields = [(f"{part}.{f}", m) for f, m in field_messages(principal.language, error.fields)]
        return _page(request, principal, programme_id, status=422, fields=fields, form={part: data})
    return flash.redirect(f"/prevention/{programme_id}#{part}", "prevention.changed")
