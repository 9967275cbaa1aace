"""Issue 12 part B (helper sgmy3, 2026-12-05): a Teochew spelling of a given-name character is
kept even where Hokkien already has four (southern_chinese.character_spellings), and a Teochew
final ak is also written uck, the English short u of Hong Kong's 德 Duck (data/sources.yaml).

张思乐 Teo Ser Luck: Teochew 张 Teo, 思 sv Ser, 乐 lak Luck,
https://en.wikipedia.org/wiki/Teo_Ser_Luck ; Hokkien's four spellings of 乐 (gak, lok, ngau,
gau) left no place for the Teochew one."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.keys import latin_key
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(("han", "spelt"), [("乐", "Lak"), ("乐", "Luck"), ("仰", "Ngiang")])
def test_teochew_spelling_over_the_four_hokkien_ones(han: str, spelt: str) -> None:
    assert latin_key(spelt) in {k for _, k in character_spellings(han, "hokkien")}


def test_the_hokkien_spellings_come_first() -> None:
    assert [s for s, _ in character_spellings("乐", "hokkien")][:4] == ["gak", "lok", "ngau", "gau"]


def test_a_surname_character_keeps_its_own_spellings() -> None:
    assert latin_key("Luck") not in {k for _, k in character_spellings("乐", "hokkien", False)}


@pytest.mark.parametrize(
    ("han", "latin", "meets"),
    [
        ("張思樂", "Teo Ser Luck", True),
        ("張思樂", "Teo Ser Lak", True),
        ("張思樂", "Teo Ser Lim", False),
        ("張思明", "Teo Ser Luck", False),
    ],
)
def test_teochew_given_name(han: str, latin: str, meets: bool) -> None:
    assert (score(han, latin).probability >= calibration.threshold()) is meets
