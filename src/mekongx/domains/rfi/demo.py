"""The demo's bilateral answer times for requests for information (administrators record them):
ONCB and NNCC hold the same terms on both sides. Invented for the demo; without an agreement
the defaults of ``clock.DEFAULT_HOURS`` apply (Directive (EU) 2023/977 Art. 5)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.rfi import service
from mekongx.domains.rfi.schemas import AgreementInput

# counterpart: [(urgency, hours, reminder at % of the time, note)]
AGREEMENTS = {
    "ONCB": {"NNCC": [
        ("urgent", 24, 50, "Demo: invented terms; Beijing is one hour ahead, so a day, not 8 hours."),
        ("priority", 72, 75, "Demo: invented terms."),
        ("routine", 240, 80, "Demo: invented terms (ten days)."),
    ]},
    "NNCC": {"ONCB": [
        ("urgent", 24, 50, "演示数据（虚构）：紧急请求一天内答复。"),
        ("priority", 72, 75, "演示数据（虚构）。"),
        ("routine", 240, 80, "演示数据（虚构）：常规请求十天内答复。"),
    ]},
}  # fmt: skip


def seed_demo_agreements(session: Session, admin: Principal) -> None:
    for agency, terms in AGREEMENTS.get(admin.agency, {}).items():
        for urgency, hours, reminder, note in terms:
            service.set_agreement(session, admin, AgreementInput(
                agency=agency, urgency=urgency, hours=hours, reminder_percent=reminder, note=note))  # fmt: skip
