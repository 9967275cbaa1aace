"""Hand-built transaction files: a little ordinary activity with one planted pattern each.

Written by hand, not by the engine or the benchmark's generator, so each test knows exactly which
transactions form the pattern.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

T0 = dt.datetime(2024, 7, 10, 9, 0, tzinfo=dt.UTC)
HEADER = (
    "transaction_id",
    "timestamp",
    "from_account",
    "to_account",
    "amount",
    "currency",
    "channel",
    "from_country",
    "to_country",
)


class Book:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.count = 0

    def add(self, src: str, dst: str, hours: float, amount: float, *, channel: str = "transfer",
            currency: str = "THB", countries: tuple[str, str] = ("TH", "TH"), txid: str | None = None) -> str:  # fmt: skip
        self.count += 1
        txid = txid or f"X{self.count:05d}"
        when = (T0 + dt.timedelta(hours=hours)).isoformat()
        self.rows.append((txid, when, src, dst, f"{amount:.2f}", currency, channel, *countries))
        return txid

    def ordinary(self, people: int = 40, days: int = 30) -> None:
        """Everyday life: people pay their two regular shops and one friend, again and again."""
        for p in range(people):
            for day in range(0, days, 3):
                self.add(
                    f"P{p}",
                    f"SHOP{p % 5}",
                    day * 24 + 10 + p % 7,
                    120 + (p * 37 + day * 11) % 900,
                    channel="card",
                )
                self.add(
                    f"P{p}",
                    f"SHOP{(p + 2) % 5}",
                    day * 24 + 15,
                    80 + (p * 13 + day * 7) % 400,
                    channel="card",
                )
                if day % 6 == 0:
                    self.add(f"P{p}", f"P{(p + 1) % people}", day * 24 + 19, 500 + (p * 29) % 2000)

    def write(self, path: Path) -> Path:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            writer.writerows(self.rows)
        return path
