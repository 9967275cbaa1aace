#!/usr/bin/env python3
"""Every quality gate, in the order a reviewer would want them to fail.

Run through ``python3 dev.py test`` (which installs first). Extra arguments go to pytest,
e.g. ``python3 dev.py test -k audit``. With arguments only pytest runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PATHS = ["src", "tests", "benchmarks", "scripts", "dev.py"]

GATES: list[tuple[str, list[str]]] = [
    ("ruff check", [str(BIN / "ruff"), "check", *PATHS]),
    ("ruff format --check", [str(BIN / "ruff"), "format", "--check", *PATHS]),
    ("mypy --strict", [str(BIN / "mypy"), "src/mekongx"]),
    ("import contracts", [str(BIN / "lint-imports")]),
    ("i18n catalogs", [sys.executable, "scripts/i18n.py", "check"]),
]


def main(argv: list[str]) -> int:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    failed = []
    if not argv:
        for name, command in GATES:
            started = time.monotonic()
            print(f"\n=== {name}", flush=True)
            code = subprocess.call(command, cwd=ROOT, env=env)
            print(
                f"=== {name}: {'ok' if code == 0 else 'FAILED'} ({time.monotonic() - started:.1f}s)",
                flush=True,
            )
            if code:
                failed.append(name)
    # The tests run with PYTHONDONTWRITEBYTECODE (no __pycache__ left by the run itself), so every
    # process they start (node processes, each `mekongx` command) would compile the package from
    # source again, ~0.3 s of CPU each: compile it once, here (git ignores __pycache__).
    subprocess.call([sys.executable, "-m", "compileall", "-q", "src/mekongx"], cwd=ROOT)
    print("\n=== pytest (SQLite and PostgreSQL, browser tests included)", flush=True)
    # two workers: one per core of the reference machine; the slowest tests listed, so that a
    # run shows where its time went
    pytest_args = argv or ["-n", "2", "--durations=25"]
    code = subprocess.call([str(BIN / "pytest"), *pytest_args], cwd=ROOT, env=env)
    if code:
        failed.append("pytest")
    if failed:
        print(f"\nFAILED gates: {', '.join(failed)}", flush=True)
        return 1
    print("\nAll gates passed.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
