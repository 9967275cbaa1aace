"""Issue 12 A, sixteenth round: name words that the reader divided wrongly inside a compound.

- ดวง (star, a common first name word: ดวงใจ, ดวงกมล) and นัก begin compounds, so that ดวงกมล is
  read duang-ka-mon (it was dua-ngok-mon) and นักรบ nak-rop (the รบ was lost);
- พงศ์ and วงศ์ written without ◌์ before the next word (พงศกร, พงษธร) are their bound form, whose
  cancelled letter is sounded sa (the Royal Institute's dictionary: พงศ- พง-สะ-): phong-sa-kon,
  not pha-ngot-kon, and not phong-kon, which is พงศ์กรณ์.

Spellings: the annotated spellings of the `dev` part of nozomiyamada/thai_romanization (commit
9968ea4) and another `dev` name's spelling; no held-out row.
"""

from __future__ import annotations

import pytest

from mekongx.matching import score, thai_compounds
from mekongx.matching.result import Decision


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        # all three fail on main (0.03, 0.01, 0.00)
        ("ดวงกมล ศรีสุข", "Duangkamon Srisuk"),
        ("ดวงกมล ศรีสุข", "Duangkamol Srisuk"),
        ("พงษกร ศรีสุข", "Phongsakorn Srisuk"),
        ("พงษกร ศรีสุข", "Pongsakorn Srisuk"),
        ("พงษธร ศรีสุข", "Pongsathon Srisuk"),
        ("นักรบ ศรีสุข", "Nakrop Srisuk"),
        ("นักรบ ศรีสุข", "Nakrob Srisuk"),
    ],
)
def test_compounds_read_by_their_words_match(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is Decision.MATCH, m.explain()


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        ("พงศ์กรณ์ ศรีสุข", "Phongkorn Srisuk"),
        ("พงศพัศ ศรีสุข", "Phongsaphat Srisuk"),
        ("ดวงใจ ศรีสุข", "Duangjai Srisuk"),
        ("ดวงพร ศรีสุข", "Duangporn Srisuk"),
    ],
)
def test_guards_still_match(thai_name: str, latin: str) -> None:
    m = score(thai_name, latin)
    assert m.decision is Decision.MATCH, m.explain()


@pytest.mark.parametrize(
    ("thai_name", "latin"),
    [
        # พงศ์กรณ์'s spelling: the bound form sounds its sa
        ("พงษกร ศรีสุข", "Phongkorn Srisuk"),
        ("นักรบ ศรีสุข", "Nakorn Srisuk"),
    ],
)
def test_another_names_spelling_is_refused(thai_name: str, latin: str) -> None:
    for a, b in ((thai_name, latin), (latin, thai_name)):
        m = score(a, b)
        assert m.decision is not Decision.MATCH, m.explain()


def test_splits_and_bound_heads() -> None:
    assert ("พงษ", "กร") in thai_compounds.splits("พงษกร")  # main: no split
    assert thai_compounds.head_readings("พงษ") == (("phong", "sa"),)  # main: pha-ngot
    assert ("ดวง", "กมล") in thai_compounds.splits("ดวงกมล")
    assert ("นัก", "รบ") in thai_compounds.splits("นักรบ")
    assert thai_compounds.splits("วงศา") == ()  # a vowel sign, not a word, follows
