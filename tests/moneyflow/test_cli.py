"""``mekongx money`` as a process: the alert file's columns, tracing, and bad input."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from .cases import Book

MEKONGX = [sys.executable, "-m", "mekongx.cli.main"]


def _run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEKONGX_LANG": lang}
    return subprocess.run(
        [*MEKONGX, "money", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_detect_writes_one_row_per_alert_with_the_agreed_columns(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = {book.add("BOSS", f"MULE{i}", 5 + i, 98_000) for i in range(8)}
    source = book.write(tmp_path / "tx.csv")
    out = tmp_path / "alerts.csv"
    result = _run("detect", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "alert_id",
        "typology",
        "score",
        "transaction_ids",
        "accounts",
        "explanation",
    ]
    fan = [r for r in rows if r["typology"] == "fan_out"]
    assert set(fan[0]["transaction_ids"].split()) == planted
    assert 0 <= float(fan[0]["score"]) <= 1


def test_trace_writes_a_ledger_and_a_court_schedule(tmp_path: Path) -> None:
    book = Book()
    book.add("SMUGGLER", "A", 1, 100, txid="T1")
    book.add("A", "B", 3, 80, txid="T3")
    source = book.write(tmp_path / "tx.csv")
    ledger, schedule = tmp_path / "ledger.csv", tmp_path / "schedule.xlsx"
    result = _run(
        "trace",
        str(source),
        "--transaction",
        "T1",
        "--method",
        "all",
        "--out",
        str(ledger),
        "--schedule",
        str(schedule),
    )
    assert result.returncode == 0, result.stderr
    text = ledger.read_text(encoding="utf-8")
    assert text.startswith("method,step,timestamp,transaction_id")
    assert {"fifo", "lifo", "libr", "pro_rata", "poison"} <= {
        line.split(",")[0] for line in text.splitlines()[1:]
    }
    assert schedule.stat().st_size > 0


def test_bad_input_exits_2_with_a_message_in_the_users_language(tmp_path: Path) -> None:
    source = tmp_path / "tx.csv"
    source.write_text("id,when\n1,2\n", encoding="utf-8")
    out = tmp_path / "alerts.csv"
    result = _run("detect", str(source), "--out", str(out), lang="th")
    assert result.returncode == 2
    assert "ไม่มีคอลัมน์ที่จำเป็น" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    result = _run(
        "trace", str(source), "--from", "X", "--method", "average", "--out", str(out), lang="zh"
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_formulas_in_account_names_are_not_run_by_a_spreadsheet(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    for i in range(8):
        book.add("=cmd|' /C calc'!A0", f"MULE{i}", 5 + i, 98_000)
    out = tmp_path / "alerts.csv"
    assert _run("detect", str(book.write(tmp_path / "tx.csv")), "--out", str(out)).returncode == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert all(not cell.startswith("=") for row in rows for cell in row)
