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


# ICAO Doc 9303 part 4, specimen passport of Anna Maria Eriksson (Utopia): second MRZ line
_ICAO_SPECIMEN = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


def test_passport_machine_readable_line_icao_specimen() -> None:
    doc = classify(_ICAO_SPECIMEN)
    assert (doc.kind, doc.number, doc.valid) == ("passport", "L898902C3", True)
    assert (doc.birth_date, doc.sex, doc.nationality) == ("1974-08-12", "F", "UTO")
    assert not classify(_ICAO_SPECIMEN[:9] + "7" + _ICAO_SPECIMEN[10:]).valid  # number check
    assert not classify(_ICAO_SPECIMEN[:-1] + "1").valid  # composite check


def test_passport_line_meets_the_number_written_alone_and_gives_birth_and_sex() -> None:
    m = score("Anna Maria Eriksson", "ERIKSSON ANNA MARIA",
              (Evidence(documents=(_ICAO_SPECIMEN,)),
               Evidence(documents=("L898902C3",), birth_date="1974-08-12", gender="M")))  # fmt: skip
    codes = [r.code for r in m.explanation]
    assert "document_match" in codes and "dob_from_passport_line" in codes
    assert "sex_from_document" in codes and "gender_mismatch" in codes


def test_first_generation_chinese_id_meets_its_18_digit_form() -> None:
    # GB 11643-1999's worked example and the 15-digit number it was raised from
    old = classify("110105491231002")
    assert (old.kind, old.number, old.valid) == ("cn_id", "11010519491231002X", True)
    m = score("兰卫红", "Lan Weihong", (Evidence(documents=("110105491231002",)),
              Evidence(documents=("11010519491231002X",))))  # fmt: skip
    assert "document_match" in [r.code for r in m.explanation]


def test_vietnamese_citizen_id_gives_birth_year_and_sex() -> None:
    # Circular 07/2016/TT-BCA art. 7: 001 Hà Nội, 0 = man born 1900-1999, 89 = 1989
    doc = classify("001089012345")
    assert (doc.kind, doc.birth_date, doc.sex) == ("vn_id", "1989", "M")
    assert classify("079301012345").birth_date == "2001" and classify("079301012345").sex == "F"
    assert not classify("099089012345").valid  # no province 099
    m = score("Nguyễn Văn An", "NGUYEN VAN AN",
              (Evidence(documents=("001089012345",)), Evidence(birth_date="1975-02-01")))  # fmt: skip
    codes = [r.code for r in m.explanation]
    assert "birth_year_from_document" in codes and "dob_mismatch" in codes


def test_numbers_of_different_registers_are_not_a_mismatch() -> None:
    th_id = _thai_id("310060012345")
    cn = _cn_id("53280119800315001")
    codes = [r.code for r in score("兰卫红", "Lan Weihong", (Evidence(documents=(th_id,)),
             Evidence(documents=(cn,)))).explanation]  # fmt: skip
    assert "document_mismatch" not in codes
    codes = [r.code for r in score("兰卫红", "Lan Weihong", (Evidence(documents=(cn,)),
             Evidence(documents=("E87654321",)))).explanation]  # fmt: skip
    assert "document_mismatch" not in codes  # a resident ID against a passport number
    codes = [r.code for r in score("兰卫红", "Lan Weihong", (Evidence(documents=(cn,)),
             Evidence(documents=(_cn_id("53280119800315003"),)))).explanation]  # fmt: skip
    assert "document_mismatch" in codes  # one register, one number for life


def test_a_birth_date_in_the_future_makes_the_number_mistyped() -> None:
    # century digit 4 = a man born in the 2100s, 2 with year 99 = 2099: nobody holding a card yet;
    # a Chinese resident ID with its check character right but born 2099-03-15 likewise
    for number in ("001489012345", "001299012345", _cn_id("53280120990315001")):
        doc = classify(number)
        assert not doc.valid and doc.birth_date is None and doc.sex is None, number
    m = score("Nguyễn Văn An", "NGUYEN VAN AN",
              (Evidence(documents=("001489012345",)), Evidence(birth_date="1975-02-01")))  # fmt: skip
    assert "dob_mismatch" not in [r.code for r in m.explanation]
