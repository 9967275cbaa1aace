"""Time-respecting cycles and layering chains with amount retention: a pruned temporal path
search, one hop at a time.

A path starts at a new-counterparty edge of at least ``min_amount`` and is extended by an edge
out of its last account that is later (within ``hop_window``), itself new, and carries between
``retention`` and all of the amount that arrived. Those three conditions prune the frontier at
each hop, so the search never enumerates the static cycles of a busy graph (which is what makes
recursive SQL explode). A path that returns to its origin is a cycle; a path of at least
``chain_min_hops`` hops that no longer edge extends, and that is not the tail of a longer one, is
a layering chain.
"""

from __future__ import annotations

from mekongx.moneyflow.backends import Backend
from mekongx.moneyflow.config import DetectorConfig
from mekongx.moneyflow.model import Alert
from mekongx.moneyflow.scoring import explain, hours, money, r6, saturating, speed, weighted


def _paths(
    backend: Backend, config: DetectorConfig
) -> list[tuple[str, str, str, int, int, float, float]]:
    """Every cycle and maximal chain: (path txids, origin, end, hops, span_s, first, last)."""
    backend.table(
        "p1",
        f"SELECT txid AS t0, src AS origin, dst AS node, ts AS t_last, amt AS a_last, ts AS t_first,"
        f" amt AS a_first, txid AS path FROM nv WHERE amt >= {config.min_amount}",
    )
    found: list[tuple[str, str, str, int, int, float, float]] = []
    for hop in range(2, config.max_hops + 1):
        backend.table(
            f"p{hop}",
            f"""
            SELECT p.t0, p.origin, x.dst AS node, x.ts AS t_last, x.amt AS a_last, p.t_first,
                   p.a_first, p.path || ' ' || x.txid AS path
            FROM p{hop - 1} p JOIN nv x ON x.src = p.node
            WHERE p.node <> p.origin AND x.ts > p.t_last AND x.ts <= p.t_last + {config.hop_window}
              AND x.amt >= {config.retention} * p.a_last AND x.amt <= p.a_last
            """,
        )
        # paths that end here: they returned to the origin, or no edge extends them
        rows = backend.rows(
            f"""
            SELECT p.path, p.origin, p.node, p.t_last - p.t_first, p.a_first, p.a_last
            FROM p{hop} p
            WHERE p.node = p.origin OR {hop} >= {config.chain_min_hops}
            """
        )
        for path, origin, node, span, first, last in rows:
            found.append((str(path), str(origin), str(node), hop, int(span), r6(first), r6(last)))
        if not backend.rows(f"SELECT 1 FROM p{hop} WHERE node <> origin LIMIT 1"):
            break
    return found


def cycles_and_chains(backend: Backend, config: DetectorConfig) -> tuple[list[Alert], list[Alert]]:
    cycles: list[Alert] = []
    chains: dict[str, tuple[str, str, str, int, int, float, float]] = {}
    for found in sorted(_paths(backend, config), key=lambda f: (-f[3], f[0])):
        path, origin, end, hops, span, first, last = found
        kept = last / first if first else 0.0
        if origin == end:
            if hops < 3:
                continue
            quick = speed(span, config.hop_window * hops / 2)
            score = weighted([(saturating(hops, 6), 0.3), (kept, 0.4), (quick, 0.3)])
            cycles.append(
                Alert(
                    typology="cycle",
                    score=score,
                    transaction_ids=tuple(path.split()),
                    accounts=(origin,),
                    **explain(
                        "explain.cycle",
                        account=origin,
                        hops=hops,
                        hours=hours(span),
                        first=money(first),
                        last=money(last),
                        kept=f"{kept:.0%}",
                        score=score,
                        kept_part=f"{kept:.2f}",
                        speed=f"{quick:.2f}",
                    ),
                    figures={"hops": hops, "retained": round(kept, 4), "span_s": span},
                )
            )
            continue
        # a chain: keep only the longest path through a given set of transactions
        txids = path.split()
        if any(t in chains for t in txids):
            continue
        for t in txids:
            chains[t] = found
    kept_chains = {f[0]: f for f in chains.values()}
    alerts = []
    for path, origin, end, hops, span, first, last in kept_chains.values():
        kept = last / first if first else 0.0
        quick = speed(span, config.hop_window * hops / 2)
        score = weighted([(saturating(hops, 6), 0.4), (kept, 0.3), (quick, 0.3)])
        alerts.append(
            Alert(
                typology="stack",
                score=score,
                transaction_ids=tuple(path.split()),
                accounts=(origin, end),
                **explain(
                    "explain.chain",
                    hops=hops,
                    source=origin,
                    target=end,
                    hours=hours(span),
                    first=money(first),
                    last=money(last),
                    kept=f"{kept:.0%}",
                    score=score,
                    kept_part=f"{kept:.2f}",
                    speed=f"{quick:.2f}",
                ),
                figures={"hops": hops, "retained": round(kept, 4), "span_s": span},
            )
        )
    return cycles, alerts
