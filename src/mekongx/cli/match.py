"""``mekongx match``: batch name matching from the command line.

Names in Thai, Chinese, Lao, Burmese (Unicode or Zawgyi), Khmer, Vietnamese or Latin letters.
Input is read as UTF-8 bytes: a line that is not valid UTF-8, or a line without its two names, is
named with its number in the user's language (``MEKONGX_LANG`` or ``LANG``), and nothing is
written until every line has been read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mekongx.cli.common import cli_language, fail
from mekongx.i18n import N_, translator

if TYPE_CHECKING:
    from mekongx.matching import Evidence

    Pair = tuple[str, str, tuple[Evidence, Evidence] | None]

app = typer.Typer(
    help="Match person names in Thai, Chinese, Lao, Burmese, Khmer, Vietnamese and Latin "
    "letters (pairs, watchlist search).",
    no_args_is_help=True,
)

STDIN = N_("standard input")


def _lines(data: bytes, source: str) -> tuple[list[tuple[int, str]], list[str]]:
    """The numbered non-blank lines of ``data`` and the problems found (translated)."""
    _ = translator(cli_language())
    if data.startswith(b"\xef\xbb\xbf"):  # a byte-order mark some editors write
        data = data[3:]
    lines: list[tuple[int, str]] = []
    problems: list[str] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(
                _(
                    N_(
                        "%(source)s, line %(number)s: not UTF-8 text (byte 0x%(byte)s at "
                        "position %(position)s); save the file as UTF-8"
                    ),
                    source=_(source) if source == STDIN else source,
                    number=number,
                    byte=f"{raw[error.start]:02x}",
                    position=error.start + 1,
                )
            )
            continue
        if line.strip():
            lines.append((number, line))
    return lines, problems


def _refuse(problems: list[str], nothing_done: str) -> None:
    if problems:
        typer.echo("\n".join(problems), err=True)
        fail(nothing_done, 2)


# what a pair's line may say of either person after the two names (a.KEY=VALUE, b.KEY=VALUE)
EVIDENCE_KEYS = ("birth", "sex", "nationality", "document")


def _evidence(
    number: int, fields: list[str], problems: list[str]
) -> tuple[Evidence, Evidence] | None:
    """The evidence ``a.birth=1979-04-12``, ``b.document=…`` fields give of each person, or None."""
    from pydantic_core import PydanticCustomError

    from mekongx.domains.fugitives.schemas import country, partial_date
    from mekongx.matching import Evidence

    _ = translator(cli_language())
    said: dict[str, dict[str, Any]] = {"a": {"documents": []}, "b": {"documents": []}}
    for field in fields:
        key, equals, value = field.partition("=")
        side, _dot, name = key.strip().partition(".")
        value = value.strip()
        if not equals or side not in said or name not in EVIDENCE_KEYS:
            problems.append(
                _(
                    N_(
                        "line %(number)s: %(text)s is not a field this command reads: after the "
                        "two names write a.birth=, a.sex=, a.nationality=, a.document= (or the "
                        "same with b.) and a value"
                    ),
                    number=number,
                    text=repr(field[:60]),
                )
            )
            continue
        try:
            if name == "birth":
                said[side]["birth_date"] = partial_date(value) or None
            elif name == "nationality":
                said[side]["nationality"] = country(value) or None
            elif name == "sex":
                if value.upper() not in {"M", "F"}:
                    raise PydanticCustomError("mekongx", N_("Write the sex as M or F."))
                said[side]["gender"] = value.upper()
            elif value:
                if len(value) > 64:
                    raise PydanticCustomError(
                        "mekongx", N_("the document number is longer than 64 characters.")
                    )
                said[side]["documents"].append(value)
        except PydanticCustomError as error:
            problems.append(
                _(
                    N_("line %(number)s, %(field)s: %(problem)s"),
                    number=number,
                    field=key.strip(),
                    problem=_(error.message_template, **(error.context or {})),
                )
            )
    if not fields:
        return None
    a, b = said["a"], said["b"]
    a["documents"], b["documents"] = tuple(a["documents"]), tuple(b["documents"])
    return Evidence(**a), Evidence(**b)


def _read_pairs(data: bytes) -> list[Pair]:
    _ = translator(cli_language())
    lines, problems = _lines(data, STDIN)
    pairs: list[Pair] = []
    for number, line in lines:
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            problems.append(
                _(
                    N_(
                        "line %(number)s: expected two names separated by one TAB "
                        "(name_a<TAB>name_b), found %(count)s field(s): %(text)s"
                    ),
                    number=number,
                    count=len(fields),
                    text=repr(line[:60]),
                )
            )
            continue
        evidence = _evidence(number, [f for f in fields[2:] if f.strip()], problems)
        pairs.append((fields[0].strip(), fields[1].strip(), evidence))
    _refuse(problems, N_("No scores were written."))
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
    """Read ``name_a<TAB>name_b`` lines on stdin; print ``score<TAB>1|0`` per line.

    After the two names a line may say more of either person, each a TAB-separated field:
    ``a.birth=1979-04-12`` (or 1979-04, 1979; a Buddhist-Era year is read as such),
    ``a.sex=M``, ``a.nationality=TH``, ``a.document=<passport or ID number>`` (repeatable), and
    the same with ``b.``; the score and the explanation then weigh them.
    """
    from mekongx.matching import LANGUAGES, score
    from mekongx.matching.calibration import threshold as default_threshold

    if explain is not None and explain not in LANGUAGES:
        fail(
            N_("--explain: expected one of %(choices)s, got %(value)s"),
            2,
            choices=", ".join(LANGUAGES),
            value=repr(explain),
        )
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        fail(
            N_("--threshold: expected a probability between 0 and 1, got %(value)s"),
            2,
            value=threshold,
        )
    thr = default_threshold() if threshold is None else threshold
    out = []
    for a, b, evidence in _read_pairs(sys.stdin.buffer.read()):
        m = score(a, b, evidence=evidence)
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

    _ = translator(cli_language())
    lines, problems = _lines(watchlist.read_bytes(), str(watchlist))
    entries: list[tuple[str, str]] = []
    for number, raw in lines:
        fields = raw.split("\t")
        if len(fields) > 2 or not fields[-1].strip():
            problems.append(
                _(
                    N_("%(source)s, line %(number)s: expected a name or id<TAB>name"),
                    source=str(watchlist),
                    number=number,
                )
            )
            continue
        entries.append((fields[0].strip() if len(fields) == 2 else str(number), fields[-1].strip()))
    queries, query_problems = _lines(sys.stdin.buffer.read(), STDIN)
    _refuse(problems + query_problems, N_("No names were screened."))
    index = Index()
    index.add_many(entries, processes=processes)
    for _number, raw in queries:
        query = raw.strip()
        for hit in index.search(query, limit, min_probability=min_probability):
            typer.echo(
                f"{query}\t{hit.id}\t{hit.name}\t{hit.probability:.4f}\t{hit.decision.value}"
            )
