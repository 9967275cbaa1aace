"""Reach and outcomes of a programme from a file (CSV or .xlsx), with a column mapping.

One row a count (reach) or a value (outcome); the first row names the columns. Each field is
found in the column the mapping names for it, else in the column of the field's own name (case
and spacing ignored); other columns are ignored. The file is read by the node's one bounded
reader (``uploads.read_table``); every row is checked by the same input models as a form
(``ReachInput``, ``OutcomeInput``) and the same rules of the service (a rate needs its
denominator, a level one of the indicator's levels, counts by age band and sex that add up to
the total of their year and region). Every problem names its row and column in the user's
language, and nothing is written unless every row is good: then the counts of each year and
region in the file replace the programme's earlier ones (as the form does), the values replace
those of the same indicator, year, region and level, and the programme gets one new version,
one audit row and one envelope to the agencies it is shared with."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any, Final

from pydantic import ValidationError
from sqlalchemy.orm import Session

from mekongx import uploads
from mekongx.authz import Principal, access
from mekongx.domains.fugitives.tabular import CELL
from mekongx.domains.prevention import service
from mekongx.domains.prevention.minors import identifiers_in
from mekongx.domains.prevention.models import Programme
from mekongx.domains.prevention.schemas import IMPORT_FIELDS, ImportPart, OutcomeInput, ReachInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_, translator
from mekongx.tabular import Limits, Table
from mekongx.validation import problems_from

FIELDS: Final = IMPORT_FIELDS
REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "reach": ("year", "count", "source"),
    "outcomes": ("indicator", "year", "numerator", "source"),
}
MAX_ROWS: Final = 20_000
MAX_PROBLEMS: Final = 50
ROWS = N_("Rows %(rows)s: %(problem)s")
_YES: Final = frozenset({"yes", "y", "true", "1", "x", "ใช่", "是", "有"})
_NO: Final = frozenset({"", "no", "n", "false", "0", "ไม่ใช่", "否", "无"})
_SPACE = re.compile(r"\s+")


def _key(header: object) -> str:
    return _SPACE.sub(" ", str(header or "").replace("_", " ").strip().casefold())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Rows:
    """The rows of a file by field, and every problem named by row and column."""

    def __init__(self, part: ImportPart, columns: dict[str, str], lang: str) -> None:
        self.part, self.columns, self.tr = part, columns, translator(lang)
        self.titles: dict[str, str] = {}
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.problems: list[FieldProblem] = []

    def read(self, table: Table) -> None:
        wanted = {_key(self.columns.get(f, f)): f for f in FIELDS[self.part]}
        where: dict[int, str] = {}
        for index, title in enumerate(table.header or []):
            field = wanted.get(_key(title))
            if field and field not in self.titles:
                where[index], self.titles[field] = field, str(title).strip()
        missing = [self.columns.get(f, f) for f in REQUIRED[self.part] if f not in self.titles]
        if missing:
            raise ValidationFailed([FieldProblem("file", N_("The file has no column for: %(fields)s."),
                                                 {"fields": ", ".join(missing)})])  # fmt: skip
        for number, cells in table:
            values = {f: _text(cells[i]) for i, f in where.items() if i < len(cells)}
            if not any(values.values()):
                continue
            if len(self.rows) >= MAX_ROWS:
                raise ValidationFailed([FieldProblem("file", N_("The file has more than %(rows)s rows."),
                                                     {"rows": MAX_ROWS})])  # fmt: skip
            self.rows.append((number, values))

    def cell(self, row: int, field: str, message: str, params: dict[str, Any]) -> None:
        column = self.titles.get(field, self.columns.get(field, field))
        problem = self.tr(message, **params)
        self.problems.append(FieldProblem("file", CELL, {"row": row, "column": column, "problem": problem}))  # fmt: skip

    def rows_problem(self, rows: list[int], message: str, params: dict[str, Any]) -> None:
        listed = ", ".join(str(n) for n in rows)
        self.problems.append(FieldProblem("file", ROWS, {"rows": listed, "problem": self.tr(message, **params)}))  # fmt: skip

    def model(self, row: int, model: Any, data: dict[str, Any]) -> Any:
        """``data`` checked by ``model``; None after naming each bad cell."""
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for p in problems_from(error):
                self.cell(row, self._field_of(p.field), p.message, p.params)
            return None

    def _field_of(self, loc: str) -> str:
        """The field of a problem's location; a problem of the whole row (more passes than
        participants) is the count's or the numerator's."""
        name = loc.split(".")[-1]
        return (
            name
            if name in FIELDS[self.part]
            else ("count" if self.part == "reach" else "numerator")
        )

    def verified(self, row: int, values: dict[str, str]) -> bool:
        word = values.get("verified", "").casefold()
        if word not in _YES | _NO:
            self.cell(row, "verified", N_("Must be one of: %(expected)s."), {"expected": "yes, no"})
        return word in _YES

    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS


def _reach(rows: _Rows) -> list[ReachInput]:
    groups: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    tainted: set[tuple[str, str]] = set()
    for number, values in rows.rows:
        count = {k: values[k] for k in ("measure", "age_band", "sex", "count") if values.get(k)}
        data = {"year": values.get("year", ""), "region": values.get("region", ""),
                "source": values.get("source", ""), "verified": rows.verified(number, values),
                "counts": [count]}  # fmt: skip
        one = rows.model(number, ReachInput, data)
        for problem in identifiers_in(
            (values.get("region", ""), "region"), (values.get("source", ""), "source")
        ):
            rows.cell(number, problem.field, problem.message, problem.params)
        if one is None:
            tainted.add((values.get("year", ""), values.get("region", "")))
        else:
            groups[(str(one.year), one.region)].append((number, data))
        if rows.full():
            return []
    checked = []
    for (year, region), members in groups.items():
        if (year, region) in tainted:  # a group with a bad row is not summed without it
            continue
        numbers = [n for n, _ in members]
        sources = list(dict.fromkeys(d["source"] for _, d in members))
        data = {"year": year, "region": region, "source": "\n".join(sources)[:2_000],
                "verified": all(d["verified"] for _, d in members),
                "counts": [d["counts"][0] for _, d in members]}  # fmt: skip
        try:
            checked.append(ReachInput.model_validate(data))
        except ValidationError as error:
            for p in problems_from(error):
                rows.rows_problem(numbers, p.message, p.params)
    return checked


def _outcomes(session: Session, programme: Programme, rows: _Rows) -> list[OutcomeInput]:
    indicators = service.indicators_of(session, programme)
    checked: list[OutcomeInput] = []
    seen: dict[tuple[str, int, str, str], int] = {}
    for number, values in rows.rows:
        data: dict[str, Any] = {k: v for k, v in values.items() if v != "" and k != "verified"}
        data["verified"] = rows.verified(number, values)
        outcome = rows.model(number, OutcomeInput, data)
        if outcome is not None:
            indicator = indicators.get(outcome.indicator)
            for problem in service.outcome_problems(indicator, outcome):
                rows.cell(number, problem.field, problem.message, problem.params)
            key = (
                indicator.code if indicator else outcome.indicator,
                outcome.year,
                outcome.region,
                outcome.level,
            )
            if key in seen:
                rows.cell(number, "indicator", N_("this value is already in row %(earlier)s."),
                          {"earlier": seen[key]})  # fmt: skip
            seen.setdefault(key, number)
            checked.append(outcome)
        if rows.full():
            break
    return checked


def import_file(
    session: Session, principal: Principal, programme_id: int | str, part: ImportPart, file_name: str,
    data: bytes, columns: dict[str, str], limits: Limits | None = None,
) -> int:  # fmt: skip
    """Check every row of the file, then write them all (or nothing); how many rows."""
    programme = access(session, principal, Programme, programme_id, "write", for_update=True)
    rows = _Rows(part, columns, principal.language)
    uploads.read_table(file_name, data, principal.language, limits or uploads.limits(), rows.read)
    if not rows.rows:
        raise ValidationFailed([FieldProblem("file", N_("The file has no rows to import."))])
    if part == "reach":
        groups = _reach(rows)
    else:
        values = _outcomes(session, programme, rows)
    if rows.problems:
        raise ValidationFailed(rows.problems[:MAX_PROBLEMS])
    if part == "reach":
        for group in groups:
            service.put_reach(session, programme, group)
    else:
        indicators = service.indicators_of(session, programme)
        for value in values:
            service.put_outcome(session, indicators[value.indicator], value)
    service.changed(session, principal, programme, f"{part}.import",
                    {"file": file_name[:255], "rows": len(rows.rows), "columns": columns})  # fmt: skip
    return len(rows.rows)
