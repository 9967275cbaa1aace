"""Pre-export notifications (PEN-like, 1988 Convention art. 12(10)(a)) and their state machine.

::

    draft -> sent -> acknowledged -> confirmed | information_requested | objected
             sent | acknowledged -> expired          (no answer by the deadline)
             information_requested -> sent           (exporter answers and sends again)

The exporting agency's node originates the notification; the importing agency holds a received
copy (``received=True``) and answers it. ``notification_payload`` / ``apply_received_notification``
and ``response_payload`` / ``apply_response`` are what the exchange carries between the two nodes.
Shipments are reconciled against the notification; a discrepancy opens an incident.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Select, bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Permission, Principal, access, require, visible
from mekongx.authz.listing import Page, page_of
from mekongx.chemistry import Substance
from mekongx.chemistry.units import convert
from mekongx.db import Database
from mekongx.domains.precursors import exchange, fulltext
from mekongx.domains.precursors.labels import DISCREPANCIES
from mekongx.domains.precursors.models import (
    OPEN,
    Incident,
    Notification,
    NotificationEvent,
    Shipment,
)
from mekongx.domains.precursors.register import register
from mekongx.domains.precursors.schemas import AnswerInput, NotificationInput, ShipmentInput
from mekongx.errors import Conflict, FieldProblem, Forbidden, ValidationFailed
from mekongx.i18n import N_, Language, translator
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.model.record import RecordRecipient
from mekongx.validation import parse

KIND = "precursor_notification"
DEFAULT_RESPONSE_DAYS = 15  # a common response period named by importing governments (INCB)
QUANTITY_TOLERANCE = 0.05  # a shipment may exceed the notified quantity by 5 % (local policy)
ANSWERS = ("confirmed", "information_requested", "objected")
# Why a notification is sent: art. 12(10)(a) for Table I; for Table II only where the importing
# government has asked for it (the same article); voluntarily (PEN Online Light) otherwise.
LEGAL_BASES = ("art_12_10_a", "art_12_10_a_table_ii", "voluntary")
NO_DENSITY = N_(
    "No density is recorded for this substance: give the quantity in kilograms (or tonnes, grams)."
)


def legal_basis(sub: Substance) -> str:
    return {"I": "art_12_10_a", "II": "art_12_10_a_table_ii"}.get(sub.table, "voluntary")


def quantity_kg(
    sub: Substance | None, quantity: float, unit: str, concentration_pct: float | None = None
) -> float | None:
    """Mass in kilograms of a declared quantity (None: a volume without a known density)."""
    converted = convert(quantity, unit, sub, concentration_pct)
    return converted.kg if converted is not None else None


State = Literal[
    "draft",
    "sent",
    "acknowledged",
    "confirmed",
    "information_requested",
    "objected",
    "expired",
]
STATES: tuple[str, ...] = (
    "draft",
    "sent",
    "acknowledged",
    "confirmed",
    "information_requested",
    "objected",
    "expired",
)
# (from, to) -> who may make the move
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "sent"): "exporter",
    ("information_requested", "sent"): "exporter",
    ("sent", "acknowledged"): "importer",
    ("acknowledged", "confirmed"): "importer",
    ("acknowledged", "information_requested"): "importer",
    ("acknowledged", "objected"): "importer",
    ("sent", "expired"): "clock",
    ("acknowledged", "expired"): "clock",
}


def allowed(from_state: str, to_state: str) -> bool:
    return (from_state, to_state) in TRANSITIONS


def _move(
    session: Session,
    notification: Notification,
    to_state: str,
    actor: Actor,
    note: str = "",
    now: datetime | None = None,
) -> None:
    if not allowed(notification.state, to_state):
        raise Conflict(
            N_("A notification in state %(state)s cannot move to %(target)s."),
            state=notification.state,
            target=to_state,
        )
    moment = now or utcnow()
    session.add(
        NotificationEvent(
            notification_id=notification.id,
            at=moment,
            from_state=notification.state,
            to_state=to_state,
            actor=actor.username,
            agency=actor.agency,
            note=note,
        )
    )
    record(
        session,
        actor,
        f"precursors.notification.{to_state}",
        KIND,
        notification.uid,
        details={"from": notification.state, "to": to_state, "reference": notification.reference},
    )
    notification.state = to_state
    notification.updated_at = moment


def _own_agency(session: Session) -> str | None:
    return session.scalar(select(Agency.code).where(Agency.is_own.is_(True)))


def create_notification(
    session: Session, principal: Principal, data: NotificationInput
) -> Notification:
    """The exporting agency drafts a notification (visible only to itself until sent)."""
    require(principal, Permission.WRITE_RECORDS)
    problems = []
    if data.importer_agency == principal.agency:
        problems.append(
            FieldProblem("importer_agency", N_("The importing agency must be another agency."))
        )
    elif session.get(Agency, data.importer_agency) is None:
        problems.append(
            FieldProblem(
                "importer_agency", N_("Unknown agency: %(code)s"), {"code": data.importer_agency}
            )
        )
    sub = register().by_id.get(data.substance_id)
    kg: float | None = None
    if sub is None:
        problems.append(FieldProblem("substance_id", N_("No such substance in the register.")))
    else:
        assert data.quantity is not None
        kg = quantity_kg(sub, data.quantity, data.unit, data.concentration_pct)
        if kg is None:
            problems.append(FieldProblem("unit", NO_DENSITY))
        if sub.table == "II" and not data.importer_requires_pen:
            problems.append(
                FieldProblem(
                    "importer_requires_pen",
                    N_(
                        "A notification for a Table II substance is sent only where the importing "
                        "government requires it (art. 12(10)(a)): confirm that it does."
                    ),
                )
            )
    if problems:
        raise ValidationFailed(problems)
    assert sub is not None and kg is not None
    fields = data.model_dump(
        exclude={"language", "quantity_kg", "transit_countries", "importer_requires_pen"}
    )
    notification = Notification(
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        language=data.language,
        substance_name=sub.name,
        state="draft",
        quantity_kg=kg,
        transit_countries=",".join(data.transit_countries),
        legal_basis=legal_basis(sub),
        **fields,
    )
    session.add(notification)
    session.flush()
    session.add(
        NotificationEvent(
            notification_id=notification.id,
            from_state="",
            to_state="draft",
            actor=principal.username,
            agency=principal.agency,
        )
    )
    record(
        session,
        principal.actor,
        "precursors.notification.create",
        KIND,
        notification.uid,
        details={"reference": data.reference, "importer": data.importer_agency},
    )
    return notification


def send_notification(
    session: Session, principal: Principal, ident: int | str, now: datetime | None = None
) -> Notification:
    """Exporter sends (or, after a request for information, sends again); the clock starts."""
    notification = access(session, principal, Notification, ident, "release", for_update=True)
    moment = now or utcnow()
    _move(session, notification, "sent", principal.actor, now=moment)
    if notification.sent_at is not None:  # sent again: a new revision reaches the importer
        notification.version += 1
    notification.sent_at = moment
    notification.deadline_at = moment + timedelta(days=notification.response_days)
    notification.distribution = "peers"
    session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == notification.uid))
    session.add(
        RecordRecipient(record_uid=notification.uid, agency_code=notification.importer_agency)
    )
    exchange.queue_notification(
        session, principal.actor, notification, notification_payload(notification)
    )
    return notification


def _as_importer(session: Session, principal: Principal, ident: int | str) -> Notification:
    notification = access(session, principal, Notification, ident, "read", for_update=True)
    require(principal, Permission.RELEASE_RECORDS)
    if principal.agency != notification.importer_agency:
        raise Forbidden(N_("Only the importing agency can answer this notification."))
    return notification


def acknowledge(
    session: Session, principal: Principal, ident: int | str, now: datetime | None = None
) -> Notification:
    notification = _as_importer(session, principal, ident)
    _move(session, notification, "acknowledged", principal.actor, now=now)
    _reply(session, principal, notification)
    return notification


def answer(
    session: Session,
    principal: Principal,
    ident: int | str,
    data: AnswerInput,
    now: datetime | None = None,
) -> Notification:
    """The importing agency confirms, asks for information or objects (with a note)."""
    notification = _as_importer(session, principal, ident)
    _move(session, notification, data.answer, principal.actor, data.note, now=now)
    notification.answer_note = data.note
    _reply(session, principal, notification)
    return notification


def _reply(session: Session, principal: Principal, notification: Notification) -> None:
    """The importer answers on its own node, on its received copy; the answer travels to the
    exporter over the exchange (a node's users belong to its own agency)."""
    if notification.received:
        exchange.queue_response(
            session, principal.actor, notification, response_payload(notification)
        )


def _overdue(moment: datetime) -> Select[Any]:
    """Sent or acknowledged notifications past their deadline: read from the partial index of
    the open ones (``models.OPEN``, written literally so that SQLite sees the index applies)."""
    return select(Notification).where(text(OPEN), Notification.deadline_at < moment)


# ``expire_due``'s probe, built once (a list of declarations runs it on every request)
_OVERDUE_PROBE = (
    select(Notification.id)
    .where(text(OPEN), Notification.deadline_at < bindparam("moment"))
    .limit(1)
)


def expire_overdue(session: Session, actor: Actor, now: datetime | None = None) -> list[str]:
    """Every sent or acknowledged notification past its deadline becomes ``expired``."""
    moment = now or utcnow()
    stmt = _overdue(moment)
    expired = []
    for notification in session.scalars(stmt.with_for_update()):
        _move(session, notification, "expired", actor, now=moment)
        expired.append(notification.uid)
    return expired


def expire_due(db: Database, actor: Actor, now: datetime | None = None) -> list[str]:
    """``expire_overdue`` in a write transaction of its own, taken only when a notification is
    overdue (one probe of the open ones in a read first): the lists and reads that call it
    before they answer do not queue for the writer when nothing is due."""
    moment = now or utcnow()
    with db.read() as session:
        if session.scalar(_OVERDUE_PROBE, {"moment": moment}) is None:
            return []
    with db.write() as session:
        return expire_overdue(session, actor, moment)


def read_notification(session: Session, principal: Principal, ident: int | str) -> Notification:
    notification = access(session, principal, Notification, ident, "read")
    record(session, principal.actor, "precursors.notification.read", KIND, notification.uid)
    return notification


def list_notifications(
    session: Session,
    principal: Principal,
    state: str = "",
    *,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    columns: Sequence[Any] = (),
) -> Page[Any]:
    """One page of the notifications the user may see, newest first (``authz.listing``); with
    ``columns``, rows of those columns instead of notifications."""
    stmt = visible(principal, Notification)
    if state:
        stmt = stmt.where(Notification.state == state)
    return page_of(session, stmt, Notification, page=page, per_page=per_page, after=after,
                   columns=columns)  # fmt: skip


def events(session: Session, notification: Notification) -> list[NotificationEvent]:
    stmt = (
        select(NotificationEvent)
        .where(NotificationEvent.notification_id == notification.id)
        .order_by(NotificationEvent.id)
    )
    return list(session.scalars(stmt))


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


def count_open(session: Session, principal: Principal) -> int:
    stmt = visible(principal, Notification).where(
        Notification.state.in_(("sent", "acknowledged", "information_requested"))
    )
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


# ---------------------------------------------------------------- over the exchange
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


class _Received(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["precursors.notification"]
    uid: str = Field(min_length=36, max_length=36)
    exporter_agency: str = Field(max_length=16)
    importer_agency: str = Field(max_length=16)
    reference: str = Field(min_length=1, max_length=64)
    exporter_name: str = Field(max_length=300)
    exporter_address: str = Field(max_length=2000)
    importer_name: str = Field(max_length=300)
    importer_address: str = Field(max_length=2000)
    consignee: str = Field(max_length=300)
    substance_id: str = Field(max_length=64)
    substance_name: str = Field(max_length=300)
    quantity_kg: float = Field(gt=0, le=1e9)
    # Sent by nodes since issue 13; absent from older payloads.
    quantity: float | None = Field(None, gt=0, le=1e12)
    unit: Literal["kg", "g", "t", "l", "ml"] = "kg"
    concentration_pct: float | None = Field(None, gt=0, le=100)
    preparation: bool = False
    packaging: str = Field("", max_length=2000)
    transport_mode: Literal["", "sea", "road", "rail", "air", "post", "multimodal"] = ""
    transit_countries: str = Field("", max_length=200, pattern=r"^([A-Z]{2}(,[A-Z]{2})*)?$")
    import_permit: str = Field("", max_length=100)
    legal_basis: Literal["", "art_12_10_a", "art_12_10_a_table_ii", "voluntary"] = ""
    port_of_exit: str = Field(max_length=200)
    port_of_entry: str = Field(max_length=200)
    route: str = Field(max_length=2000)
    response_days: int = Field(ge=1, le=90)
    language: Language
    author_name: str = Field(max_length=200)
    handling_code: Literal["H0", "H1", "H2", "H3"]
    handling_note: str = Field(max_length=2000)
    state: Literal["sent"]
    version: int = Field(ge=1)
    expected_dispatch: date | None
    sent_at: datetime
    deadline_at: datetime


def apply_received_notification(
    session: Session, sender_agency: str, payload: Mapping[str, Any]
) -> Notification:
    """Store (or refresh, when sent again) the read-only copy the importing node holds."""
    data = parse(_Received, payload)
    if data.exporter_agency != sender_agency:
        raise Forbidden(N_("The sender is not the agency that originated this record."))
    own = _own_agency(session)
    if own is not None and data.importer_agency != own:
        raise Forbidden(N_("This notification is not addressed to this node's agency."))
    actor = Actor.system(own or data.importer_agency)
    existing = session.scalars(
        select(Notification).where(Notification.uid == data.uid).with_for_update()
    ).first()
    if (
        existing is not None
        and existing.received
        and existing.origin_agency == sender_agency
        and (data.version, data.sent_at) <= (existing.version, existing.sent_at or data.sent_at)
    ):
        return existing  # this sending (or an older one) was applied before: delivered again
    values = data.model_dump(exclude={"type", "uid", "exporter_agency", "state", "version"})
    if values["quantity"] is None:  # from a node older than issue 13: kilograms
        values["quantity"], values["unit"] = data.quantity_kg, "kg"
    if existing is None:
        notification = Notification(
            uid=data.uid,
            origin_agency=sender_agency,
            received=True,
            state="draft",
            version=data.version,
            distribution="peers",
            **values,
        )
        session.add(notification)
        session.flush()
        session.add(RecordRecipient(record_uid=data.uid, agency_code=data.importer_agency))
    else:
        if not existing.received or existing.origin_agency != sender_agency:
            raise Forbidden(N_("The sender is not the agency that originated this record."))
        notification = existing
        for key, value in values.items():
            setattr(notification, key, value)
        notification.version = data.version
    _move(session, notification, "sent", actor, now=data.sent_at)
    record(
        session,
        actor,
        "precursors.notification.receive",
        KIND,
        notification.uid,
        details={"from": sender_agency, "reference": data.reference},
    )
    return notification


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


class _Response(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["precursors.notification.response"]
    uid: str = Field(min_length=36, max_length=36)
    importer_agency: str = Field(max_length=16)
    state: Literal["acknowledged", "confirmed", "information_requested", "objected"]
    note: str = Field(max_length=2000)
    at: datetime


def apply_response(
    session: Session, sender_agency: str, payload: Mapping[str, Any]
) -> Notification:
    """Apply the importer's answer to the exporter's own notification."""
    data = parse(_Response, payload)
    notification = session.scalars(
        select(Notification)
        .where(Notification.uid == data.uid, Notification.received.is_(False))
        .with_for_update()
    ).first()
    if notification is None or sender_agency not in (
        notification.importer_agency,
        data.importer_agency,
    ):
        raise Forbidden(N_("This answer does not belong to a notification of this node."))
    if sender_agency != notification.importer_agency:
        raise Forbidden(N_("Only the importing agency can answer this notification."))
    if notification.state in ANSWERS and data.state in ("acknowledged", *ANSWERS):
        return notification  # answered already: this answer or its acknowledgement came again
    if notification.state == "acknowledged" and data.state == "acknowledged":
        return notification
    actor = Actor(None, f"{sender_agency.lower()}@exchange", sender_agency)
    if notification.state == "sent" and data.state in ANSWERS:
        _move(session, notification, "acknowledged", actor, now=data.at)
    if notification.state != data.state:
        _move(session, notification, data.state, actor, data.note, now=data.at)
    if data.state in ANSWERS:
        notification.answer_note = data.note
    return notification
