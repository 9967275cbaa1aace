"""``mekongx wbe``: batch back-calculation of drug use from wastewater sample results.

Input CSV columns: ``site,date,analyte,concentration_ng_l,flow_m3_d,population`` and optionally
``censor`` (empty/``quantified`` or ``<LOQ``/``<LOD``/``ND``), ``loq`` (ng/L) and
``sampling_mode`` (``flow``, ``volume``, ``time`` or ``grab``: how the composite was taken; its
sampling error comes from the parameter set, a flow-proportional composite when empty). A
censored row needs its limit, in ``loq`` or in ``concentration_ng_l``. Row numbers in messages are the
spreadsheet row numbers (the header is row 1). Bad input stops the run with exit code 2 and a
message in the chosen language; the output file is written to a temporary file and renamed only
when complete, so it is never half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Final

import typer

from mekongx.tabular import safe_row
from mekongx.wastewater import (
    LANGUAGES,
    SAMPLING_MODES,
    ParameterSet,
    Quantity,
    RowResult,
    Sample,
    WbeError,
    builtin_names,
    iter_results,
    measured,
    render,
    resolve_parameter_set,
)

REQUIRED: Final = ("site", "date", "analyte", "concentration_ng_l", "flow_m3_d", "population")
OUTPUT: Final = (
    "site",
    "date",
    "analyte",
    "load_mg_d",
    "load_mg_d_per_1000",
    "consumption_mg_d_per_1000",
    "consumption_median",
    "consumption_low",
    "consumption_high",
    "doses_per_1000",
    "correction_factor",
    "parameter_set",
    "flags",
)

app = typer.Typer(
    help="Wastewater-based epidemiology: drug loads, consumption and doses from influent samples.",
    no_args_is_help=True,
)


@app.callback()
def main() -> None:
    """Wastewater-based epidemiology (keeps ``estimate`` a sub-command)."""


class _InputError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _cell_error(lang: str, row: int, column: str, problem: str) -> _InputError:
    return _InputError(render("csv.bad_cell", lang, row=row, column=column, problem=problem))


def _number(raw: str, lang: str, row: int, column: str) -> float:
    text = raw.strip()
    if not text:
        raise _cell_error(lang, row, column, render("csv.empty_cell", lang))
    try:
        return float(text)
    except ValueError:
        raise _cell_error(lang, row, column, render("csv.not_number", lang, value=text)) from None


def _read_samples(path: Path, params: ParameterSet, lang: str) -> Iterator[Sample]:
    if not path.is_file():
        raise _InputError(render("csv.file_missing", lang, path=str(path)))
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip() for h in (reader.fieldnames or [])]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise _InputError(render("csv.missing_columns", lang, columns=", ".join(missing)))
        reader.fieldnames = header
        empty = True
        for index, record in enumerate(reader):
            empty = False
            yield _parse_row(record, index + 2, params, lang)
        if empty:
            raise _InputError(render("csv.empty", lang))


@functools.lru_cache(maxsize=8192)
def _date(text: str) -> dt.date:
    """One date object per distinct date (a file repeats each date for every site and analyte)."""
    return dt.date.fromisoformat(text)


def _parse_row(record: dict[str, str], row: int, params: ParameterSet, lang: str) -> Sample:
    def text(column: str) -> str:
        return (record.get(column) or "").strip()

    site = sys.intern(text("site"))  # one string per site, not per row
    if not site:
        raise _cell_error(lang, row, "site", render("csv.empty_cell", lang))
    try:
        date = _date(text("date"))
    except ValueError:
        raise _cell_error(
            lang, row, "date", render("csv.bad_date", lang, value=text("date"))
        ) from None
    code = sys.intern(text("analyte"))
    column = "analyte"
    try:
        params.analyte(code)
        column = "censor"
        flag = text("censor")
        column = "loq"
        loq = _number(text("loq"), lang, row, "loq") if text("loq") else None
        column = "concentration_ng_l"
        raw_conc = text("concentration_ng_l")
        value = _number(raw_conc, lang, row, column) if raw_conc or not flag else None
        concentration = measured(value, flag, loq)
        column = "flow_m3_d"
        flow = _number(text(column), lang, row, column)
        if flow < 0:
            raise WbeError("value.negative", field=column, value=flow)
        column = "population"
        population = _number(text(column), lang, row, column)
        if population <= 0:
            raise WbeError("value.not_positive", field=column, value=population)
        column = "sampling_mode"
        mode = text(column).lower()
        if mode and mode not in SAMPLING_MODES:
            raise WbeError("csv.bad_choice", value=mode, allowed=", ".join(SAMPLING_MODES))
    except WbeError as exc:
        column = {"censor.bad_flag": "censor", "censor.missing_limit": "loq"}.get(exc.code, column)
        raise _cell_error(lang, row, column, exc.render(lang)) from None
    return Sample(site, date, code, concentration, flow, population, sampling_mode=mode)


def _fmt(value: Quantity | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Quantity):
        return str(value)
    return f"{value:.6g}"


def _row(result: RowResult, lang: str) -> list[str]:
    e = result.estimate
    return [
        e.sample.site,
        e.sample.date.isoformat(),
        e.sample.analyte,
        _fmt(e.load_mg_d),
        _fmt(e.load_mg_d_per_1000),
        _fmt(e.consumption_mg_d_per_1000),
        _fmt(result.consumption_median),
        _fmt(result.consumption_low),
        _fmt(result.consumption_high),
        _fmt(e.doses_per_1000),
        _fmt(e.correction_factor),
        e.parameter_set,
        " | ".join(flag.render(lang) for flag in e.flags),
    ]


def _write_atomically(path: Path, rows: Iterable[list[str]]) -> int:
    """Write the rows as they come (none is held) to a temporary file renamed when complete;
    how many were written."""
    directory = path.resolve().parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    count = 0
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(OUTPUT)
            for row in rows:
                writer.writerow(safe_row(row))  # site names may look like formulas
                count += 1
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code=2)


@app.command()
def estimate(
    samples: Annotated[
        Path,
        typer.Argument(
            help="Input CSV of sample results (UTF-8); an optional sampling_mode column "
            "(flow, volume, time or grab) sets each day's sampling error."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Output CSV of estimates.")],
    params: Annotated[
        str | None,
        typer.Option(
            "--params",
            help=f"Parameter set: a built-in name ({', '.join(builtin_names())}) or a YAML file.",
        ),
    ] = None,
    draws: Annotated[
        int, typer.Option("--draws", help="Monte Carlo draws per row (0: no intervals).")
    ] = 2000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same output).")] = 0,
    lang: Annotated[
        str, typer.Option("--lang", help="Message language: en, th, zh, lo, my, km or vi.")
    ] = "en",
) -> None:
    """Back-calculate loads, consumption (with a 95% interval) and doses for every row."""
    if lang not in LANGUAGES:
        raise _fail(render("cli.bad_language", "en", language=lang, allowed=", ".join(LANGUAGES)))
    try:
        parameter_set = resolve_parameter_set(params)
        try:
            sample_list = list(_read_samples(samples, parameter_set, lang))
        except (UnicodeDecodeError, csv.Error) as exc:
            detail = str(exc).splitlines()[0]
            raise _InputError(
                render("csv.unreadable", lang, path=str(samples), detail=detail)
            ) from None
        # Rows are estimated and written one at a time (the Monte Carlo in bounded chunks):
        # memory grows with the samples read, not with draws x rows.
        results = iter_results(sample_list, parameter_set, n_draws=max(draws, 0), seed=seed)
        written = _write_atomically(out, (_row(r, lang) for r in results))
    except _InputError as exc:
        raise _fail(exc.message) from None
    except WbeError as exc:
        raise _fail(exc.render(lang)) from None
    except OSError as exc:
        raise _fail(render("cli.write_failed", lang, path=str(out), detail=exc.strerror)) from None
    typer.echo(render("cli.done", lang, rows=written, path=str(out), param_set=parameter_set.label))
