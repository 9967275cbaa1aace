"""The consonants of a Thai name word, in order: an outline that passport spellings keep.

The phonetic key (``keys.py``) is coarse on purpose: it drops aspiration, voicing, final stops and
r/l, so that a Thai word, a Chinese name and their Latin spellings meet. Between a Thai word and a
Latin spelling of it much more survives: whatever habit a passport follows (Kaew, Keaw, Kaeo;
Phet, Pet, Petch), it writes each consonant the word sounds, in order. Two different Thai names
whose keys meet (ชิษณุพงศ์ / Witsanuphong, ชาลี / Chai, นิสรา / Nisa, อัดนัน / Anan) mostly differ
there. ``latin_outline`` gives that order of consonants for a Latin word, one letter per sound
class (``p t k c s m n N f l r w y``, ``_`` for a word that opens on a vowel); ``endings.py`` gives the outlines of a Thai word from each of
its readings, through the same function; ``distance`` compares them, cheaply where spellings of one
name differ (a cluster's or a silent r, h, y, w or t; s for a final t; final n written r or l; l for a ร after a
final, not after a vowel; r for a ล after a final or beside ai, not otherwise after a vowel).
At the start of a syllable the outlines keep voicing where Thai script and passports both do: บ and
ด are written b and d, ป and ต p and t (``_ONSETS``: บัญชา Bancha is not ปัญจะ Pancha).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from mekongx.matching import thai_finals, thai_vowels
from mekongx.matching.keys import ascii_fold

# longest first; what a passport writes for one Thai consonant sound
_UNITS = (
    ("tch", "c"), ("tsh", "c"), ("ch", "c"), ("sh", "c"), ("zh", "c"), ("j", "c"), ("ng", "N"),
    ("ph", "p"), ("bh", "p"), ("th", "t"), ("dh", "t"), ("kh", "k"), ("gh", "k"), ("ck", "k"),
    ("b", "p"), ("p", "p"), ("d", "t"), ("t", "t"), ("k", "k"), ("g", "k"), ("c", "k"),
    ("q", "k"), ("x", "s"), ("z", "s"), ("s", "s"), ("f", "f"), ("m", "m"), ("n", "n"),
    ("l", "l"), ("r", "r"), ("v", "w"), ("w", "w"), ("y", "y"), ("h", "h"),
)  # fmt: skip
# the units by their first letter, in the order above: only those can start at a letter, and the
# first of them that does is the first of ``_UNITS`` that does (a few tried, not all 34)
_UNITS_AT = {
    first: tuple(u for u in _UNITS if u[0][0] == first) for first in {u[0][0] for u in _UNITS}
}
_VOWELS = frozenset("aeiou")
# voicing, at the start of a syllable (not after n or m: Tinsulanonda, Chandra write ท as d). Modern
# and traditional spellings alike write บ b and ด d; modern ones write ป p, ต t and the aspirated
# พ ภ ผ, ท ธ ถ … p(h), t(h), traditional ones b(h), d(h) for those (Bhumibol ภูมิพล, Devakula
# เทวกุล). So a Latin b or d is บ, ด or an aspirated stop, never ป or ต; a Latin p or t is never บ
# or ด. A Thai reading (RTGS) marks บ B, ด D, ป P, ต X; a Latin word b, d; a Latin word with
# traditional habits (``traditional.respell``: Dharmasakti, ศักดิ์ as śakti) any stop V or Q.
_ONSETS = {
    "thai": {"b": "B", "d": "D", "p": "P", "t": "X"},
    "lao": {"b": "B", "d": "D", "p": "P", "t": "X"},
    "latin": {"b": "b", "d": "d", "bh": "b", "dh": "d"},
    "traditional": dict.fromkeys(("b", "bh", "p", "ph"), "V")
    | dict.fromkeys(("d", "dh", "t", "th"), "Q"),
}
_SILENT_E = re.compile("[aeiou][bcdfghjklmnpqrstvwxz]e$")

# adding or dropping one of these costs half: a linking or silent r or t, h of aspiration, y and w
# that are glides or vowels in one spelling and consonants in another. A ร that opens a syllable
# after a vowel in a Thai reading (``R``) is sounded and written (RTGS): a spelling without it costs
# a whole consonant (สุรกานต์ su-ra-kan is not Sukan); readings in which a ร is silent or closes a
# syllable are readings of their own (สุรกานต์ sun-kan, ศรี si)
_INDEL = {"r": 0.5, "C": 0.5, "R": 1.0, "Z": 1.0, "y": 0.5, "w": 0.5, "h": 0.5, "T": 0.5}
# ... but a final t (T) is cheap only before t, an affricate or s, where it closes one syllable
# and the next one's consonant sounds it again (Ratchanok, Kitsana); before a sonorant, p or k
# it costs a whole consonant (``_indel``)
_SONORANT_ONSETS = frozenset("nmlrRZCLwyN")
# one written for the other costs half: a final s for t (Thanes, ธเนศ), a final n written r or l,
# l for r (Somluck, สมรักษ์: Thai speakers say both as l), a final f for p (อัฟฟาน ap-fan)
_SUBSTITUTE = {
    frozenset("tT"): 0.0,  # a stop that closes one syllable or opens the next (Ratchanok)
    frozenset("sT"): 0.5,
    frozenset("st"): 0.5,
    frozenset("nr"): 0.5,
    frozenset("nl"): 0.5,
    frozenset("rl"): 0.5,
    frozenset("Cl"): 0.5,
    frozenset("pf"): 0.5,
    frozenset("nR"): 0.5,
    frozenset("nZ"): 0.5,
    frozenset("nC"): 0.5,
    frozenset("nL"): 0.5,
}
# ... but a ร that opens a syllable after a vowel in a Thai reading (``R``) is r, and l for it costs
# a whole consonant (no ``rl`` entry): มาริสา is not Malisa (มาลิษา), นุจรี not Nuchali (นุชลี). RTGS
# and the annotated spellings write it r (sources.yaml); l for a ร after a final stays half
# (Somluck, สมรักษ์ som-rak). Likewise a ล that opens a syllable after a vowel (``L``) is l, and r
# for it costs a whole consonant: มาลิษา is not Marisa, นุชลี not Nuchari; beside the diphthong ai
# r for ล stays half (ไอลดา Irada, อาจวิไล Arjvirai: a dev spelling and a real person write it so)
# a final and the consonant that opens the next syllable, written once or twice: Ratchanok,
# Tassana; อัฟฟาน ap-fan Affan; ล and ร that close one syllable as n and open the next (ชลดา
# Chonlada or Chalada, พลรัตน์ Phonlarat)
_ONE_SOUND = (
    frozenset(
        (
            ("T", "t"),
            ("T", "c"),
            ("T", "s"),
            ("p", "f"),
            ("n", "l"),
            ("n", "r"),
            ("n", "R"),
            ("n", "Z"),
            ("n", "C"),
            ("n", "L"),
        )
    )
    | {("T", x) for x in "XDQd"}
    | {("p", x) for x in "PBVb"}
)
# the outlines of a Thai word and of its Latin spelling differ when they are this far apart
DIFFERENT = 1.0
# a budget over weak differences: a consonant and a vowel difference that are each a cheap variant
# alone (r for l, a dropped linking ra, a dropped a) together make another name when their distances
# summed reach BUDGET, in a Latin word of at most SHORT syllables (a long formal spelling such as
# Srinagarindra, ศรีนครินทรา, carries several habits at once)
BUDGET = 1.0
SHORT = 3


@lru_cache(maxsize=200_000)
def latin_outline(word: str, kind: str = "latin") -> str:
    """The consonant sounds of a romanised Thai word, in order (``"Witsanuphong"`` -> ``"wsnpN"``).

    A consonant not followed by a vowel is a final: r after a vowel marks a long vowel (Porn,
    Charn), l and r sound n (Kamol, Sakorn), ch, j and s sound t (Petch, Amnaj, Thanes), y and w
    are vowels (Kaew, Chai); a final that the next syllable's consonant repeats counts once.
    ``kind``: ``"thai"`` for a Thai reading in RTGS, whose b, d, p, t are บ, ด, ป, ต, ``"lao"`` for
    the reading of a word written in Lao script (the same, but a ລ between vowels is not marked: Lao
    writes ລ for the r of older spellings, ວໍລະຈິດ Vorachith), ``"traditional"`` for a Latin word
    with traditional habits, which says nothing of voicing (``_ONSETS``).
    """
    w = ascii_fold(word)
    onsets = _ONSETS[kind]
    if _SILENT_E.search(w):
        w = w[:-1]  # Pote, Udomchoke, Irene
    units: list[tuple[str, bool, bool]] = []  # (class, a vowel follows, a vowel precedes)
    i = 0
    while i < len(w):
        if w[i] in _VOWELS:
            i += 1
            continue
        if w.startswith("sr", i) and i + 2 < len(w) and w[i + 2] in _VOWELS:
            units.append(("s", True, i > 0 and w[i - 1] in _VOWELS))  # ศรี, สร: Sri = si
            i += 2
            continue
        for letters, sound in _UNITS_AT.get(w[i], ()):
            if w.startswith(letters, i):
                j = i + len(letters)
                vowel_after = j < len(w) and w[j] in _VOWELS
                if vowel_after and not (i and w[i - 1] in "nm"):
                    sound = onsets.get(letters, sound)
                if kind != "latin" and sound == "r" and vowel_after and i and w[i - 1] in _VOWELS:
                    # ร after a vowel: r, not l (``_SUBSTITUTE``); after a vowel other than a, which
                    # Thai writes with a sign of its own, not the r of a Latin cluster either
                    sound = "R" if kind != "thai" or w[i - 1] == "a" else "Z"
                if kind == "latin" and sound == "r" and vowel_after and i and w[i - 1] in "pbtdkgh":
                    sound = "C"  # the r of a cluster (Pri-, Phra-, Kra-): no vowel before it
                if (
                    kind == "thai"
                    and sound == "l"
                    and vowel_after
                    and i
                    and w[i - 1] in _VOWELS
                    and "ai" not in (w[i - 2 : i], w[j : j + 2])
                ):
                    sound = "L"  # ล after a vowel, not beside ai: l, not r (``_SUBSTITUTE``)
                units.append((sound, vowel_after, i > 0 and w[i - 1] in _VOWELS))
                i = j
                break
        else:
            i += 1
    out: list[str] = []
    final = False  # the last sound kept closes a syllable (no vowel follows it)
    for sound, vowel_after, vowel_before in units:
        if sound == "h" or (sound in "wy" and not vowel_after):
            continue
        if sound == "r" and vowel_before and not vowel_after:
            continue
        if not vowel_after:
            sound = {"r": "n", "l": "n", "c": "T", "s": "T", "t": "T"}.get(sound, sound)
        if out and final and (out[-1] == sound or (out[-1], sound) in _ONE_SOUND):
            out[-1] = sound  # a final that the next syllable's first consonant repeats
        else:
            out.append(sound)
        final = not vowel_after
    # a word that opens on a vowel is marked, so that a consonant added in front is not cheap
    return ("_" if w.lstrip("h")[:1] in _VOWELS else "") + "".join(out)


# the stops of ``_ONSETS`` cost what p and t cost against anything else
_FAMILY = {"t": "XDQd", "p": "PBVb"}
_SUBSTITUTE |= {
    frozenset(pair - {plain} | {other}): cost
    for pair, cost in tuple(_SUBSTITUTE.items())
    for plain, others in _FAMILY.items()
    if plain in pair and len(pair) == 2
    for other in others
}
# _SUBSTITUTE by ordered pair, both orders (no frozenset built per table cell)
_SUBSTITUTE_PAIRS = {(x, y): cost for pair, cost in _SUBSTITUTE.items() for x in pair for y in pair}
# one sound anywhere in a word, the first too (``_ONSETS``): บ ด ป ต written b d p t (or ph th), an
# aspirated stop written b or d, any stop in a traditional spelling
_SAME = frozenset(
    (("B", "b"), ("D", "d"), ("P", "p"), ("X", "t"), ("p", "b"), ("t", "d"), ("R", "r"), ("L", "l"))
)
# a ร after a vowel other than a (``Z``: พิริยา phi-ri-ya) is r too, but not the r of a Latin
# cluster (``C``: Pri-), which drops a written vowel; a cluster r may drop an implicit a (ปริชญา
# pa-rit-cha-ya, Pritchaya) and is the r of a Thai cluster
_SAME |= {("Z", "r"), ("Z", "R"), ("C", "r"), ("C", "R")}
_SAME |= {("V", x) for x in "pPBb"} | {("Q", x) for x in "tXDd"}
_SAME |= {(y, x) for x, y in _SAME}


def _indel(word: str, at: int) -> float:
    if not at:
        return 1.0
    if (word[at - 1], word[at]) in (("N", "s"), ("n", "t")):
        # ษ/ศ after ง and ท/ต after น, silent in speech, often written (พงษธร Pongsathon,
        # จันทร์รัตน์ Chantharat)
        return 0.5
    if word[at] == "T" and (at + 1 == len(word) or word[at + 1] in _SONORANT_ONSETS):
        # a final stop before a nasal, liquid or glide is heard and written (อัดนัน at-nan
        # Adnan, not อนันท์ Anan; ฉัตรลดา Chatlada, not ชลดา Chollada), and so is one that ends
        # the word: จิรพัฒน์ is not Jirapa (จิรภา), ณฤทธิ์ not Nari (นารี). A word whose readings
        # also end open (ภักดิ์ Pakdi, ชาติ Chati) still writes the stop (RTGS, sources.yaml)
        return 1.0
    if word[at] == "T" and word[at + 1] in "pPBVbk":
        # ... and so is one before p or k, which no affricate or s sounds again: ธนัชพร
        # tha-nat-phon is not Thanaphon (ธนพล); before t, ch or s it may be written once
        # (Ratchanok, Rachanok)
        return 1.0
    return _INDEL.get(word[at], 1.0)


@lru_cache(maxsize=200_000)
def distance(a: str, b: str) -> float:
    """Weighted edit distance of two outlines (see ``_INDEL`` and ``_SUBSTITUTE``); the first
    sound of a word is never cheap to add, drop or change (รัชฏา / Chatchada, เลียม / Riam)."""
    # each letter's cost to add or drop worked out once, not once per table cell (the same sums)
    da = [_indel(a, i) for i in range(len(a))]
    db = [_indel(b, j) for j in range(len(b))]
    sub_of = _SUBSTITUTE_PAIRS.get
    prev = [0.0]
    for d in db:
        prev.append(prev[-1] + d)
    for i, x in enumerate(a):
        dx = da[i]
        left = prev[0] + dx
        cur = [left]
        # the row's cells by zip, not by index; the least of the three sums by comparisons, not
        # by a call of min (the same value: the sums are the same)
        for j, (y, dy, diagonal, above) in enumerate(zip(b, db, prev, prev[1:], strict=False), 1):
            same = x == y or (x, y) in _SAME
            sub = 0.0 if same else sub_of((x, y), 1.0) if i and j > 1 else 1.0
            best = diagonal + sub
            other = above + dx
            if other < best:
                best = other
            other = left + dy
            left = other if other < best else best
            cur.append(left)
        prev = cur
    return prev[-1]


def shape(
    ending: str,
    outlines: set[str] | tuple[str, ...],
    vowels: str | tuple[str, ...] = (),
    finals: str = "",
) -> str:
    """One word's ending (``endings.py``), consonant outlines, vowels (``thai_vowels.py``: the
    nuclei of a Latin word as a string, several spellings' separated by commas, of each reading of
    a Thai word as a tuple; none where unknown) and finals (``thai_finals.py``: ``T`` and the
    marks of a Thai word, ``L`` and those of each spelling of a Latin word, comma-separated), as a
    name's compact form stores them."""
    if isinstance(vowels, str):
        marked = f"L{vowels}" if vowels else ""
    else:
        marked = f"T{','.join(sorted(set(vowels)))}" if all(vowels) and vowels else ""
    outline = ",".join(sorted(o for o in outlines if o))
    return sys.intern(f"{ending}|{outline}|{marked}|{finals}")


def _short(a: str, b: str) -> bool:
    """Is the Latin word of the pair (its vowels, ``L``-marked) of at most ``SHORT`` syllables?"""
    latin = a if a[:1] == "L" else b
    return latin[:1] == "L" and max(v.count(".") + 1 for v in latin[1:].split(",")) <= SHORT


def _vowel_distance(a: str, b: str) -> float:
    """The least vowel distance (``thai_vowels.distance``) of a Thai word's readings and a Latin
    word's spellings; 0 where either is unknown."""
    if not a or not b or a[0] == b[0]:
        return 0.0
    thai, latin = (a, b) if a[0] == "T" else (b, a)
    return min(
        thai_vowels.distance(t, v) for t in thai[1:].split(",") for v in latin[1:].split(",")
    )


def _finals(a: str, b: str) -> tuple[str, list[str]] | None:
    """The Thai word's finals marks and the Latin word's, one per spelling; None unless one word
    of the pair is Thai and the other Latin."""
    if not a or not b or a[0] == b[0]:
        return None
    thai, latin = (a, b) if a[0] == "T" else (b, a)
    return thai[1:], latin[1:].split(",")


def _finals_differ(a: str, b: str) -> bool:
    marks = _finals(a, b)
    return marks is not None and thai_finals.differ(*marks)


# endings (``endings.py``) that no spelling habit joins: stop / open (open on a, or otherwise), and
# a Thai stop before a cancelled letter (a formal a allowed) against a Latin word open otherwise
_ENDS_DIFFER = ({"stop", "open"}, {"stop", "a"}, {"stop/a", "open"})


@lru_cache(maxsize=200_000)
def conflict(a: str, b: str) -> str:
    """How two words' shapes disagree: ``"ending"`` (one ends on a stop, the other open),
    ``"consonants"`` (their outlines are far apart), ``"vowels"`` (a Thai word and a Latin one
    sound vowels that no passport habit writes for each other), ``"both"`` (a word of up to
    ``SHORT`` syllables with a cheap consonant and a cheap vowel difference, which together
    reach ``BUDGET``: นิสรา / Nisa, r for ร dropped and the a with it), ``"unlikely"`` (a final the
    Thai letters seldom give, ``thai_finals.unlikely``: Siriporn for ศิริพล; a cost, not a refusal,
    ``ending_costs.UNLIKELY_COST``), or ``""``."""
    # a shape stored before the finals were added has three fields
    ending_a, outlines_a, vowels_a, finals_a = (*a.split("|"), "")[:4]
    ending_b, outlines_b, vowels_b, finals_b = (*b.split("|"), "")[:4]
    if {ending_a, ending_b} in _ENDS_DIFFER:
        return "ending"
    xs, ys = (
        outlines_a.split(",") if outlines_a else [],
        outlines_b.split(",") if outlines_b else [],
    )
    consonants = min((distance(x, y) for x in xs for y in ys), default=0.0)
    if consonants >= DIFFERENT:
        return "consonants"
    if _finals_differ(finals_a, finals_b):
        return "consonants"
    vowels = _vowel_distance(vowels_a, vowels_b)
    if vowels >= thai_vowels.DIFFERENT:
        return "vowels"
    if consonants and vowels and consonants + vowels >= BUDGET and _short(vowels_a, vowels_b):
        return "both"
    if (marks := _finals(finals_a, finals_b)) and thai_finals.unlikely(*marks):
        return "unlikely"  # ending_costs.UNLIKELY
    return ""
