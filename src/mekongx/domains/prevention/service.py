"""Programmes, their units, activities, reach and outcomes as data, for one user.

Every function takes the acting user, checks permissions, loads programmes only through
``authz.access``/``authz.visible``, writes its audit row, sends the changed programme to the
agencies its distribution names (``exchange.release``) and leaves the commit to the caller.
The dashboards are in ``dashboard.py``; the comparability mapping in ``mapping.py``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, require
from mekongx.authz.sharing import check_distribution, set_recipients
from mekongx.domains.prevention import exchange, lists
from mekongx.domains.prevention.minors import identifier_problems, identifiers_in
from mekongx.domains.prevention.models import (
    SEARCH_KIND,
    Activity,
    Indicator,
    Outcome,
    Programme,
    Reach,
    Unit,
)
from mekongx.domains.prevention.schemas import (
    ActivityInput,
    IndicatorInput,
    OutcomeInput,
    ProgrammeInput,
    ReachInput,
    UnitInput,
)
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.record import new_uid

KIND = SEARCH_KIND


@dataclass
class ProgrammeView:
    programme: Programme
    units: list[Unit]
    activities: list[Activity]
    reach: list[Reach]
    indicators: list[tuple[Indicator, list[Outcome]]]


def _refuse_identifiers(*texts: tuple[str, str]) -> None:
    problems = identifiers_in(*texts)
    if problems:
        raise ValidationFailed(problems)


def create_programme(session: Session, principal: Principal, data: ProgrammeInput) -> Programme:
    require(principal, Permission.WRITE_RECORDS)
    problems = check_distribution(session, principal, data)
    taken = session.scalar(
        select(Programme.id).where(
            Programme.code == data.code, Programme.origin_agency == principal.agency
        )
    )
    if taken:
        problems.append(FieldProblem("code", N_("Your agency has a programme with this code.")))
    problems += identifier_problems(data.description, "description")
    if problems:
        raise ValidationFailed(problems)
    programme = Programme(
        uid=new_uid(), origin_agency=principal.agency, author_id=principal.user_id,
        author_name=principal.display_name, handling_code=data.handling_code,
        handling_note=data.handling_note,
        **data.model_dump(exclude={"handling_code", "handling_note", "distribution",
                                   "recipients", "sharing_group"}),
    )  # fmt: skip
    session.add(programme)
    session.flush()
    set_recipients(session, programme, data)
    lists.index(session, programme)
    record(session, principal.actor, "prevention.programme.create", KIND, programme.uid,
           details={"code": data.code, "country": data.country})  # fmt: skip
    exchange.release(session, principal, programme)
    return programme


def read_programme(session: Session, principal: Principal, ident: int | str) -> ProgrammeView:
    programme = access(session, principal, Programme, ident)
    pid = programme.id
    indicators = list(
        session.scalars(select(Indicator).where(Indicator.programme_id == pid).order_by(Indicator.code))
    )  # fmt: skip
    outcomes: dict[int, list[Outcome]] = {i.id: [] for i in indicators}
    if indicators:
        stmt = (
            select(Outcome)
            .where(Outcome.indicator_id.in_(outcomes))
            .order_by(Outcome.year, Outcome.region, Outcome.level)
        )
        for outcome in session.scalars(stmt):
            outcomes[outcome.indicator_id].append(outcome)
    return ProgrammeView(
        programme,
        list(session.scalars(select(Unit).where(Unit.programme_id == pid).order_by(Unit.region, Unit.name))),
        list(session.scalars(select(Activity).where(Activity.programme_id == pid).order_by(Activity.starts_on))),
        list(session.scalars(select(Reach).where(Reach.programme_id == pid).order_by(
            Reach.year, Reach.region, Reach.measure, Reach.age_band, Reach.sex))),
        [(i, outcomes[i.id]) for i in indicators],
    )  # fmt: skip


def changed(session: Session, principal: Principal, programme: Programme, action: str,
            details: dict[str, object]) -> None:  # fmt: skip
    """A new version of the programme: audited as ``prevention.<action>`` and sent to the
    agencies its distribution names."""
    programme.version += 1
    programme.updated_at = utcnow()
    record(session, principal.actor, f"prevention.{action}", KIND, programme.uid, details=details)
    session.flush()
    exchange.release(session, principal, programme)


def add_unit(
    session: Session, principal: Principal, programme_id: int | str, data: UnitInput
) -> Unit:
    programme = access(session, principal, Programme, programme_id, "write", for_update=True)
    _refuse_identifiers((data.name, "name"), (data.region, "region"), (data.district, "district"))
    unit = Unit(uid=new_uid(), programme_id=programme.id, **data.model_dump())
    session.add(unit)
    changed(session, principal, programme, "unit.add", {"unit": unit.uid, "kind": data.kind})
    return unit


def add_activity(
    session: Session, principal: Principal, programme_id: int | str, data: ActivityInput
) -> Activity:
    programme = access(session, principal, Programme, programme_id, "write", for_update=True)
    _refuse_identifiers((data.title, "title"), (data.notes, "notes"))
    unit_id = None
    if data.unit_uid:
        unit_id = session.scalar(
            select(Unit.id).where(Unit.uid == data.unit_uid, Unit.programme_id == programme.id)
        )
        if unit_id is None:
            raise ValidationFailed(
                [FieldProblem("unit_uid", N_("No such unit in this programme."))]
            )
    activity = Activity(
        uid=new_uid(), programme_id=programme.id, unit_id=unit_id,
        **data.model_dump(exclude={"unit_uid"}),
    )  # fmt: skip
    session.add(activity)
    changed(session, principal, programme, "activity.add", {"activity": activity.uid})
    return activity


def set_reach(
    session: Session, principal: Principal, programme_id: int | str, data: ReachInput
) -> list[Reach]:
    """Replace the counts of one year and region."""
    programme = access(session, principal, Programme, programme_id, "write", for_update=True)
    _refuse_identifiers((data.region, "region"), (data.source, "source"))
    rows = put_reach(session, programme, data)
    changed(session, principal, programme, "reach.set",
             {"year": data.year, "region": data.region, "counts": len(rows)})  # fmt: skip
    return rows


def put_reach(session: Session, programme: Programme, data: ReachInput) -> list[Reach]:
    """The counts of one year and region in place of the earlier ones (no version, no audit:
    the caller's action does both once)."""
    session.execute(
        delete(Reach).where(
            Reach.programme_id == programme.id, Reach.year == data.year, Reach.region == data.region
        )
    )
    rows = [
        Reach(programme_id=programme.id, year=data.year, region=data.region, source=data.source,
              verified=data.verified, **c.model_dump())
        for c in data.counts
    ]  # fmt: skip
    session.add_all(rows)
    return rows


def add_indicator(
    session: Session, principal: Principal, programme_id: int | str, data: IndicatorInput
) -> Indicator:
    programme = access(session, principal, Programme, programme_id, "write", for_update=True)
    _refuse_identifiers((data.definition, "definition"), (data.numerator, "numerator"),
                        (data.denominator, "denominator"))  # fmt: skip
    taken = session.scalar(
        select(Indicator.id).where(
            Indicator.programme_id == programme.id, Indicator.code == data.code
        )
    )
    if taken:
        raise ValidationFailed(
            [FieldProblem("code", N_("This programme has an indicator with this code."))]
        )
    indicator = Indicator(
        uid=new_uid(), programme_id=programme.id, levels=" ".join(data.levels),
        **data.model_dump(exclude={"levels"}),
    )  # fmt: skip
    session.add(indicator)
    changed(session, principal, programme, "indicator.add", {"indicator": data.code})
    return indicator


def record_outcome(
    session: Session, principal: Principal, programme_id: int | str, data: OutcomeInput
) -> Outcome:
    """An indicator's value for a year and region (replacing an earlier one)."""
    programme = access(session, principal, Programme, programme_id, "write", for_update=True)
    indicators = indicators_of(session, programme)
    indicator = indicators.get(data.indicator)
    problems = outcome_problems(indicator, data)
    if problems:
        raise ValidationFailed(problems)
    assert indicator is not None
    outcome = put_outcome(session, indicator, data)
    changed(session, principal, programme, "outcome.record",
             {"indicator": indicator.code, "year": data.year, "region": data.region})  # fmt: skip
    return outcome


def indicators_of(session: Session, programme: Programme) -> dict[str, Indicator]:
    """The programme's indicators by code and by uid (an outcome names either)."""
    found = session.scalars(select(Indicator).where(Indicator.programme_id == programme.id))
    return {key: i for i in found for key in (i.code, i.uid)}


def outcome_problems(indicator: Indicator | None, data: OutcomeInput) -> list[FieldProblem]:
    """What is wrong with ``data`` as a value of ``indicator`` (None: no such indicator)."""
    problems = identifiers_in((data.region, "region"), (data.source, "source"))
    if indicator is None:
        return [*problems, FieldProblem("indicator", N_("No such indicator in this programme."))]
    if indicator.kind == "rate" and data.denominator is None:
        problems.append(FieldProblem("denominator", N_("A rate needs its denominator.")))
    if indicator.kind == "level" and data.level not in indicator.levels.split():
        problems.append(FieldProblem("level", N_("Must be one of: %(expected)s."),
                                     {"expected": ", ".join(indicator.levels.split())}))  # fmt: skip
    return problems


def put_outcome(session: Session, indicator: Indicator, data: OutcomeInput) -> Outcome:
    """The value in place of an earlier one of the same year, region and level (no version,
    no audit: the caller's action does both once)."""
    session.execute(
        delete(Outcome).where(
            Outcome.indicator_id == indicator.id, Outcome.year == data.year,
            Outcome.region == data.region, Outcome.level == data.level,
        )
    )  # fmt: skip
    outcome = Outcome(indicator_id=indicator.id, **data.model_dump(exclude={"indicator"}))
    session.add(outcome)
    return outcome


def unit_of(session: Session, principal: Principal, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound(N_("No such record."))
    access(session, principal, Programme, unit.programme_id)
    return unit
