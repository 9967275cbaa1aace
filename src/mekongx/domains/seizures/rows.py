"""Copying a checked seizure input (or a peer's checked payload) onto its row: one place for
the service (records) and the exchange (received copies)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from mekongx.domains.seizures.models import Seizure
from mekongx.domains.seizures.schemas import SeizureFields

__all__ = ["fill", "quantity_kg", "values"]

_FIELDS = ("reference", "seized_on", "country", "admin1", "admin2_code", "admin2", "place", "latitude",
           "longitude", "drug", "form", "quantity", "unit", "tablets", "purity", "markings",
           "origin_country", "destination_country", "conveyance", "concealment", "arrests",
           "remarks", "language", "handling_code", "handling_note", "distribution")  # fmt: skip


def quantity_kg(quantity: Decimal, unit: str) -> Decimal | None:
    """The weight in kilograms where the unit is one of weight (aggregates add these)."""
    if unit == "kg":
        return quantity
    if unit == "g":
        return (quantity / 1000).quantize(Decimal("0.001"))
    return None


def values(data: SeizureFields) -> dict[str, Any]:
    """The row's column values for a checked input (or a peer's checked payload)."""
    found: dict[str, Any] = {name: getattr(data, name) for name in _FIELDS}
    found["sharing_group"] = data.sharing_group
    found["transit_countries"] = ",".join(data.transit_countries)
    found["nationalities"] = json.dumps(data.nationalities, sort_keys=True)
    found["links"] = json.dumps([link.model_dump() for link in data.links])
    found["quantity_kg"] = quantity_kg(data.quantity, data.unit)
    if data.unit == "tablets" and data.tablets is None:
        found["tablets"] = int(data.quantity)
    return found


def fill(seizure: Seizure, data: SeizureFields) -> None:
    """Copy a checked input (or a peer's checked payload) onto the row."""
    for name, value in values(data).items():
        setattr(seizure, name, value)
