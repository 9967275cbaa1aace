"""Hostile files for every reader of uploaded tables, built in the test (nothing stored).

Each entry: file name, content, and a phrase of the English refusal that names the limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

import openpyxl
import pytest

HEADER = [
    "declaration_id", "line_no", "description", "name",
    "date", "analyte", "concentration_ng_l", "flow_m3_d", "population",
]  # fmt: skip
ROW = ["D1", 1, "phenylacetone", "Somchai", "2025-03-11", "METH", 12.5, 30000, 120000]
MAX_ROWS = 1000  # the tests read with upload_max_rows at 1000 (see test_hostile_uploads.py)


@dataclass(frozen=True)
class Hostile:
    name: str
    content: bytes
    refusal: str  # part of the English message that names what was refused


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(ROW)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite_sheet(change: object) -> bytes:
    """A real workbook whose first sheet's XML is rewritten by ``change(xml) -> xml``."""
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert callable(change)
                data = change(data.decode()).encode()
            target.writestr(item.filename, data)
    return out.getvalue()


def dimension_bomb() -> bytes:
    """About 5 KB: declares A1:XFD1048576 and holds one cell at XFD1048576 (issue 10, item 2)."""

    def change(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
        far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace("</sheetData>", far + "</sheetData>")

    return _rewrite_sheet(change)


def far_cell() -> bytes:
    """No dimension at all, one cell at XFD1048576: the rows themselves must be bounded."""

    def change(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', "", xml)
        far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace("</sheetData>", far + "</sheetData>")

    return _rewrite_sheet(change)


def zip_bomb(unpacked_mb: int = 200) -> bytes:
    """A workbook whose sheet XML unpacks to ``unpacked_mb`` MB (whitespace inside sheetData)."""
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item.filename, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with target.open(item.filename, "w", force_zip64=True) as stream:
                stream.write(head)
                for _ in range(unpacked_mb):
                    stream.write(chunk)
                stream.write(b"</sheetData>" + tail)
    return out.getvalue()


def doctype() -> bytes:
    def change(xml: str) -> str:
        declaration = '<!DOCTYPE worksheet [<!ENTITY big "aaaaaaaaaaaaaaaaaaaa">]>'
        xml = xml.replace("<worksheet", declaration + "<worksheet", 1)
        return xml.replace("<v>1</v>", "<v>&big;</v>", 1)

    return _rewrite_sheet(change)


def wide_csv() -> bytes:
    return (",".join(f"c{i}" for i in range(5000)) + "\n" + ",".join("1" * 5000) + "\n").encode()


def long_csv(rows: int = MAX_ROWS + 100) -> bytes:
    head = ",".join(HEADER) + "\n"
    return (head + (",".join(str(v) for v in ROW) + "\n") * rows).encode()


@pytest.fixture(scope="session")
def hostile() -> dict[str, Hostile]:
    return {
        "dimension": Hostile("dimension.xlsx", dimension_bomb(), "declares 1048576 rows"),
        "far_cell": Hostile("far.xlsx", far_cell(), "the file has more than 1000 rows"),
        "zip_bomb": Hostile("bomb.xlsx", zip_bomb(), "unpacks to more than 80 MB"),
        "doctype": Hostile("doctype.xlsx", doctype(), "DOCTYPE or entity"),
        "wide": Hostile("wide.csv", wide_csv(), "has 5000 columns; the limit is 256"),
        "long": Hostile("long.csv", long_csv(), "more than 1000 rows"),
        "not_utf8": Hostile("latin.csv", "name\nJos\u00e9\n".encode("latin-1"), "not UTF-8"),
        "not_zip": Hostile("broken.xlsx", b"PK\x03\x04 not a workbook at all", "not a readable"),
    }
