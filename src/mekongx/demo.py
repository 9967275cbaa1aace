"""A demo node: ONCB Thailand with its Mekong peers and realistic synthetic intelligence.

Every person, phone number and case here is invented. Place names, agencies and the kinds of
drugs and chemicals reflect the public record of the region (see shared research notes).
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import select

from mekongx.accounts import service as accounts
from mekongx.accounts.partners import partners
from mekongx.accounts.passwords import DEMO_PASSWORD
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.domains.finance.demo import (
    seed_demo_finance,
    seed_demo_finance_nncc,
    seed_demo_request,
    seed_sharing_agreements,
)
from mekongx.domains.fugitives.demo import seed_demo_notices, seed_demo_screening
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.schemas import ReportInput
from mekongx.domains.mekong import demo as mekong_demo
from mekongx.domains.mekong.demo import seed_demo_operations
from mekongx.domains.ports.demo import seed_demo_alert, seed_demo_ports
from mekongx.domains.precursors.demo import seed_demo_notifications, seed_demo_precursors
from mekongx.domains.prevention import demo as prevention_demo
from mekongx.domains.rfi import demo as rfi_demo
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.domains.seizures.demo import seed_demo_seizures
from mekongx.domains.training import demo as training_demo
from mekongx.domains.wbe import exchange as wbe_exchange
from mekongx.domains.wbe.demo import seed_demo_wbe
from mekongx.domains.wbe.models import WbeCampaign
from mekongx.federation import peers as peering
from mekongx.federation.keys import NodeKeys
from mekongx.i18n import LANGUAGES
from mekongx.model.identity import User
from mekongx.settings import Settings

DEMO_NODES = ("ONCB", "NNCC", "SMCC")  # each runs as its own process with its own database
# ``mekongx demo --nodes 7``: the four other Safe Mekong partners run nodes of their own too
ALL_NODES = (*DEMO_NODES, "LCDC", "CCDAC", "NACD", "C04")
NODE_USERS: dict[str, list[tuple[str, str, str, str]]] = {
    "ONCB": [
        ("admin", "Pranee Srisuk", "admin", "th"),
        ("somchai", "Somchai Rattanakul", "analyst", "th"),
        ("nattaya", "Nattaya Wongsawat", "liaison", "th"),
        ("viewer", "Kittipong Boonmee", "viewer", "en"),
    ],
    "NNCC": [
        ("admin", "Zhao Min", "admin", "zh"),
        ("wang.fang", "Wang Fang", "analyst", "zh"),
        ("li.wei", "Li Wei", "liaison", "zh"),
        ("viewer", "Chen Jing", "viewer", "zh"),
    ],
    "SMCC": [
        ("admin", "Khamla Phommachanh", "admin", "lo"),
        ("aung.kyaw", "Aung Kyaw", "analyst", "my"),
        ("sophea", "Sophea Chan", "liaison", "km"),
        ("viewer", "Nguyen Thi Lan", "viewer", "vi"),
    ],
    "LCDC": [
        ("admin", "Bounthavy Sisouphanh", "admin", "lo"),
        ("khamphet", "Khamphet Vongsa", "analyst", "lo"),
        ("souksavanh", "Souksavanh Keola", "liaison", "lo"),
        ("viewer", "Viengkham Phanthavong", "viewer", "lo"),
    ],
    "CCDAC": [
        ("admin", "Min Thu Aung", "admin", "my"),
        ("thandar", "Thandar Win", "analyst", "my"),
        ("kyaw.zin", "Kyaw Zin Oo", "liaison", "my"),
        ("viewer", "Su Mon Hlaing", "viewer", "my"),
    ],
    "NACD": [
        ("admin", "Sok Dara", "admin", "km"),
        ("chantha", "Chea Chantha", "analyst", "km"),
        ("vuthy", "Heng Vuthy", "liaison", "km"),
        ("viewer", "Lim Sreymom", "viewer", "km"),
    ],
    "C04": [
        ("admin", "Tran Van Hung", "admin", "vi"),
        ("thu.ha", "Pham Thu Ha", "analyst", "vi"),
        ("quang", "Le Minh Quang", "liaison", "vi"),
        ("viewer", "Do Thi Mai", "viewer", "vi"),
    ],
}
_RFIS: dict[str, list[tuple[str, str, Any, Any, list[str]]]] = {
    "ONCB": [
        (
            "ขอข้อมูลผู้ต้องสงสัย หลาน เว่ยหง",
            "ขอทราบประวัติการเดินทางและหมายจับของ หลาน เว่ยหง (兰卫红) ในประเทศจีน",
            "th",
            "urgent",
            ["NNCC"],
        ),
        (
            "Consignee check: Huay Xai logistics firm",
            "Please confirm whether the consignee of the propionyl chloride shipment is known to SMCC partners.",
            "en",
            "priority",
            ["SMCC"],
        ),
    ],
    "NNCC": [
        (
            "请求核查泰国车牌",
            "请核查一辆白色皮卡（泰国清莱牌照）近三个月的出入境记录。",
            "zh",
            "routine",
            ["ONCB"],
        ),
    ],
    "SMCC": [
        (
            "Joint operation window",
            "Which dates in the next month suit a joint Mekong patrol?",
            "en",
            "routine",
            ["ONCB", "NNCC"],
        ),
    ],
    # the four further Safe Mekong nodes (demo --nodes 7) ask ONCB and each other, in English
    # as between them: each of the four has a request sent and one received
    "LCDC": [
        (
            "Bokeo river crossing: boat registration check",
            "Please tell us whether the long-tail boat registered CR-4471 at Chiang Saen appears "
            "in your seizure or Mekong patrol records since January.",
            "en",
            "priority",
            ["ONCB", "CCDAC"],
        ),
    ],
    "CCDAC": [
        (
            "Mae Sai bridge crossings of a suspect",
            "Please tell us whether Aung Min Htet crossed the Mae Sai-Tachileik bridge in the last "
            "60 days, with the dates.",
            "en",
            "urgent",
            ["ONCB"],
        ),
    ],
    "NACD": [
        (
            "Golden Bean Trading: branch in Phnom Penh",
            "Golden Bean Trading Co., Ltd., consignee of containers seized at Laem Chabang, has "
            "registered a branch in Phnom Penh. Please share what you hold on it and its contacts.",
            "en",
            "routine",
            ["ONCB", "C04"],
        ),
    ],
    "C04": [
        (
            "Methamphetamine bound for Viet Nam: recent seizures",
            "Please share recent seizures of methamphetamine tablets bound for Viet Nam at your "
            "border crossings with us (Nam Phao-Cau Treo, Bavet-Moc Bai).",
            "en",
            "routine",
            ["LCDC", "NACD"],
        ),
    ],
}
_NODE_LANGUAGES = {
    "ONCB": ["th", "th", "en"],
    "NNCC": ["zh", "zh", "en"],
    "SMCC": ["en", "th", "zh"],
}

_PLACES_TH = ["เชียงราย", "แม่สาย", "เชียงแสน", "แหลมฉบัง", "หนองคาย", "นครพนม", "ตาก", "แม่ฮ่องสอน"]
_PLACES_EN = [
    "Chiang Rai",
    "Mae Sai",
    "Chiang Saen",
    "Laem Chabang",
    "Nong Khai",
    "Bokeo",
    "Tachileik",
    "Huay Xai",
]
_PLACES_ZH = ["西双版纳", "景洪", "磨憨", "瑞丽", "勐腊", "昆明", "孟连", "金三角"]
_NAMES = [
    ("หลาน เว่ยหง", "兰卫红", "Lan Weihong"),
    ("จาง ซิน", "张鑫", "Zhang Xin"),
    ("หลิว หย่ง", "刘勇", "Liu Yong"),
    ("สมศักดิ์ แก้วมณี", "颂萨·缴玛尼", "Somsak Kaewmanee"),
    ("อ่ายหล่า", "艾拉", "Ai La"),
    ("เฉิน เจี้ยนกั๋ว", "陈建国", "Chen Jianguo"),
]
_DRUGS_TH = ["ยาบ้า", "ไอซ์", "เคตามีน", "เฮโรอีน"]
_DRUGS_EN = ["methamphetamine tablets", "crystal methamphetamine", "ketamine", "heroin"]
_DRUGS_ZH = ["甲基苯丙胺片剂", "冰毒", "氯胺酮", "海洛因"]


def _report(rng: random.Random, i: int, agency: str) -> ReportInput:
    lang = rng.choice(_NODE_LANGUAGES.get(agency, ["th", "zh", "en"]))
    th, zh, en = rng.choice(_NAMES)
    n = rng.randint(0, 3)
    qty = rng.choice([20_000, 120_000, 400_000, 1_200_000])
    kg = rng.choice([12, 48, 150, 420])
    phone = f"+66 8{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if lang == "th":
        title = f"ความเคลื่อนไหวเครือข่าย {th} บริเวณ{_PLACES_TH[i % len(_PLACES_TH)]}"
        narrative = (
            f"แหล่งข่าวรายงานว่าเครือข่ายของ {th} ({zh}) เตรียมขนส่ง{_DRUGS_TH[n]} "
            f"ประมาณ {qty:,} เม็ด ผ่านอำเภอ{_PLACES_TH[(i + 1) % len(_PLACES_TH)]} "
            f"ติดต่อผ่านหมายเลข {phone} ขอให้ติดตามการเคลื่อนไหวของรถกระบะสีขาว"
        )
    elif lang == "zh":
        title = f"{zh}团伙在{_PLACES_ZH[i % len(_PLACES_ZH)]}一带活动情况"
        narrative = (
            f"线人报告，{zh}（泰文写作 {th}）团伙计划经{_PLACES_ZH[(i + 1) % len(_PLACES_ZH)]}"
            f"运输{_DRUGS_ZH[n]}约{kg}公斤，联系电话 {phone}。"
            "另有易制毒化学品丙酰氯经老挝博胶转运的线索。"
        )
    else:
        title = f"{en} network activity near {_PLACES_EN[i % len(_PLACES_EN)]}"
        narrative = (
            f"A source reports that the network of {en} ({zh} / {th}) is preparing to move about "
            f"{kg} kg of {_DRUGS_EN[n]} through {_PLACES_EN[(i + 1) % len(_PLACES_EN)]}. "
            f"Contact number {phone}. Precursor consignments declared as industrial solvents "
            f"were seen at Laem Chabang bound for Huay Xai."
        )
    handling = rng.choices(["H0", "H1", "H2", "H3"], weights=[5, 3, 2, 1])[0]
    distribution = rng.choices(["own", "peers", "group"], weights=[5, 3, 2])[0]
    return ReportInput(
        title=title,
        narrative=narrative,
        language=lang,
        source_reliability=rng.choice(["A", "B", "B", "C", "X"]),
        info_reliability=rng.choice([1, 2, 2, 3, 4]),
        handling_code=handling,
        handling_note="Not to be shared with private companies" if handling == "H3" else "",
        distribution=distribution,
        recipients=rng.sample(
            [a for a in ("ONCB", "NNCC", "SMCC", "LCDC") if a != agency], k=rng.randint(1, 2)
        )
        if distribution == "peers"
        else [],
        sharing_group="SAFE-MEKONG" if distribution == "group" else None,
    )


def seed_identity(db: Database, settings: Settings, agency: str) -> list[tuple[str, str]]:
    """Agencies, the Safe Mekong group and the node's users (before peering)."""
    actor = Actor.system(agency, "demo")
    with db.write() as session:
        for entry in partners():
            accounts.create_agency(session, actor, entry.agency_input(agency))
        accounts.create_sharing_group(
            session,
            actor,
            "SAFE-MEKONG",
            {
                "en": "Safe Mekong (six countries)",
                "th": "แม่โขงปลอดภัย (หกประเทศ)",
                "zh": "湄公河安全（六国）",
                "lo": "ແມ່ຂອງປອດໄພ (ຫົກປະເທດ)",
                "my": "မဲခေါင်လုံခြုံရေး (နိုင်ငံခြောက်နိုင်ငံ)",
                "km": "មេគង្គសុវត្ថិភាព (ប្រាំមួយប្រទេស)",
                "vi": "Mekong An toàn (sáu nước)",
            },
            ["ONCB", "NNCC", "SMCC", "LCDC", "CCDAC", "NACD", "C04"],
        )
        people = {
            username: accounts.create_user(
                session,
                actor,
                # a language not offered yet (its catalog incomplete) falls back to English
                accounts.UserInput(
                    username, name, agency, role, DEMO_PASSWORD, lang if lang in LANGUAGES else "en"
                ),
                settings,
            )
            for username, name, role, lang in NODE_USERS[agency]
        }
    del people
    return [(u, role) for u, _, role, _ in NODE_USERS[agency]]


def seed_content(db: Database, agency: str, *, reports: int = 300, seed: int = 2567) -> None:
    """Reports, requests for information and (ONCB) a financial investigation and wastewater
    campaigns; once the nodes are
    peered, whatever their distribution names is queued for the peers."""
    rng = random.Random(f"{seed}-{agency}")
    with db.read() as session:
        users = session.scalars(select(User).where(User.agency_code == agency)).all()
        by_role = {u.role: accounts.principal_for(u) for u in users}
    liaison, analyst = by_role["liaison"], by_role["analyst"]
    submitted = False
    with db.write() as session:
        for i in range(reports):
            data = _report(rng, i, agency)
            author = liaison
            if not submitted and data.distribution != "own":
                # one analyst's report waits in the liaison officers' release queue
                intel.create_report(session, analyst, data, submit=True)
                submitted = True
                continue
            if i % 3 == 0:
                author = analyst
                data = data.model_copy(
                    update={"distribution": "own", "recipients": [], "sharing_group": None}
                )
            intel.create_report(session, author, data)
    with db.write() as session:  # the administrator's agreements with the partners
        seed_sharing_agreements(session, by_role["admin"])
        rfi_demo.seed_demo_agreements(session, by_role["admin"])
    with db.write() as session:
        for subject, question, lang, urgency, to in _RFIS.get(agency, []):
            rfi.create_rfi(
                session,
                liaison,
                RfiInput(
                    subject=subject, question=question, language=lang, urgency=urgency, requested=to
                ),
            )
    with db.write() as session:
        seed_demo_notices(session, agency, analyst, liaison)
        prevention_demo.seed_demo_prevention(session, agency, by_role)
        training_demo.seed_demo_training(session, agency, by_role)
    with db.write() as session:
        seed_demo_screening(session, agency, analyst)
    with db.write() as session:
        seed_demo_seizures(session, agency, analyst, liaison)
        seed_demo_precursors(session, agency, analyst, liaison)
        seed_demo_notifications(session, agency, liaison)
        seed_demo_operations(session, agency, liaison)
        mekong_demo.seed_demo_plan(session, agency, liaison)
    if agency == "NNCC":
        with db.write() as session:
            seed_demo_finance_nncc(session, analyst)
    if agency == "ONCB":
        with db.write() as session:
            case_id = seed_demo_finance(session, analyst)
        with db.write() as session:
            seed_demo_request(session, liaison, case_id)
        with db.write() as session:
            seed_demo_wbe(session, liaison)
            for uid in session.scalars(
                select(WbeCampaign.uid).where(WbeCampaign.distribution != "own")
            ):
                wbe_exchange.share(session, liaison, uid)
        seed_demo_ports(db, analyst, approver=liaison)
        seed_demo_alert(db, analyst, liaison)


def peer_demo_nodes(nodes: dict[str, tuple[Database, NodeKeys, str]]) -> None:
    """Every demo node adds the others as confirmed peers (in real life, after the officers
    compared fingerprints by telephone)."""
    for agency, (db, _keys, _url) in nodes.items():
        actor = Actor.system(agency, "demo")
        with db.write() as session:
            for other, (_db, keys, url) in nodes.items():
                if other == agency:
                    continue
                peering.add_peer(
                    session,
                    actor,
                    peering.PeerInput(
                        other, url, keys.current.sign_public, keys.current.enc_public
                    ),
                )
                peering.confirm_peer(session, actor, other, keys.current.fingerprint)
