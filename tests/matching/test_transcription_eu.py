"""A Khmer or Lao eu (the vowel ɨ, ə, ɨə that Mandarin writes e) meets a transcription's e
(issue 12 part B, helper khtrans2): 涅沙文 is Neth Savoeun (នេត សាវឿន), as 郭宗仁 is Kuoch
Chamroeun and the eu row of the Lao table writes 德 de, 勒 le, 瑟 se. Only for a transcription's
sound reading, as the other near syllables; the pairs are seen rows of names_mm_kh_la_real.csv
(kh601 is new this round)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, khmer, score, syllable
from mekongx.matching.part_similarity import key_similarity


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("wen", "weun"),  # 文 wen for the voeun of Savoeun
        ("se", "seu"),  # 塞 for the seu of Praseuth (Lao)
    ],
)
def test_e_is_near_eu(a: str, b: str) -> None:
    assert syllable.transcribed_similarity(a, b) == syllable.NEAR
    assert syllable.transcribed_similarity(b, a) == syllable.NEAR


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("wen", "weuk"),  # another final, not a nasal one
        ("we", "weun"),  # e for eu and a final left out: never both
        ("ma", "meu"),  # another vowel
    ],
)
def test_eu_is_no_wildcard(a: str, b: str) -> None:
    assert syllable.transcribed_similarity(a, b) < syllable.NEAR


def test_only_a_transcription_reads_eu_so() -> None:
    # two Latin names: another syllable
    assert key_similarity("sa.wen", "sa.weun") == pytest.approx(0.55)
    assert key_similarity("sa.wen", "sa.weun", sounded=True) == pytest.approx(0.775)


def test_the_khmer_vowel_sign_oea_is_also_spelt_oeu() -> None:
    # ឿ: Savoeun, as the Latin spelling of the same name writes it
    assert "voeun" in khmer.word_spellings("សាវឿន")[1]
    assert score("នេត សាវឿន", "Neth Savoeun").probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("涅沙文", "Neth Savoeun"),
        ("នេត សាវឿន", "涅沙文"),
    ],
)
def test_a_cambodian_police_chief_meets_his_transcription(han: str, other: str) -> None:
    assert score(han, other).probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("涅沙文", "Neth Savuon"),  # uo is no eu
        ("涅沙文", "Hun Manet"),
        ("洪玛尼", "Hun Manet"),  # the brothers stay apart
    ],
)
def test_others_stay_apart(han: str, other: str) -> None:
    assert score(han, other).probability < calibration.threshold()
