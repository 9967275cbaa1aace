"""Name-screening speed: index build, memory, single-query latency and a 100,000-row file.

    .venv/bin/python benchmarks/names_speed.py            # 1,000,000 watchlist names
    .venv/bin/python benchmarks/names_speed.py --n 50000  # quick run

The watchlist mixes Chinese names (Han, pinyin, Thai renderings) and Thai names (Thai script, RTGS
and passport-style Latin), generated from the reference frequency tables. Baseline in the same run:
brute-force rapidfuzz token_sort_ratio over a naive fold of every watchlist name, timed on a sample
of queries and extrapolated.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).parent))

from mekongx.matching import Index, passport_variants, pinyin_to_thai, romanize
from mekongx.matching import han as hanmod
from names_common import THAI_GIVEN, given_table, naive_fold, surname_table

MORPHEMES = (
    "ศรี สุข ทอง แก้ว บุญ มา ดี วงศ์ ใหญ่ ชัย มงคล เจริญ รัตน์ พร ประเสริฐ สวัสดิ์ เพชร มณี จันทร์ แสง"
    " อรุณ ทรัพย์ สมบูรณ์ รุ่งเรือง นาค พงษ์ ศักดิ์ กิจ วัฒนา ธน คำ เงิน ฟ้า ใจ สาย"
).split()


class Generator:
    """Fast synthetic names: per-character pinyin/Thai are cached, names assembled from them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        st, gt = surname_table(), given_table()
        self.surnames = [s for s in st if len(s) == 1]
        self.sw = [st[s] for s in self.surnames]
        self.given = list(gt)
        self.gw = [gt[g] for g in self.given]
        self.py: dict[str, tuple[str, str]] = {}

    def _syl(self, ch: str, surname: bool) -> tuple[str, str]:
        key = ("s" if surname else "g") + ch
        got = self.py.get(key)
        if got is None:
            syl = hanmod.surname_pinyin(ch) if surname else hanmod.given_pinyin(ch)
            got = (syl[0].rstrip("12345").replace("ü", "v"), pinyin_to_thai(list(syl), "thc43"))
            self.py[key] = got
        return got

    def chinese(self) -> str:
        r = self.rng
        s = r.choices(self.surnames, self.sw)[0]
        g = "".join(r.choices(self.given, self.gw, k=1 if r.random() < 0.25 else 2))
        form = r.random()
        if form < 0.4:
            return s + g
        ps, ts = self._syl(s, True)
        parts = [self._syl(c, False) for c in g]
        if form < 0.75:
            return f"{ps.capitalize()} {''.join(p[0] for p in parts).capitalize()}"
        return f"{ts} {''.join(p[1] for p in parts)}"

    def thai(self) -> str:
        r = self.rng
        given = r.choice(THAI_GIVEN)
        surname = "".join(r.choices(MORPHEMES, k=2 if r.random() < 0.6 else 3))
        if r.random() < 0.6:
            return f"{given} {surname}"
        rg, rs = romanize(given), romanize(surname)
        if r.random() < 0.5:
            rg = r.choice([rg, *passport_variants(rg)])
            rs = r.choice([rs, *passport_variants(rs)])
        return f"{rg.capitalize()} {rs.capitalize()}"

    def name(self) -> str:
        return self.chinese() if self.rng.random() < 0.6 else self.thai()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_INDEX: Index | None = None


def _screen(chunk: list[str]) -> int:
    assert _INDEX is not None
    hits = 0
    for q in chunk:
        res = _INDEX.search(q, limit=5, min_probability=0.5)
        hits += bool(res)
    return hits


def main() -> None:
    global _INDEX
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="watchlist size")
    ap.add_argument("--queries", type=int, default=2000, help="single-name queries timed")
    ap.add_argument("--rows", type=int, default=100_000, help="rows in the screened file")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--baseline-sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()

    gen = Generator(args.seed)
    t = time.perf_counter()
    names = [gen.name() for _ in range(args.n)]
    t_gen = time.perf_counter() - t
    print(f"generated {args.n:,} names in {t_gen:.1f}s (not part of the index build)")

    t, cpu0 = time.perf_counter(), time.process_time()
    index = Index()
    for i, n in enumerate(names):
        index.add(n, id=str(i))
    t_build, cpu_build = time.perf_counter() - t, time.process_time() - cpu0
    print(
        f"index build: {t_build:.1f}s wall-clock, {cpu_build:.1f}s CPU; peak RSS {peak_mb():,.0f} MB; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )

    qgen = Generator(args.seed + 1)
    queries = [qgen.name() for _ in range(args.queries)]
    # warm-up (first-touch of posting arrays), then timed
    for q in queries[:50]:
        index.search(q, limit=5)
    lat = []
    cpu = time.process_time()
    t = time.perf_counter()
    for q in queries:
        t0 = time.perf_counter()
        index.search(q, limit=5)
        lat.append(time.perf_counter() - t0)
    wall = time.perf_counter() - t
    cpu = time.process_time() - cpu
    lat.sort()
    p50 = lat[len(lat) // 2] * 1000
    p99 = lat[int(len(lat) * 0.99)] * 1000
    qps = len(queries) / wall
    print(
        f"single-name queries (1 process): {qps:,.0f} q/s wall-clock "
        f"({len(queries) / cpu:,.0f} q/s per CPU-second); p50 {p50:.2f} ms; p99 {p99:.2f} ms; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )

    rows = [qgen.name() for _ in range(args.rows)]
    _INDEX = index
    chunks = [rows[i :: args.processes] for i in range(args.processes)]
    t = time.perf_counter()
    with mp.get_context("fork").Pool(args.processes) as pool:
        flagged = sum(pool.map(_screen, chunks))
    t_file = time.perf_counter() - t
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"{args.rows:,}-row file screened with {args.processes} processes: {t_file:.1f}s wall-clock, "
        f"{children.ru_utime + children.ru_stime:.1f}s CPU in the workers "
        f"({flagged:,} rows with a hit >= 0.5); peak RSS {peak_mb():,.0f} MB"
    )

    # Baseline: brute-force rapidfuzz over the same watchlist (sampled, extrapolated)
    t = time.perf_counter()
    folded = [naive_fold(n) for n in names]
    t_fold = time.perf_counter() - t
    sample = queries[: args.baseline_sample]
    t = time.perf_counter()
    for q in sample:
        process.extractOne(naive_fold(q), folded, scorer=fuzz.token_sort_ratio)
    per_q = (time.perf_counter() - t) / len(sample)
    print(
        f"BASELINE brute-force rapidfuzz (extrapolated from {len(sample)} queries): "
        f"{1 / per_q:,.1f} q/s; {per_q * 1000:,.0f} ms/query; {args.rows:,} rows ≈ "
        f"{per_q * args.rows / args.processes / 60:,.0f} min on {args.processes} processes "
        f"(+{t_fold:.0f}s to fold the watchlist)"
    )


if __name__ == "__main__":
    main()
