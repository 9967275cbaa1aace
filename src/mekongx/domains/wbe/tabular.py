"""Reading a laboratory's results table (CSV or Excel) into checked rows, naming every bad cell.

Columns (header row first, names case-insensitive; other columns are ignored):

=====================  ========  ===========================================================
column                 required  content
=====================  ========  ===========================================================
``date``               yes       sampling day, YYYY-MM-DD (or an Excel date cell)
``analyte``            yes       residue code of the campaign's parameter set (METH, BE...)
``concentration_ng_l`` yes       ng/L; ``<LOQ``/``ND``/``<LOD`` or ``<12.5`` when censored
``censor``             no        ``<LOQ``, ``<LOD``, ``ND``... (as in ``mekongx wbe estimate``)
``loq_ng_l``           no        the limit of quantification, ng/L (needed when censored)
``flow_m3_d``          yes       influent flow of the day, m³/day
``population``         yes       population served on that day
``sampling_mode``      no        ``flow`` (default), ``volume``, ``time`` or ``grab``
=====================  ========  ===========================================================

Row numbers are spreadsheet row numbers (the header is row 1). Nothing here touches the
database: the service checks the rows against the campaign and writes them in one transaction.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Final

from mekongx.errors import FieldProblem
from mekongx.i18n import N_, translator
from mekongx.tabular import Kind, Limits, TableError, open_table
from mekongx.uploads import REFUSED
from mekongx.wastewater import SAMPLING_MODES, ParameterSet, WbeError, measured, render

REQUIRED: Final = ("date", "analyte", "concentration_ng_l", "flow_m3_d", "population")
OPTIONAL: Final = ("censor", "loq_ng_l", "sampling_mode")
ALIASES: Final = {"loq": "loq_ng_l", "concentration": "concentration_ng_l", "flow": "flow_m3_d"}
MAX_ROWS: Final = 20_000
MAX_PROBLEMS: Final = 1000
CENSORED_WORDS: Final = frozenset({"<loq", "<lod", "nd", "bql", "<", "censored"})
CELL = N_("Row %(row)s, column %(column)s: %(problem)s")


@dataclass(frozen=True)
class Row:
    row: int
    date: dt.date
    analyte: str
    concentration_ng_l: float | None
    censored: bool
    loq_ng_l: float | None
    flow_m3_d: float
    population: int
    sampling_mode: str


@dataclass
class Problems:
    """Every problem found, each naming its row and column, in the user's language."""

    lang: str
    items: list[FieldProblem] = field(default_factory=list)
    more: int = 0

    def cell(self, row: int, column: str, problem: str) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.more += 1
            return
        self.items.append(
            FieldProblem(
                f"rows.{row}.{column}", CELL, {"row": row, "column": column, "problem": problem}
            )
        )

    def file(self, message: str, **params: Any) -> None:
        self.items.append(FieldProblem("file", message, params))

    def engine(self, code: str, **fields: object) -> str:
        return render(code, self.lang, **fields)

    def ours(self, message: str, **params: Any) -> str:
        return translator(self.lang)(message, **params)

    def finish(self) -> list[FieldProblem]:
        order = {c: i for i, c in enumerate(("date", "analyte", "concentration_ng_l", "censor",
                                              "loq_ng_l", "flow_m3_d", "population",
                                              "sampling_mode"))}  # fmt: skip

        def key(p: FieldProblem) -> tuple[int, int]:
            if not p.field.startswith("rows."):
                return (0, 0)
            return (int(p.params["row"]), order.get(str(p.params["column"]), 99))

        self.items.sort(key=key)
        if self.more:
            self.items.append(
                FieldProblem(
                    "file", N_("%(count)s more problems were not listed."), {"count": self.more}
                )
            )
        return self.items


def file_kind(filename: str, content: bytes) -> Kind | None:
    """``csv`` or ``xlsx`` from the name and the bytes themselves, or None if neither fits."""
    name = filename.lower().rsplit("/", 1)[-1]
    if name.endswith(".xlsx"):
        return "xlsx" if content.startswith(b"PK\x03\x04") else None
    if name.endswith((".csv", ".txt")):
        return None if b"\x00" in content[:65536] else "csv"
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(value: object, column: str, row: int, problems: Problems) -> float | None:
    if isinstance(value, bool):
        value = _text(value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        raw = _text(value)
        if not raw:
            problems.cell(row, column, problems.engine("csv.empty_cell"))
            return None
        try:
            number = float(raw)
        except ValueError:
            problems.cell(row, column, problems.engine("csv.not_number", value=raw))
            return None
    if not math.isfinite(number):
        problems.cell(row, column, problems.engine("value.not_finite", field=column, value=value))
        return None
    return number


def _date(value: object, row: int, problems: Problems) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = _text(value)
    if not raw:
        problems.cell(row, "date", problems.engine("csv.empty_cell"))
        return None
    try:
        return dt.date.fromisoformat(raw[:10] if len(raw) > 10 and raw[10] in "T " else raw)
    except ValueError:
        problems.cell(row, "date", problems.engine("csv.bad_date", value=raw))
        return None


def _concentration(
    cells: dict[str, object], row: int, problems: Problems
) -> tuple[float | None, bool, float | None, bool]:
    """(concentration, censored, loq, ok) following the engine's rules for censored values."""
    raw_conc = cells.get("concentration_ng_l")
    flag = _text(cells.get("censor"))
    loq: float | None = None
    if _text(cells.get("loq_ng_l")):
        loq = _number(cells.get("loq_ng_l"), "loq_ng_l", row, problems)
        if loq is None:
            return None, False, None, False
    text = "" if isinstance(raw_conc, int | float) else _text(raw_conc).replace(" ", "")
    value: float | None = None
    if text.lower() in CENSORED_WORDS:
        flag = flag or "<LOQ"
    elif text.startswith("<"):
        flag = flag or "<LOQ"
        value = _number(text[1:], "concentration_ng_l", row, problems)
        if value is None:
            return None, False, None, False
        loq = loq if loq is not None else value
    elif text or isinstance(raw_conc, int | float) or not flag:
        value = _number(raw_conc, "concentration_ng_l", row, problems)
        if value is None:
            return None, False, None, False
    try:
        quantity = measured(value, flag, loq)
    except WbeError as error:
        column = {"censor.bad_flag": "censor", "censor.missing_limit": "loq_ng_l"}.get(
            error.code, "concentration_ng_l"
        )
        problems.cell(row, column, error.render(problems.lang))
        return None, False, None, False
    if quantity.censored:
        return None, True, quantity.value, True
    return quantity.value, False, loq, True


def read_table(
    filename: str,
    content: bytes,
    params: ParameterSet,
    problems: Problems,
    limits: Limits | None = None,
) -> list[Row]:
    """Every good row of the file (read within ``limits``); every bad cell goes into
    ``problems``."""
    kind = file_kind(filename, content)
    if kind is None:
        problems.file(N_("Upload a .csv (UTF-8) or .xlsx file."))
        return []
    rows: list[Row] = []
    count = 0
    try:
        with open_table(content, kind, limits or Limits()) as table:
            header = [ALIASES.get(h, h) for h in (_text(v).lower() for v in table.header)]
            if not any(header):
                problems.file(N_("%(detail)s"), detail=problems.engine("csv.empty"))
                return []
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                problems.file(
                    N_("%(detail)s"),
                    detail=problems.engine("csv.missing_columns", columns=", ".join(missing)),
                )
                return []
            for number, values in table:
                if all(_text(v) == "" for v in values):
                    continue
                count += 1
                if count > MAX_ROWS:
                    problems.file(N_("The file has more than %(limit)s data rows."), limit=MAX_ROWS)
                    return []
                cells = {h: (values[i] if i < len(values) else None) for i, h in enumerate(header)}
                parsed = _row(number, cells, params, problems)
                if parsed is not None:
                    rows.append(parsed)
    except TableError as error:
        problems.file(REFUSED, problem=error.message(problems.lang))
        return []
    if count == 0:
        problems.file(N_("%(detail)s"), detail=problems.engine("csv.empty"))
    return rows


def _row(
    number: int, cells: dict[str, object], params: ParameterSet, problems: Problems
) -> Row | None:
    before = len(problems.items) + problems.more
    day = _date(cells.get("date"), number, problems)
    code = _text(cells.get("analyte"))
    if not code:
        problems.cell(number, "analyte", problems.engine("csv.empty_cell"))
    else:
        try:
            params.analyte(code)
        except WbeError as error:
            problems.cell(number, "analyte", error.render(problems.lang))
    conc, censored, loq, _ok = _concentration(cells, number, problems)
    if conc is not None and conc < 0:
        problems.cell(
            number,
            "concentration_ng_l",
            problems.engine("value.negative", field="concentration_ng_l", value=conc),
        )
    flow = _number(cells.get("flow_m3_d"), "flow_m3_d", number, problems)
    if flow is not None and flow <= 0:
        problems.cell(
            number,
            "flow_m3_d",
            problems.engine("value.not_positive", field="flow_m3_d", value=flow),
        )
    population = _number(cells.get("population"), "population", number, problems)
    if population is not None:
        if population <= 0 or population > 100_000_000:
            problems.cell(
                number,
                "population",
                problems.ours(N_("Must be between 1 and 100,000,000 people.")),
            )
        elif not population.is_integer():
            problems.cell(number, "population", problems.ours(N_("Must be a whole number.")))
    mode = _text(cells.get("sampling_mode")).lower() or "flow"
    if mode not in SAMPLING_MODES:
        problems.cell(
            number,
            "sampling_mode",
            problems.ours(N_("Must be one of: %(expected)s."), expected=", ".join(SAMPLING_MODES)),
        )
    if len(problems.items) + problems.more > before:
        return None
    assert day is not None and flow is not None and population is not None
    return Row(number, day, code, conc, censored, loq, flow, int(population), mode)
