"""DuckDB and Spark give the same alerts on the same input (Spark in local mode)."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

from mekongx.moneyflow import detect, load

from .cases import Book


def _java() -> bool:
    return shutil.which("java") is not None


@pytest.mark.slow
@pytest.mark.skipif(
    not _java() and os.environ.get("CI") != "true",
    reason="Spark needs a Java runtime (apt-get install default-jre-headless)",
)
def test_duckdb_and_spark_agree(tmp_path: Path) -> None:
    book = Book()
    book.ordinary(people=30, days=20)
    for i in range(6):
        book.add("BOSS", f"MULE{i}", 5 + i, 98_000)
        book.add(f"MULE{i}", "SINK", 20 + i, 95_000)
    ring = ["R1", "R2", "R3", "R1"]
    for i, (a, b) in enumerate(itertools.pairwise(ring)):
        book.add(a, b, 10 + i * 12, 500_000 * 0.97**i)
    for i in range(4):
        book.add("CASH:BR1", "SMURF", 10 + 30 * i, 1_900_000, channel="cash_deposit")
        book.add("CARRIER", "CASH:MAESAI", 100 * i + 5, 440_000, channel="cash_withdrawal")
        book.add(
            "CASH:TACHILEIK",
            "RECEIVER",
            100 * i + 30,
            430_000,
            channel="cash_deposit",
            countries=("MM", "MM"),
        )
    dataset = load(book.write(tmp_path / "tx.csv"), tmp_path / "work")
    ours = detect(dataset, engine="duckdb")
    theirs = detect(dataset, engine="spark")
    assert len(ours) >= 5
    assert [(a.alert_id, a.score, a.transaction_ids, a.explanation) for a in ours] == [
        (a.alert_id, a.score, a.transaction_ids, a.explanation) for a in theirs
    ]
