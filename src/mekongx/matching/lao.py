"""Lao script read through the Thai reader.

Lao and Thai scripts descend from one alphabet and Lao spelling writes the sound: every Lao letter
has a Thai letter of the same sound and place (ກ ก, ສ ส, ຊ ซ, ຍ ย, ວ ว; the vowels ະ າ ິ ີ ຸ ູ ເ
ແ ໂ ໄ ໃ; the tone marks). A name in Lao script is rewritten letter for letter into Thai script and
read by the Thai reader, so ສົມສັກ is read som-sak like สมสัก and meets Somsak, Somsack and สมศักดิ์.
Three Lao spellings have no one-letter Thai twin: ົ (mai kon, the short o of a closed syllable,
which Thai leaves unwritten: ສົມ = สม), ຽ (the ia vowel: ວຽງ = เวียง) and ໍ (o: ບໍ = บอ); the
ligatures ໜ ໝ and the subscript ຼ are ຫ + ນ / ມ / ລ. Sources: Unicode Lao block chart (U+0E80–
U+0EFF) beside the Thai block (the two blocks are laid out letter for letter alike); Lao vowel
spellings after https://en.wikipedia.org/wiki/Lao_script.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Lao consonants, vowels, marks and digits -> Thai (same place in the two Unicode blocks where the
# letters correspond; ຊ is s, written ซ in Thai; ຍ and ຢ are both y)
_LETTERS = str.maketrans(
    {
        **dict(zip("ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ", "กขคงจสซยดตถทนบปผฝพฟมยรลวหอฮ", strict=True)),
        **dict(zip("ະັາຳິີຶືຸູເແໂໃໄໆ່້໊໋໌", "ะัาำิีึืุูเแโใไๆ่้๊๋์", strict=True)),
        **dict(zip("໐໑໒໓໔໕໖໗໘໙", "๐๑๒๓๔๕๖๗๘๙", strict=True)),
        "ົ": "",  # mai kon: short o, unwritten in Thai (ສົມ som = สม)
        "ໍ": "อ",  # o (ບໍ = บอ)
        "ຼ": "ล",  # subscript lo (ຫຼ = หล)
        "ໜ": "หน",
        "ໝ": "หม",
    }
)
# ຽ: the ia vowel after its consonant (and its tone mark), with or without a leading ເ
_IA = re.compile("ເ?([ກ-ຮ])([\u0ec8-\u0ecb]?)ຽ")
LAO = re.compile("[\u0e80-\u0eff]")


def to_thai(text: str) -> str:
    """Lao letters of ``text`` rewritten as the Thai letters of the same sound."""
    if LAO.search(text) is None:
        return text
    text = _IA.sub("ເ\\1ີ\\2ຍ", text)
    return text.translate(_LETTERS)


# French habits of Lao names in Latin letters (Thongloun, Sonexay, Bounnhang): ou for u, a silent e
# after a final n or m, nh for ny (ຍ)
_FRENCH = (
    (re.compile("ou"), "u"),
    (re.compile("(?<=[aeiou][nm])e(?![aeiouy])"), ""),
    (re.compile("nh"), "ny"),
)


@lru_cache(maxsize=100_000)
def latin_variants(word: str) -> tuple[str, ...]:
    """The word respelt without the French habits of Lao romanisation, when it has any
    (``"Sonexay"`` -> ``("sonxay",)``, ``"Thongloun"`` -> ``("thonglun",)``)."""
    w = word.lower()
    out = w
    for pattern, repl in _FRENCH:
        out = pattern.sub(repl, out)
    return (out,) if out != w else ()
