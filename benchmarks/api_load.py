#!/usr/bin/env python3
"""Node API under load: 100,000 intelligence reports, 32 concurrent clients, on SQLite and
PostgreSQL, beside a bare ASGI "hello" served the same way (the stack's ceiling).

    .venv/bin/python benchmarks/api_load.py                 # both engines, 100,000 records
    .venv/bin/python benchmarks/api_load.py --records 20000 --seconds 5 --engines sqlite

Each server is a real `uvicorn` process (one worker, as `mekongx serve` runs by default); the
clients are asyncio httpx connections in this process. Seeding writes rows in bulk (not through
the services: it stands for history imported before the run); the measured requests go through
the whole stack — authentication by API token, authz filtering, and for the detail endpoint an
audit row written per read. Report lines print requests/s, p50 and p99 in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
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
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.domains.intel.models import IntelReport
from mekongx.model.base import utcnow
from mekongx.model.identity import User
from mekongx.model.record import RecordRecipient
from mekongx.settings import Settings
from mekongx.text import index_tokens

PG = os.environ.get(
    "MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
WORDS_TH = ["ยาบ้า", "ไอซ์", "เคตามีน", "เชียงราย", "แม่สาย", "หนองคาย", "รถกระบะ", "ชายแดน"]
WORDS_ZH = ["冰毒", "氯胺酮", "西双版纳", "磨憨", "运输", "团伙", "线人", "边境"]
WORDS_EN = [
    "methamphetamine",
    "ketamine",
    "Bokeo",
    "Tachileik",
    "pickup",
    "border",
    "courier",
    "precursor",
]
NAMES = [
    "หลาน เว่ยหง 兰卫红 Lan Weihong",
    "จาง ซิน 张鑫 Zhang Xin",
    "หลิว หย่ง 刘勇 Liu Yong",
    "陈建国 Chen Jianguo",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def seed(url: str, records: int, home: Path) -> str:
    """Create the schema, agencies, a user with an API token and ``records`` reports."""
    migrations.upgrade(url)
    db = Database(url)
    settings = Settings(env="test", database_url=url, data_dir=home, node_agency="ONCB")
    actor = Actor.system("ONCB", "bench")
    with db.write() as session:
        for code, country in (("ONCB", "TH"), ("NNCC", "CN"), ("LCDC", "LA")):
            accounts.create_agency(
                session,
                actor,
                accounts.AgencyInput(code, code, code, code, country, code == "ONCB"),
            )
        user = accounts.create_user(
            session,
            actor,
            accounts.UserInput("bench", "Bench", "ONCB", "analyst", "Harbour-Load-2567"),
            settings,
        )
        token = accounts.create_api_token(session, actor, user, "bench")
    rng = random.Random(7)
    now = utcnow()
    batch: list[dict[str, object]] = []
    search: list[dict[str, str]] = []
    shares: list[dict[str, str]] = []
    sqlite = url.startswith("sqlite")
    insert_search = text(
        "INSERT INTO search_index (uid, kind, body) VALUES (:uid, 'intel_report', :body)"
        if sqlite
        else "INSERT INTO search_index (uid, kind, body) VALUES (:uid, 'intel_report', to_tsvector('simple', :body))"
    )
    for i in range(records):
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        origin = "ONCB" if i % 4 else "NNCC"
        title = f"{rng.choice(NAMES)} {rng.choice(WORDS_EN)} {i}"
        narrative = " ".join(rng.choice(WORDS_TH + WORDS_ZH + WORDS_EN) for _ in range(30))
        distribution = "own" if origin == "ONCB" and i % 3 else "peers"
        batch.append(dict(uid=uid, created_at=now, updated_at=now, version=1, language="th", author_name="bench",
                          distribution=distribution, handling_code="H0", handling_note="", received=origin != "ONCB",
                          origin_agency=origin, author_id=None, sharing_group=None, title=title, narrative=narrative,
                          source_reliability="B", info_reliability=2, status="active", status_note="", received_from=""))  # fmt: skip
        search.append({"uid": uid, "body": index_tokens(f"{title}\n{narrative}")})
        if distribution == "peers":
            shares.append(
                {"record_uid": uid, "agency_code": "ONCB" if origin == "NNCC" else "NNCC"}
            )
        if len(batch) == 5000 or i == records - 1:
            with db.write() as session:
                session.execute(insert(IntelReport), batch)
                session.execute(insert_search, search)
                if shares:
                    session.execute(insert(RecordRecipient), shares)
            batch, search, shares = [], [], []
    with db.write() as session:
        assert session.get(User, user.id) is not None
        if sqlite:  # what fts.index_document keeps beside the FTS5 table
            session.execute(
                text(
                    "INSERT INTO search_index_rowids (uid, doc) SELECT uid, rowid FROM search_index"
                )
            )
    db.dispose()
    return token


HELLO = textwrap.dedent(
    """
    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"hello":"world"}'})
    """
)


def start(args: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
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
                response = await client.get(path)
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


def engine_urls(engines: list[str], home: Path) -> dict[str, str]:
    urls = {}
    if "sqlite" in engines:
        urls["sqlite"] = f"sqlite:///{home / 'bench.db'}"
    if "postgresql" in engines:
        name = f"mekongx_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(PG, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            urls["postgresql"] = (
                make_url(PG).set(database=name).render_as_string(hide_password=False)
            )
        except Exception as error:  # report and go on with the other engine
            print(f"postgresql: skipped ({type(error).__name__}: {str(error).splitlines()[0]})")
        admin.dispose()
    return urls


def drop(url: str) -> None:
    if url.startswith("postgresql"):
        admin = create_engine(PG, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="mekongx-bench-"))
    print(
        f"api_load: {args.records:,} records, {args.clients} clients, {args.seconds:.0f} s per endpoint; load avg {os.getloadavg()[0]:.1f}"
    )
    hello_file = home / "hello.py"
    hello_file.write_text(HELLO)
    port = free_port()
    hello = start([sys.executable, "-m", "uvicorn", "--app-dir", str(home), "hello:app", "--port", str(port),
                   "--log-level", "warning"], dict(os.environ), port)  # fmt: skip
    try:
        rps, p50, p99, errors = asyncio.run(
            load(f"http://127.0.0.1:{port}", ["/"], {}, args.clients, args.seconds)
        )
    finally:
        hello.terminate()
        hello.wait()
    print(
        f"{'ceiling':<11} {'ASGI hello':<8} {rps:8.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  errors {errors}"
    )
    for engine, url in engine_urls(args.engines.split(","), home).items():
        started = time.monotonic()
        token = seed(url, args.records, home)
        print(f"{engine}: seeded {args.records:,} reports in {time.monotonic() - started:.1f} s")
        port = free_port()
        env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_DATABASE_URL": url, "MEKONGX_DATA_DIR": str(home),
               "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_WORKER": "false"}  # fmt: skip
        server = start([sys.executable, "-m", "uvicorn", "mekongx.cli.main:asgi_app", "--factory", "--port", str(port),
                        "--log-level", "warning"], env, port)  # fmt: skip
        rng = random.Random(3)
        ids = [rng.randint(1, args.records) for _ in range(2000)]
        pages = [rng.randint(1, 200) for _ in range(200)]
        endpoints = {
            "list": [f"/api/v1/reports?page={p}&per_page=50" for p in pages],
            "detail": [f"/api/v1/reports/{i}" for i in ids],
            "search": [
                f"/api/v1/reports/search?q={w}&limit=50"
                for w in ["เว่ยหง", "卫红", "Weihong", "冰毒 磨憨", "Bokeo pickup", "ยาบ้า เชียงราย"]
            ],
        }
        try:
            for name, paths in endpoints.items():
                headers = {"Authorization": f"Bearer {token}"}
                rps, p50, p99, errors = asyncio.run(
                    load(f"http://127.0.0.1:{port}", paths, headers, args.clients, args.seconds)
                )
                print(
                    f"{engine:<11} {name:<8} {rps:8.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  errors {errors}"
                )
        finally:
            server.terminate()
            server.wait()
            drop(url)


if __name__ == "__main__":
    main()
