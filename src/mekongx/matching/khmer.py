"""Names in Khmer script read syllable by syllable into the Latin spellings Cambodian names carry.

Khmer writes a word's syllables without spaces; a name's words (family name first: ហ៊ុន សែន Hun
Sen) are separated by spaces, and each is written in Latin letters as one word (នរោត្តម សីហមុនី
Norodom Sihamoni). A Khmer word is cut into syllables (a consonant with its subscripts ្ and
signs, a following bare consonant as its final) and each syllable is read with the vowel value of
its consonant's series: the same vowel sign sounds differently after a first-series (a) and a
second-series (o) consonant (ស + ុ so in សុខា Sokha, ហ៊ + ុ hu in ហ៊ុន Hun), and the signs ៉ and ៊
move a consonant to the other series. Each word becomes one part whose alternatives are the
combinations of its syllables' spellings, compared syllable by syllable.

Reading rules (the code is our own): consonant series, vowel values per series and the
series-shifting signs after https://en.wikipedia.org/wiki/Khmer_script (consonants, dependent
vowels, diacritics) and the UNGEGN romanization of Khmer as tabled in
https://en.wikipedia.org/wiki/Romanization_of_Khmer; the spellings that names use beside it
(Sen for សែន, Chea for ជា, Hor for ហោ) after the names of https://en.wikipedia.org/wiki/Khmer_name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, product

KHMER = re.compile("[\u1780-\u17ff]")
_COENG = "\u17d2"
_SECOND = frozenset("គឃងជឈញឌឍទធនពភមយរលវ")  # second-series (o) consonants
_CONS: dict[str, str] = {
    "ក": "k", "ខ": "kh", "គ": "k", "ឃ": "kh", "ង": "ng", "ច": "ch", "ឆ": "chh", "ជ": "ch",
    "ឈ": "chh", "ញ": "nh", "ដ": "d", "ឋ": "th", "ឌ": "d", "ឍ": "th", "ណ": "n", "ត": "t",
    "ថ": "th", "ទ": "t", "ធ": "th", "ន": "n", "ប": "b", "ផ": "ph", "ព": "p", "ភ": "ph",
    "ម": "m", "យ": "y", "រ": "r", "ល": "l", "វ": "v", "ឝ": "s", "ឞ": "s", "ស": "s", "ហ": "h",
    "ឡ": "l", "អ": "",
}  # fmt: skip
_FINALS: dict[str, tuple[str, ...]] = {
    "ក": ("k",), "ខ": ("k",), "គ": ("k",), "ឃ": ("k",), "ង": ("ng",), "ច": ("ch", "t"),
    "ជ": ("ch", "t"), "ញ": ("nh", "n"), "ដ": ("t", "d"), "ត": ("t",), "ទ": ("t",), "ធ": ("t",),
    "ន": ("n",), "ណ": ("n",), "ប": ("p", "b"), "ព": ("p",), "ភ": ("p",), "ម": ("m",),
    "យ": ("y",), "រ": ("r", ""), "ល": ("l",), "វ": ("v", "u"), "ស": ("s", ""), "ហ": ("h", ""),
    "ឡ": ("l",),
}  # fmt: skip
_INDEPENDENT = {"ឥ": "e", "ឦ": "ei", "ឧ": "o", "ឩ": "ou", "ឪ": "ov", "ឫ": "rue", "ឬ": "rue",
                "ឭ": "lue", "ឮ": "lue", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao", "ឲ": "ao", "ឳ": "au"}  # fmt: skip
# vowel sign -> (first-series spellings, second-series spellings), the usual one first
_VOWELS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "": (("a",), ("o", "a")),
    "\u17b6": (("a",), ("ea", "a")),
    "\u17b7": (("e", "i"), ("i", "e")),
    "\u17b8": (("ei", "i"), ("i", "ei")),
    "\u17b9": (("oe", "eu", "i"), ("ue", "eu", "u", "i")),  # i: ហ៊ឹម Him, គឹម Kim
    "\u17ba": (("eu", "oeu", "o"), ("eu", "ue")),
    "\u17bb": (("o", "u"), ("u", "o")),
    "\u17bc": (("ou", "o", "au"), ("u", "ou")),
    "\u17bd": (("uo",), ("uo",)),
    "\u17be": (("ae", "aeu"), ("eu", "oeu")),
    "\u17bf": (("oea", "eua", "oeu"), ("oea", "eua", "oeu")),  # oeu: សាវឿន Savoeun
    "\u17c0": (("ie", "ea", "ia"), ("ie", "ea", "ia")),
    "\u17c1": (("e", "ei"), ("e",)),
    "\u17c2": (("ae", "e"), ("e", "ae")),
    "\u17c3": (("ai", "ey"), ("ey", "ai")),
    "\u17c4": (("ao", "o"), ("o", "ao")),
    "\u17c5": (("au", "ao"), ("ov", "ou", "o")),
}
_NIKAHIT, _REAHMUK, _TRIISAP, _MUUSIKA, _BANTOC = "\u17c6", "\u17c7", "\u17ca", "\u17c9", "\u17cb"
_SILENT = "\u17cd"  # toandakhiat: the letter under it is not read
_MAX_WORD = 8  # spellings kept per word


class _Syllable:
    __slots__ = ("final", "onset", "second", "signs")

    def __init__(self, onset: str, second: bool) -> None:
        self.onset = onset
        self.second = second
        self.signs = ""
        self.final = ""


# ៊ and ៉ under a consonant that carries an upper vowel are drawn as ុ, and are often typed so
# (អុីវ for អ៊ីវ Iv: ុ and ី together are no Khmer vowel): read as the sign they stand for, ៊ on a
# first-series consonant and ៉ on a second-series one (https://en.wikipedia.org/wiki/Khmer_script,
# diacritics)
_U_FOR_SHIFTER = re.compile("([\u1780-\u17a2])\u17bb(?=[\u17b7-\u17ba])")
# a nasal with a subscript stop of its own place (ន្ត, ង្គ, ម្ព …) inside a Pali word: the nasal
# closes the syllable before it (ចិន្តា chen.ta = Chenda, as សន្តិ san.ti)
_NASAL_STOP = {"ង": "កខគឃ", "ញ": "ចឆជឈ", "ណ": "ដឋឌឍ", "ន": "តថទធ", "ម": "បផពភ"}


def _shifter(m: re.Match[str]) -> str:
    return m[1] + (_MUUSIKA if m[1] in _SECOND else _TRIISAP)


def syllables(word: str, closing: bool = False) -> list[_Syllable]:
    """The syllables of a Khmer word (onset, series, signs, final). ``closing``: a lone bare
    consonant after a syllable with a vowel sign and before one with its own vowel closes the
    syllable before it (``_compound``)."""
    if "\u17bb" in word:
        word = _U_FOR_SHIFTER.sub(_shifter, word)
    out: list[_Syllable] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in _INDEPENDENT:
            syl = _Syllable("", False)
            syl.signs = _INDEPENDENT[ch]
            out.append(syl)
            i += 1
            continue
        if ch not in _CONS:
            if out and "\u17b6" <= ch <= "\u17d1":
                out[-1].signs += ch
            i += 1
            continue
        # consonant followed by subscripts
        cluster = ch
        j = i + 1
        while j + 1 < n and word[j] == _COENG and word[j + 1] in _CONS:
            cluster += word[j + 1]
            j += 2
        signs = ""
        while j < n and "\u17b6" <= word[j] <= "\u17d1" and word[j] != _COENG:
            signs += word[j]
            j += 1
        prev = out[-1] if out else None
        has_vowel = any(s in _VOWELS or s in (_NIKAHIT, _REAHMUK) for s in signs if s != "")
        if _SILENT in signs:
            i = j
            continue
        closed = prev is not None and (prev.final or _NIKAHIT in prev.signs)
        if prev is not None and not closed and len(cluster) > 1 and _final_cluster(word, j, signs):
            # a cluster that ends the word or stands before a syllable with its own vowel closes
            # the syllable before it, its subscript silent (ប្រសិទ្ធ Prasidh, វង្ស vong, ព័ន្ធ
            # Porn); so does one carrying a word-final ិ or ុ of a Pali word (សុវត្ថិ Sowath)
            prev.final = cluster[0]
            i = j
            continue
        nasal_stop = len(cluster) > 1 and cluster[1] in _NASAL_STOP.get(cluster[0], "")
        if (
            prev is not None
            and not closed
            and has_vowel
            and (not prev.signs or nasal_stop)
            and len(cluster) > 1
        ):
            # after a bare consonant, a cluster with a vowel is its final and the next onset
            # (រង្ស៊ី rang-si, សម្តេច sam-dech); so is a nasal and its stop (ចិន្តា chen-ta)
            prev.final = cluster[0]
            cluster = cluster[1:]
        elif prev is not None and not closed and not has_vowel:
            if len(cluster) > 1:
                # a final and the onset of the next syllable (នរោត្តម ro-t-tom)
                prev.final = cluster[0]
                cluster = cluster[1:]
            elif (
                j >= n
                or _BANTOC in signs
                or (_next_bare(word, j) and not _onset_before_last(prev, word, j))
                or (closing and cluster != "ហ" and _vowelled(prev) and _next_vowelled(word, j))
            ):
                prev.final = cluster
                prev.signs += signs
                i = j
                continue
        second = cluster[0] in _SECOND
        if _TRIISAP in signs:
            second = True
        if _MUUSIKA in signs:
            second = False
        syl = _Syllable(cluster if cluster[:1] != cluster[1:2] else cluster[0], second)
        syl.signs = signs
        out.append(syl)
        i = j
    return out


def _next_bare(word: str, j: int) -> bool:
    """Is the consonant at ``j`` bare too (no vowel sign): then the one before it is a final;
    not when it starts a word-final cluster, which is the final of the one before it (មុនីវង្ស
    mu.ni.vong)."""
    if j >= len(word) or word[j] not in _CONS:
        return False
    k = j + 1
    while k + 1 < len(word) and word[k] == _COENG:
        k += 2
    if k >= len(word):
        return k == j + 1
    return not ("\u17b6" <= word[k] <= "\u17c7")


def _vowelled(syl: _Syllable) -> bool:
    """Does a syllable carry a Khmer vowel sign (not an independent vowel's spelling)?"""
    return any(s in _VOWELS for s in syl.signs if s)


def _onset_before_last(prev: _Syllable, word: str, j: int) -> bool:
    """Is the bare consonant before ``j`` the onset of the last syllable, the lone consonant at
    ``j`` (the word's last letter) its final: after a syllable with a vowel sign, a word that
    ends in two bare consonants ends in a syllable with the inherent vowel (ភូថង phu.thong, កុសល
    ko.sal; read phuth.ngo before)."""
    return j == len(word) - 1 and _vowelled(prev)


def _next_vowelled(word: str, j: int) -> bool:
    """Does the consonant at ``j`` (with its subscripts) carry a vowel sign?"""
    if j >= len(word) or word[j] not in _CONS:
        return False
    k = j + 1
    while k + 1 < len(word) and word[k] == _COENG:
        k += 2
    return k < len(word) and "\u17b6" <= word[k] <= "\u17c5"


_PALI_SILENT = frozenset(("\u17b7", "\u17bb"))  # ិ ុ


def _final_cluster(word: str, j: int, signs: str) -> bool:
    """Is the consonant cluster ending at ``j`` (with ``signs`` after it) a syllable's final?"""
    if j >= len(word):
        return not signs or signs in _PALI_SILENT
    if signs or word[j] not in _CONS:
        return False
    k = j + 1
    while k + 1 < len(word) and word[k] == _COENG:
        k += 2
    return k < len(word) and "\u17b6" <= word[k] <= "\u17c5"


def _spellings(syl: _Syllable) -> tuple[str, ...]:
    if syl.onset == "" and syl.signs and syl.signs[0].isascii():
        return (syl.signs,)
    onset = "".join(_CONS.get(c, "") for c in syl.onset)
    if syl.onset[:1] == "ប" and (len(syl.onset) > 1 or _MUUSIKA in syl.signs):
        onset = "p" + onset[1:]  # ប៉ and ប before a subscript are p (ប៉ុល Pol, ប្រាក់ Prak)
    vowel_sign = next((s for s in syl.signs if s in _VOWELS), "")
    first, second = _VOWELS[vowel_sign]
    vowels = second if syl.second else first
    if _NIKAHIT in syl.signs:
        vowels = tuple(dict.fromkeys(v[:1] + "m" if v in ("a", "o", "ea") else v + "m"
                                     for v in vowels))  # fmt: skip
        if not vowel_sign:
            vowels = ("um", "om", "am") if syl.second else ("am", "om")
    finals: tuple[str, ...] = ("",)
    if syl.final:
        finals = _FINALS.get(syl.final, (_CONS.get(syl.final, ""),))
        if not vowel_sign:
            vowels = ("o", "a") if syl.second else ("a", "o")
    elif vowels[0] in ("a", "o", "ao") and _NIKAHIT not in syl.signs:
        vowels = (*vowels, vowels[0] + "r")  # an open a or o written with r (Sar Kheng, Hor)
    if _REAHMUK in syl.signs:
        finals = tuple(f + "h" for f in finals)
    out = (onset + v + f for v, f in product(vowels, finals))
    return tuple(dict.fromkeys(s for s in out if s))


@lru_cache(maxsize=20_000)
def word_spellings(word: str) -> tuple[tuple[str, ...], ...]:
    """Spellings per syllable of one Khmer word (``សែន`` -> (("saen", "sen"),))."""
    return tuple(s for s in (_spellings(x) for x in syllables(word)) if s)


def word_alternatives(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """(display, syllables) alternatives of a Khmer word, the usual spelling first; a word with
    a consonant and subscript r or l inside it (សុរាម្រិត su-ra-mrit) also once with the vowel
    said between them, as Latin spellings of such Pali words write it (Suramarit), and one with
    a syllable-closing r inside it once with that r said ra (សូរស័ក្តិ Sorasak)."""
    per = word_spellings(word)
    if not per:
        return []
    combos = islice(product(*(range(len(p)) for p in per)), 256)
    ranked = sorted(combos, key=sum)[:_MAX_WORD]
    out = []
    for c in ranked:
        syls = tuple(p[i] for p, i in zip(per, c, strict=True))
        out.append(("".join(syls).capitalize(), syls))
    for split in (_epenthetic(word, per), _linking_r(word, per)):
        if split is not None:
            out.insert(min(len(out), _MAX_WORD // 2), ("".join(split).capitalize(), split))
            out = out[:_MAX_WORD]
    closed = _compound(word)
    if closed:
        out = list(dict.fromkeys([*out[: _MAX_WORD // 2], *closed, *out[_MAX_WORD // 2 :]]))
        out = out[:_MAX_WORD]
    return out


def compound_parts(word: str) -> list[list[tuple[str, tuple[str, ...]]]]:
    """A word read as a compound of two syllables (``_compound``) as two words, each a list of
    (display, syllables) alternatives: គឹមហួន = គឹម ហួន, as the Latin spelling Kim Hourn writes
    it. Empty for other words."""
    alts = [a for a in _compound(word) if len(a[1]) == 2]
    return (
        [[(s.capitalize(), (s,)) for s in dict.fromkeys(a[1][k] for a in alts)] for k in (0, 1)]
        if alts
        else []
    )


@lru_cache(maxsize=20_000)
def _compound(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Alternatives of a word read as a compound of two words written together, as Khmer writes
    a person's two-syllable given name: a lone bare consonant between a syllable with a vowel
    sign and one with its own vowel is the first one's final (គឹមហួន kim.huon = Kim Hourn,
    ប៊ុនហេង bun.heng = Bunheng, សុខហេង sok.heng), not an onset with the inherent vowel
    (kue.mo.huon, the reading of a Pali word such as ទេវតា te.vo.ta, which stays the first). Not
    ហ, which ends no Khmer syllable (a final h is written ះ): សីហមុនី si.ha.mu.ni. Empty when the
    word has no such consonant."""
    if len(syllables(word)) == len(syls := syllables(word, closing=True)):
        return ()
    per = tuple(s for s in (_spellings(x) for x in syls) if s)
    ranked = sorted(islice(product(*(range(len(p)) for p in per)), 256), key=sum)
    out = []
    for c in ranked[: _MAX_WORD // 2]:
        parts = tuple(p[i] for p, i in zip(per, c, strict=True))
        out.append(("".join(parts).capitalize(), parts))
    return tuple(out)


def _linking_r(word: str, per: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The word's syllables with a syllable-closing រ inside it said ra, as Latin spellings of Pali
    and Sanskrit compounds write the letter's own vowel (សូរស័ក្តិ sou.sak, from sūra + śakti:
    Sorasak); the usual spelling of the other syllables. None when no syllable but the last ends
    in រ."""
    syls = [s for s in syllables(word) if _spellings(s)]
    if len(syls) != len(per) or not any(s.final == "រ" for s in syls[:-1]):
        return None
    out: list[str] = []
    for k, (syl, spellings) in enumerate(zip(syls, per, strict=True)):
        if k < len(syls) - 1 and syl.final == "រ":
            open_syl = _Syllable(syl.onset, syl.second)
            open_syl.signs = syl.signs
            bare = _spellings(open_syl)
            out += [bare[min(1, len(bare) - 1)], "ra"]
        else:
            out.append(spellings[0])
    return tuple(out)


_LIQUID = frozenset("\u179a\u179b")  # រ ល


def _epenthetic(word: str, per: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The word's syllables with an a said inside a cluster of a consonant and subscript r or l
    that opens a syllable after the first (ម្រិត mrit -> ma-rit); the second spelling of the
    other syllables (the first spelling of a vowel after a second-series consonant is the
    UNGEGN one, ea for ា; names are mostly spelt with the other: Sura, not Sorea). None when the
    word has no such cluster. Khmer clusters are said with a short vowel between their letters
    (https://en.wikipedia.org/wiki/Khmer_phonology, consonant clusters)."""
    syls = [s for s in syllables(word) if _spellings(s)]
    if len(syls) != len(per):
        return None
    out: list[str] = []
    found = False
    for k, (syl, spellings) in enumerate(zip(syls, per, strict=True)):
        first = spellings[min(1, len(spellings) - 1)]
        if k and len(syl.onset) == 2 and syl.onset[1] in _LIQUID and syl.onset[0] not in _LIQUID:
            head = _CONS.get(syl.onset[0], "")
            liquid = _CONS[syl.onset[1]]
            rest = spellings[0]
            at = rest.find(liquid)
            if head and at > 0:
                out += [head + "a", rest[at:]]
                found = True
                continue
        out.append(first)
    return tuple(out) if found else None
