"""Bounded reading of uploaded tables and safe writing of exported ones (a pure library).

``open_table`` reads a CSV or Excel file within ``Limits`` (size, unpacked size, compression
ratio, rows, columns, time) and refuses hostile workbooks (DOCTYPE/entities, absurd declared
dimensions, zip bombs) before parsing them. ``safe_cell`` neutralises spreadsheet formulas in
every CSV or workbook the node writes (web, API and command line alike).

Imports only the standard library and (for .xlsx) openpyxl.
"""

from mekongx.tabular.cells import safe_cell, safe_row
from mekongx.tabular.messages import LANGUAGES, MESSAGES, render
from mekongx.tabular.reader import Kind, Limits, Table, TableError, guess_delimiter, open_table

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "Kind",
    "Limits",
    "Table",
    "TableError",
    "guess_delimiter",
    "open_table",
    "render",
    "safe_cell",
    "safe_row",
]
