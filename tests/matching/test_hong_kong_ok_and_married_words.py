"""Issue 12 part B (helper ovs2, 2026-12-05), Hong Kong names: the vowel of Cantonese uk, which
Hong Kong writes ung or ong before ng (Macau always ong: zh.wikipedia 澳門政府粵語拼音, 沿革), is
also written o before k in a given name (曾鈺成 Tsang Yok-sing,
https://en.wikipedia.org/wiki/Jasper_Tsang); and a married woman's name in four words, as a
passport's upper case without hyphens prints it, keeps every spelling of her own surname (陳方安生
CHAN FANG ON SANG, https://en.wikipedia.org/wiki/Anson_Chan: 方 Fang is Mandarin, not Cantonese)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("曾鈺成", "Tsang Yok-sing"),
        ("曾鈺成", "TSANG YOK SING"),
        ("陳方安生", "CHAN FANG ON SANG"),
    ],
)
def test_hong_kong_spellings_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("曾國成", "Tsang Yok-sing"),  # 國 kwok: another o before k, another vowel
        ("林鄭月娥", "LAM CHENG YUET MING"),
        ("陳方安生", "CHAN FANG ON MING"),
    ],
)
def test_other_names_stay_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < calibration.threshold()


def test_a_surname_character_keeps_its_own_spellings() -> None:
    """陸 Luk is not also Lok (駱, another surname): the uk-ok spelling is a given name's only."""
    assert "lok" not in [s for s, _ in character_spellings("陆", "cantonese", teochew=False)]
    assert "yok" in [s for s, _ in character_spellings("钰", "cantonese")]
