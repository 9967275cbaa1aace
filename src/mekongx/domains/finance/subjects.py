"""A case's subjects: the persons and organisations it is about, their accounts, and the
wanted-person notice or intelligence report that names them, linked through the shared record
references (``domains.search.records``): a link resolves only for users who may see the record."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Principal, access
from mekongx.domains.finance.models import FinCase, FinSubject
from mekongx.domains.finance.schemas import SubjectInput
from mekongx.domains.search import records
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_

ROLES = {
    "suspect": N_("suspect"),
    "mule": N_("money mule"),
    "company": N_("company"),
    "beneficiary": N_("beneficial owner"),
    "other": N_("other"),
}


@dataclass(frozen=True)
class Subject:
    row: FinSubject
    reference: records.Reference | None  # None: no link, or a record this user may not see


def add_subject(
    session: Session, principal: Principal, case_id: int, data: SubjectInput
) -> FinSubject:
    case = access(session, principal, FinCase, case_id, "write")
    ref_uid = ""
    if data.ref_kind or data.ref:
        found = (
            records.find(session, principal, data.ref_kind, data.ref.strip())
            if data.ref_kind and data.ref
            else None
        )
        if found is None:
            raise ValidationFailed([FieldProblem("ref", N_("No notice or report you may see has this reference; give the number in its page's address or its uid."))])  # fmt: skip
        ref_uid = found.uid
    subject = FinSubject(
        case_id=case.id, name=data.name, role=data.role, accounts=" ".join(data.accounts.split()),
        ref_kind=data.ref_kind if ref_uid else "", ref_uid=ref_uid, note=data.note,
        created_by=principal.username,
    )  # fmt: skip
    session.add(subject)
    session.flush()
    record(session, principal.actor, "finance.subject.create", "fin_subject", subject.uid,
           details={"case": case.uid, "role": data.role, "linked": f"{data.ref_kind}/{ref_uid}" if ref_uid else None})  # fmt: skip
    return subject


def subjects_of(session: Session, principal: Principal, case: FinCase) -> list[Subject]:
    rows = list(
        session.scalars(
            select(FinSubject).where(FinSubject.case_id == case.id).order_by(FinSubject.id)
        )
    )
    refs = records.resolve_many(
        session, principal, [(r.ref_kind, r.ref_uid) for r in rows if r.ref_uid]
    )
    return [Subject(r, refs.get((r.ref_kind, r.ref_uid))) for r in rows]
