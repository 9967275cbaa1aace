#!/usr/bin/env python3
"""The node under load: intelligence reports, wanted-person notices, seizures and precursor
declarations (pre-export notifications), up to a million records in all (half of them reports,
see ``api_seed.Counts``), 32 concurrent clients, on SQLite and PostgreSQL, beside a bare ASGI "hello" served the
same way in the same run (the stack's ceiling).

    .venv/bin/python benchmarks/api_load.py                      # both engines, 100,000 records
    .venv/bin/python benchmarks/api_load.py --records 1000000 --seconds 10
    .venv/bin/python benchmarks/api_load.py --records 20000 --seconds 5 --engines sqlite

Each server is one real `uvicorn` process (one worker: the ratio to the ceiling is per process)
pinned to the first core; the load generator (asyncio httpx clients) is a separate process
pinned to the other cores, so the two do not take turns on one core (both share the machine
when it has a single core). Seeding writes rows in bulk (benchmarks/api_seed.py: history
imported before the run); the measured requests go through the whole stack: authentication by
API token, visibility inside the query, for details an audit row written per read. Per area
and endpoint the run prints requests/s, p50 and p99 in milliseconds, the ratio to the ceiling,
and the in-process cost: CPU milliseconds of the node's own process per request, measured
without the network (the ASGI app called in-process, one request at a time; on PostgreSQL the
database server's work is in the wall time beside it, not in the CPU figure).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
from api_seed import SEARCHES, SEIZURE_SEARCHES, Counts, seed

PG = os.environ.get(
    "MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


HELLO = textwrap.dedent(
    """
    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"hello":"world"}'})
    """
)


def cores() -> tuple[set[int], set[int]]:
    """The server's core and the load generator's (all of them when there is only one)."""
    available = sorted(os.sched_getaffinity(0))
    if len(available) < 2:
        return set(available), set(available)
    return {available[0]}, set(available[1:])


def start(
    args: list[str], env: dict[str, str], port: int, pin: set[int]
) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=lambda: os.sched_setaffinity(0, pin))  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5)
            return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not start")


async def load(
    base: str, paths: list[str], headers: dict[str, str], clients: int, seconds: float
) -> tuple[float, float, float, int]:
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=base, headers=headers, limits=limits, timeout=30
    ) as client:

        async def worker(n: int) -> None:
            nonlocal errors
            rng = random.Random(n)
            while time.monotonic() < stop:
                path = rng.choice(paths)
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                except httpx.HTTPError:  # a time-out on a machine this loaded: counted, not fatal
                    errors += 1
                    continue
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1

        began = time.monotonic()
        await asyncio.gather(*(worker(n) for n in range(clients)))
        elapsed = time.monotonic() - began
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    return len(latencies) / elapsed, p50, p99, errors


def engine_urls(engines: list[str], home: Path, keep: str = "", pg_name: str = "") -> dict[str, str]:  # fmt: skip
    """A database per engine: new ones, or with ``keep`` (a name: the records' count) the kept
    ones of that name (a SQLite file in ``home``, a PostgreSQL database), made if missing."""
    urls = {}
    if "sqlite" in engines:
        urls["sqlite"] = f"sqlite:///{home / f'bench{keep}.db'}"
    if "postgresql" in engines:
        name = pg_name or f"mekongx_bench_{keep or uuid.uuid4().hex[:8]}"
        admin = create_engine(PG, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                held = conn.scalar(
                    text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
                )
                if not held:
                    conn.execute(text(f'CREATE DATABASE "{name}"'))
            urls["postgresql"] = (
                make_url(PG).set(database=name).render_as_string(hide_password=False)
            )
        except Exception as error:  # report and go on with the other engine
            print(f"postgresql: skipped ({type(error).__name__}: {str(error).splitlines()[0]})")
        admin.dispose()
    return urls


def seeded(engine: str, url: str, home: Path, keep: bool, counts: Counts) -> str:
    """The API token of a seeded database: with ``keep``, the one seeded by an earlier run
    (its token is written in ``home`` once seeding finished), else seeded now."""
    records = counts.reports + counts.notices + counts.seizures + counts.declarations
    done = home / f"{engine}-{records}.token"
    if keep and done.exists():
        print(f"{engine}: reusing the database seeded earlier ({url.rsplit('/', 1)[-1]})")
        return done.read_text().strip()
    if keep:  # a seeding that did not finish: start again
        drop(url)
        engine_urls(
            [engine],
            home,
            str(records),
            make_url(url).database or "" if engine == "postgresql" else "",
        )
    started, before = time.monotonic(), os.times()
    token = seed(url, counts, home)
    elapsed, after = time.monotonic() - started, os.times()
    own = after.user + after.system - before.user - before.system
    pool = (after.children_user + after.children_system
            - before.children_user - before.children_system)  # fmt: skip
    print(f"{engine}: seeded {counts} in {elapsed:.0f} s "
          f"({records / elapsed:,.0f} records/s; CPU s: this process {own:.0f}, "
          f"the documents' pool {pool:.0f}; load avg {os.getloadavg()[0]:.1f})")  # fmt: skip
    if keep:
        done.write_text(token)
    return token


def drop(url: str) -> None:
    if url.startswith("postgresql"):
        admin = create_engine(PG, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        admin.dispose()
    elif url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)


def generate(base: str, paths: list[str], headers: dict[str, str], clients: int, seconds: float,
             pin: set[int]) -> tuple[float, float, float, int]:  # fmt: skip
    """Run the load in a separate process pinned to ``pin`` (this script with ``--generate``)."""
    job = json.dumps({"base": base, "paths": paths, "headers": headers, "clients": clients,
                      "seconds": seconds})  # fmt: skip
    done = subprocess.run([sys.executable, __file__, "--generate"], input=job.encode(), check=True,
                          capture_output=True, preexec_fn=lambda: os.sched_setaffinity(0, pin))  # fmt: skip
    rps, p50, p99, errors = json.loads(done.stdout)
    return rps, p50, p99, errors


def in_process(env: dict[str, str], token: str, endpoints: dict[str, list[str]], pin: set[int]) -> dict[str, tuple[float, float]]:  # fmt: skip
    """CPU and wall milliseconds per request with the app called in-process (``--in-process``)."""
    job = json.dumps({"token": token, "endpoints": endpoints})
    done = subprocess.run([sys.executable, __file__, "--in-process"], input=job.encode(), env=env,
                          check=True, capture_output=True, preexec_fn=lambda: os.sched_setaffinity(0, pin))  # fmt: skip
    return {k: (v[0], v[1]) for k, v in json.loads(done.stdout).items()}


def _in_process_child() -> None:
    job = json.loads(sys.stdin.read())
    import logging

    from mekongx.app import create_app

    logging.disable(logging.WARNING)
    app = create_app()
    headers = {"Authorization": f"Bearer {job['token']}"}
    out: dict[str, list[float]] = {}

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://node", headers=headers) as client:  # fmt: skip
            for name, paths in job["endpoints"].items():
                sample = paths[:30]
                for path in sample[:5]:  # warm the caches
                    await client.get(path)
                cpu, wall = time.process_time(), time.perf_counter()
                for path in sample:
                    answer = await client.get(path)
                    assert answer.status_code == 200, (path, answer.status_code)
                out[name] = [(time.process_time() - cpu) * 1000 / len(sample),
                             (time.perf_counter() - wall) * 1000 / len(sample)]  # fmt: skip

    asyncio.run(run())
    print(json.dumps(out))


def _generate_child() -> None:
    job = json.loads(sys.stdin.read())
    result = asyncio.run(load(job["base"], job["paths"], job["headers"], job["clients"], job["seconds"]))  # fmt: skip
    print(json.dumps(result))


def endpoints(counts: Counts) -> dict[str, list[str]]:
    """The paths each area's list, detail and search is loaded with. Lists: the first page and
    pages reached by the keyset cursor (``after``) anywhere in the table."""
    rng = random.Random(3)
    found: dict[str, list[str]] = {}

    def area(name: str, base: str, count: int, searches: list[str] | None = None) -> None:
        found[f"{name} list"] = [f"{base}?per_page=50"] + [
            f"{base}?per_page=50&after={rng.randint(51, count)}" for _ in range(199)]  # fmt: skip
        found[f"{name} detail"] = [f"{base}/{rng.randint(1, count)}" for _ in range(2000)]
        if searches:
            found[f"{name} search"] = [f"{base}/search?q={w}&limit=50" for w in searches]

    if counts.reports:
        area("reports", "/api/v1/reports", counts.reports, SEARCHES)
    if counts.notices:
        found["notices list"] = ["/fugitives"] + [f"/fugitives?page={p}" for p in range(2, 21)]
        found["notices detail"] = [f"/fugitives/notices/{rng.randint(1, counts.notices)}" for _ in range(2000)]  # fmt: skip
    if counts.seizures:
        area("seizures", "/api/v1/seizures", counts.seizures, SEIZURE_SEARCHES)
    if counts.declarations:
        area("declarations", "/api/v1/precursors/notifications", counts.declarations)
    return found


def measure_ceiling(home: Path, clients: int, seconds: float, server_cores: set[int],
                    client_cores: set[int]) -> float:  # fmt: skip
    """Requests/s of a bare ASGI "hello" served and loaded as the node is."""
    (home / "hello.py").write_text(HELLO)
    port = free_port()
    hello = start([sys.executable, "-m", "uvicorn", "--app-dir", str(home), "hello:app", "--port", str(port),
                   "--log-level", "warning"], dict(os.environ), port, server_cores)  # fmt: skip
    try:
        ceiling, p50, p99, errors = generate(f"http://127.0.0.1:{port}", ["/"], {}, clients,
                                             seconds, client_cores)  # fmt: skip
    finally:
        hello.terminate()
        hello.wait()
    print(f"{'ceiling':<11} {'ASGI hello':<15} {ceiling:8.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
          f"errors {errors}  load avg {os.getloadavg()[0]:.1f}")  # fmt: skip
    return ceiling


def main() -> None:
    if sys.argv[1:] == ["--generate"]:
        return _generate_child()
    if sys.argv[1:] == ["--in-process"]:
        return _in_process_child()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000, help="in all, half per area")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="seed once and keep the databases (SQLite files in DIR, PostgreSQL "
                             "databases mekongx_bench_<records>) for later runs with the same "
                             "--records; seeding: --seconds 0 seeds and stops")  # fmt: skip
    parser.add_argument("--pg-name", default="",
                        help="the PostgreSQL database's name (default mekongx_bench_<records> "
                             "with --keep, a new name otherwise)")  # fmt: skip
    parser.add_argument(
        "--only",
        default="",
        help="measure only the endpoints whose name contains this (e.g. search)",
    )
    args = parser.parse_args()
    home = args.keep or Path(tempfile.mkdtemp(prefix="mekongx-bench-"))
    home.mkdir(parents=True, exist_ok=True)
    server_cores, client_cores = cores()
    print(f"api_load: {args.records:,} records, {args.clients} clients, {args.seconds:.0f} s per endpoint; "
          f"server on cores {sorted(server_cores)}, clients on {sorted(client_cores)}; load avg {os.getloadavg()[0]:.1f}")  # fmt: skip
    counts = Counts.of(args.records)
    keep = str(args.records) if args.keep else ""
    for engine, url in engine_urls(args.engines.split(","), home, keep, args.pg_name).items():
        token = seeded(engine, url, home, bool(keep), counts)
        if not args.seconds:
            continue
        # the ceiling just before the engine's own run (the machine's load moves meanwhile)
        ceiling = measure_ceiling(home, args.clients, args.seconds, server_cores, client_cores)
        port = free_port()
        env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_DATABASE_URL": url, "MEKONGX_DATA_DIR": str(home),
               "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_WORKER": "false"}  # fmt: skip
        paths = {k: v for k, v in endpoints(counts).items() if args.only in k}
        floor = "stack floor (/api/v1/me: token check and a small JSON answer)"
        costs = in_process(env, token, {**paths, floor: ["/api/v1/me"]}, server_cores)
        print(f"{engine:<11} in-process {floor}: {costs[floor][0]:.1f} ms CPU, {costs[floor][1]:.1f} ms wall")  # fmt: skip
        server = start([sys.executable, "-m", "uvicorn", "mekongx.cli.main:asgi_app", "--factory", "--port", str(port),
                        "--log-level", "warning"], env, port, server_cores)  # fmt: skip
        try:
            for name, sample in paths.items():
                headers = {"Authorization": f"Bearer {token}"}
                rps, p50, p99, errors = generate(f"http://127.0.0.1:{port}", sample, headers,
                                                 args.clients, args.seconds, client_cores)  # fmt: skip
                cpu, wall = costs[name]
                print(f"{engine:<11} {name:<15} {rps:8.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
                      f"errors {errors}  ratio {rps / ceiling:4.2f}  in-process {cpu:5.1f} ms CPU, {wall:5.1f} ms wall")  # fmt: skip
        finally:
            server.terminate()
            server.wait()
            if not keep:
                drop(url)


if __name__ == "__main__":
    main()
