"""The blocking keys of a name: what a query looks up in the index (``blocking_keys``) and
what an entry is filed under (``filing_keys``; ``_Filer`` computes the same, faster, for a
build). Split from ``index.py``, which holds the postings and the search."""

from __future__ import annotations

import sys

from mekongx.matching.alignment import (
    FOREIGN_ONLY,
    LATIN_ONLY,
    Compact,
    CompactReading,
    Keys,
    dialect_spelt,
    foreign,
)
from mekongx.matching.keys import EXACT

_NO_VOWELS = str.maketrans(dict.fromkeys("aeiou"))


def _skeleton(key: str) -> str:
    return key.translate(_NO_VOWELS)


# A reading compared with Latin names only (the Cantonese and Hokkien readings of a name in
# characters) is filed under its keys with this prefix, and a Latin query looks there too: filed
# with the rest, the many spellings of a Chinese query's characters met the same spellings of every
# other Chinese entry, and those crowded the right Latin entry out of the candidates.
LATIN_ONLY_PREFIX = "d"
# … and the sound reading of an entry in characters that starts with a Chinese surname (洪森 read
# as Hun Sen, ``alignment.FOREIGN_ONLY``) with this one, looked up by a query that such a reading
# may meet. A query's own such reading is not looked up: its many sounds per character crowded the
# Chinese names it should find out of the candidates (王瑞 lost Wang Rui). So a Chinese query
# that starts with a surname finds a Burmese or Khmer name in Latin letters only through its
# Mandarin keys; the other way round is complete.
FOREIGN_ONLY_PREFIX = "f"


def blocking_keys(compact: Compact) -> set[str]:
    """Keys a query looks up: every part key, its consonant skeleton, part pairs; a Latin query
    also the keys of the Latin-only readings of the entries, and one that is no Chinese name the
    keys of their foreign-only readings."""
    out: set[str] = set()
    for keys, surname in compact.readings:
        if surname is None or surname < FOREIGN_ONLY:
            out |= _reading_keys(keys)
    extra: set[str] = set()
    if compact.script == "latin" and _chinese_surname_in(compact):
        extra |= {LATIN_ONLY_PREFIX + k for k in out}
    if foreign(compact):
        extra |= {FOREIGN_ONLY_PREFIX + k for k in out}
    return out | extra


def _chinese_surname_in(compact: Compact) -> bool:
    """May a Latin name be a Cantonese or Hokkien spelling (``alignment.dialect_spelt``)? The
    others (Somchai Jaidee, Chen Jianguo) need not look up the dialect readings' keys."""
    return dialect_spelt(compact)


def _apart(own: set[str], surname: int) -> set[str]:
    """The keys of a Latin-only or foreign-only reading, filed apart; a foreign-only reading under
    its part keys only (no skeletons, no pairs: it is one more reading of most Chinese names in
    characters, and those keys doubled the keys filed per name)."""
    if surname >= FOREIGN_ONLY:
        return {FOREIGN_ONLY_PREFIX + k for k in own if k[:2] == "k:"}
    return {LATIN_ONLY_PREFIX + k for k in own}


def filing_keys(compact: Compact) -> set[str]:
    """Keys an entry is filed under: those of ``blocking_keys``, a Latin-only reading's with
    ``LATIN_ONLY_PREFIX`` (``_Filer`` computes the same, faster)."""
    out: set[str] = set()
    for keys, surname in compact.readings:
        own = _reading_keys(keys)
        if surname is not None and surname >= LATIN_ONLY:
            own = _apart(own, surname)
        out |= own
    return out


def _blocking(alts: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a part that block: not those marked ``EXACT`` (a surname's pinyin, which its
    coarse key already finds; filed, they only reordered the candidates)."""
    return tuple(k for k in alts if k[:1] != EXACT)


def _reading_keys(keys: Keys) -> set[str]:
    out: set[str] = set()
    for alts in keys:
        for k in _blocking(alts):
            k = k.replace(".", "")
            out.add("k:" + k)
            if len(k) >= 4:
                out.add("c:" + _skeleton(k))
    if len(keys) >= 2:
        for x in _blocking(keys[0])[:2]:
            for y in _blocking(keys[1])[:2]:
                out.add("p:" + "|".join(sorted((x.replace(".", ""), y.replace(".", "")))))
    return out


_Part = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


class _Filer:
    """Files entries under their blocking keys (the same keys as ``filing_keys``).

    Identical key tuples are shared between entries (most names repeat surnames and syllables),
    and each distinct part's keys are worked out once.
    """

    def __init__(self) -> None:
        self._parts: dict[tuple[str, ...], _Part] = {}
        self._shapes: dict[Keys, Keys] = {}

    def _part(self, alts: tuple[str, ...]) -> _Part:
        got = self._parts.get(alts)
        if got is None:
            shared = tuple(sys.intern(k) for k in alts)
            bare = tuple(k.replace(".", "") for k in _blocking(shared))
            block: list[str] = []
            for k in bare:
                block.append("k:" + k)
                if len(k) >= 4:
                    block.append("c:" + _skeleton(k))
            got = self._parts[alts] = (shared, bare, tuple(dict.fromkeys(block)))
        return got

    def prepare(self, compact: Compact) -> tuple[Compact, tuple[str, ...]]:
        """The compact with shared tuples, and its blocking keys."""
        keys: set[str] = set()
        readings: list[CompactReading] = []
        for parts, surname in compact.readings:
            got = [self._part(alts) for alts in parts]
            own: set[str] = set()
            for part in got:
                own.update(part[2])
            if len(got) >= 2:
                for x in got[0][1][:2]:
                    for y in got[1][1][:2]:
                        own.add("p:" + (x + "|" + y if x <= y else y + "|" + x))
            if surname is not None and surname >= LATIN_ONLY:
                own = _apart(own, surname)
            keys.update(own)
            shape = tuple(part[0] for part in got)
            readings.append((self._shapes.setdefault(shape, shape), surname))
        shared = Compact(
            tuple(readings),
            compact.script,
            compact.rarity,
            compact.han,
            compact.endings,
            compact.non_chinese,
            compact.ordered,
            compact.shortened,
            compact.unreversed,
        )
        return shared, tuple(keys)
