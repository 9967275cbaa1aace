"""Normalisation, Han folding/segmentation, pinyin->Thai and Thai->Latin tables."""

from __future__ import annotations

import pytest

from mekongx.matching import Script, parse_name, pinyin_to_thai, romanize
from mekongx.matching.han import segment, surname_pinyin, to_simplified
from mekongx.matching.keys import latin_key, split_pinyin
from mekongx.matching.thai import passport_variants

from .conftest import load_csv


@pytest.mark.parametrize(
    ("text", "tokens", "removed"),
    [
        ("นายสมชาย ใจดี", ["สมชาย", "ใจดี"], ["นาย"]),
        ("คุณสมศรี ดีใจ", ["สมศรี", "ดีใจ"], ["คุณ"]),
        # no Thai word starts with a vowel sign: คุณ in คุณานนต์ is part of the name
        ("คุณานนต์ ลำยวน", ["คุณานนต์", "ลำยวน"], []),
        ("นางสาวธนพร แซ่ลิ้ม", ["ธนพร", "แซ่ลิ้ม"], ["นางสาว"]),
        ("พ.ต.อ. ธนากร คัยนันท์", ["ธนากร", "คัยนันท์"], ["พ.ต.อ."]),
        ("ด.ต.สมชาย ใจดี", ["สมชาย", "ใจดี"], ["ด.ต."]),
        ("兰卫红先生", ["兰卫红"], ["先生"]),
        ("王芳女士", ["王芳"], ["女士"]),
        ("Mrs. Wang Fang", ["Wang", "Fang"], ["Mrs."]),
        ("Pol. Col. Thanakorn Kaiyanan", ["Thanakorn", "Kaiyanan"], ["Pol.", "Col."]),
    ],
)
def test_honorifics_removed(text: str, tokens: list[str], removed: list[str]) -> None:
    name = parse_name(text)
    assert [t.text for t in name.tokens] == tokens
    assert list(name.honorifics) == removed


def test_thai_marks_are_kept() -> None:
    assert parse_name("หลาน เว่ยหง").tokens[1].text == "เว่ยหง"


def test_scripts_per_token() -> None:
    name = parse_name("兰卫红 Lan Weihong หลาน")
    assert [t.script for t in name.tokens] == [Script.HAN, Script.LATIN, Script.LATIN, Script.THAI]


def test_middle_dot_marks_a_foreign_name() -> None:
    for text in ("他信·西那瓦", "他信・西那瓦", "他信•西那瓦"):
        assert parse_name(text).foreign_han == ("他信", "西那瓦")
        assert parse_name(text).han is None


def test_traditional_folding() -> None:
    assert to_simplified("蘭衛紅") == "兰卫红"
    assert to_simplified("張學良") == "张学良"
    assert parse_name("劉德華").han == "刘德华"


@pytest.mark.parametrize(
    ("han", "surname", "given"),
    [
        ("欧阳修", "欧阳", "修"),
        ("司马迁", "司马", "迁"),
        ("诸葛亮", "诸葛", "亮"),
        ("兰卫红", "兰", "卫红"),
    ],
)
def test_surname_segmentation(han: str, surname: str, given: str) -> None:
    assert segment(han) == (surname, given)


@pytest.mark.parametrize(
    ("surname", "reading"),
    [
        ("单", "shan"),
        ("曾", "zeng"),
        ("仇", "qiu"),
        ("解", "xie"),
        ("区", "ou"),
        ("查", "zha"),
        ("朴", "piao"),
        ("缪", "miao"),
        ("覃", "qin"),
        ("乐", "yue"),
    ],
)
def test_surname_readings(surname: str, reading: str) -> None:
    assert surname_pinyin(surname)[0].rstrip("12345") == reading


@pytest.mark.parametrize(
    "row", load_csv("pinyin_thai.csv"), ids=lambda r: f"{r['pinyin']}-{r['system']}"
)
def test_pinyin_to_thai(row: dict[str, str]) -> None:
    assert pinyin_to_thai(row["pinyin"].split(), row["system"]) == row["thai"]  # type: ignore[arg-type]


@pytest.mark.parametrize("row", load_csv("thai_roman.csv"), ids=lambda r: r["thai"])
def test_thai_romanisation(row: dict[str, str]) -> None:
    assert romanize(row["thai"]) == row["latin"]


def test_key_space_folds_passport_variants() -> None:
    assert latin_key("Thanakorn") == latin_key("Thanakon")
    assert latin_key("Kaiyanan") == latin_key("Khaiyanan")
    assert latin_key("Zhang") == latin_key("Chang")
    assert latin_key("Hsu") == latin_key("Xu")
    assert latin_key("Tsai") == latin_key("Cai")
    assert latin_key("Vejjajiva") == latin_key("wetchachiwa")
    assert latin_key("Lan") != latin_key("Lin")


def test_passport_variants() -> None:
    variants = passport_variants("thanakon")
    assert "thanakorn" in variants
    assert "tanakon" in variants


def test_split_pinyin() -> None:
    assert split_pinyin("Weihong") == ("wei", "hong")
    assert split_pinyin("Thanakorn") is None


def test_sara_am_survives_nfkc() -> None:
    # NFKC splits ำ into ํ + า; the name must still read "kham"
    assert parse_name("ทองคำ").tokens[0].text == "ทองคำ"
    assert parse_name("ค\u0e48\u0e4d\u0e32").tokens[0].text == "ค\u0e48\u0e33"


def test_tone_mark_on_ho_makes_it_an_onset() -> None:
    from mekongx.matching.thai import syllables

    assert syllables("ไห่รุ่ย") == ("hai", "rui")  # not a silent ห leading ร
    assert syllables("หลงเหว่ย")[0] == "long"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Thinwat", ("thin", "wat")),
        ("Siprasoet", ("si", "pra", "soet")),
        ("Jankwae", ("jan", "kwae")),
        ("Thongdi", ("thong", "di")),
        ("Bunyuen", ("bun", "yuen")),
        ("Hsin-hsiu", ("hsin", "hsiu")),
        ("Kaewmanee", ("kaew", "ma", "nee")),
    ],
)
def test_latin_syllables(word: str, parts: tuple[str, ...]) -> None:
    from mekongx.matching.keys import latin_syllables

    assert latin_syllables(word) == parts


def test_syllable_variants_and_different_syllables() -> None:
    from mekongx.matching.syllable import HALF, VARIANT, similarity

    assert similarity(latin_key("jian"), latin_key("chien")) == VARIANT  # pinyin / Wade-Giles
    assert similarity(latin_key("jie"), latin_key("chia")) == VARIANT  # เจีย writes both
    assert similarity(latin_key("jian"), latin_key("yan")) <= HALF  # another syllable
    assert similarity(latin_key("chan"), latin_key("chai")) <= HALF  # วิชาญ / วิชัย
    assert similarity(latin_key("ren"), latin_key("jen")) <= HALF  # jen is also zhen's key


def test_wade_giles_given_names_have_a_rarity() -> None:
    from mekongx.matching.names import rarity

    # "Wong I" is as common a name as "Wang Yi", not an unknown (and so "rare") one
    assert rarity(parse_name("Wong I")) == rarity(parse_name("Wang Yi"))
    assert rarity(parse_name("Yeung Chien-ying")) is not None
    assert rarity(parse_name("Somchai Maniwong")) is None


def test_surname_marks() -> None:
    from mekongx.matching.names import readings

    assert readings("หลี่ เฉียง")[0].surname == 0  # Thai writes Chinese names surname first
    assert readings("สมชาย ใจดี")[0].surname is None
    assert readings("แซ่ตั้ง สมชาย")[0].surname == 0
    assert readings("Lee Li-hung")[0].surname == 0  # a dialect surname spelling
    assert readings("Faan Hung")[0].surname is None  # both words could be the surname


def test_marked_surnames_are_compared_with_each_other() -> None:
    from mekongx.matching import score

    # Li Qiang and Jiang Li share their syllables, but not their surname
    assert score("หลี่ เฉียง", "李强").probability > 0.5
    assert score("หลี่ เฉียง", "姜莉").probability < 0.5


def test_ho_wo_reads_hu_only_where_a_system_writes_hu_so() -> None:
    from mekongx.matching.names import thai_word_keys

    assert "huaN" not in {k for _, k, _ in thai_word_keys("หวัง")}  # THC43 wang
    assert {"waN", "huaN"} <= {k for _, k, _ in thai_word_keys("หวาง")}  # RI49 wang and huang


@pytest.mark.parametrize(
    ("a", "b"),
    [("Prasert", "Prasoet"), ("Chalerm", "Chaloem"), ("Chart", "Chat"), ("Buakaw", "Buakhao"),
     ("Ruang", "Rueang"), ("Meuang", "Mueang")],
)  # fmt: skip
def test_key_space_folds_thai_spelling_habits(a: str, b: str) -> None:
    assert latin_key(a) == latin_key(b)


def test_wade_giles_given_name_read_as_pinyin() -> None:
    from mekongx.matching import score

    # WG j is pinyin r: Jen-hsin is Ren-xin, which the key alone folds with zhen
    assert score("Lee Jen-hsin", "หลี่ เหรินซิน").probability > 0.5
