"""Incidents (PICS-like): seizures, stopped shipments, suspicious orders, discrepancies.

Incidents are shared records: their distribution decides who holds them, and they travel to
peers as plain payloads (``incident_payload`` / ``apply_received_incident``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Permission, Principal, read_audited, require, visible
from mekongx.authz.listing import Page, page_of
from mekongx.chemistry.units import convert
from mekongx.domains.precursors import exchange, fulltext
from mekongx.domains.precursors.models import Incident
from mekongx.domains.precursors.register import register
from mekongx.domains.precursors.schemas import IncidentInput
from mekongx.errors import FieldProblem, Forbidden, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.identity import Agency, SharingGroup
from mekongx.model.record import Distribution, RecordRecipient
from mekongx.validation import parse

KIND = "precursor_incident"


def _check(session: Session, principal: Principal, data: IncidentInput) -> None:
    if data.distribution != Distribution.OWN.value:
        require(principal, Permission.RELEASE_RECORDS)
    problems = []
    if data.distribution == Distribution.PEERS.value:
        known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.recipients))))
        for code in data.recipients:
            if code not in known:
                problems.append(
                    FieldProblem("recipients", N_("Unknown agency: %(code)s"), {"code": code})
                )
    if (
        data.distribution == Distribution.GROUP.value
        and data.sharing_group
        and session.get(SharingGroup, data.sharing_group) is None
    ):
        problems.append(FieldProblem("sharing_group", N_("Unknown sharing group.")))
    if data.substance_id and data.substance_id not in register().by_id:
        problems.append(FieldProblem("substance_id", N_("No such substance in the register.")))
    if not data.substance_id and not data.substance_name and data.kind == "seizure":
        problems.append(FieldProblem("substance_id", N_("Name the substance seized.")))
    if problems:
        raise ValidationFailed(problems)


def quantity_fields(data: IncidentInput) -> dict[str, Any]:
    """Quantity as declared (with its unit) and its mass in kilograms where the substance's
    density allows (a volume of a substance without a recorded density has no mass)."""
    if data.quantity is None:
        return {"quantity": None, "unit": "", "quantity_kg": None}
    sub = register().by_id.get(data.substance_id) if data.substance_id else None
    converted = convert(data.quantity, data.unit, sub, data.concentration_pct)
    kg = converted.kg if converted is not None else None
    return {"quantity": data.quantity, "unit": data.unit, "quantity_kg": kg}


def create_incident(session: Session, principal: Principal, data: IncidentInput) -> Incident:
    require(principal, Permission.WRITE_RECORDS)
    _check(session, principal, data)
    sub = register().by_id.get(data.substance_id) if data.substance_id else None
    incident = Incident(
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        **data.model_dump(
            exclude={"recipients", "substance_name", "quantity", "unit", "quantity_kg"}
        ),
        **quantity_fields(data),
        substance_name=sub.name if sub else data.substance_name,
    )
    session.add(incident)
    session.flush()
    fulltext.index(session, incident)
    if data.distribution == Distribution.PEERS.value:
        session.add_all(
            RecordRecipient(record_uid=incident.uid, agency_code=c) for c in data.recipients
        )
    record(
        session,
        principal.actor,
        "precursors.incident.create",
        KIND,
        incident.uid,
        details={"kind": data.kind, "distribution": data.distribution},
    )
    exchange.queue_incident(session, principal.actor, incident, incident_payload(session, incident))
    return incident


def read_incident(session: Session, principal: Principal, ident: int | str) -> Incident:
    return read_audited(session, principal, Incident, ident, "precursors.incident.read", KIND)


def list_incidents(
    session: Session,
    principal: Principal,
    *,
    kind: str = "",
    year: int | None = None,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> Page[Incident]:
    """One page of the incidents the user may see, the latest first (``authz.listing``)."""
    stmt = visible(principal, Incident)
    if kind:
        stmt = stmt.where(Incident.kind == kind)
    if year is not None:
        stmt = stmt.where(
            Incident.occurred_on >= date(year, 1, 1), Incident.occurred_on <= date(year, 12, 31)
        )
    return page_of(session, stmt, Incident, page=page, per_page=per_page, after=after, before=before,
                   order=(Incident.occurred_on,))  # fmt: skip


def recipients_of(session: Session, incident: Incident) -> list[str]:
    stmt = select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == incident.uid)
    return sorted(session.scalars(stmt))


# ---------------------------------------------------------------- over the exchange
_FIELDS = (
    "title",
    "country",
    "place",
    "substance_id",
    "substance_name",
    "quantity_kg",
    "quantity",
    "unit",
    "concentration_pct",
    "preparation",
    "origin_country",
    "provenance_country",
    "diversion_method",
    "manufacture_method",
    "description",
    "language",
    "author_name",
    "handling_code",
    "handling_note",
    "distribution",
    "sharing_group",
    "notification_uid",
)


def incident_payload(session: Session, incident: Incident) -> dict[str, Any]:
    payload: dict[str, Any] = {f: getattr(incident, f) for f in _FIELDS}
    payload.update(
        type="precursors.incident",
        incident_kind=incident.kind,  # "kind" names the payload's kind on the exchange
        uid=incident.uid,
        origin_agency=incident.origin_agency,
        occurred_on=incident.occurred_on.isoformat(),
        version=incident.version,
        recipients=recipients_of(session, incident),
    )
    return payload


def _local_distribution(session: Session, data: IncidentInput) -> tuple[str, str | None, list[str]]:
    """Distribution of a received copy in this node's terms: agencies and groups it does not know
    are dropped; a group it does not know becomes "named to this node's own agency"."""
    known = set(session.scalars(select(Agency.code)))
    recipients = [c for c in data.recipients if c in known]
    if data.distribution == Distribution.GROUP.value:
        if data.sharing_group and session.get(SharingGroup, data.sharing_group) is not None:
            return data.distribution, data.sharing_group, []
        own = session.scalar(select(Agency.code).where(Agency.is_own.is_(True)))
        return Distribution.PEERS.value, None, [own] if own else []
    return data.distribution, None, recipients


def apply_received_incident(
    session: Session, sender_agency: str, payload: Mapping[str, Any]
) -> Incident:
    """Store a peer's incident as a read-only copy (refreshing an earlier copy)."""
    if payload.get("origin_agency") != sender_agency:
        raise Forbidden(N_("The sender is not the agency that originated this record."))
    fields = {k: payload.get(k) for k in _FIELDS if k not in ("author_name", "notification_uid")}
    fields["kind"] = payload.get("incident_kind")
    fields["occurred_on"] = payload.get("occurred_on")
    fields["recipients"] = payload.get("recipients") or []
    fields["sharing_group"] = payload.get("sharing_group") or None
    fields["substance_name"] = fields.get("substance_name") or ""
    if not fields.get("unit"):  # an incident without a quantity, or from an older node
        fields.pop("unit", None)
        fields.pop("quantity", None)
    for key in (
        "concentration_pct",
        "preparation",
        "origin_country",
        "provenance_country",
        "manufacture_method",  # not sent by nodes older than issue 13's Form D parts
    ):
        if fields.get(key) is None:
            fields.pop(key, None)
    data = parse(IncidentInput, fields)
    existing = session.scalars(
        select(Incident).where(Incident.uid == str(payload.get("uid", ""))).with_for_update()
    ).first()
    values = data.model_dump(exclude={"recipients", "quantity", "unit", "quantity_kg"})
    values.update(quantity_fields(data))
    values["distribution"], values["sharing_group"], recipients = _local_distribution(session, data)
    if existing is None:
        incident = Incident(
            uid=str(payload["uid"])[:36],
            origin_agency=sender_agency,
            received=True,
            author_name=str(payload.get("author_name", ""))[:200],
            notification_uid=payload.get("notification_uid"),
            version=int(payload.get("version", 1)),
            **values,
        )
        session.add(incident)
        session.flush()
    else:
        if not existing.received or existing.origin_agency != sender_agency:
            raise Forbidden(N_("The sender is not the agency that originated this record."))
        incident = existing
        for key, value in values.items():
            setattr(incident, key, value)
        incident.version = int(payload.get("version", incident.version))
        session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == incident.uid))
    fulltext.index(session, incident)
    session.add_all(RecordRecipient(record_uid=incident.uid, agency_code=c) for c in recipients)
    own = session.scalar(select(Agency.code).where(Agency.is_own.is_(True)))
    record(
        session,
        Actor.system(own or sender_agency),
        "precursors.incident.receive",
        KIND,
        incident.uid,
        details={"from": sender_agency},
    )
    return incident
