"""The characters Chinese writes Khmer syllables with (``data/transcription_han.csv``, issue 12
part B, helper khmer3): Cambodian ministers and governors as the Cambodian Chinese-language press
and Chinese news services print them (seen rows kh501-kh509 of
benchmarks/data/names_mm_kh_la_real.csv), and a Latin Khmer name spelt with ourn (ហួន Hourn)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("毅森兴", "Ith Sam Heng"),  # 森 Sam, 兴 Heng
        ("高拉达那", "Keo Rottanak"),  # 高 Keo, 拉 Ro
        ("高竹德玛", "Kep Chuktema"),  # 高 Kep
        ("高竹德玛", "កែប ជុតិមា"),
        ("坤盛", "Khuong Sreng"),  # 坤 Khuong
        ("赛桑奥", "Say Sam Al"),  # 桑 Sam, 奥 Al
        ("赛桑奥", "សាយ សំអាល់"),
        ("高金洪", "Kao Kim Hourn"),  # 洪 Hourn; Hourn is no Chinese romanisation
        ("郭宗仁", "Kuoch Chamroeun"),  # 宗 Cham, 仁 Roeun, read together as one word
    ],
)
def test_a_cambodian_name_in_characters_meets_its_latin_and_khmer_names(
    han: str, other: str
) -> None:
    assert score(han, other).probability >= calibration.threshold()


def test_the_new_sounds_make_no_other_name_meet() -> None:
    thr = calibration.threshold()
    for han, other in (
        ("高金洪", "Kep Chuktema"),
        ("高拉达那", "Kao Kim Hourn"),
        ("坤盛", "Khuon Sudary"),
        ("毅森兴", "Ith Sam Ang"),
        ("高竹德玛", "Keo Rottanak"),
    ):
        assert score(han, other).probability < thr, (han, other)


def test_chinese_names_keep_their_chinese_readings() -> None:
    thr = calibration.threshold()
    for han, other in (("高金洪", "Gao Jinhong"), ("洪森", "Hun Sen"), ("高乐", "Gao Le")):
        assert score(han, other).probability >= thr, (han, other)
    assert score("高金洪", "Kao Kim Hung").probability >= thr  # Wade-Giles / Hokkien still meets


def test_a_joined_reading_keeps_a_word_of_two_near_first_sounds() -> None:
    from mekongx.matching.sea_transcription import _joined, char_sounds

    per = [char_sounds("宗", "zong"), char_sounds("仁", "ren")]
    assert ("cham", "roeun") in [syls for _, syls in _joined(per)]  # the third sound of each
