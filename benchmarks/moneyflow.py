"""Money-flow benchmark: per-typology recall and precision at an alert budget, against the naive
SQL rules of the research note, over camouflage levels; wall time and peak memory.

    .venv/bin/python benchmarks/moneyflow.py --sizes 1000000 --camouflage 0,2,5
    .venv/bin/python benchmarks/moneyflow.py --sizes 10000000 --camouflage 5 --no-baseline

Data come from ``benchmarks/moneyflow_data.py`` (seeded; it shares no code with the engine).
An attempt counts as found by a detector when one of that detector's alerts within the budget
contains at least half of the attempt's transactions. Precision is the share of a detector's
alerts within the budget that contain at least one planted transaction (of any attempt).
The budget per detector is 0.02 % of the transactions (200 alerts at 1 M, 2,000 at 10 M).
The generator's ``random`` typology (a random walk) is what the layering-chain detector
(typology ``stack``) must find, beside AMLSim's layered ``stack``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))


from mekongx.moneyflow import Alert, Dataset, detect, load, read_fx
from mekongx.moneyflow.trace import trace
from moneyflow_data import generate

#: The naive recursive cycle search is stopped after this long (it took 224 s to over 420 s at
#: 10 M transactions in the research note).
CYCLE_CAP_S = 300

#: Which detector is responsible for which planted typology.
RESPONSIBLE = {
    "fan_out": "fan_out",
    "fan_in": "fan_in",
    "cycle": "cycle",
    "bipartite": "bipartite",
    "stack": "stack",
    "random": "stack",
    "scatter_gather": "scatter_gather",
    "gather_scatter": "gather_scatter",
    "structuring": "structuring",
    "rapid_pass_through": "rapid_pass_through",
    "cash_courier": "cash_courier",
}


def naive(tx: Path) -> list[tuple[str, list[str]]]:
    """The research note's rules (§2.3): degree-keyed fan rules to low-degree counterparties in
    3 days, 2-hop scatter-gather and gather-scatter, structuring band, and a recursive-CTE
    temporal cycle search of 3–6 hops with a [0.9, 1] amount band (stopped after CYCLE_CAP_S)."""
    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    con.execute(
        f"""CREATE TABLE t AS SELECT transaction_id AS id, from_account AS s, to_account AS d,
            amount AS a, epoch(CAST(timestamp AS TIMESTAMPTZ)) AS ts, channel FROM '{tx}'"""
    )
    con.execute(
        "CREATE TABLE deg AS SELECT acct, count(*) AS k FROM (SELECT s AS acct FROM t UNION ALL SELECT d FROM t) GROUP BY acct"
    )
    out: list[tuple[str, list[str]]] = []

    def rule(name: str, sql: str) -> None:
        for (ids,) in con.execute(sql).fetchall():
            out.append((name, list(ids)))

    rule(
        "fan_out",
        "SELECT list(t.id) FROM t JOIN deg ON deg.acct = t.d WHERE deg.k <= 2 GROUP BY t.s, floor(t.ts / 259200) HAVING count(DISTINCT t.d) >= 5",
    )
    rule(
        "fan_in",
        "SELECT list(t.id) FROM t JOIN deg ON deg.acct = t.s WHERE deg.k <= 2 GROUP BY t.d, floor(t.ts / 259200) HAVING count(DISTINCT t.s) >= 5",
    )
    rule(
        "scatter_gather",
        """SELECT list(a.id) || list(b.id) FROM t a JOIN t b ON a.d = b.s AND b.ts > a.ts AND b.ts < a.ts + 259200
        JOIN deg ON deg.acct = a.d WHERE deg.k <= 2 GROUP BY a.s, b.d HAVING count(DISTINCT a.d) >= 3""",
    )
    rule(
        "gather_scatter",
        """SELECT list(a.id) || list(b.id) FROM t a JOIN t b ON a.d = b.s AND b.ts > a.ts AND b.ts < a.ts + 259200
        GROUP BY a.d HAVING count(DISTINCT a.s) >= 3 AND count(DISTINCT b.d) >= 3 AND max(deg_ok) = 1""".replace(
            "max(deg_ok) = 1", "count(*) < 100"
        ),
    )
    rule(
        "structuring",
        """SELECT list(id) FROM t WHERE channel = 'cash_deposit' AND
        ((a >= 0.8 * 2000000 AND a < 2000000) OR (a >= 0.8 * 50000 AND a < 50000)) GROUP BY d HAVING count(*) >= 3""",
    )
    started = time.perf_counter()
    timer = threading.Timer(CYCLE_CAP_S, con.interrupt)
    timer.start()
    try:
        rule(
            "cycle",
            """WITH RECURSIVE p(origin, node, ts, a, hops, ids) AS (
                 SELECT s, d, ts, a, 1, [id] FROM t WHERE a >= 10000
                 UNION ALL
                 SELECT p.origin, t.d, t.ts, t.a, p.hops + 1, list_append(p.ids, t.id) FROM p JOIN t ON t.s = p.node
                 WHERE t.ts > p.ts AND t.ts < p.ts + 172800 AND t.a BETWEEN 0.9 * p.a AND p.a AND p.hops < 6 AND p.node <> p.origin)
               SELECT ids FROM p WHERE node = origin AND hops >= 3""",
        )
    except duckdb.Error:
        out.append(("_cycle_capped", []))
    finally:
        timer.cancel()
    return [*out, ("_cycle_seconds", [str(round(time.perf_counter() - started, 1))])]


def score(
    alerts: list[tuple[str, float, list[str]]],
    labels: dict[str, tuple[str, int]],
    attempts: dict[int, tuple[str, set[str]]],
    budget: int,
) -> dict[str, dict[str, float]]:
    by_detector: dict[str, list[tuple[float, list[str]]]] = defaultdict(list)
    for typology, value, ids in alerts:
        by_detector[typology].append((value, ids))
    table: dict[str, dict[str, float]] = {}
    for planted, detector in RESPONSIBLE.items():
        mine = sorted(by_detector.get(detector, []), key=lambda a: -a[0])[:budget]
        own = {pid: txs for pid, (kind, txs) in attempts.items() if kind == planted}
        found = 0
        flagged: set[str] = set()
        for _, ids in mine:
            flagged.update(ids)
        for txs in own.values():
            if len(txs & flagged) * 2 >= len(txs):
                found += 1
        true = sum(1 for _, ids in mine if any(i in labels for i in ids))
        planted_tx = set().union(*own.values()) if own else set()
        table[planted] = {
            "detector": detector,  # type: ignore[dict-item]
            "attempts": len(own),
            "recall": round(found / len(own), 3) if own else 0.0,
            "tx_recall": round(len(planted_tx & flagged) / len(planted_tx), 3)
            if planted_tx
            else 0.0,
            "alerts": len(mine),
            "precision": round(true / len(mine), 3) if mine else 0.0,
        }
    return table


def _prepared(
    work: Path, size: int, camouflage: int, attempts: int, seed: int
) -> tuple[Path, Path, Dataset, float, float]:
    """Generate and load the data into ``work``, or reuse what an earlier run left there (then
    the generate and load times are those of that run, read back from ``work/prepared.json``)."""
    record = work / "prepared.json"
    if record.is_file():
        meta = json.loads(record.read_text(encoding="utf-8"))
        dataset = Dataset(Path(meta["dataset"]), int(meta["rows"]), "THB", (), meta["tx"])
        return (Path(meta["tx"]), Path(meta["labels"]), dataset,
                float(meta["generate_s"]), float(meta["load_s"]))  # fmt: skip
    started = time.perf_counter()
    tx, labels_path, fx = generate(
        work / "data", size, camouflage=camouflage, attempts=attempts, seed=seed
    )
    generated = time.perf_counter() - started
    started = time.perf_counter()
    dataset = load(tx, work / "run", fx=read_fx(fx), base_currency="THB")
    loaded = time.perf_counter() - started
    record.write_text(json.dumps({"tx": str(tx), "labels": str(labels_path), "fx": str(fx),
                                  "dataset": str(dataset.path), "rows": dataset.rows,
                                  "generate_s": generated, "load_s": loaded}), encoding="utf-8")  # fmt: skip
    return tx, labels_path, dataset, generated, loaded


def run(
    size: int,
    camouflage: int,
    attempts: int,
    engine: str,
    baseline: bool,
    seed: int,
    keep: Path | None = None,
) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="mekongx-mf-") as tmp:
        work = Path(tmp)
        if keep is not None:
            work = keep / f"{size}-c{camouflage}-a{attempts}-s{seed}"
            work.mkdir(parents=True, exist_ok=True)
        tx, labels_path, dataset, generated, loaded = _prepared(
            work, size, camouflage, attempts, seed
        )
        labels = {
            str(r[0]): (str(r[1]), int(r[2]))
            for r in duckdb.sql(f"SELECT * FROM '{labels_path}'").fetchall()
        }
        attempts_of: dict[int, tuple[str, set[str]]] = {}
        for txid, (kind, pid) in labels.items():
            attempts_of.setdefault(pid, (kind, set()))[1].add(txid)
        timings: dict[str, float] = {}
        last = [time.perf_counter(), "start"]

        def progress(step: str) -> None:
            now = time.perf_counter()
            timings[str(last[1])] = round(now - float(last[0]), 2)
            last[0], last[1] = now, step

        started, cpu = time.perf_counter(), time.process_time()
        found: list[Alert] = detect(dataset.path, engine=engine, progress=progress)
        progress("end")
        detected, detect_cpu = time.perf_counter() - started, time.process_time() - cpu
        # tracing: forward 10 hops with every method from the first account of a planted chain
        chain = min(pid for pid, (kind, _) in attempts_of.items() if kind == "random")
        first = sorted(attempts_of[chain][1])[0]
        started = time.perf_counter()
        traced = trace(dataset, transaction=first, max_hops=10)
        trace_s = time.perf_counter() - started
        budget = max(50, int(size * 0.0002))
        ours = score(
            [(a.typology, a.score, list(a.transaction_ids)) for a in found],
            labels,
            attempts_of,
            budget,
        )
        result: dict[str, object] = {
            "size": size,
            "rows": dataset.rows,
            "camouflage": camouflage,
            "engine": engine,
            "budget": budget,
            "generate_s": round(generated, 1),
            "load_s": round(loaded, 1),
            "detect_s": round(detected, 1),
            "detect_cpu_s": round(detect_cpu, 1),
            "steps_s": {k: v for k, v in timings.items() if k != "start"},
            "alerts": len(found),
            "trace_s": round(trace_s, 2),
            "trace_steps": max(len(r.ledger) for r in traced.values()),
            "ours": ours,
            "peak_rss_gb": round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024, 2
            ),  # with a fresh --keep directory this includes the generator's peak
        }
        if baseline:
            started = time.perf_counter()
            rules = naive(tx)
            result["baseline_s"] = round(time.perf_counter() - started, 1)
            cycle_seconds = next((ids[0] for name, ids in rules if name == "_cycle_seconds"), "?")
            capped = any(name == "_cycle_capped" for name, _ in rules)
            result["baseline_cycle_s"] = f"{cycle_seconds} (stopped)" if capped else cycle_seconds
            result["baseline"] = score(
                [(n, 1.0, ids) for n, ids in rules if not n.startswith("_")],
                labels,
                attempts_of,
                budget,
            )
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--camouflage", default="0,2,5")
    parser.add_argument("--attempts", type=int, default=50)
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--keep",
        type=Path,
        help="generate and load into this directory once and reuse it on later runs "
        "(a 10 M file takes about 20 min to generate on 2 busy cores)",
    )
    args = parser.parse_args()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        for camo in (int(c) for c in args.camouflage.split(",")):
            result = run(
                size, camo, args.attempts, args.engine, not args.no_baseline, args.seed, args.keep
            )
            results.append(result)
            print(
                f"\n## {size:,} transactions, camouflage {camo}, {args.engine}: load {result['load_s']} s, detect {result['detect_s']} s ({result['detect_cpu_s']} CPU s), peak RSS {result['peak_rss_gb']} GB"
            )
            print(f"steps: {result['steps_s']}")
            print(
                f"trace (5 methods, 10 hops): {result['trace_s']} s, {result['trace_steps']} ledger steps"
            )
            print(
                "| planted | detector | attempts | recall | tx recall | alerts (budget) | precision | naive recall | naive precision |"
            )
            print("|---|---|---|---|---|---|---|---|---|")
            ours = result["ours"]
            base = result.get("baseline", {})
            assert isinstance(ours, dict) and isinstance(base, dict)
            for planted, row in ours.items():
                b = base.get(planted, {})
                print(
                    f"| {planted} | {row['detector']} | {row['attempts']} | {row['recall']} | {row['tx_recall']} | "
                    f"{row['alerts']} ({result['budget']}) | {row['precision']} | {b.get('recall', '–')} | {b.get('precision', '–')} |"
                )
            if base:
                print(
                    f"naive rules: {result['baseline_s']} s (cycle CTE {result['baseline_cycle_s']} s)"
                )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
