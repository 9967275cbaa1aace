"""Chinese transcriptions of Lao names read with the Lao syllables their characters stand for
whatever their Mandarin sound (issue 12 part B): the Lao rows of ``data/transcription_han.csv``
(潘 pan Phang, 邦 bang Boun, 森 sen Seng), read by the mechanism the Khmer rows use
(``sea_transcription.written_sounds``), and ເ-ືອນ euan written with two characters, 德 de + 昂 ang.
The names are public figures named in the table, as the Chinese services of Vietnam News Agency
print them with their Latin form beside."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching import lao_transcription as lao
from mekongx.matching import sea_transcription as sea

from .conftest import transcription_rows


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # seen rows la307 and la319 of benchmarks/data/names_mm_kh_la_real.csv: 0.047 and 0.126
        # on main (潘 pan for Phang, 邦 bang for Boun)
        ("阿萨潘通·西潘敦", "Adsaphangthong Siphandone"),
        ("桑杜安·拉查塔邦", "Sengdeuane Lachanthaboune"),
        # the same minister as the agency printed her name in 2017: 0.341 on main (森 sen for
        # Seng, 德昂 for Deuan)
        ("森德昂·拉占塔本", "Sengdeuan Lachanthaboun"),
        ("森德昂·拉占塔本", "Sengdeuane Lachanthaboune"),
    ],
)
def test_a_lao_name_in_characters_meets_its_latin_form(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()


def test_every_lao_row_is_sourced_makes_its_name_meet_and_is_read() -> None:
    rows = transcription_rows("lao")
    assert len(rows) >= 3
    for row in rows:
        assert row["source"].startswith("http"), row
        assert score(row["name_zh"], row["name_latin"]).probability >= calibration.threshold()
    # after the character's usual Lao sound, in the form Lao Latin spellings are keyed in (u for
    # the French ou)
    assert lao.char_sounds("邦", "bang")[:2] == ("bang", "bun")
    assert lao.char_sounds("潘", "pan")[:2] == ("phan", "phang")
    assert lao.char_sounds("通", "tong") == lao.syllable_sounds("tong")  # no row: its own sounds


def test_the_lao_rows_are_not_read_for_khmer_or_burmese_names() -> None:
    assert sea.char_sounds("邦", "bang") == sea.syllable_sounds("bang")
    assert sea.char_sounds("潘", "pan") == sea.syllable_sounds("pan")  # 森 has a Khmer row too
    assert "kheng" in sea.char_sounds("肯", "ken")  # the Khmer rows still are


def test_de_and_ang_also_write_one_lao_syllable() -> None:
    assert ("deuan",) in lao.part_sounds(("de", "ang"))
    assert all(len(s) == 2 for s in lao.part_sounds(("de", "an")))


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # seen persons who share a family name stay apart
        ("阿萨潘通·西潘敦", "Sonexay Siphandone"),
        ("阿萨潘通·西潘敦", "Phankham Viphavanh"),
        ("森德昂·拉占塔本", "Somdy Douangdy"),
        ("桑杜安·拉查塔邦", "Bounchanh Sinthavong"),
    ],
)
def test_the_lao_readings_keep_other_names_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < calibration.threshold()
