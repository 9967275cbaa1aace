"""Rows as JSON lines: each column is written and read back according to its declared type.

JSON knows strings, numbers, booleans and null. Every other value a column can hold (dates,
times with their zone, bytes, decimals, UUIDs, intervals, enum members) is written as a string
and turned back into the column's Python type on restore, chosen from the column's type and
never guessed from the value. JSON columns keep their document as it is. A column whose Python
type has no codec here makes the backup refuse to start instead of writing something it cannot
read back.
"""

from __future__ import annotations

import base64
import enum
import json
import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, Enum, Table
from sqlalchemy.types import TypeDecorator

Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _same(value: Any) -> Any:
    return value


def _bytes_out(value: Any) -> str:
    return base64.b64encode(bytes(value)).decode()


def _bytes_in(value: Any) -> bytes:
    return base64.b64decode(str(value), validate=True)


def _interval_out(value: timedelta) -> int:
    return (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds


def _interval_in(value: Any) -> timedelta:
    return timedelta(microseconds=int(value))


def _float_out(value: Any) -> Any:
    return float(value)


def _iso(value: date | time) -> str:
    return value.isoformat()


def _date_in(value: Any) -> date:
    return date.fromisoformat(str(value))


def _time_in(value: Any) -> time:
    return time.fromisoformat(str(value))


def _datetime_in(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


def _decimal_out(value: Any) -> str:
    return str(value)


def _decimal_in(value: Any) -> Decimal:
    return Decimal(str(value))


def _uuid_out(value: Any) -> str:
    return str(value)


def _uuid_in(value: Any) -> uuid.UUID:
    return uuid.UUID(str(value))


_BY_PYTHON_TYPE: dict[type, Codec] = {
    bool: (_same, _same),
    int: (_same, _same),
    str: (_same, _same),
    float: (_float_out, _same),
    datetime: (_iso, _datetime_in),
    date: (_iso, _date_in),
    time: (_iso, _time_in),
    timedelta: (_interval_out, _interval_in),
    bytes: (_bytes_out, _bytes_in),
    Decimal: (_decimal_out, _decimal_in),
    uuid.UUID: (_uuid_out, _uuid_in),
}


class UnsupportedColumn(Exception):
    """A column type this backup format cannot write faithfully."""


def _enum_codec(enum_class: type[enum.Enum]) -> Codec:
    def out(value: Any) -> str:
        return value.name if isinstance(value, enum.Enum) else str(value)

    def back(value: Any) -> enum.Enum:
        return enum_class[str(value)]

    return out, back


def _python_type(kind: Any) -> Any:
    """The column's Python type; a decorated type that does not say is asked through its impl."""
    try:
        python_type = kind.python_type
    except NotImplementedError:
        python_type = object
    if python_type is object and isinstance(kind, TypeDecorator):
        return _python_type(kind.impl_instance)
    return python_type


def codec(column: Column[Any]) -> Codec:
    """How one column is written to JSON and read back."""
    kind = column.type
    if isinstance(kind, JSON):
        return _same, _same
    if isinstance(kind, Enum):
        return _enum_codec(kind.enum_class) if kind.enum_class is not None else (_same, _same)
    python_type = _python_type(kind)
    for candidate in python_type.__mro__ if isinstance(python_type, type) else ():
        if candidate in _BY_PYTHON_TYPE:
            return _BY_PYTHON_TYPE[candidate]
    raise UnsupportedColumn(f"{column.table.name}.{column.name}: {kind!r}")


class TableCodec:
    """Encodes and decodes the rows of one table."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = [(column.name, *codec(column)) for column in table.columns]

    def line(self, row: Any) -> bytes:
        """One row (a mapping of column name to value) as a line of JSON, newline included."""
        data = {
            name: None if row[name] is None else out(row[name]) for name, out, _ in self.columns
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    def row(self, line: bytes) -> dict[str, Any]:
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ValueError("a row is not a JSON object")
        unknown = set(data) - {name for name, _, _ in self.columns}
        if unknown:
            raise ValueError(f"unknown columns {sorted(unknown)}")
        return {
            name: None if data.get(name) is None else back(data[name])
            for name, _, back in self.columns
        }
