"""Reading transactions: any input file → one checked, normalised Parquet file.

CSV and Parquet are read by DuckDB as text and checked in SQL, so a 5 GB file streams through
with bounded memory (DuckDB spills to ``workdir``); xlsx and goAML are first streamed into CSV
by :mod:`mekongx.moneyflow.sources`. Every row that fails a check is reported with its row (or
goAML line), the field and the reason; nothing is dropped silently, and the output file is
written under a temporary name and renamed only when complete.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import yaml

from mekongx.moneyflow.errors import MoneyflowError
from mekongx.moneyflow.model import CASH_PREFIX, CHANNELS, FIELDS, REQUIRED, Dataset, Rejection
from mekongx.moneyflow.sources import GOAML_CASH_CODES, ROW_COLUMN, goaml_to_csv, sniff, xlsx_to_csv

MAX_ROWS = 200_000_000
MAX_LISTED_REJECTIONS = 10_000


@dataclass(frozen=True)
class ColumnMapping:
    """A saved column mapping: which column of the file holds which transaction field."""

    columns: dict[str, str] = field(default_factory=dict)
    timezone: str | None = None
    timestamp_format: str | None = None
    currency: str | None = None
    channels: dict[str, str] = field(default_factory=dict)
    cash_codes: frozenset[str] = GOAML_CASH_CODES
    delimiter: str = ","


def read_mapping(path: Path) -> ColumnMapping:
    """A mapping file (YAML): ``columns: {field: column}``, optional ``timezone``,
    ``timestamp_format`` (strptime), ``currency`` (when the file has no currency column),
    ``channels: {file value: channel}``, ``delimiter`` (default ``,``) and ``goaml_cash_codes``."""
    try:
        data: Any = yaml.safe_load(path.read_text("utf-8"))
    except OSError as error:
        raise MoneyflowError("file.unreadable", path=str(path), problem=error.strerror) from None
    except yaml.YAMLError as error:
        raise MoneyflowError("mapping.invalid", path=str(path), problem=str(error)[:200]) from None
    if not isinstance(data, dict) or not isinstance(data.get("columns", {}), dict):
        raise MoneyflowError(
            "mapping.invalid", path=str(path), problem="expected 'columns: {field: column}'"
        )
    known = ", ".join(FIELDS)
    columns = {str(k): str(v) for k, v in (data.get("columns") or {}).items()}
    for name in columns:
        if name not in FIELDS:
            raise MoneyflowError("mapping.unknown_field", path=str(path), field=name, known=known)
    channels = {str(k): str(v) for k, v in (data.get("channels") or {}).items()}
    for value in channels.values():
        if value not in CHANNELS:
            raise MoneyflowError(
                "mapping.invalid",
                path=str(path),
                problem=f"channel '{value}' not in {', '.join(CHANNELS)}",
            )
    zone = data.get("timezone")
    if zone is not None:
        _check_zone(str(zone), path)
    codes = data.get("goaml_cash_codes")
    delimiter = str(data.get("delimiter", ","))
    if len(delimiter) != 1:
        raise MoneyflowError(
            "mapping.invalid", path=str(path), problem="delimiter must be one character"
        )
    return ColumnMapping(
        columns=columns,
        timezone=str(zone) if zone else None,
        timestamp_format=str(data["timestamp_format"]) if data.get("timestamp_format") else None,
        currency=str(data["currency"]).upper() if data.get("currency") else None,
        channels=channels,
        cash_codes=frozenset(str(c).upper() for c in codes) if codes else GOAML_CASH_CODES,
        delimiter=delimiter,
    )


def _check_zone(zone: str, where: Path | str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise MoneyflowError(
            "mapping.invalid", path=str(where), problem=f"unknown time zone '{zone}'"
        ) from None


def read_fx(path: Path) -> list[tuple[dt.date, str, float]]:
    """Dated exchange rates: CSV ``date,currency,rate`` (rate = base units per one unit)."""
    rates: list[tuple[dt.date, str, float]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"date", "currency", "rate"} - set(reader.fieldnames or ())
            if missing:
                raise MoneyflowError(
                    "fx.invalid",
                    path=str(path),
                    row=1,
                    problem=f"missing {', '.join(sorted(missing))}",
                )
            for number, row in enumerate(reader, 2):
                try:
                    day = dt.date.fromisoformat((row["date"] or "").strip())
                    rate = float((row["rate"] or "").strip())
                except ValueError as error:
                    raise MoneyflowError(
                        "fx.invalid", path=str(path), row=number, problem=str(error)
                    ) from None
                code = (row["currency"] or "").strip().upper()
                if code not in _currencies() or not rate > 0 or rate == float("inf"):
                    raise MoneyflowError(
                        "fx.invalid",
                        path=str(path),
                        row=number,
                        problem=f"'{code}' / '{row['rate']}'",
                    )
                rates.append((day, code, rate))
    except OSError as error:
        raise MoneyflowError("file.unreadable", path=str(path), problem=error.strerror) from None
    return rates


def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _countries() -> frozenset[str]:
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


def connect(
    workdir: Path, memory_limit: str = "2GB", threads: int | None = None
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection that spills to ``workdir`` and keeps to ``memory_limit``."""
    con = duckdb.connect(
        config={"memory_limit": memory_limit, "temp_directory": str(workdir / "spill")}
    )
    con.execute("SET TimeZone = 'UTC'")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


def load(
    path: Path,
    workdir: Path,
    *,
    mapping: ColumnMapping | None = None,
    base_currency: str | None = None,
    fx: list[tuple[dt.date, str, float]] | None = None,
    timezone: str | None = None,
    max_rows: int = MAX_ROWS,
) -> Dataset:
    """Read ``path`` (CSV, xlsx, Parquet or goAML XML) into ``workdir/transactions.parquet``."""
    if not path.is_file():
        raise MoneyflowError("file.missing", path=str(path))
    mapping = mapping or ColumnMapping()
    zone = timezone or mapping.timezone
    if zone:
        _check_zone(zone, "--timezone")
    workdir.mkdir(parents=True, exist_ok=True)
    kind = sniff(path)
    with tempfile.TemporaryDirectory(dir=workdir) as scratch:
        source = path
        if kind in {"xlsx", "goaml"}:
            source = Path(scratch) / "converted.csv"
            with source.open("w", encoding="utf-8", newline="") as out:
                if kind == "xlsx":
                    xlsx_to_csv(path, out, max_rows)
                else:
                    goaml_to_csv(path, out, max_rows, mapping.cash_codes)
        con = connect(workdir)
        try:
            return _load(
                con, path, source, kind, workdir, mapping, base_currency, fx or [], zone, max_rows
            )
        finally:
            con.close()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load(
    con: duckdb.DuckDBPyConnection,
    original: Path,
    source: Path,
    kind: str,
    workdir: Path,
    mapping: ColumnMapping,
    base_currency: str | None,
    fx: list[tuple[dt.date, str, float]],
    zone: str | None,
    max_rows: int,
) -> Dataset:
    where = str(original)
    try:
        if kind == "parquet":
            con.execute(
                f"CREATE TEMP VIEW src AS SELECT * FROM read_parquet({_literal(str(source))})"
            )
        else:
            con.execute(
                "CREATE TEMP VIEW src AS SELECT * FROM read_csv("
                f"{_literal(str(source))}, all_varchar = true, header = true, "
                f"delim = {_literal(mapping.delimiter)}, quote = '\"', escape = '\"', "
                "strict_mode = false, null_padding = true)"
            )
        present = [row[0] for row in con.execute("DESCRIBE src").fetchall()]
    except duckdb.Error as error:
        raise MoneyflowError(
            "file.format", path=where, problem=str(error).splitlines()[0][:200]
        ) from None
    columns = {name: mapping.columns.get(name, name) for name in FIELDS}
    for name, column in mapping.columns.items():
        if column not in present:
            raise MoneyflowError(
                "mapping.missing_column",
                path=where,
                field=name,
                column=column,
                present=", ".join(present),
            )
    need = [n for n in REQUIRED if not (n == "currency" and mapping.currency)]
    missing = [n for n in need if columns[n] not in present]
    if missing:
        raise MoneyflowError(
            "columns.missing",
            path=where,
            columns=", ".join(missing),
            present=", ".join(p for p in present if p != ROW_COLUMN),
        )

    def col(name: str) -> str:
        column = columns[name]
        if column in present:
            return f"coalesce(trim(CAST({_quote(column)} AS VARCHAR)), '')"
        if name == "currency" and mapping.currency:
            return _literal(mapping.currency)
        return "''"

    row_expr = (
        f"CAST({_quote(ROW_COLUMN)} AS BIGINT)"
        if ROW_COLUMN in present
        else "CAST(row_number() OVER () + 1 AS BIGINT)"
    )
    con.execute(
        f"CREATE TEMP TABLE raw AS SELECT {row_expr} AS row, "
        + ", ".join(f"{col(name)} AS {name}" for name in FIELDS)
        + " FROM src"
    )
    total = int(con.execute("SELECT count(*) FROM raw").fetchall()[0][0])
    if total > max_rows:
        raise MoneyflowError("file.too_large", path=where, limit=max_rows)

    currencies = _currencies()
    base = (base_currency or mapping.currency or "").upper() or None
    if base is None:
        found = con.execute(
            "SELECT DISTINCT upper(currency) FROM raw WHERE currency <> '' LIMIT 2"
        ).fetchall()
        base = found[0][0] if len(found) == 1 else "USD"
    if base not in currencies:
        raise MoneyflowError("fx.invalid", path="--base-currency", row=0, problem=f"'{base}'")
    con.execute("CREATE TEMP TABLE iso_currency (code VARCHAR)")
    con.executemany("INSERT INTO iso_currency VALUES (?)", [(c,) for c in sorted(currencies)])
    con.execute("CREATE TEMP TABLE iso_country (code VARCHAR)")
    con.executemany("INSERT INTO iso_country VALUES (?)", [(c,) for c in sorted(_countries())])
    con.execute("CREATE TEMP TABLE fx (day DATE, currency VARCHAR, rate DOUBLE)")
    if fx:
        con.executemany("INSERT INTO fx VALUES (?, ?, ?)", fx)
    con.execute("CREATE TEMP TABLE channel_map (value VARCHAR, channel VARCHAR)")
    con.executemany(
        "INSERT INTO channel_map VALUES (?, ?)",
        [(k.lower(), v) for k, v in mapping.channels.items()] + [(c, c) for c in CHANNELS],
    )
    has_zone = "regexp_matches(timestamp, '(Z|z|[+-][0-9][0-9]:?[0-9][0-9])$')"
    if mapping.timestamp_format:
        naive = f"try_strptime(timestamp, {_literal(mapping.timestamp_format)})"
    else:
        naive = "TRY_CAST(timestamp AS TIMESTAMP)"
    zoned = (
        f"CASE WHEN {has_zone} THEN TRY_CAST(timestamp AS TIMESTAMPTZ) "
        + (f"ELSE timezone({_literal(zone)}, {naive}) " if zone else "")
        + "END"
    )
    con.execute(
        f"""
        CREATE TEMP VIEW typed AS
        SELECT r.*,
               {zoned} AS ts_value,
               {has_zone} AS zoned,
               TRY_CAST(replace(r.amount, ',', '') AS DOUBLE) AS amount_value,
               upper(r.currency) AS cur,
               coalesce(m.channel, CASE WHEN r.channel = '' THEN 'transfer' END) AS chan,
               upper(r.from_country) AS fc, upper(r.to_country) AS tc,
               count(*) OVER (PARTITION BY r.transaction_id ORDER BY r.row
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS seen
        FROM raw r LEFT JOIN channel_map m ON lower(r.channel) = m.value
        """
    )
    con.execute(
        f"""
        CREATE TEMP VIEW accounted AS
        SELECT t.*,
               CASE WHEN from_account = '' AND chan = 'cash_deposit'
                    THEN '{CASH_PREFIX}' || CASE WHEN branch = '' THEN 'unknown' ELSE branch END
                    ELSE from_account END AS src,
               CASE WHEN to_account = '' AND chan = 'cash_withdrawal'
                    THEN '{CASH_PREFIX}' || CASE WHEN branch = '' THEN 'unknown' ELSE branch END
                    ELSE to_account END AS dst,
               CAST(ts_value AS DATE) AS day
        FROM typed t
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE checked AS
        SELECT a.*,
               CASE WHEN a.cur = {_literal(base)} THEN 1.0 ELSE f.rate END AS rate,
               CASE
                 WHEN a.transaction_id = '' THEN 'transaction_id|value.empty'
                 WHEN a.seen > 1 THEN 'transaction_id|value.duplicate'
                 WHEN a.timestamp = '' THEN 'timestamp|value.empty'
                 WHEN a.ts_value IS NULL AND NOT a.zoned AND {_literal(zone or "")} = ''
                      AND {naive} IS NOT NULL THEN 'timestamp|value.no_zone'
                 WHEN a.ts_value IS NULL THEN 'timestamp|value.not_time'
                 WHEN a.src = '' THEN 'from_account|value.empty'
                 WHEN a.dst = '' THEN 'to_account|value.empty'
                 WHEN a.src = a.dst THEN 'to_account|value.same_account'
                 WHEN a.amount = '' THEN 'amount|value.empty'
                 WHEN a.amount_value IS NULL THEN 'amount|value.not_number'
                 WHEN NOT isfinite(a.amount_value) OR a.amount_value <= 0 THEN 'amount|value.not_positive'
                 WHEN a.cur NOT IN (SELECT code FROM iso_currency) THEN 'currency|value.currency'
                 WHEN a.chan IS NULL THEN 'channel|value.channel'
                 WHEN a.fc <> '' AND a.fc NOT IN (SELECT code FROM iso_country) THEN 'from_country|value.country'
                 WHEN a.tc <> '' AND a.tc NOT IN (SELECT code FROM iso_country) THEN 'to_country|value.country'
                 WHEN a.cur <> {_literal(base)} AND f.rate IS NULL THEN 'currency|value.no_rate'
               END AS problem
        FROM accounted a ASOF LEFT JOIN fx f ON a.cur = f.currency AND a.day >= f.day
        """
    )
    rejected_count = int(
        con.execute("SELECT count(*) FROM checked WHERE problem IS NOT NULL").fetchall()[0][0]
    )
    listed = con.execute(
        f"""
        SELECT row, problem,
               CASE split_part(problem, '|', 1)
                 WHEN 'transaction_id' THEN transaction_id WHEN 'timestamp' THEN timestamp
                 WHEN 'amount' THEN amount WHEN 'currency' THEN currency WHEN 'channel' THEN channel
                 WHEN 'from_country' THEN from_country WHEN 'to_country' THEN to_country
                 ELSE '' END AS value,
               cur, CAST(day AS VARCHAR)
        FROM checked WHERE problem IS NOT NULL ORDER BY row LIMIT {MAX_LISTED_REJECTIONS}
        """
    ).fetchall()
    rejections = [
        _rejection(row, problem, value, cur, day, base) for row, problem, value, cur, day in listed
    ]
    if rejected_count > len(rejections):
        rejections.append(Rejection(0, "", "row.more", {"count": rejected_count - len(rejections)}))
    kept = total - rejected_count
    if kept == 0:
        raise MoneyflowError("load.nothing", path=str(original), rejected=rejected_count)
    target = workdir / "transactions.parquet"
    partial = workdir / f".transactions.{os.getpid()}.parquet"
    con.execute(
        f"""
        COPY (
          SELECT transaction_id AS txid, CAST(epoch(ts_value) AS BIGINT) AS ts, src, dst,
                 round(amount_value * rate, 2) AS amt, amount_value AS amount, cur AS currency,
                 chan AS channel, fc AS src_country, tc AS dst_country, branch, row
          FROM checked WHERE problem IS NULL ORDER BY ts, txid
        ) TO {_literal(str(partial))} (FORMAT parquet, COMPRESSION zstd)
        """
    )
    partial.replace(target)
    return Dataset(
        path=target, rows=kept, base_currency=base, rejected=tuple(rejections), source=str(original)
    )


def _rejection(
    row: int, problem: str, value: str, cur: str, day: str | None, base: str
) -> Rejection:
    column, code = problem.split("|", 1)
    params: dict[str, object] = {"value": (value or "")[:80]}
    if code == "value.channel":
        params = {"value": (value or "")[:80], "allowed": ", ".join(CHANNELS)}
    elif code == "value.no_rate":
        params = {"currency": cur, "base": base, "date": day or "?"}
    return Rejection(int(row), column, code, params)


#: The columns of :func:`rows_of` and :func:`write_rows`, in order.
ROW_FIELDS = (
    "txid",
    "ts",
    "src",
    "dst",
    "amount",
    "currency",
    "amt",
    "channel",
    "src_country",
    "dst_country",
    "branch",
)


def rows_of(path: Path) -> list[tuple[Any, ...]]:
    """The transactions of a normalised file, as tuples in the order of ``ROW_FIELDS``."""
    con = duckdb.connect()
    try:
        return [
            tuple(r)
            for r in con.execute(
                f"SELECT {', '.join(ROW_FIELDS)} FROM read_parquet({_literal(str(path))})"
            ).fetchall()
        ]
    finally:
        con.close()


def write_rows(path: Path, rows: list[tuple[Any, ...]]) -> Path:
    """Transactions (tuples in the order of ``ROW_FIELDS``, kept elsewhere, e.g. in a node's
    database) written back as a normalised file the detectors and tracing read."""
    import numpy as np

    columns = {
        name: np.array(values)
        for name, values in zip(ROW_FIELDS, zip(*rows, strict=True), strict=True)
    }
    columns["row"] = np.arange(1, len(rows) + 1)
    con = duckdb.connect()
    try:
        con.register("kept_rows", columns)
        con.execute(
            "COPY (SELECT CAST(txid AS VARCHAR) AS txid, CAST(ts AS BIGINT) AS ts, CAST(src AS VARCHAR) AS src,"
            " CAST(dst AS VARCHAR) AS dst, CAST(amt AS DOUBLE) AS amt, CAST(amount AS DOUBLE) AS amount,"
            " CAST(currency AS VARCHAR) AS currency, CAST(channel AS VARCHAR) AS channel,"
            " CAST(src_country AS VARCHAR) AS src_country, CAST(dst_country AS VARCHAR) AS dst_country,"
            " CAST(branch AS VARCHAR) AS branch, CAST(row AS BIGINT) AS row FROM kept_rows ORDER BY ts, txid)"
            f" TO {_literal(str(path))} (FORMAT parquet)"
        )
    finally:
        con.close()
    return path
