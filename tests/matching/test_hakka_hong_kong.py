"""Issue 12 part B (helper sgmy4, 2026-12-05): Hakka given-name characters also read in Hong Kong's
Hakka (Bao'an and Huiyang accents, as spoken in Kuala Lumpur, Selangor and Sabah; MCPDict's list
of the Hong Kong Indigenous Languages Preservation Society, 香港本土語言保育協會), filed in
data/hakka_malaysia.csv after Senai's readings by scripts/build_hakka_malaysia_table.py: still one
spelling over the two Meixian ones, the first whose key they lack (荣 in Yin, 盛 sang, 松 chung)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.keys import latin_key
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(("han", "spelt"), [("荣", "Yin"), ("盛", "Sang"), ("松", "Chung")])
def test_hong_kong_hakka_spelling(han: str, spelt: str) -> None:
    assert latin_key(spelt) in {k for _, k in character_spellings(han, "hakka")}


def test_senai_first() -> None:
    """健: Senai's ken, not a Hong Kong spelling, takes the one place over the Meixian two."""
    assert [s for s, _ in character_spellings("健", "hakka")] == ["kian", "kien", "ken"]


@pytest.mark.parametrize(
    ("han", "latin", "meets"),
    [
        ("張榮盛", "Chong Yin Sang", True),
        ("張榮盛", "Chong Yin Lim", False),
        ("林榮盛", "Chong Yin Sang", False),
    ],
)
def test_hong_kong_hakka_given_name(han: str, latin: str, meets: bool) -> None:
    assert (score(han, latin).probability >= calibration.threshold()) is meets
