"""Shared fixtures for the wastewater tests, and the behaviour tables in ``data/``.

A test that asks for one of the fixtures named in ``ROW_TABLES`` runs once per row of that
table (CSV lines starting with '#' are comments), so that domain experts can extend the cases
without touching Python.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from mekongx.wastewater import ParameterSet, default_parameter_set

DATA = Path(__file__).parent / "data"

ROW_TABLES = {
    "unit_case": "unit_cases.csv",
    "kim2015_row": "kim2015_korea_table.csv",
    "bad_csv_case": "bad_csv_cases.csv",
    "bad_params_case": "bad_params.yaml",
}


def read_table(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    if path.suffix == ".yaml":
        rows: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return rows
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    for fixture, name in ROW_TABLES.items():
        if fixture in metafunc.fixturenames:
            rows = read_table(name)
            ids = [str(next(iter(row.values()))) for row in rows]
            metafunc.parametrize(fixture, rows, ids=ids)


@pytest.fixture(scope="session")
def params() -> ParameterSet:
    return default_parameter_set()


@pytest.fixture(scope="session")
def kim2015_table() -> list[dict[str, Any]]:
    return read_table("kim2015_korea_table.csv")
