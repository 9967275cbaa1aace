"""Recording, reading and listing seizure reports. One function per action; each takes the
acting user, writes its audit row in the caller's transaction and leaves the commit to the
caller's unit of work. Sharing is in ``exchange``, bulk import in ``tabular``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from mekongx.audit import record, record_read
from mekongx.authz import Permission, Principal, access, can, read_audited, require, visible
from mekongx.authz.listing import Page, page_of, search_of
from mekongx.authz.sharing import check_distribution, set_recipients
from mekongx.domains.search import records as search_records
from mekongx.domains.seizures import exchange, fulltext, reference, totals
from mekongx.domains.seizures.models import SEARCH_KIND, Seizure
from mekongx.domains.seizures.rows import fill, values
from mekongx.domains.seizures.schemas import SeizureFields, SeizureInput
from mekongx.errors import Conflict, FieldProblem, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.record import Distribution, RecordRecipient, new_uid

KIND = SEARCH_KIND
DUPLICATE = N_("This seizure is already reported (%(reference)s of %(date)s).")


@dataclass(frozen=True)
class Filters:
    drug: str = ""
    country: str = ""
    origin: str = ""  # agency
    since: date | None = None
    until: date | None = None


def duplicate_of(session: Session, agency: str, data: SeizureFields) -> Seizure | None:
    """An earlier report of the agency with the same reference, or of the same seizure (date,
    unit of place, drug, quantity and unit)."""
    same = or_(
        Seizure.reference == data.reference,
        (Seizure.seized_on == data.seized_on) & (Seizure.country == data.country)
        & (Seizure.admin1 == data.admin1) & (Seizure.drug == data.drug)
        & (Seizure.quantity == data.quantity) & (Seizure.unit == data.unit),
    )  # fmt: skip
    return session.scalars(
        select(Seizure).where(Seizure.origin_agency == agency, same).limit(1)
    ).first()


def duplicate_problem(found: Seizure) -> FieldProblem:
    return FieldProblem("reference", DUPLICATE, {"reference": found.reference,
                                                 "date": found.seized_on.isoformat()})  # fmt: skip


def create_seizure(session: Session, principal: Principal, data: SeizureInput) -> Seizure:
    """Record a seizure of the user's agency. Sharing beyond the agency is a liaison officer's
    (release permission); the copy goes to the distribution's agencies at once."""
    require(principal, Permission.WRITE_RECORDS)
    problems = check_distribution(session, principal, data, release=True)
    if (found := duplicate_of(session, principal.agency, data)) is not None:
        problems.append(duplicate_problem(found))
    if problems:
        raise ValidationFailed(problems)
    seizure = Seizure(origin_agency=principal.agency, author_id=principal.user_id,
                      author_name=principal.display_name)  # fmt: skip
    fill(seizure, data)
    session.add(seizure)
    session.flush()
    set_recipients(session, seizure, data)
    fulltext.index(session, seizure)
    session.flush()
    totals.count(session, seizure, 1)
    record(session, principal.actor, "seizures.create", KIND, seizure.uid,
           details={"drug": data.drug, "country": data.country,
                    "distribution": data.distribution})  # fmt: skip
    exchange.release(session, principal, seizure)
    return seizure


SameSeizure = tuple[date, str, str, str, Decimal, str]


def same_seizure(data: SeizureFields | Seizure) -> SameSeizure:
    """What makes two reports one seizure: date, country, first-level unit, drug, quantity and
    unit (``duplicate_of``'s second test)."""
    return (data.seized_on, data.country, data.admin1 or "", data.drug, Decimal(data.quantity),
            data.unit)  # fmt: skip


def reported(session: Session, agency: str, since: date, until: date) -> tuple[set[str], set[SameSeizure]]:  # fmt: skip
    """The agency's references, and its seizures between two dates as ``same_seizure`` keys:
    what a bulk import checks its rows against in memory (one query each, not one per row)."""
    references = set(session.scalars(select(Seizure.reference).where(Seizure.origin_agency == agency)))  # fmt: skip
    columns = (Seizure.seized_on, Seizure.country, Seizure.admin1, Seizure.drug, Seizure.quantity, Seizure.unit)  # fmt: skip
    rows = session.execute(select(*columns).where(
        Seizure.origin_agency == agency, Seizure.seized_on >= since, Seizure.seized_on <= until))  # fmt: skip
    return references, {(d, c, a or "", g, Decimal(q), u) for d, c, a, g, q, u in rows}


def record_many(session: Session, principal: Principal, items: list[SeizureInput], source: str) -> int:  # fmt: skip
    """Record many checked seizures at once (a bulk import; the caller checked every row, its
    distribution and its duplicates): the same rows, recipients, search documents, picture
    totals and sharing as :func:`create_seizure` one by one, written as a few bulk statements
    per 2,000 rows (no object per row unless the rows are shared), and one audit row for the
    whole import (the file, how many, the first and last reference; each row keeps its author
    and time). How many were recorded."""
    require(principal, Permission.WRITE_RECORDS)
    for start in range(0, len(items), 2000):
        part = items[start : start + 2000]
        rows = [{"uid": new_uid(), "origin_agency": principal.agency, "author_id": principal.user_id,
                 "author_name": principal.display_name, "status": "active", **values(data)}
                for data in part]  # fmt: skip
        session.execute(insert(Seizure), rows)
        named = [{"record_uid": row["uid"], "agency_code": code} for row, data in zip(rows, part, strict=True)
                 if data.distribution == Distribution.PEERS.value for code in data.recipients]  # fmt: skip
        if named:
            session.execute(insert(RecordRecipient), named)
        made = [SimpleNamespace(**row) for row in rows]
        fulltext.index_many(session, made)
        totals.count_many(session, made)
        shared = [row["uid"] for row in rows if row["distribution"] != Distribution.OWN.value]
        if shared:  # a new report kept in the agency goes nowhere
            for seizure in session.scalars(select(Seizure).where(Seizure.uid.in_(shared))):
                exchange.release(session, principal, seizure)
    if items:
        record(session, principal.actor, "seizures.import", KIND, None,
               details={"file": source[:200], "count": len(items), "first": items[0].reference,
                        "last": items[-1].reference, "distribution": items[0].distribution})  # fmt: skip
    return len(items)


def correct_seizure(
    session: Session, principal: Principal, ident: int | str, data: SeizureInput
) -> Seizure:
    """The originator corrects its report: a new version, its old part out of the picture's
    totals and the new one in, in the same transaction; every agency that holds a copy gets the
    correction, agencies the distribution now adds get the report, and those it no longer names
    a retraction (``exchange.release``)."""
    seizure = access(session, principal, Seizure, ident, "write", for_update=True)
    if seizure.status == "retracted":
        raise Conflict(N_("This seizure report is retracted."))
    problems = check_distribution(session, principal, data, release=True)
    found = duplicate_of(session, principal.agency, data)
    if found is not None and found.id != seizure.id:
        problems.append(duplicate_problem(found))
    if problems:
        raise ValidationFailed(problems)
    totals.count(session, seizure, -1)
    fill(seizure, data)
    seizure.version += 1
    seizure.updated_at = utcnow()
    set_recipients(session, seizure, data)
    fulltext.index(session, seizure)
    session.flush()
    totals.count(session, seizure, 1)
    record(session, principal.actor, "seizures.correct", KIND, seizure.uid,
           details={"version": seizure.version, "distribution": data.distribution})  # fmt: skip
    exchange.release(session, principal, seizure)
    return seizure


def retract_seizure(
    session: Session, principal: Principal, ident: int | str, reason: str
) -> Seizure:
    """The originator withdraws its report: it leaves the picture's totals here and on every
    node that holds a copy (the retraction goes to each of them and is acknowledged)."""
    reason = reason.strip()
    if not reason or len(reason) > 2000:
        raise ValidationFailed([FieldProblem("reason", N_("Say why the seizure report is retracted (up to 2,000 characters)."))])  # fmt: skip
    seizure = access(session, principal, Seizure, ident, "write", for_update=True)
    if seizure.status == "retracted":
        raise Conflict(N_("This seizure report is retracted."))
    totals.count(session, seizure, -1)
    seizure.status, seizure.status_note = "retracted", reason
    seizure.version += 1
    seizure.updated_at = utcnow()
    fulltext.index(session, seizure)
    record(session, principal.actor, "seizures.retract", KIND, seizure.uid, why=reason)
    exchange.retract(session, principal, seizure)
    return seizure


def read_seizure(session: Session, principal: Principal, ident: int | str) -> Seizure:
    return read_audited(session, principal, Seizure, ident, "seizures.read", KIND)


def _filtered(principal: Principal, filters: Filters) -> Any:
    stmt = visible(principal, Seizure)
    if filters.drug:
        stmt = stmt.where(Seizure.drug == filters.drug)
    if filters.country:
        stmt = stmt.where(Seizure.country == filters.country)
    if filters.origin:
        stmt = stmt.where(Seizure.origin_agency == filters.origin)
    if filters.since:
        stmt = stmt.where(Seizure.seized_on >= filters.since)
    if filters.until:
        stmt = stmt.where(Seizure.seized_on <= filters.until)
    return stmt


def list_seizures(
    session: Session,
    principal: Principal,
    filters: Filters,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
    columns: Sequence[Any] = (),
) -> Page[Any]:
    """Seizures visible to the user, the latest seized first (``authz.listing``); with
    ``columns``, rows of those columns instead of seizures."""
    found = page_of(session, _filtered(principal, filters), Seizure, page=page, per_page=per_page,
                    after=after, before=before, order=(Seizure.seized_on,), columns=columns)  # fmt: skip
    record_read(session, principal.actor, "seizures.list", KIND, None,
                details={"page": page, "drug": filters.drug, "country": filters.country})  # fmt: skip
    return found


def nationalities_of(seizure: Seizure) -> dict[str, int]:
    found: dict[str, int] = json.loads(seizure.nationalities or "{}")
    return found


def district_name(seizure: Seizure, lang: str) -> str:
    """The seizure's district in the reader's language where the reference has it (a coded
    district), else as written."""
    found = reference.district(seizure.country, seizure.admin2_code) if seizure.admin2_code else None  # fmt: skip
    return found.name(lang) if found is not None else seizure.admin2


def links_of(
    session: Session, principal: Principal, seizure: Seizure
) -> list[search_records.Reference]:
    """The linked records this user may see (others are as if they did not exist)."""
    refs = [(link["kind"], link["uid"]) for link in json.loads(seizure.links or "[]")]
    found = search_records.resolve_many(session, principal, refs)
    return [found[ref] for ref in refs if ref in found]


def can_record(principal: Principal) -> bool:
    return can(principal, Permission.WRITE_RECORDS).allowed


def search(session: Session, principal: Principal, query: str, limit: int) -> list[Seizure]:
    """Seizures whose reference, place, district, markings, concealment or remarks hold every
    word of ``query`` (any script), best first, visible ones only (``authz.listing``)."""
    return search_of(session, visible(principal, Seizure), Seizure, query, KIND, limit=limit)
