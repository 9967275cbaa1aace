#!/usr/bin/env python3
"""In-process CPU cost of the reports' search on a database seeded by api_load.py (``--keep``):
``intel.search_reports`` for the benchmark's user, each query of ``api_seed.SEARCHES`` once to
warm the caches, then the mean CPU milliseconds of three calls.

    PYTHONPATH=src .venv/bin/python benchmarks/api_search_cost.py sqlite:////tmp/h6/keep/bench1000000.db

With ``PYTHONPATH`` pointing at another checkout's ``src`` it measures that code on the same
database (the comparison of two versions at the same load)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from api_seed import SEARCHES
from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.domains.intel import service as intel
from mekongx.model.identity import Role


def main() -> None:
    db = Database(sys.argv[1])
    user = Principal(1, "bench", "Bench", "ONCB", Role.ANALYST, "en")
    for query in SEARCHES:
        with db.read() as session:
            intel.search_reports(session, user, query, limit=50)
            spent = []
            for _ in range(3):
                started = time.process_time()
                found = intel.search_reports(session, user, query, limit=50)
                spent.append(time.process_time() - started)
        print(f"{query}: {sum(spent) / 3 * 1000:.1f} ms CPU, {len(found)} found")
    db.dispose()


if __name__ == "__main__":
    main()
