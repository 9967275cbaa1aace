"""A ``Document`` as a Word file (Office Open XML, ECMA-376), written with the standard library.

The same blocks as the PDF: title and lines, the handling code in the page header and footer
with the generated-at stamp, headings, paragraphs, key-value blocks and tables. Word shapes the
text itself; the file names the faces a reader's machine should use. Thai follows the official
letter convention of a TH Sarabun-class face at 16 pt (Laksaman from Debian's fonts-thai-tlwg is
metrically compatible; Word substitutes TH Sarabun New where it is installed and named so);
Chinese uses Noto Serif CJK SC at 16 pt (三号), as near GB/T 9704's 仿宋 as free fonts allow;
English Noto Serif at 11 pt. Fonts are not embedded in the DOCX (Word embeds only on request
and only fonts that allow it); the PDF carries them.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from mekongx.documents import format as fmt
from mekongx.documents.model import Document, Heading, KeyValues, Paragraph, Table

__all__ = ["to_docx"]

_FACES = {
    "th": (
        "Laksaman",
        "Noto Serif CJK SC",
        "Laksaman",
        32,
    ),  # ascii/hAnsi, eastAsia, cs, half-points
    "zh": ("Noto Serif", "Noto Serif CJK SC", "Laksaman", 32),
    "en": ("Noto Serif", "Noto Serif CJK SC", "Laksaman", 22),
    # Word draws Lao, Burmese and Khmer with the complex-script (cs) face
    "lo": ("Noto Serif", "Noto Serif CJK SC", "Noto Sans Lao", 24),
    "my": ("Noto Serif", "Noto Serif CJK SC", "Noto Sans Myanmar", 22),
    "km": ("Noto Serif", "Noto Serif CJK SC", "Noto Sans Khmer", 22),
    "vi": ("Noto Serif", "Noto Serif CJK SC", "Laksaman", 22),
}
_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_COMPLEX_TAG = {"lo": "lo-LA", "my": "my-MM", "km": "km-KH"}  # w:bidi: the complex-script language
_LANG_TAGS = fmt.LANG_TAGS


def _run(text: str, *, bold: bool = False, size: int | None = None) -> str:
    props = ("<w:b/><w:bCs/>" if bold else "") + (
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else ""
    )
    parts = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in parts)
    return f"<w:r><w:rPr>{props}</w:rPr>{body}</w:r>"


def _para(
    text: str, *, bold: bool = False, size: int | None = None, style: str | None = None
) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{_run(text, bold=bold, size=size)}</w:p>"


def _table(headings: list[str], widths: list[float], rows: list[list[str]]) -> str:
    total = sum(widths) or 1.0
    twips = [int(9000 * w / total) for w in widths]
    grid = "".join(f'<w:gridCol w:w="{t}"/>' for t in twips)

    def row(cells: list[str], header: bool) -> str:
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        shading = '<w:shd w:val="clear" w:color="auto" w:fill="E1E5EB"/>' if header else ""
        return (
            f"<w:tr>{trpr}"
            + "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{t}" w:type="dxa"/>{shading}</w:tcPr>{_para(c, bold=header)}</w:tc>'
                for c, t in zip(cells, twips, strict=True)
            )
            + "</w:tr>"
        )

    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{row(headings, True)}{''.join(row(r, False) for r in rows)}</w:tbl>"
    )


def _body(doc: Document) -> str:
    parts = [_para(doc.title, style="Title")]
    parts += [_para(line) for line in doc.lines]
    parts.append(_para(fmt.label(fmt.HANDLING, doc.lang, code=doc.handling), bold=True))
    if doc.handling_note:
        parts.append(_para(doc.handling_note))
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(_para(block.text, style=f"Heading{block.level}"))
        elif isinstance(block, Paragraph):
            parts.append(_para(block.text))
        elif isinstance(block, KeyValues):
            if block.title:
                parts.append(_para(block.title, style="Heading3"))
            rows = [
                [label, fmt.cell_text(value, doc.lang, doc.timezone)]
                for label, value in block.items
            ]
            parts.append(_table(["", ""], [1.0, 2.0], rows) if rows else "")
        elif isinstance(block, Table):
            if block.title:
                parts.append(_para(block.title, style="Heading3"))
            heads = block.headings
            rows = [[fmt.cell_text(v, doc.lang, doc.timezone) for v in r] for r in block.rows]
            parts.append(_table([h.label for h in heads], [h.width for h in heads], rows))
            parts.append(_para(""))
    width, height = (16838, 11906) if doc.landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if doc.landscape else ""
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/>'
        f'<w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
        f"{_MARGINS_GBT9704 if doc.official and doc.lang == 'zh' else _MARGINS}"
        "</w:sectPr>"
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{"".join(parts)}{section}</w:body></w:document>'


# Twips. Left 3 cm, right 2 cm (Thai official letters), top 2.5 cm, bottom 2 cm; an official
# Chinese document follows GB/T 9704-2012 §5.2: 37 mm top, 28 mm left, a 156 x 225 mm text block.
_MARGINS = '<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>'
_MARGINS_GBT9704 = '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'


def _styles(doc: Document) -> str:
    ascii_face, east, cs, size = _FACES[doc.lang]
    lang = _LANG_TAGS[doc.lang]
    fonts = (
        f'<w:rFonts w:ascii="{ascii_face}" w:hAnsi="{ascii_face}" w:eastAsia="{east}" w:cs="{cs}"/>'
    )

    def style(style_id: str, name: str, grow: int, bold: bool) -> str:
        b = "<w:b/><w:bCs/>" if bold else ""
        return (
            f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
            f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
            f'<w:rPr>{b}<w:sz w:val="{size + grow}"/><w:szCs w:val="{size + grow}"/></w:rPr></w:style>'
        )

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_NS}>'
        f'<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        f'<w:lang w:val="{lang}" w:eastAsia="zh-CN" w:bidi="{_COMPLEX_TAG.get(doc.lang, "th-TH")}"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        + style("Title", "Title", 8, True)
        + style("Heading1", "heading 1", 6, True)
        + style("Heading2", "heading 2", 4, True)
        + style("Heading3", "heading 3", 2, True)
        + "</w:styles>"
    )


def _header_footer(doc: Document) -> tuple[str, str]:
    small = max(_FACES[doc.lang][3] - 8, 16)
    handling = fmt.label(fmt.HANDLING, doc.lang, code=doc.handling)
    generated = fmt.generated_stamp(doc.generated_at, doc.lang, doc.timezone)
    header = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {_NS}>'
        f"{_para(f'{doc.agency} · {doc.handling}', size=small)}</w:hdr>"
    )
    footer = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {_NS}>'
        f"{_para(f'{handling} · {generated}', size=small)}</w:ftr>"
    )
    return header, footer


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
    '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    "</Relationships>"
)


def _core(doc: Document) -> str:
    created = doc.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(doc.title)}</dc:title><dc:creator>{escape(doc.agency)}</dc:creator>"
        f"<dc:language>{_LANG_TAGS[doc.lang]}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>'
    )


def to_docx(doc: Document) -> bytes:
    """The document as DOCX bytes (deterministic for a given ``generated_at``)."""
    header, footer = _header_footer(doc)
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "docProps/core.xml": _core(doc),
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/document.xml": _body(doc),
        "word/styles.xml": _styles(doc),
        "word/header1.xml": header,
        "word/footer1.xml": footer,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=doc.generated_at.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            book.writestr(info, text.encode("utf-8"))
    return out.getvalue()
