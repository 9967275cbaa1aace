"""Name-screening speed: index build, memory, single-query latency and a 100,000-row file.

    .venv/bin/python benchmarks/names_speed.py            # 1,000,000 watchlist names
    .venv/bin/python benchmarks/names_speed.py --n 50000  # quick run

The watchlist mixes Chinese names (Han, pinyin, Thai renderings) and Thai names (Thai script, RTGS
and passport-style Latin), generated from the reference frequency tables. The index is built with
``Index.add_many(processes=...)`` (forked workers). Memory: peak RSS of this process, of the largest
build worker, and the peak total PSS of this process and its workers while the index is built
(sampled every 0.25 s by a helper process).

Baselines in the same run, timed on a sample of queries: brute-force rapidfuzz token_sort_ratio over
a naive fold of every watchlist name (extrapolated), and -- when nomenklatura is installed
(benchmarks/requirements-names.txt) -- nomenklatura logic-v2 over the same candidates the engine
scores, and brute-force over the whole watchlist (extrapolated from the time per pair).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import os
import random
import re
import resource
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).parent))

from pypinyin import Style, lazy_pinyin

from mekongx.matching import Index, _data, pinyin_to_thai, profile
from names_common import (
    PASSPORT_HABITS,
    THAI_GIVEN,
    given_table,
    naive_fold,
    nomenklatura_logic_v2,
    rtgs,
    surname_table,
)

MORPHEMES = (
    "ศรี สุข ทอง แก้ว บุญ มา ดี วงศ์ ใหญ่ ชัย มงคล เจริญ รัตน์ พร ประเสริฐ สวัสดิ์ เพชร มณี จันทร์ แสง"
    " อรุณ ทรัพย์ สมบูรณ์ รุ่งเรือง นาค พงษ์ ศักดิ์ กิจ วัฒนา ธน คำ เงิน ฟ้า ใจ สาย"
).split()


class Generator:
    """Fast synthetic names: per-character pinyin/Thai are cached, names assembled from them.

    No Latin spelling comes from the engine under test: pinyin is pypinyin's (surnames: the
    reference table's reading), the Latin forms of Thai names are PyThaiNLP's (``rtgs`` of
    names_common: thai2rom, royin where it stops early) per word or family-name morpheme, with 0-3
    passport habits from the hand-written table of names_common. The Thai renderings of Chinese
    names still come from the engine's THC43 table (``pinyin_to_thai``): a table lookup, not the
    code timed here.
    """

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        st, gt = surname_table(), given_table()
        self.surnames = [s for s in st if len(s) == 1]
        self.sw = [st[s] for s in self.surnames]
        self.given = list(gt)
        self.gw = [gt[g] for g in self.given]
        self.py: dict[str, tuple[str, str]] = {}
        self.reading = {s: row.pinyin for s, row in _data.surnames().items()}
        # independent RTGS of every Thai word used (PyThaiNLP, about 90 calls)
        self.rtgs = {w: rtgs(w) for w in (*THAI_GIVEN, *MORPHEMES)}

    def _syl(self, ch: str, surname: bool) -> tuple[str, str]:
        key = ("s" if surname else "g") + ch
        got = self.py.get(key)
        if got is None:
            plain = (
                self.reading[ch] if surname and ch in self.reading else lazy_pinyin(ch)[0]
            ).replace("ü", "v")
            numbered = lazy_pinyin(ch, style=Style.TONE3)[0]  # tone digit for the THC43 table
            if surname and ch in self.reading:
                numbered = plain + (numbered[-1] if numbered[-1].isdigit() else "")
            got = (plain, pinyin_to_thai([numbered], "thc43"))
            self.py[key] = got
        return got

    def _latin(self, words: list[str]) -> str:
        """One Latin spelling of a Thai word made of ``words``: their independent RTGS, with
        0-3 passport habits applied to each."""
        r = self.rng
        habits = r.sample(PASSPORT_HABITS, r.choice((0, 0, 1, 2, 3)))
        out = []
        for w in words:
            text = self.rtgs[w]
            for pattern, repl in habits:
                text = re.sub(pattern, repl, text)
            out.append(text)
        return "".join(out).capitalize()

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
        morphemes = r.choices(MORPHEMES, k=2 if r.random() < 0.6 else 3)
        if r.random() < 0.6:
            return f"{given} {''.join(morphemes)}"
        return f"{self._latin([given])} {self._latin(morphemes)}"

    def name(self) -> str:
        return self.chinese() if self.rng.random() < 0.6 else self.thai()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _tree_pss_kb(root: int) -> int:
    """Total PSS of ``root`` and its child processes (kB)."""
    pids = [root]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == root:
                        pids.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def sample_pss(root: int) -> None:
    """Helper process: sample the tree's PSS until stdin closes, then print the peak (MB)."""
    peak = 0
    while True:
        peak = max(peak, _tree_pss_kb(root))
        ready, _, _ = select.select([sys.stdin], [], [], 0.25)
        if ready and not sys.stdin.readline():
            break
    print(peak // 1024, flush=True)


def nomenklatura_compare() -> Callable[[str, list[str]], Callable[[], list[float]]] | None:
    """``prepare(query, candidates)`` -> a call scoring them with nomenklatura logic-v2, or None.

    Watchlist entities are made once and their analysis is cached by nomenklatura (by entity id),
    as a deployed screening service would keep them; the query entity is new on every call.
    """
    baseline = nomenklatura_logic_v2()
    if baseline is None:
        return None
    ent, compare = baseline
    made: dict[str, Any] = {}

    def prepare(query: str, candidates: list[str]) -> Callable[[], list[float]]:
        bs = [made.get(c) or made.setdefault(c, ent(c)) for c in candidates]
        for b in bs:  # warm the watchlist side's cached analysis, untimed
            compare(ent("Lan Weihong"), b)

        def run() -> list[float]:
            a = ent(query)
            return [compare(a, b) for b in bs]

        return run

    return prepare


_INDEX: Index | None = None


def _screen(chunk: list[str]) -> tuple[int, str]:
    """Rows with a hit, and a sha256 of every answer (id, probability)."""
    assert _INDEX is not None
    hits = 0
    digest = hashlib.sha256()
    for q in chunk:
        res = _INDEX.search(q, limit=5, min_probability=0.5)
        hits += bool(res)
        digest.update(repr([(h.id, h.probability) for h in res]).encode())
    return hits, digest.hexdigest()


def main() -> None:
    global _INDEX
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="watchlist size")
    ap.add_argument("--queries", type=int, default=2000, help="single-name queries timed")
    ap.add_argument("--rows", type=int, default=100_000, help="rows in the screened file")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--baseline-sample", type=int, default=20)
    ap.add_argument(
        "--build-processes", type=int, default=None, help="index build (default: --processes)"
    )
    ap.add_argument(
        "--nk-sample", type=int, default=200, help="queries for the candidate baselines"
    )
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--sample-pss", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.sample_pss:
        sample_pss(args.sample_pss)
        return
    if args.build_processes is None:
        args.build_processes = args.processes

    gen = Generator(args.seed)
    t = time.perf_counter()
    names = [gen.name() for _ in range(args.n)]
    t_gen = time.perf_counter() - t
    print(f"generated {args.n:,} names in {t_gen:.1f}s (not part of the index build)")

    sampler = subprocess.Popen(
        [sys.executable, __file__, "--sample-pss", str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    load0 = os.getloadavg()[0]
    t, cpu0 = time.perf_counter(), time.process_time()
    index = Index()
    index.add_many(((str(i), n) for i, n in enumerate(names)), processes=args.build_processes)
    t_build, cpu_build = time.perf_counter() - t, time.process_time() - cpu0
    load1 = os.getloadavg()[0]
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_workers = workers.ru_utime + workers.ru_stime
    stdout, _ = sampler.communicate("")
    before_file = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"index build ({args.build_processes} processes): {t_build:.1f}s wall-clock, "
        f"{cpu_build + cpu_workers:.1f}s CPU ({cpu_workers:.1f}s in the workers, {cpu_build:.1f}s "
        f"in the main process); load average {load0:.1f} before, {load1:.1f} after, on "
        f"{os.cpu_count()} cores"
    )
    print(
        f"memory after build: peak RSS {peak_mb():,.0f} MB (main process), largest worker "
        f"{workers.ru_maxrss / 1024:,.0f} MB; peak total PSS during the build "
        f"{int(stdout.strip() or 0):,} MB"
    )

    qgen = Generator(args.seed + 1)
    queries = [qgen.name() for _ in range(args.queries)]
    # warm-up (first-touch of posting arrays), then timed
    for q in queries[:50]:
        index.search(q, limit=5)
    lat = []
    answers = []
    cpu = time.process_time()
    t = time.perf_counter()
    for q in queries:
        t0 = time.perf_counter()
        answers.append(index.search(q, limit=5))
        lat.append(time.perf_counter() - t0)
    wall = time.perf_counter() - t
    cpu = time.process_time() - cpu
    lat.sort()
    p50 = lat[len(lat) // 2] * 1000
    p99 = lat[int(len(lat) * 0.99)] * 1000
    qps = len(queries) / wall
    qps_cpu = len(queries) / cpu  # ratios below are per CPU-second: the load varies within a run
    print(
        f"single-name queries (1 process): {qps:,.0f} q/s wall-clock "
        f"({len(queries) / cpu:,.0f} q/s per CPU-second); p50 {p50:.2f} ms; p99 {p99:.2f} ms; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    digest = hashlib.sha256()
    for hits in answers:  # every answer, so that a faster search can show it answers the same
        digest.update(repr([(h.id, h.probability) for h in hits]).encode())
    print(f"answers of the timed queries (id, probability): sha256 {digest.hexdigest()[:16]}")

    rows = [qgen.name() for _ in range(args.rows)]
    _INDEX = index
    chunks = [rows[i :: args.processes] for i in range(args.processes)]
    t = time.perf_counter()
    with mp.get_context("fork").Pool(args.processes) as pool:
        screened = pool.map(_screen, chunks)
    flagged = sum(n for n, _ in screened)
    file_digest = hashlib.sha256("".join(d for _, d in screened).encode()).hexdigest()[:16]
    t_file = time.perf_counter() - t
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_file = children.ru_utime + children.ru_stime - before_file.ru_utime - before_file.ru_stime
    print(
        f"{args.rows:,}-row file screened with {args.processes} processes: {t_file:.1f}s wall-clock, "
        f"{cpu_file:.1f}s CPU in the workers; load average {os.getloadavg()[0]:.1f} "
        f"({flagged:,} rows with a hit >= 0.5); peak RSS {peak_mb():,.0f} MB; answers: sha256 "
        f"{file_digest}"
    )

    if args.baseline_sample < 1 or args.nk_sample < 1:  # each baseline needs its sample
        print("baselines skipped: --baseline-sample and --nk-sample must both be at least 1")
        return
    # Baselines: brute-force rapidfuzz over the same watchlist (sampled, extrapolated)
    t = time.perf_counter()
    folded = [naive_fold(n) for n in names]
    t_fold = time.perf_counter() - t
    sample = queries[: args.baseline_sample]
    t, c = time.perf_counter(), time.process_time()
    for q in sample:
        process.extractOne(naive_fold(q), folded, scorer=fuzz.token_sort_ratio)
    per_q = (time.perf_counter() - t) / len(sample)
    per_q_cpu = (time.process_time() - c) / len(sample)
    print(
        f"BASELINE brute-force rapidfuzz (extrapolated from {len(sample)} queries): "
        f"{1 / per_q:,.1f} q/s; {per_q * 1000:,.0f} ms/query; {args.rows:,} rows ≈ "
        f"{per_q * args.rows / args.processes / 60:,.0f} min on {args.processes} processes "
        f"(+{t_fold:.0f}s to fold the watchlist); engine / baseline per CPU-second = "
        f"{qps_cpu * per_q_cpu:,.1f}x"
    )
    # ... and over the candidates the engine scores (its blocking, another scorer)
    nk_sample = queries[: args.nk_sample]
    cands = [[names[p] for p in index.candidates_for(profile(q).compact)] for q in nk_sample]
    n_pairs = sum(len(c) for c in cands)
    t, c0 = time.perf_counter(), time.process_time()
    for q, cs in zip(nk_sample, cands, strict=True):
        if cs:
            process.extractOne(naive_fold(q), [naive_fold(c) for c in cs], scorer=fuzz.ratio)
    per_q = (time.perf_counter() - t) / len(nk_sample)
    per_q_cpu = (time.process_time() - c0) / len(nk_sample)
    print(
        f"BASELINE rapidfuzz over the engine's candidates ({n_pairs / len(nk_sample):.1f} a "
        f"query, {len(nk_sample)} queries): {1 / per_q:,.0f} q/s (the engine's scoring: "
        f"{qps:,.0f} q/s including its blocking; engine / baseline per CPU-second = "
        f"{qps_cpu * per_q_cpu:.2f}x)"
    )
    prepare = nomenklatura_compare()
    if prepare is not None:
        calls = [prepare(q, cs) for q, cs in zip(nk_sample, cands, strict=True)]
        lat = []
        c0 = time.process_time()
        for call in calls:
            t0 = time.perf_counter()
            call()
            lat.append(time.perf_counter() - t0)
        per_q = sum(lat) / len(lat)
        per_q_cpu = (time.process_time() - c0) / len(calls)
        lat.sort()
        print(
            f"BASELINE nomenklatura logic-v2 over the engine's candidates ({len(nk_sample)} "
            f"queries): {1 / per_q:,.1f} q/s; p50 {lat[len(lat) // 2] * 1000:.1f} ms; "
            f"p99 {lat[int(len(lat) * 0.99)] * 1000:.1f} ms; {args.rows:,} rows ≈ "
            f"{per_q * args.rows / args.processes / 60:,.1f} min on {args.processes} processes; "
            f"engine (blocking included) / baseline per CPU-second = {qps_cpu * per_q_cpu:.2f}x"
        )
        rng = random.Random(args.seed)
        sample_b = [rng.choice(names) for _ in range(200)]
        calls = [prepare(q, sample_b) for q in sample]
        t, c0 = time.perf_counter(), time.process_time()
        for call in calls:
            call()
        per_pair = (time.perf_counter() - t) / (len(calls) * len(sample_b))
        per_q = per_pair * len(names)
        per_q_cpu = (time.process_time() - c0) / (len(calls) * len(sample_b)) * len(names)
        print(
            f"BASELINE brute-force nomenklatura logic-v2 (extrapolated from {len(sample)} queries "
            f"x {len(sample_b)} watchlist names, {per_pair * 1e6:,.0f} µs a pair): "
            f"{per_q:,.1f} s/query; {args.rows:,} rows ≈ "
            f"{per_q * args.rows / args.processes / 86400:,.1f} days on {args.processes} processes; "
            f"engine / baseline per CPU-second = {qps_cpu * per_q_cpu:,.0f}x"
        )


if __name__ == "__main__":
    main()
