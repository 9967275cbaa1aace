"""Reporting and declaration thresholds per jurisdiction, read from dated, sourced data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mekongx.moneyflow.errors import MoneyflowError

KINDS = frozenset(
    {
        "cash",
        "cash_funded_transfer",
        "property",
        "corporate_transfer",
        "personal_domestic",
        "personal_cross_border",
        "border_cash",
    }
)


@dataclass(frozen=True)
class Threshold:
    id: str
    jurisdiction: str
    kind: str
    currency: str
    threshold: float
    aggregation: str
    valid_from: dt.date
    source: str
    #: the jurisdiction's offset from UTC, which decides where a day ends for same-day totals
    utc_offset: int = 0


def load_rules(path: Path | None = None, jurisdictions: tuple[str, ...] = ()) -> list[Threshold]:
    """The thresholds of the built-in file (or ``path``), for ``jurisdictions`` (all if empty)."""
    if path is None:
        text = (
            resources.files("mekongx.moneyflow").joinpath("data/thresholds.yaml").read_text("utf-8")
        )
        where = "thresholds.yaml"
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as error:
            raise MoneyflowError(
                "file.unreadable", path=str(path), problem=error.strerror
            ) from None
        where = str(path)
    try:
        data: Any = yaml.safe_load(text)
        rules = []
        for code, block in data["jurisdictions"].items():
            if jurisdictions and code not in jurisdictions:
                continue
            for raw in block["rules"]:
                rule = Threshold(
                    id=str(raw["id"]),
                    jurisdiction=str(code),
                    kind=str(raw["kind"]),
                    currency=str(raw["currency"]).upper(),
                    threshold=float(raw["threshold"]),
                    aggregation=str(raw.get("aggregation", "single")),
                    valid_from=raw["valid_from"],
                    source=str(raw["source"]),
                    utc_offset=int(float(block.get("utc_offset_hours", 0)) * 3600),
                )
                if rule.kind not in KINDS or rule.aggregation not in {"single", "same_day"}:
                    raise ValueError(f"rule {rule.id}: unknown kind or aggregation")
                if not isinstance(rule.valid_from, dt.date) or rule.threshold <= 0:
                    raise ValueError(f"rule {rule.id}: valid_from must be a date, threshold > 0")
                rules.append(rule)
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise MoneyflowError("mapping.invalid", path=where, problem=str(error)) from None
    return rules
