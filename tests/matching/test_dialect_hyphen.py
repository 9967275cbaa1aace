"""Issue 12 part B (helper hokkien, 2026-12-05): a Singapore or Malaysian name whose given name is
written hyphenated after its dialect surname (Lee Kuan-yew, as the press prints it in the Hong Kong
and Taiwan manner) meets the name in characters, as the same name in three words does. Real
persons: https://en.wikipedia.org/wiki/Lee_Kuan_Yew , https://en.wikipedia.org/wiki/Ong_Ye_Kung ,
https://en.wikipedia.org/wiki/Low_Thia_Khiang , https://en.wikipedia.org/wiki/Lee_Lam_Thye ."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("李光耀", "Lee Kuan-yew"),  # 光 Kuan: the fifth spelling of 光, past the joined readings
        ("王乙康", "Ong Ye-kung"),
        ("劉程強", "Low Thia-khiang"),  # Teochew 程 thia
        ("李霖泰", "Lee Lam-thye"),
    ],
)
def test_a_hyphenated_given_name_after_a_dialect_surname_meets_the_characters(
    han: str, latin: str
) -> None:
    assert score(han, latin).probability >= calibration.threshold()
