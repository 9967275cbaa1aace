"""Unit conversion: the behaviour table in data/unit_cases.csv, and refusal of unknown units."""

from __future__ import annotations

import pytest

from mekongx.wastewater import WbeError, concentration_to_ng_per_l, flow_to_m3_per_day
from mekongx.wastewater.units import mass_load_mg_per_day


def test_unit_table(unit_case: dict[str, str]) -> None:
    case = unit_case
    convert = concentration_to_ng_per_l if case["kind"] == "concentration" else flow_to_m3_per_day
    assert convert(float(case["value"]), case["unit"]) == pytest.approx(float(case["expected"]))


@pytest.mark.parametrize("unit", ["ppb", "ppm", "NG/L", "g/L", "", "mol/L", "m3"])
def test_unknown_concentration_units_are_refused_with_the_allowed_list(unit: str) -> None:
    with pytest.raises(WbeError) as info:
        concentration_to_ng_per_l(1.0, unit)
    assert info.value.code == "unit.unknown_concentration"
    assert "ng/L" in str(info.value)
    assert "µg/L" in info.value.render("th")


def test_unknown_flow_unit_is_refused() -> None:
    with pytest.raises(WbeError, match="Unknown flow unit 'MGD'"):
        flow_to_m3_per_day(1.0, "MGD")


def test_non_finite_values_are_refused() -> None:
    with pytest.raises(WbeError, match="finite"):
        concentration_to_ng_per_l(float("nan"), "ng/L")


def test_load_formula() -> None:
    # ng/L × m³/day × 1000 L/m³ × 1e-6 mg/ng
    assert mass_load_mg_per_day(250.0, 200_000.0) == pytest.approx(50_000.0)
    assert mass_load_mg_per_day(1.0, 1.0) == pytest.approx(1e-3)
