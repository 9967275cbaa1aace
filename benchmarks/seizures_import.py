#!/usr/bin/env python3
"""The bulk import of seizure reports from a workbook, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/seizures_import.py                       # 100,000 rows, SQLite
    .venv/bin/python benchmarks/seizures_import.py --rows 10000 --engines sqlite,postgresql
    .venv/bin/python benchmarks/seizures_import.py --workbook /tmp/100k.xlsx   # written once, reused

Writes an .xlsx of ``--rows`` good seizure rows (all the template's columns, Thai provinces with
coordinates inside them, routes, arrests with nationalities), then imports it through
``tabular.import_seizures`` as the page and the API call it (one transaction: every row checked,
then every seizure recorded with its audit row, search document and picture totals), on a fresh
node database, within the node's default bounds of a bulk import (``uploads.bulk_limits``: 25 MB).
Prints the wall and CPU seconds of the whole import and the CPU seconds of each phase (reading
the workbook, checking the rows, recording them), and checks that every row landed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from mekongx import migrations, uploads
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.authz.sharing import SharingInput
from mekongx.db import Database
from mekongx.domains.seizures import service, tabular
from mekongx.domains.seizures.models import Seizure
from mekongx.settings import Settings

PG = os.environ.get("MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")  # fmt: skip
HEADER = ["reference", "date", "country", "province", "district", "latitude", "longitude", "drug",
          "quantity", "unit", "markings", "origin", "transit", "destination", "conveyance",
          "arrests", "nationalities"]  # fmt: skip
# Chiang Rai (TH-57) and Chiang Mai (TH-50), points well inside each
PLACES = [("TH-57", "Mae Sai", 20.40, 99.90), ("TH-57", "Chiang Saen", 20.25, 100.05),
          ("TH-50", "Fang", 19.90, 99.20)]  # fmt: skip
DRUGS = [("meth_tablets", "tablets"), ("meth_crystal", "kg"), ("heroin", "kg"), ("ketamine", "kg")]


def workbook(rows: int, seed: int = 11) -> bytes:
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    first = dt.date(2024, 1, 1)
    for i in range(rows):
        unit, district, lat, lon = rng.choice(PLACES)
        drug, measure = rng.choice(DRUGS)
        # a quantity of its own per row: two rows never describe one seizure (the import refuses that)
        quantity = 1_000 + i if measure == "tablets" else round(0.5 + i / 1000, 3)
        arrests = rng.randint(0, 3)
        sheet.append([f"IMP-{i:06d}", first + dt.timedelta(days=i % 700), "TH", unit, district,
                      round(lat + rng.uniform(-0.05, 0.05), 5), round(lon + rng.uniform(-0.05, 0.05), 5),
                      drug, quantity, measure, rng.choice(["WY", "R", "999", ""]), "MM",
                      rng.choice(["", "LA"]), "TH", rng.choice(["road", "river", "foot"]),
                      arrests, f"MM:{arrests}" if arrests else ""])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(url: str, home: Path, data: bytes, rows: int) -> None:
    migrations.upgrade(url)
    db = Database(url)
    settings = Settings(env="test", database_url=url, data_dir=home, node_agency="ONCB")
    actor = Actor.system("ONCB", "bench")
    with db.write() as session:
        accounts.create_agency(session, actor, accounts.AgencyInput("ONCB", "ONCB", "ONCB", "ONCB", "TH", True))  # fmt: skip
        user = accounts.create_user(session, actor, accounts.UserInput("bench", "Bench", "ONCB", "analyst", "Harbour-Chart-2567", "en"), settings)  # fmt: skip
        principal = accounts.principal_for(user, "bench")
    engine = url.split(":", 1)[0].split("+")[0]
    # the node's own bounds of a bulk import, but no wall-clock bound on reading: on a machine
    # loaded far beyond its cores the 60 s of `upload_max_seconds` pass before the reading's CPU
    bounds = replace(uploads.bulk_limits(settings), max_seconds=None)
    began, cpu = time.perf_counter(), time.process_time()
    read = tabular.read_rows("bench.xlsx", data, "en", bounds)
    reading, reading_cpu = time.perf_counter() - began, time.process_time() - cpu
    assert len(read) == rows
    recording: list[float] = []
    record_many = service.record_many

    def timed(*args: Any, **kwargs: Any) -> Any:  # the recording phase's own CPU seconds
        started = time.process_time()
        try:
            return record_many(*args, **kwargs)
        finally:
            recording.append(time.process_time() - started)

    service.record_many = timed  # type: ignore[assignment]
    began, cpu = time.perf_counter(), time.process_time()
    try:
        with db.write() as session:
            tabular.import_seizures(session, principal, "bench.xlsx", data, SharingInput(), bounds)
    finally:
        service.record_many = record_many  # type: ignore[assignment]
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    with db.read() as session:
        held = session.scalar(select(func.count()).select_from(Seizure))
    assert held == rows, (held, rows)
    print(f"[{engine}] {rows:,} rows imported in {wall:.1f} s wall, {cpu:.1f} s CPU: reading the "
          f"workbook {reading_cpu:.1f} s CPU ({reading:.1f} s wall, measured alone), checking "
          f"{cpu - reading_cpu - recording[0]:.1f} s, recording {recording[0]:.1f} s")  # fmt: skip
    print(
        f"  load average {os.getloadavg()[0]:.1f} at the end (wall time grows with it, CPU barely)"
    )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--engines", default="sqlite")
    parser.add_argument("--workbook", help="keep the generated workbook in this file and reuse it")
    args = parser.parse_args()
    began = time.perf_counter()
    kept = Path(args.workbook) if args.workbook else None
    data = kept.read_bytes() if kept and kept.exists() else workbook(args.rows)
    if kept and not kept.exists():
        kept.write_bytes(data)
    print(f"workbook of {args.rows:,} rows: {len(data) / 1e6:.1f} MB, ready in {time.perf_counter() - began:.1f} s")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="mekongx-import-bench-") as work:
        home = Path(work)
        for engine in args.engines.split(","):
            if engine == "sqlite":
                run(f"sqlite:///{home / 'bench.db'}", home, data, args.rows)
                continue
            admin = create_engine(PG, isolation_level="AUTOCOMMIT")
            name = f"mekongx_import_{uuid.uuid4().hex[:8]}"
            with admin.connect() as con:
                con.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                target = make_url(PG).set(database=name).render_as_string(hide_password=False)
                run(target, home, data, args.rows)
            finally:
                with admin.connect() as con:
                    con.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
