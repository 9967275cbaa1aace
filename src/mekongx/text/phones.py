"""Telephone numbers in E.164 (ITU-T E.164: ``+`` country code and national significant number,
at most 15 digits), and one search key per number however it was written.

``+66 82 885 6716``, ``+66-82-885-6716``, ``0066 82 885 6716`` and, in Thailand, ``082 885 6716``
are one number. A national number (trunk prefix 0) is read in the country given as ``region``;
the search key is the national significant number when the country code is known here, so a
number written nationally finds the same number written internationally without the index
having to know where the text was written.

Numbering plans of the region (country code, trunk prefix, lengths of the national significant
number) from the national numbering plans notified to the ITU (ITU-T E.164 list of assigned
country codes; NSN lengths [bg]: to be checked against each plan before they are relied on to
refuse a number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PLANS", "PhoneError", "e164", "numbers_in", "search_key"]


@dataclass(frozen=True, slots=True)
class Plan:
    country_code: str
    trunk: str
    lengths: tuple[int, ...]  # lengths of the national significant number


PLANS: dict[str, Plan] = {
    "TH": Plan("66", "0", (8, 9)),
    "LA": Plan("856", "0", (8, 9, 10)),
    "MM": Plan("95", "0", (7, 8, 9, 10)),
    "KH": Plan("855", "0", (8, 9)),
    "VN": Plan("84", "0", (9, 10)),
    "CN": Plan("86", "0", (10, 11)),
}
_BY_CODE = {plan.country_code: plan for plan in PLANS.values()}

# a run of digits with the separators people write (spaces, dots, dashes, brackets), optionally
# after + or 00; at least 8 digits in all
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().\-]{6,22}\d(?![\w])")
_CN_MOBILE = re.compile(r"^1[3-9]\d{9}$")


class PhoneError(ValueError):
    """Not a telephone number of a known plan (``reason`` is a short English msgid)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _split(digits: str) -> tuple[Plan, str] | None:
    for size in (1, 2, 3):
        plan = _BY_CODE.get(digits[:size])
        if plan is not None:
            return plan, digits[size:]
    return None


def e164(text: str, region: str = "TH") -> str:
    """``text`` as E.164 (``+66828856716``); a national number is read in ``region``.
    Raises ``PhoneError`` for anything that is not a number of a known plan."""
    raw = text.strip()
    digits = re.sub(r"[\s().\-]", "", raw)
    international = digits.startswith("+") or digits.startswith("00")
    digits = digits[1:] if digits.startswith("+") else digits[2:] if international else digits
    if not digits.isdigit():
        raise PhoneError("A telephone number has only digits, spaces, dashes, dots and brackets.")
    if international:
        found = _split(digits)
        if found is None:
            if not 8 <= len(digits) <= 15:
                raise PhoneError("An international number has 8 to 15 digits.")
            return "+" + digits
        plan, national = found
        if national.startswith(plan.trunk) and len(national) - 1 in plan.lengths:
            national = national[1:]  # +66 (0)82 …: the trunk prefix written by mistake
    else:
        plan = PLANS.get(region.upper(), PLANS["TH"])
        if plan.country_code == "86" and _CN_MOBILE.match(digits):
            national = digits
        elif digits.startswith(plan.trunk):
            national = digits[len(plan.trunk) :]
        else:
            raise PhoneError("A national number starts with 0; write others with + and the country code.")  # fmt: skip
    if len(national) not in plan.lengths:
        raise PhoneError("The number has the wrong number of digits for its country.")
    return f"+{plan.country_code}{national}"


def search_key(number: str) -> str:
    """The key a number is found by: its national significant number when its country code is
    known here (so the national and international forms meet), else all its digits."""
    digits = number.lstrip("+")
    found = _split(digits)
    return found[1] if found is not None else digits


def numbers_in(text: str) -> list[str]:
    """Search keys of the telephone numbers written in ``text``, in any of the forms above
    (national numbers of any plan here, international numbers of any country)."""
    keys: dict[str, None] = {}
    for match in _CANDIDATE.finditer(text):
        candidate = match.group(0)
        digits = re.sub(r"\D", "", candidate)
        if not 8 <= len(digits) <= 17:
            continue
        if candidate.startswith(("+", "00")):
            try:
                keys.setdefault(search_key(e164(candidate)), None)
            except PhoneError:
                continue
        elif digits.startswith("0") or _CN_MOBILE.match(digits):
            # national: the key is the same in every plan here (the digits after the trunk 0)
            keys.setdefault(digits[1:] if digits.startswith("0") else digits, None)
    return list(keys)
