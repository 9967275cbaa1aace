"""Writing alerts, ledgers and court schedules: CSV and xlsx, never half-written.

Every file is written under a temporary name beside the target and renamed when complete.
Cells that a spreadsheet would run as a formula are defused by the node's one escaping function
(``mekongx.tabular.safe_row``).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from mekongx.moneyflow.model import Alert
from mekongx.moneyflow.trace import TraceResult
from mekongx.tabular import safe_row

ALERT_COLUMNS = ("alert_id", "typology", "score", "transaction_ids", "accounts", "explanation")
LEDGER_COLUMNS = (
    "method",
    "step",
    "timestamp",
    "transaction_id",
    "account",
    "counterparty",
    "direction",
    "amount",
    "traced",
    "balance_after",
    "traced_after",
)
SCHEDULE_COLUMNS = ("method", "account", "traced_received", "traced_sent", "traced_held")


def _atomic(path: Path, write: object, suffix: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(handle)
    try:
        write(Path(name))  # type: ignore[operator]
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """CSV, or xlsx when ``path`` ends in .xlsx."""

    def as_csv(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow(safe_row(row))

    def as_xlsx(target: Path) -> None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(list(header))
        for row in rows:
            sheet.append(safe_row(row))
        book.save(target)

    _atomic(path, as_xlsx if path.suffix.lower() == ".xlsx" else as_csv, path.suffix)


def alert_rows(alerts: Iterable[Alert]) -> Iterable[tuple[object, ...]]:
    for alert in alerts:
        yield (
            alert.alert_id,
            alert.typology,
            f"{alert.score:.4f}",
            " ".join(alert.transaction_ids),
            " ".join(alert.accounts),
            alert.explanation,
        )


def write_alerts(path: Path, alerts: Iterable[Alert]) -> None:
    write_table(path, ALERT_COLUMNS, alert_rows(alerts))


def ledger_rows(results: Iterable[TraceResult]) -> Iterable[tuple[object, ...]]:
    import datetime as dt

    for result in results:
        for row in result.ledger:
            yield (
                result.method,
                row.step,
                dt.datetime.fromtimestamp(row.timestamp, dt.UTC).isoformat(),
                row.transaction_id,
                row.account,
                row.counterparty,
                row.direction,
                f"{row.amount:.2f}",
                f"{row.traced:.2f}",
                f"{row.balance_after:.2f}",
                f"{row.traced_after:.2f}",
            )


def schedule_rows(results: Iterable[TraceResult]) -> Iterable[tuple[object, ...]]:
    for result in results:
        for account, figures in result.accounts.items():
            yield (
                result.method,
                account,
                f"{figures['received']:.2f}",
                f"{figures['sent']:.2f}",
                f"{figures['held']:.2f}",
            )
