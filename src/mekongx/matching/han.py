"""Chinese names: traditional -> simplified folding, surname segmentation and readings."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from mekongx.matching import _data

_TONE3 = re.compile(r"^([a-zü]+)([1-5]?)$")


def to_simplified(text: str) -> str:
    table = _data.trad_to_simp()
    return "".join(table.get(ch, ch) for ch in text)


def segment(han: str) -> tuple[str, str]:
    """Split a simplified Han name into (surname, given name); compound surnames first."""
    known = _data.surnames()
    if len(han) >= 3 and han[:2] in known:
        return han[:2], han[2:]
    if len(han) == 2 and han in known and len(known[han].pinyin) > 3:
        return han, ""
    return han[:1], han[1:]


def _numbered(syllables: list[str]) -> list[str]:
    out = []
    for s in syllables:
        s = s.replace("v", "ü")
        out.append(s if s[-1:].isdigit() else s + "5")
    return out


@lru_cache(maxsize=100_000)
def surname_pinyin(surname: str) -> tuple[str, ...]:
    """Numbered pinyin of a surname using the surname reading (单 -> shan4, not dan1)."""
    row = _data.surnames().get(surname)
    if row is None or len(surname) > 1:
        syl = lazy_pinyin(surname, style=Style.TONE3, neutral_tone_with_five=True)
        return tuple(_numbered(syl))
    for reading in pinyin(surname, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[
        0
    ]:
        if reading.rstrip("12345").replace("ü", "v") == row.pinyin:
            return (reading.replace("v", "ü"),)
    return (row.pinyin + "5",)


@lru_cache(maxsize=200_000)
def given_pinyin(given: str) -> tuple[str, ...]:
    if not given:
        return ()
    syl = lazy_pinyin(given, style=Style.TONE3, neutral_tone_with_five=True)
    return tuple(_numbered(syl))


def toneless(syllables: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.rstrip("12345").replace("ü", "v") for s in syllables)


@lru_cache(maxsize=100_000)
def wade_giles(han: str) -> str:
    syl = lazy_pinyin(han, style=Style.WADEGILES)
    return "".join(s.replace("'", "").replace("v", "u") for s in syl)


@lru_cache(maxsize=100_000)
def wade_giles_syllables(han: str) -> tuple[str, ...]:
    syl = lazy_pinyin(han, style=Style.WADEGILES)
    return tuple(s.replace("'", "").replace("v", "u") for s in syl)


def surname_share(pinyin_surname: str) -> float:
    """Per-mille share of the population with a surname read this way (0.05 if unknown)."""
    return _data.surname_pinyin_share().get(pinyin_surname, 0.05)


def given_share(syllable: str) -> float:
    return _data.given_syllable_share().get(syllable, 0.5)
