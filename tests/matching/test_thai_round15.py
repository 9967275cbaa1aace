"""Issue 12 A, fifteenth round: what the Thai letters allow a spelling to write.

- a word-final stop is written: a spelling that leaves it out (and its vowel with it) writes
  another name (จิรพัฒน์ is not Jirapa, ณฤทธิ์ not Nari);
- ◌์ over ทร after a vowel sign silences the ร only (ภัทร์ phat, not pha);
- a long า in a closed last syllable is not written u (สินีนาฏ is not Sineenut);
- inside a word the short i or u after a consonant is sounded (ภาชินี pha-chi-ni, not phat-ni;
  name words such as ชาติ, วุฒิ, เกตุ, ภูมิ, โชติ begin compounds instead); at the end of a word too after a
  sonorant other than ม (พายุ pha-yu, ภาณุ pha-nu; ภูมิ phum);
- a stop written twice between two vowels (Nattee, Manatchai) needs a Thai letter that can close
  the syllable (นที and มานะชัย have none).

Spellings: the annotated spellings of the `dev` part of nozomiyamada/thai_romanization (commit
9968ea4), each against the spelling of the nearest other `dev` name; no held-out row.
"""

from __future__ import annotations

import pytest

from mekongx.matching import endings, score, thai, thai_finals
from mekongx.matching.result import Decision


@pytest.mark.parametrize(
    ("thai_name", "own", "other"),
    [
        # a word-final stop left out (จิรภา's and นารี's spellings)
        ("จิรพัฒน์ ศรีสุข", "Jiraphat Srisuk", "Jirapa Srisuk"),
        ("จีรพัฒน์ ศรีสุข", "Chiraphat Srisuk", "Chirapha Srisuk"),
        ("ณฤทธิ์ ศรีสุข", "Narit Srisuk", "Nari Srisuk"),
        # a long า written u (สินีนุช's and สิรินุช's)
        ("สินีนาฏ ศรีสุข", "Sineenart Srisuk", "Sineenut Srisuk"),
        ("ศิรินาฎ ศรีสุข", "Sirinat Srisuk", "Sirinuch Srisuk"),
        # ภาชินี pha-chi-ni is not พัชนี phat-cha-ni
        ("ภาชินี ศรีสุข", "Pachinee Srisuk", "Patchanee Srisuk"),
        # a doubled stop where the Thai letters close no syllable (ณัฐธีร์'s, มนัสชัย's)
        ("นที ศรีสุข", "Nathee Srisuk", "Natthee Srisuk"),
        ("นที ศรีสุข", "Natee Srisuk", "Nattee Srisuk"),
        ("มานะชัย ศรีสุข", "Manachai Srisuk", "Manatchai Srisuk"),
        ("มานะชัย ศรีสุข", "Manachai Srisuk", "Manaschai Srisuk"),
    ],
)
def test_its_own_spelling_matches_another_names_is_refused(
    thai_name: str, own: str, other: str
) -> None:
    m = score(thai_name, own)
    assert m.decision is Decision.MATCH, m.explain()
    for a, b in ((thai_name, other), (other, thai_name)):
        m = score(a, b)
        assert m.decision is not Decision.MATCH, m.explain()


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        # ภัทร์ phat (dev spellings)
        ("ธีรภัทร์ ศรีสุข", "Teerapat Srisuk"),
        ("ธันยาภัทร์ ศรีสุข", "Thunyaphat Srisuk"),
        # a closing the letters allow: ั, or a short vowel before a Pali double (dev spellings)
        ("รัติยา ศรีสุข", "Rattiya Srisuk"),
        ("วุฒิชาติ ศรีสุข", "Wutthichart Srisuk"),
        ("นัทที ศรีสุข", "Nattee Srisuk"),
        ("มนัสชัย ศรีสุข", "Manatchai Srisuk"),
        # name words with a silent final vowel inside compounds (dev spellings)
        ("ชาติชาย ศรีสุข", "Chatchai Srisuk"),
        ("เกตุสุดา ศรีสุข", "Ketsuda Srisuk"),
        ("โชติรส ศรีสุข", "Chotrot Srisuk"),  # 0.12 on main
        ("พายุ ศรีสุข", "Payu Srisuk"),
    ],
)
def test_spellings_the_letters_allow_still_match(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is Decision.MATCH, m.explain()


def test_readings() -> None:
    assert thai.syllables("ภัทร์") == ("phat",)  # main: ("pha",)
    assert thai.syllables("จันทร์") == ("chan",)  # ทร both silent after a final
    assert thai.syllables("ภาชินี") == ("pha", "chi", "ni")  # main: ("phat", "ni")
    assert thai.syllables("สุภาวินี") == ("su", "pha", "wi", "ni")  # main: su-phao-ni
    assert thai.syllables("พายุ") == ("pha", "yu")  # main: ("phai",)
    assert thai.syllables("ภาณุ") == ("pha", "nu")  # main: ("phan",)
    assert thai.syllables("ชาติ") == ("chat",)
    assert thai.syllables("ภูมิ") == ("phum",)
    # ... and begins compounds so (ภูมิใจ phum-chai), though inside a word the i is sounded
    assert ("phum", "chai") in endings._thai_readings("ภูมิใจ")[0]


def test_closing_marks() -> None:
    assert "D" in thai_finals.latin_marks("Nattee")
    assert "D" in thai_finals.latin_marks("Manaschai")
    assert "D" not in thai_finals.latin_marks("Nathee")
    assert not thai_finals.may_close("นที")
    assert not thai_finals.may_close("มานะชัย")
    assert thai_finals.may_close("นัทที")  # ท after ั
    assert thai_finals.may_close("รัชยา")  # ช with no vowel of its own
