"""Charts drawn on the server as SVG (no script, nothing fetched): a Sankey diagram of traced
money and grouped bars (programmes' reach by year). The page renders the shapes computed here;
a table beside each chart gives the same figures to readers who cannot see it."""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

PALETTE = ("#1f5f8b", "#b5462f", "#3a7d44", "#7a4f9a", "#a87a12", "#2f7f86", "#8a3b5c")


@dataclass(frozen=True)
class SankeyNode:
    name: str
    column: int
    x: float
    y: float
    height: float
    amount: float
    colour: str


@dataclass(frozen=True)
class SankeyLink:
    source: str
    target: str
    amount: float
    path: str
    width: float
    colour: str


@dataclass(frozen=True)
class Sankey:
    width: float
    height: float
    nodes: list[SankeyNode]
    links: list[SankeyLink]


def sankey(
    flows: Iterable[tuple[str, str, float]],
    start: str,
    *,
    width: float = 960,
    node_width: float = 14,
    gap: float = 14,
    min_height: float = 2,
    max_nodes: int = 60,
) -> Sankey:
    """Lay out ``flows`` (source, target, amount) from ``start``: columns by hops from the start,
    band widths proportional to the amounts. Flows between the same two accounts are added up;
    beyond ``max_nodes`` accounts the smallest are left out (the ledger table keeps them)."""
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for source, target, amount in flows:
        if amount > 0 and source != target:
            totals[(source, target)] += amount
    through: dict[str, float] = defaultdict(float)
    for (source, target), amount in totals.items():
        through[source] += amount
        through[target] += amount
    keep = {start, *sorted(through, key=lambda n: -through[n])[: max_nodes - 1]}
    totals = {k: v for k, v in totals.items() if k[0] in keep and k[1] in keep}
    column = _columns(totals, start)
    if not column:
        return Sankey(width, 0, [], [])
    totals = {k: v for k, v in totals.items() if k[0] in column and k[1] in column}
    inflow: dict[str, float] = defaultdict(float)
    outflow: dict[str, float] = defaultdict(float)
    for (source, target), amount in totals.items():
        outflow[source] += amount
        inflow[target] += amount
    size = {n: max(inflow[n], outflow[n]) for n in column}
    columns: dict[int, list[str]] = defaultdict(list)
    for name in sorted(column, key=lambda n: (column[n], -size[n], n)):
        columns[column[name]].append(name)
    tallest = max(len(names) for names in columns.values())
    height = max(240.0, tallest * 46.0)
    scale = min(
        (height - gap * (len(names) - 1)) / max(sum(size[n] for n in names), 1e-9)
        for names in columns.values()
    )
    span = (width - node_width) / max(max(columns), 1)
    nodes: dict[str, SankeyNode] = {}
    for index, names in columns.items():
        used = sum(max(size[n] * scale, min_height) for n in names) + gap * (len(names) - 1)
        y = (height - used) / 2
        for name in names:
            h = max(size[name] * scale, min_height)
            colour = PALETTE[len(nodes) % len(PALETTE)]
            nodes[name] = SankeyNode(name, index, index * span, y, h, size[name], colour)
            y += h + gap
    out_at = {n: node.y for n, node in nodes.items()}
    in_at = {n: node.y for n, node in nodes.items()}
    links = []
    ordered = sorted(totals.items(), key=lambda kv: (nodes[kv[0][0]].y, nodes[kv[0][1]].y))
    for (source, target), amount in ordered:
        a, b = nodes[source], nodes[target]
        band = max(amount * scale, 1.0)
        y0 = out_at[source] + band / 2
        y1 = in_at[target] + band / 2
        out_at[source] += band
        in_at[target] += band
        x0, x1 = a.x + node_width, b.x
        if x1 <= x0:  # money going back to an earlier column: a loop under the nodes
            x1 = b.x + node_width
            dip = height + 20
            path = f"M{x0:.1f},{y0:.1f} C{x0 + 60:.1f},{dip:.1f} {x1 - 60:.1f},{dip:.1f} {x1:.1f},{y1:.1f}"
        else:
            mid = (x0 + x1) / 2
            path = f"M{x0:.1f},{y0:.1f} C{mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
        links.append(SankeyLink(source, target, round(amount, 2), path, band, a.colour))
    drawn_height = height + (40 if any(n.column == 0 for n in nodes.values()) else 0)
    return Sankey(width, drawn_height, list(nodes.values()), links)


def _columns(totals: dict[tuple[str, str], float], start: str) -> dict[str, int]:
    """Hops from ``start`` along the flows (accounts not reached from it are left out)."""
    after: dict[str, list[str]] = defaultdict(list)
    for source, target in totals:
        after[source].append(target)
    column = {start: 0}
    queue = deque([start])
    while queue:
        name = queue.popleft()
        for nxt in sorted(after[name]):
            if nxt not in column:
                column[nxt] = column[name] + 1
                queue.append(nxt)
    return column if len(column) > 1 else {}


@dataclass(frozen=True)
class Bar:
    series: str
    category: str
    value: float
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class Bars:
    """A grouped bar chart: one group per category (a year), one bar per series (a programme)."""

    width: float
    height: float
    top: float  # the plot area's top and bottom (y grows downwards)
    bottom: float
    left: float
    bars: list[Bar]
    ticks: list[tuple[float, float]]  # (y, value)
    categories: list[tuple[float, str]]  # (x of the group's centre, label)
    legend: list[tuple[str, str]]  # (series, colour)
    log: bool


def grouped_bars(
    values: dict[str, dict[str, float]],
    *,
    width: float = 720,
    height: float = 280,
    log_above: float = 100.0,
) -> Bars:
    """Lay out ``values`` (series → category → value). Categories are sorted; when the largest
    value is more than ``log_above`` times the smallest, the scale is logarithmic (figures of
    national programmes and of one province side by side stay visible), which the caption must
    say (``Bars.log``)."""
    categories = sorted({c for by in values.values() for c in by})
    series = sorted(values)
    positive = [v for by in values.values() for v in by.values() if v > 0]
    left, top, bottom = 64.0, 12.0, height - 28
    if not categories or not positive:
        return Bars(width, height, top, bottom, left, [], [], [], [], False)
    low, high = min(positive), max(positive)
    log = high / low > log_above
    if log:
        floor = 10 ** math.floor(math.log10(low))
        ceiling = 10 ** math.ceil(math.log10(high))
        decades = max(1, round(math.log10(ceiling / floor)))
        ticks = [floor * 10**i for i in range(decades + 1)]

        def scale(v: float) -> float:
            return (math.log10(max(v, floor)) - math.log10(floor)) / decades
    else:
        step = _step(high)
        ceiling = step * math.ceil(high / step)
        ticks = [step * i for i in range(round(ceiling / step) + 1)]

        def scale(v: float) -> float:
            return v / ceiling

    left = max(left, 12 + 7.5 * max(len(f"{t:,.0f}") for t in ticks))  # room for the labels
    span = bottom - top
    group = (width - left - 8) / len(categories)
    bar = min(28.0, group * 0.8 / max(len(series), 1))
    bars = []
    for ci, category in enumerate(categories):
        start = left + ci * group + (group - bar * len(series)) / 2
        for si, name in enumerate(series):
            value = values[name].get(category)
            if value is None or value <= 0:
                continue
            h = max(scale(value) * span, 1.0)
            bars.append(Bar(name, category, value, start + si * bar, bottom - h, bar - 2, h,
                            PALETTE[si % len(PALETTE)]))  # fmt: skip
    return Bars(
        width, height, top, bottom, left, bars,
        [(bottom - scale(t) * span, t) for t in ticks],
        [(left + (ci + 0.5) * group, c) for ci, c in enumerate(categories)],
        [(name, PALETTE[si % len(PALETTE)]) for si, name in enumerate(series)], log,
    )  # fmt: skip


def _step(high: float) -> float:
    raw = high / 4
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))
