"""Chinese transcriptions of Burmese names read with the syllables their characters stand for in
Burmese names whatever their Mandarin sound (issue 12 part B): the Burmese rows of
``data/transcription_han.csv`` (班 ban for Van: ဗန် is ban in Myanmar script, Van in the Latin
name), read by the mechanism of the Khmer and Lao rows (``sea_transcription.written_sounds``), and
a transcription read as words of two, one and more syllables, in the order written
(``sea_transcription.word_shapes``: 亨利班提育 = Henry Van Thio). The name is a public figure named
in the table, as the Chinese service of Vietnam News Agency prints it with its Latin form beside
(the seen row mm304 of benchmarks/data/names_mm_kh_la_real.csv)."""

from __future__ import annotations

import pytest

from mekongx.matching import calibration, score
from mekongx.matching import lao_transcription as lao
from mekongx.matching import sea_transcription as sea
from mekongx.matching.names import parse_name
from mekongx.matching.origin import order_fixed

from .conftest import transcription_rows


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # 0.000 on main: no shape of five characters as 2 + 1 + 2, and 班 ban never Van
        ("亨利班提育", "Henry Van Thio"),
        # 0.003 on main: 班 read ban only (the shape "first word apart, the rest joined" is there)
        ("班提育", "Van Thio"),
        # 0.000 on main, with the middle dot after the English given name
        ("亨利·班·提育", "Henry Van Thio"),
    ],
)
def test_a_burmese_name_in_characters_meets_its_latin_form(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("莫敏吞", "Moe Myint Tun"),  # mm501: 0.002 on main (莫 mo, never the o written oe)
        ("纽梭", "Nyo Saw"),  # mm502: 0.108 on main (纽 niu, never nyo)
        ("吴纽梭", "U Nyo Saw"),  # 0.002 on main
    ],
)
def test_burmese_o_written_oe_and_nyo(han: str, latin: str) -> None:
    assert score(han, latin).probability >= calibration.threshold()


def test_the_burmese_rows_do_not_reach_khmer_or_chinese_names() -> None:
    thr = calibration.threshold()
    assert score("杨波", "Yang Peou").probability < thr  # Khmer eou: not the o of 莫 moe
    assert score("莫言", "Mo Yan").probability >= thr
    assert score("刘德华", "Lau Tak Wah").probability >= thr


def test_the_words_of_a_transcription_keep_their_order() -> None:
    thr = calibration.threshold()
    assert score("亨利班提育", "Henry Van Thio").probability >= thr
    # the same words reversed are another person's name (names_mekong.py's generated negatives)
    assert score("亨利班提育", "Thio Van Henry").probability < thr
    assert score("亨利班提育", "Van Thio Henry").probability < thr
    assert order_fixed(parse_name("亨利班提育")) == {"sea-transcription-words"}


def test_word_shapes_of_five_syllables_or_more() -> None:
    shape = sea.word_shapes(["heng", "li", "ban", "ti", "yu"], "亨利班提育")
    assert len(shape) == 1 and len(shape[0]) == 3
    first, middle, rest = shape[0]
    assert first[0][1] == ("heng", "li") and rest[0][1] == ("ti", "yu")
    assert "van" in [shown for shown, _ in middle]
    assert sea.word_shapes(["wu", "deng", "sheng"], "吴登盛") == []  # fewer than five: none
    assert sea.word_shapes(["min", "ang", "lai", "ba"], "敏昂莱巴") == []


def test_every_burmese_row_is_sourced_makes_its_name_meet_and_is_read() -> None:
    rows = transcription_rows("burmese")
    assert rows
    for row in rows:
        assert row["source"].startswith("http"), row
        assert score(row["name_zh"], row["name_latin"]).probability >= calibration.threshold()
        assert row["han"] in row["name_zh"], row
    # after the character's principal sound (班 ban is its own principal sound: the pinyin, then
    # the principal, then the row), for Burmese and Khmer transcriptions alike
    assert sea.char_sounds("班", "ban")[:3] == ("ban", "ban", "van")
    assert sea.char_sounds("提", "ti") == sea.syllable_sounds("ti")  # no row: its own sounds
    assert "kheng" in sea.char_sounds("肯", "ken")  # the Khmer rows still are read
    assert "van" not in lao.char_sounds("班", "ban")  # not a Lao reading
