"""INCB Form D as an .xlsx workbook: every heading in English, followed by the reader's
language; the figures come from ``formd.form_d``."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy.orm import Session

from mekongx.audit import record_read
from mekongx.authz import Permission, Principal, require
from mekongx.domains.precursors.formd import FormD, SubstanceLine
from mekongx.domains.precursors.labels import DIVERSION_METHODS, MANUFACTURE_METHODS, TABLES
from mekongx.i18n import N_, translator
from mekongx.tabular import safe_cell

TITLE = N_("Form D: annual information on substances frequently used in illicit manufacture")
PART_SEIZURES = N_("Seizures of substances in Tables I and II")
PART_OTHER = N_("Seizures of substances not in Tables I and II")
PART_PREPARATIONS = N_("Seizures of pharmaceutical preparations")
PART_ORIGINS = N_("Seizures by country of origin and of provenance")
PART_STOPPED = N_("Stopped shipments")
PART_METHODS = N_("Methods of diversion")
PART_TRADE = N_("Licit trade: exports notified by this agency")
PART_MANUFACTURE = N_("Methods of illicit manufacture")
PART_REQUIREMENTS = N_("Annual legitimate requirements (ALR)")
SUBSTANCES_SEEN = N_("Substances seen")
FORM = N_("Form")
RAW_MATERIAL = N_("Raw material")
OF_PREPARATIONS = N_("Preparations")
ESTIMATE_YEAR = N_("Estimate recorded for year")
AS_RECORDED = N_("As recorded")
NOTE = N_("Note")
COLUMNS = (N_("Substance"), N_("Table"), N_("CAS number"), N_("Number of seizures"))
QUANTITY = N_("Quantity")
UNIT = N_("Unit (litres for liquids, kg for solids)")
QUANTITY_KG = N_("Quantity (kg)")
UNCONVERTED = N_("Records without a density (not converted)")
ORIGIN = N_("Country of origin")
PROVENANCE = N_("Country of provenance")
IMPORTER = N_("Importing country")
NOTIFICATIONS = N_("Notifications")
PREPARATIONS = N_("Of which preparations")
METHOD = N_("Method")
INCIDENTS = N_("Number of incidents")
AGENCY_YEAR = N_("Reporting agency %(agency)s, year %(year)s")
NOT_GIVEN = N_("not given")


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

    def title_row(title: str, columns: tuple[str, ...]) -> None:
        sheet.append([])
        sheet.append([heading(title, lang)])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append([heading(c, lang) for c in columns])

    def part(title: str, lines: list[SubstanceLine]) -> None:
        title_row(title, (*COLUMNS, QUANTITY, UNIT, QUANTITY_KG, UNCONVERTED))
        for line in lines:
            sheet.append(
                [
                    safe_cell(line.substance),
                    heading(TABLES.get(line.table, line.table), lang),
                    safe_cell(line.cas),
                    line.incidents,
                    round(line.quantity, 3),
                    line.unit,
                    round(line.quantity_kg, 3),
                    line.unconverted,
                ]
            )

    part(PART_SEIZURES, formd.seizures)
    part(PART_OTHER, formd.other_seizures)
    part(PART_PREPARATIONS, formd.preparations)
    title_row(PART_ORIGINS, (COLUMNS[0], ORIGIN, PROVENANCE, COLUMNS[3], QUANTITY, UNIT))
    for origin in formd.origins:
        sheet.append(
            [
                origin.substance,
                origin.origin_country or heading(NOT_GIVEN, lang),
                origin.provenance_country or heading(NOT_GIVEN, lang),
                origin.incidents,
                round(origin.quantity, 3),
                origin.unit,
            ]
        )
    part(PART_STOPPED, formd.stopped)
    title_row(PART_METHODS, (METHOD, INCIDENTS))
    for method, count in formd.methods:
        sheet.append([heading(DIVERSION_METHODS.get(method, method), lang), count])
    title_row(PART_MANUFACTURE, (METHOD, INCIDENTS, SUBSTANCES_SEEN))
    for made in formd.manufacture:
        sheet.append(
            [
                heading(MANUFACTURE_METHODS.get(made.method, made.method), lang),
                made.incidents,
                safe_cell("; ".join(made.substances)),
            ]
        )
    title_row(
        PART_TRADE, (COLUMNS[0], COLUMNS[1], IMPORTER, NOTIFICATIONS, QUANTITY, UNIT, PREPARATIONS)
    )
    for trade in formd.licit_trade:
        sheet.append(
            [
                trade.substance,
                heading(TABLES.get(trade.table, trade.table), lang),
                trade.importer_country,
                trade.notifications,
                round(trade.quantity, 3),
                trade.unit,
                trade.preparations,
            ]
        )
    title_row(
        PART_REQUIREMENTS, (COLUMNS[0], FORM, ESTIMATE_YEAR, QUANTITY, UNIT, AS_RECORDED, NOTE)
    )
    for need in formd.requirements:
        sheet.append(
            [
                need.substance,
                heading(OF_PREPARATIONS if need.preparation else RAW_MATERIAL, lang),
                need.set_for_year,
                round(need.incb_quantity, 3) if need.incb_quantity is not None else "",
                need.incb_unit,
                f"{need.quantity:g} {need.unit}",
                safe_cell(need.note),
            ]
        )
    for column, width in zip("ABCDEFGH", (48, 30, 16, 18, 16, 12, 16, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    record_read(
        session,
        principal.actor,
        "precursors.formd.export",
        "precursor_formd",
        formd.year,
        details={"incidents": formd.incidents, "language": lang},
    )
    return buffer.getvalue()
