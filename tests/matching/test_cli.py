"""``mekongx match`` sub-app."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mekongx.cli.match import app

runner = CliRunner()


def test_pairs_prints_score_and_decision() -> None:
    result = runner.invoke(
        app, ["pairs"], input="兰卫红\tLan Weihong\nLan Weihong\tLin Weihong\n\n"
    )
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[1] for r in rows] == ["1", "0"]
    assert 0.5 < float(rows[0][0]) <= 1.0


def test_pairs_explains_in_thai() -> None:
    result = runner.invoke(app, ["pairs", "--explain", "th"], input="兰卫红\tหลาน เว่ยหง\n")
    assert result.exit_code == 0
    assert "ตรงกับ" in result.stdout


def test_malformed_line_is_reported_with_its_number() -> None:
    result = runner.invoke(app, ["pairs"], input="兰卫红\tLan Weihong\nonly one name\na\tb\tc\n")
    assert result.exit_code == 2
    assert "line 2" in result.stderr and "line 3" in result.stderr
    assert result.stdout == ""


def _thai_id(first12: str) -> str:
    """A Thai citizen ID with its check digit, by the published rule (weights 13..2, mod 11)."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def test_pairs_weigh_birth_dates_and_documents() -> None:
    pair = "Somsak Kaewmanee\tสมศักดิ์ แก้วมณี"
    same, other = _thai_id("310050012345"), _thai_id("310050012346")
    lines = [
        pair,
        pair + "\ta.birth=1979-04-12\tb.birth=2522-04-12",  # a Buddhist-Era year
        pair + "\ta.birth=1979\tb.birth=1985-01-01\tb.sex=M",
        pair + f"\ta.document={same}\tb.document={same}",
        pair + f"\ta.document={same}\tb.document={other}",
    ]
    result = runner.invoke(app, ["pairs", "--explain", "en"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    plain, born, not_born, doc, other_doc = (float(r[0]) for r in rows)
    assert born > plain > not_born and doc > plain > other_doc
    assert "Same date of birth (1979-04-12)" in rows[1][2]
    assert "Different dates of birth" in rows[2][2] and rows[2][1] == "0"
    assert f"Same identity document number {same}" in rows[3][2]


def test_pairs_name_each_bad_field_in_the_users_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEKONGX_LANG", "th")
    line = "a\tb\ta.dob=1970\tb.birth=1970-02-30\ta.sex=x\ta.nationality=XX\tc.sex=M\n"
    result = runner.invoke(app, ["pairs"], input="兰卫红\tLan Weihong\n" + line)
    assert result.exit_code == 2
    assert result.stdout == ""
    problems = result.stderr.splitlines()
    assert "'a.dob=1970'" in problems[0] and "'c.sex=M'" in problems[4]
    assert "b.birth" in problems[1] and "1970-02-30" in problems[1] and "28" in problems[1]
    assert "a.sex" in problems[2] and "M" in problems[2]
    assert "a.nationality" in problems[3] and "XX" in problems[3]
    assert all(p.startswith("บรรทัดที่ 2") for p in problems[:5])
    assert "ไม่ได้เขียนคะแนน" in problems[-1]


def test_bad_threshold() -> None:
    result = runner.invoke(app, ["pairs", "--threshold", "7"], input="a\tb\n")
    assert result.exit_code == 2
    assert "--threshold" in result.stderr


def test_search_against_a_watchlist(tmp_path: Path) -> None:
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("NNCC-1\t兰卫红\nONCB-7\tธนากร คัยนันท์\n", encoding="utf-8")
    result = runner.invoke(
        app, ["search", "--watchlist", str(watchlist)], input="Lan Weihong\nThanakorn Kaiyanan\n"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[1] == "NNCC-1"
    assert lines[1].split("\t")[1] == "ONCB-7"


def test_search_builds_with_several_processes(tmp_path: Path) -> None:
    watchlist = tmp_path / "watch.txt"
    watchlist.write_text("NNCC-1\t兰卫红\n\nธนากร คัยนันท์\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["search", "--watchlist", str(watchlist), "--processes", "2"],
        input="Thanakorn Kaiyanan\n",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split("\t")[1] == "3"  # a bare name's id: its line


def test_input_that_is_not_utf8_is_named_by_line_and_nothing_is_written() -> None:
    result = runner.invoke(app, ["pairs"], input=b"Somsak\tSomsak\n\xff\xfe Somsak\tSomsak\n")
    assert result.exit_code == 2
    assert "standard input, line 2: not UTF-8 text (byte 0xff at position 1)" in result.stderr
    assert "No scores were written." in result.stderr
    assert result.stdout == ""


def test_a_byte_order_mark_is_not_part_of_the_first_id(tmp_path: Path) -> None:
    watchlist = tmp_path / "watch.txt"
    watchlist.write_bytes("\ufeffNNCC-1\t兰卫红\n".encode())
    result = runner.invoke(app, ["search", "--watchlist", str(watchlist)], input="Lan Weihong\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\t")[1] == "NNCC-1"


def test_watchlist_that_is_not_utf8_is_named_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEKONGX_LANG", "th")
    watchlist = tmp_path / "watch.txt"
    watchlist.write_bytes("NNCC-1\t兰卫红\n".encode() + b"ONCB-2\t\xe0\xb8 bad\n")
    result = runner.invoke(app, ["search", "--watchlist", str(watchlist)], input="Lan Weihong\n")
    assert result.exit_code == 2
    assert str(watchlist) in result.stderr and "UTF-8" in result.stderr
    assert "not UTF-8 text" not in result.stderr  # the Thai message, not the English one
    assert result.stdout == ""


def test_every_script_of_the_mekong_is_read() -> None:
    pairs = (
        "ဦးသိန်းစိန်\tThein Sein\n"  # Myanmar script, with the courtesy word U
        "ဦးသိန္းစိန္\tThein Sein\n"  # the same name typed in Zawgyi
        "ហ៊ុន សែន\t洪森\n"  # Khmer script against its Chinese transcription
        "ສີສະຫວາດ ແກ້ວບຸນພັນ\tSisavath Keobounphanh\n"  # Lao script
        "Nguye\u0302\u0303n Va\u0306n An\t阮文安\n"  # decomposed Vietnamese marks
        "ＳＯＭＳＡＫ ＫＡＥＷＭＡＮＥＥ\tสมศักดิ์ แก้วมณี\n"  # full-width Latin
    )
    result = runner.invoke(app, ["pairs"], input=pairs)
    assert result.exit_code == 0, result.output
    assert [row.split("\t")[1] for row in result.stdout.splitlines()] == ["1"] * 6
