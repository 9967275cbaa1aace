"""The end of a Thai word with a cancelled letter (◌์), and เ in a closed syllable (issue 12 A).

Pairs written by hand: RTGS and the common passport spellings of each word, and the spelling of
the other name that a careless match would take for it (จักรี Chakkri, จันจิรา Chanchira …); not
taken from a benchmark's held-out rows."""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.endings import (
    OPEN,
    OPEN_A,
    STOP,
    STOP_OR_A,
    latin_ending,
    latin_shape,
    thai_ending,
    thai_shape,
)
from mekongx.matching.outline import conflict
from mekongx.matching.result import Decision
from mekongx.matching.thai_vowels import CLOSED_E, thai


@pytest.mark.parametrize(
    ("thai_name", "latin", "code"),
    [
        ("จักรกริศน์", "Chakkri", "ending_differs"),  # Chakkri is จักรี: กริศน์ ends on t
        ("จักรกริศน์ ศรีสุข", "Chakkree Srisuk", "ending_differs"),
        ("วัชรีย์", "Watcharit", "ending_differs"),  # ีย์ ends open: Watcharit is วัชริศ
        ("ภควัฒน์", "Phakhawan", "ending_differs"),  # วัฒน์ is wat, not wan (ภควรรณ)
        ("สิทธิพัฒน์ ศรีสุข", "Sitthiphan Srisuk", "ending_differs"),  # สิทธิพันธ์
        ("เจนจิรา", "Chanchira", "vowels_differ"),  # จันจิรา
        ("ศิริเพ็ญ ศรีสุข", "Siriphan Srisuk", "vowels_differ"),  # ศิริพรรณ
        ("ธเนศ", "Thanat", "vowels_differ"),  # ธนัช
    ],
)
def test_another_names_spelling_does_not_match(thai_name: str, latin: str, code: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is not Decision.MATCH, m.probability
    assert code in [r.code for r in m.explanation], m.explain()
    assert score(latin, thai_name).decision is not Decision.MATCH


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        ("จักรกริศน์", "Chakkrit"),
        ("วัชรีย์", "Watcharee"),
        ("วัชรีย์", "Watchari"),
        ("ภควัฒน์", "Phakhawat"),
        ("สิทธิพัฒน์", "Sitthiphat"),
        ("ลักษณ์", "Laksana"),  # the formal a of a cancelled letter
        ("พานิชภักดิ์", "Panitchpakdi"),  # a cancelled letter with its vowel: either
        ("คำภีร์", "Khamphee"),
        ("ไพฑูรย์", "Paitoon"),
        ("เจนจิรา", "Jenjira"),
        ("ศิริเพ็ญ", "Siripen"),
        ("ธเนศ", "Thanet"),
        ("เสรี", "Seri"),
        ("เทวินทร์", "Tawin"),  # an open เ written a (a real person's spelling)
    ],
)
def test_spellings_of_the_word_still_match(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is Decision.MATCH, (m.probability, m.explain())


def test_endings_of_cancelled_letters() -> None:
    assert thai_ending("วัชรีย์") == OPEN  # a silent sonorant after a vowel
    assert thai_ending("วิบูลย์") == OPEN
    assert thai_ending("จักรกริศน์") == STOP_OR_A
    assert thai_ending("ลักษณ์") == STOP_OR_A
    assert thai_ending("ธเนศร์") == STOP_OR_A
    assert thai_ending("พงษ์") == ""  # ง is the final: either, as before
    assert thai_ending("จันทร์") == ""
    assert thai_ending("ศักดิ์") == ""  # Sak or Sakdi
    assert latin_ending("Ratana") == OPEN_A
    assert latin_ending("Aminah") == OPEN_A
    assert latin_ending("Chakkri") == OPEN
    assert latin_ending("Chakkrit") == STOP
    assert conflict(thai_shape("วัฒน์"), latin_shape("Wattana")) == ""
    assert conflict(thai_shape("วัฒน์"), latin_shape("Wat")) == ""
    assert conflict(thai_shape("วัฒน์"), latin_shape("Wan")) == "ending"
    # a Thai word that ends open against a Latin one that ends on a: as before, no conflict
    assert conflict(thai_shape("ณัฐยา"), latin_shape("Nattaya")) == ""


def test_closed_e_is_marked() -> None:
    assert thai(("chen", "chi", "ra")) == f"{CLOSED_E}.i.a'"  # a' ends its syllable
    assert thai(("se", "ri")) == "e.i"


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        ("เบญจภรณ์", "Benjapan"),  # Benjapan is เบญจพรรณ: ภรณ์ sounds phon
        ("เบญจภรณ์ ศรีสุข", "Benchaphan Srisuk"),
        ("อัจฉราพรรณ", "Atcharaporn"),  # Atcharaporn is อัจฉราพร: พรรณ sounds phan
        ("ศิริพรรณ", "Siriporn"),
    ],
)
def test_porn_and_phan_stay_apart(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is not Decision.MATCH, m.probability
    assert "vowels_differ" in [r.code for r in m.explanation], m.explain()


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        ("เบญจภรณ์", "Benjaporn"),
        ("เบญจภรณ์", "Benchaphon"),
        ("อัจฉราพรรณ", "Atcharaphan"),
        ("ธนพร", "Tanapon"),
        ("สุพรรณ", "Supan"),
        ("พันธ์", "Phan"),
        ("กมล", "Kamol"),  # a and o still alike where Thai writes no vowel and no ร closes
    ],
)
def test_porn_and_phan_spellings_match(thai_name: str, latin: str) -> None:
    assert score(thai_name, latin).decision is Decision.MATCH


def test_strict_last_vowel() -> None:
    assert thai(("ben", "cha", "phon"), "เบญจภรณ์") == "e-.a'.o!"
    assert thai(("ben", "cha", "phon", "na"), "เบญจภรณ์") == "e-.a'.o!.a'"
    assert thai(("si", "ri", "phan"), "ศิริพรรณ") == "i.i.a!"
    assert thai(("ka", "mon"), "กมล") == "a'.o"
