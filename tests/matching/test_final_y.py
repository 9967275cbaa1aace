"""A y (or w) that ends a word after a consonant is the word's last vowel, a syllable of its own
(issue 12 part B): Lao Latin names write a final i so (Vongphosy vong.pho.sy, Somdy som.dy), and
read as one syllable such a word lost its syllable-by-syllable comparison with a transcription
(翁坡西 weng.po.xi against "vong.phosy"). The name is seen row la315 of
benchmarks/data/names_mm_kh_la_real.csv (Vietnam News Agency's Chinese service, URL there)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.keys import latin_syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Vongphosy", ("vong", "pho", "sy")),
        ("Somdy", ("som", "dy")),
        ("Laoly", ("lao", "ly")),
        # after a vowel the y stays with it; before a vowel it opens the syllable
        ("Sonexay", ("so", "ne", "xay")),
        ("Thuy", ("thuy",)),
        ("Kaew", ("kaew",)),
        ("Sayasone", ("sa", "ya", "so", "ne")),
        ("Yaowalak", ("yao", "wa", "lak")),
    ],
)
def test_a_final_y_after_a_consonant_is_a_syllable(word: str, syllables: tuple[str, ...]) -> None:
    assert latin_syllables(word) == syllables


def test_a_lao_name_ending_in_y_meets_its_transcription() -> None:
    assert score("坎简·翁坡西", "Khamjane Vongphosy").probability >= 0.9  # 0.585 on main


@pytest.mark.parametrize("other", ["Sommad Pholsena", "Khamphao Ernthavanh", "Saysy Santyvong"])
def test_it_keeps_other_lao_names_apart(other: str) -> None:
    assert score("坎简·翁坡西", other).probability < calibration.threshold()
