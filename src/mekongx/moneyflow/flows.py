"""Flow patterns among new counterparties: fan-in/out, scatter-gather, gather-scatter,
bipartite sets and layered stacks.

All of them start from *novel* edges (the first transaction between two accounts): mules are
new counterparties, while ordinary life repeats itself (the same shop, employer, family). That
makes the patterns hold when mules also do ordinary business (camouflage), which defeats rules
keyed on low degree. Two-hop patterns also require flow conservation: what an intermediary
forwards is at least ``retention`` of what it received, later, within ``hop_window``.
"""

from __future__ import annotations

import math
from collections import defaultdict

from mekongx.moneyflow.backends import Backend
from mekongx.moneyflow.config import DetectorConfig
from mekongx.moneyflow.model import Alert
from mekongx.moneyflow.scoring import (
    clamp,
    explain,
    hours,
    money,
    r6,
    saturating,
    speed,
    uniformity,
    weighted,
)
from mekongx.moneyflow.sql import CASH, banded, sessions

NOVEL = f"SELECT txid, ts, src, dst, amt, pair_n FROM e WHERE novel = 1 AND src NOT LIKE {CASH} AND dst NOT LIKE {CASH}"


def prepare(backend: Backend, config: DetectorConfig) -> None:
    """Tables every flow detector reads: ``e`` (edges with novelty), ``nv`` (novel edges) and
    ``hop2`` (retained two-hop steps through one intermediary)."""
    backend.table(
        "e",
        "SELECT t.*, CASE WHEN t.ts = min(t.ts) OVER (PARTITION BY t.src, t.dst) THEN 1 ELSE 0 END"
        " AS novel, count(*) OVER (PARTITION BY t.src, t.dst) AS pair_n FROM tx t",
    )
    backend.table("nv", NOVEL)
    side_a, side_b, buckets = banded("nv", config.hop_window, config.retention)
    backend.table(
        "hop2",
        f"""
        SELECT a.src AS s, a.dst AS m, b.dst AS d, a.txid AS t1, b.txid AS t2, a.amt AS a1,
               b.amt AS a2, a.ts AS ts1, b.ts AS ts2
        FROM {side_a} a JOIN {side_b} b ON a.dst = b.src AND {buckets}
        WHERE b.ts > a.ts AND b.ts <= a.ts + {config.hop_window}
          AND b.amt >= {config.retention} * a.amt AND b.amt <= a.amt AND a.src <> b.dst
        """,
    )


def fans(backend: Backend, config: DetectorConfig, direction: str) -> list[Alert]:
    """Bursts of similar payments to (fan_out) or from (fan_in) many new counterparties.

    Within each burst of a centre's new-counterparty payments, the largest group of amounts
    within about ±10 % of each other (two adjacent bins of width ln 1.1) is the candidate. A
    shop's customers or a payroll also bring many new counterparties, so the score weighs how
    much of the burst that group is (purity), whether the relationships are one-off (mules
    are paid once; wages and regular customers recur), its size, its speed and the money it
    moves (a thousand times ``min_amount`` scores full: small change among friends is not what
    an investigator looks for).
    """
    centre, other = ("src", "dst") if direction == "fan_out" else ("dst", "src")
    table = f"{direction}_s"
    binned = "floor(round(ln(amt) / ln(1.1), 9))"
    backend.table(
        table,
        sessions(
            f"SELECT txid, ts, amt, pair_n, {centre} AS c, {other} AS p, {binned} AS bin FROM nv",
            "c",
            config.burst_gap,
        ),
    )
    backend.table(
        f"{direction}_b",
        f"SELECT c, sess, bin, count(DISTINCT p) AS n FROM {table} GROUP BY c, sess, bin",
    )
    backend.table(
        f"{direction}_k",
        f"""
        SELECT c, sess, bin FROM (
            SELECT w.*, row_number() OVER (PARTITION BY w.c, w.sess ORDER BY w.n2 DESC, w.bin) AS rk
            FROM (SELECT a.c, a.sess, a.bin, a.n + coalesce(b.n, 0) AS n2
                  FROM {direction}_b a LEFT JOIN {direction}_b b
                    ON a.c = b.c AND a.sess = b.sess AND b.bin = a.bin + 1) w
        ) r WHERE rk = 1 AND n2 >= {config.fan_min}
        """,
    )
    rows = backend.rows(
        f"""
        SELECT x.c, x.sess, x.txid, x.p, x.amt, x.ts, x.pair_n, t.total
        FROM {table} x
        JOIN {direction}_k k ON x.c = k.c AND x.sess = k.sess AND (x.bin = k.bin OR x.bin = k.bin + 1)
        JOIN (SELECT c, sess, count(DISTINCT p) AS total FROM {table} GROUP BY c, sess) t
          ON t.c = x.c AND t.sess = x.sess
        """
    )
    groups: dict[tuple[str, int], list[tuple[str, str, float, int, int, int]]] = defaultdict(list)
    for c, sess, txid, p, amt, ts, pair_n, total in rows:
        groups[(str(c), int(sess))].append(
            (str(txid), str(p), r6(amt), int(ts), int(pair_n), int(total))
        )
    alerts = []
    for (c, _), members in groups.items():
        amounts = [m[2] for m in members]
        parties = sorted({m[1] for m in members})
        span = max(m[3] for m in members) - min(m[3] for m in members)
        purity = len(parties) / members[0][5]
        once = sum(1 for m in members if m[4] == 1) / len(members)
        size = saturating(len(parties), 10)
        quick = speed(span, config.burst_gap)
        value = clamp(math.log10(max(sum(amounts), 1.0) / config.min_amount) / 3)
        score = weighted([(size, 0.2), (purity, 0.25), (once, 0.25), (quick, 0.1), (value, 0.2)])
        alerts.append(
            Alert(
                typology=direction,
                score=score,
                transaction_ids=tuple(sorted(m[0] for m in members)),
                accounts=(c, *parties),
                **explain(
                    f"explain.{direction}",
                    account=c,
                    parties=len(parties),
                    low=money(min(amounts)),
                    high=money(max(amounts)),
                    total=money(sum(amounts)),
                    hours=hours(span),
                    purity=f"{purity:.0%}",
                    once=f"{once:.0%}",
                    score=score,
                    size=f"{size:.2f}",
                    purity_part=f"{purity:.2f}",
                    once_part=f"{once:.2f}",
                    speed=f"{quick:.2f}",
                    value=f"{value:.2f}",
                ),
                figures={
                    "counterparties": len(parties),
                    "total": round(sum(amounts), 2),
                    "span_s": span,
                },
            )
        )
    return alerts


def scatter_gather(backend: Backend, config: DetectorConfig) -> list[Alert]:
    """One source pays several new intermediaries who each pass most of it on to one sink."""
    rows = backend.rows(
        f"""
        SELECT h.s, h.d, h.m, h.t1, h.t2, h.a1, h.a2, h.ts1, h.ts2 FROM hop2 h JOIN (
            SELECT s, d FROM hop2 GROUP BY s, d HAVING count(DISTINCT m) >= {config.scatter_min}
        ) k ON h.s = k.s AND h.d = k.d
        """
    )
    groups: dict[tuple[str, str], list[tuple[object, ...]]] = defaultdict(list)
    for row in rows:
        groups[(str(row[0]), str(row[1]))].append(row)
    alerts = []
    for (s, d), members in groups.items():
        mids = sorted({str(m[2]) for m in members})
        sent = {str(m[3]): r6(m[5]) for m in members}  # type: ignore[arg-type]
        got = {str(m[4]): r6(m[6]) for m in members}  # type: ignore[arg-type]
        kept = sum(got.values()) / sum(sent.values()) if sent else 0.0
        times = [int(m[7]) for m in members] + [int(m[8]) for m in members]  # type: ignore[call-overload]
        span = max(times) - min(times)
        size = saturating(len(mids), 8)
        even = uniformity(list(sent.values()))
        quick = speed(span, config.hop_window)
        score = weighted([(size, 0.3), (even, 0.3), (quick, 0.2), (min(kept, 1.0), 0.2)])
        alerts.append(
            Alert(
                typology="scatter_gather",
                score=score,
                transaction_ids=tuple(sorted({*sent, *got})),
                accounts=(s, *mids, d),
                **explain(
                    "explain.scatter_gather",
                    source=s,
                    sent=money(sum(sent.values())),
                    intermediaries=len(mids),
                    target=d,
                    received=money(sum(got.values())),
                    kept=f"{kept:.0%}",
                    hours=hours(span),
                    score=score,
                    size=f"{size:.2f}",
                    even=f"{even:.2f}",
                    speed=f"{quick:.2f}",
                    kept_part=f"{min(kept, 1.0):.2f}",
                ),
                figures={"intermediaries": len(mids), "retained": round(kept, 4), "span_s": span},
            )
        )
    return alerts


def _hub_sessions(
    backend: Backend, config: DetectorConfig, minimum: int
) -> dict[tuple[str, int], list[tuple[str, str, str, float, int]]]:
    """Bursts of new money into and out of one account: (txid, direction, party, amount, ts)."""
    backend.table(
        "hub_s",
        sessions(
            "SELECT txid, ts, amt, dst AS h, src AS p, 'in' AS way FROM nv "
            "UNION ALL SELECT txid, ts, amt, src AS h, dst AS p, 'out' AS way FROM nv",
            "h",
            config.burst_gap,
            order="ts, way, txid",
        ),
    )
    rows = backend.rows(
        f"""
        SELECT x.h, x.sess, x.txid, x.way, x.p, x.amt, x.ts FROM hub_s x JOIN (
            SELECT h, sess FROM hub_s GROUP BY h, sess
            HAVING count(DISTINCT CASE WHEN way = 'in' THEN p END) >= {minimum}
               AND count(DISTINCT CASE WHEN way = 'out' THEN p END) >= {minimum}
        ) k ON x.h = k.h AND x.sess = k.sess
        """
    )
    groups: dict[tuple[str, int], list[tuple[str, str, str, float, int]]] = defaultdict(list)
    for h, sess, txid, way, p, amt, ts in rows:
        groups[(str(h), int(sess))].append((str(txid), str(way), str(p), r6(amt), int(ts)))
    return groups


def _significant(
    members: list[tuple[str, str, str, float, int]],
) -> list[tuple[str, str, str, float, int]]:
    """The payments that carry the money through a hub: a mule's everyday purchases and small
    transfers (under a tenth of the largest payment in the burst) would otherwise blur its sums."""
    largest = max(m[3] for m in members)
    return [m for m in members if m[3] >= 0.1 * largest]


def _hub_figures(
    members: list[tuple[str, str, str, float, int]], config: DetectorConfig
) -> dict[str, float] | None:
    ins = [m for m in members if m[1] == "in"]
    outs = [m for m in members if m[1] == "out"]
    if not ins or not outs:
        return None
    first_out = min(m[4] for m in outs)
    last_in = max(m[4] for m in ins)
    total_in = sum(m[3] for m in ins)
    total_out = sum(m[3] for m in outs)
    kept = total_out / total_in if total_in else 0.0
    if not (config.retention <= kept <= 1.0) or first_out < min(m[4] for m in ins):
        return None
    return {
        "in": len({m[2] for m in ins}),
        "out": len({m[2] for m in outs}),
        "total_in": total_in,
        "total_out": total_out,
        "kept": kept,
        "span": max(m[4] for m in members) - min(m[4] for m in members),
        "overlap": max(0, last_in - first_out),
    }


def gather_scatter(backend: Backend, config: DetectorConfig) -> list[Alert]:
    """Many new senders into one account, which passes the money on to many new receivers."""
    alerts = []
    for (h, _), burst in _hub_sessions(backend, config, config.hub_min).items():
        members = _significant(burst)
        f = _hub_figures(members, config)
        if f is None or min(f["in"], f["out"]) < config.hub_min:
            continue
        size = saturating(min(f["in"], f["out"]), 8)
        even = (
            uniformity([m[3] for m in members if m[1] == "in"])
            + uniformity([m[3] for m in members if m[1] == "out"])
        ) / 2
        quick = speed(f["span"], config.burst_gap)
        score = weighted([(size, 0.3), (even, 0.3), (quick, 0.2), (f["kept"], 0.2)])
        parties = sorted({m[2] for m in members})
        alerts.append(
            Alert(
                typology="gather_scatter",
                score=score,
                transaction_ids=tuple(sorted(m[0] for m in members)),
                accounts=(h, *parties),
                **explain(
                    "explain.gather_scatter",
                    account=h,
                    received=money(f["total_in"]),
                    senders=int(f["in"]),
                    paid=money(f["total_out"]),
                    kept=f"{f['kept']:.0%}",
                    receivers=int(f["out"]),
                    hours=hours(f["span"]),
                    score=score,
                    size=f"{size:.2f}",
                    even=f"{even:.2f}",
                    speed=f"{quick:.2f}",
                    kept_part=f"{f['kept']:.2f}",
                ),
                figures={
                    "senders": int(f["in"]),
                    "receivers": int(f["out"]),
                    "retained": round(f["kept"], 4),
                },
            )
        )
    return alerts


def stacks(backend: Backend, config: DetectorConfig) -> list[Alert]:
    """Layered stacks: several intermediaries that each take new money from the same senders
    and pass it on to the same receivers (A → B → C)."""
    hubs = {}
    for (h, sess), burst in _hub_sessions(backend, config, 2).items():
        members = _significant(burst)
        f = _hub_figures(members, config)
        if f is not None and min(f["in"], f["out"]) >= 2:
            hubs[(h, sess)] = members
    by_sender: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for key, members in hubs.items():
        for m in members:
            if m[1] == "in":
                by_sender[m[2]].add(key)
    parent = {key: key for key in hubs}

    def find(key: tuple[str, int]) -> tuple[str, int]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    shared: dict[tuple[tuple[str, int], tuple[str, int]], int] = defaultdict(int)
    for keys in by_sender.values():
        ordered = sorted(keys)
        if len(ordered) > 50:
            continue
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                shared[(a, b)] += 1
    for (a, b), count in shared.items():
        if count >= 2:
            parent[find(a)] = find(b)
    clusters: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for key in hubs:
        clusters[find(key)].append(key)
    alerts = []
    for group in clusters.values():
        if len(group) < 2:
            continue
        members = [m for key in group for m in hubs[key]]
        layer_a = sorted({m[2] for m in members if m[1] == "in"})
        layer_c = sorted({m[2] for m in members if m[1] == "out"})
        layer_b = sorted({k[0] for k in group})
        total_in = sum(m[3] for m in members if m[1] == "in")
        total_out = sum(m[3] for m in members if m[1] == "out")
        times = [m[4] for m in members]
        span = max(times) - min(times)
        size = saturating(len(layer_b), 6)
        even = uniformity([m[3] for m in members if m[1] == "in"])
        quick = speed(span, config.burst_gap)
        score = weighted([(size, 0.4), (even, 0.3), (quick, 0.3)])
        alerts.append(
            Alert(
                typology="stack",
                score=score,
                transaction_ids=tuple(sorted({m[0] for m in members})),
                accounts=(*layer_a, *layer_b, *layer_c),
                **explain(
                    "explain.layers",
                    senders=len(layer_a),
                    intermediaries=len(layer_b),
                    names=", ".join(layer_b[:6]),
                    receivers=len(layer_c),
                    total_in=money(total_in),
                    total_out=money(total_out),
                    hours=hours(span),
                    score=score,
                    size=f"{size:.2f}",
                    even=f"{even:.2f}",
                    speed=f"{quick:.2f}",
                ),
                figures={"layers": 3, "intermediaries": len(layer_b), "span_s": span},
            )
        )
    return alerts


def bipartite(backend: Backend, config: DetectorConfig) -> list[Alert]:
    """A set of senders that all newly pay the same set of receivers within a burst."""
    rows = backend.rows(
        f"""
        SELECT x.src AS a1, y.src AS a2, x.dst AS b
        FROM nv x JOIN nv y ON x.dst = y.dst AND x.src < y.src
        JOIN (SELECT dst FROM nv GROUP BY dst HAVING count(*) <= {config.hub_cap}) k ON k.dst = x.dst
        WHERE abs(x.ts - y.ts) <= {config.burst_gap}
        """
    )
    common: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a1, a2, b in rows:
        common[(str(a1), str(a2))].add(str(b))
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for (a1, a2), targets in common.items():
        if len(targets) >= 2:
            parent[find(a1)] = find(a2)
    clusters: dict[str, set[str]] = defaultdict(set)
    for key in list(parent):
        clusters[find(key)].add(key)
    wanted = {a: root for root, members in clusters.items() if len(members) >= 2 for a in members}
    if not wanted:
        return []
    by_cluster: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (a1, a2), shared in common.items():
        if len(shared) >= 2 and a1 in wanted:
            for b in shared:
                by_cluster[wanted[a1]][b].update({a1, a2})
    alerts = []
    for root, payers in by_cluster.items():
        senders = clusters[root]
        receivers = {b for b, who in payers.items() if len(who) >= 2}
        if len(receivers) < 2:
            continue
        members = _edges_between(backend, senders, receivers, config)
        if not members:
            continue
        density = len({(m[1], m[2]) for m in members}) / (len(senders) * len(receivers))
        amounts = [r6(m[3]) for m in members]
        span = max(m[4] for m in members) - min(m[4] for m in members)
        size = saturating(len(senders) * len(receivers), 16)
        even = uniformity(amounts)
        once = sum(1 for m in members if m[5] == 1) / len(members)
        score = weighted(
            [
                (size, 0.2),
                (density, 0.2),
                (even, 0.25),
                (once, 0.25),
                (speed(span, config.burst_gap), 0.1),
            ]
        )
        alerts.append(
            Alert(
                typology="bipartite",
                score=score,
                transaction_ids=tuple(sorted(str(m[0]) for m in members)),
                accounts=(*sorted(senders), *sorted(receivers)),
                **explain(
                    "explain.bipartite",
                    senders=len(senders),
                    receivers=len(receivers),
                    density=f"{density:.0%}",
                    hours=hours(span),
                    total=money(sum(amounts)),
                    score=score,
                    size=f"{size:.2f}",
                    density_part=f"{density:.2f}",
                    even=f"{even:.2f}",
                    once=f"{once:.2f}",
                ),
                figures={
                    "senders": len(senders),
                    "receivers": len(receivers),
                    "density": round(density, 4),
                },
            )
        )
    return alerts


def _edges_between(
    backend: Backend, senders: set[str], receivers: set[str], config: DetectorConfig
) -> list[tuple[str, str, str, float, int, int]]:
    from mekongx.moneyflow.backends import in_list

    rows = backend.rows(
        f"SELECT txid, src, dst, amt, ts, pair_n FROM nv WHERE src IN {in_list(sorted(senders))} "
        f"AND dst IN {in_list(sorted(receivers))}"
    )
    if not rows:
        return []
    # keep the burst: edges within burst_gap of the median time
    times = sorted(int(r[4]) for r in rows)
    middle = times[len(times) // 2]
    return [
        (str(r[0]), str(r[1]), str(r[2]), float(r[3]), int(r[4]), int(r[5]))
        for r in rows
        if abs(int(r[4]) - middle) <= 2 * config.burst_gap
    ]
