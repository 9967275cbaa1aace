"""A match reason names the reading systems in the reader's language (issue 11 item 10)."""

from __future__ import annotations

from mekongx.matching.messages import LANGUAGES, render
from mekongx.matching.terms import SEX, TERMS


def test_reading_systems_are_named_in_thai_and_chinese() -> None:
    params = {"system_a": "latin", "reading_a": "lan weihong", "system_b": "thai-ri49", "reading_b": "lan wei hong"}  # fmt: skip
    thai = render("reading_match", "th", params)
    assert "อักษรโรมัน" in thai and "ราชบัณฑิตยสถาน" in thai and "latin" not in thai
    chinese = render(
        "part_match", "zh", {"a": "兰", "via_a": "pinyin", "b": "หลาน", "via_b": "thai"}
    )
    assert "汉语拼音" in chinese and "泰文" in chinese and "pinyin" not in chinese
    assert render("part_match", "en", {"a": "a", "via_a": "unknown-label", "b": "b", "via_b": "thai"}).endswith("(Thai)")  # fmt: skip
    assert all(set(t) == set(LANGUAGES) and all(t.values()) for t in TERMS.values())


def test_sex_is_shown_as_a_word_in_every_language() -> None:
    assert all(set(words) == set(LANGUAGES) and all(words.values()) for words in SEX.values())
    for lang in LANGUAGES:
        mismatch = render("gender_mismatch", lang, {"a": "M", "b": "F"})
        read = render("sex_from_document", lang, {"sex": "F", "number": "110101199003071525"})
        assert SEX["M"][lang] in mismatch and SEX["F"][lang] in mismatch and SEX["F"][lang] in read
        # no bare code left: "(M / F)" in English, "(ชาย / หญิง)" in Thai …
        assert "(M " not in mismatch and " F)" not in mismatch and "F read" not in read
    assert render("gender_mismatch", "th", {"a": "male", "b": "x"}) == "เพศต่างกัน (ชาย / x)"


def test_an_explanation_of_two_sexes_carries_no_code() -> None:
    from mekongx.matching import Evidence, score

    # the example number of GB 11643-1999 (a woman: the 17th digit is even) against a man
    evidence = (Evidence(gender="M"), Evidence(documents=("11010519491231002X",)))
    result = score("Somsak Kaewmanee", "สมศักดิ์ แก้วมณี", evidence)
    for lang in LANGUAGES:
        text = " ".join(result.explain(lang))
        assert SEX["M"][lang] in text and SEX["F"][lang] in text, text
