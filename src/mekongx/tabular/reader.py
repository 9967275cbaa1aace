"""One bounded reader for every uploaded table (CSV or Excel), so no file can exhaust a node.

Every limit is checked before the work it guards: the file's size before anything is read; a
workbook's part count, unpacked size and compression ratio from the zip directory before any
part is inflated; every XML part for a DOCTYPE or entity declaration before the XML parser sees
it (no entity expansion, no external entity); the sheet's declared ``<dimension>`` before a row
is produced (a 5 KB workbook may declare A1:XFD1048576); then rows, columns and elapsed time as
the rows stream. Workbooks are read in openpyxl's read-only (streaming) mode, and rows are never
padded beyond the declared width, so memory stays proportional to one row.

Burmese text typed in the Zawgyi encoding is converted to Unicode as the rows stream
(``mekongx.text.zawgyi``); ``Table.zawgyi_rows`` lists the rows where that happened, so that the
import can tell the user.

A refusal raises ``TableError`` with a code of ``messages.MESSAGES`` and the parameters its
template needs; ``message(lang)`` renders it in en, th or zh.
"""

from __future__ import annotations

import codecs
import csv
import io
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

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


def _open_xlsx(source: Path | bytes, limits: Limits, clock: _Clock) -> Table:
    import openpyxl

    stream: Path | io.BytesIO = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(stream) as archive:
            check_workbook(archive, limits, clock)
        if isinstance(stream, io.BytesIO):
            stream.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except TableError:
        raise
    except Exception:  # any failure of a damaged workbook is "not readable" to the user
        raise TableError("not_xlsx") from None
    try:
        sheet = book.worksheets[0]
        declared_rows, declared_columns = sheet.max_row, sheet.max_column
    except Exception:
        book.close()
        raise TableError("not_xlsx") from None
    if limits.max_rows is not None and (declared_rows or 0) > limits.max_rows + 1:
        book.close()
        raise TableError("declared_rows", count=declared_rows, limit=limits.max_rows)
    if (declared_columns or 0) > limits.max_columns:
        book.close()
        raise TableError("declared_columns", count=declared_columns, limit=limits.max_columns)
    width = declared_columns or 0
    # The declared size is not trusted further: rows are read as they are, and bounded here.
    sheet.reset_dimensions()
    stop = None if limits.max_rows is None else limits.max_rows + 2
    values = sheet.iter_rows(max_row=stop, values_only=True)

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        number = 0
        try:
            for raw in values:
                number += 1
                _check_row(number, len(raw), limits, clock)
                if not any(v is not None and v != "" for v in raw):
                    continue
                cells = list(raw)
                if len(cells) < width:
                    cells.extend([None] * (width - len(cells)))
                yield number, cells
        except TableError:
            raise
        except Exception as exc:  # a malformed sheet discovered while streaming
            raise TableError("unreadable", detail=type(exc).__name__) from None

    rows = numbered()
    try:
        first = next(rows, None)
    except BaseException:
        book.close()
        raise
    if first is None:
        return Table([], iter(()), book.close)
    return Table(first[1], rows, book.close)  # the header: the first row with a value
