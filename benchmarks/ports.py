"""Port control benchmark: does the profile find planted risky containers among lawful trade at a
fixed examination rate, against HS-code-only targeting, and how fast does it profile?

A seeded generator (``domains/ports/demo.py``) writes a day of Laem Chabang manifests: lawful
containers (furniture, garments, toys, lamps, tiles, auto parts, coffee, citric acid, acetone,
acetone-free nail polish remover, steel, squid; one to three lines each; one consignee pool of
lawful importers; ``--transshipped`` of them through a feeder hub on the way: Hong Kong,
Singapore, Busan, Kaohsiung, Shekou) with a planted risky consignment every ``--planted-every``
containers (seven patterns in turn: P-2-P under a vague ketone heading to a forwarder via a hub;
ephedrine to a private condominium; "coffee" heavier than coffee can be, loaded outside the
shipper's country; permanganate for Myanmar via a hub after 41 days; toys whose notify party is
on a notice; lawful-looking goods to a new importer through a port far off the way (Colombo,
Jebel Ali, Nhava Sheva, Salalah); a party of an earlier seizure at the port under another
spelling, on an ordinary consignment). The detour hubs are chosen by geography and the
spellings written by hand in the generator, not by the route check or the names engine.

Both rankings examine the same number of containers, ``--rate`` of the day's (2 % by default):

- **profile**: the node's starting rules (``data/rules.yaml``, with ``route_detour`` and
  ``seized_party``) plus a hub rule naming MYPKG, SGSIN and HKHKG, a party history of one
  earlier lawful day, the watch list of the port's earlier seizures
  (``demo.seizure_history``) and the names engine over the demo notices (the wanted persons of
  ``domains/fugitives/demo.py``);
- **baseline**: the HS-code rule alone (the precursor subheadings), ties broken at random
  (seeded), i.e. what a port that targets by tariff heading examines.

Reports recall (planted containers examined / planted) and examination yield (planted examined /
examined) for both, per planted pattern, what each of the two newer rules adds (the profile
ranked again without its points), how often each rule fires on lawful and on planted containers,
and the time to check and profile the lines (reading the rows with ``manifest.read_rows``,
precursor engine, names engine, rules), single process, no database.

    .venv/bin/python benchmarks/ports.py                       # 100,000 lines
    .venv/bin/python benchmarks/ports.py --containers 5000     # quicker
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import sys
import time
from collections import defaultdict

import yaml

from mekongx.chemistry import Screener
from mekongx.domains.fugitives.demo import NOTICES
from mekongx.domains.ports import manifest
from mekongx.domains.ports.demo import COLUMNS, HEADER, PATTERNS, generate, seizure_history
from mekongx.domains.ports.manifest import Line, party_key
from mekongx.domains.ports.profiling import Context, Rule, profile
from mekongx.domains.ports.reference import DATA
from mekongx.matching import Index


def starting_rules() -> list[Rule]:
    raw = yaml.safe_load((DATA / "rules.yaml").read_text(encoding="utf-8"))
    found = [Rule(i, r["kind"], int(r["weight"]), tuple(r.get("values", [])), r.get("number"))
             for i, r in enumerate(raw, start=1)]  # fmt: skip
    found.append(Rule(len(found) + 1, "transshipment_hub", 15, ("MYPKG", "SGSIN", "HKHKG")))
    return found


def notice_index() -> Index:
    index = Index(candidates=40)
    for agency, notices in NOTICES.items():
        for n, notice in enumerate(notices):
            for name in notice["names"]:
                index.add(name["name"], id=f"{agency}-{n}")
    return index


VAGUE = {"Benzyl methyl ketone, industrial solvent, 200 L drums": "Industrial solvent, ketone mixture, 200 L drums",
         "Pharmaceutical raw material: ephedrine hydrochloride": "Pharmaceutical raw material, API for cough syrup",
         "Water treatment chemical KMnO4 (potassium permanganate)": "Water treatment chemical, oxidiser"}  # fmt: skip


def blur(rows: list[list[str]], planted: set[str], lawful: list[list[str]], rng: random.Random,
         p: float) -> None:  # fmt: skip
    """Hide each indicator of a planted row with probability ``p``: a vaguer description, a
    consignee and address of the lawful pool, no transshipment, no notify party, a shorter
    voyage, the shipper's country left empty (so some planted containers look almost lawful)."""
    for row in rows:
        if row[12] not in planted:
            continue
        donor = rng.choice(lawful)
        if row[8] in VAGUE and rng.random() < p:
            row[8] = VAGUE[row[8]]
        if rng.random() < p:
            row[3], row[4], row[5] = donor[3], donor[4], donor[5]
        if rng.random() < p:
            row[16] = ""
        if rng.random() < p:
            row[6] = ""
        if rng.random() < p:
            row[20] = (dt.date.fromisoformat(row[21]) - dt.timedelta(days=9)).isoformat()
        if rng.random() < p:
            row[2] = ""


def by_container(lines: list[Line]) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        out[line.container].append(line)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--containers", type=int, default=62_500, help="lawful containers (~1.6 lines each)"
    )
    ap.add_argument("--planted-every", type=int, default=200)
    ap.add_argument("--rate", type=float, default=0.02, help="share of containers examined")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument(
        "--blur", type=float, default=0.5, help="chance each indicator of a planted row is hidden"
    )
    ap.add_argument(
        "--transshipped",
        type=float,
        default=0.15,
        help="share of lawful containers via a feeder hub",
    )
    args = ap.parse_args()
    day = dt.date(2026, 12, 3)
    consignees = max(60, args.containers // 25)
    history = generate(day - dt.timedelta(days=1), max(100, args.containers // 4), seed=args.seed - 1,
                       consignees=consignees, transshipped=args.transshipped)  # fmt: skip
    made = generate(day, args.containers, seed=args.seed, planted_every=args.planted_every,
                    consignees=consignees, transshipped=args.transshipped)  # fmt: skip
    blur(made.rows, made.planted, history.rows, random.Random(args.seed + 1), args.blur)
    known = {party_key(r[3]) for r in history.rows}
    seized = seizure_history(day - dt.timedelta(days=30), seed=args.seed)
    rules = starting_rules()
    hs_only = [r for r in rules if r.kind == "hs_codes"]
    index = notice_index()

    def notices(name: str) -> list[tuple[str, float]]:
        return [(h.name, h.probability) for h in index.search(name, limit=3)]

    print(f"lines {len(made.rows):,}, containers {args.containers + len(made.planted):,}, "
          f"planted {len(made.planted)} (each indicator hidden with p={args.blur}), lawful via a feeder hub "
          f"{args.transshipped:.0%}, earlier seizures {len(seized)}, load {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    cpu0, wall0 = time.process_time(), time.perf_counter()
    reading = manifest.read_rows(HEADER, enumerate(made.rows, start=2), COLUMNS)
    assert not reading.problems, reading.problems[:3]
    read_s = time.perf_counter() - wall0
    ctx = Context(
        screener=Screener(), notices=notices, known_consignees=known, seized_parties=seized
    )
    groups = by_container(reading.lines)
    profiles = {n: profile(n, lines, rules, ctx) for n, lines in groups.items()}
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    baseline_ctx = Context(screener=ctx.screener)
    baseline = {n: profile(n, lines, hs_only, baseline_ctx).score for n, lines in groups.items()}

    examined = max(1, round(len(groups) * args.rate))
    rng = random.Random(args.seed)
    tie = {n: rng.random() for n in groups}
    kind_of = {r.id: r.kind for r in rules}

    def without(kind: str) -> dict[str, int]:
        return {n: p.score - sum(f.points for f in p.fired if kind_of[f.rule_id] == kind)
                for n, p in profiles.items()}  # fmt: skip

    score = {n: p.score for n, p in profiles.items()}
    rankings = [("profile", sorted(groups, key=lambda n: (-score[n], n))[:examined])]
    for kind in ("route_detour", "seized_party"):
        less = without(kind)
        rankings.append((f"without {kind}", sorted(groups, key=lambda n: (-less[n], n))[:examined]))
    rankings.append(
        ("HS-code baseline", sorted(groups, key=lambda n: (-baseline[n], tie[n]))[:examined])
    )
    planted = made.planted
    for name, chosen in rankings:
        hits = len(planted & set(chosen))
        print(f"{name:24s}: examined {examined:,} ({args.rate:.0%}), planted found {hits}/{len(planted)}, "
              f"recall {hits / len(planted):.2f}, yield {hits / examined:.3f}")  # fmt: skip
    print("\nper planted pattern: found / planted (recall), share of the examined containers")
    print(f"{'pattern':34s}" + "".join(f" | {name:>24s}" for name, _ in rankings))
    for pattern in PATTERNS:
        mine = {n for n, p in made.patterns.items() if p == pattern}
        cells = []
        for _name, chosen in rankings:
            hits = len(mine & set(chosen))
            cells.append(
                f"{hits}/{len(mine)} ({hits / max(1, len(mine)):.2f}), {hits / examined:.3f}"
            )
        print(f"{pattern:34s}" + "".join(f" | {c:>24s}" for c in cells))
    print("\nmedian rank of a pattern's planted containers, as a share of the day's (top = 0 %)")
    orders = [("profile", score)] + [
        (f"without {k}", without(k)) for k in ("route_detour", "seized_party")
    ]
    places = {name: {n: i for i, n in enumerate(sorted(groups, key=lambda n, s=s: (-s[n], n)))}
              for name, s in orders}  # fmt: skip
    for pattern in PATTERNS:
        mine = sorted(n for n, p in made.patterns.items() if p == pattern)
        cells = [
            f"{statistics.median(places[name][n] for n in mine) / len(groups):.1%}"
            for name, _ in orders
        ]
        print(
            f"  {pattern:34s}"
            + "".join(f" | {name} {c}" for (name, _), c in zip(orders, cells, strict=True))
        )
    print("\nrule fires on: lawful containers / planted containers")
    for rule in rules:
        fired = {n for n, p in profiles.items() if any(f.rule_id == rule.id for f in p.fired)}
        print(f"  {rule.kind:22s} {len(fired - planted):>7,} / {len(fired & planted)}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"checked and profiled {len(made.rows):,} lines in {wall:.1f} s wall ({cpu:.1f} s CPU; "
          f"reading and checking {read_s:.1f} s), {len(made.rows) / wall:,.0f} lines/s, "
          f"peak RSS {rss:.0f} MB, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
