"""Explicit unit conversion for concentrations and flows.

The library computes in one set of units: concentrations in ng/L, flows in m³/day, loads in
mg/day. Everything else is converted at the door by the tables below, and a unit that is not in
a table is refused rather than guessed. Spellings are matched case-sensitively after removing
spaces, because ``mg/L`` and ``Mg/L`` are different things; the few ASCII spellings of ``µ``
(``u``, ``μ`` U+03BC) are listed explicitly.
"""

from __future__ import annotations

from typing import Final

from mekongx.wastewater.errors import WbeError, check_finite

# factor that turns one unit into ng/L
CONCENTRATION_TO_NG_L: Final[dict[str, float]] = {
    "ng/L": 1.0,
    "ng/l": 1.0,
    "µg/L": 1e3,
    "µg/l": 1e3,
    "μg/L": 1e3,  # Greek small letter mu
    "μg/l": 1e3,
    "ug/L": 1e3,
    "ug/l": 1e3,
    "mg/m3": 1e3,  # 1 mg/m³ = 1 µg/L
    "mg/m³": 1e3,
    "pg/mL": 1.0,  # 1 pg/mL = 1 ng/L
    "pg/ml": 1.0,
    "ng/mL": 1e3,
    "ng/ml": 1e3,
    "mg/L": 1e6,
    "mg/l": 1e6,
}

SECONDS_PER_DAY: Final = 86_400.0

# factor that turns one unit into m³/day
FLOW_TO_M3_D: Final[dict[str, float]] = {
    "m3/d": 1.0,
    "m³/d": 1.0,
    "m3/day": 1.0,
    "m³/day": 1.0,
    "ML/d": 1e3,  # megalitre per day
    "ML/day": 1e3,
    "L/s": SECONDS_PER_DAY / 1e3,
    "l/s": SECONDS_PER_DAY / 1e3,
    "m3/s": SECONDS_PER_DAY,
    "m³/s": SECONDS_PER_DAY,
    "m3/h": 24.0,
    "m³/h": 24.0,
}


def _key(unit: str) -> str:
    return unit.replace(" ", "")


def concentration_to_ng_per_l(value: float, unit: str) -> float:
    """Convert a concentration to ng/L; unknown units raise :class:`WbeError`."""
    factor = CONCENTRATION_TO_NG_L.get(_key(unit))
    if factor is None:
        raise WbeError(
            "unit.unknown_concentration",
            unit=unit,
            allowed=", ".join(sorted(CONCENTRATION_TO_NG_L)),
        )
    return check_finite("concentration", value) * factor


def flow_to_m3_per_day(value: float, unit: str) -> float:
    """Convert a flow to m³/day; unknown units raise :class:`WbeError`."""
    factor = FLOW_TO_M3_D.get(_key(unit))
    if factor is None:
        raise WbeError(
            "unit.unknown_flow",
            unit=unit,
            allowed=", ".join(sorted(FLOW_TO_M3_D)),
        )
    return check_finite("flow", value) * factor


def mass_load_mg_per_day(concentration_ng_l: float, flow_m3_d: float) -> float:
    """Daily mass load in mg/day from ng/L and m³/day.

    ng/L × m³/day × 1000 L/m³ × 10⁻⁶ mg/ng = concentration × flow × 10⁻³.
    """
    return concentration_ng_l * flow_m3_d * 1e-3
