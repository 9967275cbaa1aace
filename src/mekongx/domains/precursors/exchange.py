"""The precursors area on the exchange, outgoing side: what the services queue for peers (the
handlers for what peers send are in ``domains/precursors/handlers.py``).

* ``precursors.notification`` (a *request*): the exporter's notification to the importing agency;
* ``precursors.notification.response`` (a *reply*): the importer's acknowledgement or answer;
* ``precursors.incident`` (*information*): an incident shared by its distribution.

Queuing happens in the caller's transaction; agencies that are not confirmed peers get nothing
(a node's users all belong to its own agency, so nobody else reads the record here).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from mekongx.audit import Actor
from mekongx.authz.sharing import holders
from mekongx.domains.precursors.models import Incident, Notification
from mekongx.federation.envelope import iso
from mekongx.federation.outbox import enqueue

KIND_NOTIFICATION = "precursors.notification"
KIND_RESPONSE = "precursors.notification.response"
KIND_INCIDENT = "precursors.incident"
KINDS = (KIND_NOTIFICATION, KIND_RESPONSE, KIND_INCIDENT)

_PAYLOAD_FIELDS = (
    "reference",
    "importer_agency",
    "exporter_name",
    "exporter_address",
    "importer_name",
    "importer_address",
    "consignee",
    "substance_id",
    "substance_name",
    "quantity_kg",
    "quantity",
    "unit",
    "concentration_pct",
    "preparation",
    "packaging",
    "transport_mode",
    "transit_countries",
    "import_permit",
    "legal_basis",
    "port_of_exit",
    "port_of_entry",
    "route",
    "response_days",
    "language",
    "author_name",
    "handling_code",
    "handling_note",
)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def notification_payload(notification: Notification) -> dict[str, Any]:
    """The notification as plain JSON for the importing agency's node (no local ids)."""
    payload: dict[str, Any] = {f: getattr(notification, f) for f in _PAYLOAD_FIELDS}
    payload.update(
        type="precursors.notification",
        uid=notification.uid,
        exporter_agency=notification.origin_agency,
        state=notification.state,
        version=notification.version,
        expected_dispatch=_iso(notification.expected_dispatch),
        sent_at=_iso(notification.sent_at),
        deadline_at=_iso(notification.deadline_at),
    )
    return payload


def response_payload(notification: Notification) -> dict[str, Any]:
    """The importing agency's answer (or acknowledgement) for the exporter's node."""
    return {
        "type": "precursors.notification.response",
        "uid": notification.uid,
        "importer_agency": notification.importer_agency,
        "state": notification.state,
        "note": notification.answer_note,
        "at": _iso(notification.updated_at),
    }


def queue_notification(session: Session, actor: Actor, notification: Notification) -> None:
    enqueue(
        session, actor, type="request", kind=KIND_NOTIFICATION,
        payload=notification_payload(notification),
        to=[notification.importer_agency], handling=notification.handling_code,
        record_uid=notification.uid, thread=notification.uid,
        deadline=iso(notification.deadline_at) if notification.deadline_at else None,
        languages=[notification.language],
    )  # fmt: skip


def queue_response(session: Session, actor: Actor, notification: Notification) -> None:
    enqueue(
        session, actor, type="reply", kind=KIND_RESPONSE, payload=response_payload(notification),
        to=[notification.origin_agency],
        handling=notification.handling_code, record_uid=notification.uid,
        thread=notification.uid,
    )  # fmt: skip


def incident_targets(session: Session, incident: Incident) -> list[str]:
    return sorted(holders(session, incident))


def queue_incident(
    session: Session, actor: Actor, incident: Incident, payload: Mapping[str, Any]
) -> None:
    targets = incident_targets(session, incident)
    if targets:
        enqueue(
            session, actor, type="information", kind=KIND_INCIDENT, payload=payload, to=targets,
            handling=incident.handling_code, record_uid=incident.uid, thread=incident.uid,
            languages=[incident.language],
        )  # fmt: skip
