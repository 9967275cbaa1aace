"""Saved column mappings of transaction files: named once by an investigator, chosen at every
import of the same bank's files (the engine's :class:`~mekongx.moneyflow.ColumnMapping`). The
mechanism is the node's one for saved mappings (``domains/mappings``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx import moneyflow
from mekongx.authz import Principal
from mekongx.domains import mappings as saved_mappings
from mekongx.domains.finance.models import FinMapping
from mekongx.domains.finance.schemas import MappingInput


def mappings(session: Session, principal: Principal) -> list[FinMapping]:
    return saved_mappings.saved(session, principal, FinMapping)


def save(session: Session, principal: Principal, data: MappingInput) -> FinMapping:
    """Save a mapping under a new name (a name already used is refused)."""
    return saved_mappings.save(
        session, principal, FinMapping, name=data.name, columns=data.columns,
        action="finance.mapping.create", timestamp_format=data.timestamp_format,
        currency=data.currency, delimiter=data.delimiter,
    )  # fmt: skip


def engine_mapping(session: Session, mapping_id: int) -> moneyflow.ColumnMapping:
    row = saved_mappings.load(session, FinMapping, mapping_id)
    return moneyflow.ColumnMapping(
        columns=row.column_map(),
        timestamp_format=row.timestamp_format or None,
        currency=row.currency or None,
        delimiter=row.delimiter or ",",
    )
