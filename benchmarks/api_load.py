#!/usr/bin/env python3
"""The node under load: intelligence reports, wanted-person notices, seizures and precursor
declarations (pre-export notifications), up to a million records in all (half of them reports,
see ``api_seed.Counts``), 32 concurrent clients, on SQLite and PostgreSQL, beside a bare ASGI "hello" served the
same way in the same run (the stack's ceiling).

    .venv/bin/python benchmarks/api_load.py                      # both engines, 100,000 records
    .venv/bin/python benchmarks/api_load.py --records 1000000 --seconds 10
    .venv/bin/python benchmarks/api_load.py --records 20000 --seconds 5 --engines sqlite

Each server is one real `uvicorn` process (one worker: the ratio to the ceiling is per process)
pinned to the first core; the load generator (``loadgen``: wrk when installed, else raw asyncio
streams) runs in separate processes pinned to the other cores, so the two do not take turns on
one core (both share the machine when it has a single core). Two ceilings are measured just
before each engine's run, served and loaded the same way: a bare ASGI "hello" (the server's
own ceiling) and a minimal FastAPI app (``STACK``: one route, one dependency, a pydantic
response model: what the framework alone costs). Seeding writes rows in bulk
(benchmarks/api_seed.py: history imported before the run); the measured requests go through
the whole stack: authentication by API token, visibility inside the query, for details an
audit row written per read. Per area and endpoint the run prints requests/s, p50 and p99 in
milliseconds, the ratio to the hello ceiling's requests/s, the server process's CPU
milliseconds per request under the load and the "CPU ratio" (the hello's CPU per request over
the endpoint's: the ratio a server with a core of its own would reach, which moves far less
with the machine's other jobs than requests/s do), and the in-process cost: CPU milliseconds
of the node's own process per request, measured without the network (the ASGI app called
in-process, one request at a time). On PostgreSQL the database server's work is in neither
CPU figure (it is another process), only in the wall times. After the node, the reports' list,
detail and search are served once more by the raw driver's floor (``api_floor.py``: the
node's own statements run by a bare ASGI app through sqlite3 or psycopg, no framework), loaded
with the same paths: the ratio to the hello any Python server reaches on this database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from importlib import import_module
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
import loadgen
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


# The stack's own floor: a minimal FastAPI app with one route, one dependency (a header read)
# and a pydantic response model, a plain ``def`` endpoint as the node's are (run in the thread
# pool), served and loaded as the node is.
STACK = textwrap.dedent(
    """
    from typing import Annotated

    from fastapi import Depends, FastAPI, Header
    from pydantic import BaseModel

    class Hello(BaseModel):
        hello: str
        length: int

    def caller(authorization: Annotated[str, Header()] = "") -> str:
        return authorization

    app = FastAPI()

    @app.get("/", response_model=Hello)
    def hello(who: Annotated[str, Depends(caller)]) -> Hello:
        return Hello(hello="world", length=len(who))
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


def cpu_seconds(pid: int) -> float:
    """The CPU seconds (user and system, every thread) a process has spent so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def loaded(server: subprocess.Popen[bytes], port: int, paths: list[str], headers: dict[str, str],
           clients: int, seconds: float, pin: set[int]) -> tuple[loadgen.Load, float]:  # fmt: skip
    """The load on a server (after a second of warm-up), and the server's CPU milliseconds per
    request under it (its own process, through the network: HTTP parsing included, the
    machine's other jobs not)."""
    loadgen.run(port, paths, headers, clients, 1, pin)  # warm its caches first
    before = cpu_seconds(server.pid)
    load = loadgen.run(port, paths, headers, clients, seconds, pin)
    spent = cpu_seconds(server.pid) - before
    return load, spent * 1000 / max(load.requests, 1)


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
    settle = getattr(import_module("mekongx.app"), "settle", None)  # absent on older checkouts
    if settle is not None:
        settle(app)  # as the server (mekongx.cli.main:asgi_app) builds it
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
                    client_cores: set[int]) -> tuple[float, float]:  # fmt: skip
    """Requests/s and the server's CPU ms per request of a bare ASGI "hello" served and loaded
    as the node is; then the same of the stack ceiling (``STACK``), printed beside it."""
    found = []
    for name, source in (("ASGI hello", HELLO), ("stack ceiling", STACK)):
        module = name.split()[-1]
        (home / f"{module}.py").write_text(source)
        port = free_port()
        server = start([sys.executable, "-m", "uvicorn", "--app-dir", str(home), f"{module}:app", "--port", str(port),
                        "--log-level", "warning"], dict(os.environ), port, server_cores)  # fmt: skip
        try:
            load, cpu = loaded(server, port, ["/"], {"Authorization": "Bearer x"}, clients, seconds, client_cores)  # fmt: skip
        finally:
            server.terminate()
            server.wait()
        found.append((load.rps, cpu))
        ratio = (
            ""
            if not found[1:]
            else f"  ratio {load.rps / found[0][0]:4.2f}, CPU ratio {found[0][1] / cpu:4.2f}"
        )
        print(f"{'ceiling':<11} {name:<15} {load.rps:8.0f} req/s  p50 {load.p50:6.1f} ms  p99 {load.p99:6.1f} ms  "
              f"errors {load.errors}  server {cpu:5.2f} ms CPU/req{ratio}  load avg {os.getloadavg()[0]:.1f}")  # fmt: skip
    return found[0]


def raw_floor(env: dict[str, str], token: str, home: Path, args: argparse.Namespace, engine: str,
              paths: dict[str, list[str]], ceiling: float, ceiling_cpu: float) -> None:  # fmt: skip
    """The node's reports paths answered by the raw driver's floor (``api_floor.py``: the
    node's statements, recorded from it just before, run by a bare ASGI app), served and
    loaded as the node is."""
    recipe = home / f"floor-{engine}-{args.records}.pickle"
    here = str(Path(__file__).parent)
    subprocess.run([sys.executable, str(Path(here) / "api_floor.py"), "--record", str(recipe), token,
                    str(Counts.of(args.records).reports)], env=env, check=True)  # fmt: skip
    # on PostgreSQL also with async connections, a request's round trips not on the loop
    # and with the JSON written by the database (``json_agg``, ``json_group_array``)
    for mode in ("", "pooled", "json in db") if engine == "postgresql" else ("", "json in db"):
        port = free_port()
        server = start([sys.executable, "-m", "uvicorn", "--app-dir", here, "api_floor:app", "--factory",
                        "--port", str(port), "--log-level", "warning"],
                       {**env, "MEKONGX_FLOOR": str(recipe), "MEKONGX_FLOOR_MODE": mode}, port,
                       cores()[0])  # fmt: skip
        try:
            for name, sample in paths.items():
                name = name.replace("floor)", f"floor, {mode})") if mode else name
                load, cpu = loaded(server, port, sample, {}, args.clients, args.seconds, cores()[1])
                print(f"{engine:<11} {name:<15} {load.rps:8.0f} req/s  p50 {load.p50:6.1f} ms  p99 {load.p99:6.1f} ms  "
                      f"errors {load.errors}  ratio {load.rps / ceiling:4.2f}  server {cpu:5.2f} ms CPU/req, "
                      f"CPU ratio {ceiling_cpu / cpu:5.3f}  load avg {os.getloadavg()[0]:.1f}")  # fmt: skip
        finally:
            server.terminate()
            server.wait()


def main() -> None:
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
        ceiling, ceiling_cpu = measure_ceiling(home, args.clients, args.seconds, server_cores, client_cores)  # fmt: skip
        port = free_port()
        env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_DATABASE_URL": url, "MEKONGX_DATA_DIR": str(home),
               "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_WORKER": "false"}  # fmt: skip
        floor = "stack floor"  # /api/v1/me: the token check and a small JSON answer
        paths = {floor: ["/api/v1/me"], **{k: v for k, v in endpoints(counts).items() if args.only in k}}  # fmt: skip
        costs = in_process(env, token, paths, server_cores)
        server = start([sys.executable, "-m", "uvicorn", "mekongx.cli.main:asgi_app", "--factory", "--port", str(port),
                        "--log-level", "warning"], env, port, server_cores)  # fmt: skip
        try:
            for name, sample in paths.items():
                headers = {"Authorization": f"Bearer {token}"}
                load, cpu = loaded(server, port, sample, headers, args.clients, args.seconds, client_cores)  # fmt: skip
                print(f"{engine:<11} {name:<15} {load.rps:8.0f} req/s  p50 {load.p50:6.1f} ms  p99 {load.p99:6.1f} ms  "
                      f"errors {load.errors}  ratio {load.rps / ceiling:4.2f}  server {cpu:5.2f} ms CPU/req, "
                      f"CPU ratio {ceiling_cpu / cpu:5.3f}  in-process {costs[name][0]:5.1f} ms CPU, "
                      f"{costs[name][1]:5.1f} ms wall")  # fmt: skip
        finally:
            server.terminate()
            server.wait()
        try:
            floor_paths = {
                f"{k} (raw floor)": v for k, v in paths.items() if k.startswith("reports ")
            }
            if floor_paths:
                raw_floor(env, token, home, args, engine, floor_paths, ceiling, ceiling_cpu)
        finally:
            if not keep:
                drop(url)


if __name__ == "__main__":
    main()
