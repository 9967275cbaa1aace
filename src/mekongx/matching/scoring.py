"""Syllable/part-level comparison of two names and the calibrated, explained match score."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from itertools import permutations
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from mekongx.matching import calibration
from mekongx.matching.endings import endings
from mekongx.matching.evidence import Evidence, compare_evidence
from mekongx.matching.explain import Reason
from mekongx.matching.names import Name, Reading, parse_name, rarity, readings
from mekongx.matching.normalize import Script
from mekongx.matching.syllable import VARIANT, syllabify, thai_similarity
from mekongx.matching.syllable import similarity as syllable_similarity

if TYPE_CHECKING:
    from mekongx.matching.judgements import Judgements

SURNAME_WEIGHT = 1.3
_MAX_PARTS = 4
# Added to a compact reading's surname index: a reading compared with names in Chinese characters
# only (the Hán-Việt reading of a Vietnamese name: between two Latin names its Mandarin syllables,
# several per Vietnamese one, would meet where the Vietnamese syllables differ)
HAN_ONLY = 100
# … and a reading compared with names in Latin letters only: the Cantonese and Hokkien readings of
# a name in Chinese characters (southern_chinese.py). Against Thai script, Han or the Mandarin of a
# Hán-Việt reading their many spellings per character would only add chance resemblances.
LATIN_ONLY = 200
DIALECT_SYSTEMS = frozenset(("cantonese", "hokkien", "cantonese-split", "hokkien-split"))


class Decision(StrEnum):
    MATCH = "match"
    REVIEW = "review"
    NO_MATCH = "no_match"


Keys = tuple[tuple[str, ...], ...]
CompactReading = tuple[Keys, int | None]


@dataclass(frozen=True, slots=True)
class Compact:
    """The part of a profile the scorer needs: distinct readings as keys (an index stores these)."""

    readings: tuple[CompactReading, ...]
    script: str
    rarity: float | None
    han: str | None
    # per word of a Thai- or Latin-letter name: "stop", "open" or "" (``endings.py``)
    endings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    """A parsed name with all its readings, and its compact form."""

    name: Name
    readings: tuple[Reading, ...]
    compact: Compact


def name_script(name: Name) -> str:
    if name.han or name.foreign_han:
        return "zh"
    return {Script.THAI: "th", Script.LATIN: "latin"}.get(name.script, "other")


def merge_readings(rs: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """Union the alternatives of readings with the same shape (parts, surname position).

    Scoring takes the best alternative per part anyway, so one merged reading per shape gives the
    same similarity with far fewer comparisons.
    """
    groups: dict[tuple[int, int | None, int], list[Reading]] = {}
    for n, r in enumerate(rs):
        # alternative segmentations of one Latin name must not be mixed part by part
        # the Cantonese and Hokkien readings merge with each other (one reading per shape keeps
        # the index small), not with the pinyin one
        own = n if r.system in ("latin-joined", "han-viet") else -1
        shape = (len(r.keys), r.surname, -2 if r.system in DIALECT_SYSTEMS else own)
        groups.setdefault(shape, []).append(r)
    out: list[Reading] = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        n = len(group[0].keys)
        alts: list[list[str]] = [[] for _ in range(n)]
        keys: list[list[str]] = [[] for _ in range(n)]
        labels: list[list[str]] = [[] for _ in range(n)]
        for r in group:
            for i in range(n):
                for j, k in enumerate(r.keys[i]):
                    if k not in keys[i]:
                        keys[i].append(k)
                        alts[i].append(r.alternatives[i][j])
                        labels[i].append(r.labels[i][j] if r.labels else r.system)
        out.append(
            Reading(
                "+".join(dict.fromkeys(r.system for r in group)),
                tuple(tuple(a) for a in alts),
                tuple(tuple(k) for k in keys),
                group[0].surname,
                group[0].pinyin,
                tuple(tuple(lb) for lb in labels),
            )
        )
    return tuple(out)


@lru_cache(maxsize=100_000)
def profile(name: Name | str) -> Profile:
    if isinstance(name, str):
        name = parse_name(name)
    rs = merge_readings(readings(name))
    seen: dict[Keys, int | None] = {}
    for r in rs:
        if r.keys not in seen:
            han_only = r.system == "han-viet" and r.surname is not None
            latin_only = r.surname is not None and r.system.split("+")[0] in DIALECT_SYSTEMS
            seen[r.keys] = (
                r.surname + HAN_ONLY
                if han_only and r.surname is not None
                else r.surname + LATIN_ONLY
                if latin_only and r.surname is not None
                else r.surname
            )
    compact = Compact(tuple(seen.items()), name_script(name), rarity(name), name.han, endings(name))
    return Profile(name, rs, compact)


def stratum(a: str, b: str) -> str:
    if a == b:
        return "same"
    pair = "-".join(sorted((a, b)))
    return pair if pair in calibration.STRATA else "same"


@dataclass(frozen=True, slots=True)
class Alignment:
    sim: float
    min_sim: float
    surname_sim: float | None
    unmatched: int
    pairs: tuple[tuple[int, int, float, int, int], ...]  # (part a, part b, sim, alt a, alt b)
    swapped: bool
    syllables_exact: float = 1.0
    syllable_mismatches: int = 0


@lru_cache(maxsize=1_000_000)
def key_similarity(x: str, y: str, thai: bool = False) -> float:
    """Similarity of two part keys, syllable by syllable when they have as many syllables.

    Syllables are compared as onset + rhyme (``syllable.similarity``): "jian"/"yan" is another
    syllable, not one letter off; the mean and the worst syllable count equally. Keys with
    different numbers of syllables fall back to letter edit distance. ``thai``: both names read
    as Thai, so Thai passport vowel spellings count as variants too (``syllable.thai_similarity``).
    """
    if x == y or (thai and _degeminate(x) == _degeminate(y)):
        # Thai: the same letters cut elsewhere (sang.iam / sa.ngiam), or a consonant doubled
        # across a syllable boundary written once (tham.ma.nat / Thamanat, Kittiratt / Kitirat)
        return 1.0
    xs, ys = syllabify(x), syllabify(y)
    if xs and len(xs) == len(ys):
        if xs == ys:
            return 1.0
        syl_sim = thai_similarity if thai else syllable_similarity
        sims = [syl_sim(a, b) for a, b in zip(xs, ys, strict=True)]
        return 0.5 * sum(sims) / len(sims) + 0.5 * min(sims)
    if thai and xs and ys and abs(len(xs) - len(ys)) == 1:
        return _syllable_alignment(xs, ys)
    x, y = x.replace(".", ""), y.replace(".", "")
    return 1.0 if x == y else float(Levenshtein.normalized_similarity(x, y))


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=500_000)
def _degeminate(key: str) -> str:
    return _DOUBLED.sub(r"\1", key.replace(".", ""))


def _syllable_alignment(xs: tuple[str, ...], ys: tuple[str, ...]) -> float:
    """Similarity of two Thai keys with different numbers of syllables: an edit distance over
    syllables (a syllable more or less costs 1.5, a substitution 1 - its similarity), so that
    สมศักดิ์ (som.sak.di spelt out) stays far from Somchai instead of sharing letters with it, and
    วีระ stays another name than วีระพงษ์."""
    n, m = len(xs), len(ys)
    dx = [_indel(s) for s in xs]
    dy = [_indel(s) for s in ys]
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + dy[j - 1]
    for i in range(1, n + 1):
        cur = [prev[0] + dx[i - 1]] + [0.0] * m
        for j in range(1, m + 1):
            sub = prev[j - 1] + 1.0 - thai_similarity(xs[i - 1], ys[j - 1])
            cur[j] = min(sub, prev[j] + dx[i - 1], cur[j - 1] + dy[j - 1])
        prev = cur
    return max(0.0, 1.0 - prev[m] / max(n, m))


_INDEL = 1.5
# a syllable of one consonant and a: the linking syllable of a formal reading (ธรรม-ม-ศักดิ์,
# ธเนศ-ส-พล) or a silent letter sounded, which spellings keep or drop
_INDEL_LINK = 1.0
_LINK_SYLLABLE = re.compile("[^aeiou]{1,2}a")


@lru_cache(maxsize=100_000)
def _indel(syl: str) -> float:
    return _INDEL_LINK if _LINK_SYLLABLE.fullmatch(syl) else _INDEL


def _syllables_equal(x: str, y: str, thai: bool = False) -> tuple[int, int]:
    """(syllables the same or spelling variants, syllables compared) for two part keys."""
    xs, ys = syllabify(x), syllabify(y)
    if len(xs) == len(ys) and len(xs) > 1:
        syl_sim = thai_similarity if thai else syllable_similarity
        same = sum(syl_sim(a, b) >= VARIANT for a, b in zip(xs, ys, strict=True))
        return same, len(xs)
    return (1, 1) if x.replace(".", "") == y.replace(".", "") else (0, 1)


def _part_sim(ka: tuple[str, ...], kb: tuple[str, ...], thai: bool) -> tuple[float, int, int]:
    if not set(ka).isdisjoint(kb):
        for i, x in enumerate(ka):
            if x in kb:
                return 1.0, i, kb.index(x)
    best, bi, bj = -1.0, 0, 0
    for i, x in enumerate(ka):
        for j, y in enumerate(kb):
            s = key_similarity(x, y, thai)
            if s > best:
                best, bi, bj = s, i, j
                if s == 1.0:
                    return best, bi, bj
    return best, bi, bj


def _joined(ka: Keys, kb: Keys, thai: bool) -> float:
    """Similarity of the names written as one word, for "จูกัดเหลียง" vs "Zhuge Liang".

    The words keep their syllables ("Lin Xuan Qin" = lin.suan.cin), so that the syllables are
    compared as in ``key_similarity``: "Lan Xuanqin" is not one letter away from it.
    """
    a = [syl for p in ka for syl in syllabify(p[0])]
    best = 0.0
    for order in (kb, kb[::-1]):
        b = [syl for p in order for syl in syllabify(p[0])]
        if len(a) == len(b):  # else the words do not line up syllable by syllable
            best = max(best, key_similarity(".".join(a), ".".join(b), thai))
    return best


@lru_cache(maxsize=64)
def _perms(n: int, k: int) -> tuple[tuple[int, ...], ...]:
    return tuple(permutations(range(n), k))


@lru_cache(maxsize=500_000)
def align(a: CompactReading, b: CompactReading, thai: bool = False) -> Alignment:
    """Best order-free assignment of the parts of reading ``a`` to the parts of reading ``b``.

    ``thai``: both names are Thai-like (``thai_pair``), so Thai vowel spellings are variants.
    """
    full_a, full_b = a[0], b[0]
    ka, kb = full_a[:_MAX_PARTS], full_b[:_MAX_PARTS]
    flip = len(ka) > len(kb)
    if flip:
        ka, kb = kb, ka
    sur_a, sur_b = (b[1], a[1]) if flip else (a[1], b[1])
    cells = [[_part_sim(x, y, thai) for y in kb] for x in ka]
    lens = [[max(len(x[0]), len(y[0])) for y in kb] for x in ka]
    best: tuple[float, tuple[int, ...]] | None = None
    if len(ka) == 2 and len(kb) == 2:  # the usual case (surname + given name), without the loop
        wt = [[float(lens[i][j]) * (SURNAME_WEIGHT if i == sur_a or j == sur_b else 1.0)
              for j in (0, 1)] for i in (0, 1)]  # fmt: skip
        straight = (wt[0][0] * cells[0][0][0] + wt[1][1] * cells[1][1][0]) / (wt[0][0] + wt[1][1])
        crossed = (wt[0][1] * cells[0][1][0] + wt[1][0] * cells[1][0][0]) / (wt[0][1] + wt[1][0])
        if sur_a is not None and sur_b is not None:  # both say which is the surname
            best = (straight, (0, 1)) if sur_a == sur_b else (crossed, (1, 0))
        else:
            best = (straight, (0, 1)) if straight >= crossed - 1e-9 else (crossed, (1, 0))
    total_b = [float(len(y[0])) for y in kb]
    all_b = sum(total_b)
    for perm in () if best is not None else _perms(len(kb), len(ka)):
        if sur_a is not None and sur_b is not None and perm[sur_a] != sur_b:
            continue  # when both names mark their surname, surname is compared with surname
        num = 0.0
        den = all_b
        for i, j in enumerate(perm):
            w = float(lens[i][j])
            den -= total_b[j]  # matched parts leave the unmatched remainder
            if i == sur_a or j == sur_b:
                w *= SURNAME_WEIGHT
            num += w * cells[i][j][0]
            den += w
        score = num / den if den else 0.0
        if best is None or score > best[0] + 1e-9:
            best = (score, perm)
    assert best is not None
    sim, perm = best
    pairs = []
    for i, j in enumerate(perm):
        s, ai, bj = cells[i][j]
        pairs.append((j, i, s, bj, ai) if flip else (i, j, s, ai, bj))
    surname_sim = None
    for i, j in enumerate(perm):
        if i == sur_a or j == sur_b:
            surname_sim = cells[i][j][0]
    if sur_a is not None and sur_b is not None and perm[sur_a] != sur_b:
        surname_sim = 0.0
    unmatched = (
        len(kb) - len(ka) + max(0, len(full_a) - _MAX_PARTS) + max(0, len(full_b) - _MAX_PARTS)
    )
    if unmatched:
        joined = _joined(full_a, full_b, thai)
        if joined > sim:
            pair = ((0, 0, joined, 0, 0),)
            return Alignment(joined, joined, None, 0, pair, False, float(joined == 1.0))
    same = total = mismatches = 0
    for i, j in enumerate(perm):
        _, ai, bj = cells[i][j]
        eq, n = _syllables_equal(ka[i][ai], kb[j][bj], thai)
        same, total = same + eq, total + n
        if n > 1 or max(len(ka[i][ai]), len(kb[j][bj])) <= 4:  # syllables, not Thai words
            mismatches += n - eq
    for j in set(range(len(kb))) - set(perm):
        total += kb[j][0].count(".") + 1
    return Alignment(
        sim,
        0.0 if unmatched else min(p[2] for p in pairs),  # a missing part is a zero-similarity part
        surname_sim,
        unmatched,
        tuple(sorted(pairs)),
        any(i != j for i, j in enumerate(perm)),
        same / total if total else 0.0,
        mismatches,
    )


def thai_pair(ca: Compact, cb: Compact) -> bool:
    """Are both names Thai-like: Thai or Latin script, neither Han nor read as a Chinese name?"""
    return all(
        c.script in ("th", "latin")
        and c.rarity is None
        # a Thai-script name with a Chinese surname marked (หลี่ เฉียง, แซ่ตั้ง) is Chinese
        and not (c.script == "th" and any(sur is not None for _, sur in c.readings))
        for c in (ca, cb)
    )


def best_alignment(ca: Compact, cb: Compact) -> tuple[Alignment, int, int] | None:
    """The best-aligned pair of readings: (alignment, reading index in a, reading index in b)."""
    best: tuple[float, Alignment, int, int] | None = None
    thai = thai_pair(ca, cb)
    for i, ra in enumerate(ca.readings):
        sur = ra[1] if ra[1] is not None else -1
        a_latin, a_han = sur >= LATIN_ONLY, HAN_ONLY <= sur < LATIN_ONLY
        if a_latin:
            if cb.script != "latin":
                continue
            ra = (ra[0], sur - LATIN_ONLY)
        elif a_han:
            if cb.han is None:
                continue
            ra = (ra[0], sur - HAN_ONLY)
        for j, rb in enumerate(cb.readings):
            if rb[1] is not None and rb[1] >= LATIN_ONLY:
                if ca.script != "latin" or a_han:
                    continue
                rb = (rb[0], rb[1] - LATIN_ONLY)
            elif rb[1] is not None and rb[1] >= HAN_ONLY:
                if ca.han is None or a_latin:
                    continue  # a Hán-Việt reading meets the Mandarin of the characters only
                rb = (rb[0], rb[1] - HAN_ONLY)
            al = align(ra, rb, thai)
            rank = al.sim + 0.5 * al.min_sim - 0.15 * al.unmatched
            if best is None or rank > best[0] + 1e-9:
                best = (rank, al, i, j)
                if al.min_sim == 1.0 and al.unmatched == 0:
                    return al, i, j
    return None if best is None else best[1:]


# a Thai word against a Latin one that ends otherwise (นารี / Narit): this much less similar
# (0.3 left นารี / Narit a match; 0.5 and 0.7 gave the same figures on the dev part)
_ENDING_COST = 0.5


def ending_conflicts(
    ca: Compact, cb: Compact, found: tuple[Alignment, int, int]
) -> list[tuple[int, int, float, int, int]]:
    """Aligned Thai and Latin words of which one ends on a stop and the other open, in every
    reading (``endings.py``); only between a Thai-script and a Latin name read as Thai."""
    al, ia, ib = found
    if al.unmatched or {ca.script, cb.script} != {"th", "latin"} or not thai_pair(ca, cb):
        return []
    na, nb = len(ca.readings[ia][0]), len(cb.readings[ib][0])
    if na != len(ca.endings) or nb != len(cb.endings):
        return []  # a reading that joins or drops words: parts are not the words
    return [p for p in al.pairs if {ca.endings[p[0]], cb.endings[p[1]]} == {"stop", "open"}]


def with_endings(ca: Compact, cb: Compact, found: tuple[Alignment, int, int]) -> Alignment:
    """The alignment, less similar by ``_ENDING_COST`` for each pair of words ending otherwise."""
    al = found[0]
    if not (ca.endings and cb.endings) or ca.script == cb.script:
        return al  # the usual case, decided without building anything
    n = len(ending_conflicts(ca, cb, found))
    if not n:
        return al
    cost = _ENDING_COST * n
    return replace(
        al,
        sim=max(0.0, al.sim - cost / len(al.pairs)),
        min_sim=max(0.0, al.min_sim - _ENDING_COST),
        surname_sim=None if al.surname_sim is None else max(0.0, al.surname_sim - cost),
    )


def features(ca: Compact, cb: Compact, al: Alignment) -> tuple[float, ...]:
    rar = [r for r in (ca.rarity, cb.rarity) if r is not None]
    rare = min(max(min(rar) / 6.0, 0.0), 1.5) if rar else 1.0
    han_same = 1.0 if ca.han and cb.han and ca.han == cb.han else 0.0
    han_diff = 1.0 if ca.han and cb.han and ca.han != cb.han else 0.0
    exact = 1.0 if al.unmatched == 0 and all(p[2] == 1.0 for p in al.pairs) else 0.0
    surname = al.surname_sim if al.surname_sim is not None else al.min_sim
    return (
        al.sim,
        al.min_sim,
        al.min_sim**4,
        surname,
        float(min(al.unmatched, 2)),
        rare * al.min_sim,
        han_same,
        han_diff,
        exact,
        al.syllables_exact,
        float(min(al.syllable_mismatches, 3)),
    )


def quick_probability(ca: Compact, cb: Compact) -> float:
    """Calibrated probability from names only, without building explanations."""
    found = best_alignment(ca, cb)
    if found is None:
        return 0.0
    x = features(ca, cb, with_endings(ca, cb, found))
    return calibration.sigmoid(calibration.model(stratum(ca.script, cb.script)).logit(x))


@dataclass(frozen=True, slots=True)
class Match:
    """Calibrated comparison of two names."""

    probability: float
    decision: Decision
    explanation: tuple[Reason, ...]
    stratum: str
    features: dict[str, float]
    reading_a: str | None = None
    reading_b: str | None = None

    @property
    def score(self) -> float:
        return self.probability

    def explain(self, lang: str = "en") -> list[str]:
        return [r.render(lang) for r in self.explanation]


def _decision(p: float, threshold: float) -> Decision:
    if p >= threshold:
        return Decision.MATCH
    if p >= threshold / 2.5:
        return Decision.REVIEW
    return Decision.NO_MATCH


def _reasons(pa: Compact, pb: Compact, al: Alignment, ra: Reading, rb: Reading) -> list[Reason]:
    out = [
        Reason(
            "reading_match",
            {
                "system_a": ra.system,
                "reading_a": ra.text,
                "system_b": rb.system,
                "reading_b": rb.text,
            },
            "neutral",
        )
    ]
    for i, j, s, ai, bj in al.pairs:
        part_a, part_b = ra.alternatives[i][ai], rb.alternatives[j][bj]
        label_a = ra.labels[i][ai] if ra.labels else ra.system
        label_b = rb.labels[j][bj] if rb.labels else rb.system
        is_surname = i == ra.surname or j == rb.surname
        params = {
            "a": part_a,
            "b": part_b,
            "similarity": f"{s:.2f}",
            "via_a": label_a,
            "via_b": label_b,
        }
        if s >= 0.999:
            out.append(Reason("surname_match" if is_surname else "part_match", params, "for"))
        elif s >= 0.75:
            out.append(Reason("part_similar", params, "for"))
        else:
            out.append(
                Reason("surname_mismatch" if is_surname else "part_mismatch", params, "against")
            )
        if "table" in (label_a, label_b):
            out.append(Reason("translit_table", {"a": part_a, "b": part_b}, "for"))
    matched = {p[2] for p in al.pairs}
    if al.unmatched:
        out.append(Reason("unmatched_parts", {"count": str(al.unmatched)}, "against"))
    elif matched:
        out.append(Reason("parts_covered", {"count": str(len(al.pairs))}, "for"))
    if al.swapped:
        out.append(Reason("name_order_swapped", {}, "neutral"))
    rar = [r for r in (pa.rarity, pb.rarity) if r is not None]
    if rar:
        code = "common_name" if min(rar) < 3.5 else "rare_name"
        out.append(
            Reason(
                code, {"rarity": f"{min(rar):.1f}"}, "against" if code == "common_name" else "for"
            )
        )
    if pa.han and pb.han:
        if pa.han == pb.han:
            out.append(Reason("han_identical", {"han": pa.han}, "for"))
        else:
            out.append(Reason("han_different", {"a": pa.han, "b": pb.han}, "against"))
    return out


def compare_profiles(
    pa: Profile,
    pb: Profile,
    evidence: tuple[Evidence | None, Evidence | None] | None = None,
    *,
    threshold: float | None = None,
    explain: bool = True,
) -> Match:
    thr = calibration.threshold() if threshold is None else threshold
    ca, cb = pa.compact, pb.compact
    st = stratum(ca.script, cb.script)
    found = best_alignment(ca, cb)
    if found is None:
        return Match(0.0, Decision.NO_MATCH, (Reason("no_readings", {}, "against"),), st, {})
    al, ia, ib = found
    al = with_endings(ca, cb, found)
    ra = next(r for r in pa.readings if r.keys == ca.readings[ia][0])
    rb = next(r for r in pb.readings if r.keys == cb.readings[ib][0])
    x = features(ca, cb, al)
    logit = calibration.model(st).logit(x)
    reasons = _reasons(ca, cb, al, ra, rb) if explain else []
    if explain:
        for i, j, _, ai, bj in ending_conflicts(ca, cb, found):
            ends = {"a": ra.alternatives[i][ai], "b": rb.alternatives[j][bj]}
            reasons.append(Reason("ending_differs", ends, "against"))
    if evidence is not None:
        adj, ev_reasons = compare_evidence(evidence[0], evidence[1], calibration.evidence_weights())
        logit += adj
        reasons += ev_reasons
    p = calibration.sigmoid(logit)
    feats = dict(zip(calibration.FEATURES, x, strict=True))
    return Match(p, _decision(p, thr), tuple(reasons), st, feats, ra.text, rb.text)


def score(
    a: Name | str,
    b: Name | str,
    evidence: tuple[Evidence | None, Evidence | None] | None = None,
    *,
    judgements: Judgements | None = None,
    ids: tuple[str | None, str | None] = (None, None),
    threshold: float | None = None,
) -> Match:
    """Compare two names (any script) and return a calibrated, explained ``Match``.

    ``evidence`` is an optional (evidence of a, evidence of b) pair; ``judgements`` lets analysts'
    confirm/reject decisions override the computed score for that pair.
    """
    pa, pb = profile(a), profile(b)
    if judgements is not None:
        verdict = judgements.lookup(pa.name.original, pb.name.original, ids[0], ids[1])
        if verdict is not None:
            return verdict.as_match(stratum(pa.compact.script, pb.compact.script))
    return compare_profiles(pa, pb, evidence, threshold=threshold)
