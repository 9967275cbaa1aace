"""Alerts across borders: a suspicious container or a seizure, sent over the exchange to the
agency of the country where it was loaded or transshipped (``ports.alert``), with only the
evidence the officer chose. The receiver keeps the alert for its port control officers."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from mekongx.audit import read_recorded, record, record_read
from mekongx.authz import Permission, Principal, require
from mekongx.authz.listing import Page, page_of
from mekongx.domains.ports import service
from mekongx.domains.ports.models import PortAlert
from mekongx.domains.ports.profiling import KIND_LABELS
from mekongx.domains.ports.schemas import AlertInput
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.federation.handlers import Received
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency

KIND = "ports.alert"
AUDIT_KIND = "port_alert"


def _route(line: Any) -> dict[str, Any]:
    return {"bill_of_lading": line.bill_of_lading, "port_of_loading": line.port_of_loading,
            "port_of_transshipment": line.port_of_transshipment, "port_of_discharge": line.port_of_discharge,
            "vessel": line.vessel, "voyage": line.voyage, "seal": line.seal,
            "loaded_on": line.loaded_on.isoformat() if line.loaded_on else "",
            "arrival_on": line.arrival_on.isoformat()}  # fmt: skip


def partners(session: Session, container_id: int) -> list[Agency]:
    """The peer agencies of the countries where the container was loaded or transshipped."""
    detail_lines = service.container_lines(session, container_id)
    countries = {c for line in detail_lines
                 for c in (line.port_of_loading[:2], line.port_of_transshipment[:2]) if c}  # fmt: skip
    stmt = select(Agency).where(
        Agency.country.in_(countries), Agency.active, Agency.is_own.is_(False)
    )
    return list(session.scalars(stmt.order_by(Agency.code)))


def evidence(detail: service.Detail, chosen: Sequence[str]) -> dict[str, Any]:
    lines = detail.lines
    out: dict[str, Any] = {}
    if "route" in chosen and lines:
        out["route"] = _route(lines[0])
    if "parties" in chosen:
        seen = {}
        for line in lines:
            party = {"shipper": line.shipper, "consignee": line.consignee,
                     "consignee_address": line.consignee_address, "notify_party": line.notify_party,
                     "forwarder": line.forwarder}  # fmt: skip
            seen[json.dumps(party, sort_keys=True)] = party
        out["parties"] = list(seen.values())[:50]
    if "goods" in chosen:
        out["goods"] = [{"goods": line.goods, "hs_code": line.hs_code, "weight_kg": line.weight_kg}
                        for line in lines[:200]]  # fmt: skip
    if "reasons" in chosen:
        out["reasons"] = [{"rule": rule.label or KIND_LABELS.get(rule.kind, rule.kind),
                           "code": r["code"], "params": r["params"]}
                          for rule, hit in detail.hits for r in json.loads(hit.reasons)][:100]  # fmt: skip
    if "examination" in chosen and detail.examination is not None:
        exam = detail.examination
        out["examination"] = {"outcome": exam.outcome, "seized": exam.seized,
                              "quantity_kg": exam.quantity_kg, "note": exam.note}  # fmt: skip
    return out


def send(session: Session, principal: Principal, container_id: int, data: AlertInput) -> PortAlert:
    require(principal, Permission.RELEASE_RECORDS)
    detail = service.read_container(session, principal, container_id)
    allowed = {a.code for a in partners(session, container_id)}
    if data.to_agency not in allowed:
        raise ValidationFailed([FieldProblem("to_agency", N_(
            "Choose the agency of a country where the container was loaded or transshipped."))])  # fmt: skip
    if not data.evidence:
        raise ValidationFailed([FieldProblem("evidence", N_("Choose what the alert includes."))])
    exam = detail.examination
    reason = "seizure" if exam is not None and exam.outcome == "seizure" else "suspicion"
    alert = PortAlert(direction="out", container_number=detail.container.number,
                      from_agency=principal.agency, to_agency=data.to_agency, reason=reason,
                      handling_code=data.handling_code,
                      evidence=json.dumps(evidence(detail, data.evidence), ensure_ascii=False),
                      note=data.note, officer=principal.username, sent_at=utcnow())  # fmt: skip
    session.add(alert)
    session.flush()
    enqueue(session, principal.actor, type="notice", kind=KIND, payload=payload(alert),
            to=[data.to_agency], handling=data.handling_code, record_uid=alert.uid,
            thread=alert.uid, priority="urgent")  # fmt: skip
    record(session, principal.actor, "ports.alert.send", AUDIT_KIND, alert.uid,
           details={"container": alert.container_number, "to": data.to_agency,
                    "evidence": data.evidence, "reason": reason})  # fmt: skip
    return alert


def payload(alert: PortAlert) -> dict[str, Any]:
    return {"uid": alert.uid, "container_number": alert.container_number, "reason": alert.reason,
            "evidence": json.loads(alert.evidence), "note": alert.note, "officer": alert.officer,
            "handling_code": alert.handling_code, "sent_at": alert.sent_at.isoformat()}  # fmt: skip


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """Keep a partner's alert for this node's officers (once, whatever the retries)."""
    uid = str(data["uid"])
    if session.scalar(select(PortAlert.id).where(PortAlert.uid == uid)) is not None:
        return uid
    session.add(PortAlert(uid=uid, direction="in", container_number=str(data["container_number"]),
                          from_agency=received.sender, to_agency=received.own_agency,
                          reason=str(data["reason"]), handling_code=str(data["handling_code"]),
                          evidence=json.dumps(data.get("evidence", {}), ensure_ascii=False),
                          note=str(data.get("note", "")), officer=str(data["officer"]),
                          sent_at=datetime.fromisoformat(str(data["sent_at"])),
                          received_at=utcnow()))  # fmt: skip
    return uid


def alerts(session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
           after: int | None = None, before: int | None = None) -> Page[PortAlert]:  # fmt: skip
    """One page of the alerts sent and received, newest first (``authz.listing.page_of``)."""
    require(principal, Permission.READ_RECORDS)
    found = page_of(session, select(PortAlert), PortAlert, page=page, per_page=per_page,
                    after=after, before=before)  # fmt: skip
    record_read(session, principal.actor, "ports.alerts.read", AUDIT_KIND, "",
                details={"alerts": len(found.items), "page": page})  # fmt: skip
    return found


_ALERT = select(PortAlert).where(PortAlert.id == bindparam("ident"))


def read_alert(session: Session, principal: Principal, alert_id: int) -> PortAlert:
    require(principal, Permission.READ_RECORDS)
    alert = read_recorded(session, principal.actor, _ALERT, {"ident": alert_id},
                          "ports.alert.read", AUDIT_KIND)  # fmt: skip
    if alert is None:
        raise NotFound(N_("No such record."))
    return cast(PortAlert, alert)
