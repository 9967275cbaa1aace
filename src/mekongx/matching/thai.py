"""Thai script -> Latin.

``romanize`` gives an RTGS-like pronunciation spelling (Royal Institute, "หลักเกณฑ์การถอดอักษรไทยเป็น
อักษรโรมันแบบถ่ายเสียง", 1999/2542) with two deliberate choices for matching: final ว after a vowel
other than a is written ``u`` (หลิว -> ``liu``, as pinyin does), and syllables are kept as a list.
``spelling`` additionally pronounces letters that are silent in speech, the way many official
and passport spellings do (ชินวัตร -> Shinawatra). ``passport_variants`` lists the surface
spellings that Thai passports commonly show for one RTGS form.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CONS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮฤฦ"
_INIT = dict(
    zip(
        _CONS,
        [
            "k",
            "kh",
            "kh",
            "kh",
            "kh",
            "kh",
            "ng",
            "ch",
            "ch",
            "ch",
            "s",
            "ch",
            "y",
            "d",
            "t",
            "th",
            "th",
            "th",
            "n",
            "d",
            "t",
            "th",
            "th",
            "th",
            "n",
            "b",
            "p",
            "ph",
            "f",
            "ph",
            "f",
            "ph",
            "m",
            "y",
            "r",
            "l",
            "w",
            "s",
            "s",
            "s",
            "h",
            "l",
            "-",
            "h",
            "rue",
            "lue",
        ],
        strict=True,
    )
)
_FINAL = dict(
    zip(
        _CONS,
        [
            "k",
            "k",
            "k",
            "k",
            "k",
            "k",
            "ng",
            "t",
            "t",
            "t",
            "t",
            "t",
            "n",
            "t",
            "t",
            "t",
            "t",
            "t",
            "n",
            "t",
            "t",
            "t",
            "t",
            "t",
            "n",
            "p",
            "p",
            "p",
            "p",
            "p",
            "p",
            "p",
            "m",
            "i",
            "n",
            "n",
            "u",
            "t",
            "t",
            "t",
            "-",
            "n",
            "-",
            "-",
            "n",
            "n",
        ],
        strict=True,
    )
)
_LEAD = "เแโใไ"
_TONE = "\u0e48\u0e49\u0e4a\u0e4b"
_AFTER = "ัิีึืุู็ะาำ\u0e3a"  # vowel signs written after/above/below the onset, plus phinthu
_SONORANT = "งญนมยรลว"
_CLUSTER_1 = "กขคตปผพ"
_SILENT = re.compile(r"[ก-ฮ][ิุ]?\u0e4c")
_TRO = re.compile(r"([ทตด])ร\u0e4c")


def _strip_silent(word: str) -> str:
    """Remove letters cancelled by the thanthakhat (์); ย์/ว์ after a vowel keep the glide."""
    word = _TRO.sub("", word)

    def repl(m: re.Match[str]) -> str:
        text = m.group(0)
        return text[0] if text[0] in "ยว" else ""

    return _SILENT.sub(repl, word)


_C = "[ก-ฮ]"
# Thai spellings of the Mandarin rounded vowel ü (RI49 with phinthu, THC43 with ว์ / วี / วิ),
# rewritten so that they read like pinyin u/ue/uan/un after j, q, x, y (สฺวี -> สู = "su" = xu).
_CHINESE_U: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"([ซสจชฉร])ือ", r"\1ี"),  # apical vowel of si/zi/ci/zhi/chi/shi/ri (ซือ = si)
        (r"อฺวี|อีว์", "ยู"),
        (r"อฺวิน|อวิน", "ยุน"),
        (r"เอฺวียน|เอวียน", "ยวน"),
        (r"เอฺว|เอวีย", "ยือ"),
        (f"เ({_C})ฺวียน|เ({_C})วียน", r"\1\2วน"),
        (f"เ({_C})ฺว(?!ี)|เ({_C})วีย", r"\1\2ือ"),
        (f"({_C})ฺวิน|({_C})วิน", r"\1\2ุน"),
        (f"({_C})ฺวี|({_C})ีว์", r"\1\2ู"),
    )
)


def _chinese_u(word: str) -> str:
    for pattern, repl in _CHINESE_U:
        word = pattern.sub(repl, word)
    return word


_TONED_HO = re.compile("ห(?=[\u0e48-\u0e4b])")
# เ before two consonants that are no cluster, with a vowel closing round the second (เ-ิ, เ-ือ,
# เ-าะ, เ-ียC): the first consonant is a syllable of its own with an implicit a (เฉลิม cha-loem,
# เจริญ cha-roen, เสนาะ sa-no, เสถียร sa-thian). Clusters, ห/อ leading and ว (เทวินทร์) excluded.
_SPLIT_LEAD_E = re.compile("เ([ก-ฮ])([ก-ฮ])(?=ิ|ือ|าะ|ีย[ก-ฮ](?!\u0e4c))")


def _split_lead_e(word: str) -> str:
    def repl(m: re.Match[str]) -> str:
        c1, c2 = m.group(1), m.group(2)
        cluster = (c1 in _CLUSTER_1 and c2 in "รล") or (c1 in "กขค" and c2 == "ว")
        if cluster or c1 in "หอ" or c2 == "ว" or (c1 in "ทศส" and c2 == "ร"):
            return m.group(0)
        return f"{c1}ะเ{c2}"

    return _SPLIT_LEAD_E.sub(repl, word)


class _Parser:
    def __init__(self, word: str, spelling: bool, hw: bool = False, chinese: bool = False) -> None:
        self.hw = hw
        # a tone mark sits on the last consonant of the onset: ห carrying one is an onset of its
        # own (ไห่รุ่ย = hai-rui), not the silent leading ห of หร/หล/หม…; ฮ reads the same
        word = _TONED_HO.sub("ฮ", word)
        bare = "".join(ch for ch in word if ch not in _TONE)
        self.s = _strip_silent(_chinese_u(bare) if chinese else _split_lead_e(bare))
        self.i = 0
        self.spelling = spelling
        self.out: list[str] = []

    def at(self, j: int) -> str:
        return self.s[j] if 0 <= j < len(self.s) else ""

    def is_cons(self, j: int) -> bool:
        return self.at(j) != "" and self.at(j) in _CONS

    def vowel_follows(self, j: int) -> bool:
        """Does a vowel sign attach to the consonant at j (so it opens a syllable)?"""
        nxt = self.at(j + 1)
        return nxt != "" and (nxt in _AFTER or (nxt == "อ" and not self.vowel_follows(j + 1)))

    def opens_syllable(self, j: int) -> bool:
        """Is the consonant at j the onset of a following syllable rather than a final?"""
        if not self.is_cons(j):
            return False
        if self.at(j + 1) == "ร" and self.at(j + 2) == "ร":
            return True
        if self.at(j) in "หอ" and self.at(j + 1) in _SONORANT and self.vowel_follows(j + 1):
            return True
        if self.vowel_follows(j) or (self.at(j + 1) in ("ว", "ร") and self.is_cons(j + 2)):
            return self.vowel_follows(j) or self.at(j + 1) == "ว"
        return False

    def stranded(self, j: int) -> bool:
        """Would the consonant at j be left without a vowel (so j-1 must open a syllable)?"""
        return self.is_cons(j) and not self.opens_syllable(j) and j == len(self.s) - 1

    def takes_final(self, vowel: str) -> bool:
        j = self.i
        # after a leading vowel, a consonant before อ + a voweled consonant closes the syllable
        # (แสง-อรุณ, not แส-งอ-รุณ)
        if (
            self.lead
            and self.is_cons(j)
            and self.at(j + 1) == "อ"
            and self.is_cons(j + 2)
            and self.vowel_follows(j + 2)
        ):
            return True
        # a final ติ/ฒิ/ตุ… after a long vowel or ั is the final consonant, its vowel silent in
        # speech (ชาติ chat, ประวัติ prawat, เหตุ het); ``spelling`` still sounds it (Chart-i)
        if (
            not self.spelling
            and self.is_cons(j)
            and self.at(j + 1) in "ิุ"
            and j + 2 == len(self.s)
            and (self.lead in ("เ", "แ", "โ") or self.at(j - 1) in "าีูั")
        ):
            return True
        if not self.is_cons(j) or self.opens_syllable(j):
            return False
        if vowel == "a" and self.at(j - 1) == "ั":
            return True
        # after a following vowel sign, ปร/กล… with a vowel of their own open the next syllable
        # (ศรี-ประ-เสริฐ); after a leading vowel they may close it (เอก-รัฐ)
        if (
            not self.lead
            and self.at(j) in _CLUSTER_1
            and self.at(j + 1) in "รล"
            and self.vowel_follows(j + 1)
        ):
            return False
        # after an optional-final vowel, C D<end> reads as a new syllable "CoD" (ธนา-กร, ภูมิ-พล)
        nxt = j + 1
        last = len(self.s) - 1
        if self.is_cons(nxt) and not self.opens_syllable(nxt):
            if nxt == last and not (self.at(nxt) == "ร" and self.at(j) in "ตทด"):
                return False
            if (
                nxt + 1 == last
                and self.at(j) != "ง"
                and self.is_cons(last)
                and not self.opens_syllable(last)
            ):
                return False
        return True

    def parse(self) -> list[str]:
        prev_closed = False
        while self.i < len(self.s):
            ch = self.at(self.i)
            if ch not in _CONS and ch not in _LEAD:
                self.i += 1
                continue
            syl, closed = self.syllable(prev_closed)
            if syl:
                self.out.append(syl)
            prev_closed = closed
        return self.out

    def onset(self) -> str:
        c1 = self.at(self.i)
        self.i += 1
        c2 = self.at(self.i)
        if c2 == "\u0e3a":  # phinthu: cluster marker in Chinese transcriptions (สฺวี)
            self.i += 1
            c2 = self.at(self.i)
            if c2 in _CONS:
                self.i += 1
                return ("" if c1 == "อ" else _INIT[c1]) + _INIT[c2]
        if not (c2 and c2 in _CONS):
            return _INIT[c1]
        cluster_ok = (
            self.lead
            or self.vowel_follows(self.i)
            or (
                c2 != "ง"
                and self.is_cons(self.i + 1)
                and not self.opens_syllable(self.i + 1)
                and (
                    self.i + 1 == len(self.s) - 1
                    or self.at(self.i + 2) in _LEAD
                    or self.opens_syllable(self.i + 2)
                )
            )
        )
        if c1 == "ห" and c2 in _SONORANT and cluster_ok and self.at(self.i + 1) != "":
            self.i += 1
            return "hu" if self.hw and c2 == "ว" else _INIT[c2]
        if c1 == "ห" and c2 in _SONORANT and self.lead:
            self.i += 1
            return _INIT[c2]
        if c1 == "อ" and c2 == "ย" and cluster_ok:
            self.i += 1
            return "y"
        if c1 in "ทศส" and c2 == "ร" and (self.vowel_follows(self.i) or self.lead):
            self.i += 1
            return "s"
        if c1 in _CLUSTER_1 and c2 in "รล" and (self.vowel_follows(self.i) or self.lead):
            self.i += 1
            return _INIT[c1] + _INIT[c2]
        if c2 == "ว" and self.lead and self.at(self.i + 1) == "ี":
            self.i += 1
            return ("" if c1 == "อ" else _INIT[c1]) + "w"
        if c1 in "กขค" and c2 == "ว" and (self.vowel_follows(self.i) or self.lead):
            self.i += 1
            return _INIT[c1] + "w"
        return "" if c1 == "อ" else _INIT[c1]

    def syllable(self, prev_closed: bool) -> tuple[str, bool]:
        start = self.i
        self.lead = ""
        if self.at(self.i) in _LEAD:
            self.lead = self.at(self.i)
            self.i += 1
            if not self.is_cons(self.i):
                return "", False
        onset_char = self.at(self.i)
        if onset_char in "ฤฦ":
            self.i += 1
            return ("ri" if start > 0 else "rue"), False
        onset = self.onset()
        if onset == "-":
            onset = ""
        vowel, may_close = self.vowel()
        if vowel == "":
            # a bare consonant: silent after a closed syllable at the end of the word or before a
            # leading vowel (ลักษ(ณ์), จันท(ร์)โอชา) unless spelling; otherwise implicit a or o
            nxt = self.i
            if prev_closed and (nxt >= len(self.s) or self.at(nxt) in _LEAD):
                return (onset + "a" if self.spelling else ""), False
            if self.is_cons(nxt) and not self.opens_syllable(nxt) and not self.stranded(nxt + 1):
                vowel, may_close = "o", True
            else:
                vowel, may_close = "a", False
        final = ""
        if may_close and self.takes_final(vowel):
            f = self.at(self.i)
            final = _FINAL.get(f, "")
            if final == "-":
                final = ""
            self.i += 1
            # silent ร after a final (บุตร, ชินวัตร, จักร)
            if self.at(self.i) == "ร" and not self.opens_syllable(self.i) and f in "ตทดก":
                self.i += 1
                if self.spelling:
                    final += "ra"
        if final == "u" and vowel.endswith("a"):
            final = "o"
        syl = onset + vowel + final
        if vowel.endswith("u") and final == "u":
            syl = onset + vowel
        return syl, bool(final)

    def vowel(self) -> tuple[str, bool]:
        """Vowel after the onset; returns (romanisation, whether a final consonant may follow)."""
        s, i, lead = self.s, self.i, self.lead
        nxt = self.at(i)
        if lead == "เ":
            if nxt == "า":
                self.i += 1
                if self.at(self.i) == "ะ":
                    self.i += 1
                    return "o", False
                return "ao", False
            if nxt == "ี" and self.at(i + 1) == "ย":
                self.i += 2
                return "ia", True
            if nxt == "ื" and self.at(i + 1) == "อ":
                self.i += 2
                return "uea", True
            if nxt == "ิ":
                self.i += 1
                return "oe", True
            if nxt == "อ":
                self.i += 1
                return "oe", False
            if nxt == "ย" and not self.vowel_follows(i):
                self.i += 1
                return "oei", False
            if nxt in "ะ็":
                self.i += 1
                return "e", nxt == "็"
            return "e", True
        if lead == "แ":
            if nxt in "ะ็":
                self.i += 1
            return "ae", True
        if lead == "โ":
            if nxt == "ะ":
                self.i += 1
            return "o", True
        if lead and lead in "ใไ":
            return "ai", False
        if nxt == "ั":
            if self.at(i + 1) == "ว":
                self.i += 2
                return "ua", True
            self.i += 1
            return "a", True
        simple = {"ะ": ("a", False), "า": ("a", True), "ำ": ("am", False), "ิ": ("i", True)}
        simple |= {"ี": ("i", True), "ึ": ("ue", True), "ุ": ("u", True), "ู": ("u", True)}
        if nxt in simple:
            self.i += 1
            return simple[nxt]
        if nxt == "ื":
            self.i += 1
            if self.at(self.i) == "อ":
                self.i += 1
            return "ue", True
        if nxt == "็" and self.at(i + 1) == "อ":
            self.i += 2
            return "o", True
        if nxt == "อ" and not self.vowel_follows(i):
            self.i += 1
            return "o", True
        if nxt == "ว" and self.is_cons(i + 1) and not self.vowel_follows(i):
            self.i += 1
            return "ua", True
        if nxt == "ร" and self.at(i + 1) == "ร":
            self.i += 2
            if self.is_cons(self.i) and not self.opens_syllable(self.i):
                return "a", True
            return "an", False
        del s
        return "", True


@lru_cache(maxsize=200_000)
def syllables(
    word: str, spelling: bool = False, hw: bool = False, chinese: bool = False
) -> tuple[str, ...]:
    """Romanised syllables of one Thai word.

    ``hw`` reads ห+ว as "hu" (as in Chinese names: หวา = hua, หวาง = huang) instead of a silent ห;
    ``chinese`` also reads the Thai spellings of Mandarin ü as pinyin does (สฺวี = xu, จวิน = jun).
    """
    return tuple(_Parser(word, spelling, hw, chinese).parse())


def romanize(word: str) -> str:
    """RTGS-like romanisation of one Thai word (``"ธนากร"`` -> ``"thanakon"``)."""
    return "".join(syllables(word))


def spelling(word: str) -> str:
    """Romanisation that also sounds letters silent in speech (``"ชินวัตร"`` -> ``"chinwatra"``)."""
    return "".join(syllables(word, spelling=True))


_PASSPORT_RULES: tuple[tuple[str, str], ...] = (
    (r"on$", "orn"),
    (r"on(?=[^aeiou])", "orn"),
    (r"^ph", "p"),
    (r"th", "t"),
    (r"kh", "k"),
    (r"i(?=[^aeiou]|$)", "ee"),
    (r"u(?=[^aeiou]|$)", "oo"),
    (r"n$", "l"),
    (r"w", "v"),
    (r"ch", "j"),
    (r"ph", "bh"),
)


def passport_variants(rtgs: str) -> list[str]:
    """Common non-RTGS spellings of one romanised Thai word (one rule applied at a time)."""
    out: list[str] = []
    for pattern, repl in _PASSPORT_RULES:
        variant = re.sub(pattern, repl, rtgs, count=1)
        if variant != rtgs and variant not in out:
            out.append(variant)
    return out
