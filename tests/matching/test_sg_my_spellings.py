"""Issue 12 part B (helper sgla, 2026-12-05): Singapore and Malaysian spellings of Southern Min
(data/sources.yaml, hokkien.csv and the rule southern_chinese._hainanese).

Penang writes the Hokkien vowel before k as ei, in given names (德 tik Teik): Tan Teik Cheng
陳德欽, https://en.wikipedia.org/wiki/Malaysian_Chinese_Association ; Teoh Teik Huat,
https://en.wikipedia.org/wiki/Teoh_Teik_Huat ; 八 peh "peik",
https://www.penang-traveltips.com/hokkien/pseudo-fricative-h.htm .

Hainanese hardened the s of the other Southern Min languages into t
(https://en.wikipedia.org/wiki/Hainanese , Phonology): a given name is also read a word per
character with t for s (詩 Tee: Ong Tee Keat 翁詩傑, https://en.wikipedia.org/wiki/Ong_Tee_Keat ;
山 Tan: Mah Bow Tan 馬寶山, https://en.wikipedia.org/wiki/Mah_Bow_Tan).

Malaysia writes a Cantonese uk in a given name also oke, as its surname 陸 Loke (玉 yuk Yoke: 清玉
Chin Yoke, https://chinyoke.blog/2012/04/ ; Anthony Loke 陸兆福,
https://en.wikipedia.org/wiki/Anthony_Loke)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.keys import latin_key
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(("han", "spelt"), [("德", "Teik"), ("竹", "Teik")])
def test_regional_spelling_of_a_given_name_character(han: str, spelt: str) -> None:
    assert latin_key(spelt) in {k for _, k in character_spellings(han, "hokkien")}


def test_a_surname_character_keeps_its_own_spellings() -> None:
    # 陆 as a surname is spelt as the surname table lists it (Lok, Loke), not Leik by this rule
    assert latin_key("Leik") not in {k for _, k in character_spellings("陆", "hokkien", False)}


@pytest.mark.parametrize(
    ("han", "latin", "meets"),
    [
        ("陈德明", "Tan Teik Beng", True),
        ("林德福", "LIM TEIK HOCK", True),
        ("翁詩傑", "Ong Tee Keat", True),
        ("马宝山", "MAH BOW TAN", True),
        ("陈清玉", "Tan Chin Yoke", True),
        ("李玉兰", "LEE YOKE LAN", True),
        ("陈伟明", "Tan Teik Beng", False),
        ("林国福", "LIM TEIK HOCK", False),
        ("翁志傑", "Ong Tee Keat", False),  # 志 is no s syllable
        ("马宝明", "Mah Bow Tan", False),
        ("洪森", "Hong Tim", False),  # a one-character given name gets no Hainanese reading
        ("李国兰", "Lee Yoke Lan", False),
    ],
)
def test_malaysian_and_singapore_spellings(han: str, latin: str, meets: bool) -> None:
    assert (score(han, latin).probability >= calibration.threshold()) is meets
