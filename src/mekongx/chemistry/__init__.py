"""Precursor-chemical register and declaration screening (pure library).

Typical use::

    from mekongx.chemistry import Screener, screen_file, write_report
    report = screen_file(Path("declarations.csv"))
    write_report(report.results, Path("hits.csv"), lang="th")

Imports only the standard library, rapidfuzz, PyYAML, (for .xlsx) openpyxl and the bounded
table reader `mekongx.tabular`.
"""

from mekongx.chemistry.cas import cas_check_digit, find_cas_numbers, is_valid_cas, repair_cas
from mekongx.chemistry.declarations import (
    COLUMNS,
    DeclarationFileError,
    DeclarationLine,
    RowIssue,
    load_mapping,
    read_declarations,
)
from mekongx.chemistry.matcher import Evidence, LineMatch, Matcher, SubstanceMatch
from mekongx.chemistry.messages import LANGUAGES, MESSAGES, render
from mekongx.chemistry.register import Register, RegisterError, Substance
from mekongx.chemistry.register_files import load_register
from mekongx.chemistry.risk import (
    DEFAULT_WEIGHTS,
    PenRecord,
    Reason,
    RiskContext,
)
from mekongx.chemistry.risk_files import load_known_consignees, load_pen_records
from mekongx.chemistry.screen import (
    REPORT_COLUMNS,
    Screener,
    ScreenReport,
    ScreenResult,
    screen_file,
    write_report,
)
from mekongx.chemistry.wording import column_label, reason_text, substance_label

__all__ = [
    "COLUMNS",
    "DEFAULT_WEIGHTS",
    "LANGUAGES",
    "MESSAGES",
    "REPORT_COLUMNS",
    "DeclarationFileError",
    "DeclarationLine",
    "Evidence",
    "LineMatch",
    "Matcher",
    "PenRecord",
    "Reason",
    "Register",
    "RegisterError",
    "RiskContext",
    "RowIssue",
    "ScreenReport",
    "ScreenResult",
    "Screener",
    "Substance",
    "SubstanceMatch",
    "cas_check_digit",
    "column_label",
    "find_cas_numbers",
    "is_valid_cas",
    "load_known_consignees",
    "load_mapping",
    "load_pen_records",
    "load_register",
    "read_declarations",
    "reason_text",
    "render",
    "repair_cas",
    "screen_file",
    "substance_label",
    "write_report",
]
