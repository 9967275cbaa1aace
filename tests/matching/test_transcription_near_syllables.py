"""Chinese transcriptions of Cambodian names meet the original's sound (issue 12 part B, helper
khxs): a transcription's syllable that keeps the onset and vowel with another nasal final or none,
or the onset and final with o for u, is nearer than another
syllable; one syllable against several shares letters, not sound; and a name in characters read
as a Chinese one does not meet another person's foreign name on its surname alone when a part
is no nearer than one syllable of two. The pairs are seen rows of names_mm_kh_la_real.csv and
the seen other-person matches of benchmarks/names_mekong.py."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score, syllable
from mekongx.matching.part_similarity import key_similarity


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ken", "keN"),  # 更 geng for the ken of Soken (宋速更)
        ("ci", "cin"),  # a nasal final or none: 陈 chen for Chhit
        ("pu", "pum"),  # 布 bu for Prum
        ("su", "so"),  # 速 su for the so of Soken
        ("kun", "kon"),  # 坤 kun for Khon
    ],
)
def test_a_near_syllable(a: str, b: str) -> None:
    assert syllable.transcribed_similarity(a, b) == syllable.NEAR
    assert syllable.transcribed_similarity(b, a) == syllable.NEAR


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ka", "ken"),  # another vowel
        ("keN", "kon"),
        ("cen", "ci"),  # another vowel and another final
        ("man", "wan"),  # another onset
    ],
)
def test_another_syllable_stays_another(a: str, b: str) -> None:
    assert syllable.transcribed_similarity(a, b) == syllable.HALF


def test_only_a_transcription_reads_syllables_so() -> None:
    assert key_similarity("su.kon", "so.kon") == 0.55  # two Chinese or Latin names: as before
    assert key_similarity("su.kon", "so.kon", sounded=True) == pytest.approx(0.775)
    # e is not i: Hun Manet is not his brother Hun Many (洪玛尼)
    assert key_similarity("ma.ne", "ma.ni", sounded=True) == 0.55


def test_one_syllable_against_several_shares_letters_not_sound() -> None:
    assert key_similarity("sein", "so.kein") > 0.6  # letter edit distance
    assert key_similarity("sein", "so.kein", sounded=True) == 0.5


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("陈速坤", "Chhit Sokhon"),  # cin / ci, su.kon / so.kon (seen row)
    ],
)
def test_a_cambodian_figure_meets_the_sound_of_his_name(han: str, other: str) -> None:
    assert score(han, other).probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("苏索卡", "Sok Soken"),  # 苏 su against Sok's su, sua.ka / so.ken
        ("苏索卡", "សុខ សូកេន"),
        ("索索肯", "Chhit Sokhon"),  # so.keN / so.kon
        ("索索肯", "ជា សុផារ៉ា"),  # Chea Sophara
        ("索索肯", "សុន សេន"),  # Son Sen: so / son, so.kein / sein
        ("ហ៊ុន ម៉ាណែត", "洪玛尼"),  # the brothers Hun Manet / Hun Many
    ],
)
def test_a_transcription_does_not_meet_another_person(han: str, other: str) -> None:
    assert score(han, other).probability < calibration.threshold()


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("宋速更", "Sok Soken"),
        ("苏索卡", "Sar Sokha"),
        ("洪森", "Hun Sen"),
        ("昆索达丽", "Khuon Sudary"),
    ],
)
def test_the_same_persons_still_meet(han: str, other: str) -> None:
    assert score(han, other).probability >= calibration.threshold()


def test_a_part_that_differs_in_its_onsets_only_keeps_the_surname() -> None:
    # 万 wan, Cantonese maan, for the Van of Chea Vandeth (谢万迪): man.te / wan.te
    assert syllable.rhymes_kept("man.te", "wan.te")
    assert not syllable.rhymes_kept("sua.ka", "sua.ken")  # 苏索卡 / Sok Soken
    assert not syllable.rhymes_kept("so.la", "so.la.ka")
    assert score("谢万迪", "Chea Vandeth").probability >= calibration.threshold()


def test_a_dialect_reading_is_no_transcription() -> None:
    # 杜德山 looks like a Burmese name (杜 Daw), but its Cantonese reading (德 dak: ta) is no
    # transcription: ta / thanh is another syllable there, not a near one
    assert score("杜德山", "DO QUOC THANH").probability < calibration.threshold()
