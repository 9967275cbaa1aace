"""Issue 12 part B: Myanmar and Khmer script, Zawgyi input, and Chinese transcriptions of Burmese
and Khmer names read as sound."""

from __future__ import annotations

import pytest

from mekongx.matching import burmese, khmer, score
from mekongx.text.zawgyi import to_unicode

THRESHOLD = 0.5


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("吴登盛", "U Thein Sein"),  # was 0.09: read as surname 吴 Wu + given name
        ("吴登盛", "Thein Sein"),
        ("ဦးသိန်းစိန်", "U Thein Sein"),
        ("ဦးသိန်းစိန်", "Thein Sein"),
        ("သိန်းစိန်", "吴登盛"),
        ("昂山素季", "Aung San Suu Kyi"),
        ("အောင်ဆန်းစုကြည်", "Daw Aung San Suu Kyi"),
        ("ဒေါ်အောင်ဆန်းစုကြည်", "Aung San Suu Kyi"),
        ("敏昂莱", "Min Aung Hlaing"),
        ("မင်းအောင်လှိုင်", "Min Aung Hlaing"),
        ("ဝင်းမြင့်", "U Win Myint"),
        ("ហ៊ុន សែន", "Hun Sen"),
        ("នរោត្តម សីហមុនី", "Norodom Sihamoni"),
    ],
)
def test_burmese_and_khmer_forms_meet(a: str, b: str) -> None:
    assert score(a, b).probability >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ဦးသိန်းစိန်", "U Aung Min"),  # the courtesy word makes no match
        ("ဒေါ်ခင်ညွန့်", "Daw Aung San Suu Kyi"),
        ("吴温敏", "Myint Swe"),
        ("ဦးဝင်းမြင့်", "Myint Swe"),
        ("ហ៊ុន សែន", "Hun Manet"),
        ("吴小明", "U Thein Sein"),
    ],
)
def test_different_persons_do_not_meet(a: str, b: str) -> None:
    assert score(a, b).probability < THRESHOLD


def test_burmese_syllables_and_spellings() -> None:
    assert burmese.syllables("အောင်ဆန်းစုကြည်") == ["အောင်", "ဆန်း", "စု", "ကြည်"]
    assert burmese.word_spellings("မြင့်")[0][0] == "myint"  # creaky nasal written -nt
    assert burmese.word_spellings("ရွှေ")[0][0] == "shwe"
    assert burmese.honorific_count(["ဦးသိန်းစိန်"]) == 1
    assert burmese.honorific_count(["ဦး"]) == 0  # never the whole name


def test_zawgyi_name_is_read_as_unicode() -> None:
    zawgyi = "ေအာင္ဆန္းစုၾကည္"  # အောင်ဆန်းစုကြည် typed in the Zawgyi font encoding
    assert to_unicode(zawgyi) == "အောင်ဆန်းစုကြည်"
    assert score(zawgyi, "Aung San Suu Kyi").probability >= THRESHOLD
    assert score(zawgyi, "အောင်ဆန်းစုကြည်").probability >= THRESHOLD


def test_khmer_vowels_follow_the_consonant_series() -> None:
    assert khmer.word_alternatives("សុខា")[0][0] == "Sokha"  # first series: ុ is o
    assert khmer.word_alternatives("ហ៊ុន")[0][0] == "Hun"  # ៊ moves ហ to the second: u
    assert khmer.word_alternatives("ប៉ុល")[0][0] == "Pol"


@pytest.mark.parametrize(
    "text",
    ["\u1031\u1031\u103b", "\u17d2\u17d2ក", "ဦး", "\u1039က", "ៗ", "ေ" * 50, "ក្" * 30],
)
def test_broken_script_input_raises_nothing(text: str) -> None:
    score(text, "Thein Sein")
    score(text, "吴登盛")
