"""Seizure reports: the list with filters, a report, the form to record one and the workbook
import (every bad cell named by row and column, nothing written unless all rows are good)."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache, partial
from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from mekongx import uploads
from mekongx.audit import read_session
from mekongx.authz import Principal, require
from mekongx.authz.permissions import Permission
from mekongx.authz.sharing import SharingInput, recipients_of
from mekongx.domains.seizures import picture, reference, reports, service, tabular
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.errors import FieldProblem, Forbidden, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.i18n import KNOWN_LANGUAGES, N_, countries, translator
from mekongx.model.identity import Agency, SharingGroup
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.labels import translated
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render
from mekongx.web.retraction import retract_then_redirect

router = APIRouter(prefix="/seizures")
NAV = [
    NavItem(25, "/seizures", N_("Seizures")),
    NavItem(26, "/seizures/picture", N_("Regional picture")),
]
CONVEYANCE_LABELS = {"road": N_("Road"), "river": N_("River"), "sea": N_("Sea"), "air": N_("Air"),
                     "post": N_("Post or parcel"), "foot": N_("On foot"), "other": N_("Other")}  # fmt: skip
UNIT_LABELS = {"kg": N_("kg"), "g": N_("g"), "l": N_("litres"), "tablets": N_("tablets")}
_TEXT = ("reference", "seized_on", "country", "admin1", "admin2_code", "admin2", "place", "latitude",
         "longitude", "drug", "form", "quantity", "unit", "tablets", "purity", "markings",
         "origin_country", "destination_country", "conveyance", "concealment", "arrests",
         "remarks", "language", "handling_code", "handling_note", "distribution")  # fmt: skip
flash.register({"seizure.saved": N_("The seizure is recorded."),
                "seizure.corrected": N_("Corrected. Every agency that holds the report gets the new version."),
                "seizure.retracted": N_("Retracted. Every agency that received the report is told."),
                "seizures.imported": N_("The seizures of the file are recorded.")})  # fmt: skip


def _labels(principal: Principal) -> dict[str, Any]:
    _ = translator(principal.language)
    lang = principal.language
    return {
        "drug_names": {code: d.name(lang) for code, d in reference.drugs().items()},
        "unit_names": {code: u.name(lang) for code, u in reference.units().items()},
        "units_by_country": {c: reference.units_of(c) for c in reference.COUNTRIES},
        "conveyance_labels": {k: _(v) for k, v in CONVEYANCE_LABELS.items()},
        "unit_labels": {k: _(v) for k, v in UNIT_LABELS.items()},
        "country_names": countries.names(lang),
        "country_name": dict(countries.names(lang)),
        "mekong_countries": reference.COUNTRIES,
        "district_groups": _district_groups(""),
        "district_name": lambda s: service.district_name(s, lang),
        **translated(_),
    }


@lru_cache(maxsize=256)  # the provinces' codes and "" (a query's other strings are few and short)
def _district_groups(admin1: str) -> list[tuple[reference.Unit, list[reference.District]]]:
    """The coded districts offered on the form, by province: every province with a coded list,
    or only the chosen one's (the province select asks again when it changes)."""
    units = reference.units()
    if admin1:
        return [(units[admin1], reference.districts_of(admin1))] if admin1 in units else []
    found: dict[str, list[reference.District]] = {}
    for district in reference.districts().values():
        found.setdefault(district.admin1, []).append(district)
    return [(units[code], found[code]) for code in sorted(found, key=lambda c: (units[c].country, units[c].en))]  # fmt: skip


def _sharing_choices(request: Request, principal: Principal) -> dict[str, Any]:
    with node_of(request).db.read() as session:
        peers = list(session.scalars(select(Agency).where(Agency.code != principal.agency).order_by(Agency.code)))  # fmt: skip
        groups = list(session.scalars(select(SharingGroup).order_by(SharingGroup.code)))
    return {"peers": peers, "groups": groups}


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("")
def list_page(request: Request, principal: CurrentPrincipal, page: PageNumber = 1, drug: str = "",
              country: str = "", origin: str = "", since: str = "", until: str = "",
              after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    filters = service.Filters(
        drug=drug if drug in reference.drugs() else "",
        country=country if country in reference.COUNTRIES else "",
        origin=origin[:16], since=_date(since), until=_date(until),
    )  # fmt: skip
    with read_session(node_of(request).db) as session:  # the list is audited
        result = page_from(
            partial(service.list_seizures, session, principal, filters), page, after, before
        )
    return render(request, "seizures/list.html", page=result, filters=filters,
                  can_write=service.can_record(principal), **_labels(principal))  # fmt: skip


@router.get("/new")
def new_form(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    form: dict[str, Any] = dict.fromkeys(_TEXT, "")
    form.update(language=principal.language, handling_code="H0", distribution="own",
                country="", unit="kg", arrests="0", recipients=[], sharing_group="",
                nationalities="", transit_countries="", links="")  # fmt: skip
    return _form_page(request, principal, form, [])


@router.get("/districts")
def district_options(request: Request, principal: CurrentPrincipal, admin1: str = "",
                     admin2_code: str = "") -> Response:  # fmt: skip
    """The district select's options for the chosen province (the form asks when the province
    changes; the form itself, with or without JavaScript, offers every province's districts,
    grouped: 77 KB of the form's 136 KB, 15 KB gzipped)."""
    return render(request, "seizures/_districts.html", district_groups=_district_groups(admin1[:8]),
                  form={"admin2_code": admin2_code[:16]}, **{k: v for k, v in _labels(principal).items() if k != "district_groups"})  # fmt: skip


def _form_page(request: Request, principal: Principal, form: dict[str, Any],
               fields: list[tuple[str, str]], status: int = 200, correcting: int | None = None) -> Response:  # fmt: skip
    """The seizure form: empty to record one, or filled with a report to correct it
    (``correcting``: its id)."""
    return render(request, "seizures/form.html", status=status, form=form, fields=fields,
                  correcting=correcting, **_sharing_choices(request, principal), **_labels(principal))  # fmt: skip


def _filled(session: Any, seizure: Any) -> dict[str, Any]:
    """The form's fields as the report reads now (what the officer corrects)."""
    form: dict[str, Any] = {
        k: "" if getattr(seizure, k) is None else str(getattr(seizure, k)) for k in _TEXT
    }
    for name in ("quantity", "purity"):
        value = getattr(seizure, name)
        form[name] = "" if value is None else format(value.normalize(), "f")
    form["transit_countries"] = " ".join(c for c in seizure.transit_countries.split(",") if c)
    form["nationalities"] = "; ".join(
        f"{c}:{n}" for c, n in service.nationalities_of(seizure).items()
    )
    form["links"] = "\n".join(
        f"{link['kind']}:{link['uid']}" for link in json.loads(seizure.links or "[]")
    )
    if seizure.admin2_code:  # the option's value names the country (codes repeat across them)
        form["admin2_code"], form["admin2"] = f"{seizure.country}:{seizure.admin2_code}", ""
    form["recipients"] = recipients_of(session, seizure)
    form["sharing_group"] = seizure.sharing_group or ""
    return form


def _form_data(form: Any) -> dict[str, Any]:
    data: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in _TEXT}
    for name in ("latitude", "longitude", "tablets", "purity"):
        data[name] = data[name] or None
    data["arrests"] = data["arrests"] or 0
    data["transit_countries"] = [c for c in str(form.get("transit_countries", "")).replace(",", " ").split() if c]  # fmt: skip
    data["nationalities"] = tabular.nationalities(str(form.get("nationalities", "")))
    data["links"] = [
        {"kind": kind, "uid": uid}
        for kind, _, uid in (line.strip().partition(":") for line in str(form.get("links", "")).splitlines())
        if uid
    ]  # fmt: skip
    country, _, code = data["admin2_code"].rpartition(":")  # "TH:5709": the option's value
    if country == data["country"]:
        data["admin2_code"] = code  # another country's district stays whole: an unknown code
    data["recipients"] = [str(v) for v in form.getlist("recipients")]
    data["sharing_group"] = str(form.get("sharing_group", "")) or None
    return data


@router.post("/new", dependencies=[Depends(check_csrf)])
async def create(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data = _form_data(form)
    try:
        with node_of(request).db.write() as session:
            seizure_id = service.create_seizure(session, principal, parse(SeizureInput, data)).id
    except ValidationFailed as error:
        return _form_again(request, principal, form, data, error)
    return flash.redirect(f"/seizures/{seizure_id}", "seizure.saved")


def _form_again(request: Request, principal: Principal, form: Any, data: dict[str, Any],
                error: ValidationFailed, correcting: int | None = None) -> Response:  # fmt: skip
    """The form as the officer filled it, with the problems in the officer's language."""
    shown = {k: str(form.get(k, "")) for k in (*_TEXT, "transit_countries", "nationalities", "links")}  # fmt: skip
    shown.update(recipients=data["recipients"], sharing_group=data["sharing_group"] or "")
    return _form_page(request, principal, shown, field_messages(principal.language, error.fields), 422, correcting)  # fmt: skip


@router.get("/import")
def import_form(request: Request, principal: CurrentPrincipal) -> Response:
    require(principal, Permission.WRITE_RECORDS)
    return _import_page(request, principal, [])


def _import_page(request: Request, principal: Principal, fields: list[tuple[str, str]],
                 status: int = 200) -> Response:  # fmt: skip
    form = {"handling_code": "H0", "handling_note": "", "distribution": "own", "recipients": [],
            "sharing_group": ""}  # fmt: skip
    return render(request, "seizures/import.html", status=status, fields=fields, form=form,
                  headers=list(tabular.HEADERS), max_mb=uploads.max_mb(uploads.bulk_limits(node_of(request).settings)),
                  **_sharing_choices(request, principal), **_labels(principal))  # fmt: skip


def _bounded(request: Request) -> None:
    uploads.check_declared_size(request.headers.get("content-length"), uploads.bulk_limits(node_of(request).settings))  # fmt: skip


@router.post("/import", dependencies=[Depends(_bounded), Depends(check_csrf)])
async def import_file(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    upload = form.get("file")
    node = node_of(request)
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file to import."))])
        sharing = parse(SharingInput, {
            "handling_code": str(form.get("handling_code", "H0")), "handling_note": str(form.get("handling_note", "")),
            "distribution": str(form.get("distribution", "own")), "recipients": [str(v) for v in form.getlist("recipients")],
            "sharing_group": str(form.get("sharing_group", "")) or None})  # fmt: skip
        bounds = uploads.bulk_limits(node.settings)
        data = await upload.read(uploads.max_bytes(bounds) + 1)
        await upload.close()
        name = upload.filename

        def work() -> int:
            with node.db.write() as session:
                return tabular.import_seizures(session, principal, name, data, sharing, bounds)

        await run_in_threadpool(work)
    except ValidationFailed as error:
        return _import_page(request, principal, field_messages(principal.language, error.fields), 422)  # fmt: skip
    return flash.redirect("/seizures", "seizures.imported")


@router.get("/reports")
def reports_page(request: Request, principal: CurrentPrincipal) -> Response:
    """The ARQ and ADMN tables: choose the year (and half-year), the language and the format."""
    return render(request, "seizures/reports.html", year=date.today().year - 1,
                  report_languages={c: KNOWN_LANGUAGES[c] for c in reports.REPORT_LANGUAGES},
                  **_labels(principal))  # fmt: skip


@router.get("/reports/{kind}.{extension}")
def report_file(request: Request, principal: CurrentPrincipal, kind: str, extension: str,
                year: int = 0, half: int = 1, lang: str = "") -> Response:  # fmt: skip
    """ARQ Part III (the agency's year) or the ADMN half-year tables, as xlsx or PDF."""
    problems = []
    if kind not in ("arq", "admn"):
        problems.append(
            FieldProblem("kind", N_("Must be one of: %(expected)s."), {"expected": "arq, admn"})
        )
    if extension not in reports.FORMATS:
        problems.append(FieldProblem("format", N_("Must be one of: %(expected)s."), {"expected": ", ".join(reports.FORMATS)}))  # fmt: skip
    if not 1990 <= year <= date.today().year:
        problems.append(FieldProblem("year", N_("The year is not plausible.")))
    if half not in (1, 2):
        problems.append(
            FieldProblem("half", N_("Must be one of: %(expected)s."), {"expected": "1, 2"})
        )
    lang = lang or (principal.language if principal.language in reports.REPORT_LANGUAGES else "en")
    if lang not in reports.REPORT_LANGUAGES:
        problems.append(FieldProblem("lang", N_("Must be one of: %(expected)s."), {"expected": ", ".join(reports.REPORT_LANGUAGES)}))  # fmt: skip
    if problems:
        raise ValidationFailed(problems)
    with read_session(node_of(request).db) as session:  # producing the tables is audited
        own = session.scalar(select(Agency).where(Agency.is_own))
        agency = own.name(lang) if own else principal.agency
        if kind == "arq":
            doc = reports.arq(session, principal, year, lang, agency)  # type: ignore[arg-type]
        else:
            doc = reports.admn(session, principal, year, half, lang, agency)  # type: ignore[arg-type]
    media_type, write = reports.FORMATS[extension]
    name = f"{kind}-{year}{'-h' + str(half) if kind == 'admn' else ''}-{lang}.{extension}"
    return Response(write(doc), media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


@router.get("/picture")
def picture_page(request: Request, principal: CurrentPrincipal, since: str = "", until: str = "",
                 drug: str = "", country: str = "") -> Response:  # fmt: skip
    """The regional picture: totals, trends against the previous period, flows and the map."""
    end = _date(until) or date.today()
    start = _date(since) or date(end.year - 1, end.month, 1)
    if start > end:
        start, end = end, start
    filters = picture.Filters(start, end, drug if drug in reference.drugs() else "",
                              country if country in reference.COUNTRIES else "")  # fmt: skip
    with read_session(node_of(request).db) as session:  # the view is audited
        found = picture.picture(session, principal, filters)
    labels = _labels(principal)
    names = labels["country_name"]
    data = {
        "places": [{"unit": labels["unit_names"].get(u, u), "lat": lat, "lon": lon, "n": f.seizures}
                   for u, lat, lon, f in found.places],
        "flows": [{"route": [c for c in (o, *t.split(","), d) if c], "n": f.seizures,
                   "label": " → ".join(names.get(c, c) for c in (o, *t.split(","), d) if c)}
                  for o, t, d, f in found.flows],
        "units": labels["unit_names"],  # the provinces' names on the map, by ISO 3166-2 code
    }  # fmt: skip
    return render(request, "seizures/picture.html", p=found, filters=filters, map_data=data,
                  change=picture.change, **labels)  # fmt: skip


@router.get("/picture/outlines.json")
def outlines(principal: CurrentPrincipal) -> Response:
    """The six countries' outlines for the map (shipped data, the same for every user)."""
    del principal
    body = json.dumps(reference.outlines(), separators=(",", ":"))
    return Response(body, media_type="application/json", headers={"Cache-Control": "private, max-age=3600"})  # fmt: skip


@router.get("/{seizure_id}")
def detail(request: Request, principal: CurrentPrincipal, seizure_id: RecordId) -> Response:
    return _detail(request, principal, seizure_id, [])


def _detail(request: Request, principal: Principal, seizure_id: int, fields: list[tuple[str, str]],
            status: int = 200) -> Response:  # fmt: skip
    """The report's page; ``fields`` are the retract form's problems (the form is open then)."""
    with read_session(node_of(request).db) as session:  # the read is audited
        seizure = service.read_seizure(session, principal, seizure_id)
        links = service.links_of(session, principal, seizure)
        nationalities = service.nationalities_of(seizure)
    return render(request, "seizures/detail.html", status=status, s=seizure, links=links,
                  nationalities=nationalities, transit=[c for c in seizure.transit_countries.split(",") if c],
                  raw_links=json.loads(seizure.links or "[]"), fields=fields, can_retract=_can_change(principal, seizure),
                  **_labels(principal))  # fmt: skip


def _can_change(principal: Principal, seizure: Any) -> bool:
    """Only the originating agency corrects or retracts its report, and not once retracted."""
    return service.can_record(principal) and not seizure.received and seizure.origin_agency == principal.agency and seizure.status != "retracted"  # fmt: skip


@router.post("/{seizure_id}/retract", dependencies=[Depends(check_csrf)])
async def retract(request: Request, principal: CurrentPrincipal, seizure_id: RecordId) -> Response:
    """The originator withdraws its report, with the reason; the picture no longer counts it."""
    return await retract_then_redirect(
        request, principal,
        lambda session, reason: service.retract_seizure(session, principal, seizure_id, reason),
        (f"/seizures/{seizure_id}", "seizure.retracted"),
        lambda fields: _detail(request, principal, seizure_id, fields, 422),
    )  # fmt: skip


@router.get("/{seizure_id}/correct")
def correct_form(request: Request, principal: CurrentPrincipal, seizure_id: RecordId) -> Response:
    """The form filled with the report as it reads, for its originator to correct."""
    with read_session(node_of(request).db) as session:  # the read is audited
        seizure = service.read_seizure(session, principal, seizure_id)
        if not _can_change(principal, seizure):
            raise Forbidden(N_("Only the originating agency can change this record."))
        form = _filled(session, seizure)
    return _form_page(request, principal, form, [], correcting=seizure_id)


@router.post("/{seizure_id}/correct", dependencies=[Depends(check_csrf)])
async def correct(request: Request, principal: CurrentPrincipal, seizure_id: RecordId) -> Response:
    """A new version of the report (the same checks as a new one); every holder gets it."""
    form = await request.form()
    data = _form_data(form)
    try:
        with node_of(request).db.write() as session:
            service.correct_seizure(session, principal, seizure_id, parse(SeizureInput, data))
    except ValidationFailed as error:
        return _form_again(request, principal, form, data, error, seizure_id)
    return flash.redirect(f"/seizures/{seizure_id}", "seizure.corrected")
