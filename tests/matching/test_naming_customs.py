"""Naming customs that may neither cost a match nor make one (issue 12): a Thai nickname written
inside the name, as the press writes it.

Names and nicknames: en.wikipedia.org/wiki/Yingluck_Shinawatra (nickname Pu, ปู),
en.wikipedia.org/wiki/Paetongtarn_Shinawatra (Ung Ing, อุ๊งอิ๊ง),
en.wikipedia.org/wiki/Thaksin_Shinawatra (他信·西那瓦 on zh.wikipedia).
"""

from __future__ import annotations

import pytest

from mekongx.matching import parse_name, score
from mekongx.matching.result import Decision


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ('Yingluck "Pu" Shinawatra', "ยิ่งลักษณ์ ชินวัตร"),
        ("Paetongtarn “Ung Ing” Shinawatra", "แพทองธาร ชินวัตร"),
        ("ยิ่งลักษณ์ (ปู) ชินวัตร", "Yingluck Shinawatra"),
        ("แพทองธาร “อุ๊งอิ๊ง” ชินวัตร", "Paetongtarn Shinawatra"),
        ("Yingluck (Pu) Shinawatra", "Yingluck Shinawatra"),
    ],
)
def test_a_nickname_written_in_the_name_costs_no_match(a: str, b: str) -> None:
    m = score(a, b)
    assert m.decision is Decision.MATCH, (a, b, m.probability)
    assert any("Nickname" in line for line in m.explain("en")), m.explain("en")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pu Shinawatra", "Yingluck Shinawatra"),  # a nickname is not the given name
        ('Yingluck "Pu" Shinawatra', "Paetongtarn Shinawatra"),
        ('Yingluck "Pu" Shinawatra', "Pu Shinawatra"),
    ],
)
def test_a_nickname_makes_no_match(a: str, b: str) -> None:
    assert score(a, b).decision is not Decision.MATCH, (a, b, score(a, b).probability)


def test_what_is_not_a_nickname_is_kept() -> None:
    # a name in another script beside it, an apostrophe, a parenthesis beside a one-word name
    assert parse_name("Lan Weihong (兰卫红)").han == "兰卫红"
    assert parse_name("Lan Weihong (兰卫红)").nicknames == ()
    assert parse_name("Sean O'Neill").text == "Sean O'Neill"
    assert parse_name("Nok (Somchai Wongsawat)").nicknames == ()
    assert parse_name("สมชาย (นก) วงศ์สวัสดิ์").nicknames == ("นก",)
