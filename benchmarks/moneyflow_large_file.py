"""A transactions file of several gigabytes through the money-flow loader: memory stays bounded
and every planted bad row is reported with its line and field.

    .venv/bin/python benchmarks/moneyflow_large_file.py --gigabytes 5 --dir var/mf-large

Writes a CSV of about ``--gigabytes`` GB (plain rows of the loader's default columns), with
bad rows planted at known lines (the second data row, the middle and the very last line), then
loads it in a child process (so that its peak resident memory is its own) and checks that:
the rows loaded are exactly the good ones, each planted row is rejected naming its line and
field, and the child's peak RSS stays near the loader's DuckDB memory limit (2 GB) rather than
growing with the file. The file is kept for a second run (``--reuse``).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

#: line number (header = 1) → (the bad row's field, what is wrong with it)
PLANTED = {"second": ("amount", "-12.50"), "middle": ("timestamp", "2024-13-45T25:00:00Z"),
           "last": ("currency", "XQQ")}  # fmt: skip

CHILD = """
import json, resource, sys, time
from pathlib import Path
from mekongx.moneyflow import load
started = time.perf_counter()
dataset = load(Path(sys.argv[1]), Path(sys.argv[2]), base_currency="THB")
print(json.dumps({"seconds": time.perf_counter() - started, "rows": dataset.rows,
                  "rejected": [[r.row, r.field, r.code] for r in dataset.rejected],
                  "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024}))
"""


def write(path: Path, gigabytes: float, seed: int) -> dict[str, int]:
    """The file, and the line of each planted row (found as the file is written)."""
    rng = random.Random(seed)
    target = int(gigabytes * 1024**3)
    accounts = [f"TH{n:010d}" for n in range(200_000)]
    header = "transaction_id,timestamp,from_account,to_account,amount,currency,channel\n"
    lines: dict[str, int] = {}
    written, line, n = len(header), 1, 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        chunk: list[str] = []
        middle_at = target // 2
        while True:
            n += 1
            line += 1
            src, dst = rng.sample(accounts, 2)
            day, second = 1 + n % 28, n % 86_400
            row = [f"T{n:012d}", f"2024-03-{day:02d}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}+07:00",
                   src, dst, f"{rng.lognormvariate(8, 1.2):.2f}", "THB", "transfer"]  # fmt: skip
            if line == 2 and "second" not in lines:
                row[4], lines["second"] = PLANTED["second"][1], line
            elif written >= middle_at and "middle" not in lines:
                row[1], lines["middle"] = PLANTED["middle"][1], line
            text = ",".join(row) + "\n"
            if written + len(text) >= target:
                row[5], lines["last"] = PLANTED["last"][1], line
                chunk.append(",".join(row) + "\n")
                break
            chunk.append(text)
            written += len(text)
            if len(chunk) >= 100_000:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))
    lines["rows"] = line - 1
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gigabytes", type=float, default=5.0)
    parser.add_argument("--dir", type=Path, default=Path("var") / "mf-large")
    parser.add_argument("--seed", type=int, default=2567)
    parser.add_argument("--reuse", action="store_true", help="load the file an earlier run wrote")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    path, meta = args.dir / "transactions.csv", args.dir / "planted.json"
    if args.reuse and meta.is_file():
        lines = json.loads(meta.read_text(encoding="utf-8"))
    else:
        started = time.perf_counter()
        lines = write(path, args.gigabytes, args.seed)
        meta.write_text(json.dumps(lines), encoding="utf-8")
        print(f"wrote {path.stat().st_size / 1024**3:.2f} GB, {lines['rows']:,} rows in "
              f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    work = args.dir / "run"
    child = subprocess.run([sys.executable, "-c", CHILD, str(path), str(work)],
                           capture_output=True, text=True, check=False)  # fmt: skip
    if child.returncode:
        sys.exit(child.stderr[-2000:])
    result = json.loads(child.stdout.strip().splitlines()[-1])
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    expected = sorted([lines[k], PLANTED[k][0]] for k in PLANTED)
    found = sorted([row, field] for row, field, _ in result["rejected"])
    print(f"loaded {result['rows']:,} of {lines['rows']:,} rows in {result['seconds']:.0f} s wall, "
          f"{cpu.ru_utime + cpu.ru_stime:.0f} CPU s; peak RSS {result['peak_rss_gb']:.2f} GB")  # fmt: skip
    print(f"rejected (line, field, reason): {result['rejected']}")
    ok = result["rows"] == lines["rows"] - len(PLANTED) and found == expected
    print(
        "every planted row named, every other row loaded:",
        "yes" if ok else f"NO, expected {expected}",
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
