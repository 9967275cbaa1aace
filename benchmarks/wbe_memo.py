#!/usr/bin/env python3
"""The wastewater pages' Monte Carlo with and without the in-process memo (domains/wbe/memo.py).

    .venv/bin/python benchmarks/wbe_memo.py [--repeat 3]

A SQLite node seeded as the demo seeds ONCB's wastewater area (three sites, five March
campaigns of seven days and six analytes: ``domains/wbe/demo.py``). Timed as CPU seconds of
this process (``time.process_time``, steadier than the wall clock on a shared machine), each
the median of ``--repeat`` runs:

* a campaign page's estimate (``estimates.campaign_estimate``, 2,000 draws; the page, its CSV,
  summary and chart downloads each call it) for all five campaigns;
* the ranking page's computation (``comparisons.ranking_and_regions``, METH, load);

"cold" with the memo emptied first (what every request cost before the memo), "warm" the same
call again (what a repeated request costs now: reading the samples and the warnings).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.db import Database
from mekongx.demo import seed_identity
from mekongx.domains.wbe import analysis, comparisons, estimates
from mekongx.domains.wbe.demo import seed_demo_wbe
from mekongx.domains.wbe.models import WbeCampaign
from mekongx.model.identity import User
from mekongx.settings import Settings


def _cpu(work: Callable[[], object]) -> float:
    began = time.process_time()
    work()
    return time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mekongx-bench-") as work:
        url = f"sqlite:///{Path(work) / 'node.db'}"
        migrations.upgrade(url)
        db = Database(url)
        seed_identity(db, Settings(env="demo", database_url=url, data_dir=Path(work),
                                   node_agency="ONCB"), "ONCB")  # fmt: skip
        with db.read() as session:
            users = session.scalars(select(User).where(User.agency_code == "ONCB"))
            by_role = {u.role: accounts.principal_for(u) for u in users}
        with db.write() as session:
            seed_demo_wbe(session, by_role["liaison"])
        viewer = by_role["viewer"]
        with db.read() as session:
            ids = list(session.scalars(select(WbeCampaign.id).order_by(WbeCampaign.id)))

        def pages() -> None:
            with db.read() as session:
                for cid in ids:
                    estimates.campaign_estimate(session, viewer, cid)

        def ranking() -> None:
            with db.read() as session:
                comparisons.ranking_and_regions(session, viewer, "METH")

        for name, call in (
            ("campaign estimates (5 campaigns)", pages),
            ("ranking + regional means", ranking),
        ):
            cold, warm = [], []
            for _ in range(args.repeat):
                analysis._ESTIMATES.clear()
                analysis._FIGURES.clear()
                cold.append(_cpu(call))
                warm.append(_cpu(call))
            c, w = statistics.median(cold), statistics.median(warm)
            print(f"{name}: cold {c:.3f} s CPU, warm {w:.4f} s CPU, ratio {w / c:.4f}")
        db.dispose()


if __name__ == "__main__":
    main()
