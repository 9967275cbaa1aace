"""Seizure reports on the exchange: a new report goes to every agency its distribution names
(``seizures.seizure``, type ``information``); the receiver keeps a read-only copy. A repeat of
an envelope changes nothing; a copy is only ever changed by its originator."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.authz.sharing import holders, newer_copy
from mekongx.domains.seizures import fulltext
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.seizures.rows import fill
from mekongx.domains.seizures.schemas import SeizureFields
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient

KIND = "seizures.seizure"


def payload(session: Session, seizure: Seizure) -> dict[str, Any]:
    data: dict[str, Any] = {
        name: getattr(seizure, name)
        for name in ("uid", "version", "reference", "country", "admin1", "admin2", "place",
                     "latitude", "longitude", "drug", "form", "unit", "tablets", "markings",
                     "origin_country", "destination_country", "conveyance", "concealment",
                     "arrests", "remarks", "language", "handling_code", "handling_note",
                     "distribution", "sharing_group", "origin_agency", "author_name")
    }  # fmt: skip
    data["seized_on"] = seizure.seized_on.isoformat()
    data["quantity"] = str(seizure.quantity)
    data["purity"] = None if seizure.purity is None else str(seizure.purity)
    data["transit_countries"] = [c for c in seizure.transit_countries.split(",") if c]
    data["nationalities"] = json.loads(seizure.nationalities or "{}")
    data["links"] = json.loads(seizure.links or "[]")
    data["recipients"] = sorted(session.scalars(
        select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == seizure.uid)
    ))  # fmt: skip
    data["created_at"] = seizure.created_at.isoformat()
    return data


def release(session: Session, principal: Principal, seizure: Seizure) -> None:
    """Send the report to the agencies of its distribution that do not hold it yet."""
    if seizure.received:
        return
    sent = set(session.scalars(select(OutboxEntry.to_agency).where(
        OutboxEntry.record_uid == seizure.uid, OutboxEntry.kind == KIND)))  # fmt: skip
    to = holders(session, seizure) - sent
    if to:
        enqueue(session, principal.actor, type="information", kind=KIND,
                payload=payload(session, seizure), to=sorted(to), handling=seizure.handling_code,
                record_uid=seizure.uid, thread=seizure.uid, languages=[seizure.language])  # fmt: skip


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """Keep (or bring up to date) the read-only copy of a peer's seizure report."""
    uid = str(data["uid"])
    copy = session.scalar(select(Seizure).where(Seizure.uid == uid))
    origin, version = str(data["origin_agency"]), int(data["version"])
    if not newer_copy(copy, origin=origin, sender=received.sender, version=version):
        return uid  # a repeat, or older than what we hold
    fields = SeizureFields.model_validate(
        {k: v for k, v in data.items() if k in SeizureFields.model_fields}
    )
    if copy is None:
        copy = Seizure(uid=uid, received=True)
        session.add(copy)
    fill(copy, fields)
    copy.version = int(data["version"])
    copy.origin_agency, copy.received_from = received.sender, received.sender
    copy.author_name, copy.author_id = str(data.get("author_name", "")), None
    copy.created_at = datetime.fromisoformat(str(data["created_at"]))
    copy.handling_code = str(data.get("handling_code") or received.handling)
    # the group may not exist here: the copy is held by the agencies the sender named
    copy.distribution, copy.sharing_group = Distribution.PEERS.value, None
    session.flush()
    fulltext.index(session, copy)
    session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == uid))
    named = {str(c) for c in data.get("recipients", [])} | {received.own_agency}
    known = set(session.scalars(select(Agency.code)))
    session.add_all(RecordRecipient(record_uid=uid, agency_code=c) for c in sorted(named & known))
    return uid
