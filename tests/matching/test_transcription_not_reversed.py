"""Issue 12 part B: a Chinese transcription of a Burmese, Khmer or Lao name is not met by the same
words reversed. A Burmese name has no family name and keeps its order (Mya Tun Oo and Oo Tun Mya
are two people); a Khmer or Lao name moves only its family name from one end to the other; so
three parts or more in the reverse order are another person's name. The courtesy word before
either name, a family name moved, and Chinese readings in their own order still meet."""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.alignment import reversed_order
from mekongx.matching.names import parse_name
from mekongx.matching.origin import order_fixed, order_not_reversed

THRESHOLD = 0.5


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("妙吞乌", "Oo Tun Mya"),  # Mya Tun Oo (names_mekong.py mm115): 1.0 on main
        ("杜瓦拉希拉", "La Lashi Duwa"),  # Duwa Lashi La (mm312): 1.0 on main, joined reversed
        ("哥妙吞乌", "Oo Tun Mya"),
    ],
)
def test_a_transcription_is_not_met_by_its_words_reversed(a: str, b: str) -> None:
    assert score(a, b).probability < THRESHOLD
    assert score(b, a).probability < THRESHOLD


@pytest.mark.parametrize("word", ["U", "Daw", "Ko", "Maung", "Ma", "Sai", "Nang", "Sao"])
def test_a_courtesy_word_before_the_latin_name_costs_no_match(word: str) -> None:
    assert score("妙吞乌", f"{word} Mya Tun Oo").probability >= THRESHOLD
    assert score(f"{word} Oo Tun Mya", "妙吞乌").probability < THRESHOLD


@pytest.mark.parametrize("char", list("吴杜哥貌玛赛南昭"))
def test_a_courtesy_character_before_the_transcription_costs_no_match(char: str) -> None:
    assert score(f"{char}妙吞乌", "Mya Tun Oo").probability >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("杜瓦拉希拉", "Duwa Lashi La"),  # written in its order
        ("门萨安", "Sam An Men"),  # Khmer Men Sam An, family name moved to the end
        ("翁旺瓦特纳", "Ang Vong Vathana"),  # Cambodian, syllables paired across (mk seen)
        ("杜瓦拉希拉", "Walaxila Du"),  # the Chinese reading, family name last
        ("钦伊", "Qin Yi"),  # the Chinese reading
        ("钦伊", "Yi Qin"),  # … family name last
        ("钦伊", "Khin Yi"),
        ("毛泽东", "Ze Dong Mao"),
    ],
)
def test_a_transcription_in_its_own_order_still_meets(a: str, b: str) -> None:
    assert score(a, b).probability >= THRESHOLD


def test_reversed_means_three_parts_or_more_all_in_reverse() -> None:
    assert reversed_order((2, 1, 0))
    assert reversed_order((3, 1, 0))
    assert not reversed_order((1, 0))  # two parts swapped: a family name moved
    assert not reversed_order((1, 2, 0))  # turned round
    assert not reversed_order((1, 0, 2))
    assert not reversed_order((0, 1, 2))


def test_which_names_are_not_reversed() -> None:
    assert order_not_reversed(parse_name("妙吞乌")) is None  # every reading
    assert order_not_reversed(parse_name("杜瓦拉希拉")) is None
    # 莫 is a Chinese surname too: its sound reading only (not Mo Mintun, whose Latin form a
    # Vietnamese-style writer may reverse)
    assert order_not_reversed(parse_name("莫敏吞")) == {"sea-transcription"}
    assert order_not_reversed(parse_name("Mya Tun Oo")) == set()
    # a Chinese name: its Chinese readings stay free, its sound reading (met only by names not
    # read as Chinese) is not reversed
    assert order_not_reversed(parse_name("王小明")) == {"sea-transcription"}
    assert order_not_reversed(parse_name("阮晋勇")) == set()  # Vietnamese: no sound reading


def test_a_transcription_starting_with_a_chinese_surname_is_not_met_reversed() -> None:
    thr = 0.5
    assert score("莫敏吞", "Tun Myint Moe").probability < thr  # Moe Myint Tun (mm501)
    assert score("莫敏吞", "Moe Myint Tun").probability >= thr
    assert score("莫敏吞", "Mintun Mo").probability >= thr  # the Chinese reading, family name last
    assert score("洪森", "Sen Hun").probability >= thr  # two parts: a Khmer family name moved


def test_swe_is_spelt_as_only_burmese_names_are() -> None:
    # Than Swe (mm503): two words, so only the Latin spelling tells that the order is fixed
    assert score("丹穗", "Swe Than").probability < THRESHOLD  # 1.0 on main
    assert score("丹穗", "Than Swe").probability >= THRESHOLD
    assert score("瑞曼", "Shwe Mann").probability >= THRESHOLD
    assert order_fixed(parse_name("Than Swe")) == {"latin"}
    assert not order_fixed(parse_name("Swen Li"))
