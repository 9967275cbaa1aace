"""Wastewater campaigns on the exchange: the originator shares a campaign (normalised loads
with metadata; consumption only with its parameter set) with the peers its distribution names,
and a receiving node stores it as a read-only copy."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Principal, access
from mekongx.authz.sharing import addressed_to, holders, newer_copy
from mekongx.errors import Conflict, FieldProblem, Forbidden, ValidationFailed
from mekongx.federation.handlers import Received
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency, SharingGroup
from mekongx.model.record import Distribution, RecordRecipient
from mekongx.validation import parse
from mekongx.wastewater import back_calculate

from . import analysis, service
from .models import WbeCampaign, WbeLab, WbeMeasurement, WbeSample, WbeSite
from .schemas import CampaignPayload

KIND = "wbe.campaign"  # the payload kind on the exchange
PAYLOAD_SCHEMA = "mekongx.wbe.campaign/1"


def share(session: Session, principal: Principal, campaign_uid: str) -> list[str]:
    """Queue the campaign to every peer its distribution names; returns those agencies."""
    payload = export_payload(session, principal, campaign_uid)  # checks release rights
    campaign = session.scalar(select(WbeCampaign).where(WbeCampaign.uid == campaign_uid))
    assert campaign is not None
    targets = sorted(holders(session, campaign))
    entries = enqueue(
        session, principal.actor, type="information", kind=KIND, payload=payload, to=targets,
        handling=campaign.handling_code, record_uid=campaign.uid, thread=campaign.uid,
    )  # fmt: skip
    return [e.to_agency for e in entries]


def apply(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    body = {k: v for k, v in data.items() if k != "kind"}
    campaign = apply_received(session, received.sender, body, node_agency=received.own_agency)
    return campaign.uid


def export_payload(session: Session, principal: Principal, campaign_uid: str) -> dict[str, Any]:
    """The campaign as a plain JSON payload for the exchange.

    Only the originating agency may release it (never a received copy), and only when its
    distribution names peers or a sharing group. Normalised loads travel with their metadata;
    consumption figures travel only together with the parameter set's id, version and values.
    """
    campaign = access(session, principal, WbeCampaign, campaign_uid, "release")
    if campaign.distribution == Distribution.OWN.value:
        raise Forbidden(N_("This campaign is for your own agency only; it cannot be shared."))
    site = service.site_of(session, campaign)
    lab = service.lab_of(session, campaign)
    params = analysis.parameter_set_by_label(campaign.parameter_set)
    rows = service.rows_of(session, campaign)
    samples: dict[dt.date, dict[str, Any]] = {}
    for r in rows:
        day = samples.setdefault(
            r.date,
            {
                "date": r.date.isoformat(),
                "flow_m3_d": r.flow_m3_d,
                "population": r.population,
                "sampling_mode": r.sampling_mode,
                "measurements": [],
            },
        )
        day["measurements"].append(
            {
                "analyte": r.analyte,
                "concentration_ng_l": r.concentration_ng_l,
                "censored": r.censored,
                "loq_ng_l": r.loq_ng_l,
            }
        )
    loads, consumption = [], []
    for s in service.engine_samples(site.code, rows):
        e = back_calculate(s, params)
        loads.append(
            {
                "date": s.date.isoformat(),
                "analyte": s.analyte,
                "load_mg_d_per_1000": e.load_mg_d_per_1000.value,
                "censored": e.load_mg_d_per_1000.censored,
            }
        )
        if e.consumption_mg_d_per_1000 is not None:
            consumption.append(
                {
                    "date": s.date.isoformat(),
                    "analyte": s.analyte,
                    "consumption_mg_d_per_1000": e.consumption_mg_d_per_1000.value,
                    "censored": e.consumption_mg_d_per_1000.censored,
                    "parameter_set": params.label,
                }
            )
    payload: dict[str, Any] = {
        "schema": PAYLOAD_SCHEMA,
        "uid": campaign.uid,
        "title": campaign.title,
        "origin_agency": campaign.origin_agency,
        "author_name": campaign.author_name,
        "language": campaign.language,
        "version": campaign.version,
        "created_at": campaign.created_at.isoformat(),
        "updated_at": campaign.updated_at.isoformat(),
        "handling_code": campaign.handling_code,
        "handling_note": campaign.handling_note,
        "distribution": campaign.distribution,
        "recipients": service.recipients_of(session, campaign),
        "sharing_group": campaign.sharing_group,
        "period_start": campaign.period_start.isoformat(),
        "period_end": campaign.period_end.isoformat(),
        "notes": campaign.notes,
        "site": {
            "uid": site.uid,
            "code": site.code,
            "plant": site.plant,
            "city": site.city,
            "country": site.country,
            "latitude": site.latitude,
            "longitude": site.longitude,
            "population_served": site.population_served,
            "sewer_type": site.sewer_type,
            "population_method": site.population_method,
            **(
                {"translations": json.loads(site.translations)}
                if site.translations not in ("", "{}")
                else {}
            ),
        },
        "lab": None
        if lab is None
        else {
            "uid": lab.uid,
            "name": lab.name,
            "city": lab.city,
            "country": lab.country,
            "accreditation": lab.accreditation,
        },
        "parameter_set": {
            "id": params.id,
            "version": params.version,
            "label": params.label,
            "values": analysis.parameter_set_values(params),
        },
        "samples": list(samples.values()),
        "loads": loads,
        "consumption": consumption,
    }
    record(
        session,
        principal.actor,
        "wbe.campaign.release",
        service.KIND,
        campaign.uid,
        details={"distribution": campaign.distribution, "handling": campaign.handling_code},
    )
    return payload


def apply_received(
    session: Session, sender_agency: str, payload: dict[str, Any], *, node_agency: str = ""
) -> WbeCampaign:
    """Store a campaign received from ``sender_agency`` as a read-only copy (or refresh it)."""
    data = parse(CampaignPayload, payload)
    existing = session.scalar(select(WbeCampaign).where(WbeCampaign.uid == data.uid))
    fresh = newer_copy(
        existing, origin=data.origin_agency, sender=sender_agency, version=data.version
    )
    if session.get(Agency, sender_agency) is None:
        raise ValidationFailed(
            [FieldProblem("origin_agency", N_("Unknown agency: %(code)s"), {"code": sender_agency})]
        )
    if data.sharing_group and session.get(SharingGroup, data.sharing_group) is None:
        raise ValidationFailed([FieldProblem("sharing_group", N_("Unknown sharing group."))])
    if node_agency and not addressed_to(session, data, node_agency):
        raise Forbidden(N_("This campaign was not shared with this agency."))
    if not fresh:
        assert existing is not None
        return existing  # a repeat, or older than what we hold
    params = analysis.parameter_set_by_label(data.parameter_set.label)
    if analysis.parameter_set_values(params) != data.parameter_set.values:
        raise Conflict(
            N_("The parameter set %(label)s differs from this node's copy."),
            label=data.parameter_set.label,
        )
    problems = []
    for i, incoming in enumerate(data.samples):
        for j, m in enumerate(incoming.measurements):
            if m.analyte not in params.analytes:
                problems.append(
                    FieldProblem(
                        f"samples.{i}.measurements.{j}.analyte",
                        N_("Unknown analyte: %(code)s"),
                        {"code": m.analyte},
                    )
                )
            if (m.censored and m.loq_ng_l is None) or (
                not m.censored and m.concentration_ng_l is None
            ):
                problems.append(
                    FieldProblem(
                        f"samples.{i}.measurements.{j}",
                        N_("A censored result needs its LOQ; a quantified one its concentration."),
                    )
                )
    if problems:
        raise ValidationFailed(problems)

    if existing is not None:
        session.execute(delete(WbeSample).where(WbeSample.campaign_id == existing.id))
        session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == existing.uid))
        campaign = existing
    else:
        campaign = WbeCampaign(uid=data.uid, received=True, origin_agency=sender_agency)

    site = session.scalar(select(WbeSite).where(WbeSite.uid == data.site.uid))
    lab_found = (
        session.scalar(select(WbeLab).where(WbeLab.uid == data.lab.uid)) if data.lab else None
    )
    for found in (site, lab_found):
        if found is not None and found.origin_agency != sender_agency:
            raise Conflict(N_("A different record with this identifier exists already."))
    if site is None:
        site = WbeSite(origin_agency=sender_agency, received=True, **service.site_fields(data.site))
        session.add(site)
        session.flush()
    lab = None
    if data.lab is not None:
        lab = session.scalar(select(WbeLab).where(WbeLab.uid == data.lab.uid))
        if lab is None:
            lab = WbeLab(origin_agency=sender_agency, received=True, **data.lab.model_dump())
            session.add(lab)
            session.flush()

    campaign.title = data.title
    campaign.author_name = data.author_name
    campaign.author_id = None
    campaign.language = data.language
    campaign.version = data.version
    campaign.updated_at = utcnow()
    campaign.handling_code = data.handling_code
    campaign.handling_note = data.handling_note
    campaign.distribution = data.distribution
    campaign.sharing_group = data.sharing_group if data.distribution == "group" else None
    campaign.period_start, campaign.period_end = data.period_start, data.period_end
    campaign.parameter_set = params.label
    campaign.notes = data.notes
    campaign.site_id = site.id
    campaign.lab_id = lab.id if lab is not None else None
    session.add(campaign)
    session.flush()
    if data.distribution == Distribution.PEERS.value:
        known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.recipients))))
        session.add_all(
            RecordRecipient(record_uid=campaign.uid, agency_code=c)
            for c in sorted(set(data.recipients))
            if c in known
        )
    for s in data.samples:
        sample = WbeSample(
            campaign_id=campaign.id,
            sample_date=s.date,
            flow_m3_d=s.flow_m3_d,
            population=s.population,
            sampling_mode=s.sampling_mode,
        )
        session.add(sample)
        session.flush()
        session.add_all(
            WbeMeasurement(
                sample_id=sample.id,
                analyte=m.analyte,
                concentration_ng_l=None if m.censored else m.concentration_ng_l,
                censored=m.censored,
                loq_ng_l=m.loq_ng_l,
            )
            for m in s.measurements
        )
    session.flush()
    record(
        session,
        Actor.system(node_agency or sender_agency),
        "wbe.campaign.receive",
        service.KIND,
        campaign.uid,
        details={"from": sender_agency, "version": data.version},
    )
    return campaign
