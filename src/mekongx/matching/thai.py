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

from mekongx.matching.thai_division import _GEMINATE, Division
from mekongx.matching.thai_letters import (
    _CLUSTER_1,
    _CONS,
    _FINAL,
    _INIT,
    _LEAD,
    _LINKABLE,
    _SILENT_R_AFTER,
    _SONORANT,
    _TONE,
    _TONED_HO,
    _chinese_u,
    _split_lead_e,
    _strip_silent,
)


@lru_cache(maxsize=100_000)
def _letters(word: str, chinese: bool) -> tuple[str, str]:
    """The letters the reader walks, and the cancelled tail that a spelling sounds
    (``_strip_silent``): the same for every reading of a word but the Chinese one, so worked out
    once per word, not once per reading (a Thai word is read four to eight ways)."""
    # a tone mark sits on the last consonant of the onset: ห carrying one is an onset of its
    # own (ไห่รุ่ย = hai-rui), not the silent leading ห of หร/หล/หม…; ฮ reads the same
    word = _TONED_HO.sub("ฮ", word)
    bare = "".join(ch for ch in word if ch not in _TONE)
    return _strip_silent(_chinese_u(bare) if chinese else _split_lead_e(bare))


class _Parser(Division):
    def __init__(
        self,
        word: str,
        spelling: bool,
        hw: bool = False,
        chinese: bool = False,
        linked: bool = False,
        rue: bool = False,
    ) -> None:
        self.hw = hw
        self.rue = rue
        self.ru_onset = False
        self.s, tail = _letters(word, chinese)
        self.tail = tail if spelling else ""
        self.i = 0
        self.spelling = spelling
        self.linked = linked
        self.extra = ""
        self.out_vowel = ""
        self.force_final = False
        self.pairs_left = 0
        self.out: list[str] = []

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
            if self.extra:
                self.out.append(self.extra)
                self.extra = ""
                closed = False
            prev_closed = closed
        if self.tail:
            self.out.append(self.tail)
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
        # after a leading เ/แ/โ, ห leads the sonorant (เหมือน, แหลม) unless the sonorant closes the
        # syllable: at the end or before a syllable of its own (เหม = hem, เหมวิบูลย์ = hem-wi-bun)
        ho_onset = (
            c1 == "ห"
            and self.lead in ("เ", "แ", "โ")
            and not self.vowel_follows(self.i)
            and (self.at(self.i + 1) == "" or self.opens_syllable(self.i + 1))
        )
        if (
            c1 == "ห"
            and c2 in _SONORANT
            and cluster_ok
            and self.at(self.i + 1) != ""
            and not ho_onset
        ):
            self.i += 1
            return "hu" if self.hw and c2 == "ว" else _INIT[c2]
        if c1 == "ห" and c2 in _SONORANT and self.lead and not ho_onset:
            self.i += 1
            return _INIT[c2]
        if c1 == "อ" and c2 == "ย" and cluster_ok:
            self.i += 1
            return "y"
        if (
            self.linked
            and c2 in "วร"
            and (
                (c1 in "กขคทศส" and self.at(self.i + 1) in ("ิ", "ี", "า", "ั"))
                or (c1 in "ปพ" and c2 == "ร" and self.at(self.i + 1) == "ิ")
            )
        ):
            # formally กวิน ka-win, สรานนท์ sa-ra-non (Kawin, Saranon), ปริวัฒน์ pa-ri-wat
            return _INIT[c1]
        if (
            c1 in "ศส"
            and c2 == "ร"
            and self.i > 1
            and not self.lead
            and self.at(self.i + 1) in ("า", "ิ", "ุ", "ู", "ั")
        ):
            # inside a word สร/ศร with a vowel other than ี are two syllables (นิสรา ni-sa-ra
            # Nisara, วิศรุตา Witsaruta, บุศรินทร์ Butsarin); ศรี stays si, เสริม soem
            return _INIT[c1]
        sr_ng = self.at(self.i + 1) == "ง" and not self.vowel_follows(self.i + 1)  # สรง, ทรง song
        # after a leading vowel the ร is silent (เสริม soem, เศรษฐ set) unless a voweled consonant
        # follows it: then it opens a syllable (โสรยา so-ra-ya, Soraya)
        lead_sr = self.lead and not self.vowel_follows(self.i + 1)
        if c1 in "ทศส" and c2 == "ร" and (self.vowel_follows(self.i) or lead_sr or sr_ng):
            self.i += 1
            return "s"
        if (
            c1 in _CLUSTER_1
            and c2 in "รล"
            and (
                (self.vowel_follows(self.i) and not self.lead)
                or (self.lead and not self._own_vowel(self.i))
            )
        ):
            self.i += 1
            return _INIT[c1] + _INIT[c2]
        if c2 == "ฤ" and c1 in _CLUSTER_1 + "ทศส":
            # ฤ after a consonant makes a cluster with it: กฤษ krit, พฤกษ์ phruek, ทฤษฎี thrit
            self.i += 1
            self.ru_onset = True
            return _INIT[c1] + "r"
        if c2 == "ว" and self.lead and self.at(self.i + 1) == "ี":
            self.i += 1
            return ("" if c1 == "อ" else _INIT[c1]) + "w"
        # after a leading vowel, กว/ขว/คว is a cluster only before a final ง/น (แขวง, แขวน); else
        # ว closes the syllable (แก้ว = kaeo, แก้วมณี = kaeo-ma-ni)
        wo_cluster = (
            self.lead and self.at(self.i + 1) in ("ง", "น") and not self.opens_syllable(self.i + 1)
        )
        if c1 in "กขค" and c2 == "ว" and (self.vowel_follows(self.i) or wo_cluster):
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
        onset_at = self.i
        if onset_char in "ฤฦ":
            # ฤ is a syllable of its own (rue at the start, ri inside) and may take a final
            # (พลฤทธิ์ = phon-rit, ฤชุพันธุ์ = rue-chu-phan)
            self.i += 1
            onset = "r" if onset_char == "ฤ" else "l"
            vowel = "i" if start > 0 and not self.rue else "ue"
            may_close = self.is_cons(self.i) and not self.opens_syllable(self.i)
        else:
            onset_at = self.i
            onset = self.onset()
            if onset == "-":
                onset = ""
            if self.ru_onset:
                self.ru_onset = False
                vowel = "ue" if self.rue else "i"
                may_close = self.is_cons(self.i) and not self.opens_syllable(self.i)
            else:
                vowel, may_close = self.vowel()
        if vowel == "":
            # a bare consonant: silent after a closed syllable at the end of the word or before a
            # leading vowel (ลักษ(ณ์), จันท(ร์)โอชา) unless spelling; otherwise implicit a or o
            nxt = self.i
            if prev_closed and (nxt >= len(self.s) or self.at(nxt) in _LEAD):
                # silent (ลักษ(ณ์)), but formally a syllable before a leading vowel (บุณยเกตุ
                # bun-ya-ket)
                before_lead = nxt < len(self.s) and self.linked
                return (onset + "a" if self.spelling or before_lead else ""), False
            run, to_end = self._bare_run(onset_at)
            if self.spelling and self.linked and nxt == len(self.s) - 1 and self.is_cons(nxt):
                # formal spelling: every bare consonant has its a (ฐาปน tha-pa-na, Thapana)
                vowel, may_close = "a", False
            elif self.linked and onset_char == "บ" and start == 0 and run <= 2:
                vowel, may_close = "o", False  # บดินทร์ bo-din, บวร bo-won (Bordin, Boworn)
            elif self.pairs_left > 0 and run >= 2:
                self.pairs_left -= 2  # the rest of an odd run pairs up (กมล ka-mon)
                vowel, may_close = "o", True
                self.force_final = True
            elif (
                nxt - onset_at == 1
                and run % 2 == 1
                and run >= 3
                and (to_end or self.linked or self.at(onset_at + run) in _LEAD)
            ):
                # an odd run of bare consonants starts with Ca and pairs up after it (กนก ka-nok,
                # กนกพร ka-nok-phon; formally กมลวิศิษฎ์ ka-mon-wi-sit), before a leading vowel too
                # (ขจรเกียรติ kha-chon-kiat, not khot-kiat)
                vowel, may_close = "a", False
                self.pairs_left = run - 1
            elif self.linked and run >= 2 and nxt - onset_at == 1 and (not to_end or run >= 4):
                # formally, the bare consonants of an even run each have their a (ธนวัฒน์
                # tha-na-wat beside thon-wat, ธนพล tha-na-phon); before a bare ร the a is o
                # (วรภพ wo-ra-phop, ปรเมษฐ์ po-ra-met, นรเทพ no-ra-thep)
                vowel = "o" if self.at(nxt) == "ร" and onset_at == 0 and onset_char != "ร" else "a"
                may_close = False
            elif to_end and run % 2 == 0 and run >= 4:
                vowel, may_close = "o", True  # pairs: สมพร som-phon, กนกพร ka-nok-phon
                self.force_final = True
            elif self.is_cons(nxt) and not self.opens_syllable(nxt) and not self.stranded(nxt + 1):
                vowel, may_close = "o", True
            else:
                vowel, may_close = "a", False
        final = f = ""
        forced, self.force_final = self.force_final, False
        if may_close and (forced or self.takes_final(vowel)):
            f = self.at(self.i)
            if f == "ร" and self._silent_r_before_final():
                # ร silent before the final it precedes (เกียรติ = kiat, สามารถ = samat)
                self.i += 1
                f = self.at(self.i)
            final = _FINAL.get(f, "")
            if final == "-":
                final = ""
            self.i += 1
            # silent ร after a final (บุตร, ชินวัตร, จักร, เพชร)
            if (
                self.at(self.i) == "ร"
                and f in _SILENT_R_AFTER
                and (not self.opens_syllable(self.i) or self.at(self.i + 1) == "ร")
            ):
                self.i += 1
                if self.spelling:
                    final += "ra"
                elif (
                    self.linked
                    and self.at(self.i) != "ร"
                    and (self.is_cons(self.i) or self.at(self.i) in _LEAD)
                ):
                    # formally sounded before the rest of the word (วัชรพงศ์ Watcharaphong,
                    # จักรพันธ์ Chakkraphan)
                    self.extra = _INIT[f] + ("ra" if f in _CLUSTER_1 else "ara")
                    forced = True
            self.out_vowel = vowel
            if not forced:  # the pairs of a run of bare consonants do not link (กนกพร)
                self._link(f, final)
        if final == "u" and (vowel.endswith("a") or vowel in ("e", "ae")):
            final = "o"  # RTGS -ao, -eo, -aeo (ขาว khao, เร็ว reo, แก้ว kaeo)
        syl = onset + vowel + final
        if vowel.endswith("u") and final == "u":
            syl = onset + vowel
        if self.extra and f in "รว":
            # a linking ร/ว opens the next syllable instead (ธีร-ศิลป์ thi-ra-sin, ศิว-รักษ์ si-wa-rak)
            syl = onset + vowel
        return syl, bool(final)

    def _link(self, f: str, final: str) -> None:
        """Formal (Pali-Sanskrit) reading: a final inside a word also opens the next syllable.

        ณัฐยา nat-tha-ya, ศุภชัย sup-pha-chai, เพชรรัตน์ phet-cha-rat, เกียรติศักดิ์ kiat-ti-sak,
        ธีรศิลป์ thi-ra-sin. Passports and RTGS often write these linking syllables.
        """
        if not self.linked or not final or f not in _LINKABLE or self.at(self.i) == f:
            return  # no link before a doubled letter (กิตติ kit-ti)
        if (f, self.at(self.i)) in _GEMINATE:
            return  # the second of a double stop is the linking syllable (ยุทธนา yut-tha-na)
        if f == "ษ" and self.at(self.i) == "ฐ" and self.i + 1 == len(self.s):
            return  # ษฐ at the end: ฐ silent (พิสิษฐ phi-sit)
        if f in "ณญน" and self.at(self.i) in "ยหทธฐฑฒจชฌ":
            return  # Pali nt/nth, nc and ny keep their own reading (อินทนนท์, บุณยเกตุ, กาญจนา)
        if f == "ว" and self.out_vowel not in ("i", "a", "u"):
            return  # ว links only after i (ศิว-รักษ์ si-wa-rak); แก้ว-มณี stays kaeo-ma-ni
        nxt = self.at(self.i)
        if self.spelling and f == "ร" and nxt == "":
            self.extra = "ra"  # a final ร sounded in spelling (ชุณหวชิร Chunhavajira)
            return
        if nxt in "ิุ" and self.is_cons(self.i + 1):
            self.i += 1
            self.extra = _INIT[f] + ("i" if nxt == "ิ" else "u")
        elif self.is_cons(self.i) or (nxt != "" and nxt in _LEAD) or (nxt == "" and self.tail):
            self.extra = _INIT[f] + "a"  # รัตน์ spelt rat-ta-na (Ratana)

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
                return "oe", True  # เทอด thoet
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
            if nxt == "ย" and not self.vowel_follows(i):
                self.i += 1  # ไทย, ไชย: the ย is silent (thai, chai)
                nxt = self.at(self.i)
                if self.linked and (self.is_cons(self.i) or (nxt != "" and nxt in _LEAD)):
                    # formally sounded before the rest: ไชยวัฒน์ chai-ya-wat; not at the end of
                    # the word (เสถียรไทย sa-thia-ra-thai, not …-thai-ya)
                    self.extra = "ya"
            return "ai", False
        if self.linked and i == 1 and self.at(0) == "บ" and nxt == "ว" and self.at(i + 1) == "ร":
            return "o", False  # formally บวร bo-won (Boworn, Bowornsak), not buan
        if (
            self.linked
            and i == 1
            and nxt == "ว"
            and self.at(0) not in "กขคอห"
            and self.is_cons(i + 1)
            and not self.vowel_follows(i)
            and len(s) > 3
        ):
            return "a", False  # formally นวพล na-wa-phon, ชวกร cha-wa-kon (not nua-, chua-)
        if (
            self.linked
            and i > 1
            and nxt == "ว"
            and self.at(i - 1) != "อ"
            and self.is_cons(i + 1)
            and self.vowel_follows(i + 1)
        ):
            return "a", False  # … and inside a word: จาติกวณิช cha-ti-ka-wa-nit (Chatikavanij)
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
        if (
            nxt == "ว"
            and self.is_cons(i + 1)
            and not self.vowel_follows(i)
            and not (self.at(i + 1) == "ร" == self.at(i + 2))  # ภควรรณ pha-kha-wan
        ):
            self.i += 1
            return "ua", True
        if nxt == "ร" and self.at(i + 1) == "ร":
            self.i += 2
            run, _ = self._bare_run(self.i)
            if run >= 2 and run % 2 == 0:
                return "an", False  # the run pairs up after it: บรร-ยง ban-yong, บรร-พต ban-phot
            if self.is_cons(self.i) and not self.opens_syllable(self.i):
                return "a", True
            return "an", False
        del s
        return "", True


@lru_cache(maxsize=200_000)
def syllables(
    word: str,
    spelling: bool = False,
    hw: bool = False,
    chinese: bool = False,
    linked: bool = False,
    rue: bool = False,
) -> tuple[str, ...]:
    """Romanised syllables of one Thai word.

    ``hw`` reads ห+ว as "hu" (as in Chinese names: หวา = hua, หวาง = huang) instead of a silent ห;
    ``chinese`` also reads the Thai spellings of Mandarin ü as pinyin does (สฺวี = xu, จวิน = jun);
    ``linked`` gives a final inside the word its own syllable too, as formal readings of
    Pali-Sanskrit names do (ศุภชัย = su-pha-chai); ``rue`` reads ฤ as rue everywhere (พฤกษ์ phruek,
    นฤมล na-rue-mon) instead of ri inside a word (กฤษ krit).
    """
    return tuple(_Parser(word, spelling, hw, chinese, linked, rue).parse())


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
