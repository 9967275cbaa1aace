"""Issue 12 A, thirteenth round: a final t before n, m, l, r, w, y or ng is written; a syllable
closed on n before an onset n is written with both.

Spellings: the annotated spellings of the `dev` part of nozomiyamada/thai_romanization (commit
9968ea4: อัดนัน Atnan/Adnan, อนันท์ Anan, ฉัตรลดา Chatlada/Chutlada, ชลดา Chonlada/Chollada,
อรุณณี Arunni/Arunnee, อารุณี Aruni/Arunee, สรินนา Sarinna, ซารีนา Sarina/Sareena, วิมลณัฐ Wimolnut,
อรณิชชา Ornitcha, ปุณณดา Punnada) and real persons of the train and seen rows of
``benchmarks/data/names_thai_real.csv``; no held-out row.
"""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.endings import latin_shape, thai_shape
from mekongx.matching.outline import conflict, distance
from mekongx.matching.result import Decision
from mekongx.matching.thai_finals import NN, TWICE_N, closes_on_n, latin_marks


@pytest.mark.parametrize(
    ("thai_name", "latin_name"),
    [
        ("อัดนัน ศรีสุข", "Adnan Srisuk"),
        ("อัดนัน ศรีสุข", "Atnan Srisuk"),
        ("อนันท์ ศรีสุข", "Anan Srisuk"),
        ("ฉัตรลดา ศรีสุข", "Chatlada Srisuk"),
        ("ฉัตรลดา ศรีสุข", "Chutlada Srisuk"),
        ("ชลดา ศรีสุข", "Chollada Srisuk"),
        ("ชลดา ศรีสุข", "Chonlada Srisuk"),
        ("อรุณณี ศรีสุข", "Arunnee Srisuk"),
        ("อรุณณี ศรีสุข", "Arunni Srisuk"),
        ("อารุณี ศรีสุข", "Arunee Srisuk"),
        ("สรินนา ศรีสุข", "Sarinna Srisuk"),
        ("ซารีนา ศรีสุข", "Sarina Srisuk"),
        ("วิมลณัฐ ศรีสุข", "Wimolnut Srisuk"),  # the final written l before the n
        ("อรณิชชา ศรีสุข", "Ornitcha Srisuk"),  # ... or r
        ("ปุณณดา ศรีสุข", "Punnada Srisuk"),
        # real persons (train / seen): a final t before a stop or ch stays cheap, one before r is
        # written; nn kept
        ("รัชนก อินทนนท์", "Ratchanok Intanon"),
        ("ชาตรี โสภณพนิช", "Chatri Sophonpanich"),
        ("ปรัชญา ปิ่นแก้ว", "Prachya Pinkaew"),
        ("มารุต บุนนาค", "Marut Bunnag"),
        ("พุทธิพงษ์ ปุณณกันต์", "Buddhipongse Punnakanta"),
    ],
)
def test_the_names_own_spellings_still_match(thai_name: str, latin_name: str) -> None:
    m = score(thai_name, latin_name)
    assert m.decision is Decision.MATCH, m.explain()


@pytest.mark.parametrize(
    ("thai_name", "latin_name"),
    [
        ("อัดนัน ศรีสุข", "Anan Srisuk"),  # อนันท์'s spelling (0.995 before)
        ("อนันท์ ศรีสุข", "Adnan Srisuk"),  # อัดนัน's
        ("อนันท์ ศรีสุข", "Atnan Srisuk"),
        ("ชลดา ศรีสุข", "Chatlada Srisuk"),  # ฉัตรลดา's (0.995 before)
        ("อรุณณี ศรีสุข", "Arunee Srisuk"),  # อารุณี's (0.992 before)
        ("อรุณณี ศรีสุข", "Aruni Srisuk"),
        ("สรินนา ศรีสุข", "Sarina Srisuk"),  # ซารีนา's (0.992 before)
        ("สรินนา ศรีสุข", "Sareena Srisuk"),
    ],
)
def test_another_names_spelling_is_refused(thai_name: str, latin_name: str) -> None:
    for a, b in ((thai_name, latin_name), (latin_name, thai_name)):
        m = score(a, b)
        assert m.decision is not Decision.MATCH, m.explain()
        assert "consonants_differ" in [r.code for r in m.explanation], m.explain()


def test_a_final_t_before_a_sonorant_costs_a_consonant() -> None:
    assert distance("_Tnn", "_nn") == 1.0  # at-nan / Anan
    assert distance("cTlD", "clD") == 1.0  # chat-la-da / Chollada
    assert distance("sTt", "st") == 0.5  # before a stop it stays cheap (a silent or linking t)
    assert conflict(thai_shape("อัดนัน"), latin_shape("Anan")) == "consonants"
    assert conflict(thai_shape("อัดนัน"), latin_shape("Adnan")) == ""


def test_n_closing_before_n_is_written_twice() -> None:
    assert closes_on_n((("a", "run", "ni"),))
    assert not closes_on_n((("a", "run", "ni"), ("a", "ru", "ni")))  # one reading without
    assert NN in thai_shape("อรุณณี").split("|")[3]
    assert NN not in thai_shape("อารุณี").split("|")[3]
    assert latin_marks("Arunnee") == NN + TWICE_N  # nn between vowels (round 19)
    assert latin_marks("Wimolnut") == "l" + NN
    assert latin_marks("Arunee") == ""
    assert conflict(thai_shape("อรุณณี"), latin_shape("Arunee")) == "consonants"
    # a Latin nn between vowels needs a Thai n that closes before an n (round 19): อารุณี
    # a-ru-ni has none
    assert conflict(thai_shape("อารุณี"), latin_shape("Arunnee")) == "consonants"
