"""Reading declaration files: CSV, Excel, mappings and clear errors for bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from mekongx.chemistry import COLUMNS, DeclarationFileError, read_declarations, screen_file

ROW = [
    "D-1",
    "1",
    "2026-11-01",
    "2915.24.00",
    "Acetic anhydride 99%",
    "108-24-7",
    "1,000",
    "kg",
    "Jiangsu Chem",
    "CN",
    "Golden Sun Trading",
    "LA",
    "Lianyungang",
    "Laem Chabang",
    "Bokeo",
]
BENIGN = [
    "D-1",
    "2",
    "2026-11-01",
    "2915.31",
    "ethyl acetate",
    "141-78-6",
    "500",
    "kg",
    "Jiangsu Chem",
    "CN",
    "Siam Paint",
    "TH",
    "Shanghai",
    "Bangkok",
    "Bangkok",
]


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_canonical_csv(tmp_path: Path) -> None:
    report = screen_file(_csv(tmp_path / "d.csv", list(COLUMNS), [ROW, BENIGN]))
    assert report.lines_read == 2
    assert [r.substance_id for r in report.results] == ["acetic_anhydride"]
    result = report.results[0]
    assert result.match.startswith("cas")
    assert "ROUTE_BORDER_AREA" in {r.code for r in result.reasons}


def test_aliases_and_mapping(tmp_path: Path) -> None:
    header = [
        "报关单号",
        "项号",
        "申报日期",
        "商品编码",
        "品名",
        "CAS号",
        "数量",
        "单位",
        "发货人",
        "发货人国家",
        "收货人",
        "运抵国",
        "起运港",
        "目的港",
        "最终目的地",
    ]
    lines, issues = read_declarations(_csv(tmp_path / "zh.csv", header, [ROW]))
    assert not issues and lines[0].description == "Acetic anhydride 99%"
    header2 = ["Entry", "Item", "When", "Tariff", "Goods text", "CAS", "Qty", "UoM"]
    mapping = {
        "declaration_id": "Entry",
        "line_no": "Item",
        "date": "When",
        "hs_code": "Tariff",
        "description": "Goods text",
    }
    lines, issues = read_declarations(_csv(tmp_path / "m.csv", header2, [ROW[:8]]), mapping)
    assert lines[0].quantity == 1000.0 and lines[0].quantity_kg == 1000.0


def test_missing_column_names_the_column(tmp_path: Path) -> None:
    header = [c for c in COLUMNS if c != "description"]
    path = _csv(tmp_path / "bad.csv", header, [ROW[:4] + ROW[5:]])
    with pytest.raises(DeclarationFileError) as info:
        screen_file(path)
    assert info.value.code == "MISSING_COLUMN"
    assert '"description"' in info.value.message("en")
    assert "description" in info.value.message("th") and "description" in info.value.message("zh")


def test_bad_quantity_strict_and_lenient(tmp_path: Path) -> None:
    bad = list(ROW)
    bad[6] = "twelve"
    path = _csv(tmp_path / "q.csv", list(COLUMNS), [BENIGN, bad, ROW])
    with pytest.raises(DeclarationFileError) as info:
        screen_file(path)
    message = info.value.message("en")
    assert "row 3" in message and '"quantity"' in message and "twelve" in message
    report = screen_file(path, strict=False)
    # the row with the bad quantity is still screened on its valid fields, the field reported
    assert report.lines_read == 3
    assert [(i.row, i.column, i.code) for i in report.issues] == [(3, "quantity", "BAD_QUANTITY")]
    assert report.issues[0].screened and report.skipped == []
    assert {r.row for r in report.results if r.substance_id == "acetic_anhydride"} == {3, 4}


def test_other_row_errors(tmp_path: Path) -> None:
    rows = [list(ROW), list(ROW), list(ROW), [], list(ROW)]
    rows[0][1] = "1.5"
    rows[1][2] = "31/02/2026"
    rows[2][0] = ""
    rows[4] = rows[4][:5]
    report = screen_file(_csv(tmp_path / "e.csv", list(COLUMNS), rows), strict=False)
    assert [i.code for i in report.issues] == [
        "BAD_LINE_NO",
        "BAD_DATE",
        "MISSING_VALUE",
        "BLANK_ROW",
        "ROW_LENGTH",
    ]
    assert report.lines_read == 1  # the bad date only drops the date
    assert [i.code for i in report.skipped] == [
        "BAD_LINE_NO",
        "MISSING_VALUE",
        "BLANK_ROW",
        "ROW_LENGTH",
    ]
    assert [r.row for r in report.results] == [3]


def test_xlsx(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    row: list[object] = list(ROW)
    row[1] = 1
    row[6] = 1000.0
    sheet.append(row)
    path = tmp_path / "d.xlsx"
    book.save(path)
    report = screen_file(path)
    assert report.results[0].substance_id == "acetic_anhydride"


def test_malformed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(DeclarationFileError) as info:
        screen_file(path)
    assert info.value.code == "FILE_UNREADABLE"
    assert "broken.xlsx" in info.value.message("zh")


def test_unknown_type_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_text("x")
    with pytest.raises(DeclarationFileError, match="unsupported"):
        screen_file(tmp_path / "x.pdf")
    with pytest.raises(DeclarationFileError, match="not found"):
        screen_file(tmp_path / "nope.csv")


def test_two_workers_give_the_same_results(tmp_path: Path) -> None:
    path = _csv(tmp_path / "w.csv", list(COLUMNS), [ROW, BENIGN] * 50)
    one = screen_file(path)
    two = screen_file(path, workers=2)
    assert [r.as_row() for r in one.results] == [r.as_row() for r in two.results]


def test_garbage_collection_is_restored(tmp_path: Path) -> None:
    import gc

    path = _csv(tmp_path / "g.csv", list(COLUMNS), [ROW])
    assert gc.isenabled()
    screen_file(path)
    assert gc.isenabled()
    bad = list(ROW)
    bad[6] = "x"
    with pytest.raises(DeclarationFileError):
        screen_file(_csv(tmp_path / "h.csv", list(COLUMNS), [bad]))
    assert gc.isenabled()
