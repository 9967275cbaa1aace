"""Joint operations, patrols and the plan on the exchange (type ``information``): a record goes to
every agency of its distribution; the receiver keeps a read-only copy, changed only by a newer
version from the originator.

- ``mekong.operation``: a joint operation or patrol;
- ``mekong.plan_action``: an action of the Safe Mekong Joint Operation Plan;
- ``mekong.plan_progress``: a country's commitment under an action and its progress (sent again
  to every holder at each change)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.authz.sharing import holders, newer_copy
from mekongx.domains.mekong.keepers import check_keeper
from mekongx.domains.mekong.models import JointOperation, PlanAction, PlanProgress
from mekongx.domains.mekong.rows import fill, fill_action, fill_progress
from mekongx.domains.mekong.schemas import OperationFields, PlanActionFields, ProgressFields
from mekongx.errors import Forbidden
from mekongx.federation import acks, copies
from mekongx.federation.handlers import Received
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient, SharedRecord

KIND = "mekong.operation"
ACTION_KIND = "mekong.plan_action"
PROGRESS_KIND = "mekong.plan_progress"
R = TypeVar("R", bound=SharedRecord)
F = TypeVar("F", bound=BaseModel)


def _common(session: Session, record: SharedRecord, names: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {n: getattr(record, n) for n in (
        *names, "uid", "version", "language", "handling_code", "handling_note", "distribution",
        "sharing_group", "origin_agency", "author_name")}  # fmt: skip
    data["recipients"] = sorted(session.scalars(select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == record.uid)))  # fmt: skip
    data["created_at"] = record.created_at.isoformat()
    if translations := json.loads(getattr(record, "translations", "") or "{}"):
        data["translations"] = translations  # only when written: a peer before them reads the rest
    return data


def payload(session: Session, operation: JointOperation) -> dict[str, Any]:
    data = _common(session, operation, ("activity", "name", "number", "units", "route", "targets", "findings"))  # fmt: skip
    data["starts_on"], data["ends_on"] = (
        operation.starts_on.isoformat(),
        operation.ends_on.isoformat(),
    )
    data["phases"] = json.loads(operation.phases or "[]")
    data["countries"] = [c for c in operation.countries.split(",") if c]
    data["seizures"] = json.loads(operation.seizures or "[]")
    return data


def action_payload(session: Session, action: PlanAction) -> dict[str, Any]:
    data = _common(session, action, ("plan", "line", "number", "title", "description"))
    data["due_on"] = action.due_on.isoformat() if action.due_on else None
    if action.distribution == Distribution.GROUP.value:
        # the group's members are named: each country's progress goes to all of them
        data["recipients"] = sorted(holders(session, action) | {action.origin_agency})
    return data


def progress_payload(session: Session, progress: PlanProgress) -> dict[str, Any]:
    data = _common(session, progress, ("action_uid", "country", "activity", "status", "note"))
    data["reported_on"] = progress.reported_on.isoformat()
    data["evidence"] = json.loads(progress.evidence or "[]")
    return data


def _send(session: Session, principal: Principal, record: SharedRecord, kind: str,
          data: dict[str, Any], *, again: bool) -> None:  # fmt: skip
    """To the holders that lack it (``again``: to every holder, a newer version)."""
    if record.received:
        return
    sent = set() if again else copies.sent_to(session, record.uid, kind)
    if to := holders(session, record) - sent:
        enqueue(session, principal.actor, type="information", kind=kind, payload=data,
                to=sorted(to), handling=record.handling_code, record_uid=record.uid,
                thread=record.uid, languages=[record.language])  # fmt: skip


def release(session: Session, principal: Principal, operation: JointOperation) -> None:
    """To its distribution's agencies; after a change, a correction to those that hold it
    (``federation.copies``)."""
    copies.release(session, principal.actor, operation, KIND, payload(session, operation))


def release_action(session: Session, principal: Principal, action: PlanAction) -> None:
    copies.release(session, principal.actor, action, ACTION_KIND, action_payload(session, action))


def retract(session: Session, principal: Principal, record: JointOperation | PlanAction, kind: str) -> None:  # fmt: skip
    """The retraction goes to every agency that was sent the record."""
    copies.retract(session, principal.actor, record, kind, record.status_note)


def release_progress(session: Session, principal: Principal, progress: PlanProgress) -> None:
    _send(session, principal, progress, PROGRESS_KIND, progress_payload(session, progress),
          again=True)  # fmt: skip


def _keep(session: Session, received: Received, data: Mapping[str, Any], model: type[R],
          fields: type[F], copy_onto: Callable[[R, F], None]) -> str:  # fmt: skip
    """Keep (or bring up to date) the read-only copy of a peer's record."""
    uid = str(data["uid"])
    copy = session.scalar(select(model).where(model.uid == uid))
    origin, version = str(data["origin_agency"]), int(data["version"])
    if not newer_copy(copy, origin=origin, sender=received.sender, version=version):
        return uid  # a repeat, or older than what we hold
    checked = fields.model_validate({k: v for k, v in data.items() if k in fields.model_fields})
    if copy is None:
        copy = model()
        copy.uid, copy.received = uid, True
        session.add(copy)
    copy_onto(copy, checked)
    copy.version, copy.origin_agency = int(data["version"]), received.sender
    copy.received_from = received.sender  # type: ignore[attr-defined]
    copy.author_name, copy.author_id = str(data.get("author_name", "")), None
    copy.created_at = datetime.fromisoformat(str(data["created_at"]))
    # the group may not exist here: the copy is held by the agencies the sender named
    copy.distribution, copy.sharing_group = Distribution.PEERS.value, None
    session.flush()
    session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == uid))
    named = {str(c) for c in data.get("recipients", [])} | {received.own_agency}
    known = set(session.scalars(select(Agency.code)))
    session.add_all(RecordRecipient(record_uid=uid, agency_code=c) for c in sorted(named & known))
    return uid


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """A joint operation or patrol: a newer version replaces the copy (a correction is
    acknowledged), a retraction marks it retracted."""
    if received.type == "retraction":
        return copies.withdraw(session, received, JointOperation, data)
    uid = _keep(session, received, data, JointOperation, OperationFields, fill)
    if received.type == "correction":
        acks.acknowledge(session, received, uid)
    return uid


def apply_action(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """A plan action comes only from the agency that keeps the plan (``plan.check_keeper``)."""
    if received.type == "retraction":
        return copies.withdraw(session, received, PlanAction, data)
    check_keeper(session, str(data.get("plan", "")), received.sender)
    uid = _keep(session, received, data, PlanAction, PlanActionFields, fill_action)
    if received.type == "correction":
        acks.acknowledge(session, received, uid)
    return uid


def apply_progress(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """A country's progress comes only from an agency of that country: the plan shows one column
    per country, which another peer must not fill in its name."""
    country = session.scalar(select(Agency.country).where(Agency.code == received.sender))
    if not country or str(data.get("country", "")) != country:
        raise Forbidden(N_("Only an agency of the country can report its progress."))
    return _keep(session, received, data, PlanProgress, ProgressFields, fill_progress)
