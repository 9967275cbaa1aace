#!/usr/bin/env python3
"""The reports' and seizures' API search on a database seeded by api_load.py (``--keep``),
in-process (the node's ASGI app through httpx's ASGI transport, the benchmark's API token):
the sha256 of 36 answers (the benchmark's queries and a few more, several limits), to show two
versions of the code answer byte for byte the same, and the CPU milliseconds per request of
each area's six queries at ``limit=50`` (best of three rounds, after a warm-up).

    MEKONGX_ENV=test MEKONGX_DATABASE_URL=sqlite:////tmp/h6/k100/bench100000.db \\
    MEKONGX_DATA_DIR=/tmp/h6/k100 MEKONGX_NODE_AGENCY=ONCB MEKONGX_WORKER=false \\
    PYTHONPATH=src .venv/bin/python benchmarks/api_search_answers.py /tmp/h6/k100/sqlite-100000.token

With ``PYTHONPATH`` pointing at another checkout's ``src`` it measures that code on the same
database: run the two alternately."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from api_seed import SEARCHES, SEIZURE_SEARCHES
from mekongx.app import create_app

REPORTS = [f"/api/v1/reports/search?q={q}&limit={n}" for q in [*SEARCHES, "Mae", "zzzqq"] for n in (50, 3, 200)]  # fmt: skip
SEIZURES = [f"/api/v1/seizures/search?q={q}&limit={n}" for q in SEIZURE_SEARCHES for n in (50, 7)]


async def run(token: str) -> None:
    logging.disable(logging.WARNING)
    transport = httpx.ASGITransport(app=create_app())
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://node", headers=headers) as client:  # fmt: skip
        digest = hashlib.sha256()
        for path in REPORTS + SEIZURES:
            answer = await client.get(path)
            assert answer.status_code == 200, (path, answer.status_code)
            digest.update(answer.content)
        print(f"sha256 of {len(REPORTS + SEIZURES)} answers: {digest.hexdigest()}")
        for area, paths in (("reports", REPORTS), ("seizures", SEIZURES)):
            sample = [path for path in paths if path.endswith("limit=50")]
            rounds = []
            for _ in range(4):  # the first warms the caches
                started = time.process_time()
                for path in sample:
                    await client.get(path)
                rounds.append((time.process_time() - started) * 1000 / len(sample))
            print(f"{area} search: {min(rounds[1:]):.2f} ms CPU per request (rounds: "
                  f"{', '.join(f'{r:.2f}' for r in rounds[1:])})")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(run(Path(sys.argv[1]).read_text().strip()))
