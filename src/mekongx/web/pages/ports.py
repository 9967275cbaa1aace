"""Port interdiction pages: the day's targeting list and manifest import, a container's profile
with its examination and alert forms, the rules with their hit rates, and the alerts."""

from __future__ import annotations

import datetime as dt
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from mekongx import uploads
from mekongx.audit import read_session
from mekongx.authz import Permission, Principal, can
from mekongx.domains.ports import alerts, examinations, rules, service, wording
from mekongx.domains.ports.manifest import FIELDS
from mekongx.domains.ports.profiling import KINDS
from mekongx.domains.ports.schemas import (
    AlertInput,
    DecisionInput,
    ExaminationInput,
    MappingInput,
    RetireInput,
    RuleInput,
    WeightInput,
)
from mekongx.domains.search import records as search_records
from mekongx.domains.seizures import reference as seizure_reference
from mekongx.errors import Conflict, FieldProblem, Forbidden, NotFound, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import PageNumber, RecordId
from mekongx.http.uploads import spool
from mekongx.i18n import N_, translator
from mekongx.validation import parse
from mekongx.web import flash
from mekongx.web.nav import NavItem
from mekongx.web.paging import Cursor, page_from
from mekongx.web.render import check_csrf, render

router = APIRouter(prefix="/ports")
NAV = [NavItem(35, "/ports", N_("Port control"))]
flash.register(
    {
        "ports.imported": N_("Manifest imported and profiled."),
        "ports.mapping": N_("Column mapping saved."),
        "ports.examined": N_("Examination recorded."),
        "ports.alerted": N_("Alert sent."),
        "ports.rule": N_("Change proposed: it takes effect when a colleague approves it."),
        "ports.rule.approved": N_("Change approved: it is in effect."),
        "ports.rule.returned": N_("Change sent back to its author."),
    }
)
FIELD_LABELS = {
    "bill_of_lading": N_("Bill of lading"), "shipper": N_("Shipper"),
    "shipper_country": N_("Shipper's country"), "consignee": N_("Consignee"),
    "consignee_address": N_("Consignee's address"), "consignee_country": N_("Consignee's country"),
    "notify_party": N_("Notify party"), "forwarder": N_("Freight forwarder"),
    "goods": N_("Description of goods"), "hs_code": N_("HS code"), "weight_kg": N_("Gross weight (kg)"),
    "packages": N_("Packages"), "container": N_("Container number"), "size_type": N_("Size and type code"),
    "seal": N_("Seal number"), "port_of_loading": N_("Port of loading"),
    "port_of_transshipment": N_("Port of transshipment"), "port_of_discharge": N_("Port of discharge"),
    "vessel": N_("Vessel"), "voyage": N_("Voyage"), "loaded_on": N_("Date of loading"),
    "arrival_on": N_("Date of arrival"),
}  # fmt: skip
LIST = 50  # containers of a day on one page of the targeting list
OUTCOMES = {
    "nothing": N_("Nothing found"),
    "discrepancy": N_("Discrepancy"),
    "seizure": N_("Seizure"),
}
EVIDENCE = {"route": N_("Route, vessel and dates"), "parties": N_("Parties"), "goods": N_("Goods and weights"),
            "reasons": N_("Why the container was selected"), "examination": N_("Examination result")}  # fmt: skip


def _problem(request: Request, principal: Principal,
             error: ValidationFailed | Conflict | NotFound | Forbidden, back: str) -> Response:  # fmt: skip
    _ = translator(principal.language)
    if isinstance(error, ValidationFailed):
        problems = [m for _f, m in field_messages(_.lang, error.fields)]
    else:
        problems = [_(error.message, **error.params)]
    status = {ValidationFailed: 422, NotFound: 404, Forbidden: 403}.get(type(error), 409)
    return render(request, "ports/problem.html", status=status, problems=problems, back=back)


@router.get("")
def list_page(request: Request, principal: CurrentPrincipal, day: str = "", page: PageNumber = 1,
              after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    node = node_of(request)
    with node.db.read() as session:  # read beside the writers; the audit is one short write
        days = service.days(session, principal)
        try:
            chosen = dt.date.fromisoformat(day) if day else (days[0] if days else dt.date.today())
        except ValueError:
            chosen = days[0] if days else dt.date.today()
        ranked = page_from(partial(service.ranked, session, principal, chosen, minimum=0,
                                   per_page=LIST), page, after, before)  # fmt: skip
        saved = service.mappings(session, principal)
        imported = service.manifests(session, principal, per_page=10)
    with read_session(node.db) as session:
        service.audit_targeting(session, principal, chosen, ranked)
    return render(request, "ports/list.html", day=chosen, days=days, ranked=ranked, mappings=saved,
                  manifests=imported.items, fields=FIELDS, field_labels=FIELD_LABELS,
                  can_write=can(principal, Permission.WRITE_RECORDS).allowed)  # fmt: skip


@router.post("/import", dependencies=[Depends(check_csrf)])
async def import_file(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    upload = form.get("file")
    chosen = str(form.get("mapping", ""))
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ValidationFailed([FieldProblem("file", N_("Choose a file."))])
        node = node_of(request)
        with node.db.read() as session:
            layout = service.layout(session, int(chosen) if chosen.isdigit() else None)
        with tempfile.TemporaryDirectory(prefix="mekongx-ports-") as work:
            path = Path(work) / "upload"
            digest = await spool(upload, path, uploads.limits(node.settings))
            reading = await run_in_threadpool(
                service.read_file, path, upload.filename, layout, principal.language
            )

        def store() -> None:
            with node.db.write() as session:
                service.import_manifest(session, principal, reading, str(upload.filename), digest)

        await run_in_threadpool(store)
    except (ValidationFailed, Conflict, NotFound) as error:
        return _problem(request, principal, error, "/ports")
    finally:
        await form.close()
    with node_of(request).db.read() as session:
        days = service.days(session, principal)
    return flash.redirect(
        f"/ports?day={days[0].isoformat()}" if days else "/ports", "ports.imported"
    )


@router.post("/mappings", dependencies=[Depends(check_csrf)])
async def save_mapping(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        "name": str(form.get("name", "")),
        "columns": {f: str(form.get(f"col_{f}", "")) for f in FIELDS},
        "delimiter": str(form.get("delimiter", "")),
        "date_format": str(form.get("date_format", "")),
    }
    try:
        with node_of(request).db.write() as session:
            service.save_mapping(session, principal, parse(MappingInput, data))
    except (ValidationFailed, Conflict) as error:
        return _problem(request, principal, error, "/ports#mappings")
    return flash.redirect("/ports#mappings", "ports.mapping")


@router.get("/containers/{container_id}")
def container_page(
    request: Request, principal: CurrentPrincipal, container_id: RecordId
) -> Response:
    lang = principal.language
    with read_session(node_of(request).db) as session:  # the read is audited
        detail = service.read_container(session, principal, container_id)
        partners = alerts.partners(session, container_id)
        hits = [(wording.rule_title(rule, lang), hit.points, wording.explain(hit, lang))
                for rule, hit in detail.hits]  # fmt: skip
        exam = detail.examination
        wanted = [(k, u) for k, u in (("precursor_incident", exam.incident_uid if exam else ""),
                                      ("seizure", exam.seizure_uid if exam else "")) if u]  # fmt: skip
        linked = list(search_records.resolve_many(session, principal, wanted).values())
    return render(request, "ports/container.html", detail=detail, hits=hits, partners=partners,
                  outcomes=OUTCOMES, evidence=EVIDENCE, linked=linked,
                  drugs=[(d.code, d.name(lang)) for d in seizure_reference.drugs().values()],
                  can_write=can(principal, Permission.WRITE_RECORDS).allowed,
                  can_alert=can(principal, Permission.RELEASE_RECORDS).allowed)  # fmt: skip


@router.post("/containers/{container_id}/examination", dependencies=[Depends(check_csrf)])
async def examine(
    request: Request, principal: CurrentPrincipal, container_id: RecordId
) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        k: str(form.get(k, "")) for k in ("outcome", "note", "seized", "substance_id", "drug")
    }
    quantity = str(form.get("quantity_kg", "")).strip()
    data["quantity_kg"] = quantity or None
    back = f"/ports/containers/{container_id}"
    try:
        with node_of(request).db.write() as session:
            examinations.record_examination(
                session, principal, container_id, parse(ExaminationInput, data)
            )
    except (ValidationFailed, Conflict, NotFound) as error:
        return _problem(request, principal, error, back)
    return flash.redirect(back, "ports.examined")


@router.post("/containers/{container_id}/alert", dependencies=[Depends(check_csrf)])
async def alert(request: Request, principal: CurrentPrincipal, container_id: RecordId) -> Response:
    form = await request.form()
    data: dict[str, Any] = {
        "to_agency": str(form.get("to_agency", "")),
        "evidence": [str(v) for v in form.getlist("evidence")],
        "note": str(form.get("note", "")),
        "handling_code": str(form.get("handling_code", "H2")),
    }
    back = f"/ports/containers/{container_id}"
    try:
        with node_of(request).db.write() as session:
            alerts.send(session, principal, container_id, parse(AlertInput, data))
    except (ValidationFailed, Conflict, NotFound) as error:
        return _problem(request, principal, error, back)
    return flash.redirect(back, "ports.alerted")


@router.get("/rules")
def rules_page(request: Request, principal: CurrentPrincipal) -> Response:
    lang = principal.language
    node = node_of(request)
    rules.starting_rules(node.db, principal)
    with node.db.read() as session:
        table = rules.stats(session, principal, retired=True)
        waiting = rules.changes(session, principal)
    kinds = [(k, wording.kind_label(k, lang), *wording.kind_help(k, lang)) for k in KINDS]
    return render(request, "ports/rules.html", table=table, kinds=kinds, waiting=waiting,
                  kind_label=lambda k: wording.kind_label(k, lang), me=principal.username,
                  can_write=can(principal, Permission.WRITE_RECORDS).allowed)  # fmt: skip


@router.post("/rules", dependencies=[Depends(check_csrf)])
async def add_rule(request: Request, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    values = str(form.get("values", "")).replace("\n", ",").split(",")
    number = str(form.get("number", "")).strip()
    data: dict[str, Any] = {"kind": str(form.get("kind", "")), "label": str(form.get("label", "")),
                            "values": values, "number": number or None,
                            "weight": str(form.get("weight", "")), "why": str(form.get("why", ""))}  # fmt: skip
    try:
        with node_of(request).db.write() as session:
            rules.add(session, principal, parse(RuleInput, data))
    except (ValidationFailed, Conflict) as error:
        return _problem(request, principal, error, "/ports/rules")
    return flash.redirect("/ports/rules", "ports.rule")


@router.post("/rules/{rule_id}", dependencies=[Depends(check_csrf)])
async def change_rule(request: Request, principal: CurrentPrincipal, rule_id: RecordId) -> Response:
    form = await request.form()
    why = str(form.get("why", ""))
    try:
        with node_of(request).db.write() as session:
            if form.get("retire"):
                rules.retire(session, principal, rule_id, parse(RetireInput, {"why": why}))
            else:
                data = {"weight": str(form.get("weight", "")), "why": why}
                rules.reweight(session, principal, rule_id, parse(WeightInput, data))
    except (ValidationFailed, Conflict, NotFound) as error:
        return _problem(request, principal, error, "/ports/rules")
    return flash.redirect("/ports/rules", "ports.rule")


@router.post("/rules/{rule_id}/decision", dependencies=[Depends(check_csrf)])
async def decide_rule(request: Request, principal: CurrentPrincipal, rule_id: RecordId) -> Response:
    """A second person approves a proposed rule change or sends it back with a comment."""
    form = await request.form()
    approving = str(form.get("decision", "")) == "approve"
    try:
        data = parse(DecisionInput, {"note": str(form.get("note", ""))})
        with node_of(request).db.write() as session:
            if approving:
                rules.approve(session, principal, rule_id, data)
            else:
                rules.send_back(session, principal, rule_id, data)
    except (ValidationFailed, Conflict, NotFound, Forbidden) as error:
        return _problem(request, principal, error, "/ports/rules")
    return flash.redirect(
        "/ports/rules", "ports.rule.approved" if approving else "ports.rule.returned"
    )


@router.get("/alerts")
def alerts_page(request: Request, principal: CurrentPrincipal, page: PageNumber = 1,
                after: Cursor = "", before: Cursor = "") -> Response:  # fmt: skip
    with read_session(node_of(request).db) as session:
        found = page_from(partial(alerts.alerts, session, principal), page, after, before)
    return render(request, "ports/alerts.html", alerts=found.items, page=found, evidence=EVIDENCE)
