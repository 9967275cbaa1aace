"""Burmese typed in Zawgyi is recognised and converted to Unicode; Unicode is left alone."""

from __future__ import annotations

import pytest

from mekongx.text.zawgyi import is_zawgyi, normalise, to_unicode

# (Zawgyi as typed with the Zawgyi-One font, the same text in Unicode), written out by code point
PAIRS = [
    # "mingalaba" (hello): kinzi typed after the consonant in Zawgyi, before it in Unicode
    ("\u1019\u1002\u1064\u101C\u102C\u1015\u102B", "\u1019\u1004\u103A\u1039\u1002\u101C\u102C\u1015\u102B"),
    # "kyaung" (school): vowel E before the consonant, U+1039 as asat
    ("\u1031\u1000\u103A\u102C\u1004\u1039\u1038", "\u1000\u103B\u1031\u102C\u1004\u103A\u1038"),
    # "Myanmar": medial RA before the consonant
    ("\u103B\u1019\u1014\u1039\u1019\u102C", "\u1019\u103C\u1014\u103A\u1019\u102C"),
    # "shwe" (gold): E before, the WA+HA ligature
    ("\u1031\u101B\u108A", "\u101B\u103D\u103E\u1031"),
    # "pyidaungsu" (union)
    (
        "\u103B\u1015\u100A\u1039\u1031\u1011\u102C\u1004\u1039\u1005\u102F",
        "\u1015\u103C\u100A\u103A\u1011\u1031\u102C\u1004\u103A\u1005\u102F",
    ),
    # "Buddha": a stacked consonant glyph
    ("\u1017\u102F\u1012\u1076", "\u1017\u102F\u1012\u1039\u1013"),
    # "narcotic drugs", with the digit zero typed for the letter WA
    (
        "\u1019\u1030\u1038\u101A\u1005\u1039 \u1031\u1006\u1038\u1040\u102B\u1038",
        "\u1019\u1030\u1038\u101A\u1005\u103A \u1006\u1031\u1038\u101D\u102B\u1038",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("zawgyi", "unicode"), PAIRS)
def test_zawgyi_is_detected_and_converted(zawgyi: str, unicode: str) -> None:
    assert is_zawgyi(zawgyi)
    assert to_unicode(zawgyi) == unicode
    assert normalise(zawgyi) == (unicode, True)


@pytest.mark.parametrize("unicode", [u for _, u in PAIRS])
def test_unicode_burmese_is_left_alone(unicode: str) -> None:
    assert not is_zawgyi(unicode)
    assert normalise(unicode) == (unicode, False)


@pytest.mark.parametrize("text", ["", "Somchai 0812345678", "สมชาย ใจดี", "王伟", "ສົມສັກ", "សុខា"])
def test_text_without_burmese_is_never_zawgyi(text: str) -> None:
    assert normalise(text) == (text, False)


def test_a_sentence_mixing_latin_and_zawgyi_keeps_the_latin() -> None:
    text = "ONCB-2024/7 " + PAIRS[2][0] + " 55 kg"
    assert normalise(text) == ("ONCB-2024/7 " + PAIRS[2][1] + " 55 kg", True)
