"""Dates as each language's readers expect them.

Thai dates use the Buddhist Era (B.E. = C.E. + 543) with abbreviated month names, as in
"10 ก.ค. 2567"; Chinese dates read "2024年7月10日"; English "10 Jul 2024".
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

_TH_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: date, lang: str) -> str:
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
    return f"{format_date(local.date(), lang)} {local:%H:%M} ({zone})"
