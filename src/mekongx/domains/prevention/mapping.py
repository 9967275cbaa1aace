"""Comparability between indicators of different programmes: which measure the same thing,
which only partly, and which do not — stated explicitly, so a dashboard never puts two figures
side by side as if they meant the same when nobody said so.

A statement is this node's own (an analyst's judgement, audited); it names the two indicators
by uid, so it holds for received programmes too. Only indicators of programmes the user may see
can be named."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require, visible
from mekongx.domains.prevention.models import SEARCH_KIND, Comparability, Indicator, Programme
from mekongx.domains.prevention.schemas import ComparabilityInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.record import new_uid


@dataclass
class Pair:
    mapping: Comparability
    left: Indicator
    left_programme: Programme
    right: Indicator
    right_programme: Programme


def visible_indicators(
    session: Session, principal: Principal, uids: list[str] | None = None
) -> dict[str, tuple[Indicator, Programme]]:
    programmes = visible(principal, Programme).subquery()
    stmt = select(Indicator, Programme).join(Programme, Programme.id == Indicator.programme_id)
    stmt = stmt.where(Programme.id.in_(select(programmes.c.id)))
    if uids is not None:
        stmt = stmt.where(Indicator.uid.in_(uids))
    return {i.uid: (i, p) for i, p in session.execute(stmt).all()}


def state(session: Session, principal: Principal, data: ComparabilityInput) -> Comparability:
    """Say whether two indicators are comparable (replacing an earlier statement on the pair)."""
    require(principal, Permission.WRITE_RECORDS)
    found = visible_indicators(session, principal, [data.left, data.right])
    problems = [
        FieldProblem(name, N_("No such indicator."))
        for name, uid in (("left", data.left), ("right", data.right))
        if uid not in found
    ]
    if data.left == data.right:
        problems.append(FieldProblem("right", N_("Choose two different indicators.")))
    if problems:
        raise ValidationFailed(problems)
    left, right = sorted((data.left, data.right))
    mapping = session.scalar(
        select(Comparability).where(
            Comparability.left_uid == left, Comparability.right_uid == right
        )
    )
    if mapping is None:
        mapping = Comparability(uid=new_uid(), left_uid=left, right_uid=right)
        session.add(mapping)
    mapping.verdict, mapping.statement, mapping.language = (
        data.verdict,
        data.statement,
        data.language,
    )
    mapping.agency_code, mapping.author_name = principal.agency, principal.display_name
    session.flush()
    record(session, principal.actor, "prevention.comparability.state", SEARCH_KIND, mapping.uid,
           details={"left": left, "right": right, "verdict": data.verdict})  # fmt: skip
    return mapping


def pairs(
    session: Session, principal: Principal, indicator_uids: list[str] | None = None
) -> list[Pair]:
    """The statements on indicators this user may see (both sides), optionally about some."""
    require(principal, Permission.READ_RECORDS)
    stmt = select(Comparability).order_by(Comparability.verdict, Comparability.id)
    if indicator_uids is not None:
        stmt = stmt.where(
            or_(
                Comparability.left_uid.in_(indicator_uids),
                Comparability.right_uid.in_(indicator_uids),
            )
        )
    mappings = list(session.scalars(stmt))
    seen = visible_indicators(
        session, principal, sorted({u for m in mappings for u in (m.left_uid, m.right_uid)})
    )
    return [
        Pair(m, *seen[m.left_uid], *seen[m.right_uid])
        for m in mappings
        if m.left_uid in seen and m.right_uid in seen
    ]
