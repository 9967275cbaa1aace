#!/usr/bin/env python3
"""Write docs/schemas/<kind>.json: a JSON Schema (draft 2020-12) for every payload kind, generated
from the pydantic models the receiving node validates with (registered in mekongx.wiring), and
docs/schemas/retraction.json for every retraction. ``--check`` compares instead of writing
(tests/federation/test_schemas.py). Rules that need more than one field (a peers distribution
names its recipients; H3 needs its restrictions written out) are enforced by the models and
described in docs/protocol.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mekongx.federation.handlers import RetractionPayload, schemas
from mekongx.wiring import install

TARGET = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def schema(kind: str | None, model: type[BaseModel]) -> dict[str, Any]:
    generated = model.model_json_schema(by_alias=True, mode="validation")
    properties = generated.pop("properties", {})
    required = generated.pop("required", [])
    if kind is not None:
        properties = {"kind": {"const": kind}, **properties}
        required = ["kind", *required]
    else:
        properties = {"kind": {"type": "string"}, **properties}
        required = ["kind", *required]
    description = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": kind or "retraction",
        "description": description,
        **{k: v for k, v in generated.items() if k not in ("title", "description")},
        "properties": properties,
        "required": required,
    }


def documents() -> dict[str, str]:
    install()
    out = {
        f"{kind}.json": json.dumps(schema(kind, model), ensure_ascii=False, indent=2) + "\n"
        for kind, model in schemas().items()
    }
    out["retraction.json"] = json.dumps(schema(None, RetractionPayload), indent=2) + "\n"
    return out


def main(check: bool) -> int:
    wanted = documents()
    if check:
        present = {p.name: p.read_text() for p in TARGET.glob("*.json")} if TARGET.is_dir() else {}
        return 0 if present == wanted else 1
    TARGET.mkdir(exist_ok=True)
    for stale in set(p.name for p in TARGET.glob("*.json")) - set(wanted):
        (TARGET / stale).unlink()
    for name, text in wanted.items():
        (TARGET / name).write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
