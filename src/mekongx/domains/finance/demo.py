"""The demo's financial investigation at ONCB: a bank's goAML report with a planted chain
(cash structured under THB 2 M, a fan-out to six new accounts, a collector, a transfer to Laos),
read in and run through the detectors, with the collector's account frozen."""

from __future__ import annotations

import datetime as dt
import tempfile
from importlib import resources
from pathlib import Path

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.finance import assets, service
from mekongx.domains.finance.schemas import AssetInput, CaseInput, TransitionInput

DEMO_FILE = "demo_goaml.xml"


def demo_file() -> bytes:
    return resources.files("mekongx.domains.finance").joinpath(f"data/{DEMO_FILE}").read_bytes()


def seed_demo_finance(session: Session, principal: Principal) -> int:
    """One case with the demo file imported, alerts found and an asset frozen. Returns its id."""
    case = service.create_case(
        session,
        principal,
        CaseInput(
            title="Operation Golden Reed: cash structuring through Mae Sai",
            summary="STR MKCB-STR-2024-0617 from Mekong Commercial Bank, Chiang Rai branch.",
            language="en",
            base_currency="THB",
            handling_code="H3",
            handling_note="Financial data: own agency only.",
            distribution="own",
        ),
    )
    with tempfile.TemporaryDirectory(prefix="mekongx-demo-") as work:
        path = Path(work) / DEMO_FILE
        path.write_bytes(demo_file())
        dataset = service.read_file(
            path, Path(work) / "read", base_currency="THB", lang="en", timezone="Asia/Bangkok"
        )
        service.add_transactions(
            session, principal, case.id, dataset, DEMO_FILE, service.sha256_of(path)
        )
    service.run_detection(session, principal, case.id)
    asset = assets.add_asset(
        session,
        principal,
        case.id,
        AssetInput(kind="bank_account", description="Balance of Northern Star Holdings Co., Ltd.",
                   account="099-7-33120-8", value=293_200, currency="THB", valued_on=dt.date(2024, 6, 20),
                   custodian="Mekong Commercial Bank"),
    )  # fmt: skip
    assets.transition(
        session,
        principal,
        asset.id,
        TransitionInput(to_state="frozen", authority="Anti-Money Laundering Office", order_number="AMLO 112/2567",
                        order_date=dt.date(2024, 6, 21), expires_on=dt.date(2024, 9, 19)),
    )  # fmt: skip
    return case.id
