"""Dates as each language's readers expect them.

Thai dates use the Buddhist Era (B.E. = C.E. + 543) with abbreviated month names, as in
"10 ก.ค. 2567"; Chinese dates read "2024年7月10日"; English "10 Jul 2024".

Lao, Burmese, Khmer and Vietnamese dates are Gregorian, in the CLDR patterns and month names
that Babel ships: Lao "10 ກໍລະກົດ 2024" (the Lao administration dates its documents in the
Gregorian calendar, ຄ.ສ.; the Buddhist Era is for religious use), Burmese "၂၀၂၄ ဇူလိုင် ၁၀" and
Khmer "១០ កក្កដា ២០២៤" in their own digits, as Burmese and Khmer official writing has them
(Cambodian letters also carry a lunar date with the Buddhist Era, ព.ស., which is not
reproduced), Vietnamese "10/07/2024", day first as in Vietnamese administrative writing.
``format_gregorian`` gives any date as ISO 8601 (2024-07-10), so the Gregorian date is always at
hand beside a Buddhist-Era or native-digit one.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date as _cldr_date

_TH_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# Locale and CLDR pattern of each language formatted through Babel
_CLDR = {"lo": ("lo", "long"), "my": ("my", "long"), "km": ("km", "long"), "vi": ("vi", "dd/MM/y")}
# Languages written with their own digits in dates (Burmese and Khmer)
NATIVE_DIGITS = {
    "my": str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉"),
    "km": str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"),
}


def native_digits(text: str, lang: str) -> str:
    """``text`` with ASCII digits in ``lang``'s own digits where that is customary."""
    table = NATIVE_DIGITS.get(lang)
    return text.translate(table) if table else text


def format_gregorian(value: date) -> str:
    """The Gregorian date in ISO 8601, whatever the reader's calendar."""
    return value.isoformat()


def format_date(value: date, lang: str) -> str:
    if lang in _CLDR:
        locale, pattern = _CLDR[lang]
        return native_digits(_cldr_date(value, format=pattern, locale=locale), lang)
    if lang == "th":
        return f"{value.day} {_TH_MONTHS[value.month - 1]} {value.year + 543}"
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime, lang: str, tz: str = "Asia/Bangkok") -> str:
    """Date and time in the node's time zone, with the zone's UTC offset shown."""
    local = value.astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")
    zone = f"UTC{offset[:3]}" if offset[3:] == "00" else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{format_date(local.date(), lang)} {native_digits(f'{local:%H:%M}', lang)} ({zone})"
