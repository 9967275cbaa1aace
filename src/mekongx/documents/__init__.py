"""Generated documents: one model, rendered as PDF (Thai, Chinese, English), DOCX or xlsx.

An area builds a ``Document`` (title, agency, handling code, blocks: ``Heading``, ``Paragraph``,
``KeyValues``, ``Table`` of typed cells) in the reader's language and calls ``to_pdf`` or
``to_docx`` or ``to_xlsx``; it never writes PDF or workbook code of its own. A pure library: it imports no node
code, only the interface languages (``mekongx.i18n``) and the formula-safe cells of
``mekongx.tabular``. Fonts are vendored in ``fonts/`` (see its README).
"""

from mekongx.documents.docx import to_docx
from mekongx.documents.model import (
    HANDLING_CODES,
    LANGUAGES,
    Block,
    CellValue,
    Column,
    DateCell,
    Document,
    Heading,
    KeyValues,
    Lang,
    Money,
    Number,
    Paragraph,
    Table,
    Text,
)
from mekongx.documents.pdf import to_pdf
from mekongx.documents.xlsx import to_xlsx

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
    "to_docx",
    "to_pdf",
    "to_xlsx",
]
