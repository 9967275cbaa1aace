"""SQL fragments both DuckDB and Spark accept."""

from __future__ import annotations

import math

CASH = "'CASH:%'"


def sessions(source: str, key: str, gap: int, order: str = "ts, txid") -> str:
    """``source`` with ``sess``: a new session per ``key`` after a pause longer than ``gap``."""
    return f"""
    SELECT g.*, sum(g.brk) OVER (PARTITION BY g.{key} ORDER BY {order}
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sess
    FROM (SELECT s.*, CASE WHEN s.ts - lag(s.ts) OVER (PARTITION BY s.{key} ORDER BY {order}) <= {gap}
                          THEN 0 ELSE 1 END AS brk
          FROM ({source}) s) g
    """


def _bucket_width(retention: float) -> float | None:
    """Width of the ln-amount buckets for a band [retention * a, a]: a hair wider than the
    band, so that a matching amount lies in a's bucket or the one below (None: no amount key)."""
    if not 0 < retention < 1:
        return None
    return math.log(1 / retention) * 1.000001


def banded(
    source: str,
    window: int,
    retention: float,
    where_a: str = "",
    where_b: str = "",
    source_b: str | None = None,
) -> tuple[str, str, str]:
    """The two sides and the join condition of a time-and-amount band join of ``source`` (a)
    with ``source_b`` (b; default the same table); ``where_a``/``where_b`` filter each side
    (``AND …`` on aliases x and y).

    Pairs of rows (a, b) with b within ``window`` seconds after a and b's amount in
    [retention * a.amt, a.amt] are found by equality on buckets instead of comparing every a
    with every b of the same key: a is repeated for its own time bucket and the next, and for
    its amount bucket and the one below; b appears once. The caller adds its own key equality
    (b.src = a.dst) and the exact conditions. Returns (a side, b side, bucket condition)."""
    width = _bucket_width(retention)
    amount_a = f"floor(ln(x.amt) / {width!r}) - k.m" if width else "0"
    amount_b = f"floor(ln(y.amt) / {width!r})" if width else "0"
    copies = "SELECT 0 AS t, 0 AS m UNION ALL SELECT 1, 0"
    if width:
        copies += " UNION ALL SELECT 0, 1 UNION ALL SELECT 1, 1"
    side_a = f"""(SELECT x.*, floor(x.ts / {window}) + k.t AS tb_, {amount_a} AS ab_
        FROM {source} x CROSS JOIN ({copies}) k WHERE x.amt > 0 {where_a})"""
    side_b = f"""(SELECT y.*, floor(y.ts / {window}) AS tb_, {amount_b} AS ab_
        FROM {source_b or source} y WHERE y.amt > 0 {where_b})"""
    return side_a, side_b, "a.tb_ = b.tb_ AND a.ab_ = b.ab_"
