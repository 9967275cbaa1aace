"""A match reason names the reading systems in the reader's language (issue 11 item 10)."""

from __future__ import annotations

from mekongx.matching.messages import LANGUAGES, TERMS, render


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
