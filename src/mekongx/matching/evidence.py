"""Non-name evidence: birth date, gender, nationality, identity documents."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mekongx.matching.documents import NATIONAL, Document, classify, normalise
from mekongx.matching.explain import Reason


@dataclass(frozen=True, slots=True)
class Evidence:
    """What else a record says about the person. Dates as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    birth_date: str | None = None
    gender: str | None = None
    nationality: str | None = None
    documents: tuple[str, ...] = ()


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _date(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"birth_date: expected YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
    return (
        int(m.group(1)),
        int(m.group(2)) if m.group(2) else None,
        int(m.group(3)) if m.group(3) else None,
    )


def _document_birth(birth: str | None, docs: list[Document], reasons: list[Reason]) -> str | None:
    """The record's birth date, or the one a Chinese resident ID number carries (said so)."""
    if birth:
        return birth
    for doc in docs:
        if doc.birth_date:
            code = _BIRTH_CODES.get(doc.kind, "dob_from_document")
            reasons.append(Reason(code, {"number": doc.number, "date": doc.birth_date}, "neutral"))
            return doc.birth_date
    return None


# what the reason says a birth date was read from: a Chinese resident ID (the date), a Vietnamese
# citizen ID (the year only), a passport's machine-readable line (the date)
_BIRTH_CODES = {"vn_id": "birth_year_from_document", "passport": "dob_from_passport_line"}


def _register(doc: Document) -> str:
    """The register a number belongs to: a national one, or passports and other numbers."""
    return doc.kind if doc.kind in NATIONAL else "other"


def _document_sex(docs: list[Document]) -> Document | None:
    """The first valid document that carries the holder's sex (Chinese or Vietnamese ID, passport
    line)."""
    return next((d for d in docs if d.sex), None)


def compare_evidence(
    a: Evidence | None, b: Evidence | None, weights: dict[str, float]
) -> tuple[float, list[Reason]]:
    """Logit adjustment and reasons from the evidence both records carry."""
    if a is None or b is None:
        return 0.0, []
    logit, reasons = 0.0, []

    def add(code: str, against: bool, **params: str) -> None:
        nonlocal logit
        logit += weights[code]
        reasons.append(Reason(code, params, "against" if against else "for"))

    docs_a = [classify(d) for d in a.documents if normalise(d)]
    docs_b = [classify(d) for d in b.documents if normalise(d)]
    for doc in (*docs_a, *docs_b):
        if not doc.valid:
            reasons.append(Reason("document_invalid", {"number": doc.number}, "neutral"))
    birth_a = _document_birth(a.birth_date, docs_a, reasons)
    birth_b = _document_birth(b.birth_date, docs_b, reasons)
    da, db = _date(birth_a), _date(birth_b)
    if da and db:
        params = {"a": birth_a or "", "b": birth_b or ""}
        if da[0] != db[0]:
            add("dob_mismatch", True, **params)
        elif None in (da[1], db[1], da[2], db[2]):
            if da[1] and db[1] and da[1] != db[1]:
                add("dob_mismatch", True, **params)
            else:
                add("birth_year_match", False, **params)
        elif da == db:
            add("dob_match", False, **params)
        else:
            add("dob_partial", True, **params)
    sex_a = None if a.gender else _document_sex(docs_a)
    sex_b = None if b.gender else _document_sex(docs_b)
    gender_a = a.gender or (sex_a.sex if sex_a else None)
    gender_b = b.gender or (sex_b.sex if sex_b else None)
    if gender_a and gender_b:
        for read in (sex_a, sex_b):  # say where a sex not on the record came from
            if read is not None:
                params = {"number": read.number, "sex": read.sex or ""}
                reasons.append(Reason("sex_from_document", params, "neutral"))
        if gender_a[:1].lower() != gender_b[:1].lower():
            add("gender_mismatch", True, a=gender_a, b=gender_b)
    if a.nationality and b.nationality and a.nationality.upper() != b.nationality.upper():
        add("nationality_mismatch", True, a=a.nationality, b=b.nationality)
    # a number failing its check digit is probably mistyped: neither a match nor a mismatch
    nums_a = {d.number for d in docs_a if d.valid}
    nums_b = {d.number for d in docs_b if d.valid}
    common = nums_a & nums_b
    if common:
        add("document_match", False, number=sorted(common)[0])
    elif any(
        _register(da) == _register(db) for da in docs_a for db in docs_b if da.valid and db.valid
    ):
        # two numbers of one kind that differ (two Thai IDs, two passports); a Thai ID says
        # nothing against a Chinese one or against a passport number
        add("document_mismatch", True)
    return logit, reasons
