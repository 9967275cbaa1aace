"""Browsing the shipped register and the national listings this node adds beside it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.chemistry import Register, Substance, load_register, substance_label
from mekongx.domains.precursors.models import NationalListing
from mekongx.domains.precursors.schemas import ListingInput
from mekongx.errors import NotFound
from mekongx.i18n import N_

_TABLE_ORDER = {"I": 0, "II": 1, "national": 2, "watch": 3}


def register() -> Register:
    """The packaged register (loaded and validated once per process)."""
    return load_register()


@dataclass(frozen=True)
class Lookalike:
    name: str
    cas: str
    note: str


@dataclass(frozen=True)
class SourceRef:
    key: str
    title: str
    publisher: str
    date: str
    url: str
    reliability: str


def substance(substance_id: str) -> Substance:
    found = register().by_id.get(substance_id)
    if found is None:
        raise NotFound(N_("No such substance in the register."))
    return found


def local_name(sub: Substance, lang: str) -> str:
    """The substance's first name in ``lang`` (Thai or Chinese), or its English name."""
    return substance_label(sub, lang)


def local_names(lang: str) -> dict[str, str]:
    return {sub.id: local_name(sub, lang) for sub in register().substances}


def _haystack(sub: Substance) -> str:
    parts = [sub.id, sub.name, sub.cas or "", sub.hs.code, sub.hs.code6, *sub.en, *sub.abbr]
    parts += [*sub.zh, *(t.name for t in sub.th), *(s.name for s in sub.salts)]
    parts += [s.cas for s in sub.salts if s.cas]
    return "\n".join(parts).casefold()


def search(query: str = "", table: str = "") -> list[Substance]:
    """Substances whose names (any language), CAS or HS code contain ``query``."""
    needle = query.strip().casefold()
    found = [
        sub
        for sub in register().substances
        if (not table or sub.table == table) and (not needle or needle in _haystack(sub))
    ]
    return sorted(found, key=lambda s: (_TABLE_ORDER.get(s.table, 9), s.name.casefold()))


def lookalikes_of(sub: Substance) -> list[Lookalike]:
    """Lawful chemicals that must not be confused with ``sub`` (register notes and entries)."""
    items = [Lookalike(text, "", "") for text in sub.lookalikes]
    items += [
        Lookalike(la.en[0] if la.en else la.id, la.cas or "", la.note)
        for la in register().lookalikes
        if la.resembles == sub.id
    ]
    return items


def sources_of(sub: Substance) -> list[SourceRef]:
    keys = list(dict.fromkeys([*sub.sources, *(li.source for li in sub.listings), sub.hs.source]))
    table = register().sources
    return [
        SourceRef(k, s.title, s.publisher, s.date, s.url, s.reliability)
        for k in keys
        if (s := table.get(k)) is not None
    ]


def listings_for(session: Session, substance_id: str | None = None) -> list[NationalListing]:
    stmt = select(NationalListing).order_by(NationalListing.country, NationalListing.listed_on)
    if substance_id is not None:
        stmt = stmt.where(NationalListing.substance_id == substance_id)
    return list(session.scalars(stmt))


def listings_by_substance(session: Session) -> dict[str, list[NationalListing]]:
    out: dict[str, list[NationalListing]] = {}
    for listing in listings_for(session):
        out.setdefault(listing.substance_id, []).append(listing)
    return out


def add_listing(
    session: Session, principal: Principal, substance_id: str, data: ListingInput
) -> NationalListing:
    """An administrator records a national listing (country, category, date, source)."""
    require(principal, Permission.MANAGE_AGENCIES)
    sub = substance(substance_id)
    listing = NationalListing(
        substance_id=sub.id,
        country=data.country,
        category=data.category,
        listed_on=data.listed_on,
        source=data.source,
        note=data.note,
        agency=principal.agency,
        created_by=principal.username,
    )
    session.add(listing)
    session.flush()
    record(
        session,
        principal.actor,
        "precursors.listing.add",
        "precursor_listing",
        listing.id,
        details={
            "substance": sub.id,
            "country": data.country,
            "category": data.category,
            "listed_on": data.listed_on.isoformat(),
        },
    )
    return listing
