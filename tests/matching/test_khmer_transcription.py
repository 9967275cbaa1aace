"""Chinese transcriptions of Khmer names read as Khmer sound (issue 12 part B): the characters
Chinese writes Khmer syllables with whatever their Mandarin sound (``data/transcription_han.csv``: 肯 ken
Kheng, 布 bu Prum, 列 lie Neath) and the Khmer Sar written 韶/绍 shao; the names are public
figures named in the table and its sources."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score

from .conftest import transcription_rows


def test_sar_kheng_meets_his_latin_and_khmer_names_as_hun_sen_does() -> None:
    thr = calibration.threshold()
    for han, other in (
        ("韶肯", "Sar Kheng"),
        ("韶肯", "ស ខេង"),
        ("洪森", "Hun Sen"),
        ("洪森", "ហ៊ុន សែន"),
        ("洪玛奈", "Hun Manet"),
        ("洪玛奈", "ហ៊ុន ម៉ាណែត"),
    ):
        assert score(han, other).probability >= thr, (han, other)


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("诺罗敦·莫尼列", "Norodom Monineath"),
        ("诺罗敦·莫尼列", "នរោត្តម មុនិនាថ"),
        ("高乐", "Koeut Rith"),
        ("布速卡", "Prum Sokha"),
        ("布速卡", "ព្រុំ សុខា"),
        ("亨参", "Him Chhem"),
        ("涅本才", "Nhiek Bun Chhay"),
    ],
)
def test_a_khmer_name_in_characters_meets_its_sound(han: str, other: str) -> None:
    assert score(han, other).probability >= calibration.threshold()


def test_every_row_of_the_table_makes_its_name_meet_and_is_read() -> None:
    from mekongx.matching.sea_transcription import char_sounds

    rows = transcription_rows("khmer")
    assert len(rows) >= 11
    for row in rows:
        assert row["source"].startswith("http"), row
        assert score(row["name_zh"], row["name_latin"]).probability >= calibration.threshold()
    assert "prum" in char_sounds("布", "bu") and char_sounds("布", "bu")[0] == "bu"
    assert char_sounds("索", "suo") == char_sounds("锁", "suo")  # no row: the pinyin's sounds


def test_a_vietnamese_family_name_character_may_start_a_khmer_transcription() -> None:
    # as the Cambodian Chinese press writes Huot Hak and Dith Tina; 吴 and 杜 of two characters
    # stay Chinese (吴森 is no U Sein), and a Vietnamese name keeps its own reading
    thr = calibration.threshold()
    assert score("胡哈", "Huot Hak").probability >= thr
    assert score("邓迪那", "Dith Tina").probability >= thr
    assert score("吴森", "U Sein").probability < thr
    assert score("陈大光", "Tran Dai Quang").probability >= thr
    assert score("陈大光", "Tran Van Thanh").probability < thr


def test_a_latin_khmer_name_spelt_with_eou_is_no_chinese_romanisation() -> None:
    # ពៅ Peou: 楊博 (a surname first) meets it; 杨波, another bo, does not; EFEO's Tcheou still
    # meets 周恩来
    thr = calibration.threshold()
    assert score("楊博", "Yang Peou").probability >= thr
    assert score("杨波", "Yang Peou").probability < thr
    assert score("周恩来", "Tcheou En-lai").probability >= thr


def test_the_khmer_reading_does_not_make_another_name_meet() -> None:
    # Prum Sokha's transcription was outranked by Pan Sorasak's Latin name; a Chinese name stays
    # Chinese: 高乐 is Gao Le as well
    assert score("布速卡", "Prum Sokha").probability > score("布速卡", "Pan Sorasak").probability
    assert score("高乐", "Gao Le").probability >= calibration.threshold()
    assert score("布速卡", "Prum Sokhon").probability < score("布速卡", "Prum Sokha").probability
