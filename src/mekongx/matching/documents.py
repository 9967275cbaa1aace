"""Identity-document numbers: national formats, check digits and what they tell about a person.

- Thai citizen ID (เลขประจำตัวประชาชน): 13 digits; the last is a check digit,
  (11 - sum(d_i * (14 - i) for i in 1..12) mod 11) mod 10 (Department of Provincial
  Administration, Ministry of Interior; the rule printed on the card's reverse is the same).
- Chinese resident ID (公民身份号码): 18 characters, GB 11643-1999: a 6-digit address code, the
  birth date YYYYMMDD, a 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character
  (0-9 or X). The first-generation number of 15 digits (GB 11643-1989: address code, YYMMDD,
  sequence) is the same person's number without the century and the check character: it is
  raised to its 18-character form (19 inserted, check computed), so both forms meet.
- Vietnamese citizen identity number (số định danh cá nhân, on the căn cước công dân card):
  12 digits, Decree 137/2015/ND-CP and Circular 07/2016/TT-BCA art. 7: a 3-digit province code
  (001-096), one digit for century and sex (0/1: 1900s man/woman, 2/3: 2000s, 4/5: 2100s,
  6/7: 2200s, 8/9: 2300s), the last two digits of the birth year, then 6 random digits; no check
  digit.
- A passport's machine-readable zone, second line of a TD3 page (44 characters, ICAO Doc 9303
  part 4): document number, nationality, birth date, sex and expiry, each number with its 7-3-1
  check digit (part 3, 4.9). The passport number alone has no national format worth checking
  (renewals change it): it is compared as written.

A number that fails its check digit, or whose birth date is still to come, is most likely
mistyped: it is reported, never used as a match.
Two numbers of one kind that differ count against a match (two Thai IDs, two passport numbers);
numbers of different registers (a Thai ID and a Chinese one, an ID and a passport) say nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_CHECK = "10X98765432"
# national registers (each number compared only with numbers of its own register)
NATIONAL = frozenset(("th_id", "cn_id", "vn_id"))
_MRZ_WEIGHTS = (7, 3, 1)


@dataclass(frozen=True, slots=True)
class Document:
    number: str  # upper case, letters and digits only (a 15-digit Chinese ID: its 18-digit form)
    kind: str  # th_id | cn_id | vn_id | passport (from a machine-readable line) | other
    valid: bool  # check digit right (always True for "other")
    birth_date: str | None = None  # YYYY-MM-DD (Chinese ID, passport line) or YYYY (Vietnamese ID)
    sex: str | None = None  # M / F, read from a Chinese or Vietnamese ID or a passport line
    nationality: str | None = None  # ICAO code, from a passport line


def normalise(number: str) -> str:
    """Letters and digits only, upper case; full-width digits folded (１２３ -> 123)."""
    folded = "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in number)
    return re.sub(r"[^0-9A-Za-z]", "", folded).upper()


def thai_id_valid(digits: str) -> bool:
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def cn_id_check(body: str) -> str:
    return _CN_CHECK[sum(int(d) * w for d, w in zip(body, _CN_WEIGHTS, strict=True)) % 11]


def mrz_check(field: str) -> str:
    """ICAO 9303 check digit: digits as themselves, A-Z as 10-35, < as 0, weights 7, 3, 1."""
    total = 0
    for i, ch in enumerate(field):
        value = int(ch) if ch.isdigit() else ord(ch) - 55 if "A" <= ch <= "Z" else 0
        total += value * _MRZ_WEIGHTS[i % 3]
    return str(total % 10)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _cn_id(n: str) -> Document:
    valid = cn_id_check(n[:17]) == n[17]
    birth = _iso(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    valid = valid and birth is not None and birth <= date.today().isoformat()
    sex = "M" if int(n[16]) % 2 else "F"
    return Document(n, "cn_id", valid, birth if valid else None, sex if valid else None)


def _vn_id(n: str) -> Document:
    province, century = int(n[:3]), int(n[3])
    year = 1900 + 100 * (century // 2) + int(n[4:6])
    valid = 1 <= province <= 96 and year <= date.today().year  # not born yet: mistyped
    sex = "F" if century % 2 else "M"
    return Document(n, "vn_id", valid, str(year) if valid else None, sex if valid else None)


def _mrz_line(line: str, today: date | None = None) -> Document | None:
    """The second line of a passport's machine-readable zone (TD3), or None if it is not one."""
    if len(line) != 44 or not re.fullmatch(r"[A-Z0-9<]{44}", line):
        return None
    number, nationality, born, sex = line[0:9], line[10:13], line[13:19], line[20]
    checks = [
        (line[0:9], line[9]),
        (line[13:19], line[19]),
        (line[21:27], line[27]),
        (line[28:42], line[42]),
        (line[0:10] + line[13:20] + line[21:43], line[43]),
    ]
    valid = all(mrz_check(f) == c or (c == "<" and set(f) == {"<"}) for f, c in checks)
    birth = None
    if born.isdigit():
        # two-digit year: a birth date is in the past (ICAO gives no century)
        yy = (today or date.today()).year % 100
        century = 1900 if int(born[:2]) > yy else 2000
        birth = _iso(century + int(born[:2]), int(born[2:4]), int(born[4:6]))
    valid = valid and birth is not None
    return Document(
        number.replace("<", ""),
        "passport",
        valid,
        birth if valid else None,
        sex if valid and sex in "MF" else None,
        nationality.replace("<", "") if valid else None,
    )


def classify(number: str) -> Document:
    """What kind of number this is, whether its check digit holds, and what it says."""
    raw = "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in number)
    mrz = _mrz_line(re.sub(r"\s", "", raw).upper())
    if mrz is not None:
        return mrz
    n = normalise(number)
    if len(n) == 13 and n.isdigit():
        return Document(n, "th_id", thai_id_valid(n))
    if len(n) == 18 and n[:17].isdigit() and (n[17].isdigit() or n[17] == "X"):
        return _cn_id(n)
    if len(n) == 15 and n.isdigit():  # first-generation Chinese ID: raised to 18 characters
        body = n[:6] + "19" + n[6:]
        return _cn_id(body + cn_id_check(body))
    if len(n) == 12 and n.isdigit():
        return _vn_id(n)
    return Document(n, "other", True)
