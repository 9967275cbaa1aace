"""INCB Form D (1988 Convention art. 12(12)): annual figures generated from incident records.

Parts of the form this node can fill from its own records (not from received copies):

* seizures of Table I and Table II substances, by substance: number of seizures and quantity;
* seizures of substances not in the Tables (national or watch lists), by substance;
* seizures of pharmaceutical preparations (ephedrines), separately from the substances;
* seizures by country of origin and of provenance;
* stopped shipments, by substance;
* methods of diversion, by number of incidents;
* methods of illicit manufacture named on incidents (art. 12(12)(c)), by number of incidents,
  with the substances seen with each;
* licit trade: exports this agency notified, by substance and importing country;
* annual legitimate requirements (ALR) of ephedrine, pseudoephedrine, P-2-P and 3,4-MDP-2-P and
  of preparations of the ephedrines (CND resolution 49/3, given through Form D): the agency
  records them here; an estimate stays in force for later years until a newer one is recorded.

Quantities are in the unit INCB expects: litres for liquids and solutions, kilograms for solids,
converted from the unit each record was entered in with the substance's density (a record that
cannot be converted is counted in ``unconverted``, never guessed). The workbook (``formd_workbook``)
labels every heading in English, followed by the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.chemistry import Substance
from mekongx.chemistry.formd import load_vocabulary
from mekongx.chemistry.units import convert, incb_unit
from mekongx.domains.precursors.models import Incident, LegitimateRequirement, Notification
from mekongx.domains.precursors.register import register
from mekongx.domains.precursors.schemas import RequirementInput
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency


@dataclass
class SubstanceLine:
    substance_id: str
    substance: str
    table: str
    cas: str
    incidents: int = 0
    quantity_kg: float = 0.0
    unit: str = "kg"  # the unit INCB expects: litres for liquids, kilograms for solids
    quantity: float = 0.0  # in ``unit``
    unconverted: int = 0  # records whose quantity could not be put in ``unit`` (no density)


@dataclass
class OriginLine:
    """Seizures of one substance by country of origin and of provenance."""

    substance_id: str
    substance: str
    origin_country: str
    provenance_country: str
    incidents: int = 0
    quantity: float = 0.0
    unit: str = "kg"


@dataclass
class TradeLine:
    """Licit trade this agency notified (exports), by substance and importing country."""

    substance_id: str
    substance: str
    table: str
    importer_country: str
    notifications: int = 0
    quantity: float = 0.0
    unit: str = "kg"
    preparations: int = 0


@dataclass
class ManufactureLine:
    """Incidents naming one method of illicit manufacture, with the substances seen with it."""

    method: str
    incidents: int = 0
    substances: list[str] = field(default_factory=list)


@dataclass
class RequirementLine:
    """The annual legitimate requirement in force for the Form D year."""

    substance_id: str
    substance: str
    preparation: bool
    set_for_year: int  # the year the estimate was recorded for (<= the Form D year)
    quantity: float  # as recorded, in ``unit``
    unit: str
    incb_quantity: float | None  # in the unit INCB expects (None: no density to convert)
    incb_unit: str
    note: str = ""


@dataclass
class FormD:
    agency: str
    year: int
    seizures: list[SubstanceLine] = field(default_factory=list)
    other_seizures: list[SubstanceLine] = field(default_factory=list)
    preparations: list[SubstanceLine] = field(default_factory=list)
    origins: list[OriginLine] = field(default_factory=list)
    stopped: list[SubstanceLine] = field(default_factory=list)
    methods: list[tuple[str, int]] = field(default_factory=list)
    manufacture: list[ManufactureLine] = field(default_factory=list)
    licit_trade: list[TradeLine] = field(default_factory=list)
    requirements: list[RequirementLine] = field(default_factory=list)
    incidents: int = 0


def _incb(
    sub: Substance | None, quantity: float | None, unit: str, pct: float | None
) -> float | None:
    if quantity is None:
        return 0.0
    converted = convert(quantity, unit or "kg", sub, pct)
    return converted.incb_value if converted is not None else None


def _add(table: dict[str, SubstanceLine], incident: Incident) -> None:
    sub = register().by_id.get(incident.substance_id)
    key = incident.substance_id or incident.substance_name
    line = table.get(key)
    if line is None:
        line = table[key] = SubstanceLine(
            incident.substance_id,
            sub.name if sub else incident.substance_name,
            sub.table if sub else "",
            (sub.cas or "") if sub else "",
            unit=incb_unit(sub),
        )
    line.incidents += 1
    line.quantity_kg += incident.quantity_kg or 0.0
    value = _incb(sub, incident.quantity, incident.unit, incident.concentration_pct)
    if value is None:
        line.unconverted += 1
    else:
        line.quantity += value


def _add_origin(table: dict[tuple[str, str, str], OriginLine], incident: Incident) -> None:
    sub = register().by_id.get(incident.substance_id)
    key = (
        incident.substance_id or incident.substance_name,
        incident.origin_country,
        incident.provenance_country,
    )
    line = table.get(key)
    if line is None:
        line = table[key] = OriginLine(
            incident.substance_id,
            sub.name if sub else incident.substance_name,
            incident.origin_country,
            incident.provenance_country,
            unit=incb_unit(sub),
        )
    line.incidents += 1
    line.quantity += _incb(sub, incident.quantity, incident.unit, incident.concentration_pct) or 0.0


def form_d(session: Session, principal: Principal, year: int) -> FormD:
    """Form D figures of ``year`` from the incidents and notifications the user's agency
    originated (received copies are another agency's report)."""
    require(principal, Permission.READ_RECORDS)
    stmt = select(Incident).where(
        Incident.origin_agency == principal.agency,
        Incident.received.is_(False),
        Incident.occurred_on >= date(year, 1, 1),
        Incident.occurred_on <= date(year, 12, 31),
    )
    scheduled: dict[str, SubstanceLine] = {}
    other: dict[str, SubstanceLine] = {}
    preparations: dict[str, SubstanceLine] = {}
    origins: dict[tuple[str, str, str], OriginLine] = {}
    stopped: dict[str, SubstanceLine] = {}
    methods: dict[str, int] = {}
    manufacture: dict[str, ManufactureLine] = {}
    count = 0
    for incident in session.scalars(stmt.order_by(Incident.id)):
        count += 1
        sub = register().by_id.get(incident.substance_id)
        if incident.kind == "seizure":
            if incident.preparation:
                _add(preparations, incident)
            else:
                _add(scheduled if sub is not None and sub.table in ("I", "II") else other, incident)
            _add_origin(origins, incident)
        elif incident.kind == "stopped_shipment":
            _add(stopped, incident)
        if incident.diversion_method:
            methods[incident.diversion_method] = methods.get(incident.diversion_method, 0) + 1
        if incident.manufacture_method:
            line = manufacture.setdefault(
                incident.manufacture_method, ManufactureLine(incident.manufacture_method)
            )
            line.incidents += 1
            name = sub.name if sub else incident.substance_name
            if name and name not in line.substances:
                line.substances.append(name)

    def ordered(table: dict[str, SubstanceLine]) -> list[SubstanceLine]:
        return sorted(table.values(), key=lambda s: (s.table or "z", s.substance.casefold()))

    return FormD(
        agency=principal.agency,
        year=year,
        seizures=ordered(scheduled),
        other_seizures=ordered(other),
        preparations=ordered(preparations),
        origins=sorted(
            origins.values(),
            key=lambda o: (o.substance.casefold(), o.origin_country, o.provenance_country),
        ),
        stopped=ordered(stopped),
        methods=sorted(methods.items(), key=lambda m: (-m[1], m[0])),
        manufacture=sorted(manufacture.values(), key=lambda m: (-m.incidents, m.method)),
        licit_trade=_licit_trade(session, principal.agency, year),
        requirements=requirements_in_force(session, principal.agency, year),
        incidents=count,
    )


def requirements_in_force(session: Session, agency: str, year: int) -> list[RequirementLine]:
    """For each ALR substance (and preparation), the agency's latest estimate recorded for
    ``year`` or an earlier year: an ALR stays valid until a new estimate is received (INCB)."""
    stmt = (
        select(LegitimateRequirement)
        .where(LegitimateRequirement.agency == agency, LegitimateRequirement.year <= year)
        .order_by(LegitimateRequirement.year.desc(), LegitimateRequirement.id.desc())
    )
    latest: dict[tuple[str, bool], LegitimateRequirement] = {}
    for row in session.scalars(stmt):
        latest.setdefault((row.substance_id, row.preparation), row)
    order = {sid: i for i, sid in enumerate(load_vocabulary().alr.substances)}
    lines = []
    for (sid, preparation), row in sorted(
        latest.items(), key=lambda item: (order.get(item[0][0], 99), item[0][1])
    ):
        sub = register().by_id.get(sid)
        lines.append(
            RequirementLine(
                substance_id=sid,
                substance=sub.name if sub else sid,
                preparation=preparation,
                set_for_year=row.year,
                quantity=row.quantity,
                unit=row.unit,
                incb_quantity=_incb(sub, row.quantity, row.unit, None),
                incb_unit=incb_unit(sub),
                note=row.note,
            )
        )
    return lines


def set_requirement(
    session: Session, principal: Principal, data: RequirementInput
) -> LegitimateRequirement | None:
    """Record (or withdraw, without a quantity) the agency's ALR of a substance for a year."""
    require(principal, Permission.WRITE_RECORDS)
    row = session.scalars(
        select(LegitimateRequirement)
        .where(
            LegitimateRequirement.agency == principal.agency,
            LegitimateRequirement.year == data.year,
            LegitimateRequirement.substance_id == data.substance_id,
            LegitimateRequirement.preparation.is_(data.preparation),
        )
        .with_for_update()
    ).first()
    details = {
        "year": data.year,
        "substance": data.substance_id,
        "preparation": data.preparation,
        "quantity": data.quantity,
        "unit": data.unit,
        "before": None if row is None else {"quantity": row.quantity, "unit": row.unit},
    }
    key = f"{principal.agency}:{data.year}:{data.substance_id}:{int(data.preparation)}"
    if data.quantity is None:
        if row is not None:
            session.delete(row)
            record(session, principal.actor, "precursors.alr.withdraw", "precursor_alr", key,
                   details=details)  # fmt: skip
        return None
    if row is None:
        row = LegitimateRequirement(
            agency=principal.agency,
            year=data.year,
            substance_id=data.substance_id,
            preparation=data.preparation,
        )
        session.add(row)
    row.quantity, row.unit, row.note = data.quantity, data.unit, data.note
    row.updated_by, row.updated_at = principal.username, utcnow()
    session.flush()
    record(session, principal.actor, "precursors.alr.set", "precursor_alr", key, details=details)
    return row


def _licit_trade(session: Session, agency: str, year: int) -> list[TradeLine]:
    """Exports this agency notified in ``year`` (sent, whatever the answer), by substance and
    importing country, in the unit INCB expects."""
    start = datetime(year, 1, 1, tzinfo=UTC)
    stmt = (
        select(Notification, Agency.country)
        .join(Agency, Agency.code == Notification.importer_agency)
        .where(
            Notification.origin_agency == agency,
            Notification.received.is_(False),
            Notification.sent_at.is_not(None),
            Notification.sent_at >= start,
            Notification.sent_at < start.replace(year=year + 1),
        )
        .order_by(Notification.id)
    )
    lines: dict[tuple[str, str], TradeLine] = {}
    for notification, country in session.execute(stmt):
        sub = register().by_id.get(notification.substance_id)
        key = (notification.substance_id, country)
        line = lines.get(key)
        if line is None:
            line = lines[key] = TradeLine(
                notification.substance_id,
                sub.name if sub else notification.substance_name,
                sub.table if sub else "",
                country,
                unit=incb_unit(sub),
            )
        line.notifications += 1
        line.preparations += int(notification.preparation)
        value = _incb(
            sub,
            notification.quantity
            if notification.quantity is not None
            else notification.quantity_kg,
            notification.unit or "kg",
            notification.concentration_pct,
        )
        line.quantity += value or 0.0
    return sorted(lines.values(), key=lambda t: (t.substance.casefold(), t.importer_country))


# Headings: English first, then the reader's language (INCB works from the English form).
