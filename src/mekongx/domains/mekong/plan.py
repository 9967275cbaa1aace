"""The Safe Mekong Joint Operation Plan 2023–2027 as tracked data: its actions (entered once by
the agency that keeps the plan), each country's commitment and progress under an action (written
by that country's agency on its own node), and the joint operations, patrols and seizures linked
as evidence. Shown side by side: one row per action, one column per country, from what this
node holds and the reader may see (a country's progress not shared here is not shown)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record, record_read
from mekongx.authz import Permission, Principal, access, read_audited, require, visible
from mekongx.authz.sharing import check_distribution, holders, set_recipients
from mekongx.domains.mekong import exchange
from mekongx.domains.mekong.keepers import check_keeper
from mekongx.domains.mekong.models import PlanAction, PlanProgress
from mekongx.domains.mekong.rows import fill_action, fill_progress
from mekongx.domains.mekong.schemas import (
    EvidenceRef,
    PlanActionInput,
    ProgressFields,
    ProgressInput,
)
from mekongx.domains.mekong.service import checked_reason, held_for_change, next_version
from mekongx.domains.search.records import Reference, find, resolve_many
from mekongx.errors import Conflict, FieldProblem, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution
from mekongx.validation import parse

PLAN = "2023-2027"
KIND = "mekong_plan_action"


@dataclass
class Row:
    action: PlanAction
    progress: dict[str, PlanProgress] = field(default_factory=dict)  # country: progress


@dataclass
class Line:
    line: str
    rows: list[Row]


RETRACTED = N_("This plan action is retracted.")


def _number_taken(session: Session, principal: Principal, data: PlanActionInput, own_id: int | None) -> list[FieldProblem]:  # fmt: skip
    stmt = visible(principal, PlanAction).where(PlanAction.plan == data.plan, PlanAction.number == data.number)  # fmt: skip
    if own_id is not None:
        stmt = stmt.where(PlanAction.id != own_id)
    if session.scalar(stmt.with_only_columns(PlanAction.id).limit(1)) is None:
        return []
    return [FieldProblem("number", N_("The plan already has an action numbered %(number)s."),
                         {"number": data.number})]  # fmt: skip


def create_action(session: Session, principal: Principal, data: PlanActionInput) -> PlanAction:
    require(principal, Permission.WRITE_RECORDS)
    problems = check_distribution(session, principal, data, release=True)
    problems += _number_taken(session, principal, data, None)
    if problems:
        raise ValidationFailed(problems)
    check_keeper(session, data.plan, principal.agency)
    action = PlanAction(origin_agency=principal.agency, author_id=principal.user_id,
                        author_name=principal.display_name)  # fmt: skip
    fill_action(action, data)
    session.add(action)
    session.flush()
    set_recipients(session, action, data)
    record(session, principal.actor, "mekong.plan.create", KIND, action.uid,
           details={"plan": data.plan, "number": data.number})  # fmt: skip
    exchange.release_action(session, principal, action)
    return action


def _own_action(session: Session, principal: Principal, ident: int | str) -> PlanAction:
    """The keeper's own action, not retracted, locked for the change."""
    action = held_for_change(session, principal, PlanAction, ident, RETRACTED)
    check_keeper(session, action.plan, principal.agency)
    return action


def correct_action(
    session: Session, principal: Principal, ident: int | str, data: PlanActionInput
) -> PlanAction:
    """The keeper changes an action: a new version, sent as a correction to every agency that
    holds it (and to agencies its distribution now adds; a retraction to those it drops)."""
    action = _own_action(session, principal, ident)
    problems = check_distribution(session, principal, data, release=True)
    if data.plan != action.plan:
        problems.append(FieldProblem("plan", N_("An action stays in its plan.")))
    problems += _number_taken(session, principal, data, action.id)
    if problems:
        raise ValidationFailed(problems)
    fill_action(action, data)
    next_version(session, action, data)
    record(session, principal.actor, "mekong.plan.correct", KIND, action.uid,
           details={"version": action.version, "number": data.number})  # fmt: skip
    exchange.release_action(session, principal, action)
    return action


def retract_action(session: Session, principal: Principal, ident: int | str, reason: str) -> PlanAction:  # fmt: skip
    """The keeper withdraws an action, with the reason: it stays, marked retracted, here and on
    every node that holds it; no country reports progress under it any more."""
    reason = checked_reason(reason)
    action = _own_action(session, principal, ident)
    action.status, action.status_note = "retracted", reason
    next_version(session, action, None)
    record(session, principal.actor, "mekong.plan.retract", KIND, action.uid, why=reason)
    exchange.retract(session, principal, action, exchange.ACTION_KIND)
    return action


def _checked_evidence(
    session: Session, principal: Principal, refs: list[EvidenceRef]
) -> list[EvidenceRef]:
    """Every linked record must be one the officer may see (missing and hidden look alike)."""
    problems = []
    for i, ref in enumerate(refs):
        if find(session, principal, ref.kind, ref.uid) is None:
            problems.append(FieldProblem(f"evidence.{i}", N_("No record with this id that you may see.")))  # fmt: skip
    if problems:
        raise ValidationFailed(problems)
    unique = {(r.kind, r.uid): r for r in refs}
    return [unique[k] for k in sorted(unique)]


def set_progress(
    session: Session, principal: Principal, action_ident: int | str, data: ProgressInput
) -> PlanProgress:
    """The officer's country's commitment and progress under the action: created at the first
    report, a new version (sent again to every holder) at each later one. The progress goes to
    the agencies that hold the action (its originator and those it was shared with)."""
    require(principal, Permission.WRITE_RECORDS)
    require(principal, Permission.RELEASE_RECORDS)
    action = access(session, principal, PlanAction, action_ident)
    if action.status == "retracted":
        raise Conflict(RETRACTED)
    if data.reported_on > utcnow().date():
        raise ValidationFailed([FieldProblem("reported_on", N_("A progress note cannot be dated in the future."))])  # fmt: skip
    evidence = _checked_evidence(session, principal, data.evidence)
    country = session.scalar(select(Agency.country).where(Agency.code == principal.agency)) or ""
    sharers = _holders_of(session, action, principal.agency)
    fields = parse(ProgressFields, {
        **data.model_dump(exclude={"evidence"}), "evidence": [e.model_dump() for e in evidence],
        "action_uid": action.uid, "country": country, "handling_code": action.handling_code,
        "handling_note": action.handling_note,
        "distribution": Distribution.PEERS.value if sharers else Distribution.OWN.value,
        "recipients": sharers,
    })  # fmt: skip
    progress = session.scalar(select(PlanProgress).where(
        PlanProgress.action_uid == action.uid, PlanProgress.origin_agency == principal.agency))  # fmt: skip
    if progress is None:
        progress = PlanProgress(origin_agency=principal.agency, author_id=principal.user_id,
                                author_name=principal.display_name)  # fmt: skip
        session.add(progress)
    else:
        progress.version += 1
        progress.updated_at = utcnow()
        progress.author_id, progress.author_name = principal.user_id, principal.display_name
    fill_progress(progress, fields)
    progress.distribution = fields.distribution
    session.flush()
    set_recipients(session, progress, fields)
    record(session, principal.actor, "mekong.plan.progress", KIND, action.uid,
           details={"status": data.status, "version": progress.version,
                    "evidence": len(evidence)})  # fmt: skip
    exchange.release_progress(session, principal, progress)
    return progress


def _holders_of(session: Session, action: PlanAction, own: str) -> list[str]:
    """The agencies besides this one that hold the action: its originator (for a copy) and the
    agencies it names; a country's progress goes to them."""
    found = holders(session, action) | {action.origin_agency}
    known = set(session.scalars(select(Agency.code)))
    return sorted((found & known) - {own})


def plan_view(session: Session, principal: Principal, plan: str = PLAN) -> list[Line]:
    """The plan's actions the reader may see, by line, with each country's progress beside."""
    actions = list(session.scalars(visible(principal, PlanAction).where(PlanAction.plan == plan)))
    actions.sort(key=lambda a: (_order(a.number), a.id))
    rows = {a.uid: Row(a) for a in actions}
    if rows:
        stmt = visible(principal, PlanProgress).where(PlanProgress.action_uid.in_(sorted(rows)))
        for p in session.scalars(stmt):
            rows[p.action_uid].progress[p.country] = p
    lines: dict[str, list[Row]] = {}
    for a in actions:
        lines.setdefault(a.line, []).append(rows[a.uid])
    record_read(session, principal.actor, "mekong.plan.list", KIND, None, details={"plan": plan})
    return [Line(line, found) for line, found in lines.items()]


def _order(number: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (10**6, p) for p in number.split("."))


def read_action(
    session: Session, principal: Principal, ident: int | str
) -> tuple[PlanAction, list[PlanProgress]]:
    action = read_audited(session, principal, PlanAction, ident, "mekong.plan.read", KIND)
    progress = list(session.scalars(visible(principal, PlanProgress)
                                    .where(PlanProgress.action_uid == action.uid).order_by(PlanProgress.country)))  # fmt: skip
    return action, progress


def evidence_of(
    session: Session, principal: Principal, progress: list[PlanProgress]
) -> dict[str, list[Reference]]:
    """Per progress record (uid), the linked records this reader may see (others are as if
    they did not exist: neither title nor count)."""
    refs = {
        p.uid: [(e["kind"], e["uid"]) for e in json.loads(p.evidence or "[]")] for p in progress
    }
    found = resolve_many(session, principal, [r for rs in refs.values() for r in rs])
    return {uid: [found[r] for r in rs if r in found] for uid, rs in refs.items()}


def own_progress(progress: list[PlanProgress], agency: str) -> PlanProgress | None:
    return next((p for p in progress if p.origin_agency == agency), None)


def late(action: PlanAction, progress: PlanProgress | None, today: date) -> bool:
    """Due and not done (nor dropped) by this country."""
    return bool(action.due_on and action.due_on < today
                and (progress is None or progress.status in ("planned", "in_progress")))  # fmt: skip
