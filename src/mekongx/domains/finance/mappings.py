"""Saved column mappings of transaction files: named once by an investigator, chosen at every
import of the same bank's files (the engine's :class:`~mekongx.moneyflow.ColumnMapping`)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx import moneyflow
from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.domains.finance.models import FinMapping
from mekongx.domains.finance.schemas import MappingInput
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_


def mappings(session: Session, principal: Principal) -> list[FinMapping]:
    require(principal, Permission.READ_RECORDS)
    return list(session.scalars(select(FinMapping).order_by(FinMapping.name)))


def save(session: Session, principal: Principal, data: MappingInput) -> FinMapping:
    """Save a mapping under a new name (a name already used is refused)."""
    require(principal, Permission.WRITE_RECORDS)
    if session.scalar(select(FinMapping.id).where(FinMapping.name == data.name)) is not None:
        raise ValidationFailed([FieldProblem("name", N_("A mapping of this name exists already."))])
    row = FinMapping(
        name=data.name, columns=json.dumps(data.columns, ensure_ascii=False),
        timestamp_format=data.timestamp_format, currency=data.currency, delimiter=data.delimiter,
        created_by=principal.username,
    )  # fmt: skip
    session.add(row)
    session.flush()
    record(session, principal.actor, "finance.mapping.create", "fin_mapping", str(row.id),
           details={"name": data.name, "columns": data.columns})  # fmt: skip
    return row


def engine_mapping(session: Session, mapping_id: int) -> moneyflow.ColumnMapping:
    row = session.get(FinMapping, mapping_id)
    if row is None:
        raise NotFound(N_("No such record."))
    return moneyflow.ColumnMapping(
        columns=json.loads(row.columns),
        timestamp_format=row.timestamp_format or None,
        currency=row.currency or None,
        delimiter=row.delimiter or ",",
    )
