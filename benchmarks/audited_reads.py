#!/usr/bin/env python3
"""What an audited detail read sends to the database and costs, on a database seeded by
api_load.py (``--keep``): the statements one detail request sends once the caches are warm
(SQLAlchemy's ``before_cursor_execute``, every engine of the process; BEGIN and COMMIT are
the driver's and not among them), then ``intel.read_report`` called directly, one write
transaction per read as a request has, best of three rounds of ``--repeat`` reads: CPU and
wall milliseconds per read (the wall includes the database's work, the round trips and the
commit).

    PYTHONPATH=src .venv/bin/python benchmarks/audited_reads.py /tmp/h2/k100 --records 100000 \\
        --engine postgresql --pg-name mekongx_bench_100000

With ``PYTHONPATH`` pointing at another checkout's ``src`` it measures that code on the same
database: run the two alternately for a comparison at the same load."""

from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from api_common import Timings, keep_database

DETAILS = ["/api/v1/reports/{one}", "/api/v1/seizures/{one}",
           "/api/v1/precursors/notifications/{one}", "/fugitives/notices/{one}"]  # fmt: skip


async def statements(app: object, token: str, paths: list[str]) -> None:
    seen: list[str] = []

    def log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement.lstrip().split(None, 1)[0].upper())

    event.listen(Engine, "before_cursor_execute", log)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://node", headers=headers) as client:  # fmt: skip
        for path in paths:
            for _ in range(3):
                answer = await client.get(path)
                assert answer.status_code == 200, (path, answer.status_code)
            seen.clear()
            await client.get(path)
            print(f"{len(seen):3d} statements  {path}  ({' '.join(seen)})")
    event.remove(Engine, "before_cursor_execute", log)


def reads(url: str, first: int, repeat: int) -> None:
    from mekongx.accounts import service as accounts
    from mekongx.db import Database
    from mekongx.domains.intel import service as intel
    from mekongx.model.identity import User

    db = Database(url)
    with db.read() as session:
        user = session.scalars(select(User).where(User.username == "bench")).one()
        principal = accounts.principal_for(user)

    def loop(n: int) -> None:
        for i in range(n):
            with db.write() as session:
                intel.read_report(session, principal, first + i % 50)

    loop(50)
    timings = Timings()
    for _ in range(3):
        with timings.run(repeat):
            loop(repeat)
    cpu, wall = timings.best_ms()
    print(f"{cpu:7.3f} ms CPU {wall:7.3f} ms wall  per intel.read_report (best of 3 x {repeat})")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("keep", type=Path, help="the --keep directory of api_load.py")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--pg-name", default="",
                        help="the PostgreSQL database (default mekongx_bench_<records>)")  # fmt: skip
    args = parser.parse_args()
    url = keep_database(args)
    from mekongx.app import create_app

    logging.disable(logging.WARNING)
    token = (args.keep / f"{args.engine}-{args.records}.token").read_text().strip()
    one = args.records // 50  # present in every area, as in api_list_cost.py
    asyncio.run(statements(create_app(), token, [p.format(one=one) for p in DETAILS]))
    reads(url, one, args.repeat)


if __name__ == "__main__":
    main()
