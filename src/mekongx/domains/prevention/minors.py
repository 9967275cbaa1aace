"""Refusing a child's personal data in the free texts of the prevention area.

The tables keep no column for a person; what remains is the free text a user writes (a
programme's description, an activity's title and notes, a unit's name). Those are checked for
the obvious identifiers: a Thai or Chinese identity number, a telephone number, an e-mail
address, a date of birth, and a Thai child's title before a name (เด็กชาย/ด.ช., เด็กหญิง/ด.ญ.)
or a name written as a form's field (姓名：, ชื่อ:, Name:). A hit is refused with the field named; the
check is for obvious cases, not a guarantee, and the description says so to the user."""

from __future__ import annotations

import re

from mekongx.errors import FieldProblem
from mekongx.i18n import N_

_ID = N_(
    "This looks like an identity number. Children's personal data is never recorded here: write counts and descriptions only."
)
_PHONE = N_(
    "This looks like a telephone number. Children's personal data is never recorded here: write counts and descriptions only."
)
_EMAIL = N_(
    "This looks like an e-mail address. Children's personal data is never recorded here: write counts and descriptions only."
)
_NAME = N_(
    "This looks like a child's name. Children's personal data is never recorded here: write counts and descriptions only."
)
_BIRTH = N_(
    "This looks like a date of birth. Children's personal data is never recorded here: write counts and descriptions only."
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)\d[\s-]?\d{4}[\s-]?\d{5}[\s-]?\d{2}[\s-]?\d(?!\d)"), _ID),
    (re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)"), _ID),
    (re.compile(r"(?<![\d.])(?:\+?\d[\s-]?){9,12}\d(?![\d.])"), _PHONE),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), _EMAIL),
    (re.compile(r"(?:ด\.\s?ช\.|ด\.\s?ญ\.|เด็กชาย|เด็กหญิง)\s*[\u0E00-\u0E7F]"), _NAME),
    (re.compile(r"(?:เกิด(?:วันที่)?|出生(?:于|日期)?|born|date of birth|DOB)\s*:?\s*\d", re.IGNORECASE), _BIRTH),
    (re.compile(r"(?:姓名|ชื่อ-?สกุล|ชื่อ|\bname)\s*[:：]\s*\S", re.IGNORECASE), _NAME),
)  # fmt: skip


def identifier_problems(text: str, field: str) -> list[FieldProblem]:
    """A problem naming ``field`` for each kind of identifier found in ``text``."""
    found: list[str] = []
    text = text or ""
    for pattern, what in _PATTERNS:
        if pattern.search(text):
            if what not in found:
                found.append(what)
            text = pattern.sub(" ", text)  # an identity number is not also a telephone number
    return [FieldProblem(field, message) for message in found]


def identifiers_in(*texts: tuple[str, str]) -> list[FieldProblem]:
    """The problems of every ``(text, field)``."""
    return [p for text, field in texts for p in identifier_problems(text, field)]
