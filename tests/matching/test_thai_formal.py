"""Thai formal names against their traditional Latin spellings (issue 12, part A).

The pairs are real persons' names as the Thai and English Wikipedia titles write them (the seen
rows rt301-rt361 of benchmarks/data/names_thai_real.csv); each scored under 0.35 before the rules
below were written.
"""

from __future__ import annotations

import pytest

from mekongx.matching import score, thai_split
from mekongx.matching.result import Decision
from mekongx.matching.thai import syllables
from mekongx.matching.thai_letters import respellings
from mekongx.matching.traditional import respell


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("ภูมิพลอดุลยเดช", "Bhumibol Adulyadej"),
        ("อุบลรัตน์", "Ubol Ratana"),
        ("ดำรงราชานุภาพ", "Damrong Rajanubhab"),
        ("กัลยาณิวัฒนา", "Galyani Vadhana"),
        ("สุนทรภู่", "Sunthorn Phu"),
        ("จักรพงษ์ภูวนาถ", "Chakrabongse Bhuvanath"),
    ],
)
def test_a_thai_name_in_one_word_meets_its_latin_name_in_two(thai: str, latin: str) -> None:
    assert score(thai, latin).decision is Decision.MATCH, score(thai, latin).probability
    assert score(latin, thai).decision is Decision.MATCH


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("ภูมิพลอดุลยเดช", "Somchai Wongsawat"),
        ("อุบลรัตน์", "Ubon Wongsawat"),
        ("ดำรงราชานุภาพ", "Damrong Wongsawat"),
        ("สุนทรภู่", "Sunthorn Phong"),
    ],
)
def test_cutting_the_thai_word_makes_no_match_of_other_names(thai: str, latin: str) -> None:
    assert score(thai, latin).decision is not Decision.MATCH, score(thai, latin).probability


def test_cuts_fall_where_a_word_can_start() -> None:
    assert thai_split.cuts("อุบลรัตน์") == ("อุ บลรัตน์", "อุบ ลรัตน์", "อุบล รัตน์")
    assert thai_split.cuts("เพชรา") == ("เพ ชรา", "เพช รา")  # never after เ


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("สมชาย สุวรรณ", "Somchai Suvarna"),
        ("สมชาย ธรรม", "Somchai Dharma"),
        ("สมชาย ธรรมศักดิ์", "Somchai Dharmasakti"),
        ("สมชาย ฤทธิ์เดช", "Somchai Riddhidej"),
        ("อาสา สารสิน", "Arsa Sarasin"),
        ("โสมสวลี", "Soamsawali"),
    ],
)
def test_sanskrit_endings_and_english_vowel_habits_match(thai: str, latin: str) -> None:
    assert score(thai, latin).decision is Decision.MATCH, score(thai, latin).probability


def test_traditional_respellings() -> None:
    assert respell("Dharma") == "dham"
    assert respell("Suvarna") == "suvan"
    assert respell("Riddhidej") == "riddej"
    # an ordinary -a after one consonant is no Sanskrit final: left as it is
    assert respell("Ratana") is None
    assert respell("Kanchana") is None


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("เสวก", ("sa", "wek")),  # three consonants, no vowel sign: the first with its own a
        ("เศวต", ("sa", "wet")),
        ("เขมร", ("kha", "men")),
        ("เกษม", ("ka", "sem")),
        ("เพชร", ("phet",)),  # ร after a stop is silent: no syllable of its own
        ("เนตร", ("net",)),
        ("อภิเชษฐ", ("a", "phi", "chet")),  # a final ฐ after ษ is silent
        ("เปรม", ("prem",)),  # a cluster
    ],
)
def test_lead_e_before_three_consonants(word: str, read: tuple[str, ...]) -> None:
    assert syllables(word) == read


def test_a_compound_opening_on_kasem_reads_it_alone() -> None:
    assert score("สมชาย เกษมสันต์", "Somchai Kashemsant").decision is Decision.MATCH
    assert score("เสวก แพรทอง", "Sawek Phraethong").decision is Decision.MATCH


def test_a_sounded_final_syllable_is_not_dropped() -> None:
    # ทธา is a syllable of its own: Sattha (ศรัทธา) is not a spelling of สุทธา
    assert score("ประวิช สุทธา", "Prawit Sattha").decision is not Decision.MATCH


@pytest.mark.parametrize(
    ("word", "respelt", "read"),
    [
        ("เกสร", "เกสอน", ("ke", "son")),  # ส has its o, ร is the final (was ket)
        ("หวล", "ฮวล", ("huan",)),  # ห is the onset, ว the vowel ua (was won)
        ("หวง", "ฮวง", ("huang",)),
        ("บวรศักดิ์", "บะวรศักดิ์", ("ba", "won", "sak")),  # as said (the dictionary: bo-won)
        ("อาจหาญ", "อาถาญ", ("a", "than")),  # a final stop written as the next onset (Athan)
    ],
)
def test_respellings_as_said(word: str, respelt: str, read: tuple[str, ...]) -> None:
    assert respelt in respellings(word)
    assert syllables(respelt) == read


@pytest.mark.parametrize("word", ["เกสรา", "เพชร", "หวาน", "หวัง", "บัว", "อาจ", "สุขหฤทัย"])
def test_no_respelling_where_the_letters_read_right(word: str) -> None:
    assert respellings(word) == ()


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        # spellings of the dev part of nozomiyamada/thai_romanization (annotated by a Thai speaker)
        ("เกสร นวลศรี", "Kesorn Nuansee"),
        ("เกสร", "Keson"),
        ("สุริยา หอมหวล", "Suriya Homhuan"),
        ("บวรศักดิ์", "Bawornsak"),
        ("บวรศักดิ์", "Bowornsak"),
        ("ธนายุต อาจหาญ", "Thanayut Athan"),
        ("อาจหาญ", "Adharn"),
    ],
)
def test_respelt_words_match_their_spellings(thai: str, latin: str) -> None:
    assert score(thai, latin).decision is Decision.MATCH
