"""Issue 12 part B: Macau's Cantonese spellings (Macau Government Cantonese Romanisation, after
Portuguese habits) meet the name in Chinese characters. The pairs are real Macau officials as the
pages named in benchmarks/data/names_overseas_chinese_real.csv print them (mo301-mo304); the
spelling rules are those of https://zh.wikipedia.org/wiki/澳門政府粵語拼音 (data/sources.yaml)."""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.keys import latin_key
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("張永春", "Cheong Weng Chon"),  # 春 ceon: Hong Kong Chun, Macau Chon
        ("张永春", "CHEONG WENG CHON"),
        ("岑浩輝", "Sam Hou Fai"),  # 浩 hou: Hong Kong Ho, Macau Hou
        ("陳海帆", "Chan Hoi Fan"),
        ("梁維特", "Leong Vai Tac"),  # Leong, V for w, final c for k
        ("賀一誠", "Ho Iat-seng"),  # Iat, Seng
    ],
)
def test_macau_spellings_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("張永春", "Leong Man Cheong"),  # another Macau official (梁文昌), Cheong as given name
        ("梁維特", "Leong Man Cheong"),  # same surname, other given name
        ("陳海帆", "Chan Meng Kam"),  # same surname, other given name (陳明金)
        ("岑浩輝", "Ho Iat Seng"),
    ],
)
def test_macau_spellings_keep_other_persons_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


def _keys(ch: str) -> set[str]:
    return {k for _, k in character_spellings(ch, "cantonese")}


def test_macau_finals_are_read_after_the_hong_kong_ones() -> None:
    # eun is on (春 Chon), euk eok (卓 Cheok), yue and yu u (阮 Un, 余 U): the page's rules
    assert latin_key("chon") in _keys("春")
    assert latin_key("cheok") in _keys("卓")
    assert latin_key("un") in _keys("阮")
    assert latin_key("u") in _keys("余")
    # the Hong Kong spellings and the habitual ones stay first (春 Chun, 李 Lee)
    assert next(iter(character_spellings("春", "cantonese")))[0] == "chun"
    assert latin_key("lee") in _keys("李")
