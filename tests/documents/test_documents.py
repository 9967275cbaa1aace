"""Generated documents: PDF text in Thai, Chinese and English read back glyph by glyph, the
handling code and page numbers on every page, xlsx round trip with typed and formula-safe cells."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from mekongx.documents import (
    Column,
    Document,
    Heading,
    KeyValues,
    Money,
    Number,
    Paragraph,
    Table,
    to_pdf,
    to_xlsx,
)

from .pdftext import glyph_problems, page_texts, text_by_font

HOSTILE = "=cmd|' /C calc'!A0"
THAI = "ผู้ใหญ่บ้านน้ำท่วม กำหนดการนัดพิจารณาคดี ป.ป.ส."
CHINESE = "国家禁毒委员会办公室 法院开庭日程表，第十九次会议。"
WHEN = datetime(2026, 12, 3, 0, 30, tzinfo=UTC)


def _squash(text: str) -> str:
    return "".join(text.split())


def _document(lang: str, rows: int = 3) -> Document:
    doc = Document(
        title={"th": "กำหนดการนัดพิจารณาคดีของศาล", "zh": "法院开庭日程表", "en": "Court schedule"}[
            lang
        ],
        lang=lang,  # type: ignore[arg-type]
        agency="สำนักงาน ป.ป.ส. / 国家禁毒委员会 / ONCB",
        handling="H2",
        lines=["Case ONCB-2026-0042"],
        date=date(2024, 7, 10),
        generated_at=WHEN,
    )
    doc.add(
        Heading(THAI),
        Paragraph(f"{THAI} {CHINESE} Progress since the 19th meeting."),
        KeyValues(
            [("ผู้ต้องหา", "นายสมชาย ใจดี"), ("嫌疑人", "王芳"), ("Amount", Money(1500000, "CNY"))]
        ),
        Table(
            [Column("คดี / 案件", 2), "Date", "Amount", "No.", "Note"],
            [
                [
                    f"{THAI} {i}",
                    date(2026, 1, 1 + i % 28),
                    Money(Decimal("1234.5") + i, "THB"),
                    Number(i),
                    HOSTILE if i == 1 else CHINESE,
                ]
                for i in range(rows)
            ],
            title="Hearings",
        ),
    )
    return doc


@pytest.mark.parametrize("lang", ["th", "zh", "en"])
def test_pdf_text_reads_back_thai_chinese_and_latin_with_a_glyph_for_each(lang: str) -> None:
    data = to_pdf(_document(lang))
    assert data.startswith(b"%PDF-")
    text = _squash("".join(page_texts(data)))  # lines wrap at spaces, which are not drawn
    assert _squash(THAI) in text  # tone marks and sara am come back in their places
    assert _squash(CHINESE) in text
    assert _squash("Progress since the 19th meeting.") in text
    assert _squash(HOSTILE) in text  # shown as it is in a PDF: nothing evaluates it there
    assert "\ufffd" not in text
    assert glyph_problems(data) == []


def test_pdf_embeds_only_the_faces_it_draws_with() -> None:
    """Every language's faces are added as fallbacks, but only those a page uses are embedded
    (embedding the others doubled a one-page certificate's size and most of its time)."""
    english = to_pdf(Document(title="Certificate", lang="en", agency="ONCB", handling="H1"))
    embedded = set(re.findall(rb"/BaseFont /[A-Z]+\+([A-Za-z-]+)", english))
    assert embedded == {b"NotoSans", b"NotoSansBold"}, embedded
    mixed = to_pdf(_document("th"))  # Thai, Chinese and Latin text: each script's face is kept
    faces = set(re.findall(rb"/BaseFont /[A-Z]+\+([A-Za-z-]+)", mixed))
    assert {b"NotoSansThai", b"NotoSansCJKSC"} <= faces and not any(b"Lao" in f for f in faces), (
        faces
    )
    assert glyph_problems(mixed) == []


@pytest.mark.parametrize(
    ("lang", "page", "dated", "money"),
    [
        ("th", "หน้า 1 จาก 1", "10 ก.ค. 2567", "฿1,234.50"),
        ("zh", "第 1 页，共 1 页", "2024年7月10日", "THB1,234.50"),
        ("en", "Page 1 of 1", "10 Jul 2024", "THB1,234.50"),
    ],
)
def test_pdf_pages_carry_handling_code_and_page_numbers_in_the_language(
    lang: str, page: str, dated: str, money: str
) -> None:
    pages = page_texts(to_pdf(_document(lang)))
    assert len(pages) == 1
    assert page in pages[0]
    assert pages[0].count("H2") >= 2  # header and foot
    assert dated in pages[0]
    assert money in pages[0]


def test_long_table_breaks_pages_and_numbers_them_all() -> None:
    pages = page_texts(to_pdf(_document("en", rows=120)))
    total = len(pages)
    assert total > 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text
        assert "H2" in text
        assert "No." in text  # heading row repeated


def test_xlsx_round_trip_typed_cells_and_formulas_defused() -> None:
    doc = _document("th")
    doc.title = HOSTILE
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(doc)))
    assert book.sheetnames == ["เอกสาร", "Hearings"]
    cover = [c for row in book["เอกสาร"].iter_rows(values_only=True) for c in row if c is not None]
    assert cover[0] == "'" + HOSTILE
    assert "รหัสเงื่อนไขการใช้ H2" in cover
    sheet = book["Hearings"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("คดี / 案件", "Date", "Amount", "No.", "Note")
    assert rows[1][0] == f"{THAI} 0"
    assert rows[1][1] == datetime(2026, 1, 1)
    assert rows[1][2] == 1234.5
    assert rows[1][3] == 0
    assert rows[2][4] == "'" + HOSTILE
    assert '"THB"' in sheet["C2"].number_format
    assert sheet.freeze_panes == "A2"
    assert sheet.oddHeader.right.text == "H2"
    assert sheet.oddFooter.right.text == "หน้า &P จาก &N"
    for row in book["Hearings"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_model_refuses_what_would_print_wrong() -> None:
    with pytest.raises(ValueError, match="handling code"):
        Document(title="x", lang="en", agency="ONCB", handling="H9")
    with pytest.raises(ValueError, match="language"):
        Document(title="x", lang="fr", agency="ONCB", handling="H0")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(1, "baht")
    with pytest.raises(ValueError, match="row 1 has 1 cells"):
        Table(["a", "b"], [["only one"]])


def test_thai_without_spaces_wraps_between_clusters_and_loses_nothing() -> None:
    run = "ผู้ใหญ่บ้านน้ำท่วมกำหนดการนัดพิจารณาคดีสำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด" * 3
    doc = Document(title="t", lang="th", agency="ป.ป.ส.", handling="H0", generated_at=WHEN)
    doc.add(Paragraph(run), Table([Column("a", 1), Column("b", 6)], [[run, run]]))
    data = to_pdf(doc)
    text = page_texts(data)[0]
    assert _squash(text).count(_squash(run)) == 3  # the paragraph and both cells, in order
    assert glyph_problems(data) == []
    # the narrow column's lines, drawn one by one, each start on a base character
    from mekongx.documents.pdf import _keep_clusters, _starts_cluster

    assert _keep_clusters(["กำหน", "ดการ"]) == ["กำหน", "ดการ"]
    assert _keep_clusters(["ก", "ำหนด"]) == ["กำ", "หนด"]
    assert _keep_clusters(["ผู้ใหญ่บ้านน", "้ำท่วม"]) == ["ผู้ใหญ่บ้าน", "น้ำท่วม"]
    assert not _starts_cluster("ำ") and not _starts_cluster("้") and _starts_cluster("ก")


MEKONG = {
    "lo": "ຄະນະກຳມະການກວດກາຢາເສບຕິດແຫ່ງຊາດ ກຳນົດການນັດພິຈາລະນາຄະດີ",
    "my": "မူးယစ်ဆေးဝါးတိုက်ဖျက်ရေးဗဟိုကော်မတီ ရုံးချိန်းဇယား",
    "km": "អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន កាលវិភាគសវនាការ",
    "vi": "Cục Cảnh sát điều tra tội phạm về ma túy, lịch xét xử",
}


@pytest.mark.parametrize("lang", list(MEKONG))
def test_lao_burmese_khmer_and_vietnamese_documents_have_a_glyph_for_every_character(
    lang: str,
) -> None:
    words = MEKONG[lang]
    doc = Document(title=words, lang=lang, agency=words, handling="H1", generated_at=WHEN)  # type: ignore[arg-type]
    doc.add(
        Heading(words),
        Paragraph(" ".join(MEKONG.values()) + f" {THAI} {CHINESE}"),
        Table(
            [Column(words, 3), "Date", "Amount"],
            [[words * 3, date(2024, 7, 10), Money(1500, "LAK")]],
        ),
    )
    data = to_pdf(doc)
    text = "".join(page_texts(data))
    assert "\ufffd" not in text
    assert glyph_problems(data) == []
    if lang in ("lo", "vi"):  # simple enough to read back in order
        assert _squash(words) in _squash(text)
    # the title, headings and table heads are bold in each script's own bold face
    bold = {"lo": "NotoSansLaoBold", "my": "NotoSansMyanmarBold", "km": "NotoSansKhmerBold",
            "vi": "NotoSansBold"}[lang]  # fmt: skip
    letters = {c for c in words if c.isalpha()}
    assert letters <= set(text_by_font(data).get(bold, "")), bold


@pytest.mark.parametrize(
    ("lang", "number", "money", "generated", "gregorian"),
    [
        ("km", "១,២៣៤,៥៦៧.៥", "១,៥០០", "៣ ធ្នូ ២០២៦ ០៧:៣០ (UTC+07)", "2026-12-03 07:30"),
        ("my", "၁,၂၃၄,၅၆၇.၅", "၁,၅၀၀", "၂၀၂၆ ဒီဇင်ဘာ ၃ ၀၇:၃၀ (UTC+07)", "2026-12-03 07:30"),
        ("th", "1,234,567.5", "1,500", "3 ธ.ค. 2569 07:30 (UTC+07)", "2026-12-03 07:30"),
        ("lo", "1.234.567,5", "1.500", "3 ທັນວາ 2026 07:30 (UTC+07)", None),
    ],
)  # fmt: skip
def test_numbers_follow_the_dates_digits_and_the_gregorian_date_is_in_the_foot(
    lang: str, number: str, money: str, generated: str, gregorian: str | None
) -> None:
    """Burmese and Khmer documents write numbers in their digits as they do dates; a document
    dated in the Buddhist Era or in native digits prints the Gregorian date under its stamp, and
    the Word and Excel forms carry it beside the stamp."""
    doc = Document(title="t", lang=lang, agency="a", handling="H0", generated_at=WHEN)  # type: ignore[arg-type]
    doc.add(Table(["n", "m"], [[Number(Decimal("1234567.5"), 1), Money(1500, "LAK")]]))
    text = _squash("".join(page_texts(to_pdf(doc))))
    assert _squash(number) in text and _squash(money) in text and _squash(generated) in text
    assert (gregorian is not None and _squash(gregorian) in text) or "2026-12-03" not in text
    assert lang != "my" or _squash("စာမျက်နှာ ၁ အနက် ၁") in text  # page numbers too
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(doc)))
    cells = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    stamp = next(str(c) for c in cells if isinstance(c, str) and generated in c)
    assert f" · {gregorian}" in stamp if gregorian else "·" not in stamp
    numbers = [c.value for sheet in book.worksheets[1:] for row in sheet.iter_rows() for c in row]
    assert 1234567.5 in numbers  # the workbook keeps numbers as numbers


def test_characters_no_font_has_become_a_visible_replacement() -> None:
    doc = Document(title="བོད 𓀀", lang="en", agency="LCDC", handling="H0", generated_at=WHEN)
    data = to_pdf(doc)
    # fpdf2 alone would leave them out silently (Tibetan and hieroglyphs have no vendored font)
    assert glyph_problems(data) == []
    assert "\ufffd" in page_texts(data)[0]


def test_hostile_text_defused_in_every_workbook_cell() -> None:
    doc = Document(
        title=HOSTILE, lang="en", agency="+ONCB", handling="H3", handling_note="@restricted"
    )
    doc.lines = ["-2+3"]
    doc.add(
        Heading("=HYPERLINK()"),
        Paragraph("@SUM(A1)"),
        KeyValues([("=A1", "\t=1+1")]),
        Table(["=1", "ok"], [["=cmd|' /C calc'!A0", -5]], sheet="=Sheet"),
    )
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(doc)))
    texts = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert texts and all(not t.startswith(("=", "+", "-", "@", "\t")) for t in texts)
    assert book["=Sheet"]["B2"].value == -5  # a negative number is a number, not a formula


_FIVE_THOUSAND = """
import io, resource, sys

def peak_kib():
    # VmHWM is this process's own high-water mark; ru_maxrss keeps the parent's peak across
    # fork and exec on Linux, so a long pytest run (its worker at 400 MB) would be counted
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from datetime import UTC, date, datetime
from decimal import Decimal
from mekongx.documents import Document, Money, Table, to_pdf, to_xlsx
rows = [
    [f"คดีที่ {i} 案件", date(2026, 1, 1 + i % 28), Money(Decimal(i) + Decimal("0.5"), "THB"), i,
     "国家禁毒委员会办公室 ผู้ใหญ่บ้าน"]
    for i in range(5000)
]
doc = Document(title="กำหนดการ", lang="th", agency="ป.ป.ส.", handling="H2",
               generated_at=datetime(2026, 12, 3, tzinfo=UTC))
doc.add(Table(["คดี", "วันนัด", "จำนวนเงิน", "ลำดับ", "หมายเหตุ"], rows))
before = peak_kib()
open(sys.argv[1], "wb").write(to_pdf(doc))
open(sys.argv[2], "wb").write(to_xlsx(doc))
after = peak_kib()
print(before, after)
"""


@pytest.mark.slow
def test_five_thousand_rows_render_within_a_memory_bound(tmp_path: Path) -> None:
    """In a process of its own, so that its peak resident memory is the render's."""
    pdf, xlsx = tmp_path / "t.pdf", tmp_path / "t.xlsx"
    done = subprocess.run(
        [sys.executable, "-c", _FIVE_THOUSAND, str(pdf), str(xlsx)],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    before, after = (int(v) for v in done.stdout.split())  # KiB
    assert after - before < 160 * 1024, (before, after)  # the render's own growth
    assert after < 400 * 1024, after
    pages = page_texts(pdf.read_bytes())
    assert len(pages) > 100
    assert f"หน้า {len(pages)} จาก {len(pages)}" in pages[-1]
    assert "คดีที่ 4999 案件" in pages[-1]
    sheet = openpyxl.load_workbook(xlsx)["ตาราง 1"]
    assert sheet.max_row == 5001
    assert sheet["A5001"].value == "คดีที่ 4999 案件"


def _official(lang: str, rows: int = 40) -> Document:
    doc = _document(lang, rows=rows)
    doc.official = True
    doc.add(Paragraph("会议同意通过快速便捷的渠道交换情报，共同打击跨国毒品犯罪。" * 3))
    return doc


def _fonts_used(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    names: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _left_edges(data: bytes) -> list[float]:
    """The x of every text line drawn on the first page, in mm."""
    reader = PdfReader(io.BytesIO(data))
    edges: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            edges.append(tm[4] * 25.4 / 72)

    reader.pages[0].extract_text(visitor_text=visit)
    return edges


@pytest.mark.parametrize(
    ("lang", "face", "left"),
    [("th", "Laksaman", 30.0), ("zh", "NotoSerifCJKSC", 28.0)],
)
def test_official_layout_uses_the_official_face_and_margins(
    lang: str, face: str, left: float
) -> None:
    plain = to_pdf(_document(lang, rows=40))
    data = to_pdf(_official(lang))
    assert face in _fonts_used(data)
    assert face not in _fonts_used(plain)  # an ordinary document keeps the sans faces
    text = _squash("".join(page_texts(data)))
    assert _squash(THAI) in text and _squash(CHINESE) in text
    assert glyph_problems(data) == []
    body = [x for x in _left_edges(data) if x > 20]  # the running header starts at the margin
    assert left <= min(body) <= left + 1.2  # the margin, plus the cell padding of the line
    assert len(page_texts(data)) > len(page_texts(plain))  # 16 pt type takes more pages


def test_official_chinese_numbers_pages_between_dashes_and_never_starts_a_line_with_a_stop() -> (
    None
):
    data = to_pdf(_official("zh"))
    pages = page_texts(data)
    for number, text in enumerate(pages, start=1):
        assert f"— {number} —" in text  # GB/T 9704 §7.5
        assert f"第 {number} 页，共 {len(pages)} 页" in text  # the node's own foot stays
    reader = PdfReader(io.BytesIO(data))
    starts: list[str] = []
    reader.pages[-1].extract_text(visitor_text=lambda t, *_: starts.append(t.strip()[:1]))
    assert not {"，", "。", "、"} & set(starts)
