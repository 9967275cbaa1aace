"""``mekongx match``: batch name matching from the command line (Thai / Chinese / Latin names)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Match person names across Thai, Chinese and Latin scripts (pairs, watchlist search).",
    no_args_is_help=True,
)


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code=2)


def _read_pairs(lines: list[str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    errors: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
            errors.append(
                f"line {number}: expected two non-empty names separated by one TAB "
                f"(name_a<TAB>name_b), got {len(fields)} field(s): {line[:60]!r}"
            )
            continue
        pairs.append((fields[0].strip(), fields[1].strip()))
    if errors:
        _fail("\n".join(errors) + "\nno scores were written")
    return pairs


@app.command()
def pairs(
    threshold: Annotated[
        float | None,
        typer.Option(help="Decision threshold on the probability (default: the calibrated one)."),
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option(help="Add a third column explaining the score: en, th, zh, lo, my, km or vi."),
    ] = None,
) -> None:
    """Read ``name_a<TAB>name_b`` lines on stdin; print ``score<TAB>1|0`` per line."""
    from mekongx.matching import LANGUAGES, score
    from mekongx.matching.calibration import threshold as default_threshold

    if explain is not None and explain not in LANGUAGES:
        _fail(f"--explain: expected one of {', '.join(LANGUAGES)}, got {explain!r}")
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        _fail(f"--threshold: expected a probability between 0 and 1, got {threshold}")
    thr = default_threshold() if threshold is None else threshold
    out = []
    for a, b in _read_pairs(sys.stdin.readlines()):
        m = score(a, b)
        row = f"{m.probability:.4f}\t{1 if m.probability >= thr else 0}"
        if explain:
            row += "\t" + "; ".join(m.explain(explain))
        out.append(row)
    typer.echo("\n".join(out))


@app.command()
def search(
    watchlist: Annotated[
        Path,
        typer.Option(help="Watchlist file: one name per line, or id<TAB>name.", exists=True),
    ],
    limit: Annotated[int, typer.Option(min=1, help="Hits per query.")] = 3,
    min_probability: Annotated[float, typer.Option(help="Hide hits below this.")] = 0.2,
    processes: Annotated[
        int, typer.Option(min=1, help="Processes that build the index (large watchlists).")
    ] = 1,
) -> None:
    """Screen names read from stdin against a watchlist; print query, id, name, probability."""
    from mekongx.matching import Index

    entries: list[tuple[str, str]] = []
    for number, raw in enumerate(watchlist.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        fields = raw.split("\t")
        if len(fields) > 2 or not fields[-1].strip():
            _fail(f"{watchlist}: line {number}: expected a name or id<TAB>name")
        entries.append((fields[0].strip() if len(fields) == 2 else str(number), fields[-1].strip()))
    index = Index()
    index.add_many(entries, processes=processes)
    for raw in sys.stdin.readlines():
        query = raw.strip()
        if not query:
            continue
        for hit in index.search(query, limit, min_probability=min_probability):
            typer.echo(
                f"{query}\t{hit.id}\t{hit.name}\t{hit.probability:.4f}\t{hit.decision.value}"
            )
