"""Hanyu Pinyin -> Thai script after the Royal Institute (RI49) and committee (THC43) systems.

The correspondence tables live in ``data/pinyin_thai.yaml``; this module only composes a syllable
from onset, final template and tone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, Literal

from mekongx.matching import _data

System = Literal["ri49", "thc43"]

_INITIALS: tuple[str, ...] = (
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
    "z", "c", "s", "r", "w", "y",
)  # fmt: skip
_MAI_EK, _MAI_THO, _MAI_JATTAWA = "\u0e48", "\u0e49", "\u0e4b"
_SYLLABLE = re.compile(r"^([a-zü]+)([1-5]?)$")


@cache
def _table() -> Any:
    return _data.yaml_table("pinyin_thai.yaml")


def split_syllable(syllable: str) -> tuple[str, str, int]:
    """``"zhang1"`` -> ``("zh", "ang", 1)``; ü spelt ``v`` or ``u`` after j/q/x/y is restored."""
    m = _SYLLABLE.match(syllable.lower().replace("v", "ü"))
    if not m:
        raise ValueError(f"not a pinyin syllable: {syllable!r}")
    body, tone = m.group(1), int(m.group(2) or 5)
    initial = next((i for i in _INITIALS if body.startswith(i) and body != i), "")
    final = body[len(initial) :]
    if initial in ("j", "q", "x", "y") and final.startswith("u"):
        final = "ü" + final[1:]
    if initial == "y":
        if final == "i":
            initial = ""
        elif final == "e":
            final = "ê"
        elif final == "an":
            final = "ian"
        elif final.startswith("ü"):
            initial = ""
    if initial == "w" and final == "u":
        initial = ""
    if initial == "w" and final == "o":
        final = "o_lab"
    if final == "üe" and initial == "":
        final = "üe"
    if initial in ("z", "c", "s", "zh", "ch", "sh", "r") and final == "i":
        final = "ɨ"
    if initial in ("b", "p", "m", "f") and final == "o":
        final = "o_lab"
    if final == "ue":
        final = "üe"
    return initial, final, tone


def sandhi(tones: list[int]) -> list[int]:
    """Third-tone sandhi: a third tone before another third tone is read as a second tone."""
    out = list(tones)
    for i in range(len(out) - 2, -1, -1):
        if out[i] == 3 and out[i + 1] == 3:
            out[i] = 2
    return out


def _onset_for_tone(consonant: str, tone: int) -> tuple[str, str]:
    """Onset letters and tone mark giving Thai mid/rising/low/falling for Mandarin 1/2/3/4."""
    t = _table()
    mid_class = consonant in t["mid_class"]
    if tone in (1, 5):
        return consonant, ""
    if mid_class:
        return consonant, {2: _MAI_JATTAWA, 3: _MAI_EK, 4: _MAI_THO}[tone]
    if tone == 4:
        return consonant, _MAI_EK
    high = t["high_partner"].get(consonant)
    if high is None and consonant in t["sonorants"]:
        high = "ห" + consonant
    if high is None:
        high = consonant
    return high, ("" if tone == 2 else _MAI_EK)


def syllable_to_thai(initial: str, final: str, tone: int, system: System) -> str:
    t = _table()
    if system == "thc43" and initial == "y" and final in ("in", "ing"):
        initial = ""
    consonant = t["initials"][system][initial]
    template = None
    if system == "ri49" and tone == 4:
        template = t["ri49_tone4_short"].get(final)
    if template is None:
        entry = t["finals"].get(final)
        if entry is None:
            raise ValueError(f"no Thai rendering for pinyin final {final!r}")
        template = entry[system]
    onset, mark = _onset_for_tone(consonant, tone)
    return str(template).replace("{C}", onset).replace("{T}", mark)


@lru_cache(maxsize=100_000)
def _to_thai(syllables: tuple[str, ...], system: System) -> str:
    parts = [split_syllable(s) for s in syllables]
    tones = sandhi([p[2] for p in parts])
    return "".join(
        syllable_to_thai(ini, fin, tone, system)
        for (ini, fin, _), tone in zip(parts, tones, strict=True)
    )


def pinyin_to_thai(syllables: Sequence[str], system: str = "thc43") -> str:
    """A word given as numbered pinyin syllables (``["lan2"]``) -> Thai script.

    ``system`` is ``"thc43"`` (committee 2000, used by Thai media) or ``"ri49"`` (Royal Institute).
    """
    if system not in ("thc43", "ri49"):
        raise ValueError(f"system: expected 'thc43' or 'ri49', got {system!r}")
    return _to_thai(tuple(syllables), system)
