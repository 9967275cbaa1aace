#!/usr/bin/env python3
"""In-process CPU cost of the reports' and the seizures' search on a database seeded by
api_load.py (``--keep``): ``intel.search_reports`` and ``seizures.search`` for the benchmark's
user, each query of ``api_seed.SEARCHES`` (reports) and ``api_seed.SEIZURE_SEARCHES``
(seizures) once to warm the caches, then the mean CPU milliseconds of three calls.

    PYTHONPATH=src .venv/bin/python benchmarks/api_search_cost.py sqlite:////tmp/h6/keep/bench1000000.db

With ``PYTHONPATH`` pointing at another checkout's ``src`` it measures that code on the same
database (the comparison of two versions at the same load). On PostgreSQL the database
server's work is not in this process's CPU: the wall milliseconds are printed beside it."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from api_seed import SEARCHES, SEIZURE_SEARCHES
from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.domains.intel import service as intel
from mekongx.domains.seizures import service as seizures
from mekongx.model.identity import Role


def main() -> None:
    db = Database(sys.argv[1])
    user = Principal(1, "bench", "Bench", "ONCB", Role.ANALYST, "en")
    searches: list[tuple[str, list[str], Callable[[Any, str], list[Any]]]] = [
        ("reports", SEARCHES, lambda s, q: intel.search_reports(s, user, q, limit=50)),
        ("seizures", SEIZURE_SEARCHES, lambda s, q: seizures.search(s, user, q, 50)),
    ]
    for area, queries, search in searches:
        for query in queries:
            with db.read() as session:
                search(session, query)
                spent, wall = [], []
                for _ in range(3):
                    started, clock = time.process_time(), time.perf_counter()
                    found = search(session, query)
                    spent.append(time.process_time() - started)
                    wall.append(time.perf_counter() - clock)
            print(f"{area} {query}: {sum(spent) / 3 * 1000:.1f} ms CPU, "
                  f"{sum(wall) / 3 * 1000:.1f} ms wall, {len(found)} found")  # fmt: skip
    db.dispose()


if __name__ == "__main__":
    main()
