"""Lao script read through the Thai reader.

Lao and Thai scripts descend from one alphabet and Lao spelling writes the sound: every Lao letter
has a Thai letter of the same sound and place (ກ ก, ສ ส, ຊ ซ, ຍ ย, ວ ว; the vowels ະ າ ິ ີ ຸ ູ ເ
ແ ໂ ໄ ໃ; the tone marks). A name in Lao script is rewritten letter for letter into Thai script and
read by the Thai reader, so ສົມສັກ is read som-sak like สมสัก and meets Somsak, Somsack and สมศักดิ์.
Three Lao spellings have no one-letter Thai twin: ົ (mai kon, the short o of a closed syllable,
which Thai leaves unwritten: ສົມ = สม; before ວ it writes the vowel ua, Thai ั: ບົວ = บัว), ຽ (the ia vowel: ວຽງ = เวียง) and ໍ (o: ບໍ = บอ); the
ligatures ໜ ໝ and the subscript ຼ are ຫ + ນ / ມ / ລ. The oe vowel ເ-ີ is written เ-ิ in Thai before
a final consonant and เ-อ in an open syllable (ເຫຼີມ = เหลิม loem, as in Saleumxay); the short e of
ເ-ັ is Thai เ-็ (ເລັ່ງ = เล่ง leng, as in Lengsavad). Sources: Unicode Lao block chart (U+0E80–
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
# ເ-ີ (oe) closed by a final consonant (a consonant no vowel sign follows; not ຍ: ເ-ີຍ is the
# Thai-style spelling of ia) and open
_OE_CLOSED = re.compile(
    "ເ([ກ-ຮໜໝ]ຼ?)ີ([\u0ec8-\u0ecb]?)(?=(?!ຍ)[ກ-ຮໜໝ](?![\u0eb0-\u0ebc\u0ec8-\u0ecb]))"
)
_OE_OPEN = re.compile("ເ([ກ-ຮໜໝ]ຼ?)ີ([\u0ec8-\u0ecb]?)(?!ຍ)")
# ເ-ັ / ແ-ັ: the short e / ae closed by a final (ເລັ່ງ leng), which Thai writes with mai taikhu
# (เล็ง) or, under a tone mark, with the tone mark alone (เล่ง)
_SHORT_E = re.compile("([ເແ][ກ-ຮໜໝ]ຼ?)ັ([\u0ec8-\u0ecb]?)")
LAO = re.compile("[\u0e80-\u0eff]")


# ຳ (am) decomposed, as NFKC leaves it (ໍ + າ, a tone mark before or between them): Lao typed
# or stored in that form read ຄໍາ as kho-a (Khampheng 0.0)
_AM = re.compile("([\u0ec8-\u0ecb]?)\u0ecd([\u0ec8-\u0ecb]?)\u0eb2")


def to_thai(text: str) -> str:
    """Lao letters of ``text`` rewritten as the Thai letters of the same sound."""
    if LAO.search(text) is None:
        return text
    if "\u0ecd" in text:
        text = _AM.sub(lambda m: m[1] + m[2] + "\u0eb3", text)
    text = _SHORT_E.sub(lambda m: m[1] + (m[2] or "\u0e47"), text)
    text = _OE_CLOSED.sub("ເ\\1ິ\\2", text)
    text = _OE_OPEN.sub("ເ\\1\\2ອ", text)
    text = _IA.sub("ເ\\1ີ\\2ຍ", text)
    text = text.replace("ົວ", "ັວ")  # the vowel ua (ບົວ bua = บัว), not o + a final w
    return text.translate(_LETTERS)


# French habits of Lao names in Latin letters (Thongloun, Sonexay, Bounnhang, Phoumsavanh): ou for
# u, a silent e after a final n or m, a silent h after a final n (ນ: Viphavanh), nh for ny (ຍ)
_FRENCH = (
    (re.compile("ou"), "u"),
    # the e ends its syllable: the word ends or another syllable starts (Sone, Sonexay; not the
    # sounded e of Manet, which read as Mant met Many: Hun Manet / 洪玛尼 0.99)
    (re.compile("(?<=[aeiou][nm])e(?=$|[^aeiouy][aeiouy])"), ""),
    (re.compile("nh(?![aeiouy])"), "n"),
    (re.compile("nh"), "ny"),
)
# … and eu for the vowel oe (ເ-ີ: Saleumxay = ສະເຫຼີມໄຊ sa-loem-xai), also for ue (ື)
_EU = re.compile("eu(?![aeiou])")
_DOUBLED = re.compile("(?<=[aeiou])([mnl])\\1(?=[aeiou])")
# … as it writes the final n of a syllable before the Lao ny (ຍ) not at all (Sanya = ສັນຍາ
# san.nya = 萨亚 sa.ya)
_N_NY = re.compile("(?<=[aeiou])n(?=y[aeiou])")


@lru_cache(maxsize=100_000)
def latin_variants(word: str) -> tuple[str, ...]:
    """The word respelt without the French habits of Lao romanisation, when it has any
    (``"Sonexay"`` -> ``("sonxay",)``, ``"Thongloun"`` -> ``("thonglun",)``; ``"Saleumxay"`` ->
    ``("saloemxay",)``, eu read as the oe of ເ-ີ; ``"Souvanna"`` -> ``("suvanna", "suvana")``,
    ``"Sanya"`` -> ``("saya",)``)."""
    w = word.lower()
    out = w
    for pattern, repl in _FRENCH:
        out = pattern.sub(repl, out)
    oe = _EU.sub("oe", out)
    # a doubled consonant is the final of one syllable and the onset of the next, which a Chinese
    # transcription writes once (Souvanna = 梭发那 suo.fa.na)
    single = _N_NY.sub("", _DOUBLED.sub("\\1", out))
    return tuple(v for v in dict.fromkeys((out, oe, single)) if v != w)
