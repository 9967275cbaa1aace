"""Reading a file of people to screen (hotel register, passenger list, border crossing log).

CSV (UTF-8, with or without BOM; comma, semicolon, tab or bar) or Excel (.xlsx). The first row is
the header; columns are recognised by common names in English, Thai and Chinese (case and
spacing ignored); other columns are ignored. Row numbers are spreadsheet row numbers (the
header is row 1). Every bad cell is named by row and column; nothing is screened or stored
unless the whole file is good.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from pydantic_core import PydanticCustomError

from mekongx import uploads
from mekongx.domains.fugitives.schemas import country, partial_date
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_, translator
from mekongx.tabular import Limits, Table

MAX_ROWS: Final = 20_000
MAX_PROBLEMS: Final = 50
CELL = N_("Row %(row)s, column “%(column)s”: %(problem)s")

HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "name": (
        "name", "full name", "fullname", "full_name", "guest", "guest name", "passenger",
        "passenger name", "traveller", "traveler", "traveller name", "surname and given names",
        "ชื่อ", "ชื่อ-นามสกุล", "ชื่อ - นามสกุล", "ชื่อนามสกุล", "ชื่อ นามสกุล", "ชื่อผู้เข้าพัก",
        "ชื่อผู้โดยสาร", "姓名", "名字", "旅客姓名", "乘客姓名", "住客姓名",
        "အမည်", "နာမည်", "ဧည့်သည်အမည်", "ခရီးသည်အမည်",
        "ឈ្មោះ", "ឈ្មោះពេញ", "ឈ្មោះភ្ញៀវ", "ឈ្មោះអ្នកដំណើរ", "នាមត្រកូល និងនាមខ្លួន",
    ),
    "birth_date": (
        "birth date", "birth_date", "date of birth", "dob", "birthday", "born",
        "วันเกิด", "วันเดือนปีเกิด", "ว/ด/ป เกิด", "出生日期", "生日", "出生年月日",
        "မွေးသက္ကရာဇ်", "မွေးနေ့", "ថ្ងៃខែឆ្នាំកំណើត", "ថ្ងៃកំណើត",
    ),
    "nationality": ("nationality", "citizenship", "country", "สัญชาติ", "国籍", "နိုင်ငံသား", "សញ្ជាតិ"),
    "document_number": (
        "passport", "passport no", "passport no.", "passport number", "passport_number",
        "document", "document no", "document number", "document_number", "id", "id no",
        "id number", "travel document", "หนังสือเดินทาง", "เลขหนังสือเดินทาง",
        "เลขที่หนังสือเดินทาง", "เลขประจำตัว", "เลขบัตร", "护照", "护照号", "护照号码",
        "证件号", "证件号码", "身份证号",
        "နိုင်ငံကူးလက်မှတ်", "နိုင်ငံကူးလက်မှတ် နံပါတ်", "မှတ်ပုံတင်အမှတ်",
        "លិខិតឆ្លងដែន", "លេខលិខិតឆ្លងដែន", "អត្តសញ្ញាណប័ណ្ណ", "លេខអត្តសញ្ញាណប័ណ្ណ",
    ),
    "reference": (
        "reference", "ref", "record", "room", "seat", "ลำดับ", "ห้อง", "序号", "房号",
        "အခန်း", "စဉ်", "បន្ទប់", "លេខរៀង",
    ),
}  # fmt: skip
_LOOKUP: Final = {
    re.sub(r"\s+", " ", h.casefold()): field for field, names in HEADERS.items() for h in names
}
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def _normal(header: str) -> str:
    return re.sub(r"\s+", " ", header.replace("_", " ").strip().casefold())


def _field_for(header: str) -> str | None:
    return _LOOKUP.get(_normal(header)) or _LOOKUP.get(header.strip().casefold())


def _cell_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value))
    text = str(value).strip()
    found = _DMY.match(text)
    if found:  # day/month/year as written on Thai and Chinese forms
        day, month, year = (int(g) for g in found.groups())
        text = f"{year:04d}-{month:02d}-{day:02d}"
    return text


def read_people(
    file_name: str, data: bytes, lang: str = "en", limits: Limits | None = None
) -> list[dict[str, Any]]:
    """The checked rows of a file: ``{"row", "name", "birth_date", "nationality", ...}``.

    The file is read by the bounded reader within ``limits`` (the node's upload limits by
    default). Problems name the row and the column as written in the header, in ``lang``."""
    return uploads.read_table(
        file_name, data, lang, limits or uploads.limits(), lambda table: _people(table, lang)
    )


def _people(table: Table, lang: str) -> list[dict[str, Any]]:
    tr = translator(lang)
    header = table.header
    columns: dict[int, str] = {}
    titles: dict[str, str] = {}
    for index, title in enumerate(header or []):
        field = _field_for(str(title or ""))
        if field and field not in titles:
            columns[index], titles[field] = field, str(title).strip()
    if "name" not in titles:
        raise ValidationFailed([FieldProblem("file", N_("Row 1: no column of names (for example “name”, “ชื่อ-นามสกุล” or “姓名”)."))])  # fmt: skip
    problems: list[FieldProblem] = []
    people: list[dict[str, Any]] = []

    def bad(row: int, field: str, problem: str, **params: Any) -> None:
        text = tr(problem, **params)
        problems.append(FieldProblem("file", CELL, {"row": row, "column": titles[field], "problem": text}))  # fmt: skip

    for number, raw in table:
        values = {f: raw[i] for i, f in columns.items() if i < len(raw) and raw[i] is not None}
        if not any(str(v).strip() for v in values.values()):
            continue  # blank line
        if len(people) >= MAX_ROWS:
            raise ValidationFailed([FieldProblem("file", N_("The file has more than %(rows)s rows."), {"rows": MAX_ROWS})])  # fmt: skip
        person: dict[str, Any] = {"row": number}
        name = str(values.get("name", "")).strip()
        if not name:
            bad(number, "name", N_("the name is empty."))
        elif len(name) > 300:
            bad(number, "name", N_("the name is longer than 300 characters."))
        person["name"] = name
        try:
            person["birth_date"] = partial_date(_cell_date(values.get("birth_date", "")))
        except PydanticCustomError as error:
            bad(number, "birth_date", error.message_template, **(error.context or {}))
        try:
            person["nationality"] = country(str(values.get("nationality", "")))
        except PydanticCustomError as error:
            bad(number, "nationality", error.message_template, **(error.context or {}))
        document = str(values.get("document_number", "")).strip()
        if len(document) > 64:
            bad(number, "document_number", N_("the document number is longer than 64 characters."))
        person["document_number"] = document[:64]
        person["reference"] = str(values.get("reference", "")).strip()[:100]
        people.append(person)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise ValidationFailed(problems)
    if not people:
        raise ValidationFailed([FieldProblem("file", N_("The file has no rows to screen."))])
    return people
