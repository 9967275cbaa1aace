"""Which agency keeps a plan of the Safe Mekong cooperation: only it enters, changes and
retracts the plan's actions, on its node and through the exchange (``plan`` and ``exchange``
both ask here). The countries agree on the keeper; each node's administrator names it
(``name_keeper``, ``PUT /api/v1/mekong/plan/keeper``). Until one is named, the agency whose
action of the plan the node held first is recorded as the keeper (trust on first use), so that
an agency cannot slip actions into a plan another agency started."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.domains.mekong.models import PlanKeeper
from mekongx.errors import FieldProblem, Forbidden, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency

KIND = "mekong_plan_action"
KEPT_BY = N_("The plan %(plan)s is kept by %(agency)s: only that agency enters, changes and retracts its actions.")  # fmt: skip
FIRST_HELD = "first action held"


def keeper_of(session: Session, plan: str) -> str | None:
    """The agency that keeps ``plan`` on this node, if one is named or was recorded."""
    found = session.get(PlanKeeper, plan)
    return found.agency_code if found else None


def keeper_record(session: Session, plan: str) -> PlanKeeper | None:
    """Who keeps ``plan`` here, who named it and when (``named_by`` is ``FIRST_HELD`` when the
    node recorded the agency of the first action it held)."""
    return session.get(PlanKeeper, plan)


def check_keeper(session: Session, plan: str, agency: str) -> None:
    """Only the plan's keeper enters its actions (here, or sending them to this node). Until the
    administrator names the keeper, the agency whose action of the plan this node holds first is
    recorded as the keeper: every later action of the plan must come from it."""
    keeper = keeper_of(session, plan)
    if keeper is None:
        session.add(PlanKeeper(plan=plan, agency_code=agency, named_by=FIRST_HELD))
        session.flush()
    elif keeper != agency:
        raise Forbidden(KEPT_BY, plan=plan, agency=keeper)


def name_keeper(session: Session, principal: Principal, plan: str, agency: str) -> PlanKeeper:
    """The node's administrator names the agency that keeps the plan (as agreed between the
    countries); actions of the plan from any other agency are refused from then on."""
    require(principal, Permission.MANAGE_AGENCIES)
    plan, agency = plan.strip(), agency.strip().upper()
    problems = []
    if not plan or len(plan) > 40:
        problems.append(FieldProblem("plan", N_("Name the plan (up to 40 characters).")))
    if not agency:
        problems.append(FieldProblem("agency", N_("Choose the agency that keeps the plan.")))
    elif len(agency) > 16 or session.get(Agency, agency) is None:
        problems.append(FieldProblem("agency", N_("Unknown agency: %(code)s"), {"code": agency[:16]}))  # fmt: skip
    if problems:
        raise ValidationFailed(problems)
    keeper = session.get(PlanKeeper, plan) or PlanKeeper(plan=plan)
    before = keeper.agency_code
    keeper.agency_code, keeper.named_by, keeper.named_at = agency, principal.display_name, utcnow()
    session.add(keeper)
    session.flush()
    record(session, principal.actor, "mekong.plan.keeper", KIND, None,
           details={"plan": plan, "agency": agency, "before": before})  # fmt: skip
    return keeper
