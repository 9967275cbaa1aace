#!/usr/bin/env python3
"""Audited detail reads side by side: does one request's audit row hold up the others?

Every detail read of a sensitive record writes an audit row, and the audit chain has one head
row: a transaction that moves it holds it until it commits. This benchmark serves the node as
production does (``mekongx serve --workers N``, the web processes beside each other on every
core) over a seeded database and loads its detail reads (reports, seizures, declarations and
wanted-person notices, at random) with ``loadgen`` (wrk when installed), then reports
requests/s, p50 and p99 per source tree, and on PostgreSQL how the database's sessions of the
node spent the run, sampled every 20 ms from ``pg_stat_activity``: running a statement,
waiting for a lock (another transaction's row: the audit head), or idle in an open
transaction (the node working between its statements). The last two are what one request
makes the others wait for; they move far less with the machine's other jobs than
requests/s do. Two trees (``--trees name=path/to/src,...``) are
served in turn, alternating for ``--rounds`` rounds on the same database, so a change is
compared with what it changes in the same run; the machine's load is printed with each.

    .venv/bin/python benchmarks/audited_concurrency.py --records 100000 --keep DIR --pg-name mekongx_x_100000 \\
        --trees before=/tmp/old/src,after=src

The server and the load generator share the machine's cores (a server with several workers
has no core of its own to be pinned to), so the figures are what the whole machine answers.
Seeding is ``api_load``'s (``--keep`` reuses a database it seeded).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).parent))
import loadgen
from api_load import drop, endpoints, engine_urls, free_port, seeded, start
from api_seed import Counts


def sampled(url: str, stop: threading.Event, found: Counter[str]) -> None:
    """Count, every 20 ms until ``stop``, the node's database sessions by what they do."""
    engine = create_engine(url)
    query = text(
        "SELECT CASE WHEN wait_event_type = 'Lock' THEN 'waiting for a lock' "
        "WHEN state = 'idle in transaction' THEN 'idle in a transaction' "
        "WHEN state = 'active' THEN 'running a statement' ELSE 'idle' END, count(*) "
        "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "GROUP BY 1"
    )
    with engine.connect() as conn:
        while not stop.wait(0.02):
            found["samples"] += 1
            for what, count in conn.execute(query):
                found[what] += count
            conn.rollback()
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--records", type=int, default=100_000, help="in all, as api_load seeds them"
    )
    parser.add_argument("--engine", default="postgresql", choices=["postgresql", "sqlite"])
    parser.add_argument("--workers", type=int, default=0, help="web processes; 0: one per core")
    parser.add_argument("--kinds", default="detail",
                        help="which audited reads, comma-separated: detail, list (api_load's endpoint names' last word)")  # fmt: skip
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--trees", default=f"here={Path(__file__).parent.parent / 'src'}",
                        help="name=src-folder pairs, comma-separated, served in turn")  # fmt: skip
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep (and reuse) the database here"
    )
    parser.add_argument("--pg-name", default="", help="the PostgreSQL database's name with --keep")
    args = parser.parse_args()
    home = args.keep or Path(tempfile.mkdtemp(prefix="mekongx-concurrency-"))
    home.mkdir(parents=True, exist_ok=True)
    keep = str(args.records) if args.keep else ""
    counts = Counts.of(args.records)
    [(engine, url)] = engine_urls([args.engine], home, keep, args.pg_name).items()
    token = seeded(engine, url, home, bool(keep), counts)
    kinds = tuple(f" {kind.strip()}" for kind in args.kinds.split(","))
    paths = [p for name, some in endpoints(counts).items() if name.endswith(kinds) for p in some]
    trees = dict(pair.split("=", 1) for pair in args.trees.split(","))
    workers = args.workers or len(os.sched_getaffinity(0))
    everywhere = set(os.sched_getaffinity(0))
    print(f"audited_concurrency: {engine}, {args.records:,} records, {len(paths):,} {args.kinds} paths, "
          f"{workers} web processes, {args.clients} clients, {args.seconds:.0f} s per run")  # fmt: skip
    try:
        for round_ in range(1, args.rounds + 1):
            for name, src in trees.items():
                port = free_port()
                env = {**os.environ, "PYTHONPATH": str(Path(src).resolve()), "MEKONGX_ENV": "test",
                       "MEKONGX_DATABASE_URL": url, "MEKONGX_DATA_DIR": str(home),
                       "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_WORKER": "false"}  # fmt: skip
                server = start([sys.executable, "-m", "mekongx.cli.main", "serve", "--port", str(port),
                                "--workers", str(workers)], env, port, everywhere)  # fmt: skip
                try:
                    headers = {"Authorization": f"Bearer {token}"}
                    loadgen.run(port, paths, headers, args.clients, 1, everywhere)  # warm up
                    stop, seen = threading.Event(), Counter[str]()
                    sampler = threading.Thread(target=sampled, args=(url, stop, seen))
                    if engine == "postgresql":
                        sampler.start()
                    load = loadgen.run(port, paths, headers, args.clients, args.seconds, everywhere)
                    stop.set()
                    if sampler.is_alive():
                        sampler.join()
                finally:
                    server.terminate()
                    server.wait()
                sessions = "".join(
                    f"  {what} {seen[what] / seen['samples']:4.1f}"
                    for what in (
                        "running a statement",
                        "waiting for a lock",
                        "idle in a transaction",
                    )
                    if seen["samples"]
                )  # the mean number of the node's sessions doing each, over the samples
                print(f"round {round_}  {name:<10} {load.rps:8.0f} req/s  p50 {load.p50:6.1f} ms  "
                      f"p99 {load.p99:7.1f} ms  errors {load.errors}  load avg {os.getloadavg()[0]:.1f}{sessions}")  # fmt: skip
    finally:
        if not keep:
            drop(url)


if __name__ == "__main__":
    main()
