#!/usr/bin/env python3
"""The regional picture's views over many seizure reports, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/seizures_picture.py                       # 1,000,000 seizures, both engines
    .venv/bin/python benchmarks/seizures_picture.py --seizures 100000 --engines sqlite

Seizures of six agencies over three years are written in bulk (they stand for records recorded
and received over years; on PostgreSQL copied in with ``COPY`` and the secondary indexes built
once at the end, as ``api_seed.py`` seeds): the node's own (ONCB) and copies that peers shared with it by name
or by group, and records of the group it does not hold. Each view of
``domains/seizures/picture.py`` then runs once through the service as the page calls it
(authorisation, audit row): a year, all drugs; a year, one drug; a quarter, one country. Prints
seconds per view (wall clock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api_seed import _drop_indexes as drop_indexes
from api_seed import _insert as bulk_insert
from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.domains.seizures import picture, totals
from mekongx.domains.seizures.models import Seizure
from mekongx.model.record import RecordRecipient
from mekongx.settings import Settings

PG = os.environ.get("MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")  # fmt: skip
AGENCIES = {"ONCB": "TH", "NNCC": "CN", "LCDC": "LA", "CCDAC": "MM", "NACD": "KH", "C04": "VN"}
UNITS = {"TH": "TH-57", "CN": "CN-YN", "LA": "LA-BK", "MM": "MM-17", "KH": "KH-12", "VN": "VN-05"}
DRUGS = [("meth_tablets", "tablets"), ("meth_crystal", "kg"), ("heroin", "kg"), ("ketamine", "kg"), ("opium", "kg")]  # fmt: skip
END = dt.date(2026, 11, 30)


def run(url: str, home: Path, count: int) -> None:
    migrations.upgrade(url)
    db = Database(url)
    settings = Settings(env="test", database_url=url, data_dir=home, node_agency="ONCB")
    actor = Actor.system("ONCB", "bench")
    with db.write() as session:
        for code, country in AGENCIES.items():
            accounts.create_agency(session, actor, accounts.AgencyInput(code, code, code, code, country, code == "ONCB"))  # fmt: skip
        accounts.create_sharing_group(session, actor, "SAFE-MEKONG", {"en": "S"}, list(AGENCIES))
        user = accounts.create_user(session, actor, accounts.UserInput("bench", "Bench", "ONCB", "analyst", "Harbour-Chart-2567"), settings)  # fmt: skip
        principal = accounts.principal_for(user, "bench")
    rng = random.Random(17)
    began = time.perf_counter()
    engine = url.split(":", 1)[0].split("+")[0]
    # PostgreSQL: the secondary indexes are dropped while the rows are copied in, built after
    rebuild = drop_indexes(db, ["seizures", "record_recipients"]) if engine == "postgresql" else []
    rows: list[dict[str, Any]] = []
    named: list[dict[str, Any]] = []
    now = dt.datetime.now(dt.UTC)
    for i in range(count):
        agency = rng.choice(list(AGENCIES))
        country = AGENCIES[agency]
        drug, unit = rng.choice(DRUGS)
        quantity = Decimal(rng.randint(1_000, 2_000_000)) if unit == "tablets" else Decimal(rng.randint(1, 500_000)) / 100  # fmt: skip
        share = rng.random()
        distribution = (
            "own" if agency == "ONCB" or share < 0.2 else "peers" if share < 0.6 else "group"
        )
        uid = str(uuid.UUID(int=rng.getrandbits(128)))
        rows.append(dict(
            uid=uid, origin_agency=agency, received=agency != "ONCB", language="en", author_name="b",
            distribution=distribution, handling_code="H0", handling_note="", created_at=now, updated_at=now, version=1,
            sharing_group="SAFE-MEKONG" if distribution == "group" else None,
            reference=f"R{i}", seized_on=END - dt.timedelta(days=rng.randrange(3 * 365)), country=country,
            admin1=UNITS[country], admin2="", place="", latitude=20.0 + rng.random(), longitude=100.0 + rng.random(),
            drug=drug, form="", quantity=quantity, unit=unit, quantity_kg=quantity if unit == "kg" else None,
            tablets=int(quantity) if unit == "tablets" else None, purity=None, markings="",
            origin_country="MM", transit_countries=rng.choice(["", "LA", "LA,TH"]), destination_country=rng.choice(["TH", "CN", "VN"]),
            conveyance="road", concealment="", arrests=0, nationalities="{}", links="[]", remarks="", status="active", received_from="",
        ))  # fmt: skip
        if distribution == "peers":  # named: to ONCB half of the time (else ONCB does not hold it)
            named.append({"record_uid": uid, "agency_code": "ONCB" if rng.random() < 0.5 else "NNCC" if agency != "NNCC" else "C04"})  # fmt: skip
        if len(rows) == 10_000 or i == count - 1:
            with db.write() as session:  # COPY on PostgreSQL, one executemany on SQLite
                bulk_insert(session, Seizure, rows)
                bulk_insert(session, RecordRecipient, named)
            rows, named = [], []
    if engine == "postgresql":
        with db.write() as session:
            for statement in rebuild:  # the indexes built once, over every row
                session.execute(text(statement))
            session.execute(text("ANALYZE seizures"))
            session.execute(text("ANALYZE record_recipients"))
    print(f"[{engine}] {count:,} seizures written in {time.perf_counter() - began:.1f} s")
    began = time.perf_counter()
    with db.write() as session:
        kept = totals.rebuild(session)
    if engine == "postgresql":
        with db.write() as session:
            session.execute(text("ANALYZE seizure_totals"))
    print(f"[{engine}] totals built in {time.perf_counter() - began:.1f} s ({kept:,} rows)")
    views = [
        ("a year, all drugs", picture.Filters(dt.date(2025, 12, 1), END)),
        ("a year, one drug", picture.Filters(dt.date(2025, 12, 1), END, drug="heroin")),
        ("a quarter, one country", picture.Filters(dt.date(2026, 9, 1), END, country="LA")),
    ]
    for label, filters in views:
        took, found = {}, {}
        for scan in (True, False):
            began = time.perf_counter()
            with db.write() as session:
                found[scan] = picture.picture(session, principal, filters, scan=scan)
            took[scan] = time.perf_counter() - began
        assert (
            found[True].total == found[False].total and found[True].by_drug == found[False].by_drug
        )
        print(f"[{engine}] {label}: scan {took[True]:.2f} s, totals {took[False]:.3f} s, "
              f"ratio {took[True] / took[False]:.0f} ({found[False].total.seizures:,} seizures of {len(found[False].nodes)} nodes)")  # fmt: skip
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seizures", type=int, default=1_000_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mekongx-seizures-bench-") as work:
        home = Path(work)
        for engine in args.engines.split(","):
            if engine == "sqlite":
                run(f"sqlite:///{home / 'bench.db'}", home, args.seizures)
                continue
            admin = create_engine(PG, isolation_level="AUTOCOMMIT")
            name = f"mekongx_seizures_{uuid.uuid4().hex[:8]}"
            with admin.connect() as con:
                con.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                run(
                    make_url(PG).set(database=name).render_as_string(hide_password=False),
                    home,
                    args.seizures,
                )
            finally:
                with admin.connect() as con:
                    con.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
