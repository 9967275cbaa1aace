"""CAS Registry Numbers: check digit, validation and single-error repair.

A CAS RN is ``NNNNNNN-NN-R``: two to seven digits, two digits, one check digit. The check digit is
the sum of each other digit times its position counted from the right (1, 2, 3 ...), modulo 10.
A valid check digit proves only syntax, never identity: a reviewed source must say which
substance a number belongs to.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

__all__ = [
    "CAS_PATTERN",
    "cas_check_digit",
    "find_cas_numbers",
    "format_cas",
    "is_valid_cas",
    "repair_cas",
]

CAS_PATTERN = re.compile(r"(?<![\d-])(\d{2,7})-(\d{2})-(\d)(?![\d-])")


def cas_check_digit(body: str) -> int:
    """Check digit for the digits before it (``body`` holds digits only, hyphens removed)."""
    total = 0
    for position, char in enumerate(reversed(body), start=1):
        total += position * (ord(char) - 48)
    return total % 10


def format_cas(digits: str) -> str:
    """``'108247'`` -> ``'108-24-7'``."""
    return f"{digits[:-3]}-{digits[-3:-1]}-{digits[-1]}"


@functools.lru_cache(maxsize=65536)
def is_valid_cas(value: str) -> bool:
    """True when ``value`` has the CAS shape and its check digit is right."""
    match = CAS_PATTERN.fullmatch(value.strip())
    if match is None:
        return False
    body = match.group(1) + match.group(2)
    return cas_check_digit(body) == int(match.group(3))


def find_cas_numbers(text: str) -> list[str]:
    """Every CAS-shaped token in ``text`` (valid or not), in order."""
    if "-" not in text:
        return []
    return [m.group(0) for m in CAS_PATTERN.finditer(text)]


def _variants(digits: str) -> Iterable[str]:
    """All strings one substituted digit or one adjacent transposition away from ``digits``."""
    for i, old in enumerate(digits):
        for new in "0123456789":
            if new != old and not (i == 0 and new == "0"):
                yield digits[:i] + new + digits[i + 1 :]
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            yield digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]


def repair_cas(value: str, known: Callable[[str], bool]) -> str | None:
    """Repair an invalid CAS RN when exactly one known number is one error away.

    Only numbers that fail the check digit are repaired; ``known`` says whether a formatted
    candidate is in the register (controlled substances, salts and look-alikes). Returns the
    repaired number, or None when zero or several known candidates fit.
    """
    if is_valid_cas(value):
        return None
    digits = value.replace("-", "").strip()
    if not digits.isdigit() or not 5 <= len(digits) <= 10:
        return None
    found: set[str] = set()
    for candidate in _variants(digits):
        body, check = candidate[:-1], candidate[-1]
        if cas_check_digit(body) != int(check):
            continue
        formatted = format_cas(candidate)
        if known(formatted):
            found.add(formatted)
            if len(found) > 1:
                return None
    return next(iter(found)) if found else None
