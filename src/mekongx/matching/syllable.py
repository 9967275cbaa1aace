"""Syllable-by-syllable comparison in the shared key space.

A one-letter difference in the key space can be a spelling variant of one syllable (Wade-Giles
``chien`` / pinyin ``jian``: ``cien`` / ``cian``) or a different syllable altogether (``jian`` /
``yan``: ``cian`` / ``ian``; in Thai เจี้ยน / เยี่ยน). Letter edit distance cannot tell the two
apart; this module compares syllables as onset + rhyme and accepts a difference only when it is a
known variant of one Mandarin syllable: the keys that one pinyin syllable takes in Hanyu Pinyin,
in Wade-Giles (pypinyin's table) and in the Thai renderings of the RI49 and THC43 systems
(``data/pinyin_thai.yaml``) as the Thai reader reads them back. A Wade-Giles spelling whose key is
the key of another Mandarin syllable is left out (``jen`` for ``ren`` folds to the key of ``zhen``:
a bare Latin key cannot tell them apart); a Thai reading is kept even then, because Thai script
really does write both alike (เจีย is jia and jie).

The spelling variation of Thai names (RTGS against passport spellings) is folded by the key rules
themselves (``keys.py``), so a syllable that still differs in onset or rhyme is another syllable.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from mekongx.matching.keys import latin_key, pinyin_syllables

SAME = 1.0
VARIANT = 0.9  # a known spelling variant of the same syllable
HALF = 0.4  # onset or rhyme the same, the other different: another syllable
OTHER = 0.1  # nothing in common

_VOWEL_RUN = re.compile("[aeiou]+")


@lru_cache(maxsize=200_000)
def syllabify(key: str) -> tuple[str, ...]:
    """Syllables of a key: its own boundaries if it has them, else split around vowel runs.

    Between two vowels one consonant opens the next syllable and of several the first closes the
    previous one (``anuca`` -> ``a.nu.ca``, ``somcai`` -> ``som.cai``); ``N`` (ng) always closes.
    """
    if "." in key:
        return tuple(s for s in key.split(".") if s)
    runs = list(_VOWEL_RUN.finditer(key))
    if len(runs) < 2:
        return (key,) if key else ()
    cuts = []
    for left, right in pairwise(runs):
        cluster = key[left.end() : right.start()]
        if len(cluster) == 1 and cluster != "N":
            cuts.append(left.end())
        else:
            cuts.append(left.end() + 1)
    out, start = [], 0
    for cut in cuts:
        out.append(key[start:cut])
        start = cut
    out.append(key[start:])
    return tuple(out)


@lru_cache(maxsize=100_000)
def onset_rhyme(syl: str) -> tuple[str, str]:
    m = _VOWEL_RUN.search(syl)
    if m is None:
        return syl, ""
    return syl[: m.start()], syl[m.start() :]


@cache
def _mandarin_variants() -> dict[str, frozenset[str]]:
    """Syllable key -> the keys that are spelling variants of the same Mandarin syllable."""
    from pypinyin import Style
    from pypinyin.style import convert

    from mekongx.matching import thai
    from mekongx.matching.pinyin_thai import pinyin_to_thai

    native = {latin_key(syl) for syl in pinyin_syllables()}
    related: dict[str, set[str]] = {}

    def relate(a: str, b: str) -> None:
        if a and b and a != b:
            related.setdefault(a, set()).add(b)
            related.setdefault(b, set()).add(a)

    for syl in sorted(pinyin_syllables()):
        base = latin_key(syl)
        wg = convert(syl.replace("v", "ü"), Style.WADEGILES, strict=False)
        wg_key = latin_key(wg.replace("'", "").replace("v", "u"))
        # a Wade-Giles spelling that folds to the key of another syllable is no evidence
        # (jen for ren has the key of zhen)
        if wg_key not in native:
            relate(base, wg_key)
        thai_keys: set[str] = set()
        for tone in "1234":
            for system in ("thc43", "ri49"):
                try:
                    th = pinyin_to_thai([syl + tone], system)
                except ValueError:
                    continue
                for kwargs in ({}, {"chinese": True}, {"chinese": True, "hw": True}):
                    parsed = thai.syllables(th, **kwargs)
                    if len(parsed) == 1:
                        thai_keys.add(latin_key(parsed[0]))
        # Thai script writes this syllable so: whatever it reads as is a variant of the syllable,
        # even when it reads like another syllable (เจีย is both jia and jie)
        for k in thai_keys:
            relate(base, k)
            if wg_key not in native:
                relate(wg_key, k)
    return {k: frozenset(v) for k, v in related.items()}


@lru_cache(maxsize=500_000)
def similarity(a: str, b: str) -> float:
    """Similarity of two syllable keys: same, a variant, onset or rhyme the same, or neither."""
    if a == b:
        return SAME
    if b in _mandarin_variants().get(a, ()):
        return VARIANT
    oa, ra = onset_rhyme(a)
    ob, rb = onset_rhyme(b)
    return HALF if oa == ob or ra == rb else OTHER


# A syllable of a Chinese transcription (a Khmer, Burmese or Lao name written in characters and
# read as sound, ``sea_transcription.py``) against the syllable of the name in Latin letters or
# the script: Chinese writes a foreign syllable with the nearest Mandarin one, so the same onset and
# vowel with another nasal final or none (更 geng for the ken of Soken, 布 bu for Prum), or the same
# onset and final with o for u (速 su for the so of Soken, 坤 kun for Khon) or e for the eu of a
# Khmer or Lao spelling (the vowel ɨ, ə that Mandarin writes e: 文 wen for the voeun of Savoeun,
# 仁 ren for the roeun of Chamroeun; the eu row of the Lao table, 德 de, 勒 le, 瑟 se) are nearer
# than another syllable (``data/sources.yaml``). Not e for i: Chinese keeps them apart (the
# brothers Hun Manet and Hun Many, 洪玛尼, would meet: ma.ne / ma.ni)
NEAR = 0.7
_CLOSE_VOWELS = (frozenset({"o", "u"}), frozenset({"e", "eu"}))
_NASAL_OR_NONE = frozenset({"", "n", "N", "m"})


@lru_cache(maxsize=200_000)
def transcribed_similarity(a: str, b: str) -> float:
    """Similarity of a syllable of a Chinese transcription read as sound and a syllable of the
    name it transcribes: the Mandarin relation, and NEAR for one nasal final in place of another
    or none, or o in place of u or e in place of eu, never both."""
    base = similarity(a, b)
    if base >= VARIANT:
        return base
    oa, ra = onset_rhyme(a)
    ob, rb = onset_rhyme(b)
    if oa != ob or not ra or not rb:
        return base
    (va, ca), (vb, cb) = _vowel_coda(ra), _vowel_coda(rb)
    if ca not in _NASAL_OR_NONE or cb not in _NASAL_OR_NONE:
        return base
    if va == vb or (ca == cb and any({va, vb} <= pair for pair in _CLOSE_VOWELS)):
        return NEAR
    return base


def rhymes_kept(x: str, y: str) -> bool:
    """Are two keys of as many syllables the same but for onsets (man.te / wan.te)?"""
    xs, ys = syllabify(x), syllabify(y)
    return len(xs) == len(ys) and all(
        a == b or onset_rhyme(a)[1] == onset_rhyme(b)[1] for a, b in zip(xs, ys, strict=True)
    )


THAI_WEAK = 0.6  # a looser passport habit (แ written a: Sang for แสง; ั written u: Somluck)
# Vowels that Thai passports and the press write for one Thai vowel, as keys (``data/sources.yaml``):
# เ-ีย as ea/ia (Chearavanont, Kiat); เ-ือ, ึ, ื as uea/ua/ue/eu/u (Mueang, Muang, Rueng, Ruchupan);
# เ-า as ao/ow/ou (Paochinda, Prompow); ไ-/ใ- as ai/ei/ay.
_THAI_VOWELS: tuple[frozenset[str], ...] = (
    frozenset({"ia", "ea", "e"}),
    frozenset({"ua", "ue", "u"}),
    frozenset({"ao", "ou", "o"}),
    frozenset({"ai", "ei"}),
    frozenset({"iao", "eo", "ieo"}),  # เ-ียว as iao/eo/iew (Chaleo); Xinhua grid row "iaw iew eo"
)
_THAI_WEAK_VOWELS: tuple[frozenset[str], ...] = (
    frozenset({"a", "e"}),
    frozenset({"a", "u"}),
    frozenset({"eo", "ao"}),  # แ-ว written aow (Kaow for แก้ว)
)
_CODA = re.compile("[^aeiou]*$")
_NASALS = ("n", "m")


def _vowel_coda(rhyme: str) -> tuple[str, str]:
    m = _CODA.search(rhyme)
    assert m is not None
    return rhyme[: m.start()], rhyme[m.start() :]


@lru_cache(maxsize=500_000)
def thai_similarity(a: str, b: str) -> float:
    """Similarity of two syllable keys of a Thai name: the Mandarin relation, plus the vowel
    spellings that passports use for one Thai vowel (VARIANT) and the looser habits (THAI_WEAK)."""
    base = similarity(a, b)
    if base >= VARIANT:
        return base
    oa, ra = onset_rhyme(a)
    ob, rb = onset_rhyme(b)
    # a w before u is not kept in a key (pinyin wu is u): Chutiwun's wun is the w and u of -วรรณ
    wu = {oa, ob} == {"", "w"} and (ra if not oa else rb)[:1] == "u"
    if oa != ob and not wu:
        return base
    (va, ca), (vb, cb) = _vowel_coda(ra), _vowel_coda(rb)
    if ca != cb:
        return base
    pair = {va, vb}
    if any(pair <= group for group in _THAI_VOWELS) and not wu:
        return VARIANT
    if pair == {"a", "u"} and ca in _NASALS:
        # the English u of "sun" for a short a before n or m (Tum for ตั้ม, Chutiwun for
        # ชุติวรรณ, Pattarapun for ภัทรพรรณ): the vowels of the words (``thai_vowels``) say
        # where a is short
        return VARIANT
    if pair == {"e", "ai"} and ca:
        # a closed เ written ai (Aim for เอม, an English habit): no Thai ai is closed
        return VARIANT
    if wu:
        return base
    if any(pair <= group for group in _THAI_WEAK_VOWELS):
        return THAI_WEAK
    return base
