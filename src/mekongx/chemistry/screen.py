"""Screening declaration lines against the register: the library's main entry points.

``Screener.screen_line`` turns one line into zero or more ``ScreenResult`` rows: one per
substance found, one per possible analogue (an unregistered glycidate ester), or one line-level
row when a generic HS code with a vague description travels with other risk signals. ``screen_file`` reads a CSV/XLSX file, optionally over several
processes, and ``write_report`` writes the results atomically (temporary file, then rename).
"""

from __future__ import annotations

import contextlib
import csv
import gc
import multiprocessing as mp
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from mekongx.chemistry.declarations import (
    STREAMING,
    DeclarationFileError,
    DeclarationLine,
    Layout,
    RowIssue,
    make_layout,
    open_rows,
    parse_row,
)
from mekongx.chemistry.matcher import Matcher
from mekongx.chemistry.register import Register
from mekongx.chemistry.register_files import load_register
from mekongx.chemistry.risk import Reason, RiskContext, RiskScorer, band
from mekongx.tabular import Limits, safe_row

__all__ = [
    "REPORT_COLUMNS",
    "ScreenReport",
    "ScreenResult",
    "Screener",
    "screen_file",
    "write_report",
]

REPORT_COLUMNS = (
    "declaration_id",
    "line_no",
    "row",
    "substance",
    "substance_id",
    "cas",
    "table",
    "match",
    "score",
    "band",
    "reason_codes",
    "reasons",
)
_CHUNK = 4000


class ScreenResult(NamedTuple):
    """One report row (a named tuple: cheap to send back from worker processes)."""

    declaration_id: str
    line_no: int
    row: int
    substance_id: str
    substance: str
    cas: str
    table: str
    match: str
    score: int
    reasons: tuple[Reason, ...]

    @property
    def band(self) -> str:
        return band(self.score)

    def as_row(self, lang: str = "en") -> list[str]:
        return [
            self.declaration_id,
            str(self.line_no),
            str(self.row),
            self.substance,
            self.substance_id,
            self.cas,
            self.table,
            self.match,
            str(self.score),
            self.band,
            " ".join(r.code for r in self.reasons),
            "; ".join(r.message(lang) for r in self.reasons),
        ]


@dataclass
class ScreenReport:
    results: list[ScreenResult] = field(default_factory=list)
    lines_read: int = 0
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def skipped(self) -> list[RowIssue]:
        """Rows not screened at all (a row with one bad field was screened on the others)."""
        return [i for i in self.issues if not i.screened]

    @property
    def lines_hit(self) -> int:
        return len({(r.declaration_id, r.line_no, r.row) for r in self.results})


def _one_hs_result(found: list[ScreenResult]) -> ScreenResult:
    """One result for a line matched by nothing but an HS subheading that several substances
    share (2939.41: ephedrine and racephedrine): the code cannot tell which, so the line says
    so once, with the highest-scoring substance's other reasons, not once per substance."""
    best = max(found, key=lambda r: r.score)
    hs = next(dict(r.params)["hs"] for r in best.reasons if r.code == "MATCH_HS_SPECIFIC")
    shared = Reason(
        "MATCH_HS_SHARED",
        0,
        (
            ("hs", hs),
            ("count", str(len(found))),
            ("substances", "\n".join(r.substance for r in found)),
        ),
    )
    others = tuple(r for r in best.reasons if r.code != "MATCH_HS_SPECIFIC")
    return ScreenResult(
        declaration_id=best.declaration_id,
        line_no=best.line_no,
        row=best.row,
        substance_id="+".join(r.substance_id for r in found),
        substance=" / ".join(r.substance for r in found),
        cas="",
        table=best.table,
        match="hs_specific",
        score=best.score,
        reasons=(shared, *others),
    )


class Screener:
    """Matcher plus risk scorer over one register; build once, reuse for many lines."""

    def __init__(
        self, register: Register | None = None, context: RiskContext | None = None
    ) -> None:
        self.register = register or load_register()
        self.matcher = Matcher(self.register)
        self.scorer = RiskScorer(self.register, context)

    def screen_line(self, line: DeclarationLine) -> list[ScreenResult]:
        lm = self.matcher.match(line.description, line.cas, line.hs_code)
        if not lm.matches and not lm.hs_generic and not lm.analogues:
            return []
        line_reasons = self.scorer.line_reasons(line, lm)
        results: list[ScreenResult] = []
        for rule in lm.analogues:
            # A class listed as such ("BMK glycidic acid and its esters", China 2024) makes an
            # unregistered member a legal hit there, not only a possible analogue.
            listed = bool(rule.national_lists)
            reasons = [
                self.scorer.analogue_reason(rule.label),
                *self.scorer.class_reasons(rule),
                *line_reasons,
            ]
            results.append(
                ScreenResult(
                    declaration_id=line.declaration_id,
                    line_no=line.line_no,
                    row=line.row,
                    substance_id=rule.id,
                    substance=rule.label,
                    cas="",
                    table="national" if listed else "analogue",
                    match="class_rule" if listed else "analogue",
                    score=sum(r.weight for r in reasons),
                    reasons=tuple(reasons),
                )
            )
        by_hs_only: list[ScreenResult] = []
        for sm in lm.matches:
            reasons = self.scorer.substance_reasons(line, sm) + line_reasons
            sub = sm.substance
            result = ScreenResult(
                declaration_id=line.declaration_id,
                line_no=line.line_no,
                row=line.row,
                substance_id=sub.id,
                substance=sub.name,
                cas=sub.cas or "",
                table=sub.table,
                match="+".join(sm.kinds),
                score=sum(r.weight for r in reasons),
                reasons=tuple(reasons),
            )
            (by_hs_only if sm.kinds == ["hs_specific"] else results).append(result)
        if len(by_hs_only) > 1:
            results.append(_one_hs_result(by_hs_only))
        else:
            results.extend(by_hs_only)
        if not results and lm.hs_generic and lm.vague and not lm.analogues:
            others = [r for r in line_reasons if r.code != "HS_GENERIC_VAGUE"]
            if others:
                results.append(
                    ScreenResult(
                        declaration_id=line.declaration_id,
                        line_no=line.line_no,
                        row=line.row,
                        substance_id="",
                        substance="",
                        cas="",
                        table="",
                        match="hs_generic",
                        score=sum(r.weight for r in line_reasons),
                        reasons=tuple(line_reasons),
                    )
                )
        return results

    def screen(self, lines: Iterable[DeclarationLine]) -> Iterator[ScreenResult]:
        for line in lines:
            yield from self.screen_line(line)


# ---------------------------------------------------------------------- file screening
# Parallel CSV screening: every worker reads the whole file (a plain CSV pass is ~20x cheaper than
# screening) and screens every n-th row, so no rows travel between processes and quoted newlines
# inside fields stay correct. Excel files are screened in one process.
_SHARED: dict[str, object] = {}


def _stride_worker(task: tuple[int, int]) -> tuple[int, list[ScreenResult], list[RowIssue]]:
    part, parts = task
    screener = _SHARED["screener"]
    path = _SHARED["path"]
    mapping = _SHARED["mapping"]
    strict = bool(_SHARED["strict"])
    limits = _SHARED["limits"]
    assert isinstance(screener, Screener) and isinstance(path, Path)
    assert isinstance(limits, Limits)
    header, rows = open_rows(path, limits)
    gc.disable()  # results are acyclic; cyclic GC passes only cost time in a worker
    with rows:
        layout = make_layout(header, path, mapping)  # type: ignore[arg-type]
        mine = (item for index, item in enumerate(rows) if index % parts == part)
        results: list[ScreenResult] = []
        issues: list[RowIssue] = []
        read = 0
        for number, cells in mine:
            parsed = parse_row(number, cells, layout)
            if isinstance(parsed, RowIssue):
                issues.append(parsed)
                if strict and parsed.fatal:
                    break
                continue
            issues.extend(parsed.problems)
            if strict and parsed.problems:
                break
            read += 1
            results.extend(screener.screen_line(parsed))
    return read, results, issues


def _screen_rows(
    screener: Screener, layout: Layout, chunk: Iterable[tuple[int, list[str]]]
) -> tuple[int, list[ScreenResult], list[RowIssue]]:
    results: list[ScreenResult] = []
    issues: list[RowIssue] = []
    read = 0
    for number, cells in chunk:
        parsed = parse_row(number, cells, layout)
        if isinstance(parsed, RowIssue):
            issues.append(parsed)
            continue
        issues.extend(parsed.problems)
        read += 1
        results.extend(screener.screen_line(parsed))
    return read, results, issues


def _chunks(rows: Iterable[tuple[int, list[str]]]) -> Iterator[list[tuple[int, list[str]]]]:
    iterator = iter(rows)
    while True:
        chunk = list(islice(iterator, _CHUNK))
        if not chunk:
            return
        yield chunk


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Screening allocates many small acyclic objects; cyclic GC passes over them only cost
    time (about 15 %), so collection is paused for the run and restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def screen_file(
    path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    context: RiskContext | None = None,
    strict: bool = True,
    workers: int = 1,
    screener: Screener | None = None,
    limits: Limits = STREAMING,
) -> ScreenReport:
    """Screen a CSV/XLSX file. With ``strict`` the first bad row raises ``DeclarationFileError``
    (blank rows never do); otherwise rows with nothing to screen are skipped, rows with one bad
    field are screened on the others, and both are listed in ``report.issues``.
    ``workers`` > 1 screens a CSV file in that many processes (fork start method). The file is
    read within ``limits`` (see ``mekongx.tabular``)."""
    header, rows = open_rows(path, limits)
    try:
        layout = make_layout(header, path, mapping)
    except DeclarationFileError:
        rows.close()
        raise
    own = screener or Screener(context=context)
    report = ScreenReport()

    def absorb(read: int, results: list[ScreenResult], issues: list[RowIssue]) -> None:
        fatal = [i for i in issues if i.fatal]
        if strict and fatal:
            first = min(fatal, key=lambda i: i.row)
            raise DeclarationFileError(
                first.code, row=first.row, column=first.column, value=first.value
            )
        report.lines_read += read
        report.results.extend(results)
        report.issues.extend(issues)

    parallel = (
        workers > 1
        and path.suffix.lower() in (".csv", ".txt", ".tsv")
        and "fork" in mp.get_all_start_methods()
    )
    with _gc_paused():
        try:
            if not parallel:
                for chunk in _chunks(rows):
                    absorb(*_screen_rows(own, layout, chunk))
                return report
        finally:
            rows.close()
        _SHARED.update(screener=own, path=path, mapping=mapping, strict=strict, limits=limits)
        gc.freeze()  # keep the shared register pages from being copied by reference counting
        try:
            with mp.get_context("fork").Pool(workers) as pool:
                outcomes = pool.map(_stride_worker, [(k, workers) for k in range(workers)])
        finally:
            gc.unfreeze()
            _SHARED.clear()
    read = sum(o[0] for o in outcomes)
    merged = sorted((r for o in outcomes for r in o[1]), key=lambda r: r.row)
    issues = sorted((i for o in outcomes for i in o[2]), key=lambda i: i.row)
    absorb(read, merged, issues)
    return report


def write_report(results: Iterable[ScreenResult], out: Path, lang: str = "en") -> int:
    """Write results as CSV atomically (formula cells defused); returns the rows written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(REPORT_COLUMNS)
            for result in results:
                writer.writerow(safe_row(result.as_row(lang)))
                count += 1
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count
