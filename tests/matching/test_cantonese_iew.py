"""Issue 12 part B (helper hokkien, 2026-12-05): Malaysia and Singapore write a Cantonese final -iu
as -iew, as their Hakka names do (兆 siu Siew, 耀 yiu Yew). Real persons: Anthony Loke Siew Fook
(陸兆福), https://en.wikipedia.org/wiki/Anthony_Loke ; Lee Kuan Yew (李光耀),
https://en.wikipedia.org/wiki/Lee_Kuan_Yew (data/sources.yaml, cantonese_hk.csv)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.keys import latin_key
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("陸兆福", "Loke Siew Fook"),
        ("陆兆福", "LOKE SIEW FOOK"),
    ],
)
def test_malaysian_cantonese_iew_meets_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()


@pytest.mark.parametrize(("han", "spelt"), [("兆", "Siew"), ("耀", "Yew"), ("萧", "Siew")])
def test_cantonese_final_iu_is_also_spelt_iew(han: str, spelt: str) -> None:
    assert latin_key(spelt) in {k for _, k in character_spellings(han, "cantonese")}
