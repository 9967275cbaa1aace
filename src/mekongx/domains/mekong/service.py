"""Recording, reading and listing joint operations and patrols, and their results from the
linked seizures. One function per action; each audits and leaves the commit to the caller."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from mekongx.audit import record, record_read
from mekongx.authz import Permission, Principal, access, can, read_audited, require, visible
from mekongx.authz.listing import Page, page_of
from mekongx.authz.sharing import SharingInput, check_distribution, set_recipients
from mekongx.domains.mekong import exchange
from mekongx.domains.mekong.models import SEARCH_KIND, JointOperation, PlanAction
from mekongx.domains.mekong.rows import fill
from mekongx.domains.mekong.schemas import OperationInput
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.seizures.service import nationalities_of
from mekongx.errors import Conflict, FieldProblem, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow

KIND = SEARCH_KIND


@dataclass
class Results:
    seizures: list[Seizure]
    kg: Decimal
    tablets: int
    arrests: int
    nationalities: dict[str, int]


def create_operation(
    session: Session, principal: Principal, data: OperationInput
) -> JointOperation:
    require(principal, Permission.WRITE_RECORDS)
    if problems := check_distribution(session, principal, data, release=True):
        raise ValidationFailed(problems)
    operation = JointOperation(origin_agency=principal.agency, author_id=principal.user_id,
                               author_name=principal.display_name)  # fmt: skip
    fill(operation, data)
    session.add(operation)
    session.flush()
    set_recipients(session, operation, data)
    record(session, principal.actor, "mekong.create", KIND, operation.uid,
           details={"activity": data.activity, "distribution": data.distribution})  # fmt: skip
    exchange.release(session, principal, operation)
    return operation


RETRACTED = N_("This joint operation is retracted.")


def checked_reason(reason: str) -> str:
    """Why a record is retracted: required, up to 2,000 characters."""
    reason = reason.strip()
    if not reason or len(reason) > 2000:
        raise ValidationFailed([FieldProblem("reason", N_("Say why it is retracted (up to 2,000 characters)."))])  # fmt: skip
    return reason


Changed = TypeVar("Changed", JointOperation, PlanAction)


def held_for_change(session: Session, principal: Principal, model: type[Changed], ident: int | str, retracted: str) -> Changed:  # fmt: skip
    """The agency's own record, locked for a change; a retracted one is not changed again."""
    require(principal, Permission.WRITE_RECORDS)
    found = access(session, principal, model, ident, "write", for_update=True)
    if found.status == "retracted":
        raise Conflict(retracted)
    return found


def next_version(session: Session, changed: JointOperation | PlanAction, data: SharingInput | None) -> None:  # fmt: skip
    """A changed record is a new version (with its new holders, when the change names them)."""
    changed.version += 1
    changed.updated_at = utcnow()
    if data is not None:
        set_recipients(session, changed, data)
    session.flush()


def _own_operation(session: Session, principal: Principal, ident: int | str) -> JointOperation:
    return held_for_change(session, principal, JointOperation, ident, RETRACTED)


def correct_operation(
    session: Session, principal: Principal, ident: int | str, data: OperationInput
) -> JointOperation:
    """The originator changes its record: a new version, sent as a correction to every agency
    that holds it (the information to agencies its distribution now adds, a retraction to
    those it drops)."""
    operation = _own_operation(session, principal, ident)
    if problems := check_distribution(session, principal, data, release=True):
        raise ValidationFailed(problems)
    fill(operation, data)
    next_version(session, operation, data)
    record(session, principal.actor, "mekong.correct", KIND, operation.uid,
           details={"version": operation.version, "distribution": data.distribution})  # fmt: skip
    exchange.release(session, principal, operation)
    return operation


def retract_operation(
    session: Session, principal: Principal, ident: int | str, reason: str
) -> JointOperation:
    """The originator withdraws its record, with the reason: it stays, marked retracted, here
    and on every node that holds it (the retraction goes to each and is acknowledged)."""
    reason = checked_reason(reason)
    operation = _own_operation(session, principal, ident)
    operation.status, operation.status_note = "retracted", reason
    next_version(session, operation, None)
    record(session, principal.actor, "mekong.retract", KIND, operation.uid, why=reason)
    exchange.retract(session, principal, operation, exchange.KIND)
    return operation


def can_change(principal: Principal, record: JointOperation | PlanAction) -> bool:
    """Only the originating agency changes or retracts its record, and not once retracted."""
    return (can(principal, Permission.WRITE_RECORDS).allowed and not record.received
            and record.origin_agency == principal.agency and record.status != "retracted")  # fmt: skip


def read_operation(session: Session, principal: Principal, ident: int | str) -> JointOperation:
    return read_audited(session, principal, JointOperation, ident, "mekong.read", KIND)


def list_operations(
    session: Session,
    principal: Principal,
    activity: str = "",
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
) -> Page[JointOperation]:
    """Operations visible to the user, the latest started first (``authz.listing``; ``after``:
    the keyset cursor, the previous page's ``next_after``)."""
    stmt = visible(principal, JointOperation)
    if activity:
        stmt = stmt.where(JointOperation.activity == activity)
    found = page_of(session, stmt, JointOperation, page=page, per_page=per_page, after=after, before=before,
                    order=(JointOperation.starts_on,))  # fmt: skip
    record_read(session, principal.actor, "mekong.list", KIND, None,
                details={"activity": activity, "page": page})  # fmt: skip
    return found


def phases_of(operation: JointOperation) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(operation.phases or "[]")
    return found


def results(session: Session, principal: Principal, operation: JointOperation) -> Results:
    """The linked seizures this user may see, with their totals (others count as absent, and so
    do retracted reports)."""
    uids = json.loads(operation.seizures or "[]")
    found = list(session.scalars(visible(principal, Seizure).where(Seizure.uid.in_(uids), Seizure.status != "retracted").order_by(Seizure.seized_on))) if uids else []  # fmt: skip
    nationalities: dict[str, int] = {}
    for s in found:
        for code, n in nationalities_of(s).items():
            nationalities[code] = nationalities.get(code, 0) + n
    return Results(found, sum((s.quantity_kg or Decimal(0) for s in found), Decimal(0)),
                   sum(s.tablets or 0 for s in found), sum(s.arrests for s in found),
                   dict(sorted(nationalities.items())))  # fmt: skip


def seizure_uids(session: Session, principal: Principal, references: list[str]) -> list[str]:
    """The uids of the seizures the user may see with these references (form input)."""
    if not references:
        return []
    stmt = (
        visible(principal, Seizure)
        .where(Seizure.reference.in_(references))
        .with_only_columns(Seizure.uid)
    )
    return sorted(session.scalars(stmt))


def seizure_references(session: Session, principal: Principal, uids: list[str]) -> list[str]:
    """The references of these seizures, as far as the user may see them."""
    if not uids:
        return []
    stmt = visible(principal, Seizure).where(Seizure.uid.in_(uids)).with_only_columns(Seizure.reference)  # fmt: skip
    return sorted(session.scalars(stmt))


def hidden_seizures(session: Session, principal: Principal, ident: int | str) -> set[str]:
    """The linked seizures of the record that the user may not see: a form that changes the
    record cannot name them, and they stay linked."""
    operation = access(session, principal, JointOperation, ident)
    uids = set(json.loads(operation.seizures or "[]"))
    if not uids:
        return set()
    seen = visible(principal, Seizure).where(Seizure.uid.in_(uids)).with_only_columns(Seizure.uid)
    return uids - set(session.scalars(seen))
