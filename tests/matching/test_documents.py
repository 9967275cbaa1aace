"""Identity-document numbers: Thai citizen ID and Chinese resident ID check digits, and the birth
date a Chinese resident ID carries (issue 12, evidence beyond the name)."""

from __future__ import annotations

from mekongx.matching import Evidence, score
from mekongx.matching.documents import classify, cn_id_check, thai_id_valid


def _thai_id(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def _cn_id(body: str) -> str:
    return body + cn_id_check(body)


def test_thai_citizen_id_check_digit() -> None:
    good = _thai_id("110170020345")
    assert thai_id_valid(good)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert not thai_id_valid(bad)
    assert classify(f"{good[0]}-{good[1:5]}-{good[5:10]}-{good[10:12]}-{good[12]}").kind == "th_id"


def test_chinese_resident_id_check_digit_birth_date_and_sex() -> None:
    # GB 11643-1999 worked example: 11010519491231002X
    doc = classify("11010519491231002X")
    assert doc.kind == "cn_id" and doc.valid
    assert doc.birth_date == "1949-12-31" and doc.sex == "F"
    assert not classify("110105194912310021").valid
    assert not classify(_cn_id("11010519491331002")).valid  # month 13


def test_the_same_valid_number_raises_the_score_and_a_mistyped_one_is_named() -> None:
    th_id = _thai_id("310060012345")
    same = score("สมศักดิ์ แก้วมณี", "Somsak Kaewmanee", (Evidence(documents=(th_id,)),
                 Evidence(documents=(th_id,))))  # fmt: skip
    assert any(r.code == "document_match" for r in same.explanation)
    typo = th_id[:-1] + str((int(th_id[-1]) + 1) % 10)
    m = score("สมศักดิ์ แก้วมณี", "Somsak Kaewmanee",
              (Evidence(documents=(th_id,)), Evidence(documents=(typo,))))  # fmt: skip
    codes = [r.code for r in m.explanation]
    assert "document_invalid" in codes and "document_mismatch" not in codes
    assert "ตรวจเลขหลักสุดท้าย" in " ".join(m.explain("th"))


def test_birth_date_read_from_a_chinese_resident_id() -> None:
    cn = _cn_id("53280119800315001")  # Xishuangbanna code, born 1980-03-15
    other_year = score("兰卫红", "Lan Weihong", (Evidence(documents=(cn,)),
                       Evidence(birth_date="1975-06-01")))  # fmt: skip
    codes = [r.code for r in other_year.explanation]
    assert "dob_from_document" in codes and "dob_mismatch" in codes
    same_day = score("兰卫红", "Lan Weihong", (Evidence(documents=(cn,)),
                     Evidence(birth_date="1980-03-15")))  # fmt: skip
    assert "dob_match" in [r.code for r in same_day.explanation]
    assert same_day.probability > other_year.probability
