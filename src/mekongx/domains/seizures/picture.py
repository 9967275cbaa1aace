"""The regional picture: seizures by drug, country and route for a period, compared with the
period of the same length before it, and the nodes whose records every figure rests on.

Every figure is an aggregate over the seizures the user may see on this node (its agency's own
and the copies peers shared with it, never more; retracted ones count nowhere): per period, the
whole months are read from the totals kept as seizures are written (``totals.py``, visibility
decided on them as on the rows), the days at either edge by one grouped scan of their rows; the
breakdowns are summed from those groups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.audit import record_read
from mekongx.authz import Principal, visible
from mekongx.domains.seizures import totals
from mekongx.domains.seizures.models import SEARCH_KIND, Seizure, SeizureTotal


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


_KEYS = ("drug", "country", "origin_country", "transit_countries", "destination_country",
         "admin1", "origin_agency")  # fmt: skip


def _scan(session: Session, principal: Principal, filters: Filters) -> list[Any]:
    """One grouped scan of the period's visible seizures (the rows themselves)."""
    stmt = visible(principal, Seizure).where(Seizure.seized_on >= filters.since,
                                             Seizure.seized_on <= filters.until,
                                             Seizure.status != "retracted")  # fmt: skip
    if filters.drug:
        stmt = stmt.where(Seizure.drug == filters.drug)
    if filters.country:
        stmt = stmt.where(Seizure.country == filters.country)
    keys = [getattr(Seizure, k) for k in _KEYS]
    stmt = stmt.with_only_columns(
        *keys, func.count(), func.coalesce(func.sum(Seizure.quantity_kg), 0),
        func.coalesce(func.sum(Seizure.tablets), 0), func.count(Seizure.latitude),
        func.coalesce(func.sum(Seizure.latitude), 0), func.coalesce(func.sum(Seizure.longitude), 0),
    ).group_by(*keys)  # fmt: skip
    return list(session.execute(stmt))


def _totals(session: Session, principal: Principal, filters: Filters, first: date, last: date) -> list[Any]:  # fmt: skip
    """The same groups for whole months, from the totals kept as seizures are written."""
    stmt = select(*(getattr(SeizureTotal, k) for k in _KEYS), func.sum(SeizureTotal.seizures),
                  func.sum(SeizureTotal.grams), func.sum(SeizureTotal.tablets), func.sum(SeizureTotal.located),
                  func.sum(SeizureTotal.latitude_sum), func.sum(SeizureTotal.longitude_sum))  # fmt: skip
    stmt = stmt.where(
        totals.visible_totals(principal), SeizureTotal.month >= first, SeizureTotal.month <= last
    )
    if filters.drug:
        stmt = stmt.where(SeizureTotal.drug == filters.drug)
    if filters.country:
        stmt = stmt.where(SeizureTotal.country == filters.country)
    stmt = stmt.group_by(*(getattr(SeizureTotal, k) for k in _KEYS))
    return [(*row[:8], Decimal(row[8]) / 1000, *row[9:]) for row in session.execute(stmt)]


def _groups(session: Session, principal: Principal, filters: Filters, scan: bool) -> list[Any]:
    """The period's groups: whole months from the totals, the days before the first and after
    the last whole month by a scan of their rows (``scan``: every day by a scan, as before the
    totals were kept; the benchmark and the tests compare the two)."""
    whole = None if scan else totals.months(filters.since, filters.until, date.today())
    if whole is None:
        return _scan(session, principal, filters)
    first, last = whole
    found = _totals(session, principal, filters, first, last)
    if filters.since < first:
        found += _scan(session, principal, Filters(filters.since, first - timedelta(days=1), filters.drug, filters.country))  # fmt: skip
    after = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    if after <= filters.until:
        found += _scan(session, principal, Filters(after, filters.until, filters.drug, filters.country))  # fmt: skip
    return found


def _add(found: dict[Any, Figure], key: Any, row: Any) -> None:
    figure = found.setdefault(key, Figure())
    figure.seizures += int(row[7])
    figure.kg += Decimal(row[8])
    figure.tablets += int(row[9])
    if row[6] not in figure.nodes:
        figure.nodes = sorted({*figure.nodes, row[6]})


def _one(found: dict[Any, Figure]) -> Figure:
    total = Figure()
    for figure in found.values():
        total.seizures += figure.seizures
        total.kg += figure.kg
        total.tablets += figure.tablets
        total.nodes = sorted({*total.nodes, *figure.nodes})
    return total


def picture(
    session: Session, principal: Principal, filters: Filters, *, flows: int = 15, scan: bool = False
) -> Picture:
    drugs_now: dict[Any, Figure] = {}
    drugs_before: dict[Any, Figure] = {}
    countries: dict[Any, Figure] = {}
    routes: dict[Any, Figure] = {}
    located: dict[str, list[float]] = {}
    nodes: dict[str, int] = {}
    for row in _groups(session, principal, filters, scan):
        _add(drugs_now, row[0], row)
        _add(countries, row[1], row)
        if row[2] or row[4]:
            _add(routes, (row[2], row[3], row[4]), row)
        nodes[row[6]] = nodes.get(row[6], 0) + int(row[7])
        if row[10]:
            where = located.setdefault(str(row[5]), [0, 0.0, 0.0])
            where[0] += int(row[10])
            where[1] += float(row[11])
            where[2] += float(row[12])
    for row in _groups(session, principal, filters.previous, scan):
        _add(drugs_before, row[0], row)
    by_drug = {key: (drugs_now.get(key, Figure()), drugs_before.get(key, Figure()))
               for key in sorted({*drugs_now, *drugs_before})}  # fmt: skip
    ranked = sorted(((o, t, d, f) for (o, t, d), f in routes.items()),
                    key=lambda r: (-r[3].seizures, r[:3]))[:flows]  # fmt: skip
    places = [
        (unit, lat / n, lon / n, Figure(seizures=int(n)))
        for unit, (n, lat, lon) in sorted(located.items())
    ]
    record_read(session, principal.actor, "seizures.picture", SEARCH_KIND, None,
                details={"since": filters.since.isoformat(), "until": filters.until.isoformat(),
                    "drug": filters.drug, "country": filters.country})  # fmt: skip
    return Picture(filters, _one(drugs_now), _one(drugs_before), by_drug, dict(sorted(countries.items())),
                   ranked, places, dict(sorted(nodes.items())))  # fmt: skip


def change(now: int | Decimal, before: int | Decimal) -> str:
    """The change against the previous period, as "+12 %", "−5 %" or "new"."""
    if not before:
        return "" if not now else "new"
    percent = (Decimal(now) - Decimal(before)) * 100 / Decimal(before)
    return f"{'+' if percent >= 0 else '−'}{abs(percent):.0f} %"
