#!/usr/bin/env python3
"""The finance link chart's reads on a large case, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/finance_chart.py                     # 200,000 transfers, both engines
    .venv/bin/python benchmarks/finance_chart.py --transactions 50000 --engines sqlite

A case of random transfers among ``--accounts`` accounts, one a minute, is written in bulk (it
stands for imported history); then each read of ``domains/finance/graph.py`` runs once through
the service as the chart calls it (authorisation, audit row): an account's neighbours, the
shortest chain following the money and in either direction, the account list of the page, an
i2 export of a quarter of the case. Prints seconds per read (wall clock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.domains.finance import graph, service
from mekongx.domains.finance.models import FinImport, FinTransaction
from mekongx.domains.finance.schemas import CaseInput
from mekongx.settings import Settings

PG = os.environ.get(
    "MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
START = 1_700_000_000  # 2023-11-14 22:13 UTC


def run(url: str, home: Path, transactions: int, accounts_n: int) -> None:
    migrations.upgrade(url)
    db = Database(url)
    settings = Settings(env="test", database_url=url, data_dir=home, node_agency="ONCB")
    actor = Actor.system("ONCB", "bench")
    with db.write() as session:
        accounts.create_agency(
            session, actor, accounts.AgencyInput("ONCB", "ONCB", "ONCB", "ONCB", "TH", True)
        )
        user = accounts.create_user(
            session,
            actor,
            accounts.UserInput("bench", "Bench", "ONCB", "analyst", "Harbour-Chart-2567"),
            settings,
        )
        principal = accounts.principal_for(user, "bench")
        case = service.create_case(session, principal, CaseInput(title="bench", language="en"))
        batch = FinImport(case_id=case.id, filename="bench", sha256="0" * 64, imported_by="bench")
        session.add(batch)
        session.flush()
        case_id, import_id = case.id, batch.id
    rng = random.Random(7)
    began = time.perf_counter()
    rows: list[dict[str, Any]] = []
    for i in range(transactions):
        rows.append(dict(case_id=case_id, import_id=import_id, txid=f"T{i}", ts=START + 60 * i,
                         src=f"A{rng.randrange(accounts_n)}", dst=f"A{rng.randrange(accounts_n)}",
                         amount=100.0, currency="THB", amount_base=100.0, channel="transfer"))  # fmt: skip
        if len(rows) == 10_000 or i == transactions - 1:
            with db.write() as session:
                session.execute(insert(FinTransaction), rows)
            rows = []
    engine = url.split(":", 1)[0].split("+")[0]
    print(f"[{engine}] {transactions:,} transfers among {accounts_n:,} accounts written in {time.perf_counter() - began:.1f} s")  # fmt: skip
    everything = graph.Window(zone="UTC")
    quarter = graph.Window(None, (dt.datetime.fromtimestamp(START, dt.UTC) + dt.timedelta(minutes=transactions // 4)).date(), "UTC")  # fmt: skip
    reads: list[tuple[str, Callable[[Any], object]]] = [
        ("neighbours of one account", lambda s: graph.neighbours(s, principal, case_id, "A1", everything)),
        ("shortest chain, following the money", lambda s: graph.path_chart(s, principal, case_id, "A1", "A2", everything)),
        ("shortest chain, either direction", lambda s: graph.path_chart(s, principal, case_id, "A1", "A2", everything, directed=False)),
        ("account list of the page (1,000)", lambda s: graph.accounts(s, principal, case_id)),
        ("i2 export, the first quarter's days", lambda s: graph.i2_csv(s, principal, case_id, quarter)),
    ]  # fmt: skip
    for label, read in reads:
        began = time.perf_counter()
        with db.write() as session:
            out = read(session)
        took = time.perf_counter() - began
        size = (
            f"{len(out.path) - 1} hops"
            if isinstance(out, graph.Chart) and len(out.path) > 1
            else f"{out.count(chr(10)) - 1:,} rows"
            if isinstance(out, str)
            else f"{len(out.links)} links"
            if isinstance(out, graph.Chart)
            else f"{len(out):,} accounts"
            if isinstance(out, list)
            else ""
        )
        print(f"[{engine}] {label}: {took:.2f} s ({size})")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--transactions", type=int, default=200_000)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mekongx-chart-bench-") as work:
        home = Path(work)
        for engine in args.engines.split(","):
            if engine == "sqlite":
                run(f"sqlite:///{home / 'bench.db'}", home, args.transactions, args.accounts)
                continue
            admin = create_engine(PG, isolation_level="AUTOCOMMIT")
            name = f"mekongx_chart_{uuid.uuid4().hex[:8]}"
            with admin.connect() as con:
                con.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(PG).set(database=name).render_as_string(hide_password=False)
                run(url, home, args.transactions, args.accounts)
            finally:
                with admin.connect() as con:
                    con.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
