"""Charts drawn on the server as SVG (no script, nothing fetched): a Sankey diagram of traced
money. The page renders the shapes computed here; a table beside each chart gives the same
figures to readers who cannot see it."""

from __future__ import annotations

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
