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
from mekongx.authz.sharing import newer_copy
from mekongx.domains.seizures import fulltext, totals
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.seizures.rows import fill
from mekongx.domains.seizures.schemas import SeizureFields
from mekongx.federation import acks, copies
from mekongx.federation.handlers import Received
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient

KIND = "seizures.seizure"


def payload(session: Session, seizure: Seizure) -> dict[str, Any]:
    """The report as sent. A coded district travels as its written name ("Mae Sai (แม่สาย)"),
    not its code: a peer that knows no codes reads it (a field it does not know would refuse
    the whole payload), and a peer that does finds the code again from the province and that
    name (``SeizureFields._coded_district``)."""
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
    """To the agencies of its distribution; after a correction, a ``correction`` to those that
    hold it and a retraction to those it no longer names (``federation.copies``)."""
    copies.release(session, principal.actor, seizure, KIND, payload(session, seizure))


def retract(session: Session, principal: Principal, seizure: Seizure) -> None:
    """The retraction goes to every agency that was sent the report."""
    copies.retract(session, principal.actor, seizure, KIND, seizure.status_note)


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """Keep (or bring up to date) the read-only copy of a peer's seizure report; a correction is
    a newer version, a retraction withdraws the copy."""
    if received.type == "retraction":  # the copy leaves the picture's totals, shown retracted
        uid = copies.withdraw(session, received, Seizure, data,
                              lambda copy: totals.count(session, copy, -1))  # fmt: skip
        if (copy := session.scalar(select(Seizure).where(Seizure.uid == uid))) is not None:
            fulltext.index(session, copy)
        return uid
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
    else:  # its old part leaves the picture's totals before the row changes
        totals.count(session, copy, -1)
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
    session.flush()
    totals.count(session, copy, 1)
    if received.type == "correction":
        acks.acknowledge(session, received, uid)
    return uid
