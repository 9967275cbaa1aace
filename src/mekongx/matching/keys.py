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

VOWELS = "aeiou"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[aeiou])t(h?)ra?$", "t"),
        (r"tch|tsh|ts|tz|zh|ch|sh|j|q|z", "c"),
        (r"hs|x", "s"),
        (r"ph|bh|b", "p"),
        (r"th|dh|d", "t"),
        (r"ng", "N"),
        (r"kh|gh|ck|g", "k"),
        (r"v", "w"),
        (r"r(?=n)", ""),
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
        (r"(.)\1+", r"\1"),
        (r"aia", "ai"),
        (r"^wu", "u"),
        (r"^([pmfw])o$", r"\1ua"),
        (r"uo", "ua"),
        (r"(?<=[^aeiou])w(?=[aeiou])", "u"),
        (r"uN", "oN"),
        (r"(?<=[aeiou])[ptk](?=[^aeioulw]|$)", ""),
    )
)


def ascii_fold(text: str) -> str:
    """Lower case, diacritics removed, letters only (ü kept as ``v`` like pinyin input does)."""
    text = text.lower().replace("ü", "v")
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
