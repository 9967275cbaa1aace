"""Non-name evidence: birth date, gender, nationality, identity documents."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def _doc(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


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

    da, db = _date(a.birth_date), _date(b.birth_date)
    if da and db:
        params = {"a": a.birth_date or "", "b": b.birth_date or ""}
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
    if a.gender and b.gender and a.gender[:1].lower() != b.gender[:1].lower():
        add("gender_mismatch", True, a=a.gender, b=b.gender)
    if a.nationality and b.nationality and a.nationality.upper() != b.nationality.upper():
        add("nationality_mismatch", True, a=a.nationality, b=b.nationality)
    docs_a = {_doc(d) for d in a.documents if _doc(d)}
    docs_b = {_doc(d) for d in b.documents if _doc(d)}
    if docs_a and docs_b:
        common = docs_a & docs_b
        if common:
            add("document_match", False, number=sorted(common)[0])
        else:
            add("document_mismatch", True)
    return logit, reasons
