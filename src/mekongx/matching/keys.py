"""The shared phonetic key space.

Every reading, whatever its script of origin, is spelt in Latin letters and folded to a coarse key in
which distinctions that one side of a Thai/Chinese/Latin pair cannot express are dropped:
aspiration and voicing (p/ph/b, t/th/d, k/kh/g), the Chinese affricates that Thai writes with จ/ช/ฉ
(z, zh, j, c, ch, q, sh, ts), s/x/hs, r/l, v/w, vowel length, final r/l (Thai finals sound as n) and
final stops (Chinese renderings of Thai names drop them). Tones are not part of the key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import pairwise

VOWELS = "aeiou"
# A dialect or Thai spelling of a Chinese surname read back to its pinyin (Tang = 邓 deng) is keyed
# with this mark and the pinyin itself, as is the pinyin of each surname such spellings stand for:
# keyed coarsely (d = t) it met every surname that only shares the coarse key (TANG Wei / 滕伟
# teng 0.96).
EXACT = "~"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        # Wade-Giles writes the apical vowel of zi/ci/si as u (tzu, tz'u, ssu, szu): pinyin -i
        (r"^(tz|ss|sz)u$", r"\1i"),
        # Thai แ-ว / เ-ว: RTGS kaeo, passports Kaew, Keaw, Kaeo (not before a vowel: Kaewa-)
        (r"(?:ae|ea|e)[wo](?![aeiouy])", "eo"),
        (r"aow(?![aeiouy])", "ao"),  # -าว / เ-า written aow (Saowalak)
        # Thai ศร/สร/ทร sound s: RTGS Si, passports Sri (Srisuk, Srichaphan)
        (r"(?<![a-z])sr", "s"),
        (r"(?<=[aeiou])t(h?)ra?$", "t"),
        (r"tch|tsh|ts|tz|zh|ch|sh|j|q|z", "c"),
        (r"hs|x", "s"),
        (r"ph|bh|b", "p"),
        (r"th|dh|d", "t"),
        (r"ng", "N"),
        (r"kh|gh|ck|g", "k"),
        (r"v", "w"),
        # Thai แ written air at the end of a syllable, the English "air" (Penkair, เพ็ญแข)
        (r"air(?![aeiouy])", "ae"),
        # r after a vowel and before a consonant marks a long or mid vowel in Thai passport
        # spellings (Porn, Charn, Chart, Prasert, Chalerm) and is not pronounced
        (r"(?<=[aeiou])r(?=[^aeiouyh])", ""),
        # … but an l or r with the medial w of a Burmese onset (Lwin, Hlwan) is no final
        (r"^(h?)([lr])w(?=[aeiou])", r"\1\2u"),
        (r"[rl](?=[^aeiouy]|$)", "n"),
        (r"r", "l"),
        (r"(?<=[^aeiouy])h", ""),
        (r"h(?=[^aeiouy]|$)", ""),
        (r"wia|(?<=[^aeiouw])we(?=[^aeiou]|$)", "ue"),
        (r"ee|ii", "i"),
        (r"oo|uu", "u"),
        (r"ae|oe", "e"),
        (r"y", "i"),
        (r"w(?=[^aeiou]|$)", "u"),
        (r"(?<=a)u(?![aeiou])", "o"),  # Thai -าว: RTGS khao, also written khaw / khau
        (r"uea|eua", "ua"),  # Thai เ-ือ: RTGS mueang, also written muang / meuang
        (r"(.)\1+", r"\1"),
        (r"aia", "ai"),
        (r"^wu", "u"),
        (r"^([pmfw])o$", r"\1ua"),
        (r"uo", "ua"),
        (r"(?<=[^aeiou])w(?=[aeiou])", "u"),
        (r"uN", "oN"),
        # final stops are dropped (Chinese renderings of Thai names drop them); Thai final ช/จ
        # is a t, written ch/tch in passports (Panich, Petch)
        (r"(?<=[aeiou])[ptkcs](?=[^aeioulw]|$)", ""),
        (r"(?<=[aeiou])[ptkcs](?=[^aeioulw]|$)", ""),  # a second stop (Krairiksh: riksh = ri)
        (r"(?<=[aeiou]n)[t](?=[^aeiou]|$)", ""),  # นนท์ written -nont (Chearavanont)
    )
)


@lru_cache(maxsize=300_000)
def ascii_fold(text: str) -> str:
    """Lower case, diacritics removed, letters only (ü kept as ``v`` like pinyin input does)."""
    text = text.lower().replace("ü", "v").replace("đ", "d")  # Vietnamese đ has no decomposition
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if "a" <= ch <= "z")


@lru_cache(maxsize=500_000)
def latin_key(text: str) -> str:
    """Coarse phonetic key of a Latin-script word (``"Thanakorn"`` -> ``"tanakon"``)."""
    s = ascii_fold(text)
    for pattern, repl in _RULES:
        s = pattern.sub(repl, s)
    return s


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable that pypinyin knows."""
    from pypinyin import Style, pinyin_dict
    from pypinyin.style import convert

    out: set[str] = set()
    for value in pinyin_dict.pinyin_dict.values():
        for reading in str(value).split(","):
            out.add(convert(reading, Style.NORMAL, strict=False).replace("ü", "v"))
    out.discard("")
    # syllabic nasals of interjections (嗯 ng, 呣 m) do not occur in names; as syllables they would
    # split "Wong" into wo.ng
    out -= {"m", "n", "ng", "hm", "hng"}
    return frozenset(out)


@lru_cache(maxsize=200_000)
def split_pinyin(word: str) -> tuple[str, ...] | None:
    """Split a run-together pinyin word (``"weihong"`` -> ``("wei", "hong")``), or None."""
    word = ascii_fold(word)
    valid = pinyin_syllables()
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        prefix = best[i]
        if prefix is None:
            continue
        for j in range(min(n, i + 6), i, -1):
            piece = word[i:j]
            if piece in valid:
                cand = (*prefix, piece)
                current = best[j]
                if current is None or len(cand) < len(current):
                    best[j] = cand
    return best[n]


# Consonant letters written as one sound in romanised Thai and Chinese names, longest first.
_DIGRAPHS = ("tch", "tsh", "ch", "ph", "th", "kh", "sh", "bh", "dh", "gh", "ng", "hs", "ts", "tz")
# Two-consonant onsets of Thai (and Chinese ``kw``/``gu``-like) syllables: pr, phr, kl, khw …
_ONSET_CLUSTERS = (
    frozenset(
        (c, g) for c in ("p", "ph", "b", "bh", "k", "kh", "g", "t", "th", "f") for g in ("r", "l")
    )
    | frozenset((c, g) for c in ("k", "kh", "g") for g in ("w", "v"))
    | {("s", "r")}
)


def _units(word: str) -> list[tuple[str, bool]]:
    """Letters of a folded word as (unit, is_vowel); y and w are vowels unless a vowel follows."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(word):
        ch = word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch in VOWELS:
            out.append((ch, True))
            i += 1
            continue
        if ch in "yw":
            # … and at the end of a word after a consonant (Phosy pho.sy, Somdy som.dy): an
            # empty string is "in" any string, so the end is tested apart
            out.append((ch, (not nxt or nxt not in VOWELS) and i > 0))
            i += 1
            continue
        for d in _DIGRAPHS:
            # Wade-Giles ts/tz/tsh open a word (Tsai, Tzu); inside a Thai word t+s are two
            # syllables (Kasetsiri = ka.set.si.ri)
            if word.startswith(d, i) and (i == 0 or d[:2] not in ("ts", "tz")):
                out.append((d, False))
                i += len(d)
                break
        else:
            out.append((ch, False))
            i += 1
    return out


@lru_cache(maxsize=200_000)
def latin_syllables(word: str, clusters: bool = True) -> tuple[str, ...]:
    """Syllables of a romanised name word (``"Thinwat"`` -> ``("thin", "wat")``).

    Between two vowels a single consonant opens the next syllable (``ng`` closes the previous
    one); of several, the last opens the next syllable, or the last two when they are an onset
    cluster (``Siprasoet`` -> si.pra.soet, ``Jankwae`` -> jan.kwae). Hyphens are boundaries.
    ``clusters=False`` splits such pairs too (``Phetrat`` -> phet.rat rather than phe.trat).
    """
    out: list[str] = []
    for piece in word.split("-"):
        units = _units(ascii_fold(piece))
        vowel_at = [i for i, (_, v) in enumerate(units) if v]
        if not vowel_at:
            if units:
                out.append("".join(u for u, _ in units))
            continue
        cuts: list[int] = []
        for a, b in pairwise(vowel_at):
            k = b - a - 1  # consonant units between two vowels
            if k == 0:
                continue
            if k == 1:
                cuts.append(b if units[a + 1][0] == "ng" else a + 1)
            elif clusters and (units[b - 2][0], units[b - 1][0]) in _ONSET_CLUSTERS:
                cuts.append(b - 2)
            else:
                cuts.append(b - 1)
        start = 0
        for cut in [*cuts, len(units)]:
            out.append("".join(u for u, _ in units[start:cut]))
            start = cut
    return tuple(s for s in out if s)
