"""Where Thai syllables divide: which consonant opens a syllable and which closes one.

The predicates the Thai reader (``thai.py``) asks at each letter: does a vowel sign follow, is a
consonant the onset of the next syllable or the final of this one (runs of bare consonants,
silent ร, double stops, ษ). Royal Institute, หลักเกณฑ์การถอดอักษรไทยเป็นอักษรโรมันแบบถ่ายเสียง
(1999/2542) and the dictionary's pronunciations; examples at each rule.
"""

from __future__ import annotations

from mekongx.matching.thai_letters import (
    _AFTER,
    _CLUSTER_1,
    _CONS,
    _LEAD,
    _SILENT_R_AFTER,
    _SONORANT,
)

# Pali-Sanskrit double stops (tth, ddh, cch, kkh, pph, bbh): the first closes the syllable and
# the second is silent at the end of a word (ยุทธ yut, อัจฉรา at-cha-ra, พุทธ phut)
_GEMINATE = frozenset({("ท", "ธ"), ("ต", "ถ"), ("จ", "ฉ"), ("ก", "ข"), ("ป", "ผ"), ("พ", "ภ"),
                       ("ฏ", "ฐ"), ("ด", "ธ")})  # fmt: skip


class Division:
    """The word being read (``s``, letters after the rewrites of ``thai_letters``), the reading
    position ``i``, the leading vowel of the current syllable and the reading's options."""

    s: str
    i: int
    lead: str
    linked: bool
    spelling: bool

    def at(self, j: int) -> str:
        # the letter at j, or "" outside the word (a slice: no length to look up)
        return self.s[j : j + 1] if j >= 0 else ""

    def _own_vowel(self, j: int) -> bool:
        """Does the consonant at j carry a vowel sign that no leading vowel combines with (so it
        opens a syllable of its own: โกลัญญา ko-lan-ya, not klo-…)?"""
        nxt = self.at(j + 1)
        if self.lead == "เ":
            return nxt != "" and nxt in "ัุู"
        return nxt != "" and nxt in "ัิีึืุูา"

    def is_cons(self, j: int) -> bool:
        letter = self.at(j)
        return letter != "" and letter in _CONS

    def vowel_follows(self, j: int) -> bool:
        """Does a vowel sign attach to the consonant at j (so it opens a syllable)?"""
        nxt = self.at(j + 1)
        return nxt != "" and (nxt in _AFTER or (nxt == "อ" and not self.vowel_follows(j + 1)))

    def opens_syllable(self, j: int) -> bool:
        """Is the consonant at j the onset of a following syllable rather than a final?"""
        if not self.is_cons(j):
            return False
        if self.at(j) in "ฤฦ":
            return True
        if self.at(j + 1) == "ฤ" and self.at(j) in _CLUSTER_1 + "ทศส":
            return True  # คม-กฤษ khom-krit
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
        # a final ติ/ฒิ/ตุ… after a long vowel or ั at the end of a word is the final consonant,
        # its vowel silent in speech (ชาติ chat, ประวัติ prawat, เหตุ het; ภูมิ phum, the one
        # nasal); ``spelling`` still sounds it (Chart-i). Inside a word the vowel is sounded
        # (ราชินี ra-chi-ni, ภาชินี pha-chi-ni, สุภาวินี su-pha-wi-ni, ฟาติมา fa-ti-ma: the
        # Royal Institute's dictionary, and the IPA of the annotated names' dev part, but for
        # ชาติชาย and เกตุสุดา); name words that end so begin compounds (``thai_compounds``:
        # ชาติชาย chat-chai, เกตุสุดา ket-su-da). After another sonorant or ซ it is sounded at
        # the end too (ภาณุ pha-nu, อายุ a-yu, พายุ pha-yu, อาซิ a-si)
        if (
            not self.spelling
            and self.is_cons(j)
            and self.at(j + 1) in "ิุ"
            and j + 2 == len(self.s)
            and self.at(j) not in "รลงญณนยวซ"  # ปาริชา pa-ri-cha, ชาลิสา cha-li-sa
            and (self.lead in ("เ", "แ", "โ") or self.at(j - 1) in "าีูัุ")
            and not (self.lead and self.at(j) in "งญณนมยรลว")  # เปมิกา pe-mi-ka; เหตุ het
        ):
            return True
        # a final before ร ร after a leading vowel: the first ร is silent (เพชรรัตน์ = phet-rat)
        # (but แพร-พรรณ phrae-phan: there รร is the vowel of the next syllable)
        if (
            self.lead
            and self.at(j) in _SILENT_R_AFTER
            and self.at(j + 1) == self.at(j + 2) == "ร"
            and not self.is_cons(j + 3)
        ):
            return True
        # เ-ีย + ร: the ร closes the syllable (เจียรวนนท์ = chian-wa-non, not chia-ruan)
        if self.lead == "เ" and vowel == "ia" and self.at(j) == "ร":
            return True
        # ั is always closed by a final (อภัยวงศ์ = a-phai-wong, not a-pha-iwong)
        if vowel == "a" and self.at(j - 1) == "ั" and self.is_cons(j):
            return True
        # ษฐ at the end closes on ษ, ฐ silent (พิสิษฐ phi-sit, วิเชษฐ), like ษฐ์ (เชษฐ์ chet)
        if self.at(j) == "ษ" and self.at(j + 1) == "ฐ" and j + 2 == len(self.s):
            return True
        # -ารถ: ร silent before the final ถ (สามารถ samat, นงนารถ nong-nat), not a pair รถ rot
        if self.at(j) == "ร" and self.at(j - 1) == "า" and self.at(j + 1) == "ถ":
            return True
        # after an open vowel, an even run of bare consonants pairs up as CoC syllables
        # (อุดมพร u-dom-phon, อุดมโชค u-dom-chok); an odd one closes this syllable first
        run, to_end = self._bare_run(j)
        if (
            (not self.linked or self.at(j + 1) == self.at(j))
            # after a leading vowel the syllable closes first (เอก-ณรงค์ ek-na-rong, เกษ-กนก)
            and not self.lead
            and run >= 2
            and run % 2 == 0
            and (
                to_end
                or self.at(j + run) in _LEAD
                # มล pairs as mon before a voweled consonant (วิมลมาศ wi-mon-mat)
                or (run == 2 and self.at(j - 1) in "ิีุู" and self.s[j : j + 2] == "มล")
            )
            and self.at(j + 1) != "ร"  # ประวิตร prawit
            and self.at(j) != "ญ"  # ญ closes: กาญจน์ kan, กาญจนา kan-cha-na
            and (self.at(j), self.at(j + 1)) not in _GEMINATE  # ยุทธ yut, not yu-thot
            and not any(self.at(k) in "หอ" for k in range(j, j + run))  # หมินหรง: ห leads ร
            and not (self.at(j + 1) == self.at(j) and self.at(j - 1) in "ิุั")  # จิตต chit
        ):
            return False
        if not self.is_cons(j) or self.opens_syllable(j):
            return False
        if self.at(j) == "ญ":
            return True  # ญ without a vowel closes the syllable (กาญจน์ kan, บุญมา bun-ma)
        if self.at(j) in "ศส" and self.at(j + 1) == "ร" and self.vowel_follows(j + 1):
            return False  # ศร/สร sound s and open the next syllable (ชูศรี chu-si)
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
            if self.at(nxt) == self.at(j) or (self.at(j), self.at(nxt)) in _GEMINATE:
                return True  # a doubled consonant closes the syllable (จิตต chit, ยุทธ yut)
            silent_r = self.at(nxt) == "ร" and (
                (self.at(j) in "ตทด" and self.at(j - 1) in "ิุั")
                or (bool(self.lead) and self.at(j) in _SILENT_R_AFTER)
            )
            if nxt == last and not silent_r:
                return False
            if (
                nxt + 1 == last
                and self.at(j) not in "งมนยว"
                and self.is_cons(last)
                and not self.opens_syllable(last)
            ):
                return False
        return True

    def _silent_r_before_final(self) -> bool:
        """ร after a vowel and before a consonant that ends the syllable (เกียรติ, สามารถ)."""
        j = self.i
        nxt = self.at(j + 1)
        if not self.is_cons(j + 1) or nxt in "รวหอ":
            return False
        after = self.at(j + 2)
        return (
            after == ""
            or (after in "ิุ" and (j + 3 == len(self.s) or self.opens_syllable(j + 3)))
            or (self.is_cons(j + 2) and self.vowel_follows(j + 2))
        ) and self.at(j - 1) in "ยา"

    def _bare_run(self, j: int) -> tuple[int, bool]:
        """(consonants without a vowel from j on, whether they run to the end of the word)."""
        n = 0
        while (
            self.is_cons(j + n)
            and not self.vowel_follows(j + n)
            and not (self.at(j + n + 1) == "ร" == self.at(j + n + 2))  # สรรค์ = san
            and not (self.at(j + n + 1) == "ฤ" and self.at(j + n) in _CLUSTER_1 + "ทศส")
        ):
            n += 1
        return n, j + n >= len(self.s)
