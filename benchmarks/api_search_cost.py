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
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from api_common import Timings
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
                timings = Timings()
                for _ in range(3):
                    with timings.run():
                        found = search(session, query)
            cpu, wall = timings.mean_ms()
            print(f"{area} {query}: {cpu:.1f} ms CPU, {wall:.1f} ms wall, {len(found)} found")
    db.dispose()


if __name__ == "__main__":
    main()
