"""Thai names against the Latin spellings people carry: a quick check of the engine alone.

    .venv/bin/python benchmarks/names_thai_spellings.py                      # real Thai persons
    .venv/bin/python benchmarks/names_thai_spellings.py --misses             # ... and every miss
    .venv/bin/python benchmarks/names_thai_spellings.py --given-names FILE   # + annotated names

Two sets, both independent of the engine (no spelling comes from its code):

1. ``benchmarks/data/names_thai_real.csv``: 140 real Thai persons with the Latin spellings they
   carry (sourced per row); every positive pair Thai <-> Latin, and the recombined hard negatives
   of ``names_quality.py`` (their own given name with another person's family name and the other
   way round). Reported per split of ``names_quality.py`` (train / test by entity hash).
2. ``--given-names FILE``: ``data/name_romanization.csv`` of github.com/nozomiyamada/thai_romanization
   (commit 9968ea4; 3,848 Thai given names, each with its RTGS form and up to two other spellings
   written by a Thai annotator: Kularb, Jaruayporn, Khajorndech …). Not redistributed here (the
   repository states no licence): fetch it yourself, e.g.
   ``curl -LO https://raw.githubusercontent.com/nozomiyamada/thai_romanization/9968ea4/data/name_romanization.csv``.
   Two-word names are made from two of its entries (a given name and an entry standing in for the
   family name), the Latin side from one of the annotated spellings of each; hard negatives put
   another entry in place of one word: the nearest other name by letter edit distance of its RTGS
   form among the names whose annotated sound differs in more than tone, vowel length, aspiration
   and glottal stops (which passports do not write) and, as in set 1, a random one. The
   "spelt otherwise" column leaves out the nearest-name negatives whose Latin word is also one of
   the annotator's spellings of the Thai word it replaced (ทัศนา and ทรรศนะ both Tadsana): by the
   data's own account such a pair is a spelling of the name, not a false match.
   Entries are split by hash into ``dev`` (rules may be written looking at it) and ``holdout``
   (report only).

A pair counts as a match when the calibrated probability reaches the engine's threshold.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).parent))

from mekongx.matching import calibration, score
from names_quality import load_thai_real, split_of, thai_real_negatives

_TONE_DIGIT = re.compile("[0-9]")


def part_of(key: str) -> str:
    h = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    return "dev" if h % 10 < 4 else "holdout"


_BLOCK = re.compile(r"rt2\d\d")
_SEEN = re.compile(r"rt3\d\d")
_REPORTED = {
    "train": ("train",),
    "added (seen)": ("seen",),
    "test": ("test",),
    "held-out block": ("block",),
    "test + block": ("test", "block"),
    "all": ("train", "seen", "test", "block"),
}


def part(entity_id: str) -> str:
    """train / test of ``names_quality.py``, or ``block``: rt201-rt292, a second set of real
    persons compiled before the rules of issue 12's third round and held out whole, or ``seen``:
    rt301-rt361, added to write rules from (train in ``names_quality.py``, reported apart)."""
    if _SEEN.fullmatch(entity_id):
        return "seen"
    return "block" if _BLOCK.fullmatch(entity_id) else split_of(entity_id)


def real_persons(rng: random.Random, show: bool) -> None:
    thr = calibration.threshold()
    entities, groups = load_thai_real()
    hits: dict[tuple[str, str], list[int]] = defaultdict(list)
    misses = []
    for e in entities:
        th = next(n for s, n in e.names if s == "th")
        group = "royal" if groups[e.id] == "royal" else "persons"
        for s, n in e.names:
            if s != "latin":
                continue
            p = score(th, n).probability
            hits[(group, part(e.id))].append(int(p >= thr))
            if p < thr:
                misses.append((group, part(e.id), round(p, 3), th, n))
    neg = thai_real_negatives(rng, entities)
    owner = {n: part(e.id) for e in entities for s, n in e.names if s == "th"}
    fm: dict[str, list[int]] = defaultdict(list)
    false = []
    for pair in neg:
        p = score(pair.a, pair.b).probability
        where = owner[pair.a]
        fm[where].append(int(p >= thr))
        if p >= thr:
            false.append((where, round(p, 3), pair.a, pair.b))
    print("Real Thai persons (benchmarks/data/names_thai_real.csv), Thai <-> carried Latin:")
    print("| rows | split | positive pairs | recall | recombined hard negatives | FMR |")
    print("|---|---|---|---|---|---|")
    for group in ("persons", "royal"):
        for sp, parts in _REPORTED.items():
            v = [x for (g, s), xs in hits.items() if g == group and s in parts for x in xs]
            n = [x for s, xs in fm.items() if s in parts for x in xs]
            if not v:
                continue
            negs = f"{len(n)} | {sum(n) / len(n):.3f}" if group == "persons" and n else "- | -"
            print(f"| {group} | {sp} | {len(v)} | {sum(v) / len(v):.3f} | {negs} |")
    # rules may be written looking at the train split only: misses and false matches of the test
    # split and of the held-out block are counted, never listed
    if show:
        for m in sorted(misses):
            if m[1] in ("train", "seen"):
                print("  missed", m)
    for f in false:
        if f[0] in ("train", "seen"):
            print("  false match", f)


def load_given(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        latin = [row[k].strip() for k in ("romanize1", "romanize2", "romanize3") if row[k].strip()]
        if row["name"].strip() and latin:
            out.append({"th": row["name"].strip(), "latin": "|".join(latin), "ipa": row["ipa"]})
    return out


def sound_key(ipa: str) -> str:
    """What tells two names apart to the ear in a way Latin spellings can write: the annotated
    sound without tones (the digits), vowel length and aspiration (the encoding's capitals:
    A = aa, P = ph), which Thai passports do not write consistently (Supachai / Suphachai), and
    without the marks of a syllable's edges that no Latin letter writes: ``?`` (a glottal stop,
    as onset the silent อ, as coda the stop after a final short vowel) and ``-`` (no final
    consonant). In the data's encoding each syllable is onset, vowel, coda and tone, and the coda
    is ``-`` when there is none (data/README.md and thaig2p/main.py of the repository at 9968ea4,
    whose own decoder also writes a coda ``?`` as ``-``); RTGS writes นะ and นา both ``na``, so
    ทรรศนะ ``tat5 sa-1 na?4`` and ทัศนา ``Tat4 sa-1 nA-1`` get one key (``tat sa na``), as do
    นูรียะ and นูรียา. Both marks go the same way: keeping one of them told ``na?`` from ``nA-``
    by a glottal stop and a vowel length, the two things this key is meant to leave out.

    Lowercasing is how the capitals of length and aspiration go (``A`` -> ``a``, ``P`` -> ``p``),
    but one capital is neither: ``N`` is /ŋ/, RTGS and passports ``ng`` (the data's README: ``ง``
    ``N`` ŋ ng), a consonant of its own, which lowercased became ``n``. It is written ``ng`` here
    (no ``g`` in the encoding, so the key stays unambiguous): พงศักดิ์ ``PoN1 sak2`` Phongsak and
    พลศักดิ์ ``Pon1 sak2`` Phonsak are two names, not one. The other capitals that are not length
    or aspiration (the diphthongs ``J`` iə, ``W`` ɯə, ``R`` uə) stay lowercased: as a syllable's
    vowel they cannot be read as the consonants j, w, r, and no two entries share a key by it."""
    return _TONE_DIGIT.sub("", ipa).replace("N", "ng").lower().replace("?", "").replace("-", "")


def nearest(pool: list[dict[str, str]], rtgs: list[str], sound: dict[str, str], i: int):
    """The entry of the pool nearest to entry i by letter edit distance of the RTGS forms, among
    names that sound different (see ``sound`` in ``given_names``)."""
    best, best_d = pool[i], 10**9
    for j, other in enumerate(pool):
        if sound[other["th"]] == sound[pool[i]["th"]] or other["th"] == pool[i]["th"]:
            continue
        d = Levenshtein.distance(rtgs[i], rtgs[j], score_cutoff=best_d)
        if d < best_d:
            best, best_d = other, d
    return best


def given_names(path: str, rng: random.Random, show: bool, n_pairs: int) -> None:
    thr = calibration.threshold()
    rows = load_given(path)
    # one key for every entry, before the split into dev and holdout
    sound = {r["th"]: sound_key(r["ipa"]) for r in rows}
    spelt_as = {r["th"]: {v.lower() for v in r["latin"].split("|")} for r in rows}
    by_part: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_part[part_of(r["th"])].append(r)
    print()
    print(f"Annotated Thai given names ({path}): two-word names, Thai <-> annotated Latin")
    print(
        "| part | positive pairs | recall | nearest-name negatives | FMR "
        "| … spelt otherwise | FMR | random negatives | FMR |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for part in ("dev", "holdout"):
        pool = by_part[part]
        rtgs = [r["latin"].split("|")[0].lower() for r in pool]

        def latin(r: dict[str, str]) -> str:
            return rng.choice(r["latin"].split("|")).capitalize()

        pos, near, rand, near_distinct = [], [], [], []
        missed, false = [], []
        for _ in range(n_pairs):
            i, j = rng.randrange(len(pool)), rng.randrange(len(pool))
            g, f = pool[i], pool[j]
            th = f"{g['th']} {f['th']}"
            # drawn once: the pairs that follow must not depend on the engine's answers
            spelt = f"{latin(g)} {latin(f)}"
            p = score(th, spelt).probability
            pos.append(int(p >= thr))
            if p < thr:
                missed.append((round(p, 3), th, spelt))
            which = rng.randrange(2)
            other = nearest(pool, rtgs, sound, i if which == 0 else j)
            # drawn in the order of the f-string this replaces (seeded pairs stay the same)
            if which == 0:
                instead = latin(other)
                neg = f"{instead} {latin(f)}"
            else:
                neg = f"{latin(g)} {(instead := latin(other))}"
            p = score(th, neg).probability
            near.append(int(p >= thr))
            # the annotator wrote this very spelling for the Thai word it replaces too: a spelling
            # of that name by the data's own account, not a false match
            replaced = g if which == 0 else f
            if instead.lower() not in spelt_as[replaced["th"]]:
                near_distinct.append(int(p >= thr))
            if p >= thr:
                false.append((round(p, 3), th, neg))
            o = rng.choice(pool)
            if sound[o["th"]] != sound[(g if which == 0 else f)["th"]]:
                neg = f"{latin(o)} {latin(f)}" if which == 0 else f"{latin(g)} {latin(o)}"
                rand.append(int(score(th, neg).probability >= thr))
        print(
            f"| {part} | {len(pos)} | {sum(pos) / len(pos):.3f} | {len(near)} | "
            f"{sum(near) / len(near):.3f} | {len(near_distinct)} | "
            f"{sum(near_distinct) / len(near_distinct):.3f} | {len(rand)} | "
            f"{sum(rand) / len(rand):.3f} |"
        )
        if show and part == "dev":
            for m in sorted(missed):
                print("  missed", m)
            for f_ in sorted(false):
                print("  false match", f_)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--given-names", metavar="FILE", help="name_romanization.csv (see above)")
    ap.add_argument("--pairs", type=int, default=1000, help="two-word names per part")
    ap.add_argument("--misses", action="store_true", help="list misses (dev part only)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    t0 = time.time()
    real_persons(random.Random(args.seed), args.misses)
    if args.given_names:
        given_names(args.given_names, random.Random(args.seed), args.misses, args.pairs)
    print(f"threshold {calibration.threshold()}; {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
