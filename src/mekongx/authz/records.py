"""Visibility of shared records by distribution, and the load-and-check helper."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal, TypeVar, cast

from sqlalchemy import ColumnElement, Select, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from mekongx.audit import read_recorded
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


def read_audited(
    session: Session,
    principal: Principal,
    model: type[R],
    ident: int | str,
    action: str,
    target_type: str,
    *,
    why: str = "",
    details: dict[str, Any] | None = None,
    also: ColumnElement[bool] | None = None,
) -> R:
    """Open one record by id or uid for reading, as :func:`access` does, with its read audited
    (``audit.record(session, principal.actor, action, target_type, <its uid>, …)``, through
    ``audit.read_recorded``). A
    record the principal may not see writes no row and is "not found". ``also``: a further
    condition the area puts on what may be opened, built once per agency (the statement is
    kept per condition object)."""
    require(principal, Permission.READ_RECORDS)
    found = _found(cast(Any, model), principal.agency, isinstance(ident, str), also)
    opened = read_recorded(session, principal.actor, found, {"ident": ident}, action, target_type,
                           why=why, details=details)  # fmt: skip
    if opened is None:
        raise NotFound(N_("No such record."))
    return cast(R, opened)


@lru_cache(maxsize=1024)
def _found(model: Any, agency: str, by_uid: bool, also: Any) -> Select[Any]:
    key = model.uid if by_uid else model.id
    found = _visible(model, agency).where(key == bindparam("ident"))
    return found if also is None else found.where(also)
