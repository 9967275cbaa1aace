"""Issue 12 A, twenty-second round: -orn for a last syllable closed on ล, a cost and not a refusal.

RTGS writes a final ร and a final ล both n (ธนพร, ธนพล: thanaphon); passports write พร -porn and พล
-pol, and the annotated spellings of the `dev` part of nozomiyamada/thai_romanization write -orn
for a last syllable closed on ล 4 times in 203 (จิรพล Jiraporn, ฉัตรพล Chatporn). So a Latin word
that ends on -orn against such a Thai word costs ``ending_costs.UNLIKELY_COST``: alone the pair
stays a match, with another difference it does not (ภาณุพล / Phanaporn drops the u of pha-nu too).

Spellings: the annotated spellings of the `dev` part (commit 9968ea4) and another `dev` name's
spelling; no held-out row.
"""

from __future__ import annotations

import pytest

from mekongx.matching import score, thai_finals
from mekongx.matching.endings import latin_shape, thai_shape
from mekongx.matching.outline import conflict

from .conftest import matches, refused


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        # all match on main (0.54-0.80): -orn for ล and another difference
        ("ภาณุพล ศรีสุข", "Phanaporn Srisuk"),  # พนาพร's spelling; the u of pha-nu dropped
        ("ภาณุพล ศรีสุข", "Panaporn Srisuk"),
        ("ฉัตรพล ศรีสุข", "Chadaphorn Srisuk"),  # ชฎาพร's; no closing t written
        ("ฉัตรพล ศรีสุข", "Chadaporn Srisuk"),
    ],
)
def test_wrong_pairs_refused(thai_name: str, latin: str) -> None:
    refused(thai_name, latin)


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        # the dev spellings that write -porn for พล, and the usual ones: all still match
        ("จิรพล ศรีสุข", "Jiraporn Srisuk"),
        ("จิรพล ศรีสุข", "Jiraphorn Srisuk"),
        ("ฉัตรพล ศรีสุข", "Chatporn Srisuk"),
        ("ฉัตรพล ศรีสุข", "Chatphon Srisuk"),
        ("ภาณุพล ศรีสุข", "Phanuphon Srisuk"),
        ("ศิริพล ศรีสุข", "Siriphol Srisuk"),
        ("ศิริพร ศรีสุข", "Siriporn Srisuk"),
        ("ศิริภรณ์ ศรีสุข", "Siriporn Srisuk"),
    ],
)
def test_spellings_kept(thai_name: str, latin: str) -> None:
    matches(thai_name, latin)


def test_orn_for_l_costs_without_refusing() -> None:
    # on main both are 0.995: the letters said nothing between พล and พร
    for_l = score("ศิริพล ศรีสุข", "Siriporn Srisuk")
    for_r = score("ศิริพร ศรีสุข", "Siriporn Srisuk")
    assert 0.5 <= for_l.probability < for_r.probability
    assert "final_seldom" in {r.code for r in for_l.explanation}
    assert "final_seldom" not in {r.code for r in for_r.explanation}


@pytest.mark.parametrize(
    ("thai_word", "latin", "kind"),
    [
        ("ศิริพล", "Siriporn", "unlikely"),
        ("วีระพล", "Wiraphorn", "unlikely"),
        ("ศิริพร", "Siriporn", ""),
        ("ศิริพล", "Siriphon", ""),
        ("ศิริพล", "Siriphol", ""),
        ("ลดาพร", "Ladaphol", "consonants"),  # round 17's END_L, unchanged
    ],
)
def test_conflict_kind(thai_word: str, latin: str, kind: str) -> None:
    assert conflict(thai_shape(thai_word), latin_shape(latin)) == kind


def test_marks() -> None:
    assert thai_finals.END_ORN in thai_finals.latin_marks("Siriporn")
    assert thai_finals.END_ORN not in thai_finals.latin_marks("Pornthip")  # -orn inside a word
    assert thai_finals.unlikely(
        thai_finals.thai_marks("ศิริพล"), [thai_finals.latin_marks("Siriporn")]
    )
    assert not thai_finals.unlikely(
        thai_finals.thai_marks("ศิริพร"), [thai_finals.latin_marks("Siriporn")]
    )
    # a published Latin form that ends on -orn allows it
    assert not thai_finals.unlikely("e" + thai_finals.END_ORN, ["r"])
