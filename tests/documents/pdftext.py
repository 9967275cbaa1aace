"""Reading back what a generated PDF says, glyph by glyph (test helper).

fpdf2 writes Type0 fonts with two-byte codes: each code's characters are in the font's
ToUnicode CMap and its glyph in the CIDToGIDMap (TrueType outlines), or
through the font's /Encoding CMap (code -> CID) and the CFF charset (CFF outlines). ``page_texts`` decodes every string shown
with Tj/TJ through the ToUnicode map (so Thai and Chinese can be compared with what went in);
``glyph_problems`` lists codes drawn with glyph 0 (.notdef) or with no glyph at all.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from fontTools.cffLib import CFFFontSet
from pypdf import PdfReader

_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")


@dataclass
class Font:
    name: str
    to_unicode: dict[int, str] = field(default_factory=dict)
    cid_to_gid: bytes = b""  # TrueType outlines (CIDFontType2): two bytes per CID
    cff_cids: dict[int, int] = field(default_factory=dict)  # CFF outlines: CID -> glyph
    code_to_cid: dict[int, int] = field(default_factory=dict)  # an embedded /Encoding CMap

    def gid(self, code: int) -> int | None:
        if self.cff_cids:
            return self.cff_cids.get(self.code_to_cid.get(code, code))
        if 2 * code + 1 >= len(self.cid_to_gid):
            return None
        return int.from_bytes(self.cid_to_gid[2 * code : 2 * code + 2], "big")


def _font(obj: object) -> Font:
    font = obj.get_object()  # type: ignore[attr-defined]
    result = Font(str(font.get("/BaseFont")))
    if "/ToUnicode" in font:
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
            for code, target in _BFCHAR.findall(block):
                result.to_unicode[int(code, 16)] = bytes.fromhex(target).decode("utf-16-be")
    encoding = font.get("/Encoding")
    if encoding is not None and not isinstance(encoding.get_object(), str):
        cmap = encoding.get_object().get_data().decode("latin-1")
        for block in re.findall(r"begincidchar(.*?)endcidchar", cmap, re.S):
            for code, cid in re.findall(r"<([0-9A-Fa-f]+)>\s*(\d+)", block):
                result.code_to_cid[int(code, 16)] = int(cid)
    descendant = font["/DescendantFonts"][0].get_object()
    mapping = descendant.get("/CIDToGIDMap")
    if mapping is not None and not isinstance(mapping.get_object(), str):
        result.cid_to_gid = mapping.get_object().get_data()
    program = descendant["/FontDescriptor"].get_object().get("/FontFile3")
    if program is not None:  # a CID-keyed CFF font: its charset names each glyph's CID
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(program.get_object().get_data()), None)
        charset = cff[cff.fontNames[0]].charset
        for gid, name in enumerate(charset):
            if name.startswith("cid"):
                result.cff_cids[int(name[3:])] = gid
    return result


_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
_DELIMITERS = b"()<>[]/% \t\r\n"


def _literal(data: bytes, i: int) -> tuple[bytes, int]:
    """The literal string starting after "(" at ``i``; returns it and the index after ")"."""
    out, depth = bytearray(), 1
    while True:
        c = data[i]
        if c == ord("\\"):
            n = data[i + 1]
            if n in _ESCAPES:
                out.append(_ESCAPES[n])
                i += 2
            elif ord("0") <= n <= ord("7"):
                j = i + 1
                while j < i + 4 and ord("0") <= data[j] <= ord("7"):
                    j += 1
                out.append(int(data[i + 1 : j], 8) & 0xFF)
                i = j
            elif n in b"\r\n":
                i += 2
            else:
                out.append(n)
                i += 2
            continue
        if c == ord("("):
            depth += 1
        elif c == ord(")"):
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1


def _tokens(data: bytes):  # type: ignore[no-untyped-def]
    """(kind, value) of a content stream: str, name, op; numbers and arrays' brackets dropped."""
    i = 0
    while i < len(data):
        c = data[i]
        if c in b" \t\r\n[]":
            i += 1
        elif c == ord("("):
            value, i = _literal(data, i + 1)
            yield "str", value
        elif c == ord("<") and data[i + 1] != ord("<"):
            j = data.index(b">", i)
            yield "str", bytes.fromhex(data[i + 1 : j].decode())
            i = j + 1
        elif c == ord("/"):
            j = i + 1
            while j < len(data) and data[j] not in _DELIMITERS:
                j += 1
            yield "name", data[i:j].decode()
            i = j
        else:
            j = i
            while j < len(data) and data[j] not in _DELIMITERS:
                j += 1
            word = data[i:j] or data[i : i + 1]
            i = max(j, i + 1)
            if not re.fullmatch(rb"[-+.0-9]+", word):
                yield "op", word.decode("latin-1")


def _walk(data: bytes):  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        fonts = {str(k): _font(v) for k, v in page["/Resources"]["/Font"].items()}
        shown: list[tuple[Font, int]] = []
        current: Font | None = None
        saved: list[Font | None] = []  # the font is part of the graphics state (q/Q)
        last_name = ""
        strings: list[bytes] = []
        for kind, value in _tokens(page.get_contents().get_data()):
            if kind == "name":
                last_name = value
            elif kind == "str":
                strings.append(value)
            elif kind == "op":
                if value == "q":
                    saved.append(current)
                elif value == "Q":
                    current = saved.pop()
                elif value == "Tf":
                    current = fonts[last_name]
                elif value in ("Tj", "TJ") and current is not None:
                    for raw in strings:
                        for k in range(0, len(raw) - 1, 2):
                            shown.append((current, int.from_bytes(raw[k : k + 2], "big")))
                strings = []
        yield shown


def page_texts(data: bytes) -> list[str]:
    """Each page's text: glyphs in drawing order, each as the characters it stands for."""
    return ["".join(f.to_unicode.get(code, "") for f, code in shown) for shown in _walk(data)]


def glyph_problems(data: bytes) -> list[str]:
    problems = []
    for number, shown in enumerate(_walk(data), start=1):
        for font, code in shown:
            gid = font.gid(code)
            if gid is None or gid == 0:
                text = font.to_unicode.get(code, "?")
                problems.append(f"page {number}: {font.name} code {code} {text!r} -> glyph {gid}")
    return problems


def text_by_font(data: bytes) -> dict[str, str]:
    """The text each embedded font drew, over all pages (the font's base name, subset tag off)."""
    drawn: dict[str, str] = {}
    for shown in _walk(data):
        for font, code in shown:
            name = font.name.split("+")[-1]
            drawn[name] = drawn.get(name, "") + font.to_unicode.get(code, "")
    return drawn
