"""Copying a checked joint-operation input (or a peer's checked payload) onto its row: one place
for the service (records) and the exchange (received copies)."""

from __future__ import annotations

import json

from mekongx.domains.mekong.models import JointOperation
from mekongx.domains.mekong.schemas import OperationFields

__all__ = ["fill"]

_FIELDS = ("activity", "name", "number", "starts_on", "ends_on", "units", "route", "targets",
           "findings", "language", "handling_code", "handling_note")  # fmt: skip


def fill(operation: JointOperation, data: OperationFields) -> None:
    for name in _FIELDS:
        setattr(operation, name, getattr(data, name))
    operation.phases = json.dumps([p.model_dump(mode="json") for p in data.phases])
    operation.countries = ",".join(data.countries)
    operation.seizures = json.dumps(data.seizures)
