"""The workbook reader (calamine behind the bounded checks): cell values as the node expects
them, the file's own row numbers, and sheets whose grid would be too large refused before they
are loaded. Workbooks are written here with openpyxl (another library than the reader)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from mekongx.tabular import Limits, TableError, open_table


def _book(rows: list[list[object]], *, at: str = "A1") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    first_row, first_column = openpyxl.utils.cell.coordinate_to_tuple(at)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.cell(first_row + r, first_column + c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read(data: bytes, limits: Limits | None = None) -> tuple[list[object], list[tuple[int, list[object]]]]:  # fmt: skip
    with open_table(data, "xlsx", limits or Limits()) as table:
        return table.header, list(table)


def test_values_come_as_the_node_expects_them() -> None:
    header, rows = _read(_book([
        ["reference", "date", "count", "weight", "note", "flag"],
        ["R-1", dt.date(2024, 3, 9), 12, 1.25, None, True],
        ["R-2", dt.datetime(2024, 3, 10, 14, 30), 3.0, 0.5, "  spaced ", False],
    ]))  # fmt: skip
    assert header == ["reference", "date", "count", "weight", "note", "flag"]
    assert rows[0] == (2, ["R-1", dt.datetime(2024, 3, 9), 12, 1.25, None, True])
    number, cells = rows[1]
    assert number == 3 and cells[1] == dt.datetime(2024, 3, 10, 14, 30)
    assert cells[2] == 3 and type(cells[2]) is int and cells[4] == "  spaced "


def test_rows_keep_the_file_s_numbers_and_columns() -> None:
    """A sheet starting at C4 with a blank row inside: rows numbered as in Excel, cells in their
    columns (the header's position decides which value is which)."""
    _header, rows = _read(_book([["a", "b"], [1, 2], [None, None], [5, 6]], at="C4"))
    assert rows == [(5, [None, None, 1, 2]), (7, [None, None, 5, 6])]


def _rewrite(data: bytes, change: object) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert callable(change)
                body = change(body.decode()).encode()
            target.writestr(item.filename, body)
    return out.getvalue()


def test_a_sparse_sheet_whose_grid_is_too_large_is_refused_before_loading() -> None:
    """Two thousand cells in column A and one in column IV: 2,001 x 256 cells as a grid."""
    data = _book([["a"], *([i] for i in range(2000))])
    far = _rewrite(data, lambda xml: xml.replace("</sheetData>", '<row r="2002"><c r="IV2002"><v>1</v></c></row></sheetData>'))  # fmt: skip
    with pytest.raises(TableError) as info:
        _read(far, Limits(max_cells=100_000))
    assert info.value.code == "too_many_cells"
    assert "2002 rows by 256 columns" in info.value.message("en")
    assert "2002" in info.value.message("th") and "256" in info.value.message("vi")
    assert len(_read(far, Limits(max_cells=600_000))[1]) == 2001


def test_a_long_narrow_sheet_is_measured_by_its_real_width() -> None:
    """5,001 rows of two columns fit 20,000 cells; the reader does not assume 26 columns."""
    data = _book([["a", "b"], *([i, i] for i in range(5000))])
    assert len(_read(data, Limits(max_cells=20_000))[1]) == 5000
    with pytest.raises(TableError) as info:
        _read(data, Limits(max_cells=9_000))
    assert info.value.code == "too_many_cells"


def test_a_row_beyond_the_bound_is_refused_without_a_dimension() -> None:
    data = _book([["a"], [1]])
    far = _rewrite(data, lambda xml: re.sub(r"<dimension[^>]*/>", "", xml).replace(
        "</sheetData>", '<row r="900"><c r="A900"><v>1</v></c></row></sheetData>'))  # fmt: skip
    with pytest.raises(TableError) as info:
        _read(far, Limits(max_rows=500))
    assert info.value.code == "too_many_rows"
