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
hand beside a Buddhist-Era or native-digit one: ``needs_gregorian(lang)`` says where it differs
(Thai, Burmese, Khmer), and pages then carry it as the date's title (``web/render.py``).

Digits: CLDR (Babel 2.18, ``Locale.default_numbering_system``) gives Burmese its own digits
(``mymr``) by default and Thai, Lao and Khmer Latin ones (``latn``; ``laoo`` and ``khmr`` are
their "native" systems). Thai and Lao officers write Arabic digits, so their dates and numbers
keep them. Khmer departs from CLDR's default: Cambodian laws, sub-decrees and letters date and
number in Khmer digits (ថ្ងៃទី១០ ខែកក្កដា ឆ្នាំ២០២៤), so Khmer pages and documents use them; this is
the translators' reading of published texts and is listed for the native reviewer
(docs/glossary/km.md).
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


def needs_gregorian(lang: str) -> bool:
    """Whether a date shown in ``lang`` differs from the Gregorian date in Arabic digits."""
    return lang == "th" or lang in NATIVE_DIGITS


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


def _zone(local: datetime) -> str:
    """The zone's UTC offset at ``local``: "UTC+07", "UTC-03:30". From the offset itself, not
    ``strftime("%z")``, which cost as much as the rest of a date (a list of 50 dated rows spent
    a millisecond in it); an offset in seconds (old local mean times) goes through ``%z``."""
    offset = local.utcoffset()
    if offset is None or offset.microseconds or offset.seconds % 60:
        text = local.strftime("%z")
        return f"UTC{text[:3]}" if text[3:] == "00" else f"UTC{text[:3]}:{text[3:]}"
    minutes = offset.days * 1440 + offset.seconds // 60
    hours, minutes = divmod(abs(minutes), 60)
    sign = "-" if offset.days < 0 else "+"
    return f"UTC{sign}{hours:02d}" if not minutes else f"UTC{sign}{hours:02d}:{minutes:02d}"


def format_datetime(value: datetime, lang: str, tz: str = "Asia/Bangkok") -> str:
    """Date and time in the node's time zone, with the zone's UTC offset shown."""
    local = value.astimezone(ZoneInfo(tz))
    time = native_digits(f"{local.hour:02d}:{local.minute:02d}", lang)
    return f"{format_date(local.date(), lang)} {time} ({_zone(local)})"


def format_gregorian_datetime(value: datetime, tz: str = "Asia/Bangkok") -> str:
    """Date and time in the node's time zone, Gregorian in Arabic digits: 2024-07-10 10:00 (UTC+07)."""
    local = value.astimezone(ZoneInfo(tz))
    return f"{local.date().isoformat()} {local.hour:02d}:{local.minute:02d} ({_zone(local)})"
