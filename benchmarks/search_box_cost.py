#!/usr/bin/env python3
"""In-process cost of the search box's wanted-person provider (``domains/search/providers.py``
``notices``: the names engine plus the shared full-text index) on a database seeded by
api_load.py (``--keep``), for the benchmark's user: each query once to warm the caches (the
first also builds the names index), then the best of five calls, CPU and wall milliseconds,
with how many notices each found.

    PYTHONPATH=src .venv/bin/python benchmarks/search_box_cost.py URL W-0000123 "W 0019990" Wongsawat

With ``PYTHONPATH`` pointing at another checkout's ``src`` it measures that code on the same
database (two versions at the same load)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from api_common import Timings
from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.domains.search import providers
from mekongx.model.identity import Role


def main() -> None:
    db = Database(sys.argv[1])
    user = Principal(1, "bench", "Bench", "ONCB", Role.ANALYST, "en")
    queries = sys.argv[2:]
    for query in queries:
        with db.read() as session:
            providers.notices(session, user, query, 10)
    for query in queries:
        timings, found = Timings(), 0
        for _ in range(5):
            with db.read() as session, timings.run():
                found = len(providers.notices(session, user, query, 10))
        cpu, wall = timings.best_ms()
        print(f"{query!r}: {found} found, best {cpu:.1f} ms CPU, {wall:.1f} ms wall")
    db.dispose()


if __name__ == "__main__":
    main()
