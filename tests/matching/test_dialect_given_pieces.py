"""Issue 12 part B (helper hyphen, 2026-12-05): a Singapore or Malaysian name in a southern dialect
spelling meets its characters however the given name is written: a word per character, hyphenated
(a hyphen is a space) or run together (cut where the dialect's syllables allow), after any surname
spelling, pinyin-like (Tan, Chong) or not (Nga). Real persons, spellings of their en.wikipedia
articles: https://en.wikipedia.org/wiki/Tan_Tock_Seng (陈笃生),
https://en.wikipedia.org/wiki/Chong_Sin_Woon (张盛闻), https://en.wikipedia.org/wiki/Tan_Kiat_How
(陈杰豪), https://en.wikipedia.org/wiki/Nga_Kor_Ming (倪可敏),
https://en.wikipedia.org/wiki/Lee_Kuan_Yew (李光耀), https://en.wikipedia.org/wiki/Lim_Guan_Eng
(林冠英), https://en.wikipedia.org/wiki/Low_Thia_Khiang (劉程強)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.chinese_names import given_name_pieces


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("陈笃生", "Tan Tock-seng"),  # after Tan, a pinyin syllable too
        ("张盛闻", "Chong Sin-woon"),  # Hakka: read a word per character only
        ("陈杰豪", "Tan Kiat-how"),
        ("倪可敏", "Nga Kor-ming"),  # 倪 Nga: zh.wikipedia's southern surname spelling
    ],
)
def test_a_hyphenated_given_name_meets_as_its_words_spaced(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("倪可敏", "Nga Korming"),  # kor: the key of ko's r-coloured o
        ("李光耀", "Lee Kuanyew"),
        ("林冠英", "Lim Guaneng"),  # guan.eng, though gua.neng splits as pinyin
        ("陈杰豪", "Tan Kiathow"),
        ("张盛闻", "Chong Sinwoon"),
        ("劉程強", "Low Thiakhiang"),  # Teochew 程 thia
    ],
)
def test_a_given_name_run_together_is_cut_into_dialect_syllables(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("倪可敏", "Chong Sin-woon"),
        ("张盛闻", "Nga Korming"),
        ("林冠英", "Lee Kuanyew"),
        ("陈杰豪", "Tan Tockseng"),
        ("李光耀", "Low Thiakhiang"),
    ],
)
def test_the_pieces_do_not_meet_another_persons_name(han: str, latin: str) -> None:
    assert score(han, latin).probability < calibration.threshold()


def test_which_given_names_are_cut() -> None:
    assert given_name_pieces("Chong", "Yin-Sang") == [["Yin", "Sang"]]
    assert given_name_pieces("Nga", "Korming") == [["Kor", "Ming"]]
    # a pinyin given name after a pinyin surname stays whole (a Mandarin name), as does one
    # dialect syllable, and a word after no surname spelling
    assert given_name_pieces("Wang", "Xiaoming") == []
    assert given_name_pieces("Chong", "Kuan") == []
    assert given_name_pieces("Somchai", "Kuanyew") == []
