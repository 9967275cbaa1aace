"""docs/schemas/ holds a JSON Schema per payload kind, generated from the models the receiving
node validates with; every registered kind has one, and the files are current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mekongx.federation.handlers import kinds, schemas
from mekongx.wiring import install

ROOT = Path(__file__).resolve().parents[2]


def test_every_kind_has_a_schema_and_the_files_are_current() -> None:
    install()
    assert kinds() == sorted(schemas())
    answer = subprocess.run(
        [sys.executable, "scripts/protocol_schemas.py", "--check"], cwd=ROOT, check=False
    )
    assert answer.returncode == 0, "run: .venv/bin/python scripts/protocol_schemas.py"
    report = json.loads((ROOT / "docs" / "schemas" / "intel.report.json").read_text())
    assert report["properties"]["kind"] == {"const": "intel.report"}
    assert report["properties"]["title"]["maxLength"] == 300
    assert report["properties"]["handling_code"]["enum"] == ["H0", "H1", "H2", "H3"]
    assert report["additionalProperties"] is False
