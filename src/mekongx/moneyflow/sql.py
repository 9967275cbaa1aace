"""SQL fragments both DuckDB and Spark accept."""

from __future__ import annotations

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
