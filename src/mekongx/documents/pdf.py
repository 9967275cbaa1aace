"""A ``Document`` as a PDF (A4, fonts embedded as subsets, text shaped by HarfBuzz).

fpdf2 lays the text out; uharfbuzz shapes every run, so Thai vowels and tone marks stack and
sit where a Thai reader expects them; each run is drawn in the first vendored face that has
its characters (``fonts.faces_for``). Every page carries the issuing agency and the handling
code at the top and the handling code, the generated-at stamp and "page N of M" at the foot;
the foot is drawn once the page count is known. The text layer maps every glyph back to its
characters (ToUnicode), so the PDF can be searched and its text copied.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, PDFResourceType, XPos, YPos
from fpdf.fonts import TTFFont

from mekongx.documents import format as fmt
from mekongx.documents.fonts import covered, faces_for, font_file, needs_shaping, widest
from mekongx.documents.model import Document, Heading, KeyValues, Paragraph, Table

__all__ = ["to_pdf"]


log = logging.getLogger(__name__)

_GREY = (90, 90, 90)
_RULE = (160, 160, 160)
_HEAD_FILL = (225, 229, 235)
_ROW_FILL = (246, 247, 249)
_REPLACEMENT = "\ufffd"
_MM_PER_PT = 25.4 / 72


@dataclass(frozen=True, slots=True)
class _Layout:
    """Page margins (mm, edges of the text block), type sizes (pt) and line pitches (mm)."""

    left: float = 15.0
    right: float = 15.0
    top: float = 20.0  # below the running header
    bottom: float = 18.0  # above the running foot
    body: float = 10.0
    line: float = 5.0  # one body line
    small: float = 8.0  # running header and foot
    table: float = 8.5
    title: float = 16.0
    heading: tuple[float, float, float] = (14.0, 12.0, 10.5)  # levels 1-3
    heading_face: str | None = None  # level-1 headings in another face (GB/T 9704: 黑体)
    centred_title: bool = False
    indent: float = 0.0  # first line of a paragraph
    page_dashes: bool = False  # "— N —" under the text block, odd pages right, even left


_PLAIN = _Layout()
_OFFICIAL = {
    # Thai: TH Sarabun-class face at 16 pt (Cabinet resolution of 7 September 2010), left
    # margin 3 cm and right 2 cm, single line spacing, paragraphs indented 2.5 cm (the Office of
    # the Prime Minister's guidance on typing official letters, as reproduced by agencies).
    "th": _Layout(left=30.0, right=20.0, top=25.0, bottom=20.0, body=16.0, line=7.5, small=12.0,
                  table=14.0, title=18.0, heading=(16.0, 16.0, 16.0), centred_title=True,
                  indent=25.0),
    # Chinese: GB/T 9704-2012 §5.2 (37 mm top, 28 mm left, text block 156 x 225 mm: right
    # 26 mm, bottom 35 mm; 22 lines of 16 pt text), title 22 pt (二号), level-1 headings in a
    # 黑体 (here Noto Sans SC), paragraphs indented two characters, page numbers in 14 pt
    # (四号) with a dash each side, 7 mm under the text block (§7.5).
    "zh": _Layout(left=28.0, right=26.0, top=37.0, bottom=35.0, body=16.0, line=225.0 / 22,
                  small=10.5, table=12.0, title=22.0, heading=(16.0, 16.0, 16.0),
                  heading_face="noto-sans-sc", centred_title=True, indent=2 * 16.0 * _MM_PER_PT,
                  page_dashes=True),
}  # fmt: skip


def _layout(doc: Document) -> _Layout:
    return _OFFICIAL.get(doc.lang, _PLAIN) if doc.official else _PLAIN


@cache
def _drawable_char(char: str) -> str:
    if char in "\n":
        return char
    if char == "\t":
        return " "
    if unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
        return ""
    if unicodedata.category(char) == "Cf":  # joiners and marks of direction: no glyph needed
        return char if covered(char) else ""
    return char if covered(char) else _REPLACEMENT


def _drawable(text: str, missing: set[str]) -> str:
    """``text`` with characters no vendored face can draw replaced by U+FFFD (and noted)."""
    out = []
    for char in text:
        drawn = _drawable_char(char)
        if drawn == _REPLACEMENT:
            missing.add(char)
        out.append(drawn)
    return "".join(out)


def _starts_cluster(char: str) -> bool:
    """False for a character that belongs to the one before it (a mark, Thai/Lao sara am)."""
    return not (
        unicodedata.category(char) in {"Mn", "Mc", "Me"}
        or char in "\u0e33\u0eb3"
        or "\u200c" <= char <= "\u200d"
    )


#: Chinese punctuation that never starts a line (GB/T 15834 and common CJK line-breaking rules).
_NO_LINE_START = frozenset("。，、；：？！）》」』】〉〕］｝”’…—·%‰.,;:?!)]}")


def _keep_clusters(lines: list[str]) -> list[str]:
    """Lines broken inside a word (Thai has no spaces between words) are moved so that no line
    starts with a vowel sign or tone mark: the previous line's last cluster comes along. A line
    that would start with closing punctuation (，。）) takes the previous line's last character
    with it."""
    for i in range(1, len(lines)):
        line = lines[i]
        if line and line[0] in _NO_LINE_START and len(lines[i - 1]) > 1:
            before = lines[i - 1]
            if before[-1] not in _NO_LINE_START and not before[-1].isspace():
                lines[i - 1], lines[i] = before[:-1], before[-1] + line
            continue
        if not line or _starts_cluster(line[0]):
            continue
        before = lines[i - 1]
        cut = len(before)
        while cut > 0 and not _starts_cluster(before[cut - 1]):
            cut -= 1
        cut -= 1  # the cluster's base
        if cut <= 0:  # one cluster on the line: keep the marks with it instead
            lead = 0
            while lead < len(line) and not _starts_cluster(line[lead]):
                lead += 1
            lines[i - 1], lines[i] = before + line[:lead], line[lead:]
        else:
            lines[i - 1], lines[i] = before[:cut], before[cut:] + line
    return [line for line in lines if line]


class _Pdf(FPDF):
    def __init__(self, doc: Document) -> None:
        super().__init__(orientation="L" if doc.landscape else "P", unit="mm", format="A4")
        self.doc = doc
        self.layout = layout = _layout(doc)
        self.official = layout is not _PLAIN
        self.missing: set[str] = set()
        faces = faces_for(doc.lang, official=self.official)
        for face in faces:
            self.add_font(face.family, "", font_file(face.regular))
            self.add_font(face.family, "B", font_file(face.bold or face.regular))
        self.family = faces[0].family
        self.set_fallback_fonts([f.family for f in faces[1:]], exact_match=False)
        self.set_text_shaping(use_shaping_engine=True)
        self.set_margins(layout.left, layout.top, layout.right)
        self.set_auto_page_break(True, margin=layout.bottom)
        self.set_title(self.drawable(doc.title))
        self.set_author(self.drawable(doc.agency))
        self.set_lang(fmt.LANG_TAGS[doc.lang])
        self.set_creator("MekongX")
        self.set_creation_date(doc.generated_at)

    def drop_unused_fonts(self) -> None:
        """Forget the faces no page draws with: fpdf2 subsets and embeds every face added, and
        subsetting the unused ones (every language's faces are added as fallbacks) was most of
        the time of a one-page document (a certificate: 0.45 CPU s)."""
        catalog = self._resource_catalog
        used = {
            str(font)  # a face's index (fpdf2 keeps font resources by their ``i``)
            for (_page, kind), fonts in catalog.resources_per_page.items()
            if kind == PDFResourceType.FONT
            for font in fonts
        }
        for key in [k for k, font in self.fonts.items() if str(font.i) not in used]:
            font = self.fonts.pop(key)
            if isinstance(font, TTFFont):
                font.close()  # fpdf2 closes the file of each face it embeds, not of the others

    def drawable(self, value: str) -> str:
        """``value`` as it can be drawn, with the shaping it needs switched on (or off)."""
        text = _drawable(value, self.missing)
        self.shape(text)
        return text

    def shape(self, text: str) -> None:
        """Shape ``text`` with HarfBuzz only if its script needs it (see fonts.needs_shaping)."""
        wanted = needs_shaping(text)
        if wanted != bool(self.text_shaping):
            self.set_text_shaping(use_shaping_engine=wanted)

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines that fit ``width`` (current font), never before a mark."""
        if "\n" not in text:
            if widest(text, self.official) * self.font_size_pt * _MM_PER_PT * 1.05 <= width:
                return [text]  # fits whatever the shaping: not measured
            self.shape(text)
            if self.get_string_width(text) <= width:
                return [text]
        self.shape(text)
        lines = self.multi_cell(
            width, 1, text, dry_run=True, output=MethodReturnValue.LINES, padding=0
        )
        assert isinstance(lines, list)
        return _keep_clusters([str(line) for line in lines]) or [""]

    def text_block(
        self,
        text: str,
        size: float,
        line: float,
        bold: bool = False,
        *,
        indent: float = 0.0,
        centre: bool = False,
        face: str | None = None,
    ) -> None:
        """Wrapped lines across the text width, continued on the next page when full; the first
        line ``indent`` mm in."""
        self.use(size, bold, face)
        text = self.drawable(text)
        lines = self.wrap(text, self.epw - indent) if indent else self.wrap(text, self.epw)
        if indent and len(lines) > 1:
            first = lines[0]
            rest = text[len(first) :] if text.startswith(first) else " ".join(lines[1:])
            lines = [first, *self.wrap(rest.lstrip(" "), self.epw)]
        for number, part in enumerate(lines):
            if self.get_y() + line > self.page_break_trigger:
                self.add_page()
                self.use(size, bold, face)
            self.shape(part)
            inset = indent if number == 0 else 0.0
            self.set_x(self.l_margin + inset)
            self.cell(self.epw - inset, line, part, align="C" if centre else "L",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip

    def use(self, size: float, bold: bool = False, face: str | None = None) -> None:
        self.set_font(face or self.family, "B" if bold else "", size)
        # fpdf2 writes the font lazily and believes it written after a dry run (line breaking)
        # or on a page drawn earlier (the foot): state it again before every run of text.
        self.current_font_is_set_on_page = False

    def header(self) -> None:
        doc, layout = self.doc, self.layout
        self.set_text_color(*_GREY)
        self.use(layout.small)
        self.set_xy(layout.left, 8)
        width = self.epw - 30
        self.cell(width, 5, self.drawable(doc.agency), align="L")
        self.use(layout.small + 1, bold=True)
        self.set_text_color(0, 0, 0)
        self.set_xy(self.w - layout.right - 30, 8)
        self.cell(30, 5, self.drawable(doc.handling), align="R")
        self.set_draw_color(*_RULE)
        self.line(layout.left, 14, self.w - layout.right, 14)
        self.set_xy(layout.left, layout.top)

    def footer(self) -> None:  # drawn by _feet() once the page count is known
        return

    def feet(self) -> None:
        doc, layout = self.doc, self.layout
        pages = self.pages_count
        when = fmt.cell_text(doc.generated_at, doc.lang, doc.timezone)
        stamp = fmt.label(fmt.GENERATED, doc.lang, when=when)
        # the Gregorian date under a Buddhist-Era or native-digit stamp (one line has no room)
        gregorian = fmt.gregorian_stamp(doc.generated_at, doc.lang, doc.timezone)
        handling = fmt.label(fmt.HANDLING, doc.lang, code=doc.handling)
        self.set_auto_page_break(False)
        for number in range(1, pages + 1):
            self.page = number
            y = self.h - 13
            if layout.page_dashes:  # GB/T 9704 §7.5: 7 mm under the text block, one char in
                self.set_text_color(0, 0, 0)
                self.use(14.0)
                self.set_xy(layout.left, self.h - layout.bottom + 7)
                inset = layout.body * _MM_PER_PT
                self.set_x(layout.left + (0 if number % 2 else inset))
                self.cell(self.epw - inset, 6, f"— {number} —", align="R" if number % 2 else "L")
            self.set_draw_color(*_RULE)
            self.line(layout.left, y - 1, self.w - layout.right, y - 1)
            self.set_text_color(*_GREY)
            self.use(layout.small, bold=True)
            self.set_xy(layout.left, y)
            self.cell(self.epw / 3, 5, self.drawable(handling), align="L")
            self.use(layout.small)
            self.cell(self.epw / 3, 5, self.drawable(stamp), align="C")
            page = fmt.label(fmt.PAGE_OF, doc.lang, page=fmt.digits(number, doc.lang),
                             pages=fmt.digits(pages, doc.lang))  # fmt: skip
            self.cell(self.epw / 3, 5, self.drawable(page), align="R")
            if gregorian is not None:
                self.use(layout.small - 1.5)
                self.set_xy(layout.left + self.epw / 3, y + 2.5 + layout.small * 0.2)
                self.cell(self.epw / 3, 4, gregorian, align="C")
        self.set_text_color(0, 0, 0)


def _title(pdf: _Pdf, doc: Document) -> None:
    layout = pdf.layout
    centre = layout.centred_title
    pdf.text_block(doc.title, layout.title, layout.title * 0.5, bold=True, centre=centre)
    if centre:
        pdf.ln(layout.line / 2)
    lines = list(doc.lines)
    if doc.date is not None:
        lines.append(fmt.cell_text(doc.date, doc.lang))
    for line in lines:
        pdf.text_block(line, layout.body, layout.line, centre=centre)
    handling = fmt.label(fmt.HANDLING, doc.lang, code=doc.handling)
    if doc.handling_note:
        handling = f"{handling}: {doc.handling_note}"
    pdf.text_block(handling, layout.body, layout.line, bold=True, centre=centre)
    pdf.ln(3)


def _heading(pdf: _Pdf, block: Heading) -> None:
    layout = pdf.layout
    size = layout.heading[block.level - 1]
    line = max(size * 0.5, layout.line if layout is not _PLAIN else 0.0)
    pdf.ln(2)
    if pdf.get_y() + 3 * line > pdf.page_break_trigger:
        pdf.add_page()  # a heading is not left alone at the foot of a page
    face = layout.heading_face if block.level == 1 else None
    pdf.text_block(block.text, size, line, bold=face is None, face=face)
    pdf.ln(1)


def _paragraph(pdf: _Pdf, block: Paragraph) -> None:
    layout = pdf.layout
    pdf.text_block(block.text, layout.body, layout.line, indent=layout.indent)
    pdf.ln(2)


@dataclass(slots=True)
class _Cell:
    text: str
    bold: bool = False
    right: bool = False


class _Grid:
    """Rows of wrapped cells; a row that reaches the foot continues on the next page under the
    repeated heading row. Cells that fit on one line (most) are measured once and drawn with
    ``cell``; only longer ones go through fpdf2's line breaking."""

    def __init__(
        self, pdf: _Pdf, weights: Sequence[float], size: float, ruled: bool, head: list[_Cell]
    ) -> None:
        total = sum(weights)
        self.pdf = pdf
        self.widths = [pdf.epw * w / total for w in weights]
        self.size = size
        self.line = size * 0.45  # mm per line
        self.pad = 0.9 if ruled else 0.5
        self.ruled = ruled
        self.head = head
        self.striped = 0

    def _lines(self, cell: _Cell, width: float) -> list[str]:
        if not cell.text:
            return [""]
        self.pdf.use(self.size, bold=cell.bold)
        return self.pdf.wrap(cell.text, width - 2 * self.pad - 0.2)

    def heading(self) -> None:
        if self.head:
            self.row(self.head, fill=_HEAD_FILL, repeat=False)

    def row(
        self, cells: Sequence[_Cell], fill: tuple[int, int, int] | None = None, repeat: bool = True
    ) -> None:
        pdf = self.pdf
        wrapped = [self._lines(c, w) for c, w in zip(cells, self.widths, strict=True)]
        if fill is None and self.ruled:
            self.striped += 1
            fill = _ROW_FILL if self.striped % 2 == 0 else None
        total = max(len(lines) for lines in wrapped)
        done = 0
        while done < total:
            room = int((pdf.page_break_trigger - pdf.get_y() - 2 * self.pad) // self.line)
            if room < min(total - done, 2) and pdf.get_y() > pdf.t_margin + 1:
                pdf.add_page()
                if repeat:
                    self.heading()
                continue
            take = max(1, min(room, total - done))
            self._draw(cells, wrapped, done, take, fill)
            done += take

    def _draw(
        self,
        cells: Sequence[_Cell],
        wrapped: list[list[str]],
        first: int,
        count: int,
        fill: tuple[int, int, int] | None,
    ) -> None:
        pdf = self.pdf
        top = pdf.get_y()
        height = count * self.line + 2 * self.pad
        x = pdf.l_margin
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.1)
        for cell, lines, width in zip(cells, wrapped, self.widths, strict=True):
            if fill is not None:
                pdf.set_fill_color(*fill)
                pdf.rect(x, top, width, height, style="F")
            if self.ruled:
                pdf.rect(x, top, width, height, style="D")
            pdf.use(self.size, bold=cell.bold)
            for index, line in enumerate(lines[first : first + count]):
                pdf.shape(line)
                pdf.set_xy(x + self.pad, top + self.pad + index * self.line)
                pdf.cell(width - 2 * self.pad, self.line, line, align="R" if cell.right else "L")
            x += width
        pdf.set_xy(pdf.l_margin, top + height)


def _key_values(pdf: _Pdf, block: KeyValues, doc: Document) -> None:
    if block.title:
        _heading(pdf, Heading(block.title, 3))
    grid = _Grid(pdf, (1, 2), pdf.layout.body, ruled=False, head=[])
    for key, value in block.items:
        text = fmt.cell_text(value, doc.lang, doc.timezone)
        grid.row([_Cell(pdf.drawable(key), bold=True), _Cell(pdf.drawable(text))])
    pdf.ln(2)


def _table(pdf: _Pdf, block: Table, doc: Document) -> None:
    if block.title:
        _heading(pdf, Heading(block.title, 3))
    columns = block.headings
    head = [_Cell(pdf.drawable(c.label), bold=True) for c in columns]
    grid = _Grid(pdf, [c.width for c in columns], pdf.layout.table, ruled=True, head=head)
    grid.heading()
    for values in block.rows:
        cells = []
        for value in values:
            cell = fmt.normalise(value)
            text = pdf.drawable(fmt.cell_text(cell, doc.lang, doc.timezone))
            cells.append(_Cell(text, right=fmt.cell_kind(cell) in {"number", "money"}))
        grid.row(cells)
    pdf.ln(3)


def to_pdf(doc: Document) -> bytes:
    """Render ``doc`` as PDF bytes."""
    pdf = _Pdf(doc)
    pdf.add_page()
    _title(pdf, doc)
    for block in doc.blocks:
        if isinstance(block, Heading):
            _heading(pdf, block)
        elif isinstance(block, Paragraph):
            _paragraph(pdf, block)
        elif isinstance(block, KeyValues):
            _key_values(pdf, block, doc)
        elif isinstance(block, Table):
            _table(pdf, block, doc)
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(f"not a document block: {block!r}")
    pdf.feet()
    if pdf.missing:
        log.warning(
            "document %r: no vendored font draws %s; shown as U+FFFD",
            doc.title,
            " ".join(f"U+{ord(c):04X}" for c in sorted(pdf.missing)),
        )
    pdf.drop_unused_fonts()
    return bytes(pdf.output())
