"""Joint operations and patrols on the exchange (``mekong.operation``, type ``information``): the
record goes to every agency of its distribution; the receiver keeps a read-only copy."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.authz.sharing import holders, newer_copy
from mekongx.domains.mekong.models import JointOperation
from mekongx.domains.mekong.rows import fill
from mekongx.domains.mekong.schemas import OperationFields
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient

KIND = "mekong.operation"


def payload(session: Session, operation: JointOperation) -> dict[str, Any]:
    data: dict[str, Any] = {n: getattr(operation, n) for n in (
        "uid", "version", "activity", "name", "number", "units", "route", "targets", "findings",
        "language", "handling_code", "handling_note", "distribution", "sharing_group",
        "origin_agency", "author_name")}  # fmt: skip
    data["starts_on"], data["ends_on"] = (
        operation.starts_on.isoformat(),
        operation.ends_on.isoformat(),
    )
    data["phases"] = json.loads(operation.phases or "[]")
    data["countries"] = [c for c in operation.countries.split(",") if c]
    data["seizures"] = json.loads(operation.seizures or "[]")
    data["recipients"] = sorted(session.scalars(select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == operation.uid)))  # fmt: skip
    data["created_at"] = operation.created_at.isoformat()
    return data


def release(session: Session, principal: Principal, operation: JointOperation) -> None:
    if operation.received:
        return
    sent = set(session.scalars(select(OutboxEntry.to_agency).where(OutboxEntry.record_uid == operation.uid, OutboxEntry.kind == KIND)))  # fmt: skip
    if to := holders(session, operation) - sent:
        enqueue(session, principal.actor, type="information", kind=KIND, payload=payload(session, operation),
                to=sorted(to), handling=operation.handling_code, record_uid=operation.uid,
                thread=operation.uid, languages=[operation.language])  # fmt: skip


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    uid = str(data["uid"])
    copy = session.scalar(select(JointOperation).where(JointOperation.uid == uid))
    origin, version = str(data["origin_agency"]), int(data["version"])
    if not newer_copy(copy, origin=origin, sender=received.sender, version=version):
        return uid  # a repeat, or older than what we hold
    fields = OperationFields.model_validate(
        {k: v for k, v in data.items() if k in OperationFields.model_fields}
    )
    if copy is None:
        copy = JointOperation(uid=uid, received=True)
        session.add(copy)
    fill(copy, fields)
    copy.version, copy.origin_agency, copy.received_from = (
        int(data["version"]),
        received.sender,
        received.sender,
    )
    copy.author_name, copy.author_id = str(data.get("author_name", "")), None
    copy.created_at = datetime.fromisoformat(str(data["created_at"]))
    copy.distribution, copy.sharing_group = Distribution.PEERS.value, None
    session.flush()
    session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == uid))
    named = {str(c) for c in data.get("recipients", [])} | {received.own_agency}
    known = set(session.scalars(select(Agency.code)))
    session.add_all(RecordRecipient(record_uid=uid, agency_code=c) for c in sorted(named & known))
    return uid
