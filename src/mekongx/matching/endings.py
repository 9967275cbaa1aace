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

from mekongx.matching import thai, thai_compounds, thai_finals, thai_vowels, traditional
from mekongx.matching.keys import ascii_fold
from mekongx.matching.lao import LAO
from mekongx.matching.names import Name, thai_table_rows
from mekongx.matching.normalize import Script
from mekongx.matching.outline import latin_outline, shape
from mekongx.matching.thai_letters import respellings

STOP, OPEN = "stop", "open"
# a Latin word that ends on the vowel a (open), and a Thai word that ends on a stop before a
# cancelled letter, which a formal spelling may sound with an a (รัตน์ Rat or Ratana, ภัทร์ Bhadra)
OPEN_A, STOP_OR_A = "a", "stop/a"
_SONORANT = "ยรวลนณมหญฬ"
_STOP = "กขคฆจฉชซฎฏฐฑฒดตถทธบปพฟภศษส"
# a silent sonorant after a vowel or a sonorant (วัชรีย์, คำภีร์, วิบูลย์, อาดีละห์): the word ends as it
# sounds; a bare letter cancelled after a stop (ลักษณ์, กฤษณ์, วัฒน์, ธเนศร์); anything else
_SILENT_SONORANT = re.compile(f"(?<=[\u0e30-\u0e39\u0e40-\u0e44{_SONORANT}])[{_SONORANT}]\u0e4c")
# ... the stop a final: after a vowel sign, after ฤ, or after a consonant with a leading vowel;
# two letters cancelled only when the first is a stop too (ลักษณ์; in พงษ์ the ง is the final)
_AFTER_STOP = re.compile(
    f"(?:[\u0e30-\u0e39ฤ]|[\u0e40-\u0e44][ก-ฮ])[{_STOP}][\u0e48-\u0e4b]?[{_STOP}]?[ก-ฮ]\u0e4c$"
)
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
        if w[-2:] in ("th", "dh", "ch", "ph"):
            return STOP
        w = w[:-1]
    if w[-1] == "a":
        return OPEN_A
    return STOP if w[-1] in "tdkpbcgjsxq" else OPEN


@lru_cache(maxsize=100_000)
def _thai_readings(word: str) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Every reading of a Thai word (pronunciation, formal, spelling, by name words) as syllables,
    and its published Latin forms."""
    # the calls of names.thai_word_keys, argument for argument, so that the reader's cache answers
    readings = [
        thai.syllables(word),
        thai.syllables(word, linked=True),
        thai.syllables(word, spelling=True),
        thai.syllables(word, spelling=True, linked=True),
    ]
    if "ฤ" in word:
        readings += [thai.syllables(word, rue=True), thai.syllables(word, linked=True, rue=True)]
    for first, last in thai_compounds.splits(word):
        if tail := thai.syllables(last):
            readings += [(*head, *tail) for head in thai_compounds.head_readings(first)]
    for sound in respellings(word):  # ฤกษ์ roek, ปร pra (names.thai_word_keys)
        readings += [thai.syllables(sound), thai.syllables(sound, linked=True)]
    published = tuple(v for row in thai_table_rows(word) for v in row["latin"].split("|"))
    return tuple(r for r in readings if r), published


@lru_cache(maxsize=100_000)
def thai_ending(word: str) -> str:
    """How a Thai word ends in all its readings (pronunciation, formal, spelling, by name words,
    published Latin forms), or "" when they differ.

    A word with a cancelled letter (◌์) or a final short i/u counts as either: which letters it
    silences, and whether a final before it is sounded, varies by word (จันทร์ chan, สิริกิติ์
    Sirikit). Two kinds are known: a silent sonorant after a vowel or a sonorant says nothing
    (วัชรีย์ ends open: Watcharee, not Watcharit); a bare letter cancelled after a stop at the end is
    the stop or a formal a (``STOP_OR_A``: จักรกริศน์ Chakkrit or Kritsana, not Chakkri; วัฒน์ Wat
    or Wattana, not Wan)."""
    published = tuple(v for row in thai_table_rows(word) for v in row["latin"].split("|"))
    bare = _SILENT_SONORANT.sub("", word)
    if "\u0e4c" in bare:
        written = {latin_ending(v) for v in published}
        if _AFTER_STOP.search(bare) and "\u0e4c" not in bare[:-1] and written <= {STOP, OPEN_A}:
            return STOP_OR_A
        return ""
    if word.endswith(("\u0e34", "\u0e38")):
        return ""  # … and a final short i/u is often not written (นิรุตติ Nirut, วุฒิ Wut)
    readings, published = _thai_readings(word)
    ends = {_of_syllable(syl[-1]) for syl in readings}
    if "ฤกษ์" in word:
        ends.add(STOP)
    ends.update(OPEN if e == OPEN_A else e for e in map(latin_ending, published))
    return ends.pop() if len(ends) == 1 else ""


_SWAP = str.maketrans("ฏฎฑ", "ฎฏด")
# a letter cancelled by ◌์ inside a compound, or two after a consonant (ลักษณ์, จันทร์: ษณ, ทร); a
# consonant after a vowel sign closes that syllable and is sounded (พิมพ์ phim: only พ is silent)
_CANCELLED = re.compile("(?<=[ก-ฮ])[ก-ฮ]{2}\u0e4c|[ก-ฮ]\u0e4c")


@lru_cache(maxsize=100_000)
def thai_shape(word: str, kind: str = "thai") -> str:
    """A Thai word's ending and the consonant outlines of all its readings (``outline.py``);
    ``kind`` ``"lao"`` for a word written in Lao script (``outline.latin_outline``).

    Inside a compound a cancelled letter (◌์) silences one or two letters, and the reader may sound
    them (ลักษณ์นารา lak-na-ra): the word without the last or (after a consonant) the last two
    letters before each ◌์ is read too."""
    readings, published = _thai_readings(word)
    outlines = {latin_outline("".join(r), kind) for r in readings}
    if "\u0e4c" in word[:-1]:
        for n in (2, 3):  # the ◌์ and one letter, or two letters, before it

            def silent(m: re.Match[str], n: int = n) -> str:
                return m.group(0)[:-n]

            bare = _CANCELLED.sub(silent, word)
            if syl := thai.syllables(bare):
                outlines.add(latin_outline("".join(syl), kind))
    # ฏ and ฎ are written for each other in names (เจษฎา, เจษฏา), ฑ sounds d or th (บัณฑิต)
    if any(c in word for c in "ฏฎฑ"):
        swapped = word.translate(_SWAP)
        for syl in (thai.syllables(swapped), thai.syllables(swapped, linked=True)):
            if syl:
                outlines.add(latin_outline("".join(syl), kind))
    outlines.update(latin_outline(v) for v in published)
    # a word with published Latin forms is left to them: its vowels are not checked
    vowels = () if published else tuple(thai_vowels.thai(r, word) for r in readings)
    finals = "T" + thai_finals.thai_marks(word, published, readings)
    return shape(thai_ending(word), outlines, vowels, finals)


@lru_cache(maxsize=100_000)
def latin_shape(word: str) -> str:
    """A Latin word's ending, consonant outline and vowels, and those of the word without its
    traditional spelling habits (``traditional.respell``: Snidvongs as sanidvong), when it has
    any: either may be the Thai word's."""
    respelt = traditional.respell(word)
    if respelt is None:
        return shape(
            latin_ending(word),
            (latin_outline(word),),
            thai_vowels.latin(word),
            "L" + thai_finals.latin_marks(word),
        )
    ends = {latin_ending(word), latin_ending(respelt)}
    vowels = (thai_vowels.latin(word), thai_vowels.latin(respelt))
    return shape(
        ends.pop() if len(ends) == 1 else "",
        (latin_outline(word, "traditional"), latin_outline(respelt, "traditional")),
        ",".join(dict.fromkeys(vowels)) if all(vowels) else "",
        "L" + ",".join(dict.fromkeys(thai_finals.latin_marks(w) for w in (word, respelt))),
    )


def endings(name: Name) -> tuple[str, ...]:
    """One shape (ending and consonant outlines, ``outline.shape``) per word of a name written in
    Thai or Latin letters only, else ()."""
    if name.han is not None or name.foreign_han is not None:
        return ()
    out = []
    kind = "lao" if LAO.search(name.original) else "thai"
    for tok in name.tokens:
        if tok.script is Script.THAI:
            out.append(thai_shape(tok.text, kind))
        elif tok.script is Script.LATIN:
            out.append(latin_shape(tok.text))
        else:
            return ()
    return tuple(out)
