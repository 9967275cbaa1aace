"""How a word in Latin letters may be spelt otherwise than it sounds: the habits of Thai passport
spellings (an r that lengthens a vowel, English letters for Thai sounds) and a word that is the
spelling of a Chinese surname (Tan, Teo). ``names`` reads a Latin name with them."""

from __future__ import annotations

import re
from functools import lru_cache

from mekongx.matching import _data
from mekongx.matching.chinese_names import variant_targets, variant_to_pinyin
from mekongx.matching.keys import EXACT, ascii_fold, latin_key


def vowel_length_r(syls: tuple[str, ...]) -> tuple[str, ...] | None:
    """Syllables without an r that closes a syllable before another one (Bor-din, Char-oen):
    Thai passport spellings write r after a vowel to mark it long. None when there is none."""
    out = tuple(
        s[:-1] if i < len(syls) - 1 and len(s) > 2 and s[-1] in "rR" and s[-2] in "aeiouAEIOU"
        else s
        for i, s in enumerate(syls)
    )  # fmt: skip
    return out if out != syls else None


# English spelling habits in Thai passport names, each rewritten to the RTGS-like letters: eu for
# ue (Khaneungnuch), c for k before a/o/u (Camin), I for ai at the start (Irada for ไอลดา), and a
# final r that only lengthens the vowel (Litar for ลิตา)
_ENGLISH_HABITS = (
    (re.compile("eu(?=[^aeiou])", re.IGNORECASE), "ue"),
    (re.compile("^c(?=[aou])", re.IGNORECASE), "k"),
    (re.compile("^i(?=[^aeiou][aeiou])", re.IGNORECASE), "ai"),
    (re.compile("(?<=[^aeiou][aeiou])r$", re.IGNORECASE), ""),
    # ar for a long a at the start of a word (Arsa for อาสา), oa for โ (Soamsawali for โสมสวลี)
    (re.compile("^ar(?=[^aeiou])", re.IGNORECASE), "a"),
    (re.compile("oa(?=[^aeiou])", re.IGNORECASE), "o"),
)


@lru_cache(maxsize=100_000)
def english_habits(word: str) -> str:
    for pattern, repl in _ENGLISH_HABITS:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=100_000)
def surname_variants(word: str) -> tuple[tuple[str, str, str], ...]:
    """A Latin word read as the spelling of a Chinese surname: the pinyin it stands for (Tan,
    Teo: 陈 chen, 张 zhang), keyed exactly, and also coarsely unless the word is itself a pinyin
    surname (Tang: 唐, and Cantonese for 邓 deng; keyed coarsely, deng met 滕 teng, d = t);
    a pinyin surname that such spellings stand for, keyed exactly too (Chen meets Tan)."""
    folded = ascii_fold(word)
    pinyin_surname = folded in _data.surname_pinyin_share()
    out: list[tuple[str, str, str]] = []
    exact: list[tuple[str, str, str]] = []
    for py in variant_to_pinyin().get(folded, ()):
        exact.append((word, EXACT + py, "surname-variant"))
        if not pinyin_surname:
            out.append((word, latin_key(py), "surname-variant"))
    if pinyin_surname and folded in variant_targets():
        exact.append((word, EXACT + folded, "latin"))
    # the coarse keys first: an index files a name under the pairs of its parts' first two keys
    return (*out, *exact)
