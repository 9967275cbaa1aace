"""Examinations: what an officer found in a container. A seizure of a chemical becomes a
seizure incident of the precursors area (the Safe Mekong record of seizures), and every outcome
counts in the hit rate of the rules that fired on the container (``rules.stats``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.domains.ports.models import PortContainer, PortExamination, PortLine
from mekongx.domains.ports.schemas import ExaminationInput
from mekongx.domains.precursors.incidents import create_incident
from mekongx.domains.precursors.schemas import IncidentInput
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.domains.seizures.service import create_seizure
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.validation import parse

KIND = "port_examination"


def record_examination(
    session: Session, principal: Principal, container_id: int, data: ExaminationInput
) -> PortExamination:
    require(principal, Permission.WRITE_RECORDS)
    container = session.get(PortContainer, container_id)
    if container is None:
        raise NotFound(N_("No such record."))
    if session.scalar(
        select(PortExamination.id).where(PortExamination.container_id == container.id)
    ):
        raise Conflict(N_("This container's examination is recorded already."))
    if data.outcome == "seizure" and not data.seized:
        raise ValidationFailed([FieldProblem("seized", N_("Say what was seized."))])
    exam = PortExamination(container_id=container.id, outcome=data.outcome, note=data.note,
                           seized=data.seized if data.outcome == "seizure" else "",
                           quantity_kg=data.quantity_kg if data.outcome == "seizure" else None,
                           examined_by=principal.username)  # fmt: skip
    if data.outcome == "seizure" and data.substance_id:
        exam.incident_uid = _seizure_incident(session, principal, container, data)
    if data.outcome == "seizure" and data.drug:
        exam.seizure_uid = _seizure_report(session, principal, container, data)
    container.status = "examined"
    session.add(exam)
    session.flush()
    record(session, principal.actor, "ports.examination.record", KIND, exam.uid,
           details={"container": container.number, "outcome": data.outcome,
                    "incident": exam.incident_uid, "seizure": exam.seizure_uid})  # fmt: skip
    return exam


def _seizure_incident(
    session: Session, principal: Principal, container: PortContainer, data: ExaminationInput
) -> str:
    line = session.scalar(select(PortLine).where(PortLine.container_id == container.id)
                          .order_by(PortLine.row))  # fmt: skip
    if line is None:
        raise NotFound(N_("No such record."))
    port = line.port_of_discharge
    incident = create_incident(session, principal, parse(IncidentInput, {
        "kind": "seizure",
        "title": f"{container.number}: {data.seized}"[:300],
        "occurred_on": container.arrival_on,
        "country": port[:2],
        "place": port,
        "substance_id": data.substance_id,
        "substance_name": data.seized,
        "quantity": data.quantity_kg,
        "unit": "kg",
        "origin_country": line.shipper_country,
        "provenance_country": line.port_of_loading[:2],
        "diversion_method": "false_declaration",
        "description": f"{line.goods}\n{line.bill_of_lading} {line.vessel} {line.voyage}\n{data.note}"[:20_000],
        "distribution": "own",
    }))  # fmt: skip
    return incident.uid


def _seizure_report(
    session: Session, principal: Principal, container: PortContainer, data: ExaminationInput
) -> str:
    """The seizure as a report of the seizures area (the Safe Mekong record), own agency only
    until a liaison officer shares it there."""
    lines = list(session.scalars(select(PortLine).where(PortLine.container_id == container.id)
                                 .order_by(PortLine.row)))  # fmt: skip
    if not lines:
        raise NotFound(N_("No such record."))
    if data.quantity_kg is None:
        raise ValidationFailed([FieldProblem("quantity_kg", N_("Give the quantity seized."))])
    line = lines[0]
    transit = sorted({x.port_of_transshipment[:2] for x in lines if x.port_of_transshipment})
    seizure = create_seizure(session, principal, parse(SeizureInput, {
        "reference": f"{container.number}-{container.arrival_on:%Y%m%d}",
        "seized_on": container.arrival_on,
        "country": line.port_of_discharge[:2],
        "place": f"{line.port_of_discharge} {container.number}",
        "drug": data.drug,
        "unit": "kg",
        "quantity": str(round(data.quantity_kg, 3)),
        "origin_country": line.shipper_country or line.port_of_loading[:2],
        "transit_countries": [c for c in transit if c != line.port_of_discharge[:2]][:6],
        "destination_country": line.consignee_country,
        "conveyance": "sea",
        "concealment": f"{data.seized}; {line.goods}"[:2000],
        "remarks": f"{line.bill_of_lading} {line.vessel} {line.voyage}\n{data.note}"[:10_000],
        "distribution": "own",
    }))  # fmt: skip
    return seizure.uid
