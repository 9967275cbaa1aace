"""Non-CSV inputs turned into a plain CSV the loader reads: xlsx (streamed) and goAML XML.

Both keep the row (xlsx) or line (goAML) each transaction came from, so that a rejected row is
reported where the user can find it. Neither holds the whole file in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.parsers.expat
from pathlib import Path
from typing import Any, TextIO

from mekongx.moneyflow.errors import MoneyflowError
from mekongx.moneyflow.model import CASH_PREFIX

ROW_COLUMN = "__row"
MAX_COLUMNS = 200

#: goAML funds codes that mean cash. The lookup is each FIU's own; these are the common ones
#: (``K`` is "cash" in the goAML lookup tables of several FIUs). A mapping file may replace them.
GOAML_CASH_CODES = frozenset({"K", "CASH", "C"})


def xlsx_to_csv(path: Path, out: TextIO, max_rows: int) -> None:
    """The first sheet of ``path`` as CSV with its spreadsheet row numbers in ``__row``."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise MoneyflowError("file.format", path=str(path), problem=str(error)[:200]) from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a declared A1:XFD1048576 is not trusted: rows are read as they are
        writer = csv.writer(out)
        header: list[str] | None = None
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), 1):
            if number > max_rows + 1:
                raise MoneyflowError("file.too_large", path=str(path), limit=max_rows)
            cells = [_cell(v) for v in values]
            if header is None:
                header = [c.strip() for c in cells]
                writer.writerow([*header, ROW_COLUMN])
                continue
            if not any(c.strip() for c in cells):
                continue
            cells = (cells + [""] * len(header))[: len(header)]
            writer.writerow([*cells, str(number)])
        if header is None:
            raise MoneyflowError("file.format", path=str(path), problem="empty sheet")
    finally:
        workbook.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- goAML ---------------------------------------------------------------------------------

GOAML_COLUMNS = (
    "transaction_id",
    "timestamp",
    "from_account",
    "to_account",
    "amount",
    "currency",
    "channel",
    "from_country",
    "to_country",
    "branch",
    ROW_COLUMN,
)


class _GoamlReader:
    """A streaming expat reader of goAML ``report`` files (schema 4.x and 5.x).

    It keeps only the path of open elements and the fields of the transaction being read. A
    ``t_from``/``t_from_my_client`` side gives the sending account (``from_account/account``,
    or a person's or entity's identifier when no account is named); a cash funds code makes the
    side a branch pseudo-account.
    """

    def __init__(self, path: Path, writer: Any, max_rows: int, cash_codes: frozenset[str]) -> None:
        self.path = path
        self.writer = writer
        self.max_rows = max_rows
        self.cash_codes = cash_codes
        self.stack: list[str] = []
        self.text: list[str] = []
        self.currency = ""
        self.branch = ""
        self.tx: dict[str, str] | None = None
        self.line = 0
        self.count = 0
        self.parser = xml.parsers.expat.ParserCreate()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.chars
        self.parser.StartDoctypeDeclHandler = self.refuse
        self.parser.EntityDeclHandler = self.refuse

    def refuse(self, *_: object) -> None:
        raise MoneyflowError("goaml.entities", path=str(self.path))

    def start(self, name: str, _attrs: dict[str, str]) -> None:
        name = name.rsplit(":", 1)[-1]
        self.stack.append(name)
        self.text = []
        if name == "transaction":
            self.tx = {}
            self.line = self.parser.CurrentLineNumber

    def chars(self, data: str) -> None:
        self.text.append(data)

    def end(self, _name: str) -> None:
        name = self.stack.pop()
        value = "".join(self.text).strip()
        self.text = []
        parent = self.stack[-1] if self.stack else ""
        if self.tx is None:
            if name == "currency_code_local" and parent == "report":
                self.currency = value
            elif name == "rentity_branch" and parent == "report":
                self.branch = value
            return
        if name == "transaction":
            self.emit()
            self.tx = None
            return
        side = next((s for s in reversed(self.stack) if s.startswith(("t_from", "t_to"))), "")
        key = "from" if side.startswith("t_from") else "to" if side else ""
        tx = self.tx
        if not key:
            if name == "transactionnumber" and parent == "transaction":
                tx["id"] = value
            elif name == "date_transaction":
                tx["date"] = value
            elif name == "amount_local":
                tx["amount"] = value
            elif name == "transaction_location" and parent == "transaction":
                tx["location"] = value
            return
        if name == "account" and parent.endswith("_account"):
            tx.setdefault(f"{key}_account", value)
        elif name in {"ssn", "id_number", "passport_number"} and parent.endswith("_person"):
            tx.setdefault(f"{key}_person", f"PERSON:{value}")
        elif name == "name" and parent.endswith("_entity"):
            tx.setdefault(f"{key}_entity", f"ENTITY:{value}")
        elif name in {"from_funds_code", "to_funds_code"}:
            tx[f"{key}_funds"] = value.upper()
        elif name in {"from_country", "to_country"}:
            tx[f"{key}_country"] = value.upper()

    def emit(self) -> None:
        tx = self.tx or {}
        self.count += 1
        if self.count > self.max_rows:
            raise MoneyflowError("file.too_large", path=str(self.path), limit=self.max_rows)
        branch = tx.get("location") or self.branch or "unknown"
        sender = tx.get("from_account") or tx.get("from_person") or tx.get("from_entity") or ""
        receiver = tx.get("to_account") or tx.get("to_person") or tx.get("to_entity") or ""
        channel = "transfer"
        if tx.get("from_funds") in self.cash_codes:
            channel, sender = "cash_deposit", f"{CASH_PREFIX}{branch}"
        elif tx.get("to_funds") in self.cash_codes:
            channel, receiver = "cash_withdrawal", f"{CASH_PREFIX}{branch}"
        self.writer.writerow(
            [
                tx.get("id", ""),
                tx.get("date", ""),
                sender,
                receiver,
                tx.get("amount", ""),
                self.currency,
                channel,
                tx.get("from_country", ""),
                tx.get("to_country", ""),
                branch,
                str(self.line),
            ]
        )

    def run(self, handle: io.BufferedReader) -> None:
        try:
            while chunk := handle.read(1 << 20):
                self.parser.Parse(chunk, False)
            self.parser.Parse(b"", True)
        except xml.parsers.expat.ExpatError as error:
            raise MoneyflowError(
                "goaml.invalid",
                path=str(self.path),
                line=error.lineno,
                problem=xml.parsers.expat.ErrorString(error.code),
            ) from None
        if self.count == 0:
            raise MoneyflowError(
                "goaml.invalid", path=str(self.path), line=1, problem="no <transaction> element"
            )


def goaml_to_csv(
    path: Path, out: TextIO, max_rows: int, cash_codes: frozenset[str] = GOAML_CASH_CODES
) -> None:
    """The transactions of a goAML report file as CSV rows, with each one's line number."""
    writer = csv.writer(out)
    writer.writerow(GOAML_COLUMNS)
    with path.open("rb") as handle:
        _GoamlReader(path, writer, max_rows, cash_codes).run(handle)


def sniff(path: Path) -> str:
    """csv, xlsx, parquet or goaml, from the first bytes (the name's ending only breaks ties)."""
    with path.open("rb") as handle:
        head = handle.read(512)
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "goaml"
    return "csv"
