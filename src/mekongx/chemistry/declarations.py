"""Reading customs declaration lines from CSV or Excel files.

The canonical columns are ``COLUMNS``. Other layouts are read through a header mapping
(canonical name -> header in the file) or the built-in aliases (``HEADER_ALIASES``: common
English, Thai and Chinese headers). File-level problems raise ``DeclarationFileError``; row-level
problems become ``RowIssue`` records naming the row and the column, so no row disappears silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mekongx.chemistry.messages import render
from mekongx.chemistry.register import Substance
from mekongx.chemistry.text import fold
from mekongx.chemistry.units import Conversion, convert, find_concentration, unit_kind
from mekongx.tabular import Limits, Table, TableError, open_table

__all__ = [
    "COLUMNS",
    "HEADER_ALIASES",
    "REQUIRED",
    "DeclarationFileError",
    "DeclarationLine",
    "Layout",
    "RowIssue",
    "RowSource",
    "load_mapping",
    "make_layout",
    "open_rows",
    "parse_row",
    "read_declarations",
]

COLUMNS = (
    "declaration_id",
    "line_no",
    "date",
    "hs_code",
    "description",
    "cas",
    "quantity",
    "unit",
    "consignor",
    "consignor_country",
    "consignee",
    "consignee_country",
    "port_of_loading",
    "port_of_discharge",
    "final_destination",
)
REQUIRED = ("declaration_id", "line_no", "description")

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "declaration_id": (
        "declaration",
        "declaration no",
        "declaration number",
        "decl id",
        "entry no",
        "entry number",
        "customs declaration",
        "报关单号",
        "报关单编号",
        "เลขที่ใบขนสินค้า",
        "ใบขนสินค้า",
    ),
    "line_no": (
        "line",
        "item",
        "item no",
        "line number",
        "seq",
        "项号",
        "商品序号",
        "ลำดับรายการ",
        "รายการที่",
    ),
    "date": ("declaration date", "date of declaration", "申报日期", "日期", "วันที่"),
    "hs_code": (
        "hs",
        "hs code",
        "tariff code",
        "commodity code",
        "hscode",
        "商品编码",
        "税则号",
        "พิกัด",
        "พิกัดศุลกากร",
        "รหัสพิกัด",
    ),
    "description": (
        "goods description",
        "description of goods",
        "commodity",
        "goods",
        "product",
        "品名",
        "商品名称",
        "货物名称",
        "รายการสินค้า",
        "ชื่อสินค้า",
        "ชนิดของสินค้า",
    ),
    "cas": ("cas no", "cas number", "cas rn", "cas_no", "cas号", "เลข cas"),
    "quantity": ("qty", "net quantity", "net weight", "数量", "净重", "ปริมาณ", "จำนวน"),
    "unit": ("uom", "unit of measure", "units", "单位", "计量单位", "หน่วย"),
    "consignor": ("shipper", "exporter", "seller", "发货人", "境内发货人", "ผู้ส่งออก", "ผู้ส่งสินค้า"),
    "consignor_country": (
        "shipper country",
        "exporter country",
        "country of export",
        "发货人国家",
        "ประเทศผู้ส่งออก",
    ),
    "consignee": ("importer", "buyer", "receiver", "收货人", "境外收货人", "ผู้นำเข้า", "ผู้รับสินค้า"),
    "consignee_country": (
        "importer country",
        "country of import",
        "destination country",
        "收货人国家",
        "运抵国",
        "ประเทศผู้รับ",
        "ประเทศปลายทาง",
    ),
    "port_of_loading": ("pol", "loading port", "port of export", "起运港", "装货港", "ท่าต้นทาง"),
    "port_of_discharge": (
        "pod",
        "discharge port",
        "port of entry",
        "目的港",
        "卸货港",
        "指运港",
        "ท่าปลายทาง",
    ),
    "final_destination": (
        "destination",
        "place of delivery",
        "final place",
        "最终目的地",
        "ปลายทางสุดท้าย",
    ),
}

# Each column's header in Lao, Burmese, Khmer and Vietnamese (the example files' headers, and
# accepted in any file). Written from the customs-declaration terms of docs/glossary/; a liaison
# officer of each country checks them there.
_LOCAL_HEADERS: dict[str, tuple[str, str, str, str]] = {
    "declaration_id": ("ເລກທີໃບແຈ້ງພາສີ", "အကောက်ခွန်ကြေညာလွှာအမှတ်", "លេខប្រកាសគយ", "Số tờ khai"),
    "line_no": ("ລຳດັບລາຍການ", "အမှတ်စဉ်", "លេខរៀងមុខទំនិញ", "Số thứ tự dòng hàng"),
    "date": ("ວັນທີແຈ້ງ", "ကြေညာသည့်ရက်စွဲ", "កាលបរិច្ឆេទប្រកាស", "Ngày đăng ký tờ khai"),
    "hs_code": ("ລະຫັດພິກັດສິນຄ້າ", "HS ကုဒ်", "លេខកូដ HS", "Mã số hàng hóa"),
    "description": ("ລາຍລະອຽດສິນຄ້າ", "ကုန်ပစ္စည်းအမည်", "ការពិពណ៌នាទំនិញ", "Mô tả hàng hóa"),
    "cas": ("ເລກ CAS", "CAS နံပါတ်", "លេខ CAS", "Số CAS"),
    "quantity": ("ປະລິມານ", "အရေအတွက်", "បរិមាណ", "Số lượng"),
    "unit": ("ຫົວໜ່ວຍ", "ယူနစ်", "ឯកតា", "Đơn vị tính"),
    "consignor": ("ຜູ້ສົ່ງອອກ", "ပို့ကုန်တင်ပို့သူ", "អ្នកនាំចេញ", "Người xuất khẩu"),
    "consignor_country": ("ປະເທດຜູ້ສົ່ງອອກ", "တင်ပို့သည့်နိုင်ငံ", "ប្រទេសនាំចេញ", "Nước xuất khẩu"),
    "consignee": ("ຜູ້ນຳເຂົ້າ", "သွင်းကုန်လက်ခံသူ", "អ្នកនាំចូល", "Người nhập khẩu"),
    "consignee_country": ("ປະເທດຜູ້ນຳເຂົ້າ", "လက်ခံသည့်နိုင်ငံ", "ប្រទេសនាំចូល", "Nước nhập khẩu"),
    "port_of_loading": ("ທ່າຂົນສິນຄ້າຂຶ້ນ", "ကုန်တင်ဆိပ်ကမ်း", "កំពង់ផែផ្ទុកទំនិញ", "Cảng xếp hàng"),
    "port_of_discharge": ("ທ່າຂົນສິນຄ້າລົງ", "ကုန်ချဆိပ်ကမ်း", "កំពង់ផែទម្លាក់ទំនិញ", "Cảng dỡ hàng"),
    "final_destination": ("ປາຍທາງສຸດທ້າຍ", "နောက်ဆုံးရောက်ရှိမည့်နေရာ", "គោលដៅចុងក្រោយ", "Nơi đến cuối cùng"),
}
for _column, _local in _LOCAL_HEADERS.items():
    HEADER_ALIASES[_column] = (*HEADER_ALIASES[_column], *_local)

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%Y%m%d")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class DeclarationFileError(Exception):
    """A file that cannot be screened. ``message(lang)`` renders it in en, th or zh."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        # a refusal of the bounded reader is carried as a parameter and rendered in ``lang``
        params = {
            k: v.message(lang) if isinstance(v, TableError) else v for k, v in self.params.items()
        }
        return render(self.code, lang, **params)


# Problems of one field that leave the rest of the row screenable (see ``parse_row``).
FIELD_PROBLEMS = frozenset({"BAD_DATE", "BAD_QUANTITY"})


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A problem in one row. ``fatal`` issues stop a strict run; blank rows are never fatal.
    ``screened``: only this field was bad, and the row was still screened on its valid fields."""

    row: int
    column: str
    code: str
    value: str = ""
    fatal: bool = True

    @property
    def screened(self) -> bool:
        return self.code in FIELD_PROBLEMS

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, row=self.row, column=self.column, value=self.value)


@dataclass(slots=True)
class DeclarationLine:
    row: int
    declaration_id: str
    line_no: int
    date: str = ""
    hs_code: str = ""
    description: str = ""
    cas: str = ""
    quantity: float | None = None
    unit: str = ""
    consignor: str = ""
    consignor_country: str = ""
    consignee: str = ""
    consignee_country: str = ""
    port_of_loading: str = ""
    port_of_discharge: str = ""
    final_destination: str = ""
    # fields that were bad and left out (the line is screened on the others)
    problems: tuple[RowIssue, ...] = field(default=(), kw_only=True)

    @property
    def quantity_kg(self) -> float | None:
        """The quantity in kilograms when it was declared by mass; a volume has no mass without
        the substance's density (see ``quantity_for``), never 1 kg per litre."""
        if self.quantity is None:
            return None
        kind = unit_kind(self.unit)
        return self.quantity * kind[1] if kind is not None and kind[0] == "kg" else None

    def quantity_for(self, sub: Substance | None) -> Conversion | None:
        """The quantity converted with ``sub``'s density and the concentration in the text."""
        if self.quantity is None:
            return None
        return convert(self.quantity, self.unit or "kg", sub, find_concentration(self.description))


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each canonical column sits in the file (index or -1) and its header text."""

    positions: tuple[int, ...]
    headers: tuple[str, ...]
    width: int

    @property
    def complete(self) -> bool:
        return min(self.positions) >= 0


def _norm_header(text: str) -> str:
    return re.sub(r"[\s_\-./#:]+", " ", fold(text)).strip()


def load_mapping(path: Path) -> dict[str, str]:
    """Read a header mapping file (YAML or JSON object: canonical column -> header in file)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DeclarationFileError("BAD_MAPPING", path=path, detail=str(exc)) from exc
    if not isinstance(raw, dict):
        raise DeclarationFileError("BAD_MAPPING", path=path, detail="expected column: header pairs")
    mapping: dict[str, str] = {}
    for key, value in raw.items():
        if key not in COLUMNS:
            raise DeclarationFileError(
                "BAD_MAPPING",
                path=path,
                detail=f"unknown column {key!r}; known: {', '.join(COLUMNS)}",
            )
        if not isinstance(value, str):
            raise DeclarationFileError(
                "BAD_MAPPING", path=path, detail=f"{key}: header must be text"
            )
        mapping[key] = value
    return mapping


def make_layout(
    header: Sequence[str], path: object, mapping: Mapping[str, str] | None = None
) -> Layout:
    """Resolve canonical columns against a header row (mapping first, then names and aliases)."""
    normalised = [_norm_header(h) for h in header]
    seen: set[str] = set()
    for text in normalised:
        if text and text in seen:
            raise DeclarationFileError("DUPLICATE_COLUMN", path=path, column=text)
        seen.add(text)
    positions: list[int] = []
    headers: list[str] = []
    for column in COLUMNS:
        wanted: list[str] = []
        if mapping and column in mapping:
            wanted = [_norm_header(mapping[column])]
        else:
            wanted = [_norm_header(column), *(_norm_header(a) for a in HEADER_ALIASES[column])]
        index = next((normalised.index(w) for w in wanted if w in normalised), -1)
        if index < 0 and column in REQUIRED:
            raise DeclarationFileError(
                "MISSING_COLUMN",
                path=path,
                column=mapping.get(column, column) if mapping else column,
                found=", ".join(h for h in header if h) or "-",
            )
        positions.append(index)
        headers.append(header[index] if index >= 0 else column)
    return Layout(tuple(positions), tuple(headers), len(header))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Limits of the engine's own reads (the command line): any number of rows streams, but a
# workbook is still refused by its unpacked size, compression ratio, declared size and columns.
STREAMING = Limits(max_bytes=None, max_rows=None, max_seconds=None)


class RowSource:
    """Iterator of (row number, cells as text) over an open file; ``close()`` releases it."""

    def __init__(self, table: Table, path: Path) -> None:
        self._table = table
        self._path = path

    def __iter__(self) -> RowSource:
        return self

    def __next__(self) -> tuple[int, list[str]]:
        try:
            number, cells = next(self._table)
        except TableError as exc:
            raise DeclarationFileError("FILE_UNREADABLE", path=self._path, detail=exc) from None
        return number, [_cell(c) for c in cells]

    def close(self) -> None:
        self._table.close()

    def __enter__(self) -> RowSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_rows(path: Path, limits: Limits = STREAMING) -> tuple[list[str], RowSource]:
    """Header and the rows of a CSV or XLSX file (use the RowSource as a context manager).

    The file is read by the bounded reader (``mekongx.tabular``) within ``limits``."""
    if not path.exists():
        raise DeclarationFileError("FILE_NOT_FOUND", path=path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        kind = "csv"
    elif suffix in (".xlsx", ".xlsm"):
        kind = "xlsx"
    else:
        raise DeclarationFileError("FILE_FORMAT", path=path)
    try:
        table = open_table(path, "csv" if kind == "csv" else "xlsx", limits)
    except TableError as exc:
        raise DeclarationFileError("FILE_UNREADABLE", path=path, detail=exc) from None
    header = [_cell(c) for c in table.header]
    if not any(header):
        table.close()
        raise DeclarationFileError("FILE_EMPTY", path=path)
    return [h.strip() for h in header], RowSource(table, path)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _parse_date(text: str) -> str | None:
    iso = _ISO_DATE.match(text)
    if iso is not None:
        try:
            dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
        return text
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def parse_row(number: int, cells: Sequence[str], layout: Layout) -> DeclarationLine | RowIssue:
    """One raw row -> a declaration line, or the problem that leaves nothing to screen.

    A bad date or quantity only drops that field: the line is screened on the fields that are
    valid and carries the problem in ``problems`` (a quantity of "abc" must not hide a
    pseudoephedrine line)."""
    if not any(c.strip() for c in cells):
        return RowIssue(number, "", "BLANK_ROW", fatal=False)
    if len(cells) != layout.width and not (
        len(cells) > layout.width and not any(c.strip() for c in cells[layout.width :])
    ):
        return RowIssue(number, "", "ROW_LENGTH", value=str(len(cells)))
    pos, names = layout.positions, layout.headers
    if layout.complete and len(cells) >= layout.width:
        values = [cells[p].strip() for p in pos]
    else:
        values = [cells[p].strip() if 0 <= p < len(cells) else "" for p in pos]
    (decl, line, date, hs, desc, cas, qty, unit, *rest) = values
    if not decl:
        return RowIssue(number, names[0], "MISSING_VALUE")
    if line.isdigit():
        line_no = int(line)
    else:
        try:
            line_no = int(float(line)) if line else -1
            if line and float(line) != line_no:
                raise ValueError(line)
        except ValueError:
            return RowIssue(number, names[1], "BAD_LINE_NO", value=line)
    if line_no < 0:
        return RowIssue(number, names[1], "MISSING_VALUE")
    if not (desc or hs or cas):
        return RowIssue(number, names[4], "MISSING_VALUE")
    problems: list[RowIssue] = []
    if date:
        parsed = _parse_date(date)
        if parsed is None:
            problems.append(RowIssue(number, names[2], "BAD_DATE", value=date))
        date = parsed or ""
    quantity: float | None = None
    if qty:
        cleaned = qty.replace(",", "").replace(" ", "")
        if _NUMBER.match(cleaned):
            quantity = float(cleaned)
        else:
            problems.append(RowIssue(number, names[6], "BAD_QUANTITY", value=qty))
    return DeclarationLine(
        number, decl, line_no, date, hs, desc, cas, quantity, unit, *rest, problems=tuple(problems)
    )


def read_declarations(
    path: Path, mapping: Mapping[str, str] | None = None, limits: Limits = STREAMING
) -> tuple[list[DeclarationLine], list[RowIssue]]:
    """Every line of a file plus every problem row (the caller decides whether to stop)."""
    header, rows = open_rows(path, limits)
    lines: list[DeclarationLine] = []
    issues: list[RowIssue] = []
    with rows:
        layout = make_layout(header, path, mapping)
        for number, cells in rows:
            parsed = parse_row(number, cells, layout)
            if isinstance(parsed, RowIssue):
                issues.append(parsed)
            else:
                issues.extend(parsed.problems)
                lines.append(parsed)
    return lines, issues
