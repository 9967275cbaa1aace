"""Index words that let a Latin query find Thai and Chinese text of the same sound.

Both sides are put in the names engine's phonetic key space (``mekongx.matching.keys``): each
Han character by its Mandarin reading, each Thai word by the engine's Thai readings, each Latin
word by its pinyin or romanised syllables. The index stores every syllable's key and every key of
two neighbouring syllables; a Latin query asks for the pairs of its own neighbouring syllables,
so "Lan Weihong" finds 兰卫红 and หลาน เว่ยหง, "Somsak" finds สมศักดิ์.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from mekongx.matching.keys import latin_key, latin_syllables, split_pinyin

__all__ = ["index_words", "query_slots"]

_HAN_RUN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+")
_THAI_WORD = re.compile(r"[\u0E01-\u0E4E]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_MAX_THAI_WORD = 14  # longer runs are sentences, not names: their readings would be noise


def word(key: str) -> str:
    """One key as an index word (letters and digits only)."""
    return "zzk" + key.encode().hex()


def _pair(a: str, b: str) -> str:
    return word(f"{a}.{b}")


def _keys_to_words(keys: Sequence[str]) -> set[str]:
    words = {word(k) for k in keys if k}
    words.update(_pair(a, b) for a, b in pairwise(keys) if a and b)
    return words


# A run's or a word's keys depend on it alone, and a node's texts repeat their words: each is
# read once (pypinyin and the Thai reader are most of the cost of indexing a document).
@lru_cache(maxsize=16384)
def _han_keys(run: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    return tuple(latin_key(s) for s in lazy_pinyin(run, style=Style.NORMAL, errors="ignore"))


@lru_cache(maxsize=16384)
def _thai_keys(thai_word: str) -> tuple[tuple[str, ...], ...]:
    from mekongx.matching.names import thai_word_keys

    return tuple(tuple(key.split(".")) for key in {k for _, k, _ in thai_word_keys(thai_word)})


def index_words(text: str) -> set[str]:
    """The phonetic index words of the Thai and Han text in ``text``."""
    words: set[str] = set()
    for run in _HAN_RUN.findall(text):
        words |= _keys_to_words(_han_keys(run))
    for thai_word in _THAI_WORD.findall(text):
        if len(thai_word) <= _MAX_THAI_WORD:
            for keys in _thai_keys(thai_word):
                words |= _keys_to_words(keys)
    return words


def _latin_keys(latin_word: str) -> list[list[str]]:
    """Syllable keys of one Latin word: as pinyin (Weihong = wei.hong) and as a romanised name
    (Somsak = som.sak), each once."""
    options: list[list[str]] = []
    pinyin = split_pinyin(latin_word)
    for syllables in (pinyin, latin_syllables(latin_word)):
        if syllables:
            keys = [latin_key(s) for s in syllables]
            if all(keys) and keys not in options:
                options.append(keys)
    return options


def query_slots(query: str) -> list[list[list[str]]] | None:
    """For a Latin query of at least two syllables: slots that must all be found, each a list of
    alternatives, each alternative a list of index words found together (a word's neighbouring
    syllables as pairs, read as pinyin or as a romanised name); else None."""
    latin = _LATIN_WORD.findall(query)
    if not latin or not query.isascii():
        return None
    slots: list[list[list[str]]] = []
    syllables = 0
    for latin_word in latin:
        options = _latin_keys(latin_word)
        if not options:
            return None
        syllables += max(len(o) for o in options)
        alternatives: list[list[str]] = []
        for keys in options:
            together = [_pair(a, b) for a, b in pairwise(keys)] or [word(keys[0])]
            if together not in alternatives:
                alternatives.append(together)
        slots.append(alternatives)
    return slots if syllables >= 2 else None
