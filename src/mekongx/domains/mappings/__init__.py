"""Saved column mappings of uploaded tables, one mechanism for every area that imports files.

An officer names once which column of a partner's file holds which field of the area (a bank's
statement, a shipping line's manifest) and chooses the saved mapping at every import of such a
file. Each area keeps its mappings in its own table (a model mixing in :class:`SavedMapping`,
with any options of its own, such as a time format) and its own field list; the checking of the
columns, the refusal of a name used twice, the audit row and the reading back are written here
once. Fields a mapping leaves out keep their own name as the column.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from typing import Any, TypeVar

from pydantic_core import PydanticCustomError
from sqlalchemy import Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow

MAX_COLUMN = 100


class SavedMapping:
    """The columns every saved mapping has (mix in before ``Base``; set ``__tablename__``)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    columns: Mapped[str] = mapped_column(Text)  # JSON object {field: column}
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def column_map(self) -> dict[str, str]:
        value: dict[str, str] = json.loads(self.columns)
        return value


M = TypeVar("M", bound=SavedMapping)


def check_columns(value: dict[str, str], fields: Collection[str]) -> dict[str, str]:
    """The mapping's columns, stripped; an unknown field or an overlong column is refused (a
    pydantic error, for the input model's validator)."""
    cleaned = {k: v.strip() for k, v in value.items() if v and v.strip()}
    for name, column in cleaned.items():
        if name not in fields:
            raise PydanticCustomError("mekongx", N_("Unknown field: %(field)s"), {"field": name})
        if len(column) > MAX_COLUMN:
            raise PydanticCustomError("mekongx", N_("A column name has at most 100 characters."))
    if not cleaned:
        raise PydanticCustomError("mekongx", N_("Name the file's column for at least one field."))
    return cleaned


def saved(session: Session, principal: Principal, model: type[M]) -> list[M]:
    require(principal, Permission.READ_RECORDS)
    return list(session.scalars(select(model).order_by(model.name)))


def save(
    session: Session, principal: Principal, model: type[M], *, name: str, columns: dict[str, str],
    action: str, **options: Any,
) -> M:  # fmt: skip
    """Save a mapping under a new name (a name already used is refused), audited as ``action``."""
    require(principal, Permission.WRITE_RECORDS)
    if session.scalar(select(model.id).where(model.name == name)) is not None:
        raise ValidationFailed([FieldProblem("name", N_("A mapping of this name exists already."))])
    row = model()
    row.name, row.columns = name, json.dumps(columns, ensure_ascii=False)
    row.created_by = principal.username
    for key, value in options.items():
        setattr(row, key, value)
    session.add(row)
    session.flush()
    record(session, principal.actor, action, str(getattr(model, "__tablename__", "")),
           str(row.id), details={"name": name, "columns": columns})  # fmt: skip
    return row


def load(session: Session, model: type[M], mapping_id: int) -> M:
    row = session.get(model, mapping_id)
    if row is None:
        raise NotFound(N_("No such record."))
    return row


def header_of(columns: dict[str, str], fields: Collection[str]) -> dict[str, str]:
    """For each field, the column that holds it (its own name when the mapping leaves it out)."""
    return {field: columns.get(field, field) for field in fields}
