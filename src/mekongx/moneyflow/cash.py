"""Threshold and cash patterns: structuring, rapid pass-through and cross-border couriers."""

from __future__ import annotations

import math
from collections import defaultdict

from mekongx.moneyflow.backends import Backend
from mekongx.moneyflow.config import DAY, DetectorConfig
from mekongx.moneyflow.model import Alert
from mekongx.moneyflow.rules import Threshold
from mekongx.moneyflow.scoring import clamp, explain, hours, money, r6, saturating, speed, weighted
from mekongx.moneyflow.sql import CASH, banded, sessions


def structuring(backend: Backend, config: DetectorConfig, rules: list[Threshold]) -> list[Alert]:
    """Cash deposits (or withdrawals) kept just below a reporting threshold, over several days.

    For a same-day rule (China: cumulative per day) the day's total of one customer is what must
    stay below the threshold, so days whose total falls in the band count as events too.
    """
    alerts: list[Alert] = []
    for rule in rules:
        if rule.kind != "cash":
            continue
        low = config.structuring_band * rule.threshold
        cur = rule.currency.replace("'", "")
        events = f"""
            SELECT txid, ts, amount, CASE WHEN channel = 'cash_deposit' THEN dst ELSE src END AS c
            FROM tx WHERE channel IN ('cash_deposit', 'cash_withdrawal') AND currency = '{cur}'
              AND amount >= {low} AND amount < {rule.threshold}
        """
        if rule.aggregation == "same_day":
            events += f"""
            UNION ALL
            SELECT min(txid) AS txid, min(ts) AS ts, sum(amount) AS amount, c FROM (
                SELECT txid, ts, amount, CASE WHEN channel = 'cash_deposit' THEN dst ELSE src END AS c,
                       floor((ts + {rule.utc_offset}) / {DAY}) AS day
                FROM tx WHERE channel IN ('cash_deposit', 'cash_withdrawal') AND currency = '{cur}'
                  AND amount < {low}
            ) d GROUP BY c, day HAVING count(*) >= 2 AND sum(amount) >= {low} AND sum(amount) < {rule.threshold}
            """
        table = f"st_{rule.id.replace('-', '_')}"
        backend.table(table, sessions(events, "c", config.structuring_gap))
        rows = backend.rows(
            f"""
            SELECT x.c, x.sess, x.txid, x.amount, x.ts FROM {table} x JOIN (
                SELECT c, sess FROM {table} GROUP BY c, sess HAVING count(*) >= {config.structuring_min_events}
            ) k ON x.c = k.c AND x.sess = k.sess
            """
        )
        groups: dict[tuple[str, int], list[tuple[str, float, int]]] = defaultdict(list)
        for c, sess, txid, amount, ts in rows:
            groups[(str(c), int(sess))].append((str(txid), r6(amount), int(ts)))
        for (c, _), members in groups.items():
            txids = _expand_days(backend, c, members, rule)
            amounts = [m[1] for m in members]
            near = sum(a / rule.threshold for a in amounts) / len(amounts)
            span = max(m[2] for m in members) - min(m[2] for m in members)
            days = len({(m[2] + rule.utc_offset) // DAY for m in members})
            count = saturating(len(members), 10)
            closeness = (near - config.structuring_band) / (1 - config.structuring_band)
            score = weighted([(count, 0.4), (closeness, 0.4), (saturating(days, 5), 0.2)])
            alerts.append(
                Alert(
                    typology="structuring",
                    score=score,
                    transaction_ids=tuple(sorted(txids)),
                    accounts=(c,),
                    **explain(
                        "explain.structuring",
                        events=len(members),
                        account=c,
                        low=money(low),
                        threshold=money(rule.threshold),
                        currency=rule.currency,
                        rule=rule.id,
                        source=rule.source,
                        days=days,
                        hours=hours(span),
                        total=money(sum(amounts)),
                        near=f"{near:.0%}",
                        score=score,
                        count=f"{count:.2f}",
                        closeness=f"{closeness:.2f}",
                    ),
                    figures={"events": len(members), "rule": rule.id, "days": days},
                )
            )
    return alerts


def _expand_days(
    backend: Backend, account: str, members: list[tuple[str, float, int]], rule: Threshold
) -> list[str]:
    """The transactions behind each event (a same-day total stands for all of that day's cash)."""
    if rule.aggregation != "same_day":
        return [m[0] for m in members]
    days = sorted({(m[2] + rule.utc_offset) // DAY for m in members})
    who = account.replace("'", "''")
    cur = rule.currency.replace("'", "")
    rows = backend.rows(
        f"""SELECT txid FROM tx WHERE channel IN ('cash_deposit', 'cash_withdrawal') AND currency = '{cur}'
            AND CASE WHEN channel = 'cash_deposit' THEN dst ELSE src END = '{who}'
            AND floor((ts + {rule.utc_offset}) / {DAY}) IN ({", ".join(str(d) for d in days)})
            AND amount < {rule.threshold}"""
    )
    return sorted({str(r[0]) for r in rows} | {m[0] for m in members})


def rapid_pass_through(backend: Backend, config: DetectorConfig) -> list[Alert]:
    """Accounts through which money passes within hours, most of it kept moving: at least
    ``pass_min_share`` of all the account received left again within the window."""
    side_a, side_b, buckets = banded(
        "e", config.pass_window, config.retention, where_a=f"AND x.amt >= {config.min_amount}"
    )
    backend.table(
        "pt",
        f"""
        SELECT a.dst AS acct, a.txid AS t1, b.txid AS t2, a.amt AS a1, b.amt AS a2, a.ts AS ts1, b.ts AS ts2
        FROM {side_a} a JOIN {side_b} b ON a.dst = b.src AND {buckets}
        WHERE b.ts > a.ts AND b.ts <= a.ts + {config.pass_window} AND a.amt >= {config.min_amount}
          AND b.amt >= {config.retention} * a.amt AND b.amt <= a.amt
          AND a.dst NOT LIKE {CASH} AND a.src <> b.dst
        """,
    )
    rows = backend.rows(
        f"""
        SELECT p.acct, p.t1, p.t2, p.a1, p.a2, p.ts1, p.ts2, i.total_in FROM pt p
        JOIN (SELECT acct FROM pt GROUP BY acct HAVING count(DISTINCT t1) >= {config.pass_min_events}) k
          ON k.acct = p.acct
        JOIN (SELECT dst, sum(amt) AS total_in FROM tx GROUP BY dst) i ON i.dst = p.acct
        """
    )
    groups: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for row in rows:
        groups[str(row[0])].append(row)
    alerts = []
    for acct, members in groups.items():
        # each incoming payment counts once, with its fastest matching outgoing one
        best: dict[str, tuple[str, float, float, int]] = {}
        for _, t1, t2, a1, a2, ts1, ts2, _total in members:
            wait = int(ts2) - int(ts1)  # type: ignore[call-overload]
            current = best.get(str(t1))
            if current is None or (wait, str(t2)) < (current[3], current[0]):
                best[str(t1)] = (str(t2), r6(a1), r6(a2), wait)  # type: ignore[arg-type]
        used_out: set[str] = set()
        pairs = []
        for t1, (t2, a1, a2, wait) in sorted(best.items(), key=lambda kv: kv[1][3]):
            if t2 in used_out:
                continue
            used_out.add(t2)
            pairs.append((t1, t2, a1, a2, wait))
        if len(pairs) < config.pass_min_events:
            continue
        total_in = r6(members[0][7])  # type: ignore[arg-type]
        passed = sum(p[2] for p in pairs)
        share = min(1.0, passed / total_in) if total_in else 0.0
        if share < config.pass_min_share:
            continue
        waits = sorted(p[4] for p in pairs)
        quick = speed(waits[len(waits) // 2], config.pass_window / 3)
        count = saturating(len(pairs), 6)
        size = clamp(math.log10(max(passed, 1.0) / config.min_amount) / 3)
        score = weighted([(share, 0.3), (count, 0.2), (quick, 0.2), (size, 0.3)])
        alerts.append(
            Alert(
                typology="rapid_pass_through",
                score=score,
                transaction_ids=tuple(sorted({p[0] for p in pairs} | {p[1] for p in pairs})),
                accounts=(acct,),
                **explain(
                    "explain.pass_through",
                    account=acct,
                    events=len(pairs),
                    passed=money(passed),
                    share=f"{share:.0%}",
                    hours=hours(waits[len(waits) // 2]),
                    kept=f"{1 - config.retention:.0%}",
                    score=score,
                    share_part=f"{share:.2f}",
                    count=f"{count:.2f}",
                    speed=f"{quick:.2f}",
                    size=f"{size:.2f}",
                ),
                figures={"events": len(pairs), "share": round(share, 4)},
            )
        )
    return alerts


def _wait(row: tuple[object, ...]) -> tuple[int, str]:
    return int(str(row[7])) - int(str(row[6])), str(row[3])


def cash_courier(
    backend: Backend, config: DetectorConfig, rules: list[Threshold], base: str
) -> list[Alert]:
    """Cash withdrawn in one country and a matching amount deposited in another soon after,
    repeatedly between the same two accounts: money carried across the border."""
    side_a, side_b, buckets = banded(
        "tx",
        config.courier_window,
        config.courier_retention,
        where_a=f"AND x.channel = 'cash_withdrawal' AND x.src_country <> '' "
        f"AND x.amt >= {config.min_amount}",
        where_b="AND y.channel = 'cash_deposit' AND y.dst_country <> ''",
    )
    backend.table(
        "cc",
        f"""
        SELECT a.src AS wa, b.dst AS da, a.txid AS t1, b.txid AS t2, a.amt AS a1, b.amt AS a2,
               a.ts AS ts1, b.ts AS ts2, a.src_country AS c1, b.dst_country AS c2
        FROM {side_a} a JOIN {side_b} b ON {buckets}
        WHERE b.dst_country <> a.src_country
          AND b.ts > a.ts AND b.ts <= a.ts + {config.courier_window}
          AND b.amt >= {config.courier_retention} * a.amt AND b.amt <= a.amt
        """,
    )
    rows = backend.rows(
        f"""
        SELECT c.* FROM cc c JOIN (
            SELECT wa, da FROM cc GROUP BY wa, da HAVING count(DISTINCT t1) >= {config.courier_min_events}
        ) k ON c.wa = k.wa AND c.da = k.da
        """
    )
    border = [r for r in rules if r.kind == "border_cash" and r.currency == base]
    groups: dict[tuple[str, str], list[tuple[object, ...]]] = defaultdict(list)
    for row in rows:
        groups[(str(row[0]), str(row[1]))].append(row)
    alerts = []
    for (wa, da), members in groups.items():
        trips = {str(m[2]): m for m in sorted(members, key=_wait)}
        amounts = [r6(m[4]) for m in trips.values()]  # type: ignore[arg-type]
        span = max(int(m[7]) for m in trips.values()) - min(int(m[6]) for m in trips.values())  # type: ignore[call-overload]
        countries = sorted({f"{m[8]}→{m[9]}" for m in trips.values()})
        near = 0.0
        for rule in border:
            near = max(
                near,
                sum(1 for a in amounts if 0.7 * rule.threshold <= a < rule.threshold)
                / len(amounts),
            )
        count = saturating(len(trips), 5)
        score = weighted([(count, 0.4), (near, 0.4), (speed(span, 10 * DAY), 0.2)])
        alerts.append(
            Alert(
                typology="cash_courier",
                score=score,
                transaction_ids=tuple(
                    sorted(
                        {str(m[2]) for m in trips.values()} | {str(m[3]) for m in trips.values()}
                    )
                ),
                accounts=(wa, da),
                **explain(
                    "explain.cash_courier",
                    trips=len(trips),
                    source=wa,
                    target=da,
                    countries=", ".join(countries),
                    hours=hours(config.courier_window),
                    total=money(sum(amounts)),
                    currency=base,
                    score=score,
                    count=f"{count:.2f}",
                    near=f"{near:.2f}",
                ),
                figures={"trips": len(trips), "total": round(sum(amounts), 2)},
            )
        )
    return alerts
