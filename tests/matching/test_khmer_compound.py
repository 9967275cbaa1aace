"""Khmer words read as Khmer writes names (issue 12 part B): a two-syllable given name written as
one word (គឹមហួន Kim Hourn, អុីវតឹក Iv Tek) and a word that ends in two bare consonants
(ភូថង Phouthorng). The names are public figures of benchmarks/data/names_mm_kh_la_real.csv (seen
rows kh317, kh503, kh507)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, khmer, score


@pytest.mark.parametrize(
    ("khmer_name", "latin"),
    [
        ("កៅ គឹមហួន", "Kao Kim Hourn"),  # the given name written as one word, Latin as two
        ("ត្រាំ អុីវតឹក", "Tram Iv Tek"),
        ("មិថុនា ភូថង", "Mithona Phouthorng"),  # ថង is a syllable, not a final th and ngo
    ],
)
def test_khmer_name_meets_its_latin_spelling(khmer_name: str, latin: str) -> None:
    assert score(khmer_name, latin).probability >= calibration.threshold()


def test_a_word_ending_in_two_bare_consonants_ends_in_a_syllable_with_its_vowel() -> None:
    assert [s[0] for s in khmer.word_spellings("ភូថង")] == ["phu", "thang"]
    assert khmer.word_alternatives("កុសល")[0][0] == "Kosal"


def test_a_compound_is_read_as_two_words_beside_its_usual_reading() -> None:
    assert khmer.compound_parts("គឹមហួន")[1] == [("Huon", ("huon",))]
    assert ("kim",) in [syls for _, syls in khmer.compound_parts("គឹមហួន")[0]]
    assert khmer.word_alternatives("ទេវតា")[0][0] == "Tevota"  # a Pali word keeps its vowels


def test_h_closes_no_syllable_and_other_names_stay_apart() -> None:
    thr = calibration.threshold()
    assert khmer.compound_parts("សីហមុនី") == []  # si.ha.mu.ni, not sih.mu.ni
    assert score("នរោត្តម សីហមុនី", "Norodom Sihamoni").probability >= thr
    for latin in ("Kao Kim", "Kim Hourn", "Kao Sok Heng"):
        assert score("កៅ គឹមហួន", latin).probability < thr, latin
    assert score("ម៉ម ប៊ុនហេង", "Mam Bun Hong").probability < thr
