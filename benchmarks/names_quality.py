"""Name-matching quality per script pair, against named baselines, on a labelled development set.

    .venv/bin/python benchmarks/names_quality.py            # evaluate on the held-out test split
    .venv/bin/python benchmarks/names_quality.py --fit      # refit calibration on the train split first
    .venv/bin/python benchmarks/names_quality.py --dump-errors /tmp/errors.tsv  # list every error

Data: real public figures (benchmarks/data/names_dev.csv, with sources) plus generated Chinese and
Thai records and hard negatives (same surname, one syllable off, common-name collisions with
different birth dates). Entities are split 60/40 into train (calibration) and test (reported).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).parent))

from mekongx.matching import Evidence, Index, _data, calibration, names, score
from mekongx.matching.scoring import profile, stratum
from names_common import (
    NEAR_SURNAMES,
    THAI_GIVEN,
    Entity,
    chinese_renderings,
    given_table,
    naive_fold,
    nomenklatura_logic_v2,
    random_chinese,
    random_thai,
    thai_renderings,
)

ROOT = Path(__file__).resolve().parents[1]
DEV = Path(__file__).parent / "data" / "names_dev.csv"
THAI_REAL = Path(__file__).parent / "data" / "names_thai_real.csv"
CALIBRATION = ROOT / "src" / "mekongx" / "matching" / "data" / "calibration.yaml"
SCRIPT_OF = {"zh": "zh", "th": "th", "latin": "latin"}
STRATA_ORDER = ("th-zh", "latin-th", "latin-zh", "same")
HARD = ("same_surname", "one_off", "common_name")


@dataclass
class Pair:
    a: str
    b: str
    script_a: str
    script_b: str
    label: int
    kind: str  # positive | random | same_surname | one_off | common_name | real_given | real_family
    split: str
    real: bool
    evidence: tuple[Evidence | None, Evidence | None] | None = None
    group: str = ""  # for rows of names_thai_real.csv: sport, politics, ..., royal

    @property
    def stratum(self) -> str:
        return stratum(self.script_a, self.script_b)


# the second block of real Thai persons (names_thai_real.csv rt201-rt292) was compiled before the rules
# of its round and is held out whole
_HELD_OUT_BLOCK = re.compile(r"rt2\d\d")
# the third (rt301-rt361) was added to write rules from: always in the train split
_SEEN_BLOCK = re.compile(r"rt3\d\d")


def block(entity_id: str) -> bool:
    return bool(_HELD_OUT_BLOCK.fullmatch(entity_id))


def split_of(entity_id: str) -> str:
    if _HELD_OUT_BLOCK.fullmatch(entity_id):
        return "test"
    if _SEEN_BLOCK.fullmatch(entity_id):
        return "train"
    h = int(hashlib.sha256(entity_id.encode()).hexdigest()[:8], 16)
    return "train" if h % 10 < 6 else "test"


def load_real() -> list[Entity]:
    lines = [ln for ln in DEV.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    ents: dict[str, Entity] = {}
    for row in csv.DictReader(lines):
        e = ents.setdefault(row["entity"], Entity(row["entity"], row["nationality"], "real"))
        e.names.append((row["script"], row["name"]))
    return list(ents.values())


def load_thai_real() -> tuple[list[Entity], dict[str, str]]:
    """Real Thai persons with the Latin spellings they carry (names_thai_real.csv), and the group
    (sport, politics, business, culture, royal) of each."""
    lines = [
        ln for ln in THAI_REAL.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")
    ]
    ents: dict[str, Entity] = {}
    groups: dict[str, str] = {}
    for row in csv.DictReader(lines):
        e = ents.setdefault(row["entity"], Entity(row["entity"], "TH", "real"))
        e.names.append((row["script"], row["name"]))
        groups[row["entity"]] = row["group"]
    return list(ents.values()), groups


def thai_real_negatives(rng: random.Random, entities: list[Entity]) -> list[Pair]:
    """Hard negatives from real spellings: a real person's Thai name against the Latin name of
    someone else who shares the given name or the family name (Supachai Jaided / ศุภชัย เจียรวนนท์),
    and against real Latin spellings recombined: their own given name with another real family
    name, and their own family name with another real given name."""
    two = [
        e
        for e in entities
        if all(len(n.split()) == 2 for _, n in e.names)
        and any(s == "th" for s, _ in e.names)
        and any(s == "latin" for s, _ in e.names)
    ]
    out: list[Pair] = []
    for e in two:
        th = next(n for s, n in e.names if s == "th")
        g_th, f_th = th.split()
        lat = next(n for s, n in e.names if s == "latin")
        g_lat, f_lat = lat.split()
        sp = split_of(e.id)
        # partners from the same split (and the held-out block with itself), so that no Latin
        # spelling of a held-out person appears in a train pair
        mates = [o for o in two if split_of(o.id) == sp and block(o.id) == block(e.id)]
        for o in rng.sample(mates, min(6, len(mates))):
            o_th = next(n for s, n in o.names if s == "th")
            og_th, of_th = o_th.split()
            o_lat = next(n for s, n in o.names if s == "latin")
            og_lat, of_lat = o_lat.split()
            if o.id == e.id:
                continue
            if of_th != f_th:
                out.append(Pair(th, f"{g_lat} {of_lat}", "th", "latin", 0, "real_given", sp, False))
            if og_th != g_th:
                out.append(
                    Pair(th, f"{og_lat} {f_lat}", "th", "latin", 0, "real_family", sp, False)
                )
    return out


def build(rng: random.Random, n_cn: int, n_th: int) -> tuple[list[Entity], list[Pair]]:
    entities = load_real()
    thai_real, groups = load_thai_real()
    entities += thai_real
    pairs: list[Pair] = []
    for i in range(n_cn):
        e = Entity(f"gcn{i}", "CN", "generated")
        e.names = chinese_renderings(rng, random_chinese(rng))
        entities.append(e)
    for i in range(n_th):
        e = Entity(f"gth{i}", "TH", "generated")
        e.names = thai_renderings(rng, random_thai(rng))
        entities.append(e)
    for e in entities:
        sp = split_of(e.id)
        for (sa, a), (sb, b) in itertools.combinations(e.names, 2):
            if a != b:
                pairs.append(
                    Pair(
                        a,
                        b,
                        sa,
                        sb,
                        1,
                        "positive",
                        sp,
                        e.kind == "real",
                        None,
                        groups.get(e.id, ""),
                    )
                )
    # random negatives: 2 per entity
    for e in entities:
        for _ in range(2):
            other = rng.choice(entities)
            if other.id == e.id:
                continue
            (sa, a), (sb, b) = rng.choice(e.names), rng.choice(other.names)
            pairs.append(Pair(a, b, sa, sb, 0, "random", split_of(e.id), False))
    pairs += hard_negatives(rng, entities)
    neg = thai_real_negatives(rng, thai_real)
    for p in neg:
        p.group = "thai-real"
    pairs += neg
    return entities, pairs


def _cross(rng: random.Random, e1: list[tuple[str, str]], e2: list[tuple[str, str]], k: int = 3):
    for _ in range(k):
        yield rng.choice(e1), rng.choice(e2)


def hard_negatives(rng: random.Random, entities: list[Entity]) -> list[Pair]:
    out: list[Pair] = []
    gen_cn = [e for e in entities if e.kind == "generated" and e.nationality == "CN"]
    gen_th = [e for e in entities if e.kind == "generated" and e.nationality == "TH"]
    given = list(given_table())
    for e in gen_cn[: len(gen_cn) // 2]:
        base = next(n for s, n in e.names if s == "zh")
        sur, giv = names.han.segment(base)
        sp = split_of(e.id)
        # same surname, different given name
        other = chinese_renderings(rng, random_chinese(rng, surname=sur))
        for (sa, a), (sb, b) in _cross(rng, e.names, other):
            out.append(Pair(a, b, sa, sb, 0, "same_surname", sp, False))
        # one syllable off: one given character replaced, or a near surname
        if giv:
            pos = rng.randrange(len(giv))
            repl = rng.choice([c for c in given if c != giv[pos]])
            near = sur + giv[:pos] + repl + giv[pos + 1 :]
        else:
            near = rng.choice(given) + sur
        for a_s, b_s in NEAR_SURNAMES:
            if sur == a_s and giv:
                near = b_s + giv
        if names.han.toneless(names.han.given_pinyin(near)) != names.han.toneless(
            names.han.given_pinyin(base)
        ):
            for (sa, a), (sb, b) in _cross(rng, e.names, chinese_renderings(rng, near)):
                out.append(Pair(a, b, sa, sb, 0, "one_off", sp, False))
    # Lan/Lin style near-surname pairs, explicitly
    for a_s, b_s in NEAR_SURNAMES:
        g = random_chinese(rng)[1:] or "伟"
        sp = split_of(a_s + g)
        for (sa, a), (sb, b) in _cross(
            rng, chinese_renderings(rng, a_s + g), chinese_renderings(rng, b_s + g), 6
        ):
            out.append(Pair(a, b, sa, sb, 0, "one_off", sp, False))
    # common-name collisions: same frequent name, different people (different birth dates)
    for i in range(60):
        common = rng.choice(["王", "李", "张", "刘", "陈"]) + rng.choice(given[:12])
        r1, r2 = chinese_renderings(rng, common), chinese_renderings(rng, common)
        ev = (
            Evidence(birth_date=f"{1960 + i % 30}-0{1 + i % 9}-1{i % 9}"),
            Evidence(birth_date=f"{1961 + (i * 7) % 30}-1{i % 3}-2{i % 9}"),
        )
        sp = "train" if i % 10 < 6 else "test"
        for (sa, a), (sb, b) in _cross(rng, r1, r2, 2):
            out.append(Pair(a, b, sa, sb, 0, "common_name", sp, False, ev))
    # Thai: same family name, and given names sharing their first syllable
    for e in gen_th[: len(gen_th) // 2]:
        g, s = e.names[0][1].split(" ")
        sp = split_of(e.id)
        other = thai_renderings(rng, random_thai(rng, surname=s))
        if other[0][1] != e.names[0][1]:
            for (sa, a), (sb, b) in _cross(rng, e.names, other):
                out.append(Pair(a, b, sa, sb, 0, "same_surname", sp, False))
        close = [x for x in THAI_GIVEN if x != g and x[:2] == g[:2]]
        if close:
            other = thai_renderings(rng, f"{rng.choice(close)} {s}")
            for (sa, a), (sb, b) in _cross(rng, e.names, other):
                out.append(Pair(a, b, sa, sb, 0, "one_off", sp, False))
    return out


def disable_rendering_table() -> None:
    """Ablation: run without data/thai_han.csv (Thai names <-> their Chinese renderings)."""
    from mekongx.matching import scoring

    _data.thai_han_tokens = lambda: []  # type: ignore[assignment]
    for fn in (
        names._han_to_thai_table,
        names._thai_to_table,
        names._latin_table,
        names.thai_word_keys,
        names.readings,
        names.parse_name,
        scoring.profile,
    ):
        fn.cache_clear()


def engine_prob(p: Pair) -> float:
    return score(p.a, p.b, p.evidence).probability


def fit(pairs: list[Pair], only: set[str] | None = None) -> None:
    # names_thai_real.csv is never fitted on (its rows are reported, train and test split alike)
    train = [p for p in pairs if p.split == "train" and not p.group]
    cfg = yaml.safe_load(CALIBRATION.read_text(encoding="utf-8"))
    by: dict[str, list[Pair]] = defaultdict(list)
    for p in train:
        by[p.stratum].append(p)
    for st, group in by.items():
        if only and st not in only:
            continue
        # Latin-Thai hard negatives count three times: the aim bounds their false-match rate
        # (<= 5%), and the independent Thai spellings make the positives harder than the engine's
        # own used to be
        if st == "latin-th":
            group = group + [p for p in group for _ in range(2) if p.kind in HARD]
        x = np.array([list(features(p)) for p in group])
        y = np.array([p.label for p in group], dtype=float)
        model = calibration.fit(x, y)
        cfg["models"][st] = {
            "intercept": round(model.intercept, 4),
            "weights": {
                f: round(w, 4) for f, w in zip(calibration.FEATURES, model.weights, strict=True)
            },
        }
        print(f"fitted {st}: {len(group)} pairs ({int(y.sum())} positive)")
    header = (
        "# Logistic calibration per script-pair stratum, fitted by `benchmarks/names_quality.py --fit`\n"
        "# on the training split (60% of entities) of benchmarks/data/names_dev.csv plus generated\n"
        "# records. Evidence weights are log-odds adjustments set by hand (not fitted).\n"
    )
    CALIBRATION.write_text(
        header + yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), "utf-8"
    )
    calibration.config.cache_clear()
    calibration.model.cache_clear()


def features(p: Pair) -> tuple[float, ...]:
    from mekongx.matching.alignment import best_alignment
    from mekongx.matching.scoring import features as feats
    from mekongx.matching.scoring import han_viet_pair

    ca, cb = profile(p.a).compact, profile(p.b).compact
    found = best_alignment(ca, cb)
    assert found is not None, (p.a, p.b)
    return feats(ca, cb, found[0], han_viet_pair(ca, cb, found))


def prf(labels: list[int], preds: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for y, q in zip(labels, preds, strict=True) if y and q)
    fp = sum(1 for y, q in zip(labels, preds, strict=True) if not y and q)
    fn = sum(1 for y, q in zip(labels, preds, strict=True) if y and not q)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def recall_at_1(entities: list[Entity], distractors: int, rng: random.Random, baseline: bool):
    """Per stratum: for each test rendering, is the top hit in each other script the same entity?"""
    test = [e for e in entities if split_of(e.id) == "test"]
    extra: list[tuple[str, str, str]] = []
    for i in range(distractors):
        if i % 2:
            extra += [(f"d{i}", s, n) for s, n in chinese_renderings(rng, random_chinese(rng))]
        else:
            extra += [(f"d{i}", s, n) for s, n in thai_renderings(rng, random_thai(rng))]
    targets: dict[str, list[tuple[str, str]]] = defaultdict(list)  # script -> (entity, name)
    for e in test:
        for s, n in e.names:
            targets[s].append((e.id, n))
    for eid, s, n in extra:
        targets[s].append((eid, n))
    indexes: dict[str, Index] = {}
    folded: dict[str, list[str]] = {}
    for s, rows in targets.items():
        ix = Index()
        for eid, n in rows:
            ix.add(n, id=eid)
        indexes[s] = ix
        folded[s] = [naive_fold(n) for _, n in rows]
    hits: dict[str, list[int]] = defaultdict(list)
    misses_r1: list[tuple[str, str, str, bool, str | None, float]] = []
    base_hits: dict[str, list[int]] = defaultdict(list)
    real_hits: dict[str, list[int]] = defaultdict(list)
    by_entity: dict[tuple[str, str], list[int]] = defaultdict(list)
    for e in test:
        for sq, q in e.names:
            for st in ("zh", "th", "latin"):
                others = [n for s, n in e.names if s == st and n != q]
                if not others:
                    continue
                key = stratum(sq, st)
                res = [h for h in indexes[st].search(q, limit=10) if h.name != q]
                # ties count: an identical name of another person scores the same by name alone
                ok = int(
                    bool(res)
                    and any(
                        h.id == e.id and h.probability >= res[0].probability - 1e-9 for h in res
                    )
                )
                if not ok:
                    top = (res[0].name, res[0].probability) if res else (None, 0.0)
                    misses_r1.append((key, q, others[0], e.kind == "real", *top))
                hits[key].append(ok)
                if e.kind == "real":
                    by_entity[(e.id, key)].append(ok)
                    if not e.id.startswith("rt"):  # names_thai_real.csv is reported on its own
                        real_hits[key].append(ok)
                if baseline:
                    rows = targets[st]
                    got = process.extract(
                        naive_fold(q), folded[st], scorer=fuzz.token_sort_ratio, limit=2
                    )
                    got = [g for g in got if rows[g[2]][1] != q][:1]
                    base_hits[key].append(int(bool(got) and rows[got[0][2]][0] == e.id))
    # real persons of the test split and the held-out block are counted, never listed: the
    # sample shows generated records only, without the name that outranked them (it may be
    # a real person's)
    shown = [m[1:3] for m in misses_r1 if not m[3]]
    print(f"recall@1 misses (sample, generated records only): {shown[:15]}")
    return hits, base_hits, real_hits, sum(len(v) for v in targets.values()), misses_r1, by_entity


def report_thai_real(
    test: list[Pair],
    probs: list[float],
    thr: float,
    r1_by_entity: dict[tuple[str, str], list[int]],
) -> None:
    """Real Thai persons with their carried Latin spellings (names_thai_real.csv), test split."""
    _, groups_of = load_thai_real()
    print("Real Thai spellings (benchmarks/data/names_thai_real.csv, test split), Thai <-> Latin:")
    print("| rows | positives | recall | recall@1 | hard negatives | FMR |")
    print("|---|---|---|---|---|---|")
    for label, groups in (
        (
            "persons' names (sport, politics, business, culture)",
            {"sport", "politics", "business", "culture"},
        ),
        ("royal names (formal Pali-Sanskrit, one word)", {"royal"}),
    ):
        idx = [i for i, p in enumerate(test) if p.label and p.group in groups]
        neg = [i for i, p in enumerate(test) if not p.label and p.group == "thai-real"]
        rec = np.mean([probs[i] >= thr for i in idx]) if idx else float("nan")
        ids = {eid for eid, g in groups_of.items() if g in groups}
        r1 = [v for (eid, st), hits in r1_by_entity.items() if eid in ids and st == "latin-th"
              for v in hits]  # fmt: skip
        royal = "royal" in groups
        fmr = "-" if royal else f"{np.mean([probs[i] >= thr for i in neg]):.3f}"
        r1s = f"{np.mean(r1):.3f} (n={len(r1)})" if r1 else "-"
        print(
            f"| {label} | {len(idx)} | {rec:.3f} | {r1s} | {'-' if royal else len(neg)} | {fmr} |"
        )
    missed = [(test[i].a, test[i].b, round(probs[i], 3)) for i, p in enumerate(test)
              if p.label and p.group and probs[i] < thr]  # fmt: skip
    false = [(test[i].a, test[i].b, round(probs[i], 3)) for i, p in enumerate(test)
             if not p.label and p.group == "thai-real" and probs[i] >= thr]  # fmt: skip
    # counted, never listed: the test split and the held-out block of the real Thai persons are
    # not looked at one by one (rules are written from the train split and the seen rows)
    print(f"missed real Thai spellings (test): {len(missed)}")
    print(f"false matches among real Thai hard negatives (test): {len(false)}")


def nomenklatura_scorer():
    baseline = nomenklatura_logic_v2()
    if baseline is None:
        return None
    entity, compare = baseline

    def run(a: str, b: str) -> float:
        return compare(entity(a), entity(b))

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="refit calibration on the train split")
    ap.add_argument(
        "--fit-only", metavar="STRATA", help="refit only these strata (comma-separated: latin-th)"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cn", type=int, default=600, help="generated Chinese entities")
    ap.add_argument("--th", type=int, default=400, help="generated Thai entities")
    ap.add_argument("--distractors", type=int, default=3000, help="extra watchlist entities")
    ap.add_argument(
        "--no-table", action="store_true", help="ablation: Thai-name rendering table off"
    )
    ap.add_argument(
        "--dump-errors",
        metavar="FILE",
        help="write every false match and missed positive of the test split (TSV) to FILE",
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    t0 = time.time()
    entities, pairs = build(rng, args.cn, args.th)
    if args.no_table:
        disable_rendering_table()
    if args.fit or args.fit_only:
        fit(pairs, set(args.fit_only.split(",")) if args.fit_only else None)
    thr = calibration.threshold()
    test = [p for p in pairs if p.split == "test"]
    print(
        f"dev set: {len(entities)} entities ({sum(e.kind == 'real' for e in entities)} real), "
        f"{len(pairs)} pairs; test split {len(test)} pairs; threshold {thr}"
    )
    probs = [engine_prob(p) for p in test]
    base_scores = [fuzz.token_sort_ratio(naive_fold(p.a), naive_fold(p.b)) / 100 for p in test]
    train = [p for p in pairs if p.split == "train"]
    train_base = [fuzz.token_sort_ratio(naive_fold(p.a), naive_fold(p.b)) / 100 for p in train]
    base_thr = max(
        (t / 100 for t in range(50, 100)),
        key=lambda t: prf([p.label for p in train], [int(s >= t) for s in train_base])[2],
    )
    nk = nomenklatura_scorer()
    nk_scores = [nk(p.a, p.b) for p in test] if nk else None
    hits, base_hits, real_hits, index_size, misses_r1, real_hits_by_entity = recall_at_1(
        entities, args.distractors, rng, True
    )

    print()
    print(
        f"| stratum | pairs (+/-) | engine P | R | F1 | recall@1 | hard-neg FMR | translit+rapidfuzz F1 (thr {base_thr:.2f}) | R@1 | FMR | nomenklatura logic-v2 F1 (thr 0.7) | FMR |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for st in STRATA_ORDER:
        idx = [i for i, p in enumerate(test) if p.stratum == st]
        if not idx:
            continue
        y = [test[i].label for i in idx]
        pe = [int(probs[i] >= thr) for i in idx]
        pb = [int(base_scores[i] >= base_thr) for i in idx]
        hard = [i for i in idx if test[i].kind in ("same_surname", "one_off", "common_name")]
        fmr = sum(probs[i] >= thr for i in hard) / len(hard) if hard else float("nan")
        fmr_b = sum(base_scores[i] >= base_thr for i in hard) / len(hard) if hard else float("nan")
        p, r, f = prf(y, pe)
        _, _, fb = prf(y, pb)
        r1 = np.mean(hits[st]) if hits[st] else float("nan")
        r1b = np.mean(base_hits[st]) if base_hits[st] else float("nan")
        nk_cols = "skipped | skipped"
        if nk_scores is not None:
            pn = [int(nk_scores[i] >= 0.7) for i in idx]
            _, _, fn_ = prf(y, pn)
            fmr_n = sum(nk_scores[i] >= 0.7 for i in hard) / len(hard) if hard else float("nan")
            nk_cols = f"{fn_:.3f} | {fmr_n:.3f}"
        print(
            f"| {st} | {sum(y)}/{len(y) - sum(y)} | {p:.3f} | {r:.3f} | {f:.3f} | {r1:.3f} (n={len(hits[st])}) | {fmr:.3f} (n={len(hard)}) | {fb:.3f} | {r1b:.3f} | {fmr_b:.3f} | {nk_cols} |"
        )
    print()
    print("Real public figures of names_dev.csv only (test split):")
    print(
        "| stratum | positives | engine recall | recall@1 | translit+rapidfuzz recall | nomenklatura recall |"
    )
    print("|---|---|---|---|---|---|")
    for st in STRATA_ORDER:
        idx = [i for i, p in enumerate(test) if p.stratum == st and p.real and not p.group]
        if not idx:
            continue
        rec = np.mean([probs[i] >= thr for i in idx])
        recb = np.mean([base_scores[i] >= base_thr for i in idx])
        recn = f"{np.mean([nk_scores[i] >= 0.7 for i in idx]):.3f}" if nk_scores else "skipped"
        r1 = f"{np.mean(real_hits[st]):.3f}" if real_hits[st] else "n/a"
        print(f"| {st} | {len(idx)} | {rec:.3f} | {r1} | {recb:.3f} | {recn} |")
    print()
    report_thai_real(test, probs, thr, real_hits_by_entity)
    print()
    print("Hard negatives by type (test split, all strata): false-match rate")
    for kind in ("same_surname", "one_off", "common_name"):
        idx = [i for i, p in enumerate(test) if p.kind == kind]
        if idx:
            fm = np.mean([probs[i] >= thr for i in idx])
            fb = np.mean([base_scores[i] >= base_thr for i in idx])
            extra = ""
            if nk_scores is not None:
                extra = f", nomenklatura {np.mean([nk_scores[i] >= 0.7 for i in idx]):.3f}"
            print(f"- {kind}: engine {fm:.3f}, translit+rapidfuzz {fb:.3f}{extra} (n={len(idx)})")
    print()
    print("Hard negatives by stratum and type (test split): engine false-match rate (n)")
    kinds = ("same_surname", "one_off", "common_name")
    print("| stratum | " + " | ".join(kinds) + " |")
    print("|---|---|---|---|")
    for st in STRATA_ORDER:
        cells = []
        for kind in kinds:
            idx = [i for i, p in enumerate(test) if p.kind == kind and p.stratum == st]
            fm = sum(probs[i] >= thr for i in idx) / len(idx) if idx else float("nan")
            cells.append(f"{fm:.3f} ({len(idx)})")
        print(f"| {st} | " + " | ".join(cells) + " |")
    print()
    print(
        f"recall@1 watchlists: {index_size} names across the three scripts "
        f"({args.distractors} distractor entities); total time {time.time() - t0:.0f}s"
    )
    # the samples leave out every real person (names_dev.csv, names_thai_real.csv): their test
    # split and held-out block are counted, never listed (benchmarks/names_thai_spellings.py)
    misses, fps = [], []
    for i, p in enumerate(test):
        listed = not (p.real or p.group or p.kind.startswith("real_"))
        if p.label and probs[i] < thr:
            misses.append((p.a, p.b, round(probs[i], 3)) if listed else None)
        elif not p.label and probs[i] >= thr:
            fps.append((p.a, p.b, p.kind, round(probs[i], 3)) if listed else None)
    for what, found in (("missed positives", misses), ("false matches", fps)):
        shown = [f for f in found if f is not None][:12]
        print(f"{what} (test): {len(found)}; sample (generated records only): {shown}")
    if args.dump_errors:
        dump_errors(args.dump_errors, test, probs, thr, misses_r1)


def dump_errors(
    path: str,
    test: list[Pair],
    probs: list[float],
    thr: float,
    misses_r1: list[tuple[str, str, str, bool, str | None, float]],
) -> None:
    """Every error of the test split with the features the calibration saw, for inspection."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t")
        out.writerow(["error", "stratum", "kind", "real", "a", "b", "probability", "reading_a",
                      "reading_b", *calibration.FEATURES])  # fmt: skip
        for p, prob in zip(test, probs, strict=True):
            if bool(p.label) == (prob >= thr):
                continue
            m = score(p.a, p.b, p.evidence)
            out.writerow(
                [
                    "missed" if p.label else "false_match",
                    p.stratum,
                    p.kind,
                    int(p.real),
                    p.a,
                    p.b,
                    f"{prob:.3f}",
                    m.reading_a,
                    m.reading_b,
                    *(f"{m.features.get(f, 0.0):.3f}" for f in calibration.FEATURES),
                ]
            )
        # recall@1 misses: query, a true rendering, and the name that ranked above it
        for st, q, truth, real, top, prob in misses_r1:
            out.writerow(["recall@1", st, "query", int(real), q, truth, f"{prob:.3f}", top or ""])
    print(f"errors written to {path}")


if __name__ == "__main__":
    main()
