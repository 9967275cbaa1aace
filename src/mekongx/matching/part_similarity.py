"""How two parts of two names compare: each part's alternative keys against the other's, key
against key syllable by syllable (split from ``alignment.py``, which lines the parts up)."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from mekongx.matching.syllable import VARIANT, syllabify, thai_similarity, transcribed_similarity
from mekongx.matching.syllable import similarity as syllable_similarity


@lru_cache(maxsize=1_000_000)
def key_similarity(x: str, y: str, thai: bool = False, sounded: bool = False) -> float:
    """Similarity of two part keys, syllable by syllable when they have as many syllables.

    Syllables are compared as onset + rhyme (``syllable.similarity``): "jian"/"yan" is another
    syllable, not one letter off; the mean and the worst syllable count equally. Keys with
    different numbers of syllables fall back to letter edit distance. ``thai``: both names read
    as Thai, so Thai passport vowel spellings count as variants too (``syllable.thai_similarity``).
    ``sounded``: one of them is the sound reading of a Chinese transcription, whose syllables may
    stand for a near one (``syllable.transcribed_similarity``).
    """
    return _key_similarity(x, y, syllabify(x), syllabify(y), thai, sounded)


def _key_similarity(
    x: str, y: str, xs: tuple[str, ...], ys: tuple[str, ...], thai: bool, sounded: bool
) -> float:
    """``key_similarity`` of keys ``x`` and ``y`` of syllables ``xs`` and ``ys``, not cached:
    ``part_sim`` compares each key of one part with every key of the other, and looks each
    key's syllables up once (a first query's key pairs are four in five new to the cache)."""
    if x == y or (thai and _degeminate(x) == _degeminate(y)):
        # Thai: the same letters cut elsewhere (sang.iam / sa.ngiam), or a consonant doubled
        # across a syllable boundary written once (tham.ma.nat / Thamanat, Kittiratt / Kitirat)
        return 1.0
    n = len(xs)
    if n and n == len(ys):
        syl_sim = (
            thai_similarity if thai else transcribed_similarity if sounded else syllable_similarity
        )
        if n == 1:  # one syllable each (the most frequent case): 0.5 * s + 0.5 * s is s
            return syl_sim(xs[0], ys[0])
        if xs == ys:
            return 1.0
        if n == 2:  # the next most frequent: the same sums as below, without a list's frame
            s0, s1 = syl_sim(xs[0], ys[0]), syl_sim(xs[1], ys[1])
            return 0.5 * (s0 + s1) / 2 + 0.5 * (s1 if s1 < s0 else s0)
        sims = [syl_sim(a, b) for a, b in zip(xs, ys, strict=True)]
        return 0.5 * sum(sims) / n + 0.5 * min(sims)
    if thai and n and ys and abs(n - len(ys)) == 1:
        return _syllable_alignment(xs, ys)
    x, y = x.replace(".", ""), y.replace(".", "")
    if x == y:
        return 1.0
    letters = float(Levenshtein.normalized_similarity(x, y))
    if sounded and (n == 1) != (len(ys) == 1):
        # a transcription writes a character per syllable: one syllable against several shares
        # letters with them, not its sound (son.sen's sein in 索肯 so.kein, 0.67 of letters)
        return min(letters, ONE_AGAINST_SEVERAL)
    return letters


ONE_AGAINST_SEVERAL = 0.5


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
    dy = [_indel(s) for s in ys]
    sim = thai_similarity
    prev = [0.0]
    for d in dy:
        prev.append(prev[-1] + d)
    for x in xs:
        dx = _indel(x)
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
def _indel(syl: str) -> float:
    return _INDEL_LINK if _LINK_SYLLABLE.fullmatch(syl) else _INDEL


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
    ka: tuple[str, ...], kb: tuple[str, ...], thai: bool, sounded: bool = False
) -> tuple[float, int, int]:
    for i, x in enumerate(ka):  # a key in common: the first of ``ka`` that ``kb`` has
        if x in kb:
            return 1.0, i, kb.index(x)
    best, bi, bj = -1.0, 0, 0
    sim = _key_similarity
    kb_syllables = [(y, syllabify(y)) for y in kb]
    for i, x in enumerate(ka):
        xs = syllabify(x)
        for j, (y, ys) in enumerate(kb_syllables):
            s = sim(x, y, xs, ys, thai, sounded)
            if s > best:
                best, bi, bj = s, i, j
                if s == 1.0:
                    return best, bi, bj
    return best, bi, bj
