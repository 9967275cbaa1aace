"""The vowels of a Thai name word against those of a Latin spelling: passport habits allowed,
clearly different vowels refused.

Thai passports write vowels loosely: length is not written (i/ee, u/oo), แ is ae, a or e, เ-ือ is
uea, ua or eu, ไ- is ai or ay, เ-า ao or ow, a short a may be u (Julapun, Pramud), an a-e with a
silent e sounds e (Prawase, Ramate), and the reader cannot always tell a from o where Thai writes
neither (กมล ka-mon, พงษกร phong-sa-kon). Beyond those habits the vowel a word sounds is written:
ชุลี is not Chali, สุวิท is not Sawit, จรูญ is not Jaran, อภิสรา is not Apassara. The phonetic key
drops vowel quality for the sake of Chinese names; ``conflict`` in ``outline.py`` uses
``distance`` below to say when a Thai word and a Latin word sound different vowels.

A word's vowels are its syllable nuclei in order, ``.``-separated: for a Thai word one sequence per
reading, in RTGS (``kaeo.ma.ni``); for a Latin word the runs of vowel letters (a y or w that ends
a run belongs to it: Kaew, Chay), ``_`` after a run that a silent e follows and ``e?`` for that e.
The correspondences were written from the spelling habits above and checked on the annotated
names of nozomiyamada/thai_romanization (dev part) and the train split of the real Thai persons:
of 3,537 annotated dev spellings 3 are refused (jiranat for จิรานุช, sawek for เสวก, Aimwika for
เอมวิกา), of 164 real words 4 (Tawin for เทวินทร์, Ariya for เอรียา, Ong for อึ้ง, McIntyre).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mekongx.matching.keys import ascii_fold

_LETTERS = frozenset("aeiou")
# เ in a closed syllable (เจน chen, เพ็ญ phen, ธเนศ tha-net) is written e; only an open เ is also
# written a (Tawin for เทวินทร์, Ariya for เอรียา), and a closed one ai in Aim (เอม, an English habit)
CLOSED_E = "e-"
# the last syllable of a word that ends on a consonant and ร (พร, ภรณ์: phon, Porn) sounds o, one
# that ends on รร or ั and n (พรรณ, พันธ์: phan, Pun) sounds a: whatever else a and o share where
# Thai writes no vowel, -pan is not พร and -porn is not พรรณ (เบญจภรณ์ is not Benjapan)
STRICT_O, STRICT_A = "o!", "a!"
# an a that ends its syllable in every sense of the reading (คณา kha-na, ชา cha, สนิ sa-ni): the
# English u of "sun" writes a short a in a closed syllable (Julapun, Pramud, Nut for ณัฐ), never an
# open one (RTGS, sources.yaml): คณาวุฒิ is not Kunawut, ชาลี not Chuli, สนิศา not Sunisa
OPEN_A = "a'"
# ... nor a long a (า) in a closed syllable: the u of "sun" is a short vowel, and RTGS and passports
# write า a (Karn, Charn, Nart; Royal Institute vowel table, sources.yaml): สินีนาฏ si-ni-nat is not
# Sineenut (สินีนุช), ศิรินาฎ not Sirinut. Marked on a word's last syllable, where the letters
# show it: า, one final consonant and what ◌์ silences after it (นาฏ, กานต์, ราช)
LONG_A = "a:"
_ENDS_LONG_A = re.compile("\u0e32[ก-ฮ](?:[ก-ฮ]{0,2}[\u0e34\u0e38]?\u0e4c)?$")
# ... and on a word's first syllable, where า after its first consonant (or two) shows it
_STARTS_LONG_A = re.compile("^[ก-ฮ]{1,2}[\u0e48-\u0e4b]?\u0e32")
_ENDS_ON = re.compile("[ก-ฮ](?<!ร)ร(?:[ก-ฮ][\u0e34\u0e38]?\u0e4c)?$")
# ... and so does one that ends on two bare consonants, the second น or ณ (ประพนธ์ pra-phon, ปพน
# pa-phon, สกนธ์ sa-kon, ภคมณ pha-kha-mon): -phan is not ประพนธ์
_ENDS_BARE_ON = re.compile("(?<![เแโใไ])[ก-ฮ](?<![รวอ])[นณ](?:[ก-ฮ]{1,2}[\u0e34\u0e38]?\u0e4c)?$")
_ENDS_AN = re.compile("(?:รร|\u0e31[นณญรล])(?:[ก-ฮ]{1,2}[\u0e34\u0e38]?\u0e4c|[นณ])?$")
_QUALITY = {"a": "A", "e": "E", "i": "I", "o": "O", "u": "U"}
# what a Thai nucleus (RTGS) may be written with, beyond its own letters: the reader's a and o
# where Thai writes no vowel; ue written u, eu, oe or i (ฤ ri); ia written i, ie, ea; แ a or e …
_THAI = {
    "a": "AO",
    OPEN_A: "AO",
    LONG_A: "AO",
    "o": "OA",
    "e": "EA",
    CLOSED_E: "E",
    "ue": "UEIO",
    "oe": "OEU",
    "ia": "IEA",
    "uea": "UEA",
    "ua": "UOA",
    "ae": "AE",
    STRICT_O: "O",
    STRICT_A: "A",
}
# Latin runs that write one Thai vowel only: a long or short i, a long or short u
_LATIN = {"ee": "I", "ii": "I", "i": "I", "ie": "I", "ei": "I", "oo": "U", "ou": "U", "uu": "U"}
# a vowel before a consonant and a silent e: Prawase, Ramate (เ), Irene (ไอริณ: i), Pote, Udomchoke
_MAGIC = {"a": "E", "e": "I", "i": "A"}
_SILENT_E = re.compile("[aeiou][bcdfghjklmnpqrstvwxz]e$")
_NOT_LETTER = re.compile("[^a-z]")
# a silent e after a final n inside a word, the French habit of Lao spellings (Sonexay)
_SILENT_NE = re.compile("(?<=[aeiou]n)e(?=[^aeiouy])")
_NUCLEUS = re.compile("[aeiou]+")
OPTIONAL_E = "e?"
# the vowels of a Thai word and of its Latin spelling differ when they are this far apart
DIFFERENT = 1.0


def thai(syllables: tuple[str, ...], word: str = "") -> str:
    """The nuclei of one reading of a Thai word (RTGS syllables): ``("kaeo", "ma", "ni")`` ->
    ``"aeo.a.i"``; the e of a closed syllable is ``e-`` (``("chen", "chi", "ra")`` ->
    ``"e-.i.a"``), an a that ends its syllable is ``a'`` (``OPEN_A``), and the o or a of the last syllable of a ``word`` that ends on ร or on รร is
    ``o!`` or ``a!``."""
    nuclei = [
        CLOSED_E
        if m.group(0) == "e" and s[m.end() :]
        else OPEN_A
        if m.group(0) == "a" and not s[m.end() :]
        else m.group(0)
        for s in syllables
        if (m := _NUCLEUS.search(s))
    ]
    if word and len(nuclei) == len(syllables):
        # the syllable closed on n, last or before a formal linking one (เบญจภรณ์ ben-cha-phon-na)
        at = next((i for i in (-1, -2) if -i <= len(syllables) and syllables[i][-1:] == "n"), 0)
        if at and nuclei[at] == "o" and (_ENDS_ON.search(word) or _ENDS_BARE_ON.search(word)):
            nuclei[at] = STRICT_O
        elif at and nuclei[at] == "a" and _ENDS_AN.search(word):
            nuclei[at] = STRICT_A
        if nuclei[-1] == "a" and syllables[-1][-1:] not in "aeiou" and _ENDS_LONG_A.search(word):
            nuclei[-1] = LONG_A
        if nuclei[0] == "a" and syllables[0][-1:] not in "aeiou" and _STARTS_LONG_A.match(word):
            nuclei[0] = LONG_A
    return ".".join(nuclei)


@lru_cache(maxsize=200_000)
def latin(word: str) -> str:
    """The nuclei of a Latin spelling of a Thai word: ``"Kaewmanee"`` -> ``"aeo.a.ee"``."""
    w = _NOT_LETTER.sub("", ascii_fold(word).lower())
    silent = bool(_SILENT_E.search(w))
    if silent:
        w = w[:-1]
    w = _SILENT_NE.sub("nE", w)
    out: list[str] = []
    i = 0
    while i < len(w):
        c = w[i]
        if c == "E":
            out.append(OPTIONAL_E)
            i += 1
            continue
        # y after a consonant is a vowel unless a vowel follows (Wy, Sky; Nattaya)
        glide = c == "y" and i and w[i - 1] not in _LETTERS and w[i + 1 : i + 2] not in _LETTERS
        if c in _LETTERS or glide:
            j = i + 1
            while j < len(w) and w[j] in _LETTERS:
                j += 1
            run = w[i:j].replace("y", "i")
            if j < len(w) and w[j] in "yw" and (j + 1 == len(w) or w[j + 1] not in _LETTERS):
                run += "i" if w[j] == "y" else "o"  # Chay, Kaew: a glide that ends the vowel
                j += 1
            out.append(run)
            i = j
        else:
            i += 1
    if silent and out:
        out[-1] += "_"
        out.append(OPTIONAL_E)
    return ".".join(out)


def _of_thai(nucleus: str) -> frozenset[str]:
    return frozenset(_THAI.get(nucleus) or "".join(_QUALITY[c] for c in nucleus))


@lru_cache(maxsize=4096)
def _of_latin(run: str) -> frozenset[str]:
    magic = ""
    if run.endswith("_"):
        run = run[:-1]
        magic = _MAGIC.get(run[-1], "")
    return frozenset((_LATIN.get(run) or "".join(_QUALITY[c] for c in run)) + magic)


@lru_cache(maxsize=16_384)
def _fits(nucleus: str, run: str) -> bool:
    """May a Latin run write this Thai nucleus?"""
    if run == OPTIONAL_E:
        return "E" in _of_thai(nucleus)
    written = _of_latin(run)
    # a short a written u, the English u of "sun" (Julapun, Pramud, Tum), never oo, ou or ue, which
    # write u and ue (จรูญ Charoon, บุญ Boon; Suwannapoom for ภูมิ): จรัญ is not Charoon, นรเทพ not
    # Naruethep; เอม written Aim
    return (
        bool(_of_thai(nucleus) & written)
        or (nucleus in ("a", STRICT_A) and run.rstrip("_") == "u")
        or (nucleus == CLOSED_E and run == "ai")
    )


def _split_fits(first: str, second: str, run: str) -> bool:
    """Two Thai nuclei written as one run of vowel letters (ศรีอุบล Sriubon, สิริอร Sirion)."""
    run = run.rstrip("_")
    return run != OPTIONAL_E and any(
        _fits(first, run[:k]) and _fits(second, run[k:]) for k in range(1, len(run))
    )


def _thai_indel(nucleus: str, first: bool = False) -> float:
    # a linking or implicit a, a short i or u after a stop (โชติรส Chotrot, วุฒิ Wut): often not
    # written; anything else is, and so is the i or u of a word's first syllable, which follows
    # no final it could be heard with (ตุลยวัต tun-la-ya-wat is not Tanyawat)
    if first and nucleus in ("i", "u"):
        return 1.0
    return 0.5 if nucleus in ("a", "i", "u", STRICT_A, OPEN_A, LONG_A) else 1.0


def _latin_indel(run: str) -> float:
    return 0.0 if run == OPTIONAL_E else 0.5 if run == "a" else 1.0


@lru_cache(maxsize=200_000)
def distance(thai_nuclei: str, latin_nuclei: str) -> float:
    """How far the vowels of a Thai reading are from a Latin spelling's (weighted edit distance:
    a Latin run that cannot write the Thai nucleus costs one, a dropped or added a half)."""
    ts, ls = thai_nuclei.split("."), latin_nuclei.split(".")
    rows = [[0.0]]
    for run in ls:
        rows[0].append(rows[0][-1] + _latin_indel(run))
    for i, t in enumerate(ts):
        prev = rows[-1]
        drop = _thai_indel(t, not i)
        cur = [prev[0] + drop]
        for j, run in enumerate(ls, 1):
            best = min(
                prev[j - 1] + (0.0 if _fits(t, run) else 1.0),
                prev[j] + drop,
                cur[j - 1] + _latin_indel(run),
            )
            if i and len(run) > 1 and _split_fits(ts[i - 1], t, run):
                best = min(best, rows[-2][j - 1])
            cur.append(best)
        rows.append(cur)
    return rows[-1][-1]
