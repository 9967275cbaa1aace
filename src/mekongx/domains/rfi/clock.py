"""The RFI clock: deadlines by urgency tier, and times shown in both agencies' time zones.

Every time is stored in UTC. A page shows it in the node's zone (with the offset) and in the
counterpart agency's zone, found from the agency's country.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from mekongx.i18n import N_, format_datetime

# Default hours allowed per urgency tier, after Directive (EU) 2023/977 Art. 5 (urgent requests
# 8 hours, other urgent requests 3 days, all other requests 7 days); a bilateral agreement
# (table ``rfi_agreements``) overrides them per counterpart agency.
DEFAULT_HOURS = {"urgent": 8, "priority": 72, "routine": 168}
DEFAULT_REMINDER_PERCENT = 75
URGENCIES = ("urgent", "priority", "routine")
# Envelope priority of each tier (the exchange knows routine, urgent and immediate).
PRIORITY = {"urgent": "immediate", "priority": "urgent", "routine": "routine"}

# Country (ISO 3166-1 alpha-2) → time zone of its capital. Source: IANA time zone database,
# zone1970.tab / zone.tab (2024a): TH Asia/Bangkok UTC+7, CN Asia/Shanghai (Beijing time) UTC+8,
# LA Asia/Vientiane UTC+7, MM Asia/Yangon UTC+6:30, KH Asia/Phnom_Penh UTC+7,
# VN Asia/Ho_Chi_Minh UTC+7. None of them observes daylight saving time.
COUNTRY_ZONES = {
    "TH": "Asia/Bangkok",
    "CN": "Asia/Shanghai",
    "LA": "Asia/Vientiane",
    "MM": "Asia/Yangon",
    "KH": "Asia/Phnom_Penh",
    "VN": "Asia/Ho_Chi_Minh",
}
ZONE_PLACES = {
    "Asia/Bangkok": N_("Bangkok"),
    "Asia/Shanghai": N_("Beijing"),
    "Asia/Vientiane": N_("Vientiane"),
    "Asia/Yangon": N_("Yangon"),
    "Asia/Phnom_Penh": N_("Phnom Penh"),
    "Asia/Ho_Chi_Minh": N_("Hanoi"),
    "UTC": N_("UTC"),
}


def zone_of_country(country: str) -> str:
    return COUNTRY_ZONES.get(country.upper(), "UTC")


def local_time(moment: datetime, zone: str, lang: str) -> str:
    """``10 Jul 2024 17:00 (UTC+07)`` — the moment in ``zone`` with its offset."""
    ZoneInfo(zone)  # refuse an unknown zone early
    return format_datetime(moment, lang, zone)


@dataclass(frozen=True)
class Remaining:
    """Time left before a deadline, or how far past it."""

    overdue: bool
    hours: int
    minutes: int

    @property
    def days(self) -> int:
        return self.hours // 24


def remaining(deadline: datetime, now: datetime) -> Remaining:
    delta = deadline - now
    overdue = delta < timedelta(0)
    total = int(abs(delta).total_seconds() // 60)
    return Remaining(overdue, total // 60, total % 60)


def deadline_after(sent_at: datetime, hours: int) -> datetime:
    return sent_at + timedelta(hours=hours)


def reminder_time(sent_at: datetime, deadline: datetime, percent: int) -> datetime:
    return sent_at + (deadline - sent_at) * percent / 100
