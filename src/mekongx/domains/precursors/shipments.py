"""Shipments under a pre-export notification: each is reconciled with what was notified, and a
discrepancy (another substance, more than notified, another port or consignee, a shipment before
the importer confirmed) opens an incident in the recording user's language."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, require
from mekongx.domains.precursors import fulltext
from mekongx.domains.precursors.labels import DISCREPANCIES
from mekongx.domains.precursors.models import Incident, Notification, Shipment
from mekongx.domains.precursors.notifications import KIND, NO_DENSITY, quantity_kg
from mekongx.domains.precursors.register import register
from mekongx.domains.precursors.schemas import ShipmentInput
from mekongx.errors import Conflict, FieldProblem, Forbidden, ValidationFailed
from mekongx.i18n import N_, translator
from mekongx.model.identity import Agency

QUANTITY_TOLERANCE = 0.05  # a shipment may exceed the notified quantity by 5 % (local policy)


def shipments(session: Session, notification: Notification) -> list[Shipment]:
    stmt = select(Shipment).where(Shipment.notification_id == notification.id)
    return list(session.scalars(stmt.order_by(Shipment.id)))


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def discrepancies(notification: Notification, data: ShipmentInput) -> list[str]:
    """What differs between a shipment and its notification (codes, see ``labels``).
    Quantities are compared in kilograms, each converted with the substance's density."""
    found = []
    if data.substance_id != notification.substance_id:
        found.append("substance")
    shipped = _shipment_kg(data, notification)
    if shipped is not None and shipped > notification.quantity_kg * (1 + QUANTITY_TOLERANCE):
        found.append("quantity")
    if (
        data.port_of_entry
        and notification.port_of_entry
        and not _same(data.port_of_entry, notification.port_of_entry)
    ):
        found.append("route")
    expected_consignee = notification.consignee or notification.importer_name
    if data.consignee and not _same(data.consignee, expected_consignee):
        found.append("consignee")
    if notification.state != "confirmed":
        found.append("not_cleared")
    return found


def _shipment_kg(data: ShipmentInput, notification: Notification) -> float | None:
    assert data.quantity is not None
    sub = register().by_id.get(data.substance_id)
    return quantity_kg(sub, data.quantity, data.unit, notification.concentration_pct)


def record_shipment(
    session: Session, principal: Principal, ident: int | str, data: ShipmentInput
) -> Shipment:
    """Reconcile a shipment with its notification; any discrepancy opens an incident."""
    notification = access(session, principal, Notification, ident, "read", for_update=True)
    require(principal, Permission.WRITE_RECORDS)
    if principal.agency not in (notification.origin_agency, notification.importer_agency):
        raise Forbidden(N_("Only the exporting or importing agency can record shipments."))
    if notification.state == "draft":
        raise Conflict(N_("Send the notification before recording shipments."))
    shipped_kg = _shipment_kg(data, notification)
    if shipped_kg is None:
        raise ValidationFailed([FieldProblem("unit", NO_DENSITY)])
    found = discrepancies(notification, data)
    shipment = Shipment(
        notification_id=notification.id,
        recorded_by=principal.username,
        discrepancies=json.dumps(found),
        quantity_kg=shipped_kg,
        **data.model_dump(exclude={"quantity_kg"}),
    )
    if found:
        sub = register().by_id.get(data.substance_id)
        incident = Incident(
            origin_agency=principal.agency,
            author_id=principal.user_id,
            author_name=principal.display_name,
            language=principal.language,
            kind="discrepancy",
            title=f"{notification.reference}: {', '.join(found)}",
            occurred_on=data.shipped_on,
            country=_country(session, principal.agency),
            place=data.port_of_entry,
            substance_id=data.substance_id,
            substance_name=sub.name if sub else data.substance_id,
            quantity_kg=shipped_kg,
            quantity=data.quantity,
            unit=data.unit,
            diversion_method="",
            description=_describe(principal.language, notification, data, found),
            notification_uid=notification.uid,
        )
        session.add(incident)
        session.flush()
        fulltext.index(session, incident)
        shipment.incident_uid = incident.uid
        record(
            session,
            principal.actor,
            "precursors.incident.create",
            "precursor_incident",
            incident.uid,
            details={"kind": "discrepancy", "notification": notification.uid, "codes": found},
        )
    session.add(shipment)
    session.flush()
    record(
        session,
        principal.actor,
        "precursors.shipment.record",
        KIND,
        notification.uid,
        details={"shipment": shipment.id, "discrepancies": found},
    )
    return shipment


def _describe(lang: str, notification: Notification, data: ShipmentInput, found: list[str]) -> str:
    """What differs, in the recording user's language (the incident's original language)."""
    _ = translator(lang)
    lines = [_(DISCREPANCIES[code]) for code in found]
    lines.append(
        _(
            "Notified: %(notified)s kg of %(substance)s to %(entry)s. "
            "Shipped: %(shipped)s kg of %(shipped_substance)s to %(shipped_entry)s.",
            notified=f"{notification.quantity_kg:,.3f}",
            substance=notification.substance_id,
            entry=notification.port_of_entry or "-",
            shipped=f"{_shipment_kg(data, notification) or 0:,.3f}",
            shipped_substance=data.substance_id,
            shipped_entry=data.port_of_entry or "-",
        )
    )
    return "\n".join(lines)


def _country(session: Session, agency: str) -> str:
    return session.scalar(select(Agency.country).where(Agency.code == agency)) or "XX"
