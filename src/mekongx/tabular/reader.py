"""One bounded reader for every uploaded table (CSV or Excel), so no file can exhaust a node.

Every limit is checked before the work it guards: the file's size before anything is read; a
workbook's part count, unpacked size and compression ratio from the zip directory before any
part is inflated; every XML part for a DOCTYPE or entity declaration before the XML parser sees
it (no entity expansion, no external entity); the sheet's declared ``<dimension>`` before a row
is produced (a 5 KB workbook may declare A1:XFD1048576), and the rows and columns its cells
name before the sheet is loaded; then rows, columns and elapsed time as the rows are handed on.
CSV streams (memory proportional to one row); a workbook's first sheet is loaded by calamine
(``python-calamine``, Rust) as a grid bounded by those checks, then handed on row by row.

Burmese text typed in the Zawgyi encoding is converted to Unicode as the rows stream
(``mekongx.text.zawgyi``); ``Table.zawgyi_rows`` lists the rows where that happened, so that the
import can tell the user.

A refusal raises ``TableError`` with a code of ``messages.MESSAGES`` and the parameters its
template needs; ``message(lang)`` renders it in en, th or zh.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import posixpath
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal
from xml.etree import ElementTree

from mekongx.tabular.messages import render
from mekongx.text.zawgyi import normalise

__all__ = ["Kind", "Limits", "Table", "TableError", "guess_delimiter", "open_table"]

Kind = Literal["csv", "xlsx"]
MB = 1024 * 1024
_SCAN_CHUNK = 64 * 1024
_HEADER_CHARS = 1024 * 1024  # a header line longer than this is cut (and then has too many columns)
_FORBIDDEN = (b"<!doctype", b"<!entity")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_RATIO_FLOOR = 1 * MB  # parts smaller than this unpacked are never refused for their ratio


class TableError(Exception):
    """A file refused by the reader; ``message(lang)`` names the limit in en, th or zh."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(render(code, "en", **params))

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, **self.params)


@dataclass(frozen=True)
class Limits:
    """Bounds of one read. ``None`` leaves a bound off (the command line streams any size)."""

    max_bytes: int | None = 5 * MB
    max_unpacked_bytes: int = 80 * MB
    max_ratio: int = 100
    max_parts: int = 2000
    max_rows: int | None = 100_000
    max_columns: int = 256
    max_seconds: float | None = 60.0
    # a workbook's first sheet is loaded as a grid of rows x columns (about 32 bytes a cell):
    # 5 million cells is 100,000 rows of 50 columns, about 160 MB while it is read
    max_cells: int = 5_000_000


class _Clock:
    def __init__(self, limit: float | None) -> None:
        self.limit = limit
        self.deadline = None if limit is None else time.monotonic() + limit

    def check(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TableError("too_slow", limit=_number(self.limit or 0))


def _number(value: float) -> str:
    return f"{value:g}"


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


_BURMESE = re.compile("[\u1000-\u109f]")
_SEP = "\n"


def _unicode(cell: Any) -> Any:
    return normalise(cell).text if isinstance(cell, str) else cell


class Table:
    """The header and an iterator of ``(row number, cells)``; use as a context manager.

    Row numbers are the file's own (the header is row 1). CSV rows come as text, workbook rows as
    the cell values (text, numbers, dates, None); wholly empty workbook rows are skipped.
    """

    def __init__(
        self,
        header: list[Any],
        rows: Iterator[tuple[int, list[Any]]],
        closer: Callable[[], object],
    ) -> None:
        self.header = [_unicode(cell) for cell in header]
        self.zawgyi_rows: list[int] = []  # rows where Zawgyi text was converted to Unicode
        self._rows = rows
        self._closer = closer
        self._closed = False

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        return self

    def __next__(self) -> tuple[int, list[Any]]:
        if self._closed:
            raise StopIteration
        try:
            number, cells = next(self._rows)
        except BaseException:
            self.close()
            raise
        if not _BURMESE.search(_SEP.join([c for c in cells if type(c) is str])):
            return number, cells  # no Burmese letter: nothing to convert
        converted = [_unicode(cell) for cell in cells]
        if converted != cells:
            self.zawgyi_rows.append(number)
        return number, converted

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._closer()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def guess_delimiter(first_line: str, candidates: str = ",;\t|") -> str:
    """The candidate that occurs most often in the header line (comma on a tie)."""
    return max(candidates, key=first_line.count)


def open_table(
    source: Path | bytes,
    kind: Kind,
    limits: Limits,
    *,
    delimiter: str | None = None,
) -> Table:
    """Open ``source`` (a path, or the bytes of an upload) within ``limits``."""
    clock = _Clock(limits.max_seconds)
    size = len(source) if isinstance(source, bytes) else _file_size(source)
    if limits.max_bytes is not None and size > limits.max_bytes:
        raise TableError("too_large", size_mb=_mb(size), limit_mb=_mb(limits.max_bytes))
    if kind == "xlsx":
        return _open_xlsx(source, limits, clock)
    return _open_csv(source, limits, clock, delimiter)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise TableError("unreadable", detail=exc.strerror or type(exc).__name__) from None


# ------------------------------------------------------------------------------------ CSV


def _open_csv(source: Path | bytes, limits: Limits, clock: _Clock, delimiter: str | None) -> Table:
    handle: IO[str]
    try:
        if isinstance(source, bytes):
            handle = io.StringIO(_decode(source), newline="")
        else:
            handle = source.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise TableError("unreadable", detail=exc.strerror or type(exc).__name__) from None
    try:
        first = handle.readline(_HEADER_CHARS)
    except UnicodeDecodeError as exc:
        handle.close()
        raise TableError("not_utf8", position=exc.start) from None
    except BaseException:
        handle.close()
        raise
    chosen = delimiter or guess_delimiter(first)
    try:
        header = next(csv.reader([first], delimiter=chosen), [])
    except csv.Error as exc:
        handle.close()
        raise TableError("csv_malformed", row=1, detail=str(exc)) from None
    if len(header) > limits.max_columns:
        handle.close()
        raise TableError("too_many_columns", row=1, count=len(header), limit=limits.max_columns)
    reader = csv.reader(handle, delimiter=chosen)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        number = 1
        while True:
            number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise TableError("csv_malformed", row=number, detail=str(exc)) from None
            except UnicodeDecodeError as exc:
                raise TableError("not_utf8", position=exc.start) from None
            _check_row(number, len(cells), limits, clock)
            yield number, cells

    return Table(header, rows(), handle.close)


def _decode(data: bytes) -> str:
    try:
        return codecs.decode(data, "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError("not_utf8", position=exc.start) from None


def _check_row(number: int, width: int, limits: Limits, clock: _Clock) -> None:
    if limits.max_rows is not None and number > limits.max_rows + 1:  # +1: the header
        raise TableError("too_many_rows", limit=limits.max_rows)
    if width > limits.max_columns:
        raise TableError("too_many_columns", row=number, count=width, limit=limits.max_columns)
    clock.check()


# ------------------------------------------------------------------------------------ Excel


def check_workbook(archive: zipfile.ZipFile, limits: Limits, clock: _Clock) -> None:
    """Refuse a workbook by its zip directory and XML prologues before anything parses it."""
    parts = archive.infolist()
    if len(parts) > limits.max_parts:
        raise TableError("too_many_parts", count=len(parts), limit=limits.max_parts)
    total = 0
    for part in parts:
        if part.flag_bits & 0x1:
            raise TableError("encrypted")
        total += part.file_size
        if total > limits.max_unpacked_bytes:
            raise TableError("unpacked_too_large", limit_mb=_mb(limits.max_unpacked_bytes))
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > _RATIO_FLOOR and ratio > limits.max_ratio:
            raise TableError(
                "ratio", member=part.filename[:100], ratio=int(ratio), limit=limits.max_ratio
            )
    for part in parts:
        if part.filename.lower().endswith(_XML_SUFFIXES):
            _scan_xml(archive, part, clock)


def _scan_xml(archive: zipfile.ZipFile, part: zipfile.ZipInfo, clock: _Clock) -> None:
    """Read one part (its size is bounded above; zipfile stops at the declared size and checks
    the CRC) looking for DOCTYPE/ENTITY, across chunk boundaries."""
    name = part.filename[:100]
    with archive.open(part) as stream:
        tail = b""
        first = True
        while chunk := stream.read(_SCAN_CHUNK):
            if first:
                first = False
                if chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in chunk[:4]:
                    raise TableError("xml_encoding", member=name)
            window = (tail + chunk).lower()
            if any(token in window for token in _FORBIDDEN):
                raise TableError("doctype", member=name)
            tail = window[-16:]
            clock.check()


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]*\d*:?([A-Z]*)(\d*)"')
# (literal first, so that the scan runs at memchr speed: 0.1 s for 80 MB of sheet)
_ROW_NUMBER = re.compile(rb'row\b[^>]*?\br="(\d+)"')
_WIDE_CELL = re.compile(rb'r="([A-Z]{2,})\d')  # a cell (or range) beyond column Z
_NARROW_CELL = re.compile(rb'r="([A-Z])\d')
_TAIL = 2048  # bytes of one chunk kept before the next, so that no tag is cut in two


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _first_sheet_part(archive: zipfile.ZipFile, index: int) -> str | None:
    """The zip member of the workbook's ``index``-th sheet (workbook order, as calamine's)."""
    try:
        # every XML part was refused above if it declared a DOCTYPE or an entity (check_workbook)
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
    except (KeyError, ElementTree.ParseError):
        return None
    sheets = [s.get(f"{_REL_NS}id") for s in book.iter(f"{_MAIN_NS}sheet")]
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{_PKG_REL_NS}Relationship")}
    target = targets.get(sheets[index]) if index < len(sheets) else None
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")


def _check_sheet(archive: zipfile.ZipFile, part: str, limits: Limits, clock: _Clock) -> None:
    """Bound the sheet before it is loaded: its declared size, then the rows and columns its
    cells actually name (a 5 KB sheet may hold one cell at XFD1048576; loaded as a grid that is
    17 billion cells), and the grid they span."""
    most_rows = None if limits.max_rows is None else limits.max_rows + 1  # +1: the header
    last_row, last_column = 0, 26  # columns A-Z are not looked for (_WIDE_CELL)
    with archive.open(part) as stream:
        tail = b""
        first = True
        while chunk := stream.read(_SCAN_CHUNK * 4):
            window = tail + chunk
            if first:
                first = False
                if declared := _DIMENSION.search(window):
                    letters, digits = declared.groups()
                    rows = int(digits) if digits else 0
                    if most_rows is not None and rows > most_rows:
                        raise TableError("declared_rows", count=rows, limit=limits.max_rows)
                    if letters and _column_number(letters) > limits.max_columns:
                        count = _column_number(letters)
                        raise TableError("declared_columns", count=count, limit=limits.max_columns)
            for found in _ROW_NUMBER.finditer(window):
                last_row = max(last_row, int(found.group(1)))
            for found in _WIDE_CELL.finditer(window):
                last_column = max(last_column, _column_number(found.group(1)))
            if most_rows is not None and last_row > most_rows:
                raise TableError("too_many_rows", limit=limits.max_rows)
            if last_column > limits.max_columns:
                raise TableError("too_many_columns", row=last_row, count=last_column, limit=limits.max_columns)  # fmt: skip
            tail = window[-_TAIL:]
            clock.check()
    if last_row * last_column > limits.max_cells and last_column == 26:
        last_column = _narrow_width(archive, part, clock)  # a long sheet: its real width
    if last_row * last_column > limits.max_cells:
        raise TableError("too_many_cells", rows=last_row, columns=last_column, limit=limits.max_cells)  # fmt: skip


def _narrow_width(archive: zipfile.ZipFile, part: str, clock: _Clock) -> int:
    """The widest column of a sheet none of whose cells lies beyond column Z."""
    letters = set()
    with archive.open(part) as stream:
        tail = b""
        while chunk := stream.read(_SCAN_CHUNK * 4):
            window = tail + chunk
            letters.update(_NARROW_CELL.findall(window))
            tail = window[-_TAIL:]
            clock.check()
    return max((_column_number(c) for c in letters), default=1)


def _cell(value: Any) -> Any:
    """calamine's value as the rest of the node expects a workbook cell (as openpyxl gave it):
    an empty cell is None, a whole number an int, a date a datetime at midnight."""
    kind = type(value)
    if kind is str:
        return value or None
    if kind is float and value.is_integer() and abs(value) < _EXACT:
        return int(value)
    if kind is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


_EXACT = 2.0**53


def _open_xlsx(source: Path | bytes, limits: Limits, clock: _Clock) -> Table:
    """Workbooks are checked by their zip directory, their XML prologues and their first sheet's
    rows and columns (``_check_sheet``), then read by calamine (Rust; about 25 times openpyxl's
    speed: benchmarks/README.md, "Seizure import")."""
    import python_calamine

    stream: Path | io.BytesIO = io.BytesIO(source) if isinstance(source, bytes) else source
    book = None
    try:
        with zipfile.ZipFile(stream) as archive:
            check_workbook(archive, limits, clock)
            book = python_calamine.CalamineWorkbook.from_object(
                io.BytesIO(source) if isinstance(source, bytes) else str(source)
            )
            kinds = [m.typ for m in book.sheets_metadata]
            index = kinds.index(python_calamine.SheetTypeEnum.WorkSheet)
            part = _first_sheet_part(archive, index)
            if part is None or part not in archive.NameToInfo:
                raise TableError("not_xlsx")  # a sheet that cannot be checked is not loaded
            _check_sheet(archive, part, limits, clock)
        # the grid from A1 (row and column numbers as in the file); its size is bounded above
        grid = book.get_sheet_by_index(index).to_python(skip_empty_area=False)
    except TableError:
        raise
    except Exception:  # any failure of a damaged workbook is "not readable" to the user
        raise TableError("not_xlsx") from None
    finally:
        if book is not None:
            book.close()

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        for number, raw in enumerate(grid, start=1):
            cells = [_cell(v) for v in raw]
            _check_row(number, len(cells), limits, clock)
            if any(v is not None for v in cells):
                yield number, cells

    rows = numbered()
    first = next(rows, None)
    if first is None:
        return Table([], iter(()), _nothing)
    return Table(first[1], rows, _nothing)  # the header: the first row with a value


def _nothing() -> None:
    """The workbook is closed once its grid is read: nothing is left to close."""
