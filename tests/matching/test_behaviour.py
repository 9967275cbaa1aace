"""The behaviour tables in ``data/pairs.yaml`` and ``data/ordering.yaml``."""

from __future__ import annotations

from typing import Any

import pytest

from mekongx.matching import Decision, Evidence, score

from .conftest import load_yaml

PAIRS = load_yaml("pairs.yaml")
ORDERING = load_yaml("ordering.yaml")


def _evidence(raw: dict[str, Any] | None) -> Evidence | None:
    if raw is None:
        return None
    return Evidence(
        birth_date=raw.get("birth_date"),
        gender=raw.get("gender"),
        nationality=raw.get("nationality"),
        documents=tuple(raw.get("documents", ())),
    )


@pytest.mark.parametrize("case", PAIRS, ids=[f"{c['name_a']}|{c['name_b']}" for c in PAIRS])
def test_pair(case: dict[str, Any]) -> None:
    ev = (_evidence(case.get("evidence_a")), _evidence(case.get("evidence_b")))
    m = score(case["name_a"], case["name_b"], ev)
    got = "match" if m.decision is Decision.MATCH else "no_match"
    assert got == case["expected"], (
        f"{case['note']}: p={m.probability:.3f} features={m.features} {m.explain()}"
    )
    # symmetric
    m2 = score(case["name_b"], case["name_a"], (ev[1], ev[0]))
    assert abs(m2.probability - m.probability) < 1e-6


@pytest.mark.parametrize("case", ORDERING, ids=[c["note"] for c in ORDERING])
def test_ordering(case: dict[str, Any]) -> None:
    strong = score(*case["stronger"]).probability
    weak = score(*case["weaker"]).probability
    assert strong > weak, case["note"]


def test_every_pair_is_explained_in_three_languages() -> None:
    for case in PAIRS:
        m = score(case["name_a"], case["name_b"])
        assert m.explanation
        for lang in ("en", "th", "zh"):
            texts = m.explain(lang)
            assert all(t and "{" not in t for t in texts)
