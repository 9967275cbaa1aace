"""Profiling rules as data: officers add, weight and retire them (each change audited with its
reason); examinations give each rule its hit rate (how often a container it fired on held what
it was looking for)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, can, require
from mekongx.domains.ports.models import PortExamination, PortHit, PortRule
from mekongx.domains.ports.profiling import KINDS, Rule
from mekongx.domains.ports.reference import DATA, ports
from mekongx.domains.ports.schemas import RetireInput, RuleInput, WeightInput
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow

KIND = "port_rule"
FOUND = ("discrepancy", "seizure")


@dataclass(frozen=True)
class RuleStats:
    rule: PortRule
    fired: int  # containers it fired on
    examined: int  # of those, examined
    found: int  # of those, with a discrepancy or a seizure

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
    """Write the starting rules (``data/rules.yaml``) once, when the node has never had any."""
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
    if principal_may_write(principal):
        ensure_defaults(session, principal)
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
    return [RuleStats(r, fired.get(r.id, 0), examined.get(r.id, 0), found.get(r.id, 0))
            for r in session.scalars(stmt)]  # fmt: skip


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


def add(session: Session, principal: Principal, data: RuleInput) -> PortRule:
    require(principal, Permission.WRITE_RECORDS)
    ensure_defaults(session, principal)
    _check(data)
    values = [v.upper() for v in data.values] if data.kind == "transshipment_hub" else data.values
    params = {"values": values, "number": data.number}
    rule = PortRule(kind=data.kind, label=data.label, params=json.dumps(params, ensure_ascii=False),
                    weight=data.weight, created_by=principal.username)  # fmt: skip
    session.add(rule)
    session.flush()
    record(session, principal.actor, "ports.rule.add", KIND, rule.uid, why=data.why,
           details={"kind": data.kind, "label": data.label, "weight": data.weight, **params})  # fmt: skip
    return rule


def _active(session: Session, rule_id: int) -> PortRule:
    rule = session.get(PortRule, rule_id)
    if rule is None:
        raise NotFound(N_("No such record."))
    if not rule.active:
        raise Conflict(N_("This rule was retired."))
    return rule


def reweight(session: Session, principal: Principal, rule_id: int, data: WeightInput) -> PortRule:
    require(principal, Permission.WRITE_RECORDS)
    rule = _active(session, rule_id)
    before = rule.weight
    rule.weight = data.weight
    record(session, principal.actor, "ports.rule.weight", KIND, rule.uid, why=data.why,
           details={"from": before, "to": data.weight})  # fmt: skip
    return rule


def retire(session: Session, principal: Principal, rule_id: int, data: RetireInput) -> PortRule:
    """Retire a rule: it no longer scores; its past hits and hit rate stay."""
    require(principal, Permission.WRITE_RECORDS)
    rule = _active(session, rule_id)
    rule.active, rule.retired_by, rule.retired_at = False, principal.username, utcnow()
    record(session, principal.actor, "ports.rule.retire", KIND, rule.uid, why=data.why)
    return rule
