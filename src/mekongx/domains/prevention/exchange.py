"""Prevention programmes on the exchange: the originator sends a programme (aggregates only)
to the agencies its distribution names after every change; a receiving node keeps a read-only
copy, replaced by each newer version."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, record
from mekongx.authz import Principal
from mekongx.authz.sharing import addressed_to, holders, newer_copy
from mekongx.domains.prevention import lists
from mekongx.domains.prevention.minors import identifiers_in
from mekongx.domains.prevention.models import (
    MINOR_BANDS,
    SEARCH_KIND,
    Activity,
    Indicator,
    Outcome,
    Programme,
    Reach,
    Unit,
)
from mekongx.domains.prevention.payloads import (
    SMALL_CELL,
    ProgrammePayload,
    small_group_of_children,
)
from mekongx.errors import FieldProblem, Forbidden, ValidationFailed
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient
from mekongx.model.texts import added_texts, text_columns
from mekongx.validation import parse

KIND = "prevention.programme"
_FIELDS = (
    "uid", "version", "code", "name_th", "name_zh", "name_en", "owner", "country", "target_group",
    "age_from", "age_to", "method", "year_basis", "started", "description", "sources", "language",
    "handling_code", "handling_note", "distribution", "sharing_group", "origin_agency", "author_name",
)  # fmt: skip


def payload(session: Session, programme: Programme) -> dict[str, Any]:
    """The programme as a plain JSON payload: counts and definitions, nothing about a person."""
    data: dict[str, Any] = {name: getattr(programme, name) for name in _FIELDS}
    data.update(added_texts(programme, "name"))  # only when written: older peers read the rest
    data["recipients"] = sorted(
        session.scalars(
            select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == programme.uid)
        )
    )
    data["created_at"] = programme.created_at.isoformat()
    data["updated_at"] = programme.updated_at.isoformat()
    pid = programme.id
    units = list(session.scalars(select(Unit).where(Unit.programme_id == pid).order_by(Unit.id)))
    uid_of = {u.id: u.uid for u in units}
    data["units"] = [
        {"uid": u.uid, "kind": u.kind, "name": u.name, "region": u.region, "district": u.district,
         "award_level": u.award_level, "award_year": u.award_year}
        for u in units
    ]  # fmt: skip
    activities, suppressed = [], 0
    for a in session.scalars(
        select(Activity).where(Activity.programme_id == pid).order_by(Activity.id)
    ):
        participants = a.participants
        if small_group_of_children(programme.age_from, participants):
            participants, suppressed = None, suppressed + 1
        activities.append(
            {"uid": a.uid, "kind": a.kind, "title": a.title, "starts_on": a.starts_on.isoformat(),
             "ends_on": a.ends_on.isoformat(), "unit_uid": uid_of.get(a.unit_id or 0),
             "participants": participants}
        )  # fmt: skip
    data["activities"], reach = activities, []
    for r in session.scalars(select(Reach).where(Reach.programme_id == pid).order_by(Reach.id)):
        if r.age_band in MINOR_BANDS and 0 < r.count < SMALL_CELL:
            suppressed += 1
            continue
        reach.append(
            {"year": r.year, "region": r.region, "measure": r.measure, "age_band": r.age_band,
             "sex": r.sex, "count": r.count, "source": r.source, "verified": r.verified}
        )  # fmt: skip
    data["reach"], data["suppressed_counts"] = reach, suppressed
    indicators = []
    for i in session.scalars(
        select(Indicator).where(Indicator.programme_id == pid).order_by(Indicator.id)
    ):
        outcomes = session.scalars(
            select(Outcome).where(Outcome.indicator_id == i.id).order_by(Outcome.id)
        )
        indicators.append(
            {"uid": i.uid, "code": i.code, "kind": i.kind, "name_th": i.name_th, "name_zh": i.name_zh,
             "name_en": i.name_en, **added_texts(i, "name"), "definition": i.definition, "numerator": i.numerator,
             "denominator": i.denominator, "levels": i.levels.split(),
             "outcomes": [{"year": o.year, "region": o.region, "level": o.level,
                           "numerator": o.numerator, "denominator": o.denominator,
                           "source": o.source, "verified": o.verified} for o in outcomes]}
        )  # fmt: skip
    data["indicators"] = indicators
    return data


def release(session: Session, principal: Principal, programme: Programme) -> None:
    """Send the programme as it stands to the agencies its distribution names (a correction to
    those who hold an earlier version)."""
    if programme.received:
        return
    wanted = holders(session, programme)
    if not wanted:
        return
    had = set(
        session.scalars(
            select(OutboxEntry.to_agency).where(
                OutboxEntry.record_uid == programme.uid, OutboxEntry.kind == KIND
            )
        )
    )
    body = payload(session, programme)
    for type_, to in (("information", wanted - had), ("correction", wanted & had)):
        if to:
            enqueue(session, principal.actor, type=type_, kind=KIND, payload=body, to=sorted(to),
                    handling=programme.handling_code, record_uid=programme.uid,
                    thread=programme.uid, languages=[programme.language])  # fmt: skip


def apply(session: Session, received: Received, raw: Mapping[str, Any]) -> str:
    """Store or refresh the read-only copy of a programme received from its originator."""
    data = parse(ProgrammePayload, {k: v for k, v in raw.items() if k != "kind"})
    sender = received.sender
    existing = session.scalar(select(Programme).where(Programme.uid == data.uid))
    fresh = newer_copy(existing, origin=data.origin_agency, sender=sender, version=data.version)
    if not addressed_to(session, data, received.own_agency):
        raise Forbidden(N_("This programme was not shared with this agency."))
    if not fresh:
        assert existing is not None
        return existing.uid  # a repeat, or older than what we hold
    problems: list[FieldProblem] = identifiers_in(
        (data.description, "description"),
        *((a.title, f"activities.{n}.title") for n, a in enumerate(data.activities)),
        *((t, f"units.{n}.{f}") for n, u in enumerate(data.units)
          for f, t in (("name", u.name), ("region", u.region), ("district", u.district))),
        *((r.source, f"reach.{n}.source") for n, r in enumerate(data.reach)),
        *((i.definition, f"indicators.{n}.definition") for n, i in enumerate(data.indicators)),
        *((o.source, f"indicators.{n}.outcomes.{m}.source") for n, i in enumerate(data.indicators)
          for m, o in enumerate(i.outcomes)),
    )  # fmt: skip
    if problems:
        raise ValidationFailed(problems)
    if existing is not None:
        for model in (Activity, Unit, Reach, Indicator):
            session.execute(delete(model).where(model.programme_id == existing.id))
        session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == existing.uid))
        programme = existing
    else:
        programme = Programme(uid=data.uid, received=True, origin_agency=sender)
        session.add(programme)
    fields = data.model_dump(
        include=(set(_FIELDS) | set(text_columns("name"))) - {"uid", "origin_agency"}
    )
    for name, value in fields.items():
        setattr(programme, name, value)
    programme.sharing_group = data.sharing_group if data.distribution == "group" else None
    programme.created_at, programme.updated_at = data.created_at, data.updated_at
    programme.author_id = None
    session.flush()
    if data.distribution == Distribution.PEERS.value:
        known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.recipients))))
        session.add_all(RecordRecipient(record_uid=programme.uid, agency_code=c)
                        for c in data.recipients if c in known)  # fmt: skip
    _children(session, programme, data)
    lists.index(session, programme)
    record(session, Actor.system(received.own_agency), "prevention.programme.receive", SEARCH_KIND,
           programme.uid, details={"from": sender, "version": data.version})  # fmt: skip
    return programme.uid


def _children(session: Session, programme: Programme, data: ProgrammePayload) -> None:
    units = {u.uid: Unit(programme_id=programme.id, **u.model_dump()) for u in data.units}
    session.add_all(units.values())
    session.flush()
    for a in data.activities:
        found = units.get(a.unit_uid or "")
        session.add(Activity(programme_id=programme.id, unit_id=found.id if found else None,
                             **a.model_dump(exclude={"unit_uid", "notes"})))  # fmt: skip
    session.add_all(Reach(programme_id=programme.id, **c.model_dump()) for c in data.reach)
    for i in data.indicators:
        indicator = Indicator(programme_id=programme.id, levels=" ".join(i.levels),
                              **i.model_dump(exclude={"levels", "outcomes"}))  # fmt: skip
        session.add(indicator)
        session.flush()
        session.add_all(Outcome(indicator_id=indicator.id, **o.model_dump(exclude={"indicator"}))
                        for o in i.outcomes)  # fmt: skip
    session.flush()
