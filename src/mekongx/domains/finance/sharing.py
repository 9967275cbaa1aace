"""Asset-sharing agreements with other countries, and the share they give when an asset is
shared: the latest signed agreement with a country is the one in force; a share without one is a
case-by-case decision that names its basis in the note."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.domains.finance.models import FinSharingAgreement
from mekongx.domains.finance.schemas import SharingAgreementInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_


def in_force(session: Session, country: str, on: dt.date) -> FinSharingAgreement | None:
    """The agreement with ``country`` in force on ``on`` (the latest signed), if any."""
    return session.scalar(
        select(FinSharingAgreement)
        .where(
            FinSharingAgreement.country == country,
            FinSharingAgreement.signed_on <= on,
            or_(FinSharingAgreement.expires_on.is_(None), FinSharingAgreement.expires_on >= on),
        )
        .order_by(FinSharingAgreement.signed_on.desc(), FinSharingAgreement.id.desc())
        .limit(1)
    )


def agreements(session: Session, principal: Principal) -> list[FinSharingAgreement]:
    require(principal, Permission.READ_RECORDS)
    return list(
        session.scalars(
            select(FinSharingAgreement).order_by(
                FinSharingAgreement.country, FinSharingAgreement.signed_on.desc()
            )
        )
    )


def add_agreement(
    session: Session, principal: Principal, data: SharingAgreementInput
) -> FinSharingAgreement:
    """Record an agreement (administrators). A later agreement with the same country supersedes
    an earlier one from the day it is signed."""
    require(principal, Permission.MANAGE_AGENCIES)
    if data.expires_on is not None and data.expires_on <= data.signed_on:
        raise ValidationFailed(
            [FieldProblem("expires_on", N_("The agreement must end after it was signed."))]
        )
    row = FinSharingAgreement(**data.model_dump(), created_by=principal.username)
    session.add(row)
    session.flush()
    record(session, principal.actor, "finance.sharing.create", "fin_sharing_agreement", row.uid,
           details={"country": data.country, "partner_percent": data.partner_percent,
                    "signed_on": data.signed_on.isoformat()})  # fmt: skip
    return row
