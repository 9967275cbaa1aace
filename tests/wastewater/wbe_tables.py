"""Helpers to read the behaviour tables in ``data/`` (imported by the wastewater tests)."""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).parent / "data"


def read_table(name: str) -> list[dict[str, str]]:
    """A CSV behaviour table from ``data/``; lines starting with '#' are comments."""
    with (DATA / name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))
