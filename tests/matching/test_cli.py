"""``mekongx match`` sub-app."""

from __future__ import annotations

from pathlib import Path

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
