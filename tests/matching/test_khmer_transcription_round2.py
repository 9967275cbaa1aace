"""Cambodian names in Chinese, round 2 (issue 12 part B, helper khzh): the Cambodian
Chinese-language press writes 宋 for Sok and 莫 for Mam (data/transcription_han.csv); a row no
longer takes a character's principal sound; a Latin name with a word no Chinese romanisation
writes meets a transcription that starts with a Chinese surname though it could be read as a
Chinese name; syllables read as one word keep more spellings in a name that looks transcribed.
The pairs are published forms (蒙文兴 is the seen row kh405 of names_mm_kh_la_real.csv)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.sea_transcription import char_sounds


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("宋速更", "Sok Soken"),  # 宋 Sok; Soken is no Chinese given name
        ("宋速更", "សុខ សូកេន"),
        ("莫本興", "Mam Bunheng"),  # 莫 Mam
        ("莫本興", "ម៉ម ប៊ុនហេង"),
        # 蒙 Mam too (seen row kh405), with 文 Bun, its fourth sound, in the joined Bunheng
        ("蒙文兴", "Mam Bunheng"),
        ("蒙文兴", "ម៉ម ប៊ុនហេង"),
        ("苏索卡", "Sar Sokha"),  # 苏 Sar (seen row kh117)
        ("苏索卡", "ស សុខា"),
    ],
)
def test_a_cambodian_minister_as_the_cambodian_chinese_press_writes_him(
    han: str, other: str
) -> None:
    assert score(han, other).probability >= calibration.threshold()


def test_a_row_comes_after_the_principal_sound() -> None:
    sounds = char_sounds("莫", "mo")
    assert sounds[1] == "mo"
    assert "mam" in sounds
    thr = calibration.threshold()
    # 莫 read mo in a name with the middle dot, as before the row
    assert score("诺罗敦·莫尼列", "Norodom Monineath").probability >= thr
    assert score("西索瓦·莫尼旺", "Sisowath Monivong").probability >= thr


def test_the_new_readings_make_no_other_name_meet() -> None:
    thr = calibration.threshold()
    for han, other in (
        ("宋速更", "Sok Chenda Sophea"),
        ("宋金达", "Sok Soken"),
        ("莫本興", "Men Sam An"),
        ("宋祖英", "Sok Soken"),  # a Chinese name
        ("莫言", "Mam Bunheng"),
        ("蒙文兴", "Mam Sam An"),
        ("蒙文兴", "Men Sam An"),
        ("蒙金平", "Mam Bunheng"),  # a Chinese name of a surname outside the list
        ("苏索卡", "ជា សុផារ៉ា"),  # Chea Sophara: 苏 is read Sar after su, not instead
        ("苏索卡", "Chea Sophara"),
        ("索索肯", "Sar Sokha"),
    ):
        assert score(han, other).probability < thr, (han, other)
    for han, other in (
        ("宋双", "Son Sann"),
        ("宋成", "Son Sen"),
        ("宋祖英", "Song Zuying"),
        ("宋楚瑜", "Soong Chu-yu"),
        ("莫言", "Mo Yan"),
        ("蒙文兴", "Meng Wenxing"),
        ("苏貌", "Saw Maung"),  # 苏 the Karen courtesy word Saw
        ("苏索卡", "Su Suoka"),
    ):
        assert score(han, other).probability >= thr, (han, other)


def test_only_a_name_that_looks_transcribed_keeps_more_joined_spellings() -> None:
    from mekongx.matching.sea_transcription import reading_shapes

    def joined(shapes: list[list[list[tuple[str, tuple[str, ...]]]]]) -> int:
        return max(len(part) for shape in shapes for part in shape if len(part[0][1]) >= 2)

    syls = ["meng", "wen", "xing"]
    assert joined(reading_shapes(syls, chars="蒙文兴")) == 20
    assert joined(reading_shapes(syls, few=True, chars="蒙文兴")) == 12
