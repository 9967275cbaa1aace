"""A Chinese transcription whose syllables are not grouped as the name's (issue 12 part B, helper
khalign): Chinese writes a final consonant of a Khmer, Lao or Burmese name with a syllable of its
own (克 k, 特 t, 斯 s, 姆 m, 尔 r), and a final before a syllable with no onset opens that syllable
when the name is said (赛桑奥 Say Samal: 桑奥 sam.an, Samal sa.man). The sound reading of a
transcription may be regrouped so, at a small cost; a Latin key may not (Vandeth's wan.te is no
Van), nor the Mandarin reading of the same characters. The pair is a seen row of
names_mm_kh_la_real.csv."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching.part_similarity import (
    BURMESE,
    REGROUP_COST,
    SOUNDED_X,
    SOUNDED_Y,
    key_similarity,
)


def test_a_final_moved_to_open_the_next_syllable() -> None:
    assert key_similarity("sam.an", "sa.man", sounded=SOUNDED_X) == pytest.approx(
        1.0 - REGROUP_COST
    )
    assert key_similarity("sa.man", "sam.an", sounded=SOUNDED_Y) == pytest.approx(
        1.0 - REGROUP_COST
    )


def test_a_final_written_as_a_syllable_joins_the_one_before() -> None:
    # 苏拉玛里特 su.la.ma.li.te, Suramarit (the key drops the final t: su.la.ma.li)
    assert key_similarity("su.la.ma.li.te", "su.la.ma.li", sounded=SOUNDED_X) == pytest.approx(
        0.9375
    )
    # 万特 wan.te for a Van: the te joins wan
    assert key_similarity("wan", "wan.te", sounded=SOUNDED_Y) == pytest.approx(1.0 - REGROUP_COST)
    # 恩 en for a final n (and 尔 er, keyed en, for r): 贝恩 pei.en = pein
    assert key_similarity("pei.en", "pein", sounded=SOUNDED_X) == pytest.approx(1.0 - REGROUP_COST)


def test_only_the_transcription_is_regrouped() -> None:
    # (a guard, which holds on main too: the second key is the transcription's, 2 = SOUNDED_Y)
    # the Latin key wan.te (Vandeth) is not Van with a final written as a syllable
    assert key_similarity("wan.te", "wan", sounded=2) == 0.5
    assert key_similarity("sa.man", "sam.an", sounded=1) == pytest.approx(0.475)  # near only
    # not the Mandarin or dialect reading of the same characters
    assert key_similarity("sam.an", "sa.man") == 0.4
    assert key_similarity("su.la.ma.li.te", "su.la.ma.li") == 0.8


def test_burmese_pairs_are_regrouped_without_near_syllables() -> None:
    sounded = SOUNDED_X | BURMESE
    assert key_similarity("sam.an", "sa.man", sounded=sounded) == pytest.approx(1.0 - REGROUP_COST)
    assert key_similarity("su.kon", "so.kon", sounded=sounded) == 0.55  # as for a Burmese name


@pytest.mark.parametrize(("han", "latin"), [("赛桑奥", "Say Samal")])
def test_a_regrouped_transcription_meets_the_name(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()
    assert score(latin, han).probability >= calibration.threshold()


def test_le_writes_a_final_l() -> None:
    # 勒 le, the vowel-less l of Xinhua's Arabic and Somali tables (贾迈勒 Jamal): joined to the
    # syllable before it as the key writes a final l (n: Samal sa.man, Phal pan)
    assert key_similarity("sa.ma.le", "sa.man", sounded=SOUNDED_X) == pytest.approx(0.925)
    assert key_similarity("pan", "pa.le", sounded=SOUNDED_Y) == pytest.approx(1.0 - REGROUP_COST)
    # not the Latin key: Kong Le's le is a syllable of its own
    assert key_similarity("kon.le", "kon", sounded=SOUNDED_Y) == 0.5
