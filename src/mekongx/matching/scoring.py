"""Syllable/part-level comparison of two names and the calibrated, explained match score."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mekongx.matching import calibration, thai_split
from mekongx.matching.alignment import (
    DIALECT_SYSTEMS,
    HAN_ONLY,
    LATIN_ONLY,
    Alignment,
    Compact,
    Keys,
    best_alignment,
    foreign,
)
from mekongx.matching.ending_costs import ending_conflicts, with_endings
from mekongx.matching.endings import endings
from mekongx.matching.evidence import Evidence, compare_evidence
from mekongx.matching.explain import Reason
from mekongx.matching.judgements import Judgements
from mekongx.matching.names import Name, Reading, parse_name, rarity, readings
from mekongx.matching.normalize import Script
from mekongx.matching.origin import non_chinese_word, order_fixed, order_not_reversed
from mekongx.matching.outline import conflict
from mekongx.matching.result import Decision, Match
from mekongx.matching.syllable import rhymes_kept


@dataclass(frozen=True, slots=True)
class Profile:
    """A parsed name with all its readings, and its compact form."""

    name: Name
    readings: tuple[Reading, ...]
    compact: Compact


def name_script(name: Name) -> str:
    if name.han or name.foreign_han:
        return "zh"
    # Myanmar and Khmer script are read into Latin spellings (burmese.py, khmer.py)
    latin = (Script.LATIN, Script.BURMESE, Script.KHMER)
    return "th" if name.script is Script.THAI else "latin" if name.script in latin else "other"


# readings merged with no other of their shape: alternative segmentations of one name, and the
# transcription's words of two, one and more syllables, whose parts keep their order
# (sea_transcription.word_shapes)
_OWN_SHAPE = frozenset(("latin-joined", "han-viet", "latin-short", "sea-transcription-words"))


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
        own = n if r.system in _OWN_SHAPE else -1
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
    fixed = order_fixed(name)
    unreversed = order_not_reversed(name)
    ordered = not_reversed = shortened = 0
    for r in rs:
        if r.keys not in seen:
            if fixed and all(s in fixed for s in r.system.split("+")):
                ordered |= 1 << len(seen)
            elif unreversed is None or (
                unreversed and all(s in unreversed for s in r.system.split("+"))
            ):
                not_reversed |= 1 << len(seen)
            if r.system == "latin-short":
                shortened |= 1 << len(seen)
            han_only = r.system == "han-viet" and r.surname is not None
            latin_only = r.surname is not None and r.system.split("+")[0] in DIALECT_SYSTEMS
            seen[r.keys] = (
                r.surname + HAN_ONLY
                if han_only and r.surname is not None
                else r.surname + LATIN_ONLY
                if latin_only and r.surname is not None
                else r.surname
            )
    compact = Compact(
        tuple(seen.items()),
        name_script(name),
        rarity(name),
        name.han,
        endings(name),
        non_chinese_word(name),
        ordered,
        shortened,
        not_reversed,
    )
    return Profile(name, rs, compact)


@lru_cache(maxsize=256)
def stratum(a: str, b: str) -> str:
    if a == b:
        return "same"
    pair = "-".join(sorted((a, b)))
    return pair if pair in calibration.STRATA else "same"


def _han_viet(c: Compact, i: int) -> bool:
    """Is reading ``i`` of the name its Hán-Việt reading (``alignment.HAN_ONLY``)?"""
    sur = c.readings[i][1]
    return sur is not None and HAN_ONLY <= sur < LATIN_ONLY


def han_viet_pair(ca: Compact, cb: Compact, found: tuple[Alignment, int, int]) -> bool:
    """Did the best alignment go through the Hán-Việt reading of one of the names?"""
    return _han_viet(ca, found[1]) or _han_viet(cb, found[2])


def features(ca: Compact, cb: Compact, al: Alignment, han_viet: bool = False) -> tuple[float, ...]:
    """``han_viet``: the names met through the Hán-Việt reading of one of them. The rarity of the
    other, in characters, is then that of a Chinese name (阮 is rare in China), not of the
    Vietnamese one (Nguyễn is the family name of about two Vietnamese in five), so it gives no
    bonus: 阮氏金银 / Nguyễn Văn An scored 0.93 on the surname alone."""
    rare = _rare(ca, cb)
    if han_viet:
        rare = min(rare, 1.0)
    han_same, han_diff = _han_same_diff(ca, cb)
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


# A part no nearer than one syllable of two met and the other another syllable (0.5 x (1 + 0.4)
# / 2 + 0.5 x 0.4: su.ka / so.ken)
WEAK_PART = 0.55


def weak_surname(
    ca: Compact, cb: Compact, found: tuple[Alignment, int, int], al: Alignment
) -> Alignment:
    """The alignment ``al`` (of ``found``'s readings) with its surname no nearer than its weakest
    part when one name is in characters, the other is no Chinese name (``alignment.foreign``) and
    a part is at ``WEAK_PART`` or less: read as a Chinese name (苏 su, a surname) a transcription
    met another person's name on its first word alone (苏索卡 Sar Sokha against Sok Soken 0.89,
    the given names sua.ka / so.ken). A transcription's syllables meet the ones they stand for at
    0.7 or more (``syllable.transcribed_similarity``), so a true pair's parts stay above it; a part
    that differs in its onsets only keeps the surname: a character read in a southern dialect
    keeps its rhyme and changes its onset (万 wan, Cantonese maan, for the Van of Chea Vandeth,
    谢万迪, as 文 wen writes Bun)."""
    sur = al.surname_sim
    if sur is None or not al.min_sim <= WEAK_PART < sur or not _transcription_pair(ca, cb):
        return al
    _, ia, ib = found
    for i, j, sim, ai, bj in al.pairs:
        if sim == al.min_sim:
            x, y = ca.readings[ia][0][i][ai], cb.readings[ib][0][j][bj]
            if rhymes_kept(x, y):
                return al
    return al._replace(surname_sim=al.min_sim)


def _transcription_pair(ca: Compact, cb: Compact) -> bool:
    """One name in characters, the other no Chinese name (``alignment.foreign``)."""
    if ca.han is not None and cb.han is None:
        return foreign(cb)
    return cb.han is not None and ca.han is None and foreign(ca)


def _rare(ca: Compact, cb: Compact) -> float:
    rar = [r for r in (ca.rarity, cb.rarity) if r is not None]
    return min(max(min(rar) / 6.0, 0.0), 1.5) if rar else 1.0


def _han_same_diff(ca: Compact, cb: Compact) -> tuple[float, float]:
    both = bool(ca.han and cb.han)
    return float(both and ca.han == cb.han), float(both and ca.han != cb.han)


def probability_ceiling(ca: Compact, cb: Compact) -> float:
    """A probability that ``quick_probability(ca, cb)`` cannot exceed, from what is known before
    the names are aligned (script pair, rarity, characters): every similarity feature at its
    most (1), every count against at its least (0). The calibrated models are monotone in the
    similarities (``calibration.fit``), and the same sums in the same order with larger terms
    give a sum at least as large, so the bound is exact; 1.0 for a model that is not monotone."""
    return _ceiling(stratum(ca.script, cb.script), _rare(ca, cb), *_han_same_diff(ca, cb))


@lru_cache(maxsize=4096)
def _ceiling(pair: str, rare: float, han_same: float, han_diff: float) -> float:
    model = calibration.model(pair)
    x: list[float] = []
    for name, w in zip(calibration.FEATURES, model.weights, strict=True):
        if (name in calibration.MONOTONE and w < 0) or (name in calibration.ANTITONE and w > 0):
            return 1.0
        if name == "rare_match":  # rare * min_sim, min_sim at most 1
            x.append(rare)
        elif name in ("han_same", "han_diff"):  # known from the names alone
            x.append(han_same if name == "han_same" else han_diff)
        elif name in calibration.MONOTONE:
            x.append(1.0)
        elif name in calibration.ANTITONE:
            x.append(0.0)
        else:
            return 1.0
    return calibration.sigmoid(model.logit(tuple(x)))


def quick_probability(ca: Compact, cb: Compact) -> float:
    """Calibrated probability from names only, without building explanations."""
    found = best_alignment(ca, cb)
    if found is None:
        return 0.0
    al = weak_surname(ca, cb, found, with_endings(ca, cb, found))
    x = features(ca, cb, al, han_viet_pair(ca, cb, found))
    return calibration.sigmoid(calibration.model(stratum(ca.script, cb.script)).logit(x))


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
    for r in (ra, rb):
        if r.system == "latin-short":  # Nguyễn Văn An read as Nguyen An (``vietnamese.shortened``)
            out.append(Reason("middle_name_left_out", {"name": r.text}, "neutral"))
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
    al = weak_surname(ca, cb, found, with_endings(ca, cb, found))
    ra = next(r for r in pa.readings if r.keys == ca.readings[ia][0])
    rb = next(r for r in pb.readings if r.keys == cb.readings[ib][0])
    x = features(ca, cb, al, han_viet_pair(ca, cb, found))
    logit = calibration.model(st).logit(x)
    reasons = _reasons(ca, cb, al, ra, rb) if explain else []
    if explain:
        for nickname in (*pa.name.nicknames, *pb.name.nicknames):
            reasons.append(Reason("nickname_set_aside", {"nickname": nickname}, "neutral"))
        for i, j, _, ai, bj in ending_conflicts(ca, cb, found):
            ends = {"a": ra.alternatives[i][ai], "b": rb.alternatives[j][bj]}
            kind = conflict(ca.endings[i], cb.endings[j])
            code = {
                "ending": "ending_differs",
                "consonants": "consonants_differ",
                "both": "sounds_differ",
                "unlikely": "final_seldom",
            }.get(kind, "vowels_differ")
            reasons.append(Reason(code, ends, "against"))
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
    found = compare_profiles(pa, pb, evidence, threshold=threshold)
    # a Thai name written as one word against a Latin name of two (ภูมิพลอดุลยเดช Bhumibol
    # Adulyadej): the Thai word cut where the Latin writer may have put the space
    for one, two, first in ((pa, pb, True), (pb, pa, False)):
        if thai_split.one_word_against_two(one.name, two.name):
            for cut in thai_split.cuts(one.name.tokens[0].text):
                pc = profile(cut)
                pair = (pc, two) if first else (two, pc)
                other = compare_profiles(*pair, evidence, threshold=threshold)
                if other.probability > found.probability:
                    found = other
    return found
