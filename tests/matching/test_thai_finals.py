"""A final l or an -orn written in a Latin spelling needs the Thai letters behind it (issue 12 A).

Pairs written by hand (RTGS and the common passport habits of the words), not taken from a
benchmark's held-out rows."""

from __future__ import annotations

import pytest

from mekongx.matching import Index, score
from mekongx.matching.endings import latin_shape, thai_shape
from mekongx.matching.outline import conflict
from mekongx.matching.result import Decision
from mekongx.matching.thai_finals import latin_marks


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("สมพร", "Sompol"),  # พร never ends on l
        ("นันตพร", "Nantapol"),
        ("สมพล", "Somporn"),  # … nor พล on -orn
        ("พลทิพย์", "Pornthip"),
        ("ธนพร ศรีสุข", "Thanaphol Srisuk"),
        ("ธนพล ศรีสุข", "Thanaporn Srisuk"),
    ],
)
def test_a_final_the_thai_word_cannot_have_makes_another_name(thai: str, latin: str) -> None:
    m = score(thai, latin)
    assert m.decision is not Decision.MATCH, m.probability
    assert "consonants_differ" in [r.code for r in m.explanation], m.explain()
    assert score(latin, thai).decision is not Decision.MATCH


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("สมพร", "Somporn"),
        ("สมพร", "Somphon"),  # RTGS
        ("สมพร", "Sompon"),  # a popular spelling of พร too
        ("สมพล", "Sompol"),
        ("สมพล", "Somphon"),
        ("กมล", "Kamol"),
        ("อินสอน", "Insorn"),  # ออ before น written orn
        ("อร", "Orn"),
        ("พรทิพย์", "Pornthip"),
        ("สมรักษ์ คำสิงห์", "Somluck Kamsing"),  # an l that opens a syllable is not checked
        ("ธนพล ศรีสุข", "Thanaphol Srisuk"),
    ],
)
def test_finals_the_thai_word_has_still_match(thai: str, latin: str) -> None:
    m = score(thai, latin)
    assert m.decision is Decision.MATCH, m.probability
    assert "consonants_differ" not in [r.code for r in m.explanation], m.explain()


def test_marks_and_shapes() -> None:
    assert latin_marks("Nantapol") == "le"  # a final l, and one that ends the word
    assert latin_marks("Thanaporn") == "or"  # -orn, and one that ends the word (round 22)
    assert latin_marks("Chollada") == ""  # an l before a vowel or another l is no final
    assert latin_marks("Somluck") == ""
    assert conflict(thai_shape("นันตพร"), latin_shape("Nantapol")) == "consonants"
    assert conflict(thai_shape("นันตพล"), latin_shape("Nantapol")) == ""
    # a shape stored before the finals were kept (three fields) compares as before
    old = "|".join(latin_shape("Nantapol").split("|")[:3])
    assert conflict(thai_shape("นันตพร"), old) == ""


def test_screening_keeps_the_finals_apart() -> None:
    index = Index()
    index.add("Thanaphol Srisuk", id="phol")
    index.add("Thanaporn Srisuk", id="porn")
    hits = index.search("ธนพร ศรีสุข")
    assert [h.id for h in hits if h.decision is Decision.MATCH] == ["porn"], hits
    hits = index.search("ธนพล ศรีสุข")
    assert [h.id for h in hits if h.decision is Decision.MATCH] == ["phol"], hits


def test_orng_is_a_long_ong_not_a_final_r() -> None:
    assert latin_marks("Somporng") == ""
    assert score("สมพงษ์ บุญมา", "Somporng Bunma").decision is Decision.MATCH
