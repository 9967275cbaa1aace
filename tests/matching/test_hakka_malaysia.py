"""Issue 12 part B (helper hakka, 2026-12-05): Hakka given-name characters also read in a Malaysian
accent, Senai (士乃, Johor; data/hakka_malaysia.csv, from MCPDict's Senai list after 陳曉錦
《馬來西亞的三個漢語方言》), one spelling over the two Meixian ones, only where its key is new
(southern_chinese.character_spellings): 健 ken (Meixian kian), 仙 sen (sian), 敏 min (men)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.keys import latin_key
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(("han", "spelt"), [("健", "Ken"), ("仙", "Sen"), ("敏", "Min")])
def test_malaysian_hakka_spelling(han: str, spelt: str) -> None:
    assert latin_key(spelt) in {k for _, k in character_spellings(han, "hakka")}


def test_the_meixian_spellings_come_first() -> None:
    assert [s for s, _ in character_spellings("健", "hakka")] == ["kian", "kien", "ken"]


def test_one_malaysian_spelling_at_most() -> None:
    assert len(character_spellings("仙", "hakka")) == 3


@pytest.mark.parametrize(
    ("han", "latin", "meets"),
    [
        ("張健敏", "Chong Ken Min", True),
        ("張健敏", "Chong Kian Men", True),
        ("張健敏", "Chong Ken Lim", False),
        ("張文華", "Chong Ken Min", False),
    ],
)
def test_malaysian_hakka_given_name(han: str, latin: str, meets: bool) -> None:
    assert (score(han, latin).probability >= calibration.threshold()) is meets


@pytest.mark.parametrize(
    ("han", "latin", "meets"),
    [
        ("马炎庆", "Baey Yam Keng", True),  # https://en.wikipedia.org/wiki/Baey_Yam_Keng
        ("马炎庆", "Bey Yam Keng", True),
        ("马炎庆", "Baey Yam Lim", False),
        ("林炎庆", "Baey Yam Keng", False),
    ],
)
def test_surname_bey(han: str, latin: str, meets: bool) -> None:
    """马 Bey (surnames_southern.csv), read as a spelling of the surname."""
    assert (score(han, latin).probability >= calibration.threshold()) is meets
