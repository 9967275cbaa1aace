"""Identity-document numbers: national formats, check digits and what they tell about a person.

- Thai citizen ID (เลขประจำตัวประชาชน): 13 digits; the last is a check digit,
  (11 - sum(d_i * (14 - i) for i in 1..12) mod 11) mod 10 (Department of Provincial
  Administration, Ministry of Interior; the rule printed on the card's reverse is the same).
- Chinese resident ID (公民身份号码): 18 characters, GB 11643-1999: a 6-digit address code, the
  birth date YYYYMMDD, a 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character
  (0-9 or X).

A number that fails its check digit is most likely mistyped: it is reported, never used as a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_CHECK = "10X98765432"


@dataclass(frozen=True, slots=True)
class Document:
    number: str  # upper case, letters and digits only
    kind: str  # th_id | cn_id | other
    valid: bool  # check digit right (always True for "other")
    birth_date: str | None = None  # YYYY-MM-DD, read from a Chinese resident ID
    sex: str | None = None  # M / F, read from a Chinese resident ID


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


def classify(number: str) -> Document:
    """What kind of number this is, whether its check digit holds, and what it says."""
    n = normalise(number)
    if len(n) == 13 and n.isdigit():
        return Document(n, "th_id", thai_id_valid(n))
    if len(n) == 18 and n[:17].isdigit() and (n[17].isdigit() or n[17] == "X"):
        valid = cn_id_check(n[:17]) == n[17]
        birth: str | None = None
        try:
            birth = date(int(n[6:10]), int(n[10:12]), int(n[12:14])).isoformat()
        except ValueError:
            valid = False
        sex = "M" if int(n[16]) % 2 else "F"
        return Document(n, "cn_id", valid, birth if valid else None, sex if valid else None)
    return Document(n, "other", True)
