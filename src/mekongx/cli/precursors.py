"""``mekongx precursors``: batch screening of customs declarations for precursor chemicals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mekongx import uploads
from mekongx.chemistry import (
    LANGUAGES,
    DeclarationFileError,
    RiskContext,
    load_mapping,
    render,
    screen_file,
    write_report,
)
from mekongx.chemistry.risk_files import load_known_consignees, load_pen_records

app = typer.Typer(
    help="Screen customs declarations (CSV or Excel) against the controlled-chemicals register.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

_LANGS = LANGUAGES
_SHOWN_ISSUES = 20


@app.callback()
def _group() -> None:
    """Precursor-chemical screening."""


@app.command()
def screen(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT", help="Declarations file (.csv or .xlsx).")
    ],
    out: Annotated[Path, typer.Option("--out", help="Report CSV to write (atomically).")],
    lang: Annotated[
        str, typer.Option("--lang", help="Language of messages: en, th, zh, lo, my, km or vi.")
    ] = "en",
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help="YAML/JSON header mapping: canonical column -> header."),
    ] = None,
    lenient: Annotated[
        bool,
        typer.Option(
            "--lenient",
            help="Screen rows with a bad field on their other fields, skip rows with nothing to screen (both listed) instead of stopping.",
        ),
    ] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to use.")] = 1,
    known_consignees: Annotated[
        Path | None,
        typer.Option("--known-consignees", help="Text file, one known consignee per line."),
    ] = None,
    pen: Annotated[
        Path | None,
        typer.Option(
            "--pen",
            help="CSV of pre-export notifications: pen_id, substance, consignee, quantity_kg"
            " [, destination_country].",
        ),
    ] = None,
) -> None:
    """Screen INPUT and write one report row per hit."""
    if lang not in _LANGS:
        typer.echo(f"--lang must be one of {', '.join(_LANGS)}", err=True)
        raise typer.Exit(2)
    try:
        header_map = load_mapping(mapping) if mapping is not None else None
        context = RiskContext(
            known_consignees=load_known_consignees(known_consignees) if known_consignees else None,
            pen_records=load_pen_records(pen) if pen else None,
        )
        report = screen_file(
            input_path,
            mapping=header_map,
            context=context,
            strict=not lenient,
            workers=workers,
            limits=uploads.command_line_limits(),
        )
        write_report(report.results, out, lang)
    except DeclarationFileError as exc:
        typer.echo(render("INPUT_ERROR", lang, message=exc.message(lang)), err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo(render("INPUT_ERROR", lang, message=str(exc)), err=True)
        raise typer.Exit(2) from None
    for issue in report.issues[:_SHOWN_ISSUES]:
        kind = "FIELD_LEFT_OUT" if issue.screened else "SKIPPED_ROW"
        typer.echo(render(kind, lang, message=issue.message(lang)), err=True)
    if len(report.issues) > _SHOWN_ISSUES:
        typer.echo(render("MORE_ERRORS", lang, count=len(report.issues) - _SHOWN_ISSUES), err=True)
    typer.echo(
        render(
            "SUMMARY",
            lang,
            read=report.lines_read,
            hits=len(report.results),
            lines_hit=report.lines_hit,
            skipped=len(report.skipped),
            out=out,
        )
    )
