"""A ``Document`` as an Excel workbook: a first sheet with the title, particulars and text, then
one sheet per table (heading row frozen, typed cells).

Numbers, money and dates stay numbers and dates, so a spreadsheet can sum and sort them; money
carries its currency in the cell's number format. Every text cell passes through
``mekongx.tabular.safe_cell``, so ``=cmd|' /C calc'!A0`` opens as text. The handling code is in
the printed header and footer of every sheet, with the page number. The workbook is written in
openpyxl's write-only mode, so a long table is streamed rather than held as cell objects.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.numbers import get_currency_precision
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from mekongx.documents import format as fmt
from mekongx.documents.model import (
    CellValue,
    DateCell,
    Document,
    Heading,
    KeyValues,
    Money,
    Number,
    Paragraph,
    Table,
    Text,
)
from mekongx.tabular import safe_cell

__all__ = ["to_xlsx"]

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEAD_FILL = PatternFill("solid", fgColor="E1E5EB")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet_name(wanted: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", wanted).strip().strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _print_frame(sheet: WriteOnlyWorksheet, doc: Document) -> None:
    """Handling code in the printed header and footer, with "page N of M" (Excel codes)."""
    handling = fmt.label(fmt.HANDLING, doc.lang, code=doc.handling)
    page = fmt.label(fmt.PAGE_OF, doc.lang, page="&P", pages="&N").replace("&", "&&")
    sheet.oddHeader.left.text = doc.agency.replace("&", "&&")
    sheet.oddHeader.right.text = doc.handling
    sheet.oddFooter.left.text = handling.replace("&", "&&")
    sheet.oddFooter.right.text = page.replace("&&P", "&P").replace("&&N", "&N")


def _text(sheet: WriteOnlyWorksheet, value: str, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=safe_cell(value))
    if font is not None:
        cell.font = font
    return cell


def _typed(sheet: WriteOnlyWorksheet, value: CellValue, doc: Document) -> WriteOnlyCell:
    cell = fmt.normalise(value)
    if cell is None:
        return WriteOnlyCell(sheet, value=None)
    if isinstance(cell, Text):
        return _text(sheet, cell.value)
    if isinstance(cell, Number):
        out = WriteOnlyCell(sheet, value=_number(cell.value))
        if cell.places is not None:
            out.number_format = "#,##0" + ("." + "0" * cell.places if cell.places else "")
        else:
            out.number_format = "#,##0.########" if not float(cell.value).is_integer() else "#,##0"
        return out
    if isinstance(cell, Money):
        out = WriteOnlyCell(sheet, value=_number(cell.amount))
        places = get_currency_precision(cell.currency)
        decimals = "." + "0" * places if places else ""
        out.number_format = f'#,##0{decimals} "{cell.currency}"'
        return out
    return _date(sheet, cell, doc)


def _number(value: int | float | Decimal) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _date(sheet: WriteOnlyWorksheet, cell: DateCell, doc: Document) -> WriteOnlyCell:
    value = cell.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a datetime cell must carry its time zone")
        # Excel has no time zones: the node's local time, as on the PDF
        local = value.astimezone(ZoneInfo(doc.timezone)).replace(tzinfo=None)
        out = WriteOnlyCell(sheet, value=local)
        out.number_format = "yyyy-mm-dd hh:mm"
        return out
    out = WriteOnlyCell(sheet, value=date(value.year, value.month, value.day))
    out.number_format = "yyyy-mm-dd"
    return out


def _cover(book: Workbook, doc: Document, taken: set[str]) -> None:
    sheet = book.create_sheet(_sheet_name(fmt.label(fmt.DOCUMENT_SHEET, doc.lang), taken))
    _print_frame(sheet, doc)
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 60
    sheet.append([_text(sheet, doc.title, _TITLE)])
    for line in doc.lines:
        sheet.append([_text(sheet, line)])
    sheet.append([_text(sheet, doc.agency)])
    if doc.date is not None:
        sheet.append([_typed(sheet, doc.date, doc)])
    handling = fmt.label(fmt.HANDLING, doc.lang, code=doc.handling)
    if doc.handling_note:
        handling = f"{handling}: {doc.handling_note}"
    sheet.append([_text(sheet, handling, _BOLD)])
    sheet.append([_text(sheet, fmt.generated_stamp(doc.generated_at, doc.lang, doc.timezone))])
    tables = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            sheet.append([])
            sheet.append([_text(sheet, block.text, _BOLD)])
        elif isinstance(block, Paragraph):
            cell = _text(sheet, block.text)
            cell.alignment = _WRAP
            sheet.append([cell])
        elif isinstance(block, KeyValues):
            sheet.append([])
            if block.title:
                sheet.append([_text(sheet, block.title, _BOLD)])
            for key, value in block.items:
                sheet.append([_text(sheet, key, _BOLD), _typed(sheet, value, doc)])
        elif isinstance(block, Table):
            tables += 1
            name = block.title or fmt.label(fmt.TABLE_N, doc.lang, number=tables)
            sheet.append([_text(sheet, f"→ {name}")])


def _table_sheet(book: Workbook, doc: Document, block: Table, number: int, taken: set[str]) -> None:
    wanted = block.sheet or block.title or fmt.label(fmt.TABLE_N, doc.lang, number=number)
    sheet = book.create_sheet(_sheet_name(wanted, taken))
    _print_frame(sheet, doc)
    sheet.freeze_panes = "A2"
    columns = block.headings
    for index, column in enumerate(columns):
        letter = _column_letter(index)
        sheet.column_dimensions[letter].width = max(10, min(60, 14 * column.width))
    head = []
    for column in columns:
        cell = _text(sheet, column.label, _BOLD)
        cell.fill = _HEAD_FILL
        head.append(cell)
    sheet.append(head)
    for values in block.rows:
        sheet.append([_typed(sheet, v, doc) for v in values])


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def to_xlsx(doc: Document) -> bytes:
    """Render ``doc`` as the bytes of an .xlsx workbook."""
    book = Workbook(write_only=True)
    book.properties.title = safe_cell(doc.title)
    book.properties.creator = "MekongX"
    book.properties.created = doc.generated_at.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    taken: set[str] = set()
    _cover(book, doc, taken)
    number = 0
    for block in doc.blocks:
        if isinstance(block, Table):
            number += 1
            _table_sheet(book, doc, block, number, taken)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
