"""Copying a checked input (or a peer's checked payload) onto its row: one place for the service
(records) and the exchange (received copies)."""

from __future__ import annotations

import json
from typing import Any

from mekongx.domains.mekong.models import JointOperation, PlanAction, PlanProgress
from mekongx.domains.mekong.schemas import OperationFields, PlanActionFields, ProgressFields
from mekongx.model.texts import translations_json

__all__ = ["fill", "fill_action", "fill_progress"]

_FIELDS = ("activity", "name", "number", "starts_on", "ends_on", "units", "route", "targets",
           "findings", "language", "handling_code", "handling_note")  # fmt: skip
_ACTION = ("plan", "line", "number", "title", "description", "due_on", "language",
           "handling_code", "handling_note")  # fmt: skip
_PROGRESS = ("action_uid", "country", "activity", "status", "note", "reported_on", "language",
             "handling_code", "handling_note")  # fmt: skip


def _copy(row: Any, data: Any, names: tuple[str, ...]) -> None:
    for name in names:
        setattr(row, name, getattr(data, name))


def fill(operation: JointOperation, data: OperationFields) -> None:
    _copy(operation, data, _FIELDS)
    operation.phases = json.dumps([p.model_dump(mode="json") for p in data.phases])
    operation.countries = ",".join(data.countries)
    operation.seizures = json.dumps(data.seizures)
    operation.translations = translations_json(data.translations.model_dump())


def fill_action(action: PlanAction, data: PlanActionFields) -> None:
    _copy(action, data, _ACTION)
    action.translations = translations_json(data.translations.model_dump())


def fill_progress(progress: PlanProgress, data: ProgressFields) -> None:
    _copy(progress, data, _PROGRESS)
    progress.evidence = json.dumps([e.model_dump() for e in data.evidence])
