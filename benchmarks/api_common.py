"""Shared helpers for the API benchmarks (``api_list_cost.py``, ``api_search_cost.py``,
``audited_reads.py``, ``search_box_cost.py``): the clock their timing loops read, and the
database an ``api_load.py --keep`` run left."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.engine import make_url

PG = os.environ.get(
    "MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@dataclass
class Timings:
    """CPU and wall seconds per call of each timed run: ``with timings.run(calls): ...``."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    @contextmanager
    def run(self, calls: int = 1) -> Iterator[None]:
        """Time the block (sync or async code inside), counted as ``calls`` calls."""
        started, clock = time.process_time(), time.perf_counter()
        yield
        self.cpu.append((time.process_time() - started) / calls)
        self.wall.append((time.perf_counter() - clock) / calls)

    def best_ms(self) -> tuple[float, float]:
        """The fastest run's CPU and the fastest run's wall milliseconds per call."""
        return min(self.cpu) * 1000, min(self.wall) * 1000

    def mean_ms(self) -> tuple[float, float]:
        """The mean CPU and wall milliseconds per call over the runs."""
        return sum(self.cpu) / len(self.cpu) * 1000, sum(self.wall) / len(self.wall) * 1000


def keep_database(args: argparse.Namespace) -> str:
    """The URL of the database ``api_load.py --keep`` seeded (``args``: ``keep``, ``records``,
    ``engine``, ``pg_name``), with the environment a node on it reads set (test mode, no worker,
    ONCB)."""
    if args.engine == "sqlite":
        url = f"sqlite:///{args.keep / f'bench{args.records}.db'}"
    else:
        url = make_url(PG).set(database=args.pg_name or f"mekongx_bench_{args.records}")
        url = url.render_as_string(hide_password=False)
    os.environ.update({"MEKONGX_ENV": "test", "MEKONGX_DATA_DIR": str(args.keep),
                       "MEKONGX_DATABASE_URL": url,
                       "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_WORKER": "false"})  # fmt: skip
    return url
