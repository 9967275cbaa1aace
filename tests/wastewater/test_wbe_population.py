"""Population from hydrochemical markers, and disagreement between methods."""

from __future__ import annotations

import pytest

from mekongx.wastewater import (
    ParameterSet,
    PopulationEstimate,
    WbeError,
    compare_estimates,
    hydrochemical_population,
)
from mekongx.wastewater.population import relative_spread

CASES = [
    # marker, concentration mg/L, flow m3/d, expected persons (C x Q / g per person per day)
    ("BOD5", 240.0, 200_000.0, 800_000.0),
    ("COD", 600.0, 200_000.0, 1_000_000.0),
    ("TN", 48.0, 200_000.0, 800_000.0),
    ("NH4N", 32.0, 200_000.0, 800_000.0),
    ("TP", 8.0, 200_000.0, 800_000.0),
]


@pytest.mark.parametrize(("marker", "conc", "flow", "expected"), CASES)
def test_hydrochemical_population(
    params: ParameterSet, marker: str, conc: float, flow: float, expected: float
) -> None:
    estimate = hydrochemical_population(marker, conc, flow, params)
    assert estimate.value == pytest.approx(expected)
    assert estimate.method == marker


def test_unknown_marker(params: ParameterSet) -> None:
    with pytest.raises(WbeError, match="BOD5"):
        hydrochemical_population("caffeine", 1.0, 1.0, params)


def test_disagreement_is_flagged_above_the_limit(params: ParameterSet) -> None:
    census = PopulationEstimate("census", 800_000.0)
    close = PopulationEstimate("NH4N", 700_000.0)  # 12.5% off
    far = PopulationEstimate("COD", 1_200_000.0)  # 50% off
    flags = compare_estimates(census, [close, far], params.population_disagreement_limit)
    assert len(flags) == 1
    assert flags[0].fields["method_b"] == "COD"
    assert "50%" in flags[0].render("en")
    assert "COD" in flags[0].render("th") and "COD" in flags[0].render("zh")


def test_relative_spread() -> None:
    values = [PopulationEstimate("a", 90.0), PopulationEstimate("b", 110.0)]
    assert relative_spread(values) == pytest.approx((200**0.5) / 100)
