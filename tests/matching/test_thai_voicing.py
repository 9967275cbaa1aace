"""บ and ด against ป and ต at the start of a syllable (issue 12 A, eleventh round), and a compound
not cut after a leading vowel.

Thai passports, modern and traditional alike, write บ b and ด d; modern spellings write ป p and
ต t, traditional ones b and d only for the aspirated พ ภ, ท ธ (Bhumibol, Devakula). So a Latin p or t
is not บ or ด, and a Latin b or d is not ป or ต. Spellings: the annotated spellings of the `dev`
part of nozomiyamada/thai_romanization (commit 9968ea4: ปัญจะ Pancha/Panja, บัญชา Bancha/Buncha,
อดิเทพ Adithep, อติเทพ Atithep, ภนิดา Phanida, ภนิตา Phanita, ดำรง Dhumrong, เจษฏา Jesada) and real
persons of the train and seen rows of ``benchmarks/data/names_thai_real.csv``; no held-out row.
"""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.endings import latin_shape, thai_shape
from mekongx.matching.outline import conflict, distance, latin_outline
from mekongx.matching.result import Decision
from mekongx.matching.thai_compounds import splits


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        ("ปัญจะ ศรีสุข", "Pancha Srisuk"),
        ("ปัญจะ ศรีสุข", "Panja Srisuk"),
        ("บัญชา ศรีสุข", "Bancha Srisuk"),
        ("บัญชา ศรีสุข", "Buncha Srisuk"),
        ("อดิเทพ ศรีสุข", "Adithep Srisuk"),
        ("อติเทพ ศรีสุข", "Atithep Srisuk"),
        ("ภนิดา ศรีสุข", "Phanida Srisuk"),
        ("ภนิตา ศรีสุข", "Phanita Srisuk"),
        ("ดำรง ศรีสุข", "Dhumrong Srisuk"),  # dh for ด
        ("เจษฏา ศรีสุข", "Jesada Srisuk"),  # ฏ and ฎ are written for each other (เจษฎา)
        # traditional spellings write the aspirated stops b(h) and d(h), and ศักดิ์ as sakti
        ("ภูมิพลอดุลยเดช", "Bhumibol Adulyadej"),
        ("ปรีดิยาธร เทวกุล", "Pridiyathorn Devakula"),
        ("สัญญา ธรรมศักดิ์", "Sanya Dharmasakti"),
    ],
)
def test_the_names_own_spellings_still_match(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is Decision.MATCH, m.explain()


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        ("บัญชา ศรีสุข", "Pancha Srisuk"),  # ปัญจะ
        ("ปัญจะ ศรีสุข", "Bancha Srisuk"),  # บัญชา
        ("อดิเทพ ศรีสุข", "Atithep Srisuk"),  # อติเทพ
        ("อติเทพ ศรีสุข", "Adithep Srisuk"),  # อดิเทพ
        ("ภนิดา ศรีสุข", "Phanita Srisuk"),  # ภนิตา
        ("ภนิตา ศรีสุข", "Phanida Srisuk"),  # ภนิดา
    ],
)
def test_a_voiced_stop_for_a_plain_one_makes_another_name(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is not Decision.MATCH, m.explain()
    assert "consonants_differ" in [r.code for r in m.explanation], m.explain()


def test_a_dropped_syllable_of_d_is_a_whole_consonant() -> None:
    # รัชนี, not รัชนิดา: the ด of -ดา, once a t after the n and half the cost to drop (the silent ท
    # of จันทร์), is a consonant of its own (it was refused before too, as a budget of two halves)
    m = score("รัชนิดา ศรีสุข", "Ratchanee Srisuk")
    assert m.decision is not Decision.MATCH, m.explain()
    assert "consonants_differ" in [r.code for r in m.explanation], m.explain()


def test_outlines_mark_voicing_at_the_start_of_a_syllable_only() -> None:
    assert latin_outline("pan.cha", "thai") == "Pnc"  # ป
    assert latin_outline("ban.cha", "thai") == "Bnc"  # บ
    assert latin_outline("Bancha") == "bnc"
    assert latin_outline("Pancha") == "pnc"  # p or ph: ป or an aspirated stop
    # after n the d of a traditional spelling is ท (Tinsulanonda): not marked
    assert latin_outline("Tinsulanonda").endswith("nt")
    # a final then the same stop opening the next syllable is one sound (ลัดดา Ladda, Latda)
    assert distance(latin_outline("lat.da", "thai"), latin_outline("Latda")) == 0.0
    assert distance(latin_outline("lat.da", "thai"), latin_outline("Lada")) == 0.0


def test_a_traditional_spelling_says_nothing_of_voicing() -> None:
    assert conflict(thai_shape("ธรรมศักดิ์"), latin_shape("Dharmasakti")) == ""
    assert conflict(thai_shape("ภูมิพล"), latin_shape("Bhumibol")) == ""


def test_a_compound_is_not_cut_after_a_leading_vowel() -> None:
    # ศรีแพร is ศรี + แพร (si-phrae), not ศรีแ + พร, which read it si-phon and met Siphon (ศรีพร)
    assert splits("ศรีแพร") == (("ศรี", "แพร"),)
    assert score("ศรีแพร ศรีสุข", "Siphon Srisuk").decision is not Decision.MATCH
    assert score("ศรีแพร ศรีสุข", "Sriphrae Srisuk").decision is Decision.MATCH
    assert score("ศรีพร ศรีสุข", "Siphon Srisuk").decision is Decision.MATCH
