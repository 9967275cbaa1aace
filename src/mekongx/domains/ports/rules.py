"""Profiling rules as data: officers propose to add, weight and retire them; a change takes
effect only when a second person of the agency approves it (the node's one approval mechanism,
:mod:`mekongx.domains.review`: the proposer may not approve their own change). Proposals,
approvals and returns are audited with their reasons. Examinations give each rule its hit rate
(how often a container it fired on held what it was looking for)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.audit import hold_chain, record
from mekongx.authz import Permission, Principal, can, require
from mekongx.db import Database
from mekongx.domains.ports.models import PortExamination, PortHit, PortRule
from mekongx.domains.ports.profiling import KINDS, Rule
from mekongx.domains.ports.reference import DATA, ports
from mekongx.domains.ports.schemas import DecisionInput, RetireInput, RuleInput, WeightInput
from mekongx.domains.review import service as review
from mekongx.domains.review.models import ReviewRequest
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow

KIND = "port_rule"
STEP = "review"  # the review request's step: a second person approves the change
FOUND = ("discrepancy", "seizure")
CHANGES = ("add", "weight", "retire")


@dataclass(frozen=True)
class RuleStats:
    rule: PortRule
    fired: int  # containers it fired on
    examined: int  # of those, examined
    found: int  # of those, with a discrepancy or a seizure
    pending: ReviewRequest | None = None  # a change waiting for a second person

    @property
    def state(self) -> str:
        """active | retired | proposed (its addition waits) | refused (its addition came back)."""
        if self.rule.active:
            return "active"
        if self.rule.retired_at is not None:
            return "retired"
        return "proposed" if self.pending is not None else "refused"

    @property
    def change(self) -> dict[str, Any]:
        return review.proposal_of(self.pending) if self.pending is not None else {}

    @property
    def hit_rate(self) -> float | None:
        return self.found / self.examined if self.examined else None

    @property
    def values(self) -> list[str]:
        values: list[str] = json.loads(self.rule.params).get("values", [])
        return values

    @property
    def number(self) -> float | None:
        number: float | None = json.loads(self.rule.params).get("number")
        return number


def ensure_defaults(session: Session, principal: Principal) -> None:
    """Write the starting rules (``data/rules.yaml``) once, when the node has never had any.
    The chain's head is taken first: two requests that find no rule at once write them one
    after the other, and the second finds them written."""
    hold_chain(session)
    if session.scalar(select(PortRule.id).limit(1)) is not None:
        return
    raw = yaml.safe_load((DATA / "rules.yaml").read_text(encoding="utf-8"))
    for item in raw:
        params = {"values": list(item.get("values", [])), "number": item.get("number")}
        rule = PortRule(kind=item["kind"], label=item["label"], weight=int(item["weight"]),
                        params=json.dumps(params, ensure_ascii=False), created_by=principal.username)  # fmt: skip
        session.add(rule)
        session.flush()
        record(session, principal.actor, "ports.rule.add", KIND, rule.uid, why="starting rules",
               details={"kind": rule.kind, "label": rule.label, "weight": rule.weight, **params})  # fmt: skip


def starting_rules(db: Database, principal: Principal) -> None:
    """The starting rules, written in a short writing transaction of their own the first time
    a user who may write opens the rules of a node that never had any; the rules pages
    themselves only read (a GET never opens a writing session: docs/architecture.md)."""
    if not principal_may_write(principal):
        return
    with db.read() as session:
        if session.scalar(select(PortRule.id).limit(1)) is not None:
            return
    with db.write() as session:
        ensure_defaults(session, principal)


def engine_rules(session: Session) -> list[Rule]:
    out = []
    for row in session.scalars(select(PortRule).where(PortRule.active).order_by(PortRule.id)):
        params = json.loads(row.params)
        out.append(Rule(row.id, row.kind, row.weight, tuple(params.get("values", [])),
                        params.get("number")))  # fmt: skip
    return out


def stats(session: Session, principal: Principal, *, retired: bool = False) -> list[RuleStats]:
    """Every rule (active first, retired too when asked) with its hit rate from examinations."""
    require(principal, Permission.READ_RECORDS)
    fired = dict(
        session.execute(
            select(PortHit.rule_id, func.count(PortHit.id)).group_by(PortHit.rule_id)
        ).all()
    )
    examined: dict[int, int] = {}
    found: dict[int, int] = {}
    rows = session.execute(
        select(PortHit.rule_id, PortExamination.outcome).join(
            PortExamination, PortExamination.container_id == PortHit.container_id
        )
    )
    for rule_id, outcome in rows:
        examined[rule_id] = examined.get(rule_id, 0) + 1
        if outcome in FOUND:
            found[rule_id] = found.get(rule_id, 0) + 1
    stmt = select(PortRule).order_by(PortRule.active.desc(), PortRule.weight.desc(), PortRule.id)
    if not retired:
        stmt = stmt.where(PortRule.active)
    waiting = {r.record_uid: r for r in review.queue(session, principal, kind=KIND, step=STEP)}
    return [RuleStats(r, fired.get(r.id, 0), examined.get(r.id, 0), found.get(r.id, 0),
                      waiting.get(r.uid)) for r in session.scalars(stmt)]  # fmt: skip


def _check(data: RuleInput) -> None:
    needs_values = KINDS[data.kind][0]
    if needs_values and not data.values:
        raise ValidationFailed([FieldProblem("values", N_("This kind of rule needs values."))])
    if data.kind == "transshipment_hub":
        unknown = [v for v in data.values if v.upper() not in ports()]
        if unknown:
            raise ValidationFailed([FieldProblem("values", N_("Not a UN/LOCODE of a known port: %(codes)s"),
                                                 {"codes": ", ".join(unknown[:10])})])  # fmt: skip
    if (
        data.kind in ("notice_party", "listed_party")
        and data.number is not None
        and data.number > 1
    ):
        raise ValidationFailed([FieldProblem("number", N_("A probability is between 0 and 1."))])


def principal_may_write(principal: Principal) -> bool:
    return can(principal, Permission.WRITE_RECORDS).allowed


def _propose(session: Session, principal: Principal, rule: PortRule, change: dict[str, Any],
             why: str) -> ReviewRequest:  # fmt: skip
    """Ask a second person of the agency to approve ``change`` of ``rule`` (a newer proposal for
    the same rule supersedes a waiting one)."""
    request = review.submit(session, principal, kind=KIND, record_uid=rule.uid, record_id=rule.id,
                            step=STEP, title=rule.label, author=principal.username,
                            editor=principal.username, comment=why, proposal=change)  # fmt: skip
    record(session, principal.actor, "ports.rule.propose", KIND, rule.uid, why=why,
           details={"request": request.id, **change})  # fmt: skip
    return request


def add(session: Session, principal: Principal, data: RuleInput) -> PortRule:
    """Propose a new rule: it scores nothing until a second person approves it."""
    require(principal, Permission.WRITE_RECORDS)
    ensure_defaults(session, principal)
    _check(data)
    values = [v.upper() for v in data.values] if data.kind == "transshipment_hub" else data.values
    params = {"values": values, "number": data.number}
    rule = PortRule(kind=data.kind, label=data.label, params=json.dumps(params, ensure_ascii=False),
                    weight=data.weight, active=False, created_by=principal.username)  # fmt: skip
    session.add(rule)
    session.flush()
    _propose(session, principal, rule, {"change": "add", "kind": data.kind, "weight": data.weight,
                                        **params}, data.why)  # fmt: skip
    return rule


def _rule(session: Session, rule_id: int) -> PortRule:
    rule = session.get(PortRule, rule_id)
    if rule is None:
        raise NotFound(N_("No such record."))
    return rule


def _active(session: Session, rule_id: int) -> PortRule:
    rule = _rule(session, rule_id)
    if not rule.active:
        raise Conflict(N_("This rule is not in force (retired, or its addition not approved)."))
    return rule


def reweight(session: Session, principal: Principal, rule_id: int, data: WeightInput) -> PortRule:
    """Propose a new weight; the rule keeps its weight until a second person approves."""
    require(principal, Permission.WRITE_RECORDS)
    rule = _active(session, rule_id)
    if data.weight == rule.weight:
        raise ValidationFailed([FieldProblem("weight", N_("The rule has this weight already."))])
    _propose(session, principal, rule, {"change": "weight", "from": rule.weight, "to": data.weight},
             data.why)  # fmt: skip
    return rule


def retire(session: Session, principal: Principal, rule_id: int, data: RetireInput) -> PortRule:
    """Propose to retire a rule; once approved it no longer scores (its past hits and hit rate
    stay)."""
    require(principal, Permission.WRITE_RECORDS)
    rule = _active(session, rule_id)
    _propose(session, principal, rule, {"change": "retire"}, data.why)
    return rule


def approve(session: Session, principal: Principal, rule_id: int, data: DecisionInput) -> PortRule:
    """A second person approves the rule's waiting change, which takes effect now."""
    require(principal, Permission.WRITE_RECORDS)
    rule = _rule(session, rule_id)
    request = review.approve(session, principal, kind=KIND, record_uid=rule.uid, step=STEP,
                             note=data.note)  # fmt: skip
    change = review.proposal_of(request)
    done = {"request": request.id, "proposed_by": request.requested_by, **change}
    if change.get("change") == "add":
        if rule.retired_at is not None:
            raise Conflict(N_("This rule was retired."))
        rule.active = True
        record(session, principal.actor, "ports.rule.add", KIND, rule.uid, why=request.comment,
               details={"label": rule.label, **done})  # fmt: skip
    elif change.get("change") == "weight":
        _active(session, rule.id).weight = int(change["to"])
        record(session, principal.actor, "ports.rule.weight", KIND, rule.uid, why=request.comment,
               details=done)  # fmt: skip
    elif change.get("change") == "retire":
        _active(session, rule.id)
        rule.active, rule.retired_by, rule.retired_at = False, request.requested_by, utcnow()
        record(session, principal.actor, "ports.rule.retire", KIND, rule.uid, why=request.comment,
               details=done)  # fmt: skip
    else:
        raise Conflict(N_("Nothing is waiting for a decision here."))
    return rule


def send_back(
    session: Session, principal: Principal, rule_id: int, data: DecisionInput
) -> PortRule:
    """A second person returns the rule's waiting change with a comment: nothing changes."""
    require(principal, Permission.WRITE_RECORDS)
    rule = _rule(session, rule_id)
    request = review.pending(session, KIND, rule.uid, STEP)
    if request is None:
        raise Conflict(N_("Nothing is waiting for a decision here."))
    review.send_back(session, principal, request.id, data.note)
    return rule


@dataclass(frozen=True)
class Change:
    rule: PortRule
    request: ReviewRequest

    @property
    def proposal(self) -> dict[str, Any]:
        return review.proposal_of(self.request)


def changes(session: Session, principal: Principal) -> list[Change]:
    """Rule changes of the agency waiting for a second person, oldest first."""
    require(principal, Permission.READ_RECORDS)
    waiting = review.queue(session, principal, kind=KIND, step=STEP)
    rules = {r.uid: r for r in session.scalars(
        select(PortRule).where(PortRule.uid.in_([w.record_uid for w in waiting])))}  # fmt: skip
    return [Change(rules[w.record_uid], w) for w in waiting if w.record_uid in rules]
