"""How two parts of two names compare: each part's alternative keys against the other's, key
against key syllable by syllable (split from ``alignment.py``, which lines the parts up)."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from mekongx.matching.syllable import VARIANT, syllabify, thai_similarity, transcribed_similarity
from mekongx.matching.syllable import similarity as syllable_similarity


@lru_cache(maxsize=1_000_000)
def key_similarity(x: str, y: str, thai: bool = False, sounded: int = 0) -> float:
    """Similarity of two part keys, syllable by syllable when they have as many syllables.

    Syllables are compared as onset + rhyme (``syllable.similarity``): "jian"/"yan" is another
    syllable, not one letter off; the mean and the worst syllable count equally. Keys with
    different numbers of syllables fall back to letter edit distance. ``thai``: both names read
    as Thai, so Thai passport vowel spellings count as variants too (``syllable.thai_similarity``).
    ``sounded``: one of them is the sound reading of a Chinese transcription, whose syllables may
    stand for a near one (``syllable.transcribed_similarity``) and be grouped otherwise
    (``_regrouped``); its bits say which (``SOUNDED_X``, ``SOUNDED_Y``; True is the first) and
    whether the pair is Burmese (``BURMESE``: regrouped, but no near syllables).
    """
    return _key_similarity(x, y, syllabify(x), syllabify(y), thai, sounded)


def _key_similarity(
    x: str, y: str, xs: tuple[str, ...], ys: tuple[str, ...], thai: bool, sounded: int
) -> float:
    """``key_similarity`` of keys ``x`` and ``y`` of syllables ``xs`` and ``ys``, not cached."""
    if x == y or (thai and _degeminate(x) == _degeminate(y)):
        # Thai: the same letters cut elsewhere (sang.iam / sa.ngiam), or a consonant doubled
        # across a syllable boundary written once (tham.ma.nat / Thamanat, Kittiratt / Kitirat)
        return 1.0
    return _similar(xs, ys, x.replace(".", ""), y.replace(".", ""), thai, sounded)


def _similar(
    xs: tuple[str, ...], ys: tuple[str, ...], xl: str, yl: str, thai: bool, sounded: int
) -> float:
    """``_key_similarity`` of two keys that are not the same (nor, for Thai, the same once
    degeminated), from their syllables ``xs``, ``ys`` and their letters ``xl``, ``yl`` (the keys
    without their dots): ``part_sim`` compares each key of one part with every key of the other,
    and takes each key's syllables and letters from ``_part_keys`` (a first query's key pairs are
    four in five new: a cache of pairs would not pay)."""
    n = len(xs)
    if n and n == len(ys):
        syl_sim = (
            thai_similarity
            if thai
            else transcribed_similarity
            if sounded and not sounded & BURMESE
            else syllable_similarity
        )
        if n == 1:  # one syllable each (the most frequent case): 0.5 * s + 0.5 * s is s
            return syl_sim(xs[0], ys[0])
        if xs == ys:
            return 1.0
        if n == 2:  # the next most frequent: the same sums as below, without a list's frame
            s0, s1 = syl_sim(xs[0], ys[0]), syl_sim(xs[1], ys[1])
            same = 0.5 * (s0 + s1) / 2 + 0.5 * (s1 if s1 < s0 else s0)
        else:
            sims = [syl_sim(a, b) for a, b in zip(xs, ys, strict=True)]
            same = 0.5 * sum(sims) / n + 0.5 * min(sims)
        if (
            sounded
            and same < 1.0 - REGROUP_COST
            and (
                (sounded & SOUNDED_X and _regroup_points(xs))
                or (sounded & SOUNDED_Y and _regroup_points(ys))
            )
        ):
            return max(same, _regrouped(xs, ys, sounded))
        return same
    if thai and n and ys and abs(n - len(ys)) == 1:
        return _syllable_alignment(xs, ys)
    regrouped = (
        _regrouped(xs, ys, sounded)
        if sounded
        and n
        and (
            (sounded & SOUNDED_X and _regroup_points(xs))
            or (sounded & SOUNDED_Y and _regroup_points(ys))
        )
        else 0.0
    )
    if xl == yl:
        return 1.0
    letters = float(Levenshtein.normalized_similarity(xl, yl))
    if sounded and not sounded & BURMESE and (n == 1) != (len(ys) == 1):
        # a transcription writes a character per syllable: one syllable against several shares
        # letters with them, not its sound (son.sen's sein in 索肯 so.kein, 0.67 of letters)
        letters = min(letters, ONE_AGAINST_SEVERAL)
    return regrouped if regrouped > letters else letters


ONE_AGAINST_SEVERAL = 0.5

# ``sounded`` of ``key_similarity``: which key is the sound reading of a transcription (the first,
# the second, or both; True is the first), and whether the pair is Burmese (a name known Burmese,
# ``alignment.ORDERED``: its syllables are regrouped, but not read as near ones)
SOUNDED_X, SOUNDED_Y, BURMESE = 1, 2, 4

# Syllables (keys) with which Chinese transcription writes a lone final consonant of a foreign
# name, the way Xinhua's transcription tables write a consonant with no vowel after it: 克 ke (格
# ge) k, 特 te (德 de) t, 普 pu (布 bu) p, 斯 si s, 姆 mu m, 尔 er r, 恩 en n and 勒 le l (the
# Arabic and Somali tables' l; ``data/sources.yaml``; 苏拉玛里特 Suramarit, 潘·索拉克斯). The value is
# the consonant as the key writes it after a vowel: nothing for a stop or s (keys drop a final k,
# t, p and s: Sorasak so.la.sa), n for r and l (keys write a final r or l n: Samal sa.man), m for m.
FINAL_CONSONANT_SYLLABLES = {
    "ke": "",
    "te": "",
    "pu": "",
    "si": "",
    "mu": "m",
    "en": "n",
    "le": "n",
}
# what regrouping a syllable costs: a final written as a syllable of its own joined to the one
# before it, or a final moved to open the next syllable (桑奥 sam.an for Samal sa.man)
REGROUP_COST = 0.1


@lru_cache(maxsize=200_000)
def _regroup_points(syls: tuple[str, ...]) -> bool:
    """May ``_regrouped`` find anything in a transcription's key: a final-consonant syllable after
    its first, or a syllable with no onset after one with a final? (Cached: each key is compared
    with many.)"""
    for k in range(1, len(syls)):
        if syls[k] in FINAL_CONSONANT_SYLLABLES:
            return True
        if syls[k][:1] in _VOWELS and syls[k - 1][-1:] not in _VOWELS:
            return True
    return False


_VOWELS = frozenset("aeiou")


def _closed(syl: str, final: str) -> str:
    """A syllable key with a final consonant (as the key writes it) added."""
    if not final or syl[-1:] not in _VOWELS:
        return syl  # a second final: keys keep one
    return syl + final


def _moved(a: str, b: str) -> tuple[str, str] | None:
    """Two syllables with the first one's final moved to open the second (sam.an -> sa.man), or
    None when the first has no final or the second has an onset."""
    if not b or b[0] not in _VOWELS or not a or a[-1] in _VOWELS or len(a) < 2:
        return None
    if a[-2] in _VOWELS:
        return a[:-1], a[-1] + b
    return None


@lru_cache(maxsize=200_000)
def _regrouped(xs: tuple[str, ...], ys: tuple[str, ...], sounded: int) -> float:
    """Similarity of two keys whose syllables may be grouped otherwise (``key_similarity``, a
    transcription's sound reading): a final-consonant syllable of the transcription
    (``FINAL_CONSONANT_SYLLABLES``) joined to the syllable before it, or a final moved to open the
    next syllable that has none (the transcription's key only: a Latin key's syllables are cut by
    ``syllabify``, not by characters), each at ``REGROUP_COST``; then syllable against
    syllable as for keys of as many syllables (the mean and the worst equally). 0.0 when no
    grouping makes as many syllables."""
    best = 0.0
    syl_sim = syllable_similarity if sounded & BURMESE else transcribed_similarity
    for gx in _groupings(xs, sounded & SOUNDED_X):
        for gy in _groupings(ys, sounded & SOUNDED_Y):
            if len(gx) != len(gy):
                continue
            sims = [
                syl_sim(a, b) - REGROUP_COST * (ca + cb)
                for (a, ca), (b, cb) in zip(gx, gy, strict=True)
            ]
            best = max(best, 0.5 * sum(sims) / len(sims) + 0.5 * min(sims))
    return max(0.0, best)


@lru_cache(maxsize=100_000)
def _groupings(syls: tuple[str, ...], transcribed: int) -> tuple[tuple[tuple[str, int], ...], ...]:
    """The syllables of a key as they stand and regrouped (``_regrouped``), each as (syllable,
    regrouped or not)."""
    out: list[tuple[tuple[str, int], ...]] = []

    def walk(k: int, done: tuple[tuple[str, int], ...], carry: str) -> None:
        if k == len(syls):
            out.append(done)
            return
        syl = carry + syls[k] if carry else syls[k]
        moved = int(bool(carry))
        walk(k + 1, (*done, (syl, moved)), "")
        nxt = syls[k + 1] if k + 1 < len(syls) else ""
        if transcribed and k + 1 < len(syls) and nxt in FINAL_CONSONANT_SYLLABLES:
            closed = _closed(syl, FINAL_CONSONANT_SYLLABLES[nxt])
            walk(k + 2, (*done, (closed, 1)), "")
        if transcribed and nxt and (pair := _moved(syl, nxt)) is not None:
            walk(k + 1, (*done, (pair[0], 1)), pair[1][: -len(nxt)])

    walk(0, (), "")
    return tuple(out)


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=500_000)
def _degeminate(key: str) -> str:
    return _DOUBLED.sub(r"\1", key.replace(".", ""))


@lru_cache(maxsize=200_000)
def _syllable_alignment(xs: tuple[str, ...], ys: tuple[str, ...]) -> float:
    """Similarity of two Thai keys with different numbers of syllables: an edit distance over
    syllables (a syllable more or less costs 1.5, a substitution 1 - its similarity), so that
    สมศักดิ์ (som.sak.di spelt out) stays far from Somchai instead of sharing letters with it, and
    วีระ stays another name than วีระพงษ์."""
    n, m = len(xs), len(ys)
    dy = _indels(ys)
    sim = thai_similarity
    prev = [0.0]
    for d in dy:
        prev.append(prev[-1] + d)
    for x, dx in zip(xs, _indels(xs), strict=True):
        left = prev[0] + dx
        cur = [left]
        for y, dy_j, diagonal, above in zip(ys, dy, prev, prev[1:], strict=False):
            # the same sums as a textbook table, in the same order: identical figures (the
            # smallest of the three found by comparisons, not by a call of min; the row's
            # cells by zip, not by index; ``prev`` has one cell more, its last)
            best = diagonal + 1.0 - sim(x, y)
            other = above + dx
            if other < best:
                best = other
            other = left + dy_j
            left = other if other < best else best
            cur.append(left)
        prev = cur
    return max(0.0, 1.0 - prev[m] / max(n, m))


_INDEL = 1.5
# a syllable of one consonant and a: the linking syllable of a formal reading (ธรรม-ม-ศักดิ์,
# ธเนศ-ส-พล) or a silent letter sounded, which spellings keep or drop
_INDEL_LINK = 1.0
_LINK_SYLLABLE = re.compile("[^aeiou]{1,2}a")


@lru_cache(maxsize=100_000)
def _indels(syls: tuple[str, ...]) -> tuple[float, ...]:
    """What dropping each syllable of a key costs (``_syllable_alignment``)."""
    return tuple(_INDEL_LINK if _LINK_SYLLABLE.fullmatch(syl) else _INDEL for syl in syls)


@lru_cache(maxsize=500_000)
def syllables_equal(x: str, y: str, thai: bool = False) -> tuple[int, int]:
    """(syllables the same or spelling variants, syllables compared) for two part keys."""
    xs, ys = syllabify(x), syllabify(y)
    if len(xs) == len(ys) and len(xs) > 1:
        syl_sim = thai_similarity if thai else syllable_similarity
        same = sum(syl_sim(a, b) >= VARIANT for a, b in zip(xs, ys, strict=True))
        return same, len(xs)
    return (1, 1) if x.replace(".", "") == y.replace(".", "") else (0, 1)


@lru_cache(maxsize=500_000)
def part_sim(
    ka: tuple[str, ...], kb: tuple[str, ...], thai: bool, sounded: int = 0
) -> tuple[float, int, int]:
    for i, x in enumerate(ka):  # a key in common: the first of ``ka`` that ``kb`` has
        if x in kb:
            return 1.0, i, kb.index(x)
    # no key in common: each pair as ``_key_similarity`` would compare it past its first test
    # (for Thai, the keys the same once degeminated), in the same order, the first best kept
    best, bi, bj = -1.0, 0, 0
    sim = _similar
    kb_keys = _part_keys(kb, thai)
    for i, (xs, xl, xd) in enumerate(_part_keys(ka, thai)):
        for j, (ys, yl, yd) in enumerate(kb_keys):
            if thai and xd == yd:
                return 1.0, i, j
            s = sim(xs, ys, xl, yl, thai, sounded)
            if s > best:
                best, bi, bj = s, i, j
                if s == 1.0:
                    return best, bi, bj
    return best, bi, bj


@lru_cache(maxsize=100_000)
def _part_keys(part: tuple[str, ...], thai: bool) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """Each key of a part as (its syllables, its letters, for Thai its letters degeminated): a
    part is compared with many (cached: the query's parts meet every candidate's, and a
    candidate's are common names' parts)."""
    return tuple((syllabify(k), k.replace(".", ""), _degeminate(k) if thai else "") for k in part)
