"""The node's bounds for uploaded tables (from settings) and their refusals as field problems.

Every upload of a table (precursor screening, wastewater results, lists of people to screen)
goes through ``mekongx.tabular.open_table`` with ``limits(settings)``; a refusal becomes a 422
on the field ``file`` naming the limit in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_
from mekongx.settings import Settings, get_settings
from mekongx.tabular import Limits, Table, TableError, open_table

T = TypeVar("T")

MB = 1024 * 1024
REFUSED = N_("The file cannot be read: %(problem)s")
TOO_LARGE = N_("The file is larger than %(mb)s MB.")
FORM_SLACK = 256 * 1024  # room for a form's other fields around the file


def limits(settings: Settings | None = None) -> Limits:
    """The bounds of one upload on this node."""
    s = settings or get_settings()
    return Limits(
        max_bytes=s.upload_max_mb * MB,
        max_unpacked_bytes=s.upload_max_unpacked_mb * MB,
        max_ratio=s.upload_max_ratio,
        max_rows=s.upload_max_rows,
        max_columns=s.upload_max_columns,
        max_seconds=float(s.upload_max_seconds),
    )


def bulk_limits(settings: Settings | None = None) -> Limits:
    """The bounds of a bulk import of records (seizure reports): a larger file than a screening
    list or a results table (``upload_bulk_max_mb``, ``upload_bulk_max_unpacked_mb``), the same
    rows, columns and time."""
    s = settings or get_settings()
    return replace(limits(s), max_bytes=s.upload_bulk_max_mb * MB,
                   max_unpacked_bytes=s.upload_bulk_max_unpacked_mb * MB)  # fmt: skip


def command_line_limits(settings: Settings | None = None) -> Limits:
    """The command line streams files of any length; workbooks are still bounded."""
    bounds = limits(settings)
    return Limits(
        max_bytes=None,
        max_unpacked_bytes=bounds.max_unpacked_bytes,
        max_ratio=bounds.max_ratio,
        max_rows=None,
        max_columns=bounds.max_columns,
        max_seconds=None,
    )


def max_bytes(bounds: Limits) -> int:
    return bounds.max_bytes or 5 * MB


def max_mb(bounds: Limits) -> int:
    return max_bytes(bounds) // MB


def refused(error: TableError, lang: str) -> ValidationFailed:
    """The reader's refusal as a problem of the field ``file`` (rendered in ``lang``)."""
    return ValidationFailed([FieldProblem("file", REFUSED, {"problem": error.message(lang)})])


def check_declared_size(content_length: str | None, bounds: Limits) -> None:
    """Refuse a request whose declared size is beyond the bound, before reading its body."""
    limit = max_bytes(bounds) + FORM_SLACK
    if content_length and content_length.isdigit() and int(content_length) > limit:
        raise ValidationFailed([FieldProblem("file", TOO_LARGE, {"mb": max_mb(bounds)})])


def read_table(file_name: str, data: bytes, lang: str, bounds: Limits,
               consume: Callable[[Table], T]) -> T:  # fmt: skip
    """Open the bytes of an uploaded table (.xlsx by its name or its bytes, else CSV) within
    ``bounds`` and hand it to ``consume``; a file too large, empty or refused by the reader is
    a problem of the field ``file`` in ``lang``."""
    if len(data) > max_bytes(bounds):
        raise ValidationFailed([FieldProblem("file", TOO_LARGE, {"mb": max_mb(bounds)})])
    if not data.strip():
        raise ValidationFailed([FieldProblem("file", N_("The file is empty."))])
    is_excel = file_name.lower().endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04")
    try:
        with open_table(data, "xlsx" if is_excel else "csv", bounds) as table:
            return consume(table)
    except TableError as error:
        raise refused(error, lang) from None
