"""The versions of a shared record on the exchange: one rule for every area whose originator
corrects and retracts its records (seizures, joint operations, plan actions).

- a record goes as ``information`` to the agencies of its distribution that were not sent it;
- after a change (version above 1) as a ``correction`` to those that were, which replace their
  copy with the newer version and acknowledge;
- as a ``retraction`` to those its distribution no longer names, and to every agency that was
  sent it when the originator retracts it: the copy stays, marked retracted with the reason
  (``status``, ``status_note``), and the receiver acknowledges.

The receiving side keeps a copy through the area's own handler (its fields) and withdraws it
through :func:`withdraw`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import Actor
from mekongx.authz.sharing import check_held_copy, holders
from mekongx.federation import acks
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.model.base import utcnow
from mekongx.model.record import SharedRecord

__all__ = ["Retractable", "release", "retract", "sent_to", "withdraw"]


class Retractable(Protocol):
    """A shared record its originator may retract: it stays, marked with the reason."""

    uid: str
    status: str
    status_note: str


R = TypeVar("R", bound=SharedRecord)


def sent_to(session: Session, record_uid: str, kind: str) -> set[str]:
    """The agencies this node ever sent the record to (any version, any type)."""
    return set(session.scalars(select(OutboxEntry.to_agency).where(
        OutboxEntry.record_uid == record_uid, OutboxEntry.kind == kind)))  # fmt: skip


def release(
    session: Session, actor: Actor, record: SharedRecord, kind: str, data: dict[str, Any]
) -> None:
    """Send the record to the agencies of its distribution that do not hold it yet; after a
    change, a ``correction`` to those that do, and a retraction to those it no longer names."""
    if record.received:
        return
    had = sent_to(session, record.uid, kind)
    wanted = holders(session, record)
    for type_, to in (("information", wanted - had), ("correction", wanted & had)):
        if to and (type_ == "information" or record.version > 1):
            enqueue(session, actor, type=type_, kind=kind, payload=data, to=sorted(to),
                    handling=record.handling_code, record_uid=record.uid, thread=record.uid,
                    languages=[record.language])  # fmt: skip
    if dropped := had - wanted:
        _retraction(session, actor, record, kind, dropped, "distribution narrowed")


def retract(session: Session, actor: Actor, record: SharedRecord, kind: str, reason: str) -> None:
    """The retraction goes to every agency that was sent the record."""
    if had := sent_to(session, record.uid, kind):
        _retraction(session, actor, record, kind, had, reason)


def _retraction(session: Session, actor: Actor, record: SharedRecord, kind: str, to: set[str],
                reason: str) -> None:  # fmt: skip
    data = {"uid": record.uid, "origin_agency": record.origin_agency, "reason": reason}
    enqueue(session, actor, type="retraction", kind=kind, payload=data, to=sorted(to),
            handling=record.handling_code, record_uid=record.uid, thread=record.uid)  # fmt: skip


def withdraw(
    session: Session,
    received: Received,
    model: type[R],
    data: Mapping[str, Any],
    before: Callable[[R], None] | None = None,
) -> str:
    """A received retraction: only the originator withdraws its record, and only a copy of it;
    the copy is marked retracted with the reason (``before`` runs first, on a copy not yet
    retracted: what the area keeps beside the row, such as totals), then acknowledged. A repeat
    changes nothing but is acknowledged again."""
    uid = str(data["uid"])
    copy = session.scalar(select(model).where(model.uid == uid))
    check_held_copy(copy, received.sender)
    if copy is not None and getattr(copy, "status", "") != "retracted":
        if before is not None:
            before(copy)
        copy.status, copy.status_note = "retracted", str(data.get("reason", ""))  # type: ignore[attr-defined]
        copy.updated_at = utcnow()
    acks.acknowledge(session, received, uid)
    return uid
