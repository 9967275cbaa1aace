"""A Thai name written as one word against a Latin name of two.

Royal and noble names, and some given names, are written in Thai as one word and in Latin as two:
ภูมิพลอดุลยเดช Bhumibol Adulyadej, อุบลรัตน์ Ubol Ratana, ดำรงราชานุภาพ Damrong Rajanubhab,
กัลยาณิวัฒนา Galyani Vadhana (the en.wikipedia and th.wikipedia titles of these persons). Read as
one word, the letters where the two words meet are divided wrongly (ภูมิพลอดุลยเดช phu-mi-plo-
…); each word alone reads right. Nothing in the Thai letters says where the Latin writer put the
space, so the Thai word is cut at every place where a word can start and each cut is compared
with the Latin name as a Thai name of two words; the best cut counts.

Only a name of one Thai word against one of exactly two Latin words is cut, only in ``score``
(two names compared), never for the index keys, so screening costs nothing more. Written from
the seen rows of benchmarks/data/names_thai_real.csv (royal names, rt301-rt361) and the train
split; never from the held-out parts.
"""

from __future__ import annotations

from functools import lru_cache

from mekongx.matching.normalize import Script
from mekongx.matching.reading import Name

_CONSONANT = ("\u0e01", "\u0e2e")
_LEADING = "เแโใไ"
_CANCEL = "\u0e4c"  # ◌์: the letters it silences belong to the word before (รัตน์)
_NEEDS_FINAL = "\u0e31"  # ◌ั: its syllable closes on the next consonant
# the shortest piece (in letters) a cut may leave
_MIN_PIECE = 2


def one_word_against_two(a: Name, b: Name) -> bool:
    """Is ``a`` a single Thai word and ``b`` a name of exactly two Latin words?"""
    return (
        len(a.tokens) == 1
        and a.tokens[0].script == Script.THAI
        and len(b.tokens) == 2
        and all(t.script == Script.LATIN for t in b.tokens)
    )


@lru_cache(maxsize=10_000)
def cuts(word: str) -> tuple[str, ...]:
    """The word with a space at every place where a second name word can start: before a
    consonant or a leading vowel, not after a leading vowel or ◌ั, not before a silenced letter."""
    out = []
    for i in range(_MIN_PIECE, len(word) - _MIN_PIECE + 1):
        ch = word[i]
        if not (_CONSONANT[0] <= ch <= _CONSONANT[1] or ch in _LEADING):
            continue
        if word[i - 1] in _LEADING or word[i - 1] == _NEEDS_FINAL or _CANCEL in word[i : i + 3]:
            continue
        out.append(f"{word[:i]} {word[i:]}")
    return tuple(out)
