"""Names in Myanmar (Burmese) script read syllable by syllable into the Latin spellings people carry.

A Burmese name has no family name: it is a run of syllables (သိန်းစိန် Thein Sein, အောင်ဆန်းစုကြည်
Aung San Suu Kyi), each written in Latin letters as a word of its own. A name in Myanmar script is
cut into its written syllables (onset consonant, medials, vowel signs, a final consonant carrying
the asat ်) and each syllable is given the conventional spellings of its sound, so that it lines
up word for word with the Latin name and with the syllables of a Chinese transcription.

Reading rules (the code is our own):
- letters and medials after the Myanmar Language Commission transcription (MLCTS), as tabled at
  https://zh.wikipedia.org/wiki/缅甸语委转写系统 (ky-/py-/my- medials, ှ before a sonorant);
- the conventional name spellings that depart from it (သ th, ထ ht, ရှ sh, ချ ch; -in for -င်,
  -ein for ိန်, -aung for ောင်, -aing for ိုင်, -et for က်, -it for စ်, a creaky nasal final
  written -nt: Myint, Thant, Nyunt) after https://en.wikipedia.org/wiki/Romanization_of_Burmese
  ("Conventional" column) and the names of https://en.wikipedia.org/wiki/Burmese_names;
- the courtesy words that stand before a name (ဦး U, ဒေါ် Daw, ကို Ko, မောင် Maung, မ Ma, စိုင်း Sai,
  နန်း Nang, စဝ် Sao, စော Saw, နော် Naw) after the same Burmese names article: a name that starts
  with one is also read without it, so that the word neither costs a match nor makes one.

Text typed in the Zawgyi font encoding is converted first (``mekongx.text.zawgyi``, shared with
the node's forms and imports).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, product

from mekongx.text.zawgyi import normalise

MYANMAR = re.compile("[\u1000-\u109f]")
_CONS = frozenset(chr(c) for c in range(0x1000, 0x1022)) | {"\u103f"}
_INDEPENDENT = {"\u1023": "i", "\u1024": "i", "\u1025": "u", "\u1026": "u", "\u1027": "e",
                "\u1029": "aw", "\u102a": "aw"}  # fmt: skip
_MARKS = frozenset("\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036\u1037\u1038\u103a"
                   "\u103b\u103c\u103d\u103e")  # fmt: skip
_ASAT, _DOT, _VIRAMA = "\u103a", "\u1037", "\u1039"

# onset consonants: conventional spellings, first the usual one
_ONSET: dict[str, tuple[str, ...]] = {
    "က": ("k", "g"), "ခ": ("kh", "k"), "ဂ": ("g",), "ဃ": ("g",), "င": ("ng",),
    "စ": ("s", "z"), "ဆ": ("hs", "s"), "ဇ": ("z",), "ဈ": ("z",), "ည": ("ny",),
    "ဋ": ("t",), "ဌ": ("ht",), "ဍ": ("d",), "ဎ": ("d",), "ဏ": ("n",),
    "တ": ("t", "d"), "ထ": ("ht", "t"), "ဒ": ("d",), "ဓ": ("d",), "န": ("n",),
    "ပ": ("p", "b"), "ဖ": ("ph", "hp", "p"), "ဗ": ("b",), "ဘ": ("b", "bh"), "မ": ("m",),
    "ဉ": ("ny",), "ယ": ("y",), "ရ": ("y", "r"), "လ": ("l",), "ဝ": ("w",), "သ": ("th",),
    "ဟ": ("h",), "ဠ": ("l",), "အ": ("",), "ဿ": ("th",),
}  # fmt: skip
# onset + medial ya/ra (ျ ြ): ky is said like ch (ကျော် Kyaw), ချ is ch, ငြ ny (ငြိမ်း Nyein)
_YA = {"k": ("ky", "ch"), "kh": ("ch", "khy"), "g": ("gy", "j"), "p": ("py",), "ph": ("phy",),
       "hp": ("hpy",), "b": ("by",), "m": ("my",), "l": ("ly",),
       "ng": ("ny",)}  # fmt: skip
# onset + medial ha (ှ): voiceless sonorants, and ရှ / ယှ = sh
_HA = {"m": ("hm", "m"), "n": ("hn", "n"), "l": ("hl", "l"), "ny": ("hny", "ny"),
       "ng": ("hng", "ng"), "w": ("hw", "w"), "y": ("sh",), "r": ("sh",)}  # fmt: skip
# final consonant (with asat) -> its class
_FINAL = {"က": "k", "င": "ng", "စ": "c", "ည": "ny", "ဉ": "nn", "တ": "t", "ဋ": "t", "န": "n",
          "ဏ": "n", "ပ": "p", "မ": "m", "ယ": "y", "လ": "n", "ဒ": "t", "ဓ": "t", "ဂ": "k",
          "ဗ": "p", "ဘ": "p", "ဇ": "c", "သ": "t", "ဠ": "n"}  # fmt: skip
# (vowel, final class) -> rhymes; vowel "" is the inherent a, "w" the medial wa read as a vowel
_RHYME: dict[tuple[str, str], tuple[str, ...]] = {
    ("", ""): ("a",), ("a", ""): ("a",), ("i", ""): ("i",), ("u", ""): ("u", "oo"),
    ("e", ""): ("e", "ay"), ("ai", ""): ("e", "eh"), ("aw", ""): ("aw", "aw"),
    ("o", ""): ("o", "oe"), ("an", ""): ("an",), ("on", ""): ("on", "ohn"), ("w", ""): ("wa",),
    ("we", ""): ("we",), ("wai", ""): ("we",), ("wa", ""): ("wa",),
    ("", "k"): ("et", "e"), ("", "ng"): ("in",), ("", "c"): ("it",), ("", "ny"): ("i", "e", "ay"),
    ("", "nn"): ("in",), ("", "t"): ("at",), ("", "n"): ("an",), ("", "p"): ("at", "ap"),
    ("", "m"): ("an", "am"), ("", "y"): ("e", "ay"),
    ("a", "n"): ("an",), ("a", "t"): ("at",), ("a", "m"): ("an",),
    ("i", "t"): ("eik",), ("i", "n"): ("ein",), ("i", "p"): ("eik",), ("i", "m"): ("ein",),
    ("u", "t"): ("ok", "ut"), ("u", "n"): ("on", "oun"), ("u", "p"): ("ok",), ("u", "m"): ("on",),
    ("o", "k"): ("aik",), ("o", "ng"): ("aing", "ai"),
    ("aw", "k"): ("auk",), ("aw", "ng"): ("aung",),
    ("w", "n"): ("un", "oon"), ("w", "t"): ("ut",), ("w", "m"): ("un",), ("w", "ng"): ("win",),
    ("w", "k"): ("wet",),
}  # fmt: skip
_NASAL = frozenset(("ng", "n", "m", "nn"))
_PER_SYLLABLE = 4

# courtesy words, as written in Myanmar script, and their Latin spelling
HONORIFICS = {
    "ဦး": "U", "ဒေါ်": "Daw", "ကို": "Ko", "မောင်": "Maung", "မ": "Ma", "စိုင်း": "Sai",
    "နန်း": "Nang", "စဝ်": "Sao", "စော": "Saw", "နော်": "Naw",
}  # fmt: skip


def syllables(text: str) -> list[str]:
    """The written syllables of a Myanmar-script word (Unicode order)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == _VIRAMA and out and i + 1 < n and text[i + 1] in _CONS:
            # a stacked consonant: the letter before the virama closes the previous syllable
            last = out.pop()
            if len(last) == 1 and out:
                out[-1] += last + _ASAT
            else:
                out.append(last)
            i += 1
            continue
        if ch not in _CONS and ch not in _INDEPENDENT:
            if ch in _MARKS and out:
                out[-1] += ch
            i += 1
            continue
        syl = ch
        i += 1
        while i < n:
            c = text[i]
            if c in _MARKS or (c in _CONS and _closes(text, i)):
                syl += c
                i += 1
            else:
                break
        out.append(syl)
    return out


def _closes(text: str, i: int) -> bool:
    """Is the consonant at ``i`` a final (followed by asat, maybe after the dot below)?"""
    rest = text[i + 1 : i + 3]
    return rest[:1] == _ASAT or rest == _DOT + _ASAT


@lru_cache(maxsize=20_000)
def syllable_spellings(syl: str) -> tuple[str, ...]:
    """Latin spellings of one written syllable, the usual one first (``သိန်း`` -> thein)."""
    if syl in HONORIFICS:
        return (HONORIFICS[syl].lower(),)
    head = syl[0]
    rest = syl[1:]
    final = ""
    for j, c in enumerate(rest):
        if c in _CONS:
            final = _FINAL.get(c, "n")
            rest = rest[:j] + rest[j + 1 :]
            break
    marks = set(rest)
    if head in _INDEPENDENT:
        onsets: tuple[str, ...] = ("",)
        vowel = _INDEPENDENT[head]
    else:
        onsets = _ONSET.get(head, ("",))
        if "\u103b" in marks or "\u103c" in marks:
            onsets = tuple(dict.fromkeys(x for o in onsets for x in _YA.get(o, (o + "y",))))
        if "\u103e" in marks:
            onsets = tuple(dict.fromkeys(x for o in onsets for x in _HA.get(o, (o,))))
        vowel = _vowel(marks, final)
        if head == "အ" and vowel in ("e", "ai") and not final:
            vowel = "aye"  # အေး Aye
    if vowel == "aye":
        rhymes: tuple[str, ...] = ("aye", "e")
    else:
        rhymes = _RHYME.get((vowel, final)) or _RHYME.get(("", final)) or ("a",)
    if head == "ဝ" and vowel == "" and final in ("n", "m", "t", "p"):
        # ဝ before a final reads wu- (ဝန် wun, ဝဏ္ဏ Wunna; ဝတ် wut): Romanization_of_Burmese
        rhymes = ("un" if final in ("n", "m") else "ut", *rhymes)
    if "\u103d" in marks and vowel not in ("w", "we", "wai", "wa"):
        onsets = tuple(o + "w" for o in onsets)
    if _DOT in marks and final in _NASAL:
        rhymes = tuple(dict.fromkeys([*(r + "t" for r in rhymes), *rhymes]))  # Myint, Thant
    spellings = (o + r for o, r in product(onsets, rhymes))
    return tuple(islice(dict.fromkeys(s for s in spellings if s), _PER_SYLLABLE))


def _vowel(marks: set[str], final: str) -> str:
    wa = "\u103d" in marks
    if "\u1031" in marks and ("\u102c" in marks or "\u102b" in marks):
        v = "aw"
    elif "\u1031" in marks:
        v = "e"
    elif "\u102d" in marks and "\u102f" in marks:
        v = "o"
    elif "\u102d" in marks or "\u102e" in marks:
        v = "i"
    elif "\u102f" in marks or "\u1030" in marks:
        v = "on" if "\u1036" in marks else "u"
    elif "\u1032" in marks:
        v = "ai"
    elif "\u102c" in marks or "\u102b" in marks:
        v = "a"
    elif "\u1036" in marks:
        v = "an"
    else:
        v = ""
    if wa and v in ("", "a"):
        return "w" if final else "wa"
    if wa and v in ("e", "ai"):
        return "w" + v
    return v


def to_unicode(text: str) -> str:
    """Myanmar text in Unicode (converted when it was typed in Zawgyi)."""
    return normalise(text).text if MYANMAR.search(text) else text


Triple = tuple[str, str, str]


def word_spellings(word: str) -> list[tuple[str, ...]]:
    """Spellings per syllable of a Myanmar-script word (``ဦးသိန်းစိန်`` -> u / thein / sein)."""
    return [s for s in (syllable_spellings(x) for x in syllables(to_unicode(word))) if s]


def honorific_count(words: list[str]) -> int:
    """How many leading syllables of a name are courtesy words (at most one, and never all)."""
    syls = [s for w in words for s in syllables(to_unicode(w))]
    return 1 if len(syls) > 1 and syls[0] in HONORIFICS else 0
