"""``mekongx money``: laundering typologies and proceeds tracing over transaction files.

Input: CSV, xlsx, Parquet or goAML XML. Without ``--mapping`` a CSV or Parquet file with the
columns ``transaction_id,timestamp,from_account,to_account,amount,currency`` (ISO 8601 times
with a zone; optional ``channel`` — transfer, cash_deposit, cash_withdrawal, card, remittance,
other — ``from_country``, ``to_country``, ``branch``) is read as it is. Rejected rows are listed
with their row and reason (``--rejected FILE`` writes them all); nothing is dropped silently.
Output files are written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from mekongx.cli.common import cli_language
from mekongx.moneyflow import (
    LANGUAGES,
    TYPOLOGIES,
    Dataset,
    DetectorConfig,
    MoneyflowError,
    detect,
    load,
    load_rules,
    read_fx,
    read_mapping,
    render,
)
from mekongx.moneyflow.output import (
    LEDGER_COLUMNS,
    SCHEDULE_COLUMNS,
    ledger_rows,
    schedule_rows,
    write_alerts,
    write_table,
)
from mekongx.moneyflow.trace import METHODS, trace

app = typer.Typer(
    help="Money flows: laundering typologies and proceeds tracing.", no_args_is_help=True
)

Transactions = Annotated[
    Path, typer.Argument(help="Transactions: CSV, xlsx, Parquet or goAML XML.")
]
MappingOpt = Annotated[Path | None, typer.Option("--mapping", help="Saved column mapping (YAML).")]
FxOpt = Annotated[Path | None, typer.Option("--fx", help="Exchange rates CSV: date,currency,rate.")]
BaseOpt = Annotated[str | None, typer.Option("--base-currency", help="Currency of amount_base.")]
ZoneOpt = Annotated[str | None, typer.Option("--timezone", help="Zone of times that carry none.")]
RejectedOpt = Annotated[Path | None, typer.Option("--rejected", help="Write rejected rows here.")]


@app.callback()
def main() -> None:
    """Money flows (keeps the commands sub-commands)."""


def _language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else cli_language()


def _load(
    path: Path, work: Path, mapping: Path | None, fx: Path | None, base: str | None,
    zone: str | None, rejected: Path | None, lang: str,
) -> Dataset:  # fmt: skip
    typer.echo(f"… {path}", err=True)
    dataset = load(
        path,
        work,
        mapping=read_mapping(mapping) if mapping else None,
        fx=read_fx(fx) if fx else None,
        base_currency=base,
        timezone=zone,
    )
    if dataset.rejected:
        for item in dataset.rejected[:20]:
            problem = render(item.code, lang, **item.params)
            line = (
                problem
                if item.code == "row.more"
                else render("row.rejected", lang, row=item.row, field=item.field, problem=problem)
            )
            typer.echo(line, err=True)
    if rejected is not None:
        write_table(
            rejected,
            ("row", "field", "reason"),
            ((r.row, r.field, render(r.code, lang, **r.params)) for r in dataset.rejected),
        )
    typer.echo(f"{dataset.rows} ✓  {len(dataset.rejected)} ✗", err=True)
    return dataset


@app.command("detect")
def detect_command(
    transactions: Transactions,
    out: Annotated[Path, typer.Option("--out", help="Alerts file (.csv or .xlsx).")],
    mapping: MappingOpt = None,
    engine: Annotated[str, typer.Option("--engine", help="duckdb (embedded) or spark.")] = "duckdb",
    fx: FxOpt = None,
    base_currency: BaseOpt = None,
    timezone: ZoneOpt = None,
    jurisdiction: Annotated[
        str, typer.Option("--jurisdiction", help="Threshold rules: TH,CN (all by default).")
    ] = "",
    rules: Annotated[
        Path | None, typer.Option("--rules", help="Threshold rules file (YAML).")
    ] = None,
    typology: Annotated[str, typer.Option("--typology", help="Only these, comma-separated.")] = "",
    min_score: Annotated[
        float, typer.Option("--min-score", help="Report alerts scoring at least this (0-1).")
    ] = 0.6,
    budget: Annotated[int, typer.Option("--budget", help="At most this many alerts (0: all).")] = 0,
    rejected: RejectedOpt = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Message language: en, th, zh, lo, my, km or vi.")
    ] = None,
) -> None:
    """Detect laundering typologies; one row per alert, best first."""
    language = _language(lang)
    try:
        chosen = tuple(t.strip() for t in typology.split(",") if t.strip()) or TYPOLOGIES
        thresholds = load_rules(
            rules, tuple(j.strip().upper() for j in jurisdiction.split(",") if j.strip())
        )
        with tempfile.TemporaryDirectory(prefix="mekongx-money-") as work:
            dataset = _load(
                transactions, Path(work), mapping, fx, base_currency, timezone, rejected, language
            )
            alerts = detect(
                dataset,
                engine=engine,
                config=DetectorConfig(min_score=min_score),
                rules=thresholds,
                typologies=chosen,
                progress=lambda step: typer.echo(f"… {step}", err=True),
            )
        if budget > 0:
            alerts = alerts[:budget]
        write_alerts(out, alerts)
    except MoneyflowError as error:
        typer.echo(error.render(language), err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{len(alerts)} → {out}", err=True)


@app.command("trace")
def trace_command(
    transactions: Transactions,
    out: Annotated[
        Path, typer.Option("--out", help="Ledger file (.csv or .xlsx): every step and balance.")
    ],
    from_account: Annotated[
        str | None, typer.Option("--from", help="Seized or suspect account.")
    ] = None,
    transaction: Annotated[
        str | None, typer.Option("--transaction", help="Proceeds transaction id.")
    ] = None,
    method: Annotated[
        str, typer.Option("--method", help=f"{', '.join(METHODS)}, or all (side by side).")
    ] = "libr",
    direction: Annotated[str, typer.Option("--direction", help="forward or backward.")] = "forward",
    hops: Annotated[
        int, typer.Option("--hops", help="Follow money through at most this many accounts.")
    ] = 10,
    schedule: Annotated[
        Path | None, typer.Option("--schedule", help="Court schedule per account (.csv or .xlsx).")
    ] = None,
    mapping: MappingOpt = None,
    fx: FxOpt = None,
    base_currency: BaseOpt = None,
    timezone: ZoneOpt = None,
    rejected: RejectedOpt = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Message language: en, th, zh, lo, my, km or vi.")
    ] = None,
) -> None:
    """Trace proceeds from an account or a transaction under one or all legal methods."""
    language = _language(lang)
    if direction not in {"forward", "backward"}:
        typer.echo(
            render("trace.method", language, method=direction, allowed="forward, backward"),
            err=True,
        )
        raise typer.Exit(2)
    methods = (
        tuple(m for m in METHODS if direction == "forward" or m != "libr")
        if method == "all"
        else (method,)
    )
    try:
        with tempfile.TemporaryDirectory(prefix="mekongx-money-") as work:
            dataset = _load(
                transactions, Path(work), mapping, fx, base_currency, timezone, rejected, language
            )
            results = trace(
                dataset, account=from_account, transaction=transaction, direction=direction,
                methods=methods, max_hops=hops,
            )  # fmt: skip
        write_table(out, LEDGER_COLUMNS, ledger_rows(results.values()))
        if schedule is not None:
            write_table(schedule, SCHEDULE_COLUMNS, schedule_rows(results.values()))
    except MoneyflowError as error:
        typer.echo(error.render(language), err=True)
        raise typer.Exit(2) from None
    for name, result in results.items():
        where = ", ".join(f"{k} {v:,.2f}" for k, v in list(result.sources.items())[:5])
        typer.echo(f"{name}: {where} {result.currency}", err=True)
