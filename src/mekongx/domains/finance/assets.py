"""The asset lifecycle: seized or frozen → forfeited → managed → disposed, returned or shared.

Each state change is a row of its own with the order behind it (authority, number, date,
expiry), written with its audit row; a change the lifecycle does not allow is refused with the
states it does allow.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, require
from mekongx.domains.finance import sharing
from mekongx.domains.finance.models import FinAsset, FinAssetEvent, FinCase, FinSharingAgreement
from mekongx.domains.finance.schemas import AssetInput, TransitionInput
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow

STATES: Final = (
    "identified",
    "seized",
    "frozen",
    "forfeited",
    "managed",
    "disposed",
    "returned",
    "shared",
    "released",
)
NEXT: Final[dict[str, tuple[str, ...]]] = {
    "identified": ("seized", "frozen"),
    "seized": ("frozen", "forfeited", "released"),
    "frozen": ("frozen", "forfeited", "released"),  # frozen again: the order is renewed
    "forfeited": ("managed", "disposed", "returned", "shared"),
    "managed": ("disposed", "returned", "shared"),
    "disposed": (),
    "returned": (),
    "shared": (),
    "released": (),
}
#: States that rest on an order (court or competent authority), and those whose order expires.
NEEDS_ORDER: Final = frozenset({"seized", "frozen", "forfeited", "released"})
EXPIRES: Final = frozenset({"frozen"})
STATE_LABELS: Final = {
    "identified": N_("identified"),
    "seized": N_("seized"),
    "frozen": N_("frozen / restrained"),
    "forfeited": N_("forfeited"),
    "managed": N_("under management"),
    "disposed": N_("disposed of"),
    "returned": N_("returned to a victim"),
    "shared": N_("shared with another country"),
    "released": N_("released"),
}
KIND_LABELS: Final = {
    "bank_account": N_("bank account"),
    "real_estate": N_("real estate"),
    "vehicle": N_("vehicle"),
    "cash": N_("cash"),
    "crypto": N_("crypto-assets"),
    "jewellery": N_("jewellery and gold"),
    "vessel": N_("vessel"),
    "other": N_("other"),
}


def add_asset(session: Session, principal: Principal, case_id: int, data: AssetInput) -> FinAsset:
    case = access(session, principal, FinCase, case_id, "write")
    asset = FinAsset(case_id=case.id, **data.model_dump())
    session.add(asset)
    session.flush()
    record(session, principal.actor, "finance.asset.create", "fin_asset", asset.uid,
           details={"case": case.uid, "kind": data.kind, "value": data.value, "currency": data.currency})  # fmt: skip
    return asset


def _asset(
    session: Session, principal: Principal, asset_id: int, action: str
) -> tuple[FinAsset, FinCase]:
    asset = session.get(FinAsset, asset_id)
    if asset is None:
        raise NotFound(N_("No such record."))
    case = access(session, principal, FinCase, asset.case_id, action)  # type: ignore[arg-type]
    return asset, case


def transition(
    session: Session, principal: Principal, asset_id: int, data: TransitionInput
) -> FinAsset:
    """Move an asset to ``data.to_state``, refusing what the lifecycle forbids."""
    require(principal, Permission.WRITE_RECORDS)
    asset, case = _asset(session, principal, asset_id, "write")
    allowed = NEXT[asset.state]
    if data.to_state not in allowed:
        raise Conflict(
            N_(
                "The lifecycle does not allow this change from the asset's current state; the case page lists the changes it allows."
            ),
            state=asset.state,
            target=data.to_state,
            allowed=", ".join(allowed) or "-",
        )
    problems = []
    if data.to_state in NEEDS_ORDER:
        if not data.authority:
            problems.append(
                FieldProblem("authority", N_("Name the court or authority that issued the order."))
            )
        if not data.order_number:
            problems.append(FieldProblem("order_number", N_("Give the order's number.")))
        if data.order_date is None:
            problems.append(FieldProblem("order_date", N_("Give the order's date.")))
    if data.to_state in EXPIRES and data.expires_on is None:
        problems.append(
            FieldProblem("expires_on", N_("A freezing order has an expiry date; give it."))
        )
    if data.expires_on and data.order_date and data.expires_on <= data.order_date:
        problems.append(
            FieldProblem("expires_on", N_("The order must expire after it was issued."))
        )
    agreement = None
    share_percent = data.share_percent
    if data.to_state == "shared":
        agreement, share_percent = _share(session, data, problems)
    if problems:
        raise ValidationFailed(problems)
    session.add(
        FinAssetEvent(
            asset_id=asset.id,
            from_state=asset.state,
            to_state=data.to_state,
            changed_by=principal.username,
            agreement_id=agreement.id if agreement else None,
            share_amount=round(asset.value * share_percent / 100, 2) if share_percent else None,
            **data.model_dump(exclude={"to_state", "share_percent"}),
            share_percent=share_percent,
        )
    )
    before = asset.state
    asset.state = data.to_state
    asset.order_expires = data.expires_on if data.to_state in EXPIRES else None
    if data.custodian:
        asset.custodian = data.custodian
    asset.updated_at = utcnow()
    record(session, principal.actor, "finance.asset.transition", "fin_asset", asset.uid,
           details={"case": case.uid, "from": before, "to": data.to_state, "order": data.order_number,
                    "agreement": agreement.uid if agreement else None, "share_percent": share_percent})  # fmt: skip
    return asset


def _share(
    session: Session, data: TransitionInput, problems: list[FieldProblem]
) -> tuple[FinSharingAgreement | None, float | None]:
    """The agreement in force with the other country and the share it gives; without one, the
    share given in the form, whose basis the note must name."""
    if not data.share_country:
        problems.append(
            FieldProblem("share_country", N_("Name the country the asset is shared with."))
        )
        return None, None
    agreement = sharing.in_force(session, data.share_country, data.order_date or dt.date.today())
    if agreement is None:
        if data.share_percent is None:
            problems.append(FieldProblem("share_percent", N_("No sharing agreement with %(country)s is in force: give its share in percent and name the basis in the note."),
                                         {"country": data.share_country}))  # fmt: skip
        elif not data.note:
            problems.append(FieldProblem("note", N_("A share without an agreement needs its legal basis in the note.")))  # fmt: skip
        return None, data.share_percent
    if (
        data.share_percent is not None
        and abs(data.share_percent - agreement.partner_percent) > 1e-9
    ):
        problems.append(FieldProblem("share_percent", N_("The agreement with %(country)s in force since %(date)s gives it %(percent)s per cent; leave the share empty or give that figure."),
                                     {"country": agreement.country, "date": agreement.signed_on.isoformat(),
                                      "percent": f"{agreement.partner_percent:g}"}))  # fmt: skip
    return agreement, agreement.partner_percent


def assets_of(session: Session, case: FinCase) -> list[FinAsset]:
    return list(
        session.scalars(select(FinAsset).where(FinAsset.case_id == case.id).order_by(FinAsset.id))
    )


def history(session: Session, asset: FinAsset) -> list[FinAssetEvent]:
    return list(
        session.scalars(
            select(FinAssetEvent)
            .where(FinAssetEvent.asset_id == asset.id)
            .order_by(FinAssetEvent.id)
        )
    )


def expiring(
    session: Session, principal: Principal, within_days: int = 30, *, today: dt.date | None = None
) -> list[tuple[FinAsset, FinCase]]:
    """Assets of cases the user may see whose freezing order expires within ``within_days``."""
    from mekongx.authz import visible

    cases = visible(principal, FinCase).subquery()
    limit = (today or dt.date.today()) + dt.timedelta(days=within_days)
    rows = session.execute(
        select(FinAsset, FinCase).join(FinCase, FinCase.id == FinAsset.case_id)
        .where(FinAsset.case_id.in_(select(cases.c.id)), FinAsset.order_expires.is_not(None), FinAsset.order_expires <= limit)
        .order_by(FinAsset.order_expires)
    ).all()  # fmt: skip
    return [(a, c) for a, c in rows]
