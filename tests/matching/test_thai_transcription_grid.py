"""Issue 12 part B, Thailand (helper thzh): Chinese transcriptions of Thai names read with the
habits of the Xinhua Thai personal-name grid (zh.wikipedia 外語譯音表/泰語; ``transcription.py``),
written on the seen rows of ``benchmarks/data/names_thai_zh_real.csv``."""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.transcription import part_sounds, syllable_sounds


def test_grid_sounds_of_one_syllable() -> None:
    assert "bra" in syllable_sounds("ba")  # "b br / p pl pr": 巴 = pra
    assert "gon" in syllable_sounds("gong")  # "on ... orn" written -ong: 功 = korn
    assert "pong" in syllable_sounds("peng")  # no pong in pinyin: 蓬 = phong
    assert "la" in syllable_sounds("le")  # 叻 = la
    assert {"ya", "e"} <= set(syllable_sounds("ye"))  # 耶 = ya
    assert "wi" in syllable_sounds("wei")  # 威 = wi


def test_a_consonant_written_alone_joins_its_neighbour() -> None:
    assert ("sri", "cha", "pan") in part_sounds(("si", "li", "cha", "pan"))  # 斯里 = sri
    assert ("cha", "na", "tip") in part_sounds(("cha", "na", "ti", "pu"))  # 提普 = thip


def test_the_first_syllable_of_a_long_part_may_depart_too() -> None:
    # a product cut at 512 never moved the first syllable of a part of many-sounded syllables
    readings = part_sounds(("peng", "peng", "peng", "peng", "peng"))
    assert any(r[0] != "peng" for r in readings)


# each pair of the seen rows meets; each against another seen person of the same rows does not
_MET = [
    ("比蒂耶通·德瓦古叻", "Pridiyathorn Devakula", "Surin Pitsuwan"),
    ("查纳提普·颂卡辛", "Chanathip Songkrasin", "Kunlavut Vitidsarn"),
    ("素拉杰·沙田泰", "Surakiart Sathirathai", "Supachai Panitchpakdi"),
    ("ภราดร ศรีชาพันธุ์", "帕拉东·斯里查潘", "查纳提普·颂卡辛"),
    ("ดอน ปรมัตถ์วินัย", "敦·帕马威奈", "素拉杰·沙田泰"),
    ("สุรเกียรติ์ เสถียรไทย", "素拉杰·沙田泰", "敦·帕马威奈"),
]


@pytest.mark.parametrize(("name", "same", "other"), _MET)
def test_thai_names_meet_their_transcription_only(name: str, same: str, other: str) -> None:
    assert score(name, same).probability >= 0.5
    assert score(name, other).probability < 0.5
