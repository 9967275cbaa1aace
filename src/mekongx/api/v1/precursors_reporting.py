"""Precursor chemicals, what the agency reports: incidents (seizures, diversions, stopped
shipments, laboratories) and INCB Form D with its annual legitimate requirements. The register,
screening and pre-export notifications are in ``precursors``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.responses import Response

from mekongx.api.v1.schemas import ERRORS, PageOut, page_answer
from mekongx.audit import read_session
from mekongx.domains.precursors import formd as formd_service
from mekongx.domains.precursors import formd_workbook
from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors.models import Incident
from mekongx.domains.precursors.schemas import IncidentInput, RequirementInput
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber, PerPage, RecordId

router = APIRouter(prefix="/precursors", tags=["precursors"], responses=ERRORS)  # type: ignore[arg-type]


Year = Annotated[int, Query(ge=1990, le=2100)]


class IncidentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    kind: str
    title: str
    occurred_on: date
    country: str
    place: str
    substance_id: str
    substance_name: str
    quantity_kg: float | None
    quantity: float | None
    unit: str
    concentration_pct: float | None
    preparation: bool
    origin_country: str
    provenance_country: str
    diversion_method: str
    manufacture_method: str
    description: str
    origin_agency: str
    handling_code: str
    distribution: str
    received: bool
    notification_uid: str | None


class FormDLineOut(BaseModel):
    substance_id: str
    substance: str
    table: str
    cas: str
    incidents: int
    quantity_kg: float
    quantity: float
    unit: str
    unconverted: int


class FormDOriginOut(BaseModel):
    substance_id: str
    substance: str
    origin_country: str
    provenance_country: str
    incidents: int
    quantity: float
    unit: str


class FormDTradeOut(BaseModel):
    substance_id: str
    substance: str
    table: str
    importer_country: str
    notifications: int
    quantity: float
    unit: str
    preparations: int


class FormDManufactureOut(BaseModel):
    method: str
    incidents: int
    substances: list[str]


class FormDRequirementOut(BaseModel):
    """An annual legitimate requirement in force for the year (CND resolution 49/3)."""

    substance_id: str
    substance: str
    preparation: bool
    set_for_year: int
    quantity: float
    unit: str
    incb_quantity: float | None
    incb_unit: str
    note: str


class FormDOut(BaseModel):
    agency: str
    year: int
    incidents: int
    seizures: list[FormDLineOut]
    other_seizures: list[FormDLineOut]
    preparations: list[FormDLineOut]
    origins: list[FormDOriginOut]
    stopped_shipments: list[FormDLineOut]
    methods_of_diversion: dict[str, int]
    methods_of_manufacture: list[FormDManufactureOut]
    licit_trade: list[FormDTradeOut]
    legitimate_requirements: list[FormDRequirementOut]


# ---------------------------------------------------------------- incidents and Form D
@router.get("/incidents", response_model=PageOut[IncidentOut])
def list_incidents(
    request: Request,
    principal: CurrentPrincipal,
    kind: Annotated[str, Query(pattern="^[a-z_]{0,24}$")] = "",
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    after: After = None,
    before: Before = None,
) -> Response:
    """Incidents you may see, by distribution, the latest first; for the next page pass the
    answer's ``next_after`` as ``after`` (keyset paging)."""
    with node_of(request).db.read() as session:
        found = incident_service.list_incidents(session, principal, kind=kind, year=year,
                                                page=page, per_page=per_page, after=after, before=before)  # fmt: skip
        return page_answer(found, PageOut[IncidentOut])


@router.post("/incidents", response_model=IncidentOut, status_code=201)
def create_incident(
    request: Request, principal: CurrentPrincipal, data: IncidentInput
) -> IncidentOut:
    """Record a seizure, stopped shipment or suspicious order; share it by distribution."""
    with node_of(request).db.write() as session:
        incident: Incident = incident_service.create_incident(session, principal, data)
        return IncidentOut.model_validate(incident)


@router.get("/incidents/{incident_id}", response_model=IncidentOut)
def get_incident(
    request: Request, principal: CurrentPrincipal, incident_id: RecordId
) -> IncidentOut:
    with read_session(node_of(request).db) as session:
        return IncidentOut.model_validate(
            incident_service.read_incident(session, principal, incident_id)
        )


def _formd_out(result: formd_service.FormD) -> FormDOut:
    def lines(items: list[formd_service.SubstanceLine]) -> list[FormDLineOut]:
        return [FormDLineOut(**vars(i)) for i in items]

    return FormDOut(
        agency=result.agency,
        year=result.year,
        incidents=result.incidents,
        seizures=lines(result.seizures),
        other_seizures=lines(result.other_seizures),
        preparations=lines(result.preparations),
        origins=[FormDOriginOut(**vars(o)) for o in result.origins],
        stopped_shipments=lines(result.stopped),
        methods_of_diversion=dict(result.methods),
        methods_of_manufacture=[FormDManufactureOut(**vars(m)) for m in result.manufacture],
        licit_trade=[FormDTradeOut(**vars(t)) for t in result.licit_trade],
        legitimate_requirements=[FormDRequirementOut(**vars(r)) for r in result.requirements],
    )


@router.get("/formd", response_model=FormDOut)
def get_form_d(request: Request, principal: CurrentPrincipal, year: Year) -> FormDOut:
    """INCB Form D figures of ``year`` from your agency's incident records."""
    with node_of(request).db.read() as session:
        return _formd_out(formd_service.form_d(session, principal, year))


@router.get("/formd/requirements", response_model=list[FormDRequirementOut])
def get_requirements(
    request: Request, principal: CurrentPrincipal, year: Year
) -> list[FormDRequirementOut]:
    """Your agency's annual legitimate requirements in force for ``year``."""
    with node_of(request).db.read() as session:
        result = formd_service.form_d(session, principal, year)
    return [FormDRequirementOut(**vars(r)) for r in result.requirements]


@router.put("/formd/requirements", response_model=list[FormDRequirementOut])
def put_requirement(
    request: Request, principal: CurrentPrincipal, data: RequirementInput
) -> list[FormDRequirementOut]:
    """Record an annual legitimate requirement (``year``, ``substance_id``, ``preparation``,
    ``quantity``, ``unit``, ``note``); without ``quantity`` the estimate of that year is
    withdrawn. Answers the requirements in force for that year."""
    with node_of(request).db.write() as session:
        formd_service.set_requirement(session, principal, data)
        result = formd_service.form_d(session, principal, data.year)
    return [FormDRequirementOut(**vars(r)) for r in result.requirements]


@router.get("/formd.xlsx", response_class=Response)
def get_form_d_xlsx(request: Request, principal: CurrentPrincipal, year: Year) -> Response:
    """The same figures as an Excel workbook (headings in English and your language)."""
    with read_session(node_of(request).db) as session:
        result = formd_service.form_d(session, principal, year)
        content = formd_workbook.form_d_xlsx(session, principal, result)
    return Response(
        content,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="form-d-{year}.xlsx"'},
    )
