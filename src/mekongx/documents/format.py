"""Cells as text in the document's language, and the few words every document prints.

Dates go through the node's own helpers (``mekongx.i18n.format_date``: Buddhist Era for Thai,
2024年7月10日 for Chinese); numbers and money through Babel's CLDR data (digit grouping, the
currency's own number of decimals), in Burmese and Khmer digits for those languages, as their
dates are (``mekongx.i18n.native_digits``; workbooks keep numbers as numbers). The generated-at
stamp of a document whose dates are not Gregorian in Arabic digits adds the Gregorian date and
time (``generated_stamp``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from mekongx.documents.model import CellValue, DateCell, Lang, Money, Number, Text
from mekongx.i18n import (
    N_,
    format_date,
    format_datetime,
    format_gregorian_datetime,
    native_digits,
    needs_gregorian,
    translator,
)
from mekongx.i18n.numbers import LOCALES, format_money, format_number

__all__ = [
    "LANG_TAGS",
    "LOCALES",
    "Kind",
    "cell_kind",
    "cell_text",
    "digits",
    "generated_stamp",
    "gregorian_stamp",
    "label",
    "normalise",
]

# BCP 47 tags of the document languages (PDF /Lang, DOCX w:lang, Dublin Core language)
LANG_TAGS: dict[str, str] = {
    "th": "th-TH", "zh": "zh-CN", "lo": "lo-LA", "my": "my-MM", "km": "km-KH", "vi": "vi-VN",
    "en": "en-GB",
}  # fmt: skip

# Words printed by the renderers themselves (the areas' own words come translated).
PAGE_OF = N_("Page %(page)s of %(pages)s")
GENERATED = N_("Generated %(when)s")
HANDLING = N_("Handling code %(code)s")
TABLE_N = N_("Table %(number)s")
DOCUMENT_SHEET = N_("Document")

Kind = str  # "text", "number", "money", "date", "datetime", "empty"


def label(message: str, lang: Lang, **params: object) -> str:
    return translator(lang)(message, **params)


def normalise(value: CellValue) -> Text | Number | Money | DateCell | None:
    """A plain Python value as the typed cell it stands for."""
    if value is None or isinstance(value, Text | Number | Money | DateCell):
        return value
    if isinstance(value, bool):
        return Text(str(value))
    if isinstance(value, int | float | Decimal):
        return Number(value)
    if isinstance(value, date):  # datetime is a date too
        return DateCell(value)
    return Text(str(value))


def cell_kind(cell: Text | Number | Money | DateCell | None) -> Kind:
    if cell is None:
        return "empty"
    if isinstance(cell, Text):
        return "text"
    if isinstance(cell, Number):
        return "number"
    if isinstance(cell, Money):
        return "money"
    return "datetime" if isinstance(cell.value, datetime) else "date"


def cell_text(value: CellValue, lang: Lang, timezone: str = "Asia/Bangkok") -> str:
    """The cell as its reader expects it in ``lang`` (PDF, and text cells everywhere)."""
    cell = normalise(value)
    if cell is None:
        return ""
    if isinstance(cell, Text):
        return cell.value
    if isinstance(cell, Number):
        return format_number(cell.value, lang, cell.places)
    if isinstance(cell, Money):
        return format_money(cell.amount, cell.currency, lang)
    if isinstance(cell.value, datetime):
        if cell.value.tzinfo is None:
            raise ValueError("a datetime cell must carry its time zone")
        return format_datetime(cell.value, lang, timezone)
    return format_date(cell.value, lang)


def digits(number: int, lang: Lang) -> str:
    """A whole number in the digits ``lang``'s documents use (page numbers)."""
    return native_digits(str(number), lang)


def gregorian_stamp(when: datetime, lang: Lang, timezone: str = "Asia/Bangkok") -> str | None:
    """The generated-at date and time, Gregorian in Arabic digits, for a document whose dates
    are not ("2024-07-10 10:00"); None where they already are."""
    if not needs_gregorian(lang):
        return None
    return format_gregorian_datetime(when, timezone).rsplit(" (", 1)[0]


def generated_stamp(when: datetime, lang: Lang, timezone: str = "Asia/Bangkok") -> str:
    """ "Generated …" in ``lang``, with the Gregorian date and time beside a Buddhist-Era or
    native-digit one: "จัดทำเมื่อ 10 ก.ค. 2567 10:00 (UTC+07) · 2024-07-10 10:00"."""
    shown = cell_text(when, lang, timezone)
    if (gregorian := gregorian_stamp(when, lang, timezone)) is not None:
        shown = f"{shown} · {gregorian}"
    return label(GENERATED, lang, when=shown)
