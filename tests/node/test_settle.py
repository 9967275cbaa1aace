"""The serving processes' application is built with its start-up heap frozen (``app.settle``):
full garbage collections walk what requests leave, not the half million objects of the
application itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import gc, json
from starlette.testclient import TestClient
from mekongx.cli.main import asgi_app

app = asgi_app()
frozen, tracked = gc.get_freeze_count(), len(gc.get_objects())
answer = TestClient(app).get("/healthz")
print(json.dumps({"frozen": frozen, "tracked": tracked, "status": answer.status_code}))
"""


def test_the_served_application_is_frozen_after_start_up(tmp_path: Path) -> None:
    # in a process of its own: a frozen object is never collected, so not in the test process
    env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_DATA_DIR": str(tmp_path),
           "MEKONGX_DATABASE_URL": f"sqlite:///{tmp_path / 'node.db'}",
           "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_WORKER": "false"}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, check=True, timeout=300)  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["status"] == 200
    # the application's objects are frozen: far more than the collector still tracks
    assert found["frozen"] > 100_000
    assert found["frozen"] > 5 * found["tracked"]
