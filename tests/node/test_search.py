"""Search that works in Thai, Chinese and Latin script alike."""

from __future__ import annotations

from typing import Any

import pytest

from mekongx.domains.intel import service as intel
from mekongx.text import index_tokens, query_tokens


@pytest.fixture
def indexed(world: Any) -> Any:
    world.report(
        "thai_liaison", title="ติดตามเครือข่าย หลาน เว่ยหง", narrative="พบที่เชียงราย", language="th"
    )
    world.report("thai_liaison", title="兰卫红团伙活动", narrative="经磨憨运输冰毒", language="zh")
    world.report(
        "thai_liaison",
        title="Lan Weihong seen in Bokeo",
        narrative="Crystal methamphetamine",
        language="en",
    )
    world.report("thai_liaison", title="หลิว หย่ง", narrative="ยาบ้า 400,000 เม็ด", language="th")
    world.report("thai_liaison", title="Phone lead", narrative="Contact +66 82 885 6716.", language="en")  # fmt: skip
    world.report("thai_liaison", title="บุคคลต้องสงสัย", narrative="หนังสือเดินทางเลขที่ E 8765-4321", language="th")  # fmt: skip
    return world


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("เว่ยหง", {"ติดตามเครือข่าย หลาน เว่ยหง"}),
        ("หลาน เว่ยหง", {"ติดตามเครือข่าย หลาน เว่ยหง"}),
        ("卫红", {"兰卫红团伙活动"}),
        ("兰卫红", {"兰卫红团伙活动"}),
        ("冰毒", {"兰卫红团伙活动"}),
        # a Latin name finds the Thai and Chinese spellings of the same sound (issue 11 item 7)
        ("weihong", {"Lan Weihong seen in Bokeo", "ติดตามเครือข่าย หลาน เว่ยหง", "兰卫红团伙活动"}),
        ("Lan Weihong", {"Lan Weihong seen in Bokeo", "ติดตามเครือข่าย หลาน เว่ยหง", "兰卫红团伙活动"}),
        # a place in one script finds the records that name it in another (the gazetteer)
        ("Chiang Rai", {"ติดตามเครือข่าย หลาน เว่ยหง"}),
        ("清莱", {"ติดตามเครือข่าย หลาน เว่ยหง"}),
        ("Mohan", {"兰卫红团伙活动"}),
        ("บ่อแก้ว", {"Lan Weihong seen in Bokeo"}),
        # a telephone number written nationally finds it written in E.164, and back
        ("0828856716", {"Phone lead"}),
        ("082-885-6716", {"Phone lead"}),
        ("+66828856716", {"Phone lead"}),
        # an identity-document number however it is written
        ("E87654321", {"บุคคลต้องสงสัย"}),
        ("e-8765 4321", {"บุคคลต้องสงสัย"}),
        ("BOKEO", {"Lan Weihong seen in Bokeo"}),
        ("ยาบ้า", {"หลิว หย่ง"}),
        ("เชียงราย", {"ติดตามเครือข่าย หลาน เว่ยหง"}),
        ("卫东", set()),
        ("zzzz", set()),
        ("!!!", set()),
    ],
)
def test_three_scripts(indexed: Any, query: str, expected: set[str]) -> None:
    with indexed.db.read() as session:
        found = intel.search_reports(session, indexed.principal("thai_viewer"), query)
    assert {r.title for r in found} == expected


def test_search_follows_edits(indexed: Any) -> None:
    from mekongx.domains.intel.schemas import ReportInput

    with indexed.db.write() as session:
        report = intel.search_reports(session, indexed.principal("thai_liaison"), "Bokeo")[0]
        data = ReportInput(
            title="Moved to Tachileik",
            narrative="x",
            language="en",
            source_reliability="B",
            info_reliability=2,
        )
        intel.update_report(session, indexed.principal("thai_liaison"), report.id, data)
    with indexed.db.read() as session:
        assert intel.search_reports(session, indexed.principal("thai_viewer"), "Bokeo") == []
        assert (
            len(intel.search_reports(session, indexed.principal("thai_viewer"), "tachileik")) == 1
        )


def test_tokens_are_engine_safe() -> None:
    tokens = index_tokens("หลาน เว่ยหง 兰卫红 Lan-Weihong 2024")
    assert all(t.isascii() and t.isalnum() for t in tokens.split())
    assert query_tokens("") == [] and query_tokens("  ... ") == []
