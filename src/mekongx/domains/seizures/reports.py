"""Seizure tables as UNODC's Annual Report Questionnaire asks them (Part III, drug seizures:
the agency's own seizures of a year by drug, and by origin, transit and destination) and as the
ASEAN ADMN half-year tables lay them out (seizures of the region by country and drug, arrests by
nationality), built as one ``mekongx.documents.Document`` and rendered as xlsx or PDF.

The ARQ is a country's return: only the agency's own seizures. The ADMN tables cover what this
node holds (its own and what peers shared); a received H3 record is never exported and is left
out, said in the document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from mekongx.audit import record_read
from mekongx.authz import Principal, visible
from mekongx.documents import (
    Column,
    Document,
    Heading,
    Lang,
    Number,
    Paragraph,
    Table,
    to_pdf,
    to_xlsx,
)
from mekongx.domains.seizures import reference, service
from mekongx.domains.seizures.models import SEARCH_KIND, Seizure
from mekongx.i18n import LANGUAGE_CODES, countries, translator

REPORT_LANGUAGES = LANGUAGE_CODES  # every language (drug names without one read English)
FORMATS: dict[str, tuple[str, Callable[[Document], bytes]]] = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
    "pdf": ("application/pdf", to_pdf),
}


def _rows(
    session: Session, principal: Principal, since: date, until: date, own: bool
) -> list[Seizure]:
    stmt = visible(principal, Seizure).where(Seizure.seized_on >= since, Seizure.seized_on <= until)
    if own:
        stmt = stmt.where(Seizure.origin_agency == principal.agency, Seizure.received.is_(False))
    found = list(session.scalars(stmt.order_by(Seizure.seized_on)))
    return [s for s in found if not (s.received and s.handling_code == "H3")]


def _handling(rows: list[Seizure]) -> str:
    return max((s.handling_code for s in rows), default="H0")


def _sums(rows: list[Seizure]) -> tuple[int, Decimal, int, Decimal]:
    kg = sum((s.quantity_kg or Decimal(0) for s in rows), Decimal(0))
    litres = sum((s.quantity for s in rows if s.unit == "l"), Decimal(0))
    return len(rows), kg, sum(s.tablets or 0 for s in rows), litres


def _country(lang: str) -> Callable[[str], str]:
    names = dict(countries.names(lang))
    return lambda code: names.get(code, code) if code else "—"


def arq(session: Session, principal: Principal, year: int, lang: Lang, agency: str) -> Document:
    """ARQ Part III tables of the agency's seizures in ``year``."""
    _ = translator(lang)
    rows = _rows(session, principal, date(year, 1, 1), date(year, 12, 31), own=True)
    drugs, country = reference.drugs(), _country(lang)
    by_drug: dict[str, list[Seizure]] = defaultdict(list)
    by_route: dict[tuple[str, str, str, str], list[Seizure]] = defaultdict(list)
    for s in rows:
        by_drug[s.drug].append(s)
        by_route[(s.drug, s.origin_country, s.transit_countries, s.destination_country)].append(s)
    sums = [_sums(by_drug[code]) for code in drugs]
    doc = Document(title=_("Annual Report Questionnaire, Part III: drug seizures"), lang=lang, agency=agency,
                   handling=_handling(rows), lines=[_("Year %(year)s", year=year)], date=date.today())  # fmt: skip
    doc.add(
        Paragraph(_("The seizures recorded by %(agency)s, by drug (UNODC categories).", agency=principal.agency)),
        Table([Column(_("Drug"), 2), Column(_("ARQ line"), 2), _("Seizure cases"), _("Quantity (kg)"), _("Tablets"), _("Litres")],
              [[drugs[code].name(lang), drugs[code].arq, n, Number(kg, 3), Number(tablets), Number(litres, 3)]
               for code, (n, kg, tablets, litres) in zip(drugs, sums, strict=True) if n],
              title=_("Seizures by drug"), sheet="ARQ III-1"),
        Heading(_("Seizures by origin, transit and destination")),
        Table([Column(_("Drug"), 2), _("Country of origin"), _("Transit"), _("Country of destination"), _("Seizure cases"), _("Quantity (kg)"), _("Tablets")],
              [[drugs[d].name(lang), country(o), ", ".join(country(c) for c in t.split(",") if c) or "—", country(dest), *_sums(found)[:3]]
               for (d, o, t, dest), found in sorted(by_route.items())],
              title=_("Seizures by origin, transit and destination"), sheet="ARQ III-2"),
    )  # fmt: skip
    record_read(session, principal.actor, "seizures.arq", SEARCH_KIND, None, details={"year": year, "seizures": len(rows)})  # fmt: skip
    return doc


def admn(
    session: Session, principal: Principal, year: int, half: int, lang: Lang, agency: str
) -> Document:
    """ADMN-style tables of the half-year: seizures by country and drug, arrests by nationality."""
    _ = translator(lang)
    since, until = (
        (date(year, 1, 1), date(year, 6, 30))
        if half == 1
        else (date(year, 7, 1), date(year, 12, 31))
    )
    rows = _rows(session, principal, since, until, own=False)
    drugs, country = reference.drugs(), _country(lang)
    cells: dict[tuple[str, str], list[Seizure]] = defaultdict(list)
    arrested: dict[tuple[str, str], int] = defaultdict(int)
    agencies: dict[str, int] = defaultdict(int)
    for s in rows:
        cells[(s.country, s.drug)].append(s)
        agencies[s.origin_agency] += 1
        for nationality, n in service.nationalities_of(s).items():
            arrested[(s.country, nationality)] += n
    rests_on = ", ".join(f"{a} ({n})" for a, n in sorted(agencies.items())) or "—"
    doc = Document(title=_("Drug seizures of the region, half-year tables (ADMN)"), lang=lang, agency=agency,
                   handling=_handling(rows), date=date.today(),
                   lines=[_("%(since)s to %(until)s", since=since.isoformat(), until=until.isoformat()),
                          _("Records of: %(agencies)s", agencies=rests_on)])  # fmt: skip
    doc.add(
        Paragraph(_("Seizures this node holds: its agency's own and what peers shared with it. Received records under H3 are never exported and are left out.")),
        Table([_("Country"), Column(_("Drug"), 2), _("Seizure cases"), _("Quantity (kg)"), _("Tablets")],
              [[country(c), drugs[d].name(lang), *_sums(found)[:3]] for (c, d), found in sorted(cells.items())],
              title=_("Seizures by country and drug"), sheet="ADMN-1"),
        Table([_("Country of seizure"), _("Nationality"), _("Persons arrested")],
              [[country(c), country(nat), n] for (c, nat), n in sorted(arrested.items())],
              title=_("Arrests by nationality"), sheet="ADMN-2"),
    )  # fmt: skip
    record_read(session, principal.actor, "seizures.admn", SEARCH_KIND, None,
                details={"year": year, "half": half, "seizures": len(rows)})  # fmt: skip
    return doc
