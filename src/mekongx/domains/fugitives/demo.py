"""Synthetic wanted-person notices for the demo nodes, so that screening has something to hit.

The people are invented (names common in each country, invented warrant numbers and document
numbers in the usual formats); each notice is drafted by the agency's analyst, reviewed and
published by its liaison officer (four eyes), and shared with the Safe Mekong group or named
peers, so the peers hold a copy once the nodes are peered.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.fugitives import screening, service
from mekongx.domains.fugitives.schemas import NoticeInput, ScreenQuery
from mekongx.validation import parse


def _names(*names: str, aliases: tuple[str, ...] = ()) -> list[dict[str, str]]:
    return [{"name": n, "kind": "primary"} for n in names] + [
        {"name": a, "kind": "alias"} for a in aliases
    ]


NOTICES: dict[str, list[dict[str, Any]]] = {
    "ONCB": [
        {
            "names": _names("สมพงษ์ แก้วมณี", "Sompong Kaewmanee", aliases=("เสี่ยโป้ง", "Sia Pong")),
            "sex": "M", "birth_date": "1979-04-12", "nationality": "TH",
            "documents": [{"type": "passport", "number": "AA4417520", "country": "TH"},
                          {"type": "national_id", "number": "3-5701-00421-77-3", "country": "TH"}],
            "warrant_reference": "จ.123/2567", "warrant_authority": "ศาลจังหวัดเชียงราย",
            "warrant_date": "2567-02-14",
            "charges": "ร่วมกันจำหน่ายเมทแอมเฟตามีน (ยาบ้า) 1.2 ล้านเม็ด ที่อำเภอแม่สาย",
            "legal_provisions": "ประมวลกฎหมายยาเสพติด พ.ศ. 2564 มาตรา 90, 145",
            "remarks": "เคยเดินทางผ่านด่านเชียงของ–ห้วยทราย", "language": "th",
            "distribution": "group", "sharing_group": "SAFE-MEKONG",
        },
        {
            "names": _names("นิพนธ์ ศรีสุข", "Niphon Srisuk"),
            "sex": "M", "birth_date": "1986", "nationality": "TH",
            "documents": [{"type": "border_pass", "number": "CR0093321", "country": "TH"}],
            "warrant_reference": "จ.88/2567", "warrant_authority": "ศาลจังหวัดนครพนม",
            "warrant_date": "2567-05-03",
            "charges": "ลักลอบนำเข้าคีตามีนทางแม่น้ำโขง", "language": "th",
            "distribution": "peers", "recipients": ["NNCC", "SMCC"],
        },
        {
            "names": _names("ดวงใจ มณีรัตน์", "Duangjai Maneerat", aliases=("Jai",)),
            "sex": "F", "birth_date": "1991-11", "nationality": "TH",
            "documents": [{"type": "passport", "number": "AB0912264", "country": "TH"}],
            "warrant_reference": "จ.201/2567", "warrant_authority": "ศาลอาญา",
            "warrant_date": "2567-07-22",
            "charges": "สมคบและฟอกเงินจากการค้ายาเสพติด", "language": "th",
            "distribution": "group", "sharing_group": "SAFE-MEKONG",
        },
    ],
    "NNCC": [
        {
            "names": _names("陈国华", "Chen Guohua", "เฉิน กั๋วหัว", aliases=("阿华",)),
            "sex": "M", "birth_date": "1975-08-09", "nationality": "CN",
            "documents": [{"type": "passport", "number": "E87654321", "country": "CN"}],
            "warrant_reference": "云公禁〔2024〕17号", "warrant_authority": "云南省公安厅",
            "warrant_date": "2024-03-18",
            "charges": "走私、贩卖甲基苯丙胺（冰毒）", "legal_provisions": "《刑法》第三百四十七条",
            "language": "zh", "distribution": "group", "sharing_group": "SAFE-MEKONG",
        },
        {
            "names": _names("李春梅", "Li Chunmei", "หลี่ ชุนเหมย"),
            "sex": "F", "birth_date": "1983", "nationality": "CN",
            "documents": [{"type": "passport", "number": "EG2231907", "country": "CN"}],
            "warrant_reference": "勐公禁〔2024〕5号", "warrant_authority": "西双版纳州公安局",
            "warrant_date": "2024-06-01",
            "charges": "非法买卖制毒物品（麻黄碱）", "language": "zh",
            "distribution": "peers", "recipients": ["ONCB"],
        },
    ],
    "SMCC": [
        {
            "names": _names("Aung Min Htet", "အောင်မင်းထက်", "อ่อง มิน เทต"),
            "sex": "M", "birth_date": "1988", "nationality": "MM",
            "warrant_reference": "SMCC-2024-031", "warrant_authority": "Tachileik District Court",
            "charges": "Trafficking of heroin across the Golden Triangle", "language": "en",
            "distribution": "group", "sharing_group": "SAFE-MEKONG",
        },
    ],
}  # fmt: skip


def seed_demo_notices(
    session: Session, agency: str, analyst: Principal, liaison: Principal
) -> list[int]:
    """Draft (analyst), review and publish (liaison officer) the agency's demo notices."""
    made = []
    for data in NOTICES.get(agency, []):
        notice = service.create_notice(session, analyst, parse(NoticeInput, data))
        service.transition(session, liaison, notice.id, "review")
        service.transition(session, liaison, notice.id, "publish")
        made.append(notice.id)
    return made


# A morning's arrivals at a border checkpoint (invented people), screened by the agency's analyst:
# some spell a wanted person's name the way other documents do, the rest are ordinary travellers,
# so the screening page and the open hits have something for an officer to decide.
ARRIVALS: dict[str, list[dict[str, str]]] = {
    "ONCB": [
        {"name": "Sompong Keawmanee", "birth_date": "1979-04-12", "nationality": "TH",
         "reference": "MSI-0412"},
        {"name": "นิพนธ์ ศรีสุข", "birth_date": "1986-02-03", "nationality": "TH", "reference": "MSI-0413"},
        {"name": "Chen Kuo Hua", "nationality": "CN", "reference": "MSI-0414"},
        {"name": "Wirat Thongdee", "birth_date": "1990-07-21", "nationality": "TH", "reference": "MSI-0415"},
        {"name": "Malee Chaiyasit", "birth_date": "1972-01-30", "nationality": "TH", "reference": "MSI-0416"},
    ],
    "NNCC": [
        {"name": "陈国华", "birth_date": "1975-08-09", "nationality": "CN", "reference": "MH-2207"},
        {"name": "Li Chun Mei", "birth_date": "1983-05-17", "nationality": "CN", "reference": "MH-2208"},
        {"name": "王建军", "birth_date": "1968-10-02", "nationality": "CN", "reference": "MH-2209"},
        {"name": "张丽", "birth_date": "1995-03-11", "nationality": "CN", "reference": "MH-2210"},
    ],
}  # fmt: skip


def seed_demo_screening(session: Session, agency: str, analyst: Principal) -> int | None:
    """Screen the agency's demo arrivals list against the notices it holds (one run with hits)."""
    people = ARRIVALS.get(agency)
    if not people:
        return None
    queries = [parse(ScreenQuery, person) for person in people]
    run, _results = screening.screen_now(session, analyst, queries, "file", "arrivals.xlsx")
    return run.id
