"""Behaviour tables for the name matcher, loaded from ``data/``."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mekongx.matching import score
from mekongx.matching.result import Decision

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


def refused(thai_name: str, latin: str) -> None:
    """Neither order of the pair is a match."""
    for a, b in ((thai_name, latin), (latin, thai_name)):
        m = score(a, b)
        assert m.decision is not Decision.MATCH, m.explain()


def matches(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is Decision.MATCH, m.explain()
