"""Quantities: units, densities and the unit INCB expects (pure; no node code).

A declared quantity keeps its own unit. Converting between mass and volume uses the density of
that substance (``physical`` in ``substances.yaml``, each with its source); for a solution (32 %
hydrochloric acid, 98 % sulphuric acid) the density at the declared concentration, and the mass
of the pure substance is the solution's mass times the concentration. There is no default
density: without one, a volume has no mass (``None``), never 1 kg per litre.

INCB counts solids in kilograms and liquids in litres (its precursor reports give shipments as
"tons" and "litres"), so ``incb_quantity`` gives a figure in the substance's INCB unit.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from mekongx.chemistry.register import Substance
from mekongx.chemistry.text import fold

__all__ = [
    "MASS_UNITS",
    "VOLUME_UNITS",
    "Conversion",
    "convert",
    "density",
    "find_concentration",
    "incb_unit",
    "unit_kind",
]

# factor to kilograms
MASS_UNITS: dict[str, float] = {
    "kg": 1.0,
    "kgs": 1.0,
    "kgm": 1.0,
    "kilogram": 1.0,
    "kilograms": 1.0,
    "千克": 1.0,
    "公斤": 1.0,
    "กก": 1.0,
    "กิโลกรัม": 1.0,
    "g": 0.001,
    "gram": 0.001,
    "grams": 0.001,
    "克": 0.001,
    "กรัม": 0.001,
    "mg": 1e-6,
    "t": 1000.0,
    "ton": 1000.0,
    "tons": 1000.0,
    "tonne": 1000.0,
    "tonnes": 1000.0,
    "mt": 1000.0,
    "吨": 1000.0,
    "ตัน": 1000.0,
}
# factor to litres
VOLUME_UNITS: dict[str, float] = {
    "l": 1.0,
    "lt": 1.0,
    "ltr": 1.0,
    "litre": 1.0,
    "liter": 1.0,
    "litres": 1.0,
    "liters": 1.0,
    "升": 1.0,
    "公升": 1.0,
    "ลิตร": 1.0,
    "ml": 0.001,
    "毫升": 0.001,
    "มล": 0.001,
    "m3": 1000.0,
    "立方米": 1000.0,
}
_CONCENTRATION = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|pct|percent|％)")


def unit_kind(unit: str) -> tuple[str, float] | None:
    """``("kg", factor)`` or ``("l", factor)`` for a unit as written, or None if unknown."""
    key = fold(unit).strip().rstrip(".")
    if key in MASS_UNITS:
        return "kg", MASS_UNITS[key]
    if key in VOLUME_UNITS:
        return "l", VOLUME_UNITS[key]
    return None


def find_concentration(text: str) -> float | None:
    """The first percentage in a description (``"hydrochloric acid 35 %"`` -> 35.0)."""
    found = _CONCENTRATION.search(text)
    if found is None:
        return None
    value = float(found.group(1).replace(",", "."))
    return value if 0 < value <= 100 else None


def incb_unit(sub: Substance | None) -> str:
    """``l`` for substances traded as liquids or solutions, else ``kg``."""
    if (
        sub is not None
        and sub.physical is not None
        and sub.physical.state in ("liquid", "solution")
    ):
        return "l"
    return "kg"


def density(sub: Substance | None, concentration_pct: float | None = None) -> float | None:
    """kg per litre of the substance as traded (of the solution at ``concentration_pct`` for a
    solution: interpolated between the recorded points, the strongest point when not given)."""
    if sub is None or sub.physical is None:
        return None
    phys = sub.physical
    if phys.state == "liquid":
        return phys.density
    if phys.state != "solution" or not phys.densities:
        return None
    points = sorted(phys.densities)
    if concentration_pct is None:
        return points[-1][1]
    if concentration_pct <= points[0][0]:
        return points[0][1]
    for (c0, d0), (c1, d1) in itertools.pairwise(points):
        if c0 <= concentration_pct <= c1:
            return d0 + (d1 - d0) * (concentration_pct - c0) / (c1 - c0)
    return points[-1][1]


@dataclass(frozen=True, slots=True)
class Conversion:
    """One declared quantity seen in kilograms, litres, pure substance and INCB's unit.
    ``None`` where the conversion needs a density the register does not have."""

    quantity: float
    unit: str  # as declared
    kg: float | None
    litres: float | None
    pure_kg: float | None
    density: float | None
    incb_value: float | None
    incb_unit: str


def convert(
    quantity: float, unit: str, sub: Substance | None, concentration_pct: float | None = None
) -> Conversion | None:
    """Convert a declared quantity (None when the unit is unknown)."""
    kind = unit_kind(unit)
    if kind is None:
        return None
    base, factor = kind
    rho = density(sub, concentration_pct)
    kg: float | None
    litres: float | None
    if base == "kg":
        kg = quantity * factor
        litres = kg / rho if rho else None
    else:
        litres = quantity * factor
        kg = litres * rho if rho else None
    solution = sub is not None and sub.physical is not None and sub.physical.state == "solution"
    pure = (
        kg * concentration_pct / 100 if (kg is not None and solution and concentration_pct) else kg
    )
    target = incb_unit(sub)
    return Conversion(
        quantity=quantity,
        unit=unit,
        kg=kg,
        litres=litres,
        pure_kg=pure,
        density=rho,
        incb_value=litres if target == "l" else kg,
        incb_unit=target,
    )
