"""The regional picture's totals (``seizure_totals``), kept in step with ``seizures``.

:func:`count` adds (``+1``) or takes away (``-1``) one seizure's part in the same transaction as
the write of its row: the service when a seizure is recorded, the exchange when a copy arrives,
is corrected or is retracted (the old part away before the row changes, the new part after). A
retracted seizure counts nowhere. :func:`rebuild` recomputes the table from ``seizures`` (after
a bulk load that bypassed the service). :func:`visible_totals` is the visibility rule of
``authz.visibility_clause`` over the totals' denormalised holders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, delete, func, insert, literal, or_, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, require
from mekongx.domains.seizures.models import Seizure, SeizureTotal
from mekongx.model.identity import SharingGroupMember
from mekongx.model.record import Distribution, RecordRecipient

KEYS = ("month", "drug", "country", "admin1", "origin_country", "transit_countries",
        "destination_country", "origin_agency", "distribution", "sharing_group", "recipients")  # fmt: skip
SUMS = ("seizures", "grams", "tablets", "located", "latitude_sum", "longitude_sum")


def _recipients(session: Session, seizure: Seizure) -> str:
    if seizure.distribution != Distribution.PEERS.value:
        return ""
    named = sorted(session.scalars(select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == seizure.uid)))  # fmt: skip
    return f",{','.join(named)}," if named else ""


def _grams(kg: Decimal | None) -> int:
    return 0 if kg is None else int((Decimal(kg) * 1000).to_integral_value())


def _key(seizure: Any, recipients: str) -> tuple[Any, ...]:
    return (seizure.seized_on.replace(day=1), seizure.drug, seizure.country, seizure.admin1 or "",
            seizure.origin_country or "", seizure.transit_countries or "",
            seizure.destination_country or "", seizure.origin_agency, seizure.distribution,
            (seizure.sharing_group or "") if seizure.distribution == Distribution.GROUP.value else "",
            recipients)  # fmt: skip


def _part(seizure: Any, sign: int) -> tuple[int, int, int, int, float, float]:
    located = seizure.latitude is not None and seizure.longitude is not None
    return (sign, sign * _grams(seizure.quantity_kg), sign * (seizure.tablets or 0),
            sign if located else 0, sign * (seizure.latitude or 0.0) if located else 0.0,
            sign * (seizure.longitude or 0.0) if located else 0.0)  # fmt: skip


def _add(session: Session, parts: list[tuple[tuple[Any, ...], tuple[Any, ...]]]) -> None:
    """Add each ``(key, sums)`` to its total (a new row where the key has none): one statement,
    executed once per part."""
    if not parts:
        return
    dialect = session.get_bind().dialect.name
    make = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = make(SeizureTotal)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(KEYS),
        set_={name: SeizureTotal.__table__.c[name] + stmt.excluded[name] for name in SUMS},
    )
    session.execute(stmt, [{**dict(zip(KEYS, key, strict=True)), **dict(zip(SUMS, sums, strict=True))}
                           for key, sums in parts])  # fmt: skip


def count(session: Session, seizure: Seizure, sign: int) -> None:
    """Add (``sign=1``) or take away (``sign=-1``) the seizure's part. Call it after the row and
    its recipients are written (adding) or before they change (taking away)."""
    if seizure.status == "retracted":
        return
    key = _key(seizure, _recipients(session, seizure))
    _add(session, [(key, _part(seizure, sign))])
    if sign < 0:
        session.execute(delete(SeizureTotal).where(
            *(getattr(SeizureTotal, k) == v for k, v in zip(KEYS, key, strict=True)), SeizureTotal.seizures <= 0))  # fmt: skip


def count_many(session: Session, seizures: Sequence[Any]) -> None:
    """Add the parts of many new seizures (a bulk import; rows with a seizure's attributes):
    summed per key first, then one statement for all keys, with the same result as
    :func:`count` for each."""
    named: dict[str, list[str]] = {}
    peers = [s.uid for s in seizures if s.distribution == Distribution.PEERS.value]
    for start in range(0, len(peers), 500):
        stmt = select(RecordRecipient.record_uid, RecordRecipient.agency_code).where(
            RecordRecipient.record_uid.in_(peers[start:start + 500]))  # fmt: skip
        for uid, code in session.execute(stmt):
            named.setdefault(uid, []).append(code)
    sums: dict[tuple[Any, ...], list[Any]] = {}
    for seizure in seizures:
        if seizure.status == "retracted":
            continue
        codes = sorted(named.get(seizure.uid, []))
        key = _key(seizure, f",{','.join(codes)}," if codes else "")
        part = _part(seizure, 1)
        held = sums.setdefault(key, [0, 0, 0, 0, 0.0, 0.0])
        for i, value in enumerate(part):
            held[i] += value
    _add(session, [(key, tuple(values)) for key, values in sums.items()])


def rebuild(session: Session) -> int:
    """Recompute every total from ``seizures`` (one grouped scan); how many rows it wrote."""
    session.execute(delete(SeizureTotal))
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        month: Any = func.cast(func.date_trunc("month", Seizure.seized_on), SeizureTotal.month.type)
        names: Any = func.string_agg(RecordRecipient.agency_code, aggregate_order_by(literal(","), RecordRecipient.agency_code))  # fmt: skip
    else:
        month = func.date(Seizure.seized_on, "start of month")
        names = func.group_concat(RecordRecipient.agency_code, ",")
    listed = (
        select(literal(",") + names + literal(","))
        .where(RecordRecipient.record_uid == Seizure.uid)
        .scalar_subquery()
    )
    peers = Seizure.distribution == Distribution.PEERS.value
    located = and_(Seizure.latitude.is_not(None), Seizure.longitude.is_not(None))
    keys = [
        month.label("month"), Seizure.drug, Seizure.country, Seizure.admin1, Seizure.origin_country,
        Seizure.transit_countries, Seizure.destination_country, Seizure.origin_agency, Seizure.distribution,
        case((Seizure.distribution == Distribution.GROUP.value, func.coalesce(Seizure.sharing_group, "")), else_="").label("sharing_group"),
        case((peers, func.coalesce(listed, "")), else_="").label("recipients"),
    ]  # fmt: skip
    sums = [
        func.count(), func.coalesce(func.sum(func.round(Seizure.quantity_kg * 1000)), 0),
        func.coalesce(func.sum(Seizure.tablets), 0), func.count(case((located, 1))),
        func.coalesce(func.sum(case((located, Seizure.latitude))), 0.0),
        func.coalesce(func.sum(case((located, Seizure.longitude))), 0.0),
    ]  # fmt: skip
    grouped = select(*keys, *sums).where(Seizure.status != "retracted").group_by(*keys)
    session.execute(insert(SeizureTotal).from_select([*KEYS, *SUMS], grouped))
    return session.scalar(select(func.count()).select_from(SeizureTotal)) or 0


def visible_totals(principal: Principal) -> ColumnElement[bool]:
    """The totals of seizures held by the principal's agency: its own, those shared with it by
    name, those of a group it belongs to (the rule of ``authz.visibility_clause``)."""
    require(principal, Permission.READ_RECORDS)
    agency = principal.agency
    named = "%," + agency.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + ",%"
    groups = select(SharingGroupMember.group_code).where(SharingGroupMember.agency_code == agency)
    return or_(
        SeizureTotal.origin_agency == agency,
        and_(SeizureTotal.distribution == Distribution.PEERS.value,
             SeizureTotal.recipients.like(named, escape="\\")),
        and_(SeizureTotal.distribution == Distribution.GROUP.value,
             SeizureTotal.sharing_group.in_(groups)),
    )  # fmt: skip


def months(since: date, until: date, today: date) -> tuple[date, date] | None:
    """The whole months inside ``[since, until]`` as (first month, last month), or None. A month
    counts whole when the period reaches its last day, or reaches today (no seizure is dated
    after today: the form, the import and the exchange refuse a date in the future)."""
    first = since if since.day == 1 else _next_month(since)
    last = until.replace(day=1)
    if (until + timedelta(days=1)).day != 1 and until < today:
        last = _previous_month(last)
    return (first, last) if first <= last else None


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
