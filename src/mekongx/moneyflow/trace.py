"""Tracing proceeds through accounts, forward or backward, under a named legal convention.

Money is fungible, so which money left a mixed account is a convention. Each is a replay of
every touched account's transactions in time order:

* ``fifo`` (Clayton's Case): withdrawals take the oldest deposits first;
* ``lifo``: withdrawals take the newest deposits first;
* ``libr`` (lowest intermediate balance rule): a claim on tainted money never exceeds the lowest
  balance the account reached since; later clean deposits do not refill it (the wrongdoer is
  taken to spend their own money first);
* ``pro_rata`` (rolling charge, "haircut"): each withdrawal carries the account's tainted share;
* ``poison``: every payment out of an account that ever held tainted money is wholly tainted
  (the upper bound).

Forward, from a proceeds transaction (its amount is tainted on arrival) or from an account
(every deposit into it from ``since`` on is tainted), the replay follows money out through up to
``max_hops`` accounts. Backward, from an account, it traces where the balance held at ``until``
came from: every payment into the traced set from outside carries its sender as a label, and
the balance is broken down by label (FIFO, LIFO, pro rata; poison gives each source's upper
bound; LIBR is defined forward only). An account that pays out more than the replay has seen it
receive is taken to draw the difference from an untainted opening balance.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import duckdb

from mekongx.moneyflow.errors import MoneyflowError
from mekongx.moneyflow.model import Dataset

METHODS: Final = ("fifo", "lifo", "libr", "pro_rata", "poison")
TAINT: Final = "tainted"
MAX_ACCOUNTS: Final = 20_000
EPS: Final = 0.005


@dataclass(frozen=True)
class LedgerRow:
    step: int
    timestamp: int
    transaction_id: str
    account: str
    counterparty: str
    direction: str
    amount: float
    traced: float
    balance_after: float
    traced_after: float


@dataclass
class TraceResult:
    method: str
    direction: str
    start: str
    currency: str
    ledger: list[LedgerRow] = field(default_factory=list)
    #: per account: traced money received, sent, and held at the end
    accounts: dict[str, dict[str, float]] = field(default_factory=dict)
    #: backward: the traced balance broken down by source; forward: {"tainted": amount}
    sources: dict[str, float] = field(default_factory=dict)
    #: traced money that left the traced set (payments to accounts beyond max_hops)
    left: dict[str, float] = field(default_factory=dict)
    truncated: bool = False

    @property
    def total(self) -> float:
        return round(sum(self.sources.values()), 2)


class _Account:
    """One account's traced state under one method."""

    def __init__(self, method: str) -> None:
        self.method = method
        self.balance = 0.0
        self.lots: deque[list[object]] = deque()  # [amount, label or None]
        self.share: dict[str, float] = defaultdict(float)  # pro rata, libr, poison: label → amount
        self.ever: set[str] = set()
        self.labelled = 0.0  # fifo, lifo: the sum of the labelled lots (kept, not recounted)

    def deposit(self, amount: float, parts: dict[str, float]) -> None:
        self.balance += amount
        clean = amount - sum(parts.values())
        if self.method in {"fifo", "lifo"}:
            for label, value in parts.items():  # in the order the money left the payer
                if value > EPS:
                    self.lots.append([value, label])
                    self.labelled += value
            if clean > EPS:
                self.lots.append([clean, None])
        else:
            for label, value in parts.items():
                self.share[label] += value
                if value > EPS:
                    self.ever.add(label)

    def withdraw(self, amount: float, own: str | None = None) -> dict[str, float]:
        """What ``amount`` out carries, by label. Money the replay never saw arrive comes from an
        opening balance: untainted forward; labelled with the account itself (``own``) backward."""
        moved: dict[str, float] = defaultdict(float)
        shortfall = max(0.0, amount - self.balance)
        if own is not None and shortfall > EPS:
            moved[own] += shortfall
            if self.method == "poison":
                self.ever.add(own)
        if self.method in {"fifo", "lifo"}:
            need = amount
            while need > EPS and self.lots:
                lot = self.lots[0] if self.method == "fifo" else self.lots[-1]
                value = float(lot[0])  # type: ignore[arg-type]
                take = min(value, need)
                if lot[1] is not None:
                    moved[str(lot[1])] += take
                need -= take
                if value - take <= EPS:
                    self.lots.popleft() if self.method == "fifo" else self.lots.pop()
                    self.labelled -= value if lot[1] is not None else 0.0
                else:
                    lot[0] = value - take
                    self.labelled -= take if lot[1] is not None else 0.0
        elif self.method == "pro_rata":
            drawn = min(amount, self.balance)
            if self.balance > EPS:
                for label, value in self.share.items():
                    moved[label] = value * drawn / self.balance
                    self.share[label] = value - moved[label]
        elif self.method == "libr":
            after = max(0.0, self.balance - amount)
            for label, value in self.share.items():
                if value > after:
                    moved[label] = value - after
                    self.share[label] = after
        else:  # poison: everything out of an account that ever held taint is tainted
            for label in self.ever:
                moved[label] = amount
        self.balance = max(0.0, self.balance - amount)
        return {k: v for k, v in moved.items() if v > EPS}

    def held_total(self) -> float:
        """The traced money held, in all (``sum(held().values())`` without walking every lot of
        a busy account at each step of the ledger)."""
        if self.method in {"fifo", "lifo"}:
            return max(0.0, self.labelled) if self.lots else 0.0
        if self.method == "poison":
            return self.balance * len(self.ever)
        return sum(v for v in self.share.values() if v > EPS)

    def held(self) -> dict[str, float]:
        if self.method in {"fifo", "lifo"}:
            out: dict[str, float] = defaultdict(float)
            for value, label in self.lots:
                if label is not None:
                    out[str(label)] += float(value)  # type: ignore[arg-type]
            return dict(out)
        if self.method == "poison":
            return {label: self.balance for label in self.ever}
        return {k: v for k, v in self.share.items() if v > EPS}


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(
        f"CREATE TEMP VIEW tx AS SELECT * FROM read_parquet('{str(path).replace(chr(39), chr(39) * 2)}')"
    )
    return con


def _reach(
    con: duckdb.DuckDBPyConnection,
    seeds: dict[str, int],
    forward: bool,
    max_hops: int,
    limit: int | None,
) -> tuple[dict[str, int], bool]:
    """Accounts money can reach from ``seeds`` (forward: later payments out; backward: earlier
    payments in), each with the earliest (forward) or latest (backward) time it is touched."""
    touched = dict(seeds)
    frontier = dict(seeds)
    con.execute("CREATE OR REPLACE TEMP TABLE frontier (acct VARCHAR, t BIGINT)")
    for _ in range(max_hops):
        if not frontier:
            break
        con.execute("DELETE FROM frontier")
        con.executemany("INSERT INTO frontier VALUES (?, ?)", list(frontier.items()))
        if forward:
            rows = con.execute(
                "SELECT x.dst, min(x.ts) FROM tx x JOIN frontier f ON x.src = f.acct AND x.ts >= f.t"
                " WHERE x.dst NOT LIKE 'CASH:%' GROUP BY x.dst"
            ).fetchall()
        else:
            rows = con.execute(
                "SELECT x.src, max(x.ts) FROM tx x JOIN frontier f ON x.dst = f.acct AND x.ts <= f.t"
                " WHERE x.src NOT LIKE 'CASH:%' GROUP BY x.src"
            ).fetchall()
        frontier = {}
        for account, when in rows:
            account, when = str(account), int(when)
            if account in touched and (
                when >= touched[account] if forward else when <= touched[account]
            ):
                continue
            touched[account] = when
            frontier[account] = when
            if len(touched) >= MAX_ACCOUNTS:
                return touched, True
    return touched, False


def trace(
    dataset: Dataset | Path,
    *,
    account: str | None = None,
    transaction: str | None = None,
    direction: str = "forward",
    methods: tuple[str, ...] = METHODS,
    max_hops: int = 10,
    since: int | None = None,
    until: int | None = None,
    currency: str = "",
) -> dict[str, TraceResult]:
    """Trace under each of ``methods`` from ``account`` or ``transaction``; one result per method."""
    for method in methods:
        if method not in METHODS:
            raise MoneyflowError("trace.method", method=method, allowed=", ".join(METHODS))
    if direction == "backward" and "libr" in methods:
        raise MoneyflowError("trace.backward_libr")
    path = dataset.path if isinstance(dataset, Dataset) else dataset
    currency = dataset.base_currency if isinstance(dataset, Dataset) else currency
    con = _connect(path)
    try:
        start_tx: tuple[str, str, int, float] | None = None
        if transaction is not None:
            found = con.execute(
                "SELECT txid, dst, ts, amt FROM tx WHERE txid = ?", [transaction]
            ).fetchone()
            if found is None:
                raise MoneyflowError("trace.unknown_transaction", transaction=transaction)
            start_tx = (str(found[0]), str(found[1]), int(found[2]), float(found[3]))
            origin, when = start_tx[1], start_tx[2]
        elif account is not None:
            span = con.execute(
                "SELECT min(ts), max(ts) FROM tx WHERE src = ? OR dst = ?", [account, account]
            ).fetchone()
            if span is None or span[0] is None:
                raise MoneyflowError("trace.unknown_account", account=account)
            origin = account
            when = (
                int(since if since is not None else span[0])
                if direction == "forward"
                else int(until if until is not None else span[1])
            )
        else:
            raise MoneyflowError("trace.unknown_account", account="")
        forward = direction == "forward"
        touched, truncated = _reach(con, {origin: when}, forward, max_hops, None)
        con.execute("CREATE OR REPLACE TEMP TABLE touched (acct VARCHAR, t BIGINT)")
        con.executemany("INSERT INTO touched VALUES (?, ?)", list(touched.items()))
        if forward:
            events = con.execute(
                """SELECT txid, ts, src, dst, amt FROM (
                     SELECT x.txid, x.ts, x.src, x.dst, x.amt FROM tx x JOIN touched t ON x.src = t.acct AND x.ts >= t.t
                     UNION
                     SELECT x.txid, x.ts, x.src, x.dst, x.amt FROM tx x JOIN touched t ON x.dst = t.acct AND x.ts >= t.t
                   ) ORDER BY ts, txid"""
            ).fetchall()
        else:
            events = con.execute(
                f"""SELECT txid, ts, src, dst, amt FROM (
                     SELECT x.txid, x.ts, x.src, x.dst, x.amt FROM tx x JOIN touched t ON x.src = t.acct
                     UNION
                     SELECT x.txid, x.ts, x.src, x.dst, x.amt FROM tx x JOIN touched t ON x.dst = t.acct
                   ) WHERE ts <= {when} ORDER BY ts, txid"""
            ).fetchall()
    finally:
        con.close()
    members = set(touched)
    results = {}
    for method in methods:
        results[method] = _replay(
            method,
            direction,
            origin,
            currency,
            members,
            touched,
            events,
            start_tx,
            since,
            when,
            truncated,
        )
    return results


def _replay(
    method: str,
    direction: str,
    origin: str,
    currency: str,
    members: set[str],
    touched: dict[str, int],
    events: list[tuple[object, ...]],
    start_tx: tuple[str, str, int, float] | None,
    since: int | None,
    when: int,
    truncated: bool,
) -> TraceResult:
    forward = direction == "forward"
    state: dict[str, _Account] = defaultdict(lambda: _Account(method))
    result = TraceResult(
        method, direction, start_tx[0] if start_tx else origin, currency, truncated=truncated
    )
    summary: dict[str, dict[str, float]] = defaultdict(
        lambda: {"received": 0.0, "sent": 0.0, "held": 0.0}
    )
    step = 0
    for txid_, ts_, src_, dst_, amt_ in events:
        txid, ts, src, dst, amount = str(txid_), int(ts_), str(src_), str(dst_), float(amt_)  # type: ignore[call-overload,arg-type]
        parts: dict[str, float] = {}
        if src in members and (not forward or ts >= touched[src]):
            parts = state[src].withdraw(amount, None if forward else src)
            traced = sum(parts.values()) if forward else 0.0
            if forward and traced > EPS:
                summary[src]["sent"] += traced
            step += 1
            result.ledger.append(
                LedgerRow(
                    step,
                    ts,
                    txid,
                    src,
                    dst,
                    "out",
                    amount,
                    round(sum(parts.values()), 2),
                    round(state[src].balance, 2),
                    round(state[src].held_total(), 2),
                )
            )
        if dst in members and (not forward or ts >= touched[dst]):
            if forward:
                if (start_tx is not None and txid == start_tx[0]) or (
                    start_tx is None and dst == origin and ts >= when
                ):
                    parts = {TAINT: amount}
                elif src not in members:
                    parts = {}
            elif src not in members:
                parts = {src: amount}
            state[dst].deposit(amount, parts)
            if forward and parts:
                summary[dst]["received"] += sum(parts.values())
            step += 1
            result.ledger.append(
                LedgerRow(
                    step,
                    ts,
                    txid,
                    dst,
                    src,
                    "in",
                    amount,
                    round(sum(parts.values()), 2),
                    round(state[dst].balance, 2),
                    round(state[dst].held_total(), 2),
                )
            )
        elif forward and parts:
            result.left[dst] = result.left.get(dst, 0.0) + sum(parts.values())
    if forward:
        total_in = 0.0
        for account, figures in summary.items():
            figures["held"] = (
                round(sum(state[account].held().values()), 2) if account in state else 0.0
            )
            total_in += figures["received"] if account == origin else 0.0
        result.accounts = {
            k: {n: round(v, 2) for n, v in f.items()} for k, f in sorted(summary.items())
        }
        result.sources = {TAINT: round(total_in, 2)}
        result.left = {k: round(v, 2) for k, v in sorted(result.left.items())}
    else:
        held = state[origin].held() if origin in state else {}
        result.sources = {
            k: round(v, 2) for k, v in sorted(held.items(), key=lambda kv: -kv[1]) if v > EPS
        }
        result.accounts = {
            origin: {
                "received": 0.0,
                "sent": 0.0,
                "held": round(state[origin].balance, 2) if origin in state else 0.0,
            }
        }
    return result
