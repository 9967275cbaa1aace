"""The gazetteer (places in three scripts with codes and sources) and telephone numbers in
E.164, as the search index uses them."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from mekongx.text import gazetteer, phones


def test_every_place_has_a_code_names_and_a_known_source() -> None:
    readme = resources.files("mekongx.text").joinpath("data/README.md").read_text("utf-8")
    places = gazetteer.load()
    assert len(places) >= 60
    for place in places.values():
        assert place.en and (place.th or place.zh), place.code
        assert place.verified in ("V", "bg"), place.code
        assert not place.parent or place.parent in places, place.code
        for source in place.source.split("+"):
            assert f"`{source}" in readme, (place.code, source)
    kinds = {p.kind for p in places.values()}
    assert {"province", "district", "crossing", "river port"} <= kinds


@pytest.mark.parametrize("text", ["清莱", "เชียงราย", "Chiang Rai", "CHIANG RAI", "จ.เชียงราย"])
def test_one_place_in_three_scripts(text: str) -> None:
    assert [p.code for p in gazetteer.places_in(f"seen near {text} today")] == ["TH-57"]


def test_districts_carry_their_province_and_ambiguous_words_are_not_places() -> None:
    [mae_sai] = gazetteer.places_in("ด่านแม่สายปิด")  # the Mae Sai checkpoint
    assert [p.code for p in gazetteer.with_parents(mae_sai)][-1] == "TH-57"
    assert gazetteer.places_in("ตากผ้าไว้") == []  # "to dry" is not Tak province
    assert gazetteer.places_in("困难") == []  # 难 alone is not Nan
    assert gazetteer.places_in("Chiang Raipur") == []  # whole Latin words only
    assert re.fullmatch(r"[a-z0-9]+", gazetteer.token(mae_sai))


@pytest.mark.parametrize(
    ("written", "region", "expected"),
    [
        ("082 885 6716", "TH", "+66828856716"),
        ("+66 82 885 6716", "TH", "+66828856716"),
        ("0066-82-885-6716", "CN", "+66828856716"),
        ("+66 (0)82 885 6716", "TH", "+66828856716"),
        ("138 1234 5678", "CN", "+8613812345678"),
        ("020 5512 3456", "LA", "+8562055123456"),
        ("+44 20 7946 0000", "TH", "+442079460000"),
    ],
)
def test_e164(written: str, region: str, expected: str) -> None:
    assert phones.e164(written, region) == expected


@pytest.mark.parametrize("written", ["12345", "08 123", "+66 82 885 67161234", "abc", "828856716"])
def test_not_a_number(written: str) -> None:
    with pytest.raises(phones.PhoneError):
        phones.e164(written, "TH")


def test_national_and_international_forms_share_one_key() -> None:
    assert phones.numbers_in("โทร 082-885-6716") == phones.numbers_in("tel +66 82 885 6716")
    assert phones.numbers_in("联系电话 +86 138 1234 5678。") == phones.numbers_in("13812345678")
    assert phones.numbers_in("2024-03-01, 400,000 tablets") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a bridge's name inside another bridge's name is not read as that bridge
        ("trucks queued on the Fourth Thai–Lao Friendship Bridge", "TH-5703-BRIDGE"),
        ("ปิดจุดผ่านแดนถาวรสะพานมิตรภาพไทย-เมียนมา ข้ามลำน้ำสายแห่งที่ 1", "TH-5709-BRIDGE"),
        ("รถติดที่สะพานมิตรภาพไทย-ลาว แห่งที่ 1", "TH-43-BRIDGE"),
        ("货物经清孔-会晒大桥入境", "TH-5703-BRIDGE"),
        ("关累港查获", "CN-532823-GUANLEI"),
    ],
)
def test_crossings_by_their_full_names(text: str, code: str) -> None:
    assert gazetteer.places_in(text)[0].code == code
