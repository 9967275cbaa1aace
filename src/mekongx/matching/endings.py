"""How the words of a Thai name end: on a stop (-k, -t, -p) or open (a vowel or n, m, ng, w, y).

Thai passport spellings drop or blur much (tone, vowel length, aspiration, r/l), and the phonetic
key drops every final stop, because the reader and a Latin spelling often disagree on which
syllable a stop closes (Ratchanok: rat-cha or ra-tcha). The end of a word is not in doubt:
a Latin spelling that ends on a stop (Narit, Chakkrit) is not a spelling of a word that ends
open in every reading (นารี na-ri, จักรี chak-kri), nor the other way round. ``ending`` gives
"stop" or "open" when every reading of a word agrees, else "" (either may be written:
ภักดิ์ phak or Pakdi, ชาติ chat or Chati).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mekongx.matching import thai, thai_compounds
from mekongx.matching.keys import ascii_fold
from mekongx.matching.names import Name, thai_table_rows
from mekongx.matching.normalize import Script

STOP, OPEN = "stop", "open"
_SILENT_E = re.compile("[aeiou][bcdfghjklmnpqrstvwxz]e$")
_LETTERS = re.compile("[^a-z]")


def _of_syllable(syl: str) -> str:
    return STOP if syl and syl[-1] in "ktp" else OPEN


@lru_cache(maxsize=100_000)
def latin_ending(word: str) -> str:
    """How a Latin spelling of a Thai word ends (silent e dropped: Pote, Udomchoke end on t, k)."""
    w = _LETTERS.sub("", ascii_fold(word).lower())
    if _SILENT_E.search(w):
        w = w[:-1]
    if not w:
        return ""
    if w.endswith(("nt", "nd")):
        return ""  # -non written -nont (Chearavanont, Chutimont): the silent ท/ต of นท์/นต์
    if w.endswith("ng"):
        return OPEN
    if w[-1] == "h":  # th, dh, ch, ph are stops; h after a vowel is a short or glottal vowel
        return STOP if w[-2:] in ("th", "dh", "ch", "ph") else OPEN
    return STOP if w[-1] in "tdkpbcgjsxq" else OPEN


@lru_cache(maxsize=100_000)
def thai_ending(word: str) -> str:
    """How a Thai word ends in all its readings (pronunciation, formal, spelling, by name words,
    published Latin forms), or "" when they differ.

    A word with a cancelled letter (◌์) or a final short i/u counts as either: which letters it silences, and whether
    a final before it is sounded, varies by word (จันทร์ chan, ภัทร์ phat, สิริกิติ์ Sirikit)."""
    if "\u0e4c" in word or word.endswith(("\u0e34", "\u0e38")):
        return ""  # … and a final short i/u is often not written (นิรุตติ Nirut, วุฒิ Wut)
    # the calls of names.thai_word_keys, argument for argument, so that the reader's cache answers
    readings = [
        thai.syllables(word),
        thai.syllables(word, linked=True),
        thai.syllables(word, spelling=True),
        thai.syllables(word, spelling=True, linked=True),
    ]
    if "ฤ" in word:
        readings += [thai.syllables(word, rue=True), thai.syllables(word, linked=True, rue=True)]
    ends = {_of_syllable(syl[-1]) for syl in readings if syl}
    for _, last in thai_compounds.splits(word):
        if syl := thai.syllables(last):
            ends.add(_of_syllable(syl[-1]))
    if "ฤกษ์" in word:
        ends.add(STOP)
    for row in thai_table_rows(word):
        ends.update(latin_ending(v) for v in row["latin"].split("|"))
    return ends.pop() if len(ends) == 1 else ""


def endings(name: Name) -> tuple[str, ...]:
    """One ending per word of a name written in Thai or Latin letters only, else ()."""
    if name.han is not None or name.foreign_han is not None:
        return ()
    out = []
    for tok in name.tokens:
        if tok.script is Script.THAI:
            out.append(thai_ending(tok.text))
        elif tok.script is Script.LATIN:
            out.append(latin_ending(tok.text))
        else:
            return ()
    return tuple(out)
