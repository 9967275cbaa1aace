"""The link chart of a case: accounts as nodes, the transfers between two accounts as one link.

Every function reads the case through authorisation and writes an audit row (the transactions
are sensitive): expanding an account, showing an alert's transactions, the shortest chain between
two accounts, exporting. A time window (two dates in the node's time zone, both included)
narrows every read but an alert's, which is shown whole. Exports: i2 Analyst's Notebook import
CSV (one row per transaction, both ends with identity, type and label) and FollowTheMoney
entities, one JSON object per line.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from mekongx.audit import record_read
from mekongx.authz import Permission, Principal, access, read_audited, require, visibility_clause
from mekongx.authz.sharing import require_exportable
from mekongx.domains.finance.models import FinAlert, FinCase, FinTransaction
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.moneyflow.links import shortest_path
from mekongx.moneyflow.model import CASH_PREFIX
from mekongx.tabular import safe_row

KIND = "fin_case"
MAX_LINKS = 300  # links one expansion draws (the largest totals first)
MAX_EXPORT = 100_000  # transactions one export writes
MAX_PATH_PAIRS = 2_000_000

NO_ACCOUNT = N_("The account %(account)s is not in this case.")
BAD_WINDOW = N_("The end of the time window (%(end)s) is before its start (%(start)s).")
NO_PATH = N_("No chain of transfers leads from %(source)s to %(target)s in this time window.")
NO_PATH_EITHER_WAY = N_(
    "No chain of transfers connects %(source)s and %(target)s in this time window, in either direction."
)
TOO_MANY_PAIRS = N_(
    "This time window holds more than %(count)s pairs of accounts that paid each other; narrow it to search for a chain."
)
TOO_MANY = N_(
    "%(count)s transactions are too many to export at once (at most %(limit)s); narrow the time window."
)


@dataclass(frozen=True)
class Window:
    """Two dates in the node's time zone, both included; ``None`` leaves that side open."""

    start: dt.date | None = None
    end: dt.date | None = None
    zone: str = "UTC"

    def bounds(self) -> tuple[int | None, int | None]:
        """Seconds since the epoch: the first second in, the first second out."""
        if self.start and self.end and self.end < self.start:
            raise ValidationFailed(
                [FieldProblem("end", BAD_WINDOW, {"start": self.start.isoformat(), "end": self.end.isoformat()})]
            )  # fmt: skip
        tz = ZoneInfo(self.zone)

        def second(day: dt.date) -> int:
            return int(dt.datetime.combine(day, dt.time(), tz).timestamp())

        return (
            second(self.start) if self.start else None,
            second(self.end + dt.timedelta(days=1)) if self.end else None,
        )

    def details(self) -> dict[str, str]:
        return {k: v.isoformat() for k, v in (("start", self.start), ("end", self.end)) if v}


@dataclass(frozen=True)
class ChartNode:
    id: str
    kind: str  # account | cash | person | entity
    label: str


@dataclass(frozen=True)
class ChartLink:
    """The transfers from one account to another (within the window)."""

    source: str
    target: str
    count: int
    total: float  # in the case's base currency
    first: int
    last: int
    transactions: tuple[str, ...]  # their ids (at most 100)

    @property
    def id(self) -> str:
        return f"{self.source} → {self.target}"


@dataclass(frozen=True)
class Chart:
    currency: str
    nodes: list[ChartNode]
    links: list[ChartLink]
    path: list[str] = field(default_factory=list)
    highlight: list[str] = field(default_factory=list)  # link ids to highlight
    truncated: bool = False


def kind_of(account: str) -> str:
    if account.startswith(CASH_PREFIX):
        return "cash"
    if account.startswith("PERSON:"):
        return "person"
    if account.startswith("ENTITY:"):
        return "entity"
    return "account"


def _label(account: str) -> str:
    return account.split(":", 1)[1] if kind_of(account) != "account" else account


def _in_window(window: Window) -> list[object]:
    lo, hi = window.bounds()
    where: list[object] = []
    if lo is not None:
        where.append(FinTransaction.ts >= lo)
    if hi is not None:
        where.append(FinTransaction.ts < hi)
    return where


def _require_accounts(session: Session, principal: Principal, case_id: int, accounts: dict[str, str]) -> None:  # fmt: skip
    """The case is one the user may see (else "not found") and holds each account (else the
    problem names its field, ``accounts``' first missing key): one statement, before anything
    is written."""
    require(principal, Permission.READ_RECORDS)
    held = [
        select(FinTransaction.id)
        .where(FinTransaction.case_id == FinCase.id, or_(FinTransaction.src == a, FinTransaction.dst == a))
        .limit(1)
        .exists()
        for a in accounts.values()
    ]  # fmt: skip
    found = session.execute(
        select(FinCase.id, *held).where(FinCase.id == case_id, visibility_clause(FinCase, principal.agency))
    ).first()  # fmt: skip
    if found is None:
        raise NotFound(N_("No such record."))
    for (name, account), present in zip(accounts.items(), found[1:], strict=True):
        if not present:
            raise ValidationFailed([FieldProblem(name, NO_ACCOUNT, {"account": account})])


def _links(session: Session, case: FinCase, where: Sequence[object], limit: int) -> tuple[list[ChartLink], bool]:  # fmt: skip
    """The pairs matching ``where``, largest totals first, each with up to 100 transaction ids."""
    total = func.sum(FinTransaction.amount_base)
    pairs = session.execute(
        select(FinTransaction.src, FinTransaction.dst, func.count(), total,
               func.min(FinTransaction.ts), func.max(FinTransaction.ts))
        .where(FinTransaction.case_id == case.id, *where)  # type: ignore[arg-type]
        .group_by(FinTransaction.src, FinTransaction.dst)
        .order_by(total.desc(), FinTransaction.src, FinTransaction.dst)
        .limit(limit + 1)
    ).all()  # fmt: skip
    truncated = len(pairs) > limit
    pairs = pairs[:limit]
    ids: dict[tuple[str, str], list[str]] = {}
    chosen = [and_(FinTransaction.src == s, FinTransaction.dst == d) for s, d, *_ in pairs]
    for start in range(0, len(chosen), 200):
        for src, dst, txid in session.execute(
            select(FinTransaction.src, FinTransaction.dst, FinTransaction.txid)
            .where(FinTransaction.case_id == case.id, or_(*chosen[start : start + 200]), *where)  # type: ignore[arg-type]
            .order_by(FinTransaction.ts, FinTransaction.txid)
        ):  # fmt: skip
            kept = ids.setdefault((src, dst), [])
            if len(kept) < 100:
                kept.append(txid)
    links = [
        ChartLink(s, d, int(n), round(float(t), 2), int(a), int(b), tuple(ids.get((s, d), ())))
        for s, d, n, t, a, b in pairs
    ]
    return links, truncated


def _chart(case: FinCase, links: list[ChartLink], **extra: object) -> Chart:
    accounts = sorted({a for link in links for a in (link.source, link.target)} | set(extra.get("path", [])))  # type: ignore[call-overload]  # fmt: skip
    nodes = [ChartNode(a, kind_of(a), _label(a)) for a in accounts]
    return Chart(case.base_currency, nodes, links, **extra)  # type: ignore[arg-type]


def as_json(chart: Chart, zone: str) -> dict[str, object]:
    """The chart as the API answers it and the chart page's script reads it (times in ``zone``)."""
    tz = ZoneInfo(zone)

    def when(ts: int) -> str:
        return dt.datetime.fromtimestamp(ts, tz).isoformat()

    return {
        "currency": chart.currency,
        "nodes": [{"id": n.id, "kind": n.kind, "label": n.label} for n in chart.nodes],
        "links": [
            {"id": k.id, "source": k.source, "target": k.target, "count": k.count, "total": k.total,
             "first": when(k.first), "last": when(k.last), "transactions": list(k.transactions)}
            for k in chart.links
        ],
        "path": chart.path,
        "highlight": chart.highlight,
        "truncated": chart.truncated,
    }  # fmt: skip


def neighbours(
    session: Session, principal: Principal, case_id: int, account: str, window: Window
) -> Chart:
    """The account and every account it paid or was paid by, within the window."""
    where = _in_window(window)
    _require_accounts(session, principal, case_id, {"account": account})
    case = read_audited(session, principal, FinCase, case_id, "finance.chart.read", KIND,
                        details={"view": "neighbours", "account": account, **window.details()})  # fmt: skip
    links, truncated = _links(
        session,
        case,
        [or_(FinTransaction.src == account, FinTransaction.dst == account), *where],
        MAX_LINKS,
    )
    return _chart(case, links, truncated=truncated, path=[account])


def alert_chart(session: Session, principal: Principal, case_id: int, alert_id: int) -> Chart:
    """An alert's transactions, whole (whatever the window), to highlight on the chart. The
    alert is read with its case's visibility inside the query, then the case with its audit
    row (``authz.read_audited``)."""
    require(principal, Permission.READ_RECORDS)
    alert = session.scalar(
        select(FinAlert).join(FinCase, FinCase.id == FinAlert.case_id)
        .where(FinAlert.id == alert_id, FinCase.id == case_id, visibility_clause(FinCase, principal.agency))
    )  # fmt: skip
    if alert is None:
        raise NotFound(N_("No such record."))
    case = read_audited(session, principal, FinCase, case_id, "finance.chart.read", KIND,
                        details={"view": "alert", "alert": alert.alert_key})  # fmt: skip
    txids = alert.transaction_ids.split()
    links: list[ChartLink] = []
    for start in range(0, len(txids), 500):
        found, _cut = _links(session, case, [FinTransaction.txid.in_(txids[start : start + 500])], 10_000)  # fmt: skip
        links += found
    merged: dict[str, ChartLink] = {}
    for link in links:  # an alert of more than 500 transactions is read in parts
        if (old := merged.get(link.id)) is not None:
            link = ChartLink(link.source, link.target, old.count + link.count, round(old.total + link.total, 2),
                             min(old.first, link.first), max(old.last, link.last),
                             (old.transactions + link.transactions)[:100])  # fmt: skip
        merged[link.id] = link
    kept = sorted(merged.values(), key=lambda k: (-k.total, k.id))
    return _chart(case, kept, highlight=[k.id for k in kept])


def path_chart(
    session: Session, principal: Principal, case_id: int, source: str, target: str,
    window: Window, *, directed: bool = True,
) -> Chart:  # fmt: skip
    """The fewest transfers from ``source`` to ``target`` (or between them, ignoring direction)."""
    where = _in_window(window)
    _require_accounts(session, principal, case_id, {"source": source, "target": target})
    pairs = session.connection().execute(  # Core rows: the ORM's row handling doubled the time
        select(FinTransaction.src, FinTransaction.dst)
        .where(FinTransaction.case_id == case_id, *where)  # type: ignore[arg-type]
        .group_by(FinTransaction.src, FinTransaction.dst)
        .limit(MAX_PATH_PAIRS + 1)
    ).fetchall()  # fmt: skip
    if len(pairs) > MAX_PATH_PAIRS:  # a chain searched in part could be wrong: refuse instead
        raise Conflict(TOO_MANY_PAIRS, count=MAX_PATH_PAIRS)
    path = shortest_path(((s, d) for s, d in pairs), source, target, directed=directed)
    case = read_audited(session, principal, FinCase, case_id, "finance.chart.read", KIND,
                        details={"view": "path", "source": source, "target": target, "directed": directed,
                                 "found": path is not None, **window.details()})  # fmt: skip
    if path is None:
        message = NO_PATH if directed else NO_PATH_EITHER_WAY
        raise ValidationFailed([FieldProblem("target", message, {"source": source, "target": target})])  # fmt: skip
    steps = list(itertools.pairwise(path))
    wanted = [
        or_(and_(FinTransaction.src == a, FinTransaction.dst == b),
            and_(FinTransaction.src == b, FinTransaction.dst == a))
        for a, b in steps
    ]  # fmt: skip
    links: list[ChartLink] = []
    if wanted:
        found, _cut = _links(session, case, [or_(*wanted), *where], 10_000)
        on_path = {(a, b) for a, b in steps} | (set() if directed else {(b, a) for a, b in steps})
        links = [k for k in found if (k.source, k.target) in on_path]
    return _chart(case, links, path=path, highlight=[k.id for k in links])


def accounts(session: Session, principal: Principal, case_id: int, limit: int = 1000) -> list[str]:
    """The case's accounts, busiest first (to choose from; no transaction is shown)."""
    case = access(session, principal, FinCase, case_id)
    side = select(FinTransaction.src.label("a")).where(FinTransaction.case_id == case.id).union_all(
        select(FinTransaction.dst.label("a")).where(FinTransaction.case_id == case.id)
    ).subquery()  # fmt: skip
    rows = session.execute(
        select(side.c.a).group_by(side.c.a).order_by(func.count().desc(), side.c.a).limit(limit)
    ).all()
    return [str(r[0]) for r in rows]


# --- exports ---------------------------------------------------------------------------------

I2_COLUMNS = (
    "Source ID", "Source Type", "Source Label", "Target ID", "Target Type", "Target Label",
    "Link Type", "Link Label", "Date", "Time", "Amount", "Currency", "Amount Base",
    "Base Currency", "Transaction ID", "Channel", "Source Country", "Target Country",
)  # fmt: skip
I2_TYPES = {"account": "Bank Account", "cash": "Cash", "person": "Person", "entity": "Organisation"}


def _export_rows(
    session: Session, principal: Principal, case_id: int, window: Window, chosen: Sequence[str], kind: str,
) -> tuple[FinCase, list[Any]]:  # fmt: skip
    require(principal, Permission.EXPORT)  # a viewer reads the chart but takes no bank data away
    case = access(session, principal, FinCase, case_id)
    require_exportable(case)
    where: list[object] = [FinTransaction.case_id == case.id, *_in_window(window)]
    if chosen:  # the accounts on the chart: the transactions between two of them
        where += [FinTransaction.src.in_(chosen), FinTransaction.dst.in_(chosen)]
    count = session.scalar(select(func.count()).select_from(FinTransaction).where(*where)) or 0  # type: ignore[arg-type]
    if count > MAX_EXPORT:
        raise Conflict(TOO_MANY, count=count, limit=MAX_EXPORT)
    t = FinTransaction
    rows = list(session.connection().execute(  # Core rows, not ORM objects: an export may hold 100,000
        select(t.txid, t.ts, t.src, t.dst, t.amount, t.currency, t.amount_base, t.channel, t.src_country, t.dst_country)
        .where(*where).order_by(t.ts, t.txid)  # type: ignore[arg-type]
    ).all())  # fmt: skip
    record_read(session, principal.actor, "finance.chart.export", KIND, case.uid,
                details={"format": kind, "transactions": len(rows), "accounts": len(chosen), **window.details()})  # fmt: skip
    return case, rows


def _when(ts: int, zone: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(ts, ZoneInfo(zone))


def i2_csv(
    session: Session, principal: Principal, case_id: int, window: Window, chosen: Sequence[str] = ()
) -> str:
    """One row per transaction for i2 Analyst's Notebook's import: both ends (identity, type,
    label), the link, its date and time (node time zone), amounts. Cells are formula-safe."""
    case, rows = _export_rows(session, principal, case_id, window, chosen, "i2")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(I2_COLUMNS)
    for t in rows:
        when = _when(t.ts, window.zone)
        writer.writerow(safe_row([
            t.src, I2_TYPES[kind_of(t.src)], _label(t.src), t.dst, I2_TYPES[kind_of(t.dst)], _label(t.dst),
            "Transaction", f"{t.amount:.2f} {t.currency}", when.date().isoformat(), when.strftime("%H:%M:%S"),
            f"{t.amount:.2f}", t.currency, f"{t.amount_base:.2f}", case.base_currency, t.txid, t.channel,
            t.src_country, t.dst_country,
        ]))  # fmt: skip
    return out.getvalue()


def _ftm_id(case: FinCase, *parts: str) -> str:
    return "mekongx-" + hashlib.sha1("\x1f".join((case.uid, *parts)).encode(), usedforsecurity=False).hexdigest()  # fmt: skip


def _party(case: FinCase, account: str, country: str) -> list[dict[str, object]]:
    """The entities one end of a transaction stands for: a holder (Person or LegalEntity) and,
    for a bank account, the BankAccount. The case's data names no holder of a bank account, so
    the holder is a LegalEntity named after its account, to be merged once it is known."""
    kind = kind_of(account)
    props: dict[str, list[str]] = {"name": [_label(account)]}
    if country:
        props["country"] = [country.lower()]
    if kind == "person":
        props["idNumber"] = [_label(account)]
        return [{"id": _ftm_id(case, "party", account), "schema": "Person", "properties": props}]
    if kind == "cash":
        props["name"] = [f"Cash over the counter, {_label(account)}"]
        props["description"] = [
            "Cash paid in or out at a branch; who carried it is not in the data."
        ]
        return [
            {"id": _ftm_id(case, "party", account), "schema": "LegalEntity", "properties": props}
        ]
    if kind == "entity":
        return [
            {"id": _ftm_id(case, "party", account), "schema": "LegalEntity", "properties": props}
        ]
    props["description"] = [f"Holder of bank account {account} (not named in the case's data)."]
    bank: dict[str, list[str]] = {"accountNumber": [account]}
    if country:
        bank["country"] = [country.lower()]
    return [
        {"id": _ftm_id(case, "party", account), "schema": "LegalEntity", "properties": props},
        {"id": _ftm_id(case, "account", account), "schema": "BankAccount", "properties": bank},
    ]


def ftm_lines(
    session: Session, principal: Principal, case_id: int, window: Window, chosen: Sequence[str] = ()
) -> Iterable[str]:
    """FollowTheMoney entities, one JSON object per line: each party once, then a Payment per
    transaction (payer, beneficiary, their bank accounts, amount, currency, date)."""
    case, rows = _export_rows(session, principal, case_id, window, chosen, "ftm")
    seen: set[str] = set()
    lines: list[str] = []
    for t in rows:
        payment: dict[str, list[str]] = {
            "transactionNumber": [t.txid], "amount": [f"{t.amount:.2f}"], "currency": [t.currency],
            "date": [_when(t.ts, "UTC").strftime("%Y-%m-%dT%H:%M:%S")], "purpose": [t.channel],
        }  # fmt: skip
        for account, country, role in (
            (t.src, t.src_country, "payer"),
            (t.dst, t.dst_country, "beneficiary"),
        ):
            for entity in _party(case, account, country):
                key = str(entity["id"])
                if key not in seen:
                    seen.add(key)
                    lines.append(json.dumps(entity, ensure_ascii=False, sort_keys=True))
                target = "Account" if entity["schema"] == "BankAccount" else ""
                payment[f"{role}{target}"] = [key]
        lines.append(json.dumps({"id": _ftm_id(case, "payment", t.txid), "schema": "Payment",
                                 "properties": payment}, ensure_ascii=False, sort_keys=True))  # fmt: skip
    return lines
