from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from mekongx.chemistry import COLUMNS
from mekongx.cli.precursors import app

RUNNER = CliRunner()
ROW = [
    "D-1",
    "1",
    "2026-11-01",
    "2915.24",
    "Acetic anhydride",
    "108-24-7",
    "20",
    "t",
    "Jiangsu Chem",
    "CN",
    "Golden Sun Trading",
    "LA",
    "Lianyungang",
    "Laem Chabang",
    "Bokeo",
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def test_screen_writes_report_and_summary(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", [ROW])
    out = tmp_path / "out.csv"
    result = RUNNER.invoke(app, ["screen", str(src), "--out", str(out), "--lang", "th"])
    assert result.exit_code == 0, result.output
    assert "อ่าน 1 รายการ" in result.output
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0]["substance_id"] == "acetic_anhydride"
    assert "บัญชี I" in rows[0]["reasons"]


def test_bad_input_exit_2_without_output(tmp_path: Path) -> None:
    bad = list(ROW)
    bad[6] = "-5"
    src = _write(tmp_path / "in.csv", [ROW, bad])
    out = tmp_path / "out.csv"
    result = RUNNER.invoke(app, ["screen", str(src), "--out", str(out), "--lang", "zh"])
    assert result.exit_code == 2
    assert "第 3 行" in result.output and "quantity" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".out.csv*"))


def test_lenient_lists_skipped_rows(tmp_path: Path) -> None:
    bad = list(ROW)
    bad[6] = "abc"
    src = _write(tmp_path / "in.csv", [ROW, bad])
    out = tmp_path / "out.csv"
    result = RUNNER.invoke(app, ["screen", str(src), "--out", str(out), "--lenient"])
    assert result.exit_code == 0
    # the bad quantity is left out and the row screened on its other fields; a blank-key row
    # has nothing to screen and is skipped
    assert "screened without the bad field: row 3" in result.output
    assert "skipped rows: 0" in result.output


def test_mapping_option_and_bad_mapping(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Entry", "Item", "Goods text"])
        writer.writerow(["D-9", "1", "pseudoephedrine hydrochloride"])
    mapping = tmp_path / "map.yaml"
    mapping.write_text("declaration_id: Entry\nline_no: Item\ndescription: Goods text\n")
    out = tmp_path / "out.csv"
    result = RUNNER.invoke(app, ["screen", str(src), "--out", str(out), "--mapping", str(mapping)])
    assert result.exit_code == 0, result.output
    mapping.write_text("colour: Entry\n")
    result = RUNNER.invoke(app, ["screen", str(src), "--out", str(out), "--mapping", str(mapping)])
    assert result.exit_code == 2 and "colour" in result.output


def test_bad_language(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", [ROW])
    result = RUNNER.invoke(
        app, ["screen", str(src), "--out", str(tmp_path / "o.csv"), "--lang", "fr"]
    )
    assert result.exit_code == 2


def test_known_consignees_and_pen_files(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", [ROW])
    known = tmp_path / "known.txt"
    known.write_text("# customers\nSiam Paint Industries\n", encoding="utf-8")
    pen = tmp_path / "pen.csv"
    pen.write_text(
        "pen_id,substance,consignee,quantity_kg,destination_country\n"
        "PEN-7,108-24-7,Golden Sun Trading,10000,LA\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    args = [
        "screen",
        str(src),
        "--out",
        str(out),
        "--known-consignees",
        str(known),
        "--pen",
        str(pen),
    ]
    result = RUNNER.invoke(app, args)
    assert result.exit_code == 0, result.output
    codes = next(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))["reason_codes"]
    assert "NEW_CONSIGNEE" in codes and "PEN_QUANTITY_EXCEEDED" in codes
    pen.write_text("pen_id,substance,consignee,quantity_kg\nPEN-8,x,y,lots\n", encoding="utf-8")
    result = RUNNER.invoke(app, args)
    assert result.exit_code == 2 and "row 2" in result.output and "lots" in result.output
