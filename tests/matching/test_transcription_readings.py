"""A transcription's character read by its other standard reading where transcriptions write it
so (issue 12 part B): 都 is read dou in a name's pinyin, but Chinese writes the Burmese thu, htoo
and taw with 都 read du (内比都 Nèibǐdū, Nay Pyi Taw; 吳敏都 U Min Thu). The rows of the language
``pinyin`` in ``data/transcription_han.csv``, read by ``sea_transcription.reading_sounds``."""

from __future__ import annotations

import pytest

from mekongx.matching.lao_transcription import char_sounds as lao_char_sounds
from mekongx.matching.sea_transcription import char_sounds

from .conftest import matches, refused


def test_du_is_a_sound_of_du_only_for_the_listed_character() -> None:
    sounds = char_sounds("都", "dou")
    assert sounds[:3] == ("dou", "do", "du")  # its own reading first, then the other one
    assert "du" not in char_sounds("斗", "dou")  # another character read dou keeps its sounds
    assert char_sounds("都", "du")[:2] == ("du", "du")  # a name whose pinyin gives du already


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("吳敏都", "Min Thu"),  # seen row mm603 without its courtesy word
        # made-up pairs of common Burmese name words, not data
        ("吴觉都", "U Kyaw Thu"),
        ("吴温都", "U Win Htoo"),
        ("觉都", "Kyaw Thu"),
    ],
)
def test_du_meets_thu_and_htoo(han: str, latin: str) -> None:
    matches(han, latin)


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("吴敏斗", "Min Thu"),  # 斗 is no transcription character of du
        ("吳敏都", "U Min Tun"),  # the other reading is not a near syllable of every other one
        ("敏都", "Min Naing"),
    ],
)
def test_guards(han: str, latin: str) -> None:
    refused(han, latin)


def test_a_chinese_name_keeps_its_reading_and_lao_sounds_do_not_grow() -> None:
    matches("王都", "Wang Dou")  # read as a Chinese name
    assert lao_char_sounds("都", "dou") == ("du", "do")  # Lao reads dou as du already
