"""The demo's financial investigations: at ONCB a bank's goAML report with a planted chain
(cash structured under THB 2 M, a fan-out to six new accounts, a collector, a transfer to Laos),
read in and run through the detectors, with the collector's account frozen; at NNCC the Yunnan
end of the same money (the account its answer to ONCB's request names), with the account frozen;
and each node's asset-sharing agreements. Every name, account and figure is invented."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import tempfile
from importlib import resources
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.finance import assets, requests, service, sharing
from mekongx.domains.finance.schemas import (
    AssetInput,
    CaseInput,
    SharingAgreementInput,
    TransitionInput,
)
from mekongx.domains.rfi import service as rfi_service
from mekongx.domains.rfi.attachments import File
from mekongx.domains.rfi.models import Rfi, RfiParty
from mekongx.domains.rfi.schemas import AcknowledgeInput, ReplyInput, RfiInput, Target

DEMO_FILE = "demo_goaml.xml"


def demo_file() -> bytes:
    return resources.files("mekongx.domains.finance").joinpath(f"data/{DEMO_FILE}").read_bytes()


def _seed_case(
    session: Session,
    principal: Principal,
    data: CaseInput,
    filename: str,
    content: bytes,
    timezone: str,
    asset: AssetInput,
    order: TransitionInput,
) -> int:
    """A case with ``content`` imported as the bank gave it, run through the detectors, and
    ``asset`` recorded and moved by ``order``. Returns the case's id."""
    case = service.create_case(session, principal, data)
    with tempfile.TemporaryDirectory(prefix="mekongx-demo-") as work:
        path = Path(work) / filename
        path.write_bytes(content)
        dataset = service.read_file(path, Path(work) / "read", base_currency=data.base_currency,
                                    lang=data.language, timezone=timezone)  # fmt: skip
        service.add_transactions(session, principal, case.id, dataset, filename, service.sha256_of(path))  # fmt: skip
    service.run_detection(session, principal, case.id)
    added = assets.add_asset(session, principal, case.id, asset)
    assets.transition(session, principal, added.id, order)
    return case.id


# The freezing orders are dated back from the day the demo is seeded, so that they are in force
# when it is tried: the Thai order restrains the account for 90 days, the most the Anti-Money
# Laundering Act B.E. 2542 (1999), section 48, allows, made 70 days before (it shows among the
# orders expiring within a month); the Chinese one freezes it for six months, the period of a
# freeze of deposits under the Ministry of Public Security's Provisions on the Procedures for
# Handling Criminal Cases (renewable six months at a time), made 40 days before.
AMLO_ORDER_DAYS, AMLO_ORDER_AGE = 90, 70
PSB_ORDER_MONTHS, PSB_ORDER_AGE = 6, 40


def _months_on(day: dt.date, months: int) -> dt.date:
    """The last day of a period of ``months`` months that begins on ``day``: the day before the
    same day of the month, or the month's last day where it has no such day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day > last:
        return dt.date(year, month + 1, last)
    return dt.date(year, month + 1, day.day) - dt.timedelta(days=1)


def seed_demo_finance(session: Session, principal: Principal, today: dt.date | None = None) -> int:
    """One case with the demo file imported, alerts found and an asset frozen (the order in
    force on ``today``, by default the day it is seeded). Returns its id."""
    ordered = (today or dt.date.today()) - dt.timedelta(days=AMLO_ORDER_AGE)
    return _seed_case(
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
        DEMO_FILE,
        demo_file(),
        "Asia/Bangkok",
        AssetInput(kind="bank_account", description="Balance of Northern Star Holdings Co., Ltd.",
                   account="099-7-33120-8", value=293_200, currency="THB", valued_on=dt.date(2024, 6, 20),
                   custodian="Mekong Commercial Bank"),
        TransitionInput(to_state="frozen", authority="Anti-Money Laundering Office",
                        order_number=f"AMLO 112/{ordered.year + 543}",  # the Buddhist Era's year
                        order_date=ordered, expires_on=ordered + dt.timedelta(days=AMLO_ORDER_DAYS)),
    )  # fmt: skip


# The Yunnan account of the director of Mekong Border Logistics as NNCC's bank statement shows it
# (invented): the transfers from Laos that NNCC's answer to ONCB's request totals (CNY 612,480
# from 20 June to 5 July 2024), then cash taken out and a transfer on, leaving CNY 204,915.37.
NNCC_ACCOUNT = "6217857300002231448"
NNCC_STATEMENT = (
    "transaction_id,timestamp,from_account,to_account,amount,currency,channel,from_country,to_country,branch\n"
    "ABC-XSBN-240620-0113,2024-06-20T10:42:00+08:00,LA-BCEL-0100-5566,6217857300002231448,318000.00,CNY,remittance,LA,CN,\n"
    "ABC-XSBN-240705-0087,2024-07-05T15:07:00+08:00,LA-BCEL-0100-5566,6217857300002231448,294480.00,CNY,remittance,LA,CN,\n"
    "ABC-XSBN-240708-0021,2024-07-08T09:30:00+08:00,6217857300002231448,CASH:Jinghong,49000.00,CNY,cash_withdrawal,CN,CN,Jinghong\n"
    "ABC-XSBN-240709-0044,2024-07-09T09:55:00+08:00,6217857300002231448,CASH:Mengla,49000.00,CNY,cash_withdrawal,CN,CN,Mengla\n"
    "ABC-XSBN-240710-0102,2024-07-10T11:18:00+08:00,6217857300002231448,CASH:Jinghong,48500.00,CNY,cash_withdrawal,CN,CN,Jinghong\n"
    "ABC-XSBN-240715-0230,2024-07-15T16:40:00+08:00,6217857300002231448,6228480123400918872,261064.63,CNY,transfer,CN,CN,\n"
)  # fmt: skip


def seed_demo_finance_nncc(
    session: Session, principal: Principal, today: dt.date | None = None
) -> int:
    """NNCC's case on the Yunnan account of the Golden Reed money: the bank statement imported
    and run through the detectors, the account frozen by the prefecture's public security bureau
    (the order in force on ``today``, by default the day it is seeded). Returns the case's id."""
    ordered = (today or dt.date.today()) - dt.timedelta(days=PSB_ORDER_AGE)
    return _seed_case(
        session,
        principal,
        CaseInput(
            title="金芦苇案（中方）：张伟西双版纳账户资金流向",
            summary="泰国肃毒委员会办公室请求协查的老挝汇款，农业银行西双版纳分行账户流水。",
            language="zh",
            base_currency="CNY",
            handling_code="H3",
            handling_note="金融数据：仅限本机构。",
            distribution="own",
        ),
        "abc-xsbn-statement.csv",
        NNCC_STATEMENT.encode(),
        "Asia/Shanghai",
        AssetInput(kind="bank_account", description="张伟 农业银行西双版纳分行账户余额", account=NNCC_ACCOUNT,
                   value=204_915.37, currency="CNY", valued_on=dt.date(2024, 7, 16),
                   custodian="中国农业银行西双版纳分行"),
        TransitionInput(to_state="frozen", authority="西双版纳州公安局",
                        order_number=f"西公（禁）冻字〔{ordered.year}〕117号", order_date=ordered,
                        expires_on=_months_on(ordered, PSB_ORDER_MONTHS)),
    )  # fmt: skip


# Each node's asset-sharing agreements (administrators record them). Invented for the demo:
# the terms follow the UN Model Bilateral Agreement on the Sharing of Confiscated Proceeds of
# Crime or Property (ECOSOC resolution 2005/14, annex), which leaves the share to the parties.
_MODEL = "UN Model Bilateral Agreement on the Sharing of Confiscated Proceeds of Crime or Property (ECOSOC res. 2005/14)"  # fmt: skip
SHARING_AGREEMENTS: dict[str, list[tuple[str, int, str, dt.date, dt.date | None, str]]] = {
    "ONCB": [
        ("CN", 50, f"Demo agreement with China after the {_MODEL}", dt.date(2019, 10, 26), None,
         "Demo: invented terms; equal shares where both countries' authorities took part."),
        ("LA", 50, f"Demo agreement with Lao PDR after the {_MODEL}", dt.date(2021, 3, 15), None,
         "Demo: invented terms."),
        ("LA", 40, f"Demo agreement with Lao PDR after the {_MODEL}", dt.date(2016, 6, 1),
         dt.date(2021, 3, 14), "Demo: superseded by the 2021 agreement."),
    ],
    "NNCC": [
        ("TH", 50, f"演示协议（虚构），参照{_MODEL}", dt.date(2019, 10, 26), None,
         "演示数据：双方主管机关共同参与的案件平均分享。"),
    ],
}  # fmt: skip


def seed_sharing_agreements(session: Session, admin: Principal) -> None:
    for country, share, basis, signed, ends, note in SHARING_AGREEMENTS.get(admin.agency, []):
        sharing.add_agreement(session, admin, SharingAgreementInput(
            country=country, partner_percent=share, legal_basis=basis, signed_on=signed,
            expires_on=ends, note=note))  # fmt: skip


DEMO_REQUEST_SUBJECT = "Golden Reed: proceeds moved on through Mekong Border Logistics to Yunnan"


def seed_demo_request(session: Session, liaison: Principal, case_id: int) -> None:
    """ONCB asks NNCC to trace the accounts in Yunnan of the Lao company that received part of
    the proceeds, with the two transfers attached as a CSV extract."""
    extract = (
        b"transaction_id,date,from_account,to_account,amount,currency\n"
        b"MKCB-240618-0047,2024-06-18,099-7-33120-8,LA-BCEL-0100-5566,1850000.00,THB\n"
        b"MKCB-240619-0012,2024-06-19,099-7-33120-8,LA-BCEL-0100-5566,1420000.00,THB\n"
    )
    ask = RfiInput(
        subject=DEMO_REQUEST_SUBJECT,
        question=(
            "Operation Golden Reed: THB 3.27 M of structured cash deposits left the collector "
            "account 099-7-33120-8 for Mekong Border Logistics (BCEL, Vientiane) on 18-19 June "
            "2024. Its director, a Chinese national, is believed to hold accounts in Xishuangbanna. "
            "Please trace the funds received by those accounts since June 2024 and tell us their "
            "balances."
        ),
        language="en",
        urgency="priority",
        requested=["NNCC"],
        handling_code="H2",
        purpose="asset_tracing",
        legal_basis="informal",
        targets=[
            Target(kind="company", identifier="LA-BCEL-0100-5566", name="Mekong Border Logistics",
                   institution="BCEL", country="LA", amount=3_270_000, currency="THB"),
            Target(kind="person", identifier="E12345678", name="张伟 (Zhang Wei)", country="CN"),
        ],
    )  # fmt: skip
    requests.send(session, liaison, case_id, ask, [File("transfers-to-Laos.csv", extract)])


def answer_demo_request(session: Session, liaison: Principal) -> bool:
    """NNCC's answer to the demo request, once it has arrived: acknowledged, then answered with a
    statement of the traced account. True once the request is answered (now or before)."""
    found = session.execute(
        select(Rfi.id, RfiParty.status)
        .join(RfiParty, RfiParty.rfi_id == Rfi.id)
        .where(Rfi.received.is_(True), Rfi.subject == DEMO_REQUEST_SUBJECT,
               RfiParty.agency_code == liaison.agency)
    ).first()  # fmt: skip
    if found is None:
        return False
    rfi_id, status = found
    if status in ("answered", "refused"):
        return True
    if status == "sent":
        rfi_service.acknowledge(session, liaison, rfi_id, AcknowledgeInput(note="已收到，正在核查。", language="zh"))  # fmt: skip
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["账号 / account", "户名 / holder", "银行 / bank", "收款 / received (CNY)", "余额 / balance (CNY)"])  # fmt: skip
    sheet.append(["6217 8573 0000 2231 448", "张伟", "农业银行 西双版纳分行", 612_480.00, 204_915.37])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    rfi_service.reply(
        session,
        liaison,
        rfi_id,
        ReplyInput(
            body=(
                "经查，张伟在农业银行西双版纳分行持有账户 6217 8573 0000 2231 448，"
                "2024年6月20日至7月5日收到来自老挝的汇款共计人民币612,480元，现余额204,915.37元。"
                "该账户已由西双版纳州公安局依法临时冻结。明细见附件。"
            ),
            language="zh",
        ),
        files=[File("账户明细-6217.xlsx", out.getvalue())],
    )
    return True
