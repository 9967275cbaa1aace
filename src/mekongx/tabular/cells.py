"""Cells of exported tables that a spreadsheet would evaluate are written as plain text.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with an
apostrophe (OWASP's CSV-injection advice), so ``=cmd|' /C calc'!A0`` opens as text. Numbers are
left alone (a negative number is not a formula).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["safe_cell", "safe_row"]

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as text for a CSV or workbook cell, with a leading formula character defused."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_RISKY) else text


def safe_row(values: Iterable[object]) -> list[str]:
    return [safe_cell(v) for v in values]
