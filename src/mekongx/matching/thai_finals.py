"""Two finals of a Latin spelling of a Thai word that the Thai letters must hold: -l and -orn.

The phonetic key and the consonant outline (``outline.py``) treat r and l alike (Thai speakers say
both as l; a final ร, ล and น all sound n), so that spellings of one name meet; ธนพร Thanaporn and
ธนพล Thanaphol, มาริสา and มาลิษา Malisa met as if one name. What a spelling writes is still
telling where the Thai word lacks the letter behind it:

- **a final l** (Nantapol, Kamol, Phol: an l no vowel follows) is written for ล, ฬ or ฦ; not for a
  word that has none (นันตพร);
- **-orn** (Porn, Kesorn, Insorn) is written for a syllable closed by ร, ณ or ญ or for the vowel
  ออ before น (อินสอน); not for ธเนศพล.

Checked against every annotated spelling of the ``dev`` part of nozomiyamada/thai_romanization
(commit 9968ea4; 3,537 spellings) and the train and seen real persons of
``benchmarks/data/names_thai_real.csv``: one of them writes a final l the Thai word has not
(Akkarapol for อัครพนธ์), none an -orn. An l that opens a syllable is not checked: Thai speakers
say ร as l and some write it so (Somluck for สมรักษ์, a real person's own spelling), although it
would part มาริสา from Malisa. Nor is -on: passports write พร as -phon (RTGS) and -pon as well
as -porn. ``thai_marks`` and ``latin_marks`` give these as letters of a word's shape
(``outline.shape``); ``differ`` compares them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mekongx.matching.keys import ascii_fold

ORN, L = "o", "l"

_THAI_ORN = re.compile("[รณญ]|อ[\u0e48-\u0e4b]?น")
_THAI_L = re.compile("[ลฬฦ]")
# -orng is ong with an r that marks a long vowel (Charn, Thorng), not a final r
_LATIN_ORN = re.compile("orn(?!g)")
_LATIN_FINAL_L = re.compile("l(?![aeiouyl])")  # Kamol, Phol; not Chollada's first l


@lru_cache(maxsize=100_000)
def latin_marks(word: str) -> str:
    """The marks of a Latin word (``"Nantapol"`` -> ``"l"``, ``"Thanaporn"`` -> ``"o"``)."""
    w = ascii_fold(word).lower()
    return (ORN if _LATIN_ORN.search(w) else "") + (L if _LATIN_FINAL_L.search(w) else "")


def thai_marks(word: str, published: tuple[str, ...] = ()) -> str:
    """The marks a Latin spelling of the Thai ``word`` may carry: its letters allow them, or one of
    its published Latin forms has them."""
    marks = (ORN if _THAI_ORN.search(word) else "") + (L if _THAI_L.search(word) else "")
    marks += "".join(latin_marks(v) for v in published)
    return "".join(m for m in (ORN, L) if m in marks)


def differ(thai: str, latins: list[str]) -> bool:
    """Does every Latin spelling (its marks) write something the Thai word (its marks) lacks?"""
    return bool(latins) and all(set(m) - set(thai) for m in latins)
