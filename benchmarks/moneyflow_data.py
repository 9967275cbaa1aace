"""A seeded generator of bank transactions with planted laundering attempts, for the money-flow
benchmark and its tests. It shares no code with the engine it is used to measure.

Ordinary life, over ``days`` days among ``accounts`` accounts (persons, shops, employers):
  * every person has an employer (a monthly salary of its own size), a few regular shops picked
    by popularity (Zipf), a few family or friends, and sometimes a new shop or person;
  * shops deposit their takings in cash and pay regular suppliers; persons withdraw cash;
  * migrants in Thailand send remittances home and some carry cash across the border;
  * amounts are log-normal; activity is heavy-tailed (p ∝ rank^-0.8).
Planted attempts, in the shapes of IBM AMLSim's eight typologies (fan_out, fan_in, cycle,
bipartite, stack, scatter_gather, gather_scatter, random) plus structuring (Thai THB 2 M and
Chinese CNY 50,000 cash thresholds), rapid pass-through and cross-border cash couriers. Mules
are new accounts or, half of the time, aged ordinary accounts reused as mules; with
``camouflage`` k every mule also makes k to 3k ordinary transactions with its own regular shops
and contacts over the whole period, which is what defeats rules keyed on low degree.

Labels (typology and attempt id per planted transaction) are written to a separate file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np

DAY = 86400
START = int(dt.datetime(2024, 7, 1, tzinfo=dt.UTC).timestamp())
PLANTED = (
    "fan_out",
    "fan_in",
    "cycle",
    "bipartite",
    "stack",
    "scatter_gather",
    "gather_scatter",
    "random",
    "structuring",
    "rapid_pass_through",
    "cash_courier",
)
ABROAD = ("MM", "LA", "KH", "CN", "VN")


@dataclass
class Rows:
    src: list[str] = field(default_factory=list)
    dst: list[str] = field(default_factory=list)
    ts: list[int] = field(default_factory=list)
    amount: list[float] = field(default_factory=list)
    currency: list[str] = field(default_factory=list)
    channel: list[str] = field(default_factory=list)
    src_country: list[str] = field(default_factory=list)
    dst_country: list[str] = field(default_factory=list)
    typology: list[str] = field(default_factory=list)
    pid: list[int] = field(default_factory=list)

    def add(
        self,
        src: str,
        dst: str,
        ts: float,
        amount: float,
        *,
        channel: str = "transfer",
        currency: str = "THB",
        countries: tuple[str, str] = ("TH", "TH"),
        typology: str = "",
        pid: int = -1,
    ) -> None:
        self.src.append(src)
        self.dst.append(dst)
        self.ts.append(int(ts))
        self.amount.append(round(float(amount), 2))
        self.currency.append(currency)
        self.channel.append(channel)
        self.src_country.append(countries[0])
        self.dst_country.append(countries[1])
        self.typology.append(typology)
        self.pid.append(pid)


class World:
    def __init__(self, accounts: int, days: int, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.n = accounts
        self.days = days
        self.n_shops = max(20, accounts // 25)
        self.n_employers = max(5, accounts // 200)
        self.n_persons = accounts - self.n_shops - self.n_employers
        rng = self.rng
        weights = np.arange(1, self.n_shops + 1, dtype=float) ** -0.8
        self.shop_p = weights / weights.sum()
        self.regular_shops = rng.choice(self.n_shops, size=(self.n_persons, 5), p=self.shop_p)
        self.contacts = rng.integers(0, self.n_persons, size=(self.n_persons, 3))
        self.employer = rng.integers(0, self.n_employers, size=self.n_persons)
        self.salary = np.round(rng.lognormal(np.log(18000), 0.45, size=self.n_persons), -1)
        activity = np.arange(1, self.n_persons + 1, dtype=float) ** -0.8
        rng.shuffle(activity)
        self.activity = activity / activity.sum()
        self.country = np.where(rng.random(self.n_persons) < 0.08, "migrant", "TH")
        self.home = rng.choice(ABROAD, size=self.n_persons)
        self.fresh = 0

    def person(self, i: int | np.ndarray) -> str | np.ndarray:
        return (
            np.char.add("P", np.char.zfill(np.asarray(i).astype(str), 8))
            if isinstance(i, np.ndarray)
            else f"P{i:08d}"
        )

    def new_account(self) -> str:
        self.fresh += 1
        return f"N{self.fresh:08d}"


def background(world: World, size: int) -> dict[str, np.ndarray]:
    """Ordinary activity as numpy columns (vectorised: 10 M rows take seconds)."""
    rng = world.rng
    span = world.days * DAY
    parts: list[dict[str, np.ndarray]] = []

    def times(k: int) -> np.ndarray:
        day = rng.integers(0, world.days, size=k)
        hour = np.clip(rng.normal(14, 4, size=k), 6, 23.9)
        return START + day * DAY + (hour * 3600).astype(np.int64)

    def block(
        src: np.ndarray,
        dst: np.ndarray,
        ts: np.ndarray,
        amt: np.ndarray,
        channel: str,
        sc: np.ndarray | str = "TH",
        dc: np.ndarray | str = "TH",
    ) -> None:
        k = len(src)
        parts.append(
            {
                "src": src.astype(str),
                "dst": dst.astype(str),
                "ts": ts.astype(np.int64),
                "amount": np.round(amt, 2),
                "channel": np.full(k, channel),
                "src_country": np.broadcast_to(np.asarray(sc), (k,)).astype(str),
                "dst_country": np.broadcast_to(np.asarray(dc), (k,)).astype(str),
            }
        )

    persons = world.n_persons
    # purchases: 62 %
    k = int(size * 0.62)
    who = rng.choice(persons, size=k, p=world.activity)
    regular = rng.random(k) < 0.9
    shop = np.where(
        regular,
        world.regular_shops[who, rng.integers(0, 5, size=k)],
        rng.choice(world.n_shops, size=k, p=world.shop_p),
    )
    block(
        world.person(who),
        np.char.add("S", shop.astype(str)),
        times(k),
        rng.lognormal(np.log(450), 1.0, size=k),
        "card",
    )
    # person-to-person: 14 %
    k = int(size * 0.14)
    who = rng.choice(persons, size=k, p=world.activity)
    regular = rng.random(k) < 0.85
    other = np.where(
        regular, world.contacts[who, rng.integers(0, 3, size=k)], rng.integers(0, persons, size=k)
    )
    other = np.where(other == who, (other + 1) % persons, other)
    block(
        world.person(who),
        world.person(other),
        times(k),
        np.round(rng.lognormal(np.log(1500), 1.1, size=k), -1),
        "transfer",
    )
    # salaries: monthly, every person that the size allows
    months = max(1, world.days // 30)
    paid = min(persons, int(size * 0.05) // months)
    for month in range(months):
        who = np.arange(paid)
        day = START + (month * 30 + 25) * DAY + rng.integers(0, 3600 * 8, size=paid)
        block(
            np.char.add("E", world.employer[who].astype(str)),
            world.person(who),
            day,
            world.salary[who] * rng.uniform(0.98, 1.02, size=paid),
            "transfer",
        )
    # cash: withdrawals by persons 8 %, shop deposits 3 %
    k = int(size * 0.08)
    who = rng.choice(persons, size=k, p=world.activity)
    branch = np.char.add("CASH:BR", (who % 97).astype(str))
    block(
        world.person(who),
        branch,
        times(k),
        np.round(rng.lognormal(np.log(2500), 0.9, size=k), -2) + 100,
        "cash_withdrawal",
    )
    k = int(size * 0.03)
    shop = rng.choice(world.n_shops, size=k, p=world.shop_p)
    block(
        np.char.add("CASH:BR", (shop % 97).astype(str)),
        np.char.add("S", shop.astype(str)),
        times(k),
        rng.lognormal(np.log(60000), 1.2, size=k),
        "cash_deposit",
    )
    # shops pay suppliers (other shops, regular): 4 %
    k = int(size * 0.04)
    shop = rng.choice(world.n_shops, size=k, p=world.shop_p)
    supplier = (shop * 7 + rng.integers(1, 4, size=k)) % world.n_shops
    block(
        np.char.add("S", shop.astype(str)),
        np.char.add("S", supplier.astype(str)),
        times(k),
        rng.lognormal(np.log(40000), 1.0, size=k),
        "transfer",
    )
    # migrants: remittances home (repeat recipients) 2 %, cash carried home 0.3 % + deposit abroad
    migrants = np.flatnonzero(world.country == "migrant")
    if len(migrants):
        k = int(size * 0.02)
        who = rng.choice(migrants, size=k)
        block(
            world.person(who),
            np.char.add("F", who.astype(str)),
            times(k),
            np.round(rng.lognormal(np.log(5000), 0.7, size=k), -2),
            "remittance",
            "TH",
            world.home[who],
        )
        k = int(size * 0.003)
        who = rng.choice(migrants, size=k)
        ts = times(k)
        amt = np.round(rng.lognormal(np.log(20000), 0.8, size=k), -3) + 1000
        block(
            world.person(who),
            np.char.add("CASH:BR", (who % 97).astype(str)),
            ts,
            amt,
            "cash_withdrawal",
            "TH",
            "TH",
        )
        block(
            np.char.add("CASH:X", (who % 31).astype(str)),
            np.char.add("F", who.astype(str)),
            ts + rng.integers(3600 * 20, 3600 * 60, size=k),
            amt * rng.uniform(0.9, 1.0, size=k),
            "cash_deposit",
            world.home[who],
            world.home[who],
        )
    out = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    out["ts"] = np.minimum(out["ts"], START + span - 1)
    return out


def _mules(world: World, count: int) -> list[str]:
    rng = world.rng
    return [
        world.new_account()
        if rng.random() < 0.5
        else str(world.person(int(rng.integers(0, world.n_persons))))
        for _ in range(count)
    ]


def _camouflage(world: World, rows: Rows, mules: list[str], k: int) -> None:
    """Each mule makes k–3k ordinary transactions with regular shops and contacts."""
    if k <= 0:
        return
    rng = world.rng
    for mule in mules:
        n = int(rng.integers(k, 3 * k + 1))
        shops = rng.choice(world.n_shops, size=3, p=world.shop_p)
        friends = rng.integers(0, world.n_persons, size=2)
        for _ in range(n):
            ts = START + rng.integers(0, world.days * DAY)
            roll = rng.random()
            if roll < 0.6:
                rows.add(
                    mule,
                    f"S{int(rng.choice(shops))}",
                    ts,
                    rng.lognormal(np.log(450), 1.0),
                    channel="card",
                )
            elif roll < 0.8:
                rows.add(
                    mule,
                    str(world.person(int(rng.choice(friends)))),
                    ts,
                    round(rng.lognormal(np.log(1500), 1.0), -1),
                )
            elif roll < 0.9:
                rows.add(
                    str(world.person(int(rng.choice(friends)))),
                    mule,
                    ts,
                    round(rng.lognormal(np.log(1500), 1.0), -1),
                )
            else:
                rows.add(
                    mule,
                    f"CASH:BR{int(rng.integers(0, 97))}",
                    ts,
                    round(rng.lognormal(np.log(2500), 0.9), -2) + 100,
                    channel="cash_withdrawal",
                )


def plant(world: World, rows: Rows, typology: str, pid: int, camouflage: int) -> None:
    rng = world.rng
    t0 = START + int(rng.integers(2 * DAY, (world.days - 12) * DAY))
    big = float(rng.lognormal(np.log(600000), 0.5))

    def add(src: str, dst: str, ts: float, amount: float, **kw: object) -> None:
        rows.add(src, dst, ts, amount, typology=typology, pid=pid, **kw)  # type: ignore[arg-type]

    def later(ts: float, low_h: float, high_h: float) -> float:
        return ts + float(rng.uniform(low_h, high_h)) * 3600

    mules: list[str] = []
    if typology in {"fan_out", "fan_in"}:
        centre = _mules(world, 1)[0]
        mules = _mules(world, int(rng.integers(5, 13)))
        share = big / len(mules)
        for m in mules:
            amount = share * rng.uniform(0.95, 1.05)
            ts = later(t0, 0, 40)
            add(centre, m, ts, amount) if typology == "fan_out" else add(m, centre, ts, amount)
        mules.append(centre)
    elif typology in {"cycle", "random"}:
        mules = _mules(
            world, int(rng.integers(3, 7)) if typology == "cycle" else int(rng.integers(5, 8))
        )
        ts, amount = float(t0), big
        hops = [*mules, mules[0]] if typology == "cycle" else mules
        for a, b in itertools.pairwise(hops):
            add(a, b, ts, amount)
            ts, amount = later(ts, 2, 30), amount * rng.uniform(0.95, 0.99)
    elif typology == "bipartite":
        left, right = _mules(world, int(rng.integers(2, 5))), _mules(world, int(rng.integers(2, 5)))
        share = big / (len(left) * len(right))
        for a in left:
            for b in right:
                add(a, b, later(t0, 0, 40), share * rng.uniform(0.95, 1.05))
        mules = left + right
    elif typology == "stack":
        layers = [_mules(world, int(rng.integers(2, 4))) for _ in range(3)]
        for a in layers[0]:
            for b in layers[1]:
                add(a, b, later(t0, 0, 20), big / 9 * rng.uniform(0.95, 1.05))
        for b in layers[1]:
            received = big / 9 * len(layers[0])
            kept = rng.uniform(0.9, 0.97)
            for c in layers[2]:
                add(
                    b,
                    c,
                    later(t0, 24, 44),
                    received * kept / len(layers[2]) * rng.uniform(0.98, 1.02),
                )
        mules = [m for layer in layers for m in layer]
    elif typology == "scatter_gather":
        source, sink = _mules(world, 2)
        middle = _mules(world, int(rng.integers(3, 7)))
        for m in middle:
            amount = big / len(middle) * rng.uniform(0.95, 1.05)
            ts = later(t0, 0, 24)
            add(source, m, ts, amount)
            add(m, sink, later(ts, 1, 30), amount * rng.uniform(0.9, 0.99))
        mules = [source, sink, *middle]
    elif typology == "gather_scatter":
        hub = _mules(world, 1)[0]
        ins, outs = _mules(world, int(rng.integers(3, 7))), _mules(world, int(rng.integers(3, 7)))
        for m in ins:
            add(m, hub, later(t0, 0, 20), big / len(ins) * rng.uniform(0.95, 1.05))
        kept = rng.uniform(0.9, 0.98)
        for m in outs:
            add(hub, m, later(t0, 22, 44), big * kept / len(outs) * rng.uniform(0.97, 1.03))
        mules = [hub, *ins, *outs]
    elif typology == "structuring":
        customer = _mules(world, 1)[0]
        chinese = rng.random() < 0.5
        threshold, currency = (50000.0, "CNY") if chinese else (2000000.0, "THB")
        ts = float(t0)
        for _ in range(int(rng.integers(4, 11))):
            add(
                f"CASH:BR{int(rng.integers(0, 97))}",
                customer,
                ts,
                threshold * rng.uniform(0.85, 0.995),
                channel="cash_deposit",
                currency=currency,
                countries=("CN", "CN") if chinese else ("TH", "TH"),
            )
            ts = later(ts, 10, 40)
        mules = [customer]
    elif typology == "rapid_pass_through":
        mule = _mules(world, 1)[0]
        targets = _mules(world, int(rng.integers(1, 3)))
        ts = float(t0)
        for _ in range(int(rng.integers(3, 7))):
            amount = float(rng.lognormal(np.log(150000), 0.6))
            add(str(world.person(int(rng.integers(0, world.n_persons)))), mule, ts, amount)
            add(mule, str(rng.choice(targets)), later(ts, 0.5, 12), amount * rng.uniform(0.9, 0.99))
            ts = later(ts, 20, 70)
        mules = [mule, *targets]
    elif typology == "cash_courier":
        carrier, receiver = _mules(world, 2)
        abroad = str(rng.choice(ABROAD))
        ts = float(t0)
        for _ in range(int(rng.integers(2, 6))):
            amount = 450000 * rng.uniform(0.75, 0.99)
            add(
                carrier,
                f"CASH:BR{int(rng.integers(0, 97))}",
                ts,
                amount,
                channel="cash_withdrawal",
                countries=("TH", "TH"),
            )
            add(
                f"CASH:X{int(rng.integers(0, 31))}",
                receiver,
                later(ts, 12, 60),
                amount * rng.uniform(0.9, 0.99),
                channel="cash_deposit",
                countries=(abroad, abroad),
            )
            ts = later(ts, 72, 200)
        mules = [carrier, receiver]
    _camouflage(world, rows, [m for m in mules if not m.startswith("CASH:")], camouflage)


def generate(
    out_dir: Path,
    size: int,
    *,
    camouflage: int = 0,
    attempts: int = 50,
    seed: int = 7,
    days: int = 60,
) -> tuple[Path, Path, Path]:
    """Write ``transactions.parquet``, ``labels.parquet`` and ``fx.csv``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    world = World(max(1000, size // 10), days, seed)
    base = background(world, size)
    rows = Rows()
    pid = 0
    for typology in PLANTED:
        for _ in range(attempts):
            plant(world, rows, typology, pid, camouflage)
            pid += 1
    extra = {
        "src": np.array(rows.src, dtype=str),
        "dst": np.array(rows.dst, dtype=str),
        "ts": np.array(rows.ts, dtype=np.int64),
        "amount": np.array(rows.amount),
        "channel": np.array(rows.channel, dtype=str),
        "src_country": np.array(rows.src_country, dtype=str),
        "dst_country": np.array(rows.dst_country, dtype=str),
    }
    k = len(base["src"])
    columns = {key: np.concatenate([base[key], extra[key]]) for key in base}
    columns["currency"] = np.concatenate([np.full(k, "THB"), np.array(rows.currency, dtype=str)])
    columns["typology"] = np.concatenate([np.full(k, ""), np.array(rows.typology, dtype=str)])
    columns["pid"] = np.concatenate([np.full(k, -1), np.array(rows.pid)])
    order = world.rng.permutation(len(columns["src"]))
    table = {key: value[order] for key, value in columns.items()}
    table["n"] = np.arange(len(order))
    con = duckdb.connect()
    con.register("g", table)
    tx_path, labels_path = out_dir / "transactions.parquet", out_dir / "labels.parquet"
    con.execute(
        f"""COPY (SELECT 'T' || lpad(CAST(n AS VARCHAR), 9, '0') AS transaction_id,
                  strftime(make_timestamptz(ts * 1000000), '%Y-%m-%dT%H:%M:%S+00:00') AS timestamp,
                  src AS from_account, dst AS to_account, amount, currency, channel,
                  src_country AS from_country,
                  CASE WHEN dst_country = 'migrant' THEN 'TH' ELSE dst_country END AS to_country
           FROM g) TO '{tx_path}' (FORMAT parquet)"""
    )
    con.execute(
        f"""COPY (SELECT 'T' || lpad(CAST(n AS VARCHAR), 9, '0') AS transaction_id, typology, pid
           FROM g WHERE pid >= 0) TO '{labels_path}' (FORMAT parquet)"""
    )
    fx = out_dir / "fx.csv"
    fx.write_text(
        "date,currency,rate\n2024-01-01,CNY,4.95\n2024-01-01,USD,35.8\n", encoding="utf-8"
    )
    return tx_path, labels_path, fx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--camouflage", type=int, default=0)
    parser.add_argument("--attempts", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--csv", action="store_true", help="also write transactions.csv")
    args = parser.parse_args()
    tx, _, _ = generate(
        args.out, args.size, camouflage=args.camouflage, attempts=args.attempts, seed=args.seed
    )
    if args.csv:
        duckdb.execute(f"COPY (SELECT * FROM '{tx}') TO '{args.out / 'transactions.csv'}' (HEADER)")
    print(tx)


if __name__ == "__main__":
    main()
