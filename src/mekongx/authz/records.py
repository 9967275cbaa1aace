"""Visibility of shared records by distribution, and the load-and-check helper."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal, TypeVar, cast

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from mekongx.authz.permissions import Permission, Principal, require
from mekongx.errors import Forbidden, NotFound
from mekongx.i18n import N_
from mekongx.model.identity import SharingGroupMember
from mekongx.model.record import Distribution, RecordRecipient, SharedRecord

R = TypeVar("R", bound=SharedRecord)
Action = Literal["read", "write", "release"]


@lru_cache(maxsize=1024)
def visibility_clause(model: Any, agency: str) -> ColumnElement[bool]:
    """SQL condition: the record is held by (visible to) users of ``agency``.

    Decided row by row inside the query that reads the rows, so a page of 50 costs 50 checks
    whatever the table holds: the originator's own records first (one column), a named
    recipient by a probe of ``record_recipients``' primary key (``record_uid, agency_code``)
    only for records shared with peers, a group by the agency's few memberships. Nothing is
    built over every recipient row, and no hidden row is counted or loaded. Built once per
    table and agency (the clause is immutable).
    """
    named = (
        select(RecordRecipient.record_uid)
        .where(RecordRecipient.record_uid == model.uid, RecordRecipient.agency_code == agency)
        .offset(0)  # PostgreSQL: keeps the probe per row (else it hashes every recipient row)
        .exists()
    )
    groups = select(SharingGroupMember.group_code).where(SharingGroupMember.agency_code == agency)
    return or_(
        model.origin_agency == agency,
        and_(model.distribution == Distribution.PEERS.value, named),
        and_(model.distribution == Distribution.GROUP.value, model.sharing_group.in_(groups)),
    )


def visible(principal: Principal, model: type[R]) -> Select[R]:
    """A query over ``model`` limited to what the principal may see."""
    require(principal, Permission.READ_RECORDS)
    found: Select[R] = _visible(cast(Any, model), principal.agency)
    return found


@lru_cache(maxsize=1024)
def _visible(model: Any, agency: str) -> Select[Any]:
    # built once per table and agency (a statement is immutable: every change makes a copy):
    # building the clause cost a list or a read more than running it
    return select(model).where(visibility_clause(model, agency))


def access(
    session: Session,
    principal: Principal,
    model: type[R],
    ident: int | str,
    action: Action = "read",
    *,
    for_update: bool = False,
) -> R:
    """Load one record by id or uid and check that the principal may do ``action`` to it."""
    stmt = visible(principal, model)
    key = model.uid if isinstance(ident, str) else model.id
    stmt = stmt.where(key == ident)
    if for_update:
        stmt = stmt.with_for_update()
    record = session.scalars(stmt).first()
    if record is None:
        raise NotFound(N_("No such record."))
    if action in ("write", "release"):
        require(
            principal,
            Permission.WRITE_RECORDS if action == "write" else Permission.RELEASE_RECORDS,
        )
        if record.received:
            raise Forbidden(
                N_("Received copies are read-only; only the originator can change them.")
            )
        if record.origin_agency != principal.agency:
            raise Forbidden(N_("Only the originating agency can change this record."))
    return record
