"""Issue 12 part B (helper ovs2, 2026-12-05): a Malaysian or Singapore name of a dialect surname
and a Mandarin given name spelt in the local manner rather than in pinyin (Wong Siaw Ting for
王晓庭: siaw is xiao, as Malay spelling writes the diphthong) meets the name in characters, as
the same name with its given name in pinyin (Wong Xiao Ting) already did. Real person: the
youth chief of the Malaysian Chinese Association, Nicole Wong Siaw Ting (its en.wikipedia and
zh.wikipedia articles list her as Wong Siaw Ting and 王晓庭)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.chinese_names import one_mandarin_syllable
from mekongx.matching.keys import split_pinyin


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("王晓庭", "Wong Siaw Ting"),
        ("王晓庭", "WONG SIAW TING"),
        ("陈晓庭", "Tan Siaw Ting"),  # Tan is a pinyin surname as well as 陈's Hokkien spelling
    ],
)
def test_a_mandarin_given_name_spelt_otherwise_after_a_dialect_surname_meets(
    han: str, latin: str
) -> None:
    assert score(han, latin).probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("王晓明", "Wong Siaw Ting"),  # another given name
        ("陳馮富珍", "Chan Hoi Fan"),  # hoi is no Mandarin syllable: not read as one
        ("王晓庭", "Wong Siaw"),
    ],
)
def test_other_names_stay_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < calibration.threshold()


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("Siaw", ("siaw",)),  # xiao's key, no dialect spelling
        ("Ting", ("ting",)),  # pinyin
        ("Lop", None),  # a stop no Mandarin syllable ends in (its key, lo, is pinyin's)
        ("Chiu", None),  # a Cantonese and Hokkien spelling: the dialect readings have it
        ("Hoi", None),  # no Mandarin syllable's key
    ],
)
def test_which_words_are_read_as_a_mandarin_syllable(
    word: str, read: tuple[str, ...] | None
) -> None:
    assert one_mandarin_syllable(word, split_pinyin(word)) == read
