"""What a reader takes away from a campaign: charts, the EUDA-layout CSV and a bilingual summary.

EUDA-layout CSV (one row per campaign × analyte)
-------------------------------------------------

The European Union Drugs Agency (EUDA, formerly EMCDDA) publishes its multi-city wastewater
results as population-normalised daily loads of each residue (mg/day per 1000 inhabitants), one
row per city, year and substance, with the mean for each day of the week and the daily mean. We
keep that layout so that a partner can put MekongX results next to the European table without
reshaping, and add the columns the EUDA table leaves implicit:

``country, city, site_code, plant, year``
    where and when (``year`` is the year the campaign starts, as EUDA dates a March campaign);
``period_start, period_end``
    the campaign's days (EUDA campaigns are one week; ours may be longer);
``analyte, analyte_name``
    the measured residue (e.g. BE for cocaine), not the parent drug: loads are of the residue;
``monday`` … ``sunday``, ``daily_mean``
    normalised loads, mg/day/1000 inhabitants. When some days are below the limit of
    quantification, the cell holds the Kaplan–Meier bounds ``low–high`` (no substituted value);
    when every day is below it, ``<limit``;
``daily_mean_low, daily_mean_high``
    the 95% Monte Carlo interval of the campaign mean (EUDA publishes none; ours is the point of
    the uncertainty work);
``n_days, n_below_loq, unit, population_served``
    how much the figures rest on;
``consumption_mean, consumption_low, consumption_high``
    parent-drug consumption (mg/day/1000) with its interval — empty when the parameter set
    reports loads only; it depends on the parameter set, hence
``parameter_set``
    the ``id@version`` label every result records;
``origin_agency, campaign_uid``
    provenance, so that a row can be traced to its campaign on the originating node.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict

from mekongx.i18n import N_, format_date, translator
from mekongx.i18n.texts import marked
from mekongx.tabular import safe_cell
from mekongx.wastewater import CensoredSummary, Quantity, kaplan_meier_summary, render

from . import plots
from .analysis import AnalyteResult, CampaignEstimate, RankedCampaign
from .models import WbeCampaign, WbeLab, WbeSite
from .trends import Trend

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
LOAD_UNIT = N_("mg/day per 1000 inhabitants")
EUDA_COLUMNS = (
    "country", "city", "site_code", "plant", "year", "period_start", "period_end",
    "analyte", "analyte_name", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "daily_mean", "daily_mean_low", "daily_mean_high", "n_days",
    "n_below_loq", "unit", "population_served", "consumption_mean", "consumption_low",
    "consumption_high", "parameter_set", "origin_agency", "campaign_uid",
)  # fmt: skip


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


def _km_cell(summary: CensoredSummary) -> str:
    if summary.n_censored == summary.n:
        return f"<{summary.maximum.value:.4g}"
    if abs(summary.mean_high - summary.mean_low) <= 1e-12 * max(summary.mean_high, 1.0):
        return f"{summary.mean_low:.4g}"
    return f"{summary.mean_low:.4g}–{summary.mean_high:.4g}"


def _weekday_loads(estimate: CampaignEstimate, analyte: str) -> dict[int, list[Quantity]]:
    out: dict[int, list[Quantity]] = defaultdict(list)
    for r in estimate.rows:
        e = r.estimate
        if e.sample.analyte == analyte:
            out[e.sample.date.isoweekday()].append(e.load_mg_d_per_1000)
    return out


def euda_csv(campaign: WbeCampaign, site: WbeSite, estimate: CampaignEstimate | None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EUDA_COLUMNS)
    for a in estimate.analytes if estimate else []:
        by_day = _weekday_loads(estimate, a.analyte) if estimate else {}
        days = [
            _km_cell(kaplan_meier_summary(by_day[d])) if by_day.get(d) else "" for d in range(1, 8)
        ]
        c = a.consumption_mean
        writer.writerow(
            [
                site.country, safe_cell(site.city), safe_cell(site.code), safe_cell(site.plant),
                campaign.period_start.year,
                campaign.period_start.isoformat(), campaign.period_end.isoformat(),
                a.analyte, a.name, *days, _km_cell(a.load_summary),
                _num(a.load_mean.low), _num(a.load_mean.high), a.days, a.censored_days,
                "mg/day/1000 inhabitants", site.population_served,
                _num(c.median if c else None), _num(c.low if c else None),
                _num(c.high if c else None), a.parameter_set, campaign.origin_agency,
                campaign.uid,
            ]
        )  # fmt: skip
    return buffer.getvalue()


# --- charts ---------------------------------------------------------------------------------


def _ticks(days: list[dt.date], lang: str) -> list[tuple[float, str]]:
    if not days:
        return []
    first = days[0]
    step = max(1, -(-len(days) // 4))
    chosen = days[::step]
    return [(float((d - first).days), format_date(d, lang)) for d in chosen]


def daily_chart(estimate: CampaignEstimate, a: AnalyteResult, lang: str) -> str:
    """Daily values with the Monte Carlo interval band (consumption where reported)."""
    _ = translator(lang)
    rows = sorted(
        (r for r in estimate.rows if r.estimate.sample.analyte == a.analyte),
        key=lambda r: r.estimate.sample.date,
    )
    days = [r.estimate.sample.date for r in rows]
    x = [float((d - days[0]).days) for d in days] if days else []
    if a.reports_consumption and all(r.consumption_median is not None for r in rows):
        median = [float(r.consumption_median or 0.0) for r in rows]
        low = [float(r.consumption_low or 0.0) for r in rows]
        high = [float(r.consumption_high or 0.0) for r in rows]
        title = _("%(analyte)s: daily consumption with 95%% interval", analyte=a.name)
        y_label = _("mg/day per 1000 inhabitants")
    else:
        median = [r.estimate.load_mg_d_per_1000.value for r in rows]
        low, high = median, median
        title = _("%(analyte)s: daily normalised load", analyte=a.name)
        y_label = _(LOAD_UNIT)
    censored = [r.estimate.load_mg_d_per_1000.censored for r in rows]
    return plots.band_chart(
        title, x, _ticks(days, lang), median, low, high, y_label, _("No data yet."), censored
    )


def weekday_sentence(a: AnalyteResult, lang: str) -> str:
    """The weekend/weekday ratio (bounds when days are below the LOQ) and its test."""
    _ = translator(lang)
    w = a.weekday
    if w is None:
        return ""
    low, high = w.ratio_low, w.ratio_high
    ratio = f"{low:.2f}" if abs(high - low) < 5e-3 else f"{low:.2f}–{high:.2f}"
    p = "—" if w.p_value is None else f"{w.p_value:.3f}"
    text = _("Weekend/weekday ratio %(ratio)s (Mann–Whitney p = %(p)s).", ratio=ratio, p=p)
    if w.n_censored:
        text += " " + _(
            "%(count)s days below the LOQ are kept, as bounds between zero and their LOQ.",
            count=w.n_censored,
        )
    return text + " " + _("A 24-hour composite belongs to the day its collection started.")


def weekday_chart(a: AnalyteResult, lang: str) -> str:
    _ = translator(lang)
    title = _("%(analyte)s: mean by day of the week", analyte=a.name)
    if a.weekday is not None and a.weekday.n_censored:
        title = _(
            "%(analyte)s: mean by day of the week (upper bound: days below the LOQ at their LOQ)",
            analyte=a.name,
        )
    means = a.weekday.means if a.weekday else {}
    values = [means.get(d) for d in range(1, 8)]
    unit = _("mg/day per 1000 inhabitants")
    return plots.bar_chart(
        title,
        [_(w) for w in WEEKDAYS],
        values,
        unit,
        [False] * 5 + [True, True],
        _("Needs quantified weekdays and weekend days."),
    )


def budget_chart(a: AnalyteResult, lang: str) -> str:
    _ = translator(lang)
    shares = a.budget.shares
    terms = list(shares)
    return plots.share_chart(
        _("%(analyte)s: uncertainty budget", analyte=a.name),
        [a.budget.label(t, lang) for t in terms],
        [shares[t] for t in terms],
        _("No data yet."),
    )


def campaign_charts(estimate: CampaignEstimate | None, lang: str) -> dict[str, str]:
    """Every chart of a campaign, keyed ``daily-METH``, ``weekday-METH``, ``budget-METH``."""
    charts: dict[str, str] = {}
    for a in estimate.analytes if estimate else []:
        charts[f"daily-{a.analyte}"] = daily_chart(estimate, a, lang) if estimate else ""
        charts[f"weekday-{a.analyte}"] = weekday_chart(a, lang)
        charts[f"budget-{a.analyte}"] = budget_chart(a, lang)
    return charts


def _metric_unit(metric: str, lang: str) -> str:
    _ = translator(lang)
    if metric == "consumption":
        return _("Consumption, mg/day per 1000 inhabitants")
    return _("Normalised load, mg/day per 1000 inhabitants")


def ranking_chart(
    ranked: list[RankedCampaign], analyte: str, metric: str, lang: str, parameter_set: str = ""
) -> str:
    _ = translator(lang)
    subtitle = _metric_unit(metric, lang)
    if parameter_set:
        subtitle += " · " + _("parameter set %(label)s", label=parameter_set)
    return plots.interval_chart(
        _("%(analyte)s: cities ranked by campaign mean (95%% interval)", analyte=analyte),
        [r.label for r in ranked],
        [r.ranking.median for r in ranked],
        [r.ranking.low for r in ranked],
        [r.ranking.high for r in ranked],
        _metric_unit(metric, lang),
        [
            _("rank %(low)s–%(high)s", low=r.ranking.rank_low, high=r.ranking.rank_high)
            for r in ranked
        ],
        _("At least two campaigns with this analyte are needed."),
        subtitle=subtitle,
    )


def trend_chart(result: Trend, analyte: str, metric: str, lang: str) -> str:
    _ = translator(lang)
    points = result.points
    base = points[0].midpoint if points else dt.date(2000, 1, 1)
    x = [float((p.midpoint - base).days) for p in points]
    labels = [(float((p.midpoint - base).days), format_date(p.midpoint, lang)) for p in points]
    return plots.band_chart(
        _("%(analyte)s: campaign means over time (95%% interval)", analyte=analyte),
        x,
        labels[:: max(1, -(-len(labels) // 5))],
        [p.band.median for p in points],
        [p.band.low for p in points],
        [p.band.high for p in points],
        _("mg/day per 1000 inhabitants"),
        _("No campaign with this analyte yet."),
        subtitle=_metric_unit(metric, lang)
        + (" · " + _("parameter set %(label)s", label=result.parameter_set)
           if result.parameter_set else ""),
    )  # fmt: skip


# --- summary ----------------------------------------------------------------------------------


def _summary_in(
    lang: str,
    campaign: WbeCampaign,
    site: WbeSite,
    lab: WbeLab | None,
    estimate: CampaignEstimate | None,
) -> list[str]:
    _ = translator(lang)
    lines = [
        marked(campaign.texts("title"), lang),
        _("Site: %(plant)s, %(city)s (%(country)s)", plant=marked(site.texts("plant"), lang),
          city=marked(site.texts("city"), lang),
          country=site.country),
        _("Period: %(start)s – %(end)s", start=format_date(campaign.period_start, lang),
          end=format_date(campaign.period_end, lang)),
        _("Laboratory: %(name)s", name=lab.name if lab else "—"),
        _("Parameter set: %(label)s", label=campaign.parameter_set),
        _("Originating agency: %(agency)s", agency=campaign.origin_agency),
        "",
    ]  # fmt: skip
    if estimate is None:
        lines.append(_("No data yet."))
        return lines
    for a in estimate.analytes:
        lines.append(f"{a.name} ({a.analyte})")
        lines.append(
            "  "
            + _(
                "Normalised load: median of the Monte Carlo campaign mean %(value)s mg/day per "
                "1000 inhabitants (95%% interval %(low)s–%(high)s); Kaplan–Meier mean of the "
                "days %(km)s; %(days)s days, %(censored)s below the LOQ.",
                value=_num(a.load_mean.median),
                low=_num(a.load_mean.low),
                high=_num(a.load_mean.high),
                km=_km_cell(a.load_summary),
                days=a.days,
                censored=a.censored_days,
            )
        )
        if a.consumption_mean is not None:
            c = a.consumption_mean
            lines.append(
                "  "
                + _(
                    "Consumption: median of the Monte Carlo campaign mean %(value)s mg/day per "
                    "1000 inhabitants (95%% interval %(low)s–%(high)s).",
                    value=_num(c.median),
                    low=_num(c.low),
                    high=_num(c.high),
                )
            )
        else:
            lines.append("  " + render("analyte.load_only", lang, analyte=a.analyte))
        lines.append("  " + a.budget.describe(lang))
        if a.weekday is not None:
            lines.append("  " + weekday_sentence(a, lang))
    flags = warnings(estimate, lang)
    if flags:
        lines.append("")
        lines.append(_("Warnings:"))
        lines.extend(f"  - {f}" for f in flags)
    return lines


def warnings(estimate: CampaignEstimate | None, lang: str) -> list[str]:
    """Every warning of a campaign's estimate in ``lang``: the campaign's own (population
    constants) and the days' (dumping, corrections)."""
    if estimate is None:
        return []
    days = {flag.render(lang) for r in estimate.rows for flag in r.estimate.flags}
    return [f.render(lang) for f in estimate.flags] + sorted(days)


def summary_text(
    lang: str,
    campaign: WbeCampaign,
    site: WbeSite,
    lab: WbeLab | None,
    estimate: CampaignEstimate | None,
) -> str:
    """The summary in the reader's language followed by English (once, if that is English)."""
    parts = _summary_in(lang, campaign, site, lab, estimate)
    if lang != "en":
        parts += ["", "=" * 40, "English", "=" * 40, ""]
        parts += _summary_in("en", campaign, site, lab, estimate)
    return "\n".join(parts) + "\n"
