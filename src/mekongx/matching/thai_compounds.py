"""Thai names as compounds of name words, each read on its own.

Thai given names and family names are mostly compounds of a small stock of name words
(อุดม + ลักษณ์, นวล + อนงค์, บวร + ศักดิ์, วรรณ + วลี). Read as one word, the letters where two of
them meet are often divided wrongly (อุดมลักษณ์ as ut-ma-lak; อรวดี as a-ruat-di), while each
word alone reads right (u-dom, lak; on, wa-di). ``splits`` cuts a word where it begins or ends
with one of the name words below, so that the reader can read both pieces separately as well.

The list holds common elements of Thai personal names (the Royal Institute's dictionary,
พจนานุกรมฉบับราชบัณฑิตยสถาน, has each word; th.wikipedia.org/wiki/ชื่อบุคคลไทย describes how Thai
names are formed). It was written by hand from Thai naming practice and from the misses of the
tuning data of benchmarks/names_thai_spellings.py (the train split of the real persons and the
``dev`` part of the annotated names), never from its held-out parts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mekongx.matching import thai

# name words that end a compound (…ศักดิ์, …วรรณ, …พร)
_LAST = (
    "ศักดิ์ ลักษณ์ วรรณ วรรณ์ พรรณ พงศ์ พงษ์ วงศ์ วงษ์ ชัย ไชย พร พล ศรี สุข รัตน์ รัตนา กุล นุช"
    " อนงค์ ภรณ์ พันธ์ พันธุ์ วัฒน์ วัฒนา ทอง แก้ว ศิริ สิริ กาญจน์ นนท์ นันท์ เดช ฤทธิ์ ยศ ชาติ"
    " ธร ศิลป์ ภัทร พัฒน์ ธิดา วดี วลี นภา ประภา มณี ลดา ดารา ชนก ชนะ นาถ เกียรติ สวัสดิ์ สมบัติ"
    " ทิพย์ วิไล อุไร ภูมิ ภพ ภัค ชล นิตย์ ธนา ธาดา ฤดี ฤทัย อุดม ศักดา วุฒิ ชุติ สันต์"
).split()
# name words that begin one (อร…, นวล…, อุดม…)
_FIRST = (
    "อร นวล อุดม อุบล บวร ภัทร พร ศรี สุข ทอง แก้ว รัตน พงศ์ พงษ์ วงศ์ วงษ์ วร ธน ชล กมล กนก จันทร์ ปิย ศุภ"
    " สม ประ พิม นิล มาลี ลำ บุญ เพ็ญ วิไล อำไพ สมบูรณ์ เกียรติ เกษม ยศ ชาติ วุฒิ เกตุ ภูมิ โชติ"
    " ดวง นัก อิศร อิสร"
).split()
# the bound form of a first word that alone ends under ◌์ (พงศ์ phong): written without the mark
# before the next word, its cancelled letter is sounded sa (the Royal Institute's dictionary reads
# พงศ- as พง-สะ-: พงศาวดาร phong-sa-wa-dan; พงศกร phong-sa-kon, not พงศ์กรณ์ phong-kon)
_BOUND = {"พงศ": "พงศ์", "พงษ": "พงษ์", "วงศ": "วงศ์", "วงษ": "วงษ์"}


@lru_cache(maxsize=100_000)
def splits(word: str) -> tuple[tuple[str, str], ...]:
    """Ways to cut a Thai word into two name words, each piece at least two letters long."""
    out: list[tuple[str, str]] = []
    for w in _LAST:
        # not after a leading vowel, which belongs to the letter that follows it (ศรีแพร: แพร)
        if word.endswith(w) and len(word) - len(w) >= 2 and word[-len(w) - 1] not in "เแโใไ":
            out.append((word[: -len(w)], w))
    for w in _FIRST:
        rest = word[len(w) :]
        if word.startswith(w) and len(rest) >= 2 and _starts_word(rest):
            out.append((w, rest))
    for w in _BOUND:
        rest = word[len(w) :]
        if word.startswith(w) and len(rest) >= 2 and "\u0e01" <= rest[0] <= "\u0e2e":
            out.append((w, rest))
    return tuple(dict.fromkeys(out))


def _starts_word(text: str) -> bool:
    """Can a Thai word start here (a consonant or a leading vowel, not a vowel sign or mark)?"""
    return "\u0e01" <= text[0] <= "\u0e2e" or text[0] in "เแโใไ"


# อิศร / อิสร (Sanskrit īśvara, svara) begin a compound with their ร sounded: it-sa-ra or i-sa-ra
# (the Royal Institute's dictionary: อิสรภาพ อิด-สะ-หฺระ-พาบ; อิศรภักดี Isarabhakdi); alone they are
# i-son, which is all the reader gives
_ISARA = (("it", "sa", "ra"), ("i", "sa", "ra"))
_SOUNDED = {"อิศร": _ISARA, "อิสร": _ISARA}
# a first word that alone ends under ◌์ after a nasal final (เบญจรงค์ ben-cha-rong, นนท์ non),
# written without the mark before the next word: its last letter may stay silent (เบญจรงคกุล
# ben-cha-rong-kun, Bencharongkul: the word alone is เบญจรงค์ เบน-จะ-รง in the Royal Institute's
# dictionary); read as the free word too
_BARE_SILENT = re.compile("(?<=[ก-ฮ])[งนม][กขคฆจชซฎฏฐฑฒดตถทธบปพภศษส]$")


@lru_cache(maxsize=100_000)
def head_readings(first: str) -> tuple[tuple[str, ...], ...]:
    """Readings of the first word of a compound: as a word alone, formally, and, for a word of one
    closed syllable without a silenced letter, with its final opening the next syllable of the
    compound (ศศ-ลักษณ์ sa-sa-lak, วร-พล wa-ra-phon), which the formal reading of a whole word
    cannot give without linking every later final too (ศศลักษณ์ sa-sa-lak-ka-sa); only where the
    final does open a second syllable (สระ is sa alone: สรธร is not sa-thon)."""
    if free := _BOUND.get(first):
        return (thai.syllables(free, spelling=True),)
    if first in _SOUNDED:
        return _SOUNDED[first]
    out = [thai.syllables(first), thai.syllables(first, linked=True)]
    if _BARE_SILENT.search(first):
        out.append(thai.syllables(first + "\u0e4c"))
    if len(out[0]) == 1 and len(first) <= 3 and "\u0e4c" not in first:
        opened = thai.syllables(first + "\u0e30", linked=True)
        if len(opened) == 2:
            out.append(opened)
    return tuple(dict.fromkeys(r for r in out if r))
