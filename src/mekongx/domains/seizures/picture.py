"""The regional picture: seizures by drug, country and route for a period, compared with the
period of the same length before it, and the nodes whose records every figure rests on.

Every figure is an aggregate over the seizures the user may see on this node (its agency's own
and the copies peers shared with it, never more), computed in the database over the
``(seized_on, drug, country)`` index."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Principal, visible
from mekongx.domains.seizures.models import SEARCH_KIND, Seizure


@dataclass(frozen=True)
class Filters:
    since: date
    until: date
    drug: str = ""
    country: str = ""

    @property
    def previous(self) -> Filters:
        length = (self.until - self.since).days + 1
        return Filters(self.since - timedelta(days=length), self.since - timedelta(days=1),
                       self.drug, self.country)  # fmt: skip


@dataclass
class Figure:
    seizures: int = 0
    kg: Decimal = Decimal(0)
    tablets: int = 0
    nodes: list[str] = field(default_factory=list)  # the agencies whose records it rests on


@dataclass
class Picture:
    filters: Filters
    total: Figure
    previous: Figure
    by_drug: dict[str, tuple[Figure, Figure]]  # drug: (this period, previous period)
    by_country: dict[str, Figure]
    flows: list[tuple[str, str, str, Figure]]  # origin, transit ("LA,TH"), destination
    places: list[tuple[str, float, float, Figure]]  # admin1, mean latitude, longitude
    nodes: dict[str, int]  # agency: seizures of the period it recorded


def _scope(principal: Principal, filters: Filters) -> Any:
    stmt = visible(principal, Seizure).where(Seizure.seized_on >= filters.since,
                                             Seizure.seized_on <= filters.until)  # fmt: skip
    if filters.drug:
        stmt = stmt.where(Seizure.drug == filters.drug)
    if filters.country:
        stmt = stmt.where(Seizure.country == filters.country)
    return stmt.subquery()


def _figures(session: Session, scoped: Any, *keys: Any) -> dict[tuple[Any, ...], Figure]:
    """Count, kilograms and tablets grouped by ``keys`` and by originating agency."""
    rows = session.execute(
        select(*keys, scoped.c.origin_agency, func.count(), func.coalesce(func.sum(scoped.c.quantity_kg), 0),
               func.coalesce(func.sum(scoped.c.tablets), 0))
        .group_by(*keys, scoped.c.origin_agency)
    )  # fmt: skip
    found: dict[tuple[Any, ...], Figure] = {}
    for row in rows:
        key, (agency, count, kg, tablets) = tuple(row[: len(keys)]), row[len(keys) :]
        figure = found.setdefault(key, Figure())
        figure.seizures += int(count)
        figure.kg += Decimal(kg)
        figure.tablets += int(tablets)
        figure.nodes = sorted({*figure.nodes, agency})
    return found


def _one(found: dict[tuple[Any, ...], Figure]) -> Figure:
    total = Figure()
    for figure in found.values():
        total.seizures += figure.seizures
        total.kg += figure.kg
        total.tablets += figure.tablets
        total.nodes = sorted({*total.nodes, *figure.nodes})
    return total


def picture(
    session: Session, principal: Principal, filters: Filters, *, flows: int = 15
) -> Picture:
    now, before = _scope(principal, filters), _scope(principal, filters.previous)
    drugs_now = _figures(session, now, now.c.drug)
    drugs_before = _figures(session, before, before.c.drug)
    by_drug = {key[0]: (drugs_now.get(key, Figure()), drugs_before.get(key, Figure()))
               for key in sorted({*drugs_now, *drugs_before})}  # fmt: skip
    by_country = {k[0]: f for k, f in sorted(_figures(session, now, now.c.country).items())}
    routes = _figures(
        session, now, now.c.origin_country, now.c.transit_countries, now.c.destination_country
    )
    ranked = sorted(((o, t, d, f) for (o, t, d), f in routes.items() if o or d),
                    key=lambda r: (-r[3].seizures, r[:3]))[:flows]  # fmt: skip
    places = []
    for row in session.execute(
        select(now.c.admin1, func.avg(now.c.latitude), func.avg(now.c.longitude), func.count())
        .where(now.c.latitude.is_not(None)).group_by(now.c.admin1)
    ):  # fmt: skip
        places.append((str(row[0]), float(row[1]), float(row[2]), Figure(seizures=int(row[3]))))
    total = _one(drugs_now)
    counted = select(now.c.origin_agency, func.count()).group_by(now.c.origin_agency)
    nodes = {str(agency): int(count) for agency, count in session.execute(counted)}
    record(session, principal.actor, "seizures.picture", SEARCH_KIND, None,
           details={"since": filters.since.isoformat(), "until": filters.until.isoformat(),
                    "drug": filters.drug, "country": filters.country})  # fmt: skip
    return Picture(filters, total, _one(drugs_before), by_drug, by_country, ranked, places,
                   dict(sorted(nodes.items())))  # fmt: skip


def change(now: int | Decimal, before: int | Decimal) -> str:
    """The change against the previous period, as "+12 %", "−5 %" or "new"."""
    if not before:
        return "" if not now else "new"
    percent = (Decimal(now) - Decimal(before)) * 100 / Decimal(before)
    return f"{'+' if percent >= 0 else '−'}{abs(percent):.0f} %"
