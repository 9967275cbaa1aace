"""Behaviour tables for the name matcher, loaded from ``data/``."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


def load_yaml(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return rows


def load_csv(name: str) -> list[dict[str, str]]:
    lines = [
        ln
        for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    ]
    return list(csv.DictReader(lines))


def transcription_rows(language: str) -> list[dict[str, str]]:
    """The rows of the package's ``data/transcription_han.csv`` for ``language``, as written."""
    path = resources.files("mekongx.matching") / "data" / "transcription_han.csv"
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return [row for row in csv.DictReader(lines) if row["language"] == language]
