"""Generated documents: PDF text in Thai, Chinese and English read back glyph by glyph, the
handling code and page numbers on every page, xlsx round trip with typed and formula-safe cells."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
import pytest

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

from .pdftext import glyph_problems, page_texts

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
