"""Issue 12 part B (helper sgmy4, 2026-12-05): the Hong Kong, Macau, Singapore and Malaysian
surname spellings of the zh.wikipedia table 漢姓羅馬字標注, as tabulated by
https://github.com/Matthewow/Chinese_surname_corpus (corpus.json), added to
data/surnames_southern.csv by scripts/build_southern_surnames.py where the engine read them by no
other way and that are no other surname's pinyin: 倪 Nga, 郑 Tey (Malaysia, Singapore); not 钱
Chen (陈's pinyin) nor 徐 Cher (its key is chen's). After a review (the lead, evening): nor a
spelling another surname already has by any reading (洪 Ong is 王's), the Vietnamese spelling of
another surname (戴 To: Tô is 苏), or a common Mekong name word (孙 Tun, 池 Dea for Tea): with them
Chinese names met Burmese, Cambodian and Vietnamese names of other persons."""

from __future__ import annotations

import pytest

from mekongx.matching import _data, calibration, score


@pytest.mark.parametrize(
    ("han", "spelt"), [("倪", "nga"), ("郑", "tey"), ("梅", "boey"), ("鄂", "ngak")]
)
def test_spelling_in_the_table(han: str, spelt: str) -> None:
    assert spelt in _data.southern_surnames()[han]


def test_the_older_rows_keep_their_spellings_first() -> None:
    assert _data.southern_surnames()["马"][0] == "bey"


@pytest.mark.parametrize(
    ("han", "spelt"),
    [
        ("钱", "chen"),  # pinyin of 陈
        ("徐", "cher"),  # chen's key
        ("杜", "tao"),  # pinyin of 陶
        ("洪", "ong"),  # Hokkien of 王
        ("戴", "to"),  # Vietnamese Tô of 苏
        ("孙", "tun"),  # a Burmese name word
        ("池", "dea"),  # the key of the Cambodian Tea
    ],
)
def test_no_spelling_of_another_surname_or_mekong_name(han: str, spelt: str) -> None:
    assert spelt not in _data.southern_surnames().get(han, ())


@pytest.mark.parametrize(("han", "latin"), [("徐明", "Chen Ming"), ("杜阳", "Yang Tao")])
def test_a_mainland_name_does_not_meet_another_surname(han: str, latin: str) -> None:
    assert score(han, latin).probability < calibration.threshold()


@pytest.mark.parametrize(
    ("han", "latin", "meets"),
    [
        # Nga Kor Ming, Malaysian minister: https://en.wikipedia.org/wiki/Nga_Kor_Ming
        ("倪可敏", "Nga Kor Ming", True),
        ("倪可敏", "Nga Kor Lim", False),
        ("郑文华", "Tey Boon Hwa", True),
        ("郑文华", "Tey Kor Ming", False),
        ("林可敏", "Nga Kor Ming", False),
    ],
)
def test_surname_spelling_meets(han: str, latin: str, meets: bool) -> None:
    assert (score(han, latin).probability >= calibration.threshold()) is meets


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("谢索帕拉", "Tea Seiha"),
        ("谢索帕拉", "ទៀ សីហា"),
        ("陈速坤", "Son Sann"),
    ],  # Cambodians, not one person
)
def test_cambodian_family_names_left_out(han: str, latin: str) -> None:
    assert score(han, latin).probability < calibration.threshold()


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("池班", "Tea Banh"),  # a Cambodian
        ("戴明", "To Minh"),  # a Vietnamese Tô (苏)
        ("褚明", "Thi Minh"),  # a Vietnamese middle name
        ("邓明", "Tien Minh"),  # a Vietnamese Tiền (钱)
        ("孙敏", "Tun Min"),  # a Burmese name
        ("徐敏", "Soe Min"),  # a Burmese name
        ("洪志明", "Ong Chee Meng"),  # Ong is 王
    ],
)
def test_a_spelling_of_another_name_is_not_added(han: str, latin: str) -> None:
    assert score(han, latin).probability < calibration.threshold()
