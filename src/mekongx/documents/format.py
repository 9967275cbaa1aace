"""Cells as text in the document's language, and the few words every document prints.

Dates go through the node's own helpers (``mekongx.i18n.format_date``: Buddhist Era for Thai,
2024年7月10日 for Chinese); numbers and money through Babel's CLDR data (digit grouping, the
currency's own number of decimals).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.numbers import format_currency, format_decimal

from mekongx.documents.model import CellValue, DateCell, Lang, Money, Number, Text
from mekongx.i18n import N_, format_date, format_datetime, translator

__all__ = ["LANG_TAGS", "LOCALES", "Kind", "cell_kind", "cell_text", "label", "normalise"]

LOCALES: dict[str, str] = {
    "th": "th_TH", "zh": "zh_Hans_CN", "lo": "lo_LA", "my": "my_MM", "km": "km_KH", "vi": "vi_VN",
    "en": "en_GB",
}  # fmt: skip
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


def _number(value: int | float | Decimal, places: int | None, lang: Lang) -> str:
    if places is None:
        return format_decimal(value, locale=LOCALES[lang])
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang], decimal_quantization=True)


def cell_text(value: CellValue, lang: Lang, timezone: str = "Asia/Bangkok") -> str:
    """The cell as its reader expects it in ``lang`` (PDF, and text cells everywhere)."""
    cell = normalise(value)
    if cell is None:
        return ""
    if isinstance(cell, Text):
        return cell.value
    if isinstance(cell, Number):
        return _number(cell.value, cell.places, lang)
    if isinstance(cell, Money):
        return format_currency(cell.amount, cell.currency, locale=LOCALES[lang])
    if isinstance(cell.value, datetime):
        if cell.value.tzinfo is None:
            raise ValueError("a datetime cell must carry its time zone")
        return format_datetime(cell.value, lang, timezone)
    return format_date(cell.value, lang)
