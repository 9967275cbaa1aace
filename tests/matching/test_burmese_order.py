"""Issue 12: a Burmese name has no family name and a fixed order, and Burmese names are built from
a small stock of syllables, so the same syllables in another order are another person's name
(U Win Tin, the journalist, and U Tin Win are two people). A name known to be Burmese keeps the
order of its parts when compared; other names may still be written in either order."""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.names import parse_name
from mekongx.matching.origin import order_fixed

THRESHOLD = 0.5


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U Tin Win", "U Win Tin"),  # courtesy word: was 0.98
        ("Thein Sein", "Sein Thein"),  # -ein, spelt as only Burmese names are: was 0.98
        ("ဝင်းတင်", "တင်ဝင်း"),  # Myanmar script: was 0.98
        ("盛温", "U Win Tin"),  # Sein Win: was 1.0
        ("吴温丁", "Tin Win"),  # a transcription starting with 吴 U: was 1.0
        ("吴温丁", "U Tin Win"),
    ],
)
def test_burmese_syllables_in_another_order_are_another_person(a: str, b: str) -> None:
    assert score(a, b).probability < THRESHOLD
    assert score(b, a).probability < THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U Thein Sein", "吴登盛"),
        ("U Thein Sein", "သိန်းစိန်"),
        ("吴登盛", "သိန်းစိန်"),
        ("ဦးသိန်းစိန်", "Thein Sein"),
        ("U Win Tin", "Win Tin"),  # the courtesy word dropped: no swap
        ("U Win Tin", "ဝင်းတင်"),
        ("吴温丁", "U Win Tin"),
    ],
)
def test_the_same_burmese_name_still_meets(a: str, b: str) -> None:
    m = score(a, b)
    assert m.probability >= THRESHOLD
    assert "name_order_swapped" not in [r.code for r in m.explanation]


def test_other_names_may_still_be_written_in_either_order() -> None:
    # the Chinese reading of 吴温丁 (Wu Wending) is not Burmese: its order stays free
    m = score("吴温丁", "Wending Wu")
    assert m.probability >= THRESHOLD
    assert "name_order_swapped" in [r.code for r in m.explanation]
    assert score("洪森", "Sen Hun").probability >= THRESHOLD  # Khmer: family name Hun


def test_which_readings_keep_their_order() -> None:
    assert order_fixed(parse_name("ဝင်းတင်")) == {"burmese"}
    assert order_fixed(parse_name("U Win Tin")) == {"latin"}
    assert order_fixed(parse_name("Thein Sein")) == {"latin"}
    assert order_fixed(parse_name("吴温丁")) == {"sea-transcription"}
    assert not order_fixed(parse_name("Tin Win"))  # may be a Chinese name in Latin letters
    assert not order_fixed(parse_name("洪森"))  # more often Chinese (or Khmer) than Burmese
    assert not order_fixed(parse_name("Ma Ying-jeou"))  # Ma: the Chinese surname here
