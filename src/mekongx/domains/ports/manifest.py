"""Reading a manifest file (CSV or .xlsx) with a column mapping, every row checked.

Pure: no database. ``read`` returns the lines and the problems of every bad row; the caller
stores nothing when there is any problem (one bad row refuses the file, naming each row).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mekongx.domains.ports.reference import (
    clean_container,
    clean_locode,
    container_problem,
    ports,
)
from mekongx.i18n import N_
from mekongx.i18n.countries import is_country
from mekongx.tabular import Limits, open_table

FIELDS = (
    "bill_of_lading", "shipper", "shipper_country", "consignee", "consignee_address",
    "consignee_country", "notify_party", "forwarder", "goods", "hs_code", "weight_kg",
    "packages", "container", "size_type", "seal", "port_of_loading", "port_of_transshipment",
    "port_of_discharge", "vessel", "voyage", "loaded_on", "arrival_on",
)  # fmt: skip
REQUIRED = ("bill_of_lading", "shipper", "consignee", "goods", "weight_kg", "container",
            "port_of_loading", "port_of_discharge", "arrival_on")  # fmt: skip
MAX_PROBLEMS = 200
MAX_WEIGHT_KG = 50_000.0
_LENGTHS = {"bill_of_lading": 40, "shipper": 300, "consignee": 300, "consignee_address": 500,
            "notify_party": 300, "forwarder": 300, "goods": 4000, "seal": 40, "vessel": 100,
            "voyage": 20}  # fmt: skip
_HS = re.compile(r"^[0-9]{4,10}$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%b-%Y")

MISSING_COLUMNS = N_("The file has no column for: %(fields)s.")
BAD = {
    "columns": MISSING_COLUMNS,
    "missing": N_("Row %(row)s, %(column)s: a value is required."),
    "too_long": N_("Row %(row)s, %(column)s: at most %(max)s characters."),
    "container_form": N_("Row %(row)s, %(column)s: %(value)s is not a container number (four letters, the fourth U, J or Z, then seven digits)."),
    "container_digit": N_("Row %(row)s, %(column)s: the check digit of %(value)s is wrong (ISO 6346 gives %(digit)s)."),
    "date": N_("Row %(row)s, %(column)s: %(value)s is not a date (for example 2026-12-03)."),
    "weight": N_("Row %(row)s, %(column)s: %(value)s is not a weight in kilograms between 0 and 50,000."),
    "number": N_("Row %(row)s, %(column)s: %(value)s is not a whole number."),
    "port": N_("Row %(row)s, %(column)s: %(value)s is not a UN/LOCODE of a known port."),
    "country": N_("Row %(row)s, %(column)s: %(value)s is not a two-letter country code."),
    "hs": N_("Row %(row)s, %(column)s: %(value)s is not an HS code (4 to 10 digits)."),
    "dates_order": N_("Row %(row)s: the arrival date is before the loading date."),
    "duplicate": N_("Row %(row)s repeats row %(first)s (same bill of lading, container and goods)."),
    "imported": N_("Row %(row)s was imported already (bill of lading %(bl)s, container %(container)s)."),
}  # fmt: skip


@dataclass
class Problem:
    code: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return BAD[self.code]


@dataclass
class Line:
    row: int
    bill_of_lading: str
    shipper: str
    consignee: str
    goods: str
    weight_kg: float
    container: str
    port_of_loading: str
    port_of_discharge: str
    arrival_on: dt.date
    shipper_country: str = ""
    consignee_address: str = ""
    consignee_country: str = ""
    notify_party: str = ""
    forwarder: str = ""
    hs_code: str = ""
    packages: int | None = None
    size_type: str = ""
    seal: str = ""
    port_of_transshipment: str = ""
    vessel: str = ""
    voyage: str = ""
    loaded_on: dt.date | None = None

    @property
    def line_key(self) -> str:
        text = f"{self.hs_code}\x1f{' '.join(self.goods.lower().split())}"
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.bill_of_lading, self.container, self.line_key)


@dataclass
class Reading:
    lines: list[Line] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    more: int = 0  # problems beyond MAX_PROBLEMS

    def add(self, code: str, **params: Any) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(code, params))
        else:
            self.more += 1


def party_key(name: str) -> str:
    """A party's name compared without case, punctuation or legal-form noise."""
    words = re.sub(r"[^\w]+", " ", name.casefold()).split()
    noise = {"co", "ltd", "limited", "company", "inc", "corp", "plc", "the", "llc", "sdn", "bhd"}
    return " ".join(w for w in words if w not in noise)[:300]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any, date_format: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in (date_format,) if date_format else _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _weight(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = _text(value).replace(",", "").replace(" ", "")
        text = re.sub(r"(?i)kgs?$", "", text)
        try:
            number = float(text)
        except ValueError:
            return None
    return number if 0 < number <= MAX_WEIGHT_KG else None


def check_row(row: int, values: dict[str, Any], reading: Reading, columns: dict[str, str],
              date_format: str = "") -> Line | None:  # fmt: skip
    """The row as a line, or None after adding its problems to ``reading``."""
    before = len(reading.problems) + reading.more
    out: dict[str, Any] = {}

    def bad(code: str, name: str, value: str = "", **params: Any) -> None:
        reading.add(code, row=row, column=columns.get(name, name), value=value[:60], **params)

    for name in FIELDS:
        raw = values.get(name)
        text = _text(raw)
        if not text:
            if name in REQUIRED:
                bad("missing", name)
            continue
        if name in _LENGTHS and len(text) > _LENGTHS[name]:
            bad("too_long", name, max=_LENGTHS[name])
        elif name == "container":
            number = clean_container(text)
            problem = container_problem(number)
            if problem is not None:
                bad(problem[0], name, text, **problem[1])
            out[name] = number
        elif name.startswith("port_of_"):
            code = clean_locode(text)
            if code not in ports():
                bad("port", name, text)
            out[name] = code
        elif name in ("loaded_on", "arrival_on"):
            day = _date(raw, date_format)
            if day is None:
                bad("date", name, text)
            out[name] = day
        elif name == "weight_kg":
            weight = _weight(raw)
            if weight is None:
                bad("weight", name, text)
            out[name] = weight
        elif name == "packages":
            if not text.isdigit():
                bad("number", name, text)
            else:
                out[name] = int(text)
        elif name.endswith("_country"):
            if not is_country(text.upper()):
                bad("country", name, text)
            out[name] = text.upper()
        elif name == "hs_code":
            digits = re.sub(r"[.\s]", "", text)
            if not _HS.match(digits):
                bad("hs", name, text)
            out[name] = digits
        elif name == "size_type":
            out[name] = text.upper()[:4]
        else:
            out[name] = text
    if len(reading.problems) + reading.more > before:
        return None
    line = Line(row=row, **out)
    if line.loaded_on is not None and line.arrival_on < line.loaded_on:
        reading.add("dates_order", row=row)
        return None
    return line


def read_rows(header: list[Any], rows: Iterable[tuple[int, list[Any]]], columns: dict[str, str],
              date_format: str = "") -> Reading:  # fmt: skip
    """Check every row; duplicates inside the file are refused naming the first row."""
    reading = Reading()
    names = [_text(h) for h in header]
    position = {name.casefold(): i for i, name in enumerate(names)}
    where = {f: position.get(columns.get(f, f).casefold()) for f in FIELDS}
    missing = [columns.get(f, f) for f in REQUIRED if where[f] is None]
    if missing:
        reading.add("columns", fields=", ".join(missing))
        return reading
    seen: dict[tuple[str, str, str], int] = {}
    for number, cells in rows:
        if not any(_text(c) for c in cells):
            continue
        values = {
            f: cells[i] if i is not None and i < len(cells) else None for f, i in where.items()
        }
        line = check_row(number, values, reading, columns, date_format)
        if line is None:
            continue
        if line.key in seen:
            reading.add("duplicate", row=number, first=seen[line.key])
            continue
        seen[line.key] = number
        reading.lines.append(line)
    return reading


def read(path: Path, kind: str, limits: Limits, columns: dict[str, str], *,
         delimiter: str | None = None, date_format: str = "") -> Reading:  # fmt: skip
    """Read and check a manifest file (raises ``TableError`` for a file the reader refuses)."""
    with open_table(path, "xlsx" if kind == "xlsx" else "csv", limits,
                    delimiter=delimiter or None) as table:  # fmt: skip
        return read_rows(table.header, table, columns, date_format)
