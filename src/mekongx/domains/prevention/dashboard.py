"""Reach and outcomes by programme, region and year, side by side for the countries, and the
same as a workbook (``mekongx.documents``). Only programmes the user may see are counted; the
charts are drawn by the delivery layer from these figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx import documents as doc
from mekongx.audit import record_read
from mekongx.authz import Permission, Principal, require, visible
from mekongx.domains.prevention import mapping
from mekongx.domains.prevention.models import SEARCH_KIND, Indicator, Outcome, Programme, Reach
from mekongx.i18n import N_, translator
from mekongx.i18n.texts import marked

HEADLINE = ("participants", "members")  # the people a programme reached, in its own terms


@dataclass
class ReachRow:
    programme: Programme
    year: int
    region: str
    measures: dict[str, int]  # measure → count (age band "all", sex "all", else their sum)
    minors: int  # of which in the age bands under 18, where the breakdown says so
    female: int | None


@dataclass
class OutcomeRow:
    programme: Programme
    indicator: Indicator
    year: int
    region: str
    level: str
    numerator: float
    denominator: float | None
    verified: bool

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass
class Dashboard:
    years: list[int]
    countries: list[str]
    reach: dict[str, list[ReachRow]]  # country → rows
    outcomes: dict[str, list[OutcomeRow]]
    pairs: list[mapping.Pair]
    series: dict[str, dict[int, int]] = field(
        default_factory=dict
    )  # programme label → year → people


def build(
    session: Session, principal: Principal, *, year_from: int = 1990, year_to: int = 2100,
    country: str = "", region: str = "",
) -> Dashboard:  # fmt: skip
    require(principal, Permission.READ_RECORDS)
    stmt = visible(principal, Programme)
    if country:
        stmt = stmt.where(Programme.country == country)
    programmes = {p.id: p for p in session.scalars(stmt)}
    counts: dict[tuple[int, int, str], dict[str, int]] = defaultdict(dict)
    parts: dict[tuple[int, int, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    minors: dict[tuple[int, int, str], int] = defaultdict(int)
    female: dict[tuple[int, int, str], int] = {}
    reach = select(Reach).where(
        Reach.programme_id.in_(programmes), Reach.year >= year_from, Reach.year <= year_to
    )
    if region:
        reach = reach.where(Reach.region == region)
    for r in session.scalars(reach):
        key = (r.programme_id, r.year, r.region)
        if r.age_band == "all" and r.sex == "all":
            counts[key][r.measure] = r.count
        elif r.age_band != "all" and r.sex != "all":
            parts[key][r.measure] += r.count
            if r.measure in HEADLINE and r.age_band in ("6-11", "12-14", "15-17"):
                minors[key] += r.count
            if r.measure in HEADLINE and r.sex == "f":
                female[key] = female.get(key, 0) + r.count
    rows: dict[str, list[ReachRow]] = defaultdict(list)
    series: dict[str, dict[int, int]] = defaultdict(dict)
    for key in sorted(set(counts) | set(parts), key=lambda k: (k[1], k[2], k[0])):
        pid, year, reg = key
        measures = {**parts.get(key, {}), **counts.get(key, {})}
        p = programmes[pid]
        rows[p.country].append(
            ReachRow(p, year, reg, measures, minors.get(key, 0), female.get(key))
        )
        people = next((measures[m] for m in HEADLINE if m in measures), None)
        if people is not None and (region or reg == ""):
            series[f"{p.country} · {p.code}"][year] = people
    outcomes: dict[str, list[OutcomeRow]] = defaultdict(list)
    stmt2 = (
        select(Outcome, Indicator)
        .join(Indicator, Indicator.id == Outcome.indicator_id)
        .where(Indicator.programme_id.in_(programmes), Outcome.year >= year_from, Outcome.year <= year_to)
        .order_by(Indicator.code, Outcome.year, Outcome.region, Outcome.level)
    )  # fmt: skip
    if region:
        stmt2 = stmt2.where(Outcome.region == region)
    uids = []
    for o, i in session.execute(stmt2).all():
        p = programmes[i.programme_id]
        uids.append(i.uid)
        outcomes[p.country].append(
            OutcomeRow(p, i, o.year, o.region, o.level, o.numerator, o.denominator, o.verified)
        )
    years = sorted(
        {r.year for rs in rows.values() for r in rs}
        | {o.year for os in outcomes.values() for o in os}
    )
    countries = sorted(set(rows) | set(outcomes) | {p.country for p in programmes.values()})
    pairs = mapping.pairs(session, principal, sorted(set(uids))) if uids else []
    return Dashboard(years, countries, dict(rows), dict(outcomes), pairs, dict(series))  # fmt: skip


def workbook(session: Session, principal: Principal, board: Dashboard, agency: str) -> bytes:
    """The dashboard's figures as an xlsx workbook in the user's language (audited)."""
    require(principal, Permission.EXPORT)
    lang = principal.language if principal.language in doc.LANGUAGES else "en"
    _ = translator(principal.language)
    board = _exportable(board)
    shown = {r.programme.uid: r.programme for rs in board.reach.values() for r in rs}
    shown |= {o.programme.uid: o.programme for os in board.outcomes.values() for o in os}
    handling = max((p.handling_code for p in shown.values()), default="H0")
    reach_rows = [
        [r.programme.country, r.programme.code, marked(r.programme.texts("name"), lang), r.year,
         r.region or _("whole country"), *[r.measures.get(m) for m in ("participants", "members", "schools", "districts", "units")],
         r.minors or None]
        for c in board.countries for r in board.reach.get(c, [])
    ]  # fmt: skip
    outcome_rows = [
        [o.programme.country, o.programme.code, o.indicator.code, marked(o.indicator.texts("name"), lang),
         o.year, o.region or _("whole country"), o.level, doc.Number(o.numerator, 0),
         doc.Number(o.denominator, 0) if o.denominator else None,
         doc.Number(100 * o.rate, 1) if o.rate is not None else None,
         _("yes") if o.verified else _("no")]
        for c in board.countries for o in board.outcomes.get(c, [])
    ]  # fmt: skip
    pair_rows = [
        [f"{p.left_programme.code} {p.left.code}", f"{p.right_programme.code} {p.right.code}",
         _(VERDICT_LABELS[p.mapping.verdict]), p.mapping.statement]
        for p in board.pairs
    ]  # fmt: skip
    document = doc.Document(
        title=_("Prevention among children and youth"), lang=lang, agency=agency, handling=handling,
        blocks=[
            doc.Table([_("Country"), _("Programme"), doc.Column(_("Name"), 2), _("Year"), _("Region"),
                       _("Participants"), _("Members"), _("Schools"), _("Districts"), _("Units"),
                       _("Of whom under 18")], reach_rows, title=_("Reach"), sheet=_("Reach")),
            doc.Table([_("Country"), _("Programme"), _("Indicator"), doc.Column(_("Name"), 2), _("Year"),
                       _("Region"), _("Level"), _("Numerator"), _("Denominator"), _("Rate (%)"),
                       _("Verified")], outcome_rows, title=_("Outcomes"), sheet=_("Outcomes")),
            doc.Table([_("Indicator"), _("Indicator"), _("Comparable"), doc.Column(_("Why"), 3)],
                      pair_rows, title=_("Comparability"), sheet=_("Comparability")),
        ],
        landscape=True,
    )  # fmt: skip
    content = doc.to_xlsx(document)
    record_read(session, principal.actor, "prevention.dashboard.export", SEARCH_KIND, "",
                details={"rows": len(reach_rows) + len(outcome_rows), "bytes": len(content)})  # fmt: skip
    return content


VERDICT_LABELS = {
    "same": N_("measure the same thing"),
    "partial": N_("comparable in part"),
    "not_comparable": N_("not comparable"),
}


def _exportable(board: Dashboard) -> Dashboard:
    """The board without received H3 programmes, which are never exported."""

    def ok(p: Programme) -> bool:
        return not (p.received and p.handling_code == "H3")

    return Dashboard(
        board.years, board.countries,
        {c: [r for r in rs if ok(r.programme)] for c, rs in board.reach.items()},
        {c: [o for o in os if ok(o.programme)] for c, os in board.outcomes.items()},
        [p for p in board.pairs if ok(p.left_programme) and ok(p.right_programme)],
        board.series,
    )  # fmt: skip
