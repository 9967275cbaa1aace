"""Pre-export notifications (PEN-like, 1988 Convention art. 12(10)(a)) and their state machine.

::

    draft -> sent -> acknowledged -> confirmed | information_requested | objected
             sent | acknowledged -> expired          (no answer by the deadline)
             information_requested -> sent           (exporter answers and sends again)

The exporting agency's node originates the notification; the importing agency holds a received
copy (``received=True``) and answers it. ``exchange.py`` builds what travels between the two
nodes and ``apply_received_notification`` / ``apply_response`` apply it here. Shipments under a
notification are reconciled in ``shipments.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Select, bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Permission, Principal, access, read_audited, require, visible
from mekongx.authz.listing import Page, page_of
from mekongx.chemistry import Substance
from mekongx.chemistry.units import convert
from mekongx.db import Database
from mekongx.domains.precursors import exchange
from mekongx.domains.precursors.models import (
    OPEN,
    Notification,
    NotificationEvent,
)
from mekongx.domains.precursors.payloads import NotificationPayload, ResponsePayload
from mekongx.domains.precursors.register import register
from mekongx.domains.precursors.schemas import AnswerInput, NotificationInput
from mekongx.errors import Conflict, FieldProblem, Forbidden, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.model.record import RecordRecipient
from mekongx.validation import parse

KIND = "precursor_notification"
DEFAULT_RESPONSE_DAYS = 15  # a common response period named by importing governments (INCB)
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
    exchange.queue_notification(session, principal.actor, notification)
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
        exchange.queue_response(session, principal.actor, notification)


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


@contextmanager
def read_expired(db: Database, actor: Actor, now: datetime | None = None) -> Iterator[Session]:
    """A read session in which no notification is overdue: ``expire_due``'s probe runs in it
    and, when nothing is due (nearly always), the caller reads on in the same transaction (a
    list of declarations: one transaction a request, not two); when something is due, the
    expiry is written in a write transaction of its own and a new read begins after it."""
    moment = now or utcnow()
    with db.read() as session:
        if session.scalar(_OVERDUE_PROBE, {"moment": moment}) is None:
            yield session
            return
    with db.write() as session:
        expire_overdue(session, actor, moment)
    with db.read() as session:
        yield session


def read_notification(session: Session, principal: Principal, ident: int | str) -> Notification:
    return read_audited(session, principal, Notification, ident, "precursors.notification.read",
                        KIND)  # fmt: skip


def list_notifications(
    session: Session,
    principal: Principal,
    state: str = "",
    *,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
    columns: Sequence[Any] = (),
) -> Page[Any]:
    """One page of the notifications the user may see, newest first (``authz.listing``); with
    ``columns``, rows of those columns instead of notifications."""
    stmt = visible(principal, Notification)
    if state:
        stmt = stmt.where(Notification.state == state)
    return page_of(session, stmt, Notification, page=page, per_page=per_page, after=after, before=before,
                   columns=columns)  # fmt: skip


def events(session: Session, notification: Notification) -> list[NotificationEvent]:
    stmt = (
        select(NotificationEvent)
        .where(NotificationEvent.notification_id == notification.id)
        .order_by(NotificationEvent.id)
    )
    return list(session.scalars(stmt))


def count_open(session: Session, principal: Principal) -> int:
    stmt = visible(principal, Notification).where(
        Notification.state.in_(("sent", "acknowledged", "information_requested"))
    )
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


# ---------------------------------------------------------------- from the exchange
def apply_received_notification(
    session: Session, sender_agency: str, payload: Mapping[str, Any]
) -> Notification:
    """Store (or refresh, when sent again) the read-only copy the importing node holds."""
    data = parse(NotificationPayload, payload)
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


def apply_response(
    session: Session, sender_agency: str, payload: Mapping[str, Any]
) -> Notification:
    """Apply the importer's answer to the exporter's own notification."""
    data = parse(ResponsePayload, payload)
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
