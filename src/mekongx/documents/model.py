"""What a generated document says, independent of its format (PDF, xlsx).

An area builds a ``Document`` out of blocks (headings, paragraphs, key-value blocks, tables)
with the text already in the document's language, and hands it to ``to_pdf`` or ``to_xlsx``.
Cells are typed, so each format shows a date, a number or an amount of money the way its reader
expects: plain Python values are accepted too (``str``, ``int``, ``float``, ``Decimal``,
``date``, ``datetime``, ``None``); money needs ``Money`` because an amount without its currency
means nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Literal

from mekongx.i18n import LANGUAGE_CODES, Language

__all__ = [
    "HANDLING_CODES",
    "LANGUAGES",
    "Block",
    "CellValue",
    "Column",
    "DateCell",
    "Document",
    "Heading",
    "KeyValues",
    "Lang",
    "Money",
    "Number",
    "Paragraph",
    "Table",
    "Text",
]

Lang = Language  # the node's one list of languages (mekongx.i18n)
LANGUAGES: tuple[Lang, ...] = LANGUAGE_CODES
HANDLING_CODES = ("H0", "H1", "H2", "H3")


@dataclass(frozen=True, slots=True)
class Text:
    value: str


@dataclass(frozen=True, slots=True)
class Number:
    """A number shown with digit grouping; ``places`` fixes the decimals (None: as needed)."""

    value: int | float | Decimal
    places: int | None = None


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in an ISO 4217 currency (THB, CNY, USD, LAK, MMK, KHR, VND…)."""

    amount: int | float | Decimal
    currency: str

    def __post_init__(self) -> None:
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise ValueError(f"currency must be an ISO 4217 code, not {self.currency!r}")


@dataclass(frozen=True, slots=True)
class DateCell:
    """A date (shown in the document's calendar) or an aware datetime (shown in its zone)."""

    value: date | datetime


CellValue = Text | Number | Money | DateCell | str | int | float | Decimal | date | datetime | None


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: Literal[1, 2, 3] = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class KeyValues:
    """Label–value pairs (a case's particulars, a meeting's date and place)."""

    items: Sequence[tuple[str, CellValue]]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its heading and its relative width (PDF; 1 = an ordinary column)."""

    label: str
    width: float = 1.0

    def __post_init__(self) -> None:
        if self.width <= 0:
            raise ValueError("a column's width must be positive")


@dataclass(frozen=True, slots=True)
class Table:
    """A table: a heading row and rows of typed cells; its own sheet in a workbook."""

    columns: Sequence[Column | str]
    rows: Sequence[Sequence[CellValue]]
    title: str | None = None
    sheet: str | None = None  # the workbook sheet's name (default: the title, else "Table N")

    def __post_init__(self) -> None:
        if not self.columns:
            raise ValueError("a table needs at least one column")
        width = len(self.columns)
        for number, row in enumerate(self.rows, start=1):
            if len(row) != width:
                raise ValueError(f"row {number} has {len(row)} cells, the table {width} columns")

    @property
    def headings(self) -> list[Column]:
        return [c if isinstance(c, Column) else Column(c) for c in self.columns]


Block = Heading | Paragraph | KeyValues | Table


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Document:
    """A document in one language, with its handling code on every page.

    ``lines`` are the subtitle and metadata lines under the title (a meeting's name, a case's
    reference); ``agency`` is the issuing agency as its reader should see it; ``handling`` is the
    record's handling code (H0–H3), printed in the header and footer of every page, and
    ``handling_note`` the restrictions written out (H3) or the code's meaning, printed under the
    title. ``generated_at`` (aware) is stamped on every page in ``timezone``.
    """

    title: str
    lang: Lang
    agency: str
    handling: str
    blocks: list[Block] = field(default_factory=list)
    lines: Sequence[str] = ()
    date: date | None = None
    handling_note: str | None = None
    generated_at: datetime = field(default_factory=_now)
    timezone: str = "Asia/Bangkok"
    landscape: bool = False
    #: Laid out as the language's official documents are: Thai in a TH Sarabun-class face at
    #: 16 pt with 3 cm / 2 cm side margins; Chinese after GB/T 9704-2012 (37 mm top, 28 mm
    #: left, a 156 x 225 mm text block, 16 pt Song body, 22 pt title, page numbers "— N —").
    #: English has no such convention and keeps the ordinary layout.
    official: bool = False

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {self.lang!r}")
        if self.handling not in HANDLING_CODES:
            raise ValueError(f"handling code must be one of {', '.join(HANDLING_CODES)}")
        if self.generated_at.tzinfo is None:
            raise ValueError("generated_at must carry its time zone")

    def add(self, *blocks: Block) -> Document:
        """Append blocks; returns the document so that calls can be chained."""
        self.blocks.extend(blocks)
        return self
