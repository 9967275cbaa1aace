"""The progress report for the next meeting as PDF, in Thai, Chinese, English, Lao, Vietnamese
(and as Word in Burmese and Khmer too) and Thai beside Chinese: the text read back from each PDF is the text that went in (Thai marks stacked in their
clusters, Chinese in its own glyphs), every glyph exists in its font, dates in each calendar."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from datetime import date
from io import BytesIO

import pytest

from mekongx.domains.meetings import paper
from mekongx.domains.meetings.models import ActionNote, Meeting, MeetingAction, MeetingSeries
from mekongx.domains.meetings.report import ProgressReport, ReportAction, ReportResolution

from .pdftext import glyph_problems, page_texts

AGENCY = {
    "th": "สำนักงาน ป.ป.ส.",
    "zh": "泰国肃毒委员会办公室",
    "en": "Office of the Narcotics Control Board",
}


def _report() -> ProgressReport:
    series = MeetingSeries(code="TH-CN", name_th="การประชุมทวิภาคีไทย - จีน", name_zh="中泰禁毒合作双边会议",
                           name_en="Thai–Chinese bilateral meeting", agencies="ONCB NNCC")  # fmt: skip
    meeting = Meeting(number=19, place_th="กรุงเทพฯ", place_zh="曼谷", place_en="Bangkok", starts_on=date(2024, 7, 10),
                      ends_on=date(2024, 7, 10), handling_code="H0", handling_note="")  # fmt: skip
    following = Meeting(number=20, place_th="ฮาร์บิน", place_zh="哈尔滨", place_en="Harbin", starts_on=date(2025, 7, 30),
                        ends_on=date(2025, 7, 30), handling_code="H0")  # fmt: skip
    action = MeetingAction(owner_agency="ONCB", counterpart_agency="NNCC", title_th="แลกเปลี่ยนรายงานการข่าว",
                           title_zh="交换情报报告", title_en="Exchange intelligence reports", deadline=date(2025, 6, 30),
                           status="dropped", status_reason="เลื่อนไปรอบถัดไป")  # fmt: skip
    note = ActionNote(
        noted_on=date(2025, 5, 20), body="ส่งรายงานผ่านระบบแล้ว", language="th", agency_code="ONCB"
    )
    resolution = ReportResolution(
        1, {"th": "ส่งเสริมการแลกเปลี่ยนข้อมูลการข่าวระหว่างกัน", "zh": "促进双方情报交流", "en": "Promote the exchange of intelligence"},
        {"th": "", "zh": "", "en": ""}, [ReportAction(action, [note], {"Intelligence reports": 2}, False)],
    )  # fmt: skip
    return ProgressReport(
        series, meeting, following, [], [resolution], date(2025, 7, 1), Counter({"dropped": 1})
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("th", ["รายงานความคืบหน้าผลการดำเนินงานตามมติที่ประชุมครั้งที่ 19", "มติข้อ 1", "10 ก.ค. 2567",
                "ส่งเสริมการแลกเปลี่ยนข้อมูลการข่าวระหว่างกัน", "ยกเลิก: เลื่อนไปรอบถัดไป", "รายงานการข่าว: 2"]),
        ("zh-Hans", ["第19次会议决议落实进展报告", "决议第1条", "2024年7月10日", "促进双方情报交流", "已取消", "情报报告: 2"]),
        ("en", ["Progress report on the resolutions of meeting no. 19", "Resolution 1", "10 Jul 2024",
                "Promote the exchange of intelligence", "dropped", "Intelligence reports: 2"]),
        ("lo", ["ລາຍງານຄວາມຄືບໜ້າກ່ຽວກັບມະຕິຂອງກອງປະຊຸມຄັ້ງທີ 19", "ມະຕິທີ 1", "10 ກໍລະກົດ 2024",
                "Promote the exchange of intelligence", "ຍົກເລີກແລ້ວ", "ລາຍງານຂ່າວສານ: 2"]),
        ("vi", ["Báo cáo tiến độ thực hiện nghị quyết của cuộc họp số 19", "Nghị quyết 1", "10/07/2024",
                "Promote the exchange of intelligence", "đã hủy bỏ", "Báo cáo tình báo: 2"]),
        ("th+zh-Hans", ["มติข้อ 1 / 决议第1条", "ส่งเสริมการแลกเปลี่ยนข้อมูลการข่าวระหว่างกัน", "促进双方情报交流",
                        "提交第20次会议", "สำหรับการประชุมครั้งที่ 20"]),
    ],
)  # fmt: skip
def test_the_report_reads_back_in_each_language(
    language: paper.ReportLanguage, expected: list[str]
) -> None:
    data = paper.pdf(_report(), language, AGENCY)
    assert data.startswith(b"%PDF")
    text = "".join("".join(page_texts(data)).split())
    for wanted in expected:
        assert "".join(wanted.split()) in text, wanted
    assert glyph_problems(data) == []


@pytest.mark.parametrize("language", paper.REPORT_LANGUAGES)
def test_the_docx_carries_the_same_text(language: paper.ReportLanguage) -> None:
    """The Word file: a valid package whose paragraphs and cells hold the text of the report,
    with the handling code in the page header and footer and the faces named per language."""
    data = paper.docx(_report(), language, AGENCY)
    with zipfile.ZipFile(BytesIO(data)) as book:
        assert book.testzip() is None
        names = set(book.namelist())
        assert {
            "[Content_Types].xml",
            "word/document.xml",
            "word/styles.xml",
            "word/header1.xml",
        } <= names
        body = book.read("word/document.xml").decode()
        header, styles = (
            book.read("word/header1.xml").decode(),
            book.read("word/styles.xml").decode(),
        )
    text = "".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)).split())
    expected = {
        "th": ["มติข้อ1", "10ก.ค.2567", "ยกเลิก:เลื่อนไปรอบถัดไป", "รายงานการข่าว:2"],
        "zh-Hans": ["决议第1条", "2024年7月10日", "促进双方情报交流", "情报报告:2"],
        "en": ["Resolution1", "10Jul2024", "Intelligencereports:2"],
        "lo": ["ມະຕິທີ1", "10ກໍລະກົດ2024", "ຍົກເລີກແລ້ວ", "ລາຍງານຂ່າວສານ:2"],
        "my": ["ဆုံးဖြတ်ချက်1", "၂၀၂၄ဇူလိုင်၁၀", "ပယ်ဖျက်ပြီး", "ထောက်လှမ်းရေးအစီရင်ခံစာများ:2"],
        "km": ["សេចក្តីសម្រេច1", "១០កក្កដា២០២៤", "បានបោះបង់", "របាយការណ៍ស៊ើបការណ៍:2"],
        "vi": ["Nghịquyết1", "10/07/2024", "đãhủybỏ", "Báocáotìnhbáo:2"],
        "th+zh-Hans": [
            "มติข้อ1/决议第1条",
            "ส่งเสริมการแลกเปลี่ยนข้อมูลการข่าวระหว่างกัน",
            "促进双方情报交流",
        ],
    }[language]
    for wanted in expected:
        assert wanted in text, wanted
    assert "H0" in header
    complex_script = {"lo": "Noto Sans Lao", "my": "Noto Sans Myanmar", "km": "Noto Sans Khmer"}
    assert f'w:cs="{complex_script.get(language, "Laksaman")}"' in styles
    assert 'w:eastAsia="Noto Serif CJK SC"' in styles
