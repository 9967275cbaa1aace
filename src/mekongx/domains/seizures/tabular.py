"""Bulk import of seizure reports from a workbook (.xlsx) or CSV.

The first row is the header; columns are recognised by their names in English, Thai or Chinese
(the template's headers are the English field names). A district is its code or its name (in
the district column, or the code in its own); every bad cell is named by row and column
in the reader's language: coordinates outside the stated country, unknown administrative
codes, impossible quantities or units, a seizure already reported or repeated in the file.
Nothing is written unless every row is good (the caller's one transaction)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from sqlalchemy.orm import Session

from mekongx import uploads
from mekongx.authz import Permission, Principal, require
from mekongx.authz.sharing import SharingInput, check_distribution
from mekongx.domains.fugitives.tabular import CELL
from mekongx.domains.seizures import service
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_, translator
from mekongx.tabular import Limits, Table
from mekongx.validation import problems_from

MAX_ROWS: Final = 100_000
MAX_PROBLEMS: Final = 50
HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "reference": ("reference", "ref", "เลขที่", "เลขที่อ้างอิง", "编号", "案件编号"),
    "seized_on": ("date", "seized on", "seized_on", "วันที่", "วันที่ตรวจยึด", "日期", "缴获日期"),
    "country": ("country", "ประเทศ", "国家"),
    "admin1": ("admin1", "province", "province code", "จังหวัด", "รหัสจังหวัด", "省", "省级代码"),
    "admin2_code": ("admin2 code", "district code", "รหัสอำเภอ", "区县代码"),
    "admin2": ("admin2", "district", "อำเภอ", "县", "区县"),
    "place": ("place", "location", "สถานที่", "地点"),
    "latitude": ("latitude", "lat", "ละติจูด", "纬度"),
    "longitude": ("longitude", "lon", "lng", "ลองจิจูด", "经度"),
    "drug": ("drug", "ยาเสพติด", "毒品", "毒品种类"),
    "form": ("form", "ลักษณะ", "形态"),
    "quantity": ("quantity", "amount", "จำนวน", "ปริมาณ", "数量"),
    "unit": ("unit", "หน่วย", "单位"),
    "tablets": ("tablets", "tablet count", "จำนวนเม็ด", "片数"),
    "purity": ("purity", "purity %", "ความบริสุทธิ์", "纯度"),
    "markings": ("markings", "logo", "logos", "ตราสัญลักษณ์", "标识"),
    "origin_country": ("origin", "origin country", "origin_country", "ต้นทาง", "来源国"),
    "transit_countries": ("transit", "transit countries", "transit_countries", "ประเทศทางผ่าน", "过境国"),
    "destination_country": ("destination", "destination country", "destination_country", "ปลายทาง", "目的国"),
    "conveyance": ("conveyance", "transport", "พาหนะ", "运输方式"),
    "concealment": ("concealment", "วิธีซุกซ่อน", "藏匿方式"),
    "arrests": ("arrests", "ผู้ต้องหา", "抓获人数"),
    "nationalities": ("nationalities", "สัญชาติ", "国籍"),
    "remarks": ("remarks", "หมายเหตุ", "备注"),
}  # fmt: skip
_LOOKUP: Final = {re.sub(r"\s+", " ", h.casefold()): f for f, names in HEADERS.items() for h in names}  # fmt: skip
_PAIR = re.compile(r"^\s*([A-Za-z]{2})\s*[:=x×]?\s*(\d+)\s*$")


def _field_for(header: str) -> str | None:
    return _LOOKUP.get(re.sub(r"\s+", " ", header.replace("_", " ").strip().casefold())) or \
        _LOOKUP.get(header.strip().casefold())  # fmt: skip


def _text(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return value.strip()  # type: ignore[no-any-return]
    if kind is dt.datetime:
        return value.date().isoformat()  # type: ignore[no-any-return]
    if kind is dt.date:
        return value.isoformat()  # type: ignore[no-any-return]
    if kind is float and value.is_integer():
        return str(int(value))
    return str(value).strip()


def nationalities(text: str) -> dict[str, Any]:
    """``MM:2; TH 1`` → ``{"MM": 2, "TH": 1}`` (a bad part is kept so that the check names it)."""
    found: dict[str, Any] = {}
    for part in re.split(r"[;,]", text):
        if not part.strip():
            continue
        match = _PAIR.match(part)
        found[match.group(1).upper() if match else part.strip()[:8]] = (
            int(match.group(2)) if match else 0
        )
    return found


def read_rows(file_name: str, data: bytes, lang: str, limits: Limits | None = None) -> list[tuple[int, dict[str, Any], dict[str, str]]]:  # fmt: skip
    """``(row number, values by field, column titles by field)`` of every non-blank row."""
    return uploads.read_table(file_name, data, lang, limits or uploads.bulk_limits(), _rows)


def _rows(table: Table) -> list[tuple[int, dict[str, Any], dict[str, str]]]:
    columns: dict[int, str] = {}
    titles: dict[str, str] = {}
    for index, title in enumerate(table.header or []):
        field = _field_for(str(title or ""))
        if field and field not in titles:
            columns[index], titles[field] = field, str(title).strip()
    missing = [f for f in ("reference", "seized_on", "country", "drug", "quantity", "unit") if f not in titles]  # fmt: skip
    if missing:
        raise ValidationFailed([FieldProblem("file", N_("Row 1: the columns %(columns)s are missing."), {"columns": ", ".join(missing)})])  # fmt: skip
    rows: list[tuple[int, dict[str, Any], dict[str, str]]] = []
    for number, raw in table:
        values = {
            f: _text(raw[i]) for i, f in columns.items() if i < len(raw) and raw[i] is not None
        }
        if not any(values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationFailed([FieldProblem("file", N_("The file has more than %(rows)s rows."), {"rows": MAX_ROWS})])  # fmt: skip
        rows.append((number, values, titles))
    return rows


def _column(titles: dict[str, str], field: str, values: dict[str, Any]) -> str:
    """The column a field's problem is named by: a district's code may stand in the district
    column (``_input``)."""
    if field == "admin2_code" and not values.get("admin2_code") and "admin2" in titles:
        return titles["admin2"]
    return titles.get(field, field)


def _date_of(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _input(values: dict[str, Any], sharing: SharingInput, language: str) -> dict[str, Any]:
    data: dict[str, Any] = {k: v for k, v in values.items() if v != ""}
    for name in ("latitude", "longitude", "tablets", "purity"):
        data.setdefault(name, None)
    data["transit_countries"] = [c for c in re.split(r"[,;\s]+", values.get("transit_countries", "")) if c]  # fmt: skip
    data["nationalities"] = nationalities(values.get("nationalities", ""))
    data["arrests"] = values.get("arrests") or 0
    data["country"] = str(values.get("country", "")).upper()
    district = str(data.get("admin2", ""))
    if district.isdigit() and "admin2_code" not in data:  # a district's code in the name column
        data["admin2_code"] = data.pop("admin2")
    data["unit"] = str(values.get("unit", "")).lower()
    data["language"] = language
    return {**data, **sharing.model_dump()}


def import_seizures(session: Session, principal: Principal, file_name: str, data: bytes,
                    sharing: SharingInput, limits: Limits | None = None) -> int:  # fmt: skip
    """Check every row, then record them all (or nothing); how many were recorded."""
    require(principal, Permission.WRITE_RECORDS)
    tr = translator(principal.language)
    if refused := check_distribution(session, principal, sharing, release=True):
        raise ValidationFailed(refused)
    rows = read_rows(file_name, data, principal.language, limits)
    if not rows:
        raise ValidationFailed([FieldProblem("file", N_("The file has no seizures to import."))])
    language = principal.language
    problems: list[FieldProblem] = []
    checked: list[SeizureInput] = []
    seen: dict[str, int] = {}
    seen_seizures: dict[service.SameSeizure, str] = {}
    dates = [d for d in (_date_of(v.get("seized_on")) for _, v, _ in rows) if d is not None]
    known, reported = service.reported(session, principal.agency, min(dates, default=dt.date.min),
                                       max(dates, default=dt.date.min))  # fmt: skip

    def bad(number: int, column: str, message: str, **params: Any) -> None:
        problems.append(FieldProblem("file", CELL, {"row": number, "column": column, "problem": tr(message, **params)}))  # fmt: skip

    for number, values, titles in rows:
        try:
            item = SeizureInput.model_validate(_input(values, sharing, language))
        except Exception as error:  # pydantic's ValidationError: name each cell
            for p in problems_from(error):  # type: ignore[arg-type]
                field = p.field.split(".")[0]
                bad(number, _column(titles, field, values), p.message, **p.params)
        else:
            same = service.same_seizure(item)
            if item.reference in seen:
                bad(number, titles["reference"], N_("the reference %(reference)s is already in row %(earlier)s."), reference=item.reference, earlier=seen[item.reference])  # fmt: skip
            elif item.reference in known or same in reported:
                bad(number, titles["reference"], service.DUPLICATE, reference=item.reference, date=item.seized_on.isoformat())  # fmt: skip
            elif same in seen_seizures:  # the same seizure twice in the file, by two references
                bad(number, titles["reference"], service.DUPLICATE, reference=seen_seizures[same], date=item.seized_on.isoformat())  # fmt: skip
            seen_seizures.setdefault(same, item.reference)
            seen[item.reference] = number
            checked.append(item)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise ValidationFailed(problems)
    return service.record_many(session, principal, checked, file_name)
