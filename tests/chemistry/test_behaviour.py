"""Behaviour table (cases.yaml): description -> expected substance, or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mekongx.chemistry import Matcher, load_register

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("cases.yaml")).read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_register())


@pytest.mark.parametrize("case", CASES, ids=[c["description"][:40] for c in CASES])
def test_case(matcher: Matcher, case: dict[str, Any]) -> None:
    result = matcher.match(case["description"], case.get("cas", ""), case.get("hs", ""))
    found = {m.substance.id: m for m in result.matches}
    if case["expect"] == "none":
        assert not found, f"unexpected {sorted(found)}"
        return
    assert case["expect"] in found, f"expected {case['expect']}, got {sorted(found)}"
    match = found[case["expect"]]
    if "match" in case:
        assert case["match"] in match.kinds
    if case.get("salt"):
        assert match.salt
    if case.get("preparation"):
        assert match.preparation


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 80
    assert sum(c["expect"] == "none" for c in CASES) >= 30
