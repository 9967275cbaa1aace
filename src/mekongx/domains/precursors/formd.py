"""INCB Form D (1988 Convention art. 12(12)): annual figures generated from incident records.

Part of the form this node can fill from its own records (not from received copies):

* seizures of Table I and Table II substances, by substance: number of seizures and quantity;
* seizures of substances not in the Tables (national or watch lists), by substance;
* stopped shipments, by substance;
* methods of diversion, by number of incidents.

Quantities are in kilograms as recorded (volumes were converted at entry). The workbook labels
every heading in English, followed by the reader's language.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.domains.precursors.labels import DIVERSION_METHODS, TABLES
from mekongx.domains.precursors.models import Incident
from mekongx.domains.precursors.register import register
from mekongx.i18n import N_, translator


@dataclass
class SubstanceLine:
    substance_id: str
    substance: str
    table: str
    cas: str
    incidents: int = 0
    quantity_kg: float = 0.0


@dataclass
class FormD:
    agency: str
    year: int
    seizures: list[SubstanceLine] = field(default_factory=list)
    other_seizures: list[SubstanceLine] = field(default_factory=list)
    stopped: list[SubstanceLine] = field(default_factory=list)
    methods: list[tuple[str, int]] = field(default_factory=list)
    incidents: int = 0


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
        )
    line.incidents += 1
    line.quantity_kg += incident.quantity_kg or 0.0


def form_d(session: Session, principal: Principal, year: int) -> FormD:
    """Form D figures of ``year`` from the incidents the user's agency originated."""
    require(principal, Permission.READ_RECORDS)
    stmt = select(Incident).where(
        Incident.origin_agency == principal.agency,
        Incident.received.is_(False),
        Incident.occurred_on >= date(year, 1, 1),
        Incident.occurred_on <= date(year, 12, 31),
    )
    scheduled: dict[str, SubstanceLine] = {}
    other: dict[str, SubstanceLine] = {}
    stopped: dict[str, SubstanceLine] = {}
    methods: dict[str, int] = {}
    count = 0
    for incident in session.scalars(stmt.order_by(Incident.id)):
        count += 1
        sub = register().by_id.get(incident.substance_id)
        if incident.kind == "seizure":
            _add(scheduled if sub is not None and sub.table in ("I", "II") else other, incident)
        elif incident.kind == "stopped_shipment":
            _add(stopped, incident)
        if incident.diversion_method:
            methods[incident.diversion_method] = methods.get(incident.diversion_method, 0) + 1

    def ordered(table: dict[str, SubstanceLine]) -> list[SubstanceLine]:
        return sorted(table.values(), key=lambda s: (s.table or "z", s.substance.casefold()))

    return FormD(
        agency=principal.agency,
        year=year,
        seizures=ordered(scheduled),
        other_seizures=ordered(other),
        stopped=ordered(stopped),
        methods=sorted(methods.items(), key=lambda m: (-m[1], m[0])),
        incidents=count,
    )


# Headings: English first, then the reader's language (INCB works from the English form).
TITLE = N_("Form D: annual information on substances frequently used in illicit manufacture")
PART_SEIZURES = N_("Seizures of substances in Tables I and II")
PART_OTHER = N_("Seizures of substances not in Tables I and II")
PART_STOPPED = N_("Stopped shipments")
PART_METHODS = N_("Methods of diversion")
COLUMNS = (N_("Substance"), N_("Table"), N_("CAS number"), N_("Number of seizures"))
QUANTITY = N_("Quantity (kg)")
METHOD = N_("Method")
INCIDENTS = N_("Number of incidents")
AGENCY_YEAR = N_("Reporting agency %(agency)s, year %(year)s")


def heading(text: str, lang: str, **params: object) -> str:
    english = text % params if params else text
    if lang == "en":
        return english
    return f"{english} / {translator(lang)(text, **params)}"


def form_d_xlsx(session: Session, principal: Principal, formd: FormD) -> bytes:
    """The figures as an .xlsx workbook (one sheet); the export is audited."""
    require(principal, Permission.EXPORT)
    lang = principal.language
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Form D"
    bold = Font(bold=True)
    sheet.append([heading(TITLE, lang)])
    sheet.append([heading(AGENCY_YEAR, lang, agency=formd.agency, year=formd.year)])
    sheet["A1"].font = bold

    def part(title: str, lines: list[SubstanceLine]) -> None:
        sheet.append([])
        sheet.append([heading(title, lang)])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append([heading(c, lang) for c in (*COLUMNS, QUANTITY)])
        for line in lines:
            sheet.append(
                [
                    line.substance,
                    heading(TABLES.get(line.table, line.table), lang),
                    line.cas,
                    line.incidents,
                    round(line.quantity_kg, 3),
                ]
            )

    part(PART_SEIZURES, formd.seizures)
    part(PART_OTHER, formd.other_seizures)
    part(PART_STOPPED, formd.stopped)
    sheet.append([])
    sheet.append([heading(PART_METHODS, lang)])
    sheet.cell(sheet.max_row, 1).font = bold
    sheet.append([heading(METHOD, lang), heading(INCIDENTS, lang)])
    for method, count in formd.methods:
        sheet.append([heading(DIVERSION_METHODS.get(method, method), lang), count])
    for column, width in zip("ABCDE", (48, 30, 14, 18, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    record(
        session,
        principal.actor,
        "precursors.formd.export",
        "precursor_formd",
        formd.year,
        details={"incidents": formd.incidents, "language": lang},
    )
    return buffer.getvalue()
