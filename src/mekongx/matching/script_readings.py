"""Readings of names in Myanmar, Khmer and Lao script, as parts in the shared key space.

A Myanmar-script name is read one part per syllable (with and without its courtesy word), a
Khmer-script one one part per word, compared syllable by syllable; a Lao-script name, which the
normaliser has rewritten as Thai letters and ``names.py`` reads as Thai, is also read one part
per syllable when it is written as one word.
"""

from __future__ import annotations

import re

from mekongx.matching import burmese, khmer
from mekongx.matching.keys import latin_key
from mekongx.matching.reading import Reading, make_reading, syl_key

LAO = re.compile("[\u0e80-\u0eff]")


def lao_syllable_reading(word: Reading) -> list[Reading]:
    """A Lao name written as one word (ບຸນອຸ້ມ Boun Oum: Lao script writes a name's words
    together) also one part per syllable, as its Chinese transcription (文翁) and Latin spelling
    have them: the syllables of the first reading, and of every other reading with as many."""
    first = word.keys[0][0].split(".")
    if len(first) < 2:
        return []
    pieces = [k.split(".") for k in word.keys[0] if len(k.split(".")) == len(first)]
    parts = [
        [(word.parts[0], key, "thai") for key in dict.fromkeys(p[i] for p in pieces)]
        for i in range(len(first))
    ]
    r = make_reading("thai", parts)
    return [r] if r else []


def burmese_readings(words: list[str]) -> list[Reading]:
    """A name in Myanmar script, one part per syllable (သိန်းစိန် thein / sein), and without its
    courtesy word when it starts with one (ဦးသိန်းစိန် is also သိန်းစိန်)."""
    syls = [alts for w in words for alts in burmese.word_spellings(w)]
    out: list[Reading | None] = []
    for start in range(burmese.honorific_count(words) + 1):
        parts = [[(a, latin_key(a), "burmese") for a in alts] for alts in syls[start:]]
        out.append(make_reading("burmese", parts))
    return [r for r in out if r is not None]


def khmer_readings(words: list[str]) -> list[Reading]:
    """A name in Khmer script, one part per word, each compared syllable by syllable; when a
    word is two words written together (``khmer.compound_parts``: គឹមហួន Kim Hourn, as Khmer
    writes a two-syllable given name), also once with that word as two parts."""
    per_word = [khmer.word_alternatives(w) for w in words]
    parts = [[(shown, syl_key(syls), "khmer") for shown, syls in alts] for alts in per_word]
    out = [make_reading("khmer", [p for p in parts if p])]
    split = [khmer.compound_parts(w) for w in words]
    if any(split):
        pieces = [sp if sp else [alts] for sp, alts in zip(split, per_word, strict=True)]
        out.append(
            make_reading(
                "khmer",
                [
                    [(shown, syl_key(syls), "khmer") for shown, syls in alts]
                    for word in pieces
                    for alts in word
                    if alts
                ],
            )
        )
    return [r for r in out if r is not None]
