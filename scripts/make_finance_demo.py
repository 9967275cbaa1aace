#!/usr/bin/env python3
"""Write the demo's goAML file: a Thai bank's report with ordinary customers and one planted
laundering chain (structured cash deposits, mules, a collector, a transfer abroad).

    python3 scripts/make_finance_demo.py > src/mekongx/domains/finance/data/demo_goaml.xml

Deterministic (fixed seed). All names and account numbers are invented.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from xml.sax.saxutils import escape

START = dt.datetime(2024, 6, 3, 9, 0)


def account(number: str, name: str) -> str:
    return f"<account><institution_name>Mekong Commercial Bank</institution_name><swift>MKCBTHBK</swift><account>{number}</account><account_name>{escape(name)}</account_name></account>"


def tx(
    number: str, when: dt.datetime, amount: float, frm: str, to: str, location: str = "Chiang Rai"
) -> str:
    return (
        f"  <transaction>\n    <transactionnumber>{number}</transactionnumber>\n"
        f"    <transaction_location>{location}</transaction_location>\n"
        f"    <date_transaction>{when.replace(microsecond=0).isoformat()}</date_transaction>\n"
        f"    <amount_local>{amount:.2f}</amount_local>\n{frm}\n{to}\n  </transaction>"
    )


def side(
    kind: str, number: str | None, name: str = "", country: str = "TH", cash: bool = False
) -> str:
    tag = "t_from" if kind == "from" else "t_to"
    code = "K" if cash else "A"
    inner = f"<{kind}_funds_code>{code}</{kind}_funds_code>"
    if number:
        inner += f"<{kind}_account>{account(number, name)}</{kind}_account>".replace(
            "<account><institution", "<institution"
        ).replace(
            f"</account_name></account></{kind}_account>", f"</account_name></{kind}_account>"
        )
    inner += f"<{kind}_country>{country}</{kind}_country>"
    return f"    <{tag}>{inner}</{tag}>"


def main() -> None:
    rng = random.Random(2567)
    rows: list[str] = []
    n = 0

    def add(
        when: dt.datetime, amount: float, frm: str, to: str, location: str = "Chiang Rai"
    ) -> None:
        nonlocal n
        n += 1
        rows.append(tx(f"MKCB-24-{n:05d}", when, amount, frm, to, location))

    customers = [(f"021-3-{40000 + i:05d}-{i % 10}", f"Customer {i:02d}") for i in range(40)]
    shops = [(f"021-9-{70000 + i:05d}-{i % 10}", f"Shop {i:02d}") for i in range(6)]
    for day in range(21):
        for number, name in rng.sample(customers, 12):
            shop = (
                shops[int(number[6:11]) % len(shops)] if rng.random() < 0.85 else rng.choice(shops)
            )
            when = START + dt.timedelta(days=day, hours=rng.uniform(0, 9))
            add(
                when,
                round(rng.lognormvariate(6.5, 0.9), 2),
                side("from", number, name),
                side("to", shop[0], shop[1]),
            )
        for number, name in rng.sample(customers, 3):
            when = START + dt.timedelta(days=day, hours=rng.uniform(0, 9))
            add(
                when,
                round(rng.uniform(5, 40)) * 100,
                side("from", number, name),
                side("to", None, cash=True),
            )
    # the planted chain
    hub, hub_name = "014-2-55810-3", "Golden Reed Trading Co., Ltd."
    mules = [(f"087-1-{61000 + i:05d}-{i}", f"Account holder {chr(65 + i)}") for i in range(6)]
    collector, collector_name = "099-7-33120-8", "Northern Star Holdings Co., Ltd."
    when = START + dt.timedelta(days=2, hours=1)
    for i in range(6):  # cash deposits kept under THB 2,000,000 on consecutive days
        add(
            when + dt.timedelta(days=i, hours=rng.uniform(0, 5)),
            round(rng.uniform(1_880_000, 1_985_000), -3),
            side("from", None, cash=True),
            side("to", hub, hub_name),
            "Mae Sai",
        )
    when = START + dt.timedelta(days=9, hours=2)
    for number, name in mules:  # fan-out to accounts it never paid before
        sent = round(rng.uniform(1_790_000, 1_830_000), -3)
        add(
            when + dt.timedelta(hours=rng.uniform(0, 6)),
            sent,
            side("from", hub, hub_name),
            side("to", number, name),
        )
        add(
            when + dt.timedelta(hours=rng.uniform(8, 20)),
            round(sent * rng.uniform(0.95, 0.98), -2),
            side("from", number, name),
            side("to", collector, collector_name),
        )
    when = START + dt.timedelta(days=11, hours=3)
    add(
        when,
        6_200_000,
        side("from", collector, collector_name),
        side("to", "LA-BCEL-0100-5566", "Mekong Border Logistics", "LA"),
    )
    add(
        when + dt.timedelta(days=1),
        3_900_000,
        side("from", collector, collector_name),
        side("to", "021-9-88001-1", "Riverside Land Co."),
    )
    header = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<report>\n  <rentity_id>1042</rentity_id>\n'
        "  <rentity_branch>Chiang Rai</rentity_branch>\n  <submission_code>E</submission_code>\n"
        "  <report_code>STR</report_code>\n  <entity_reference>MKCB-STR-2024-0617</entity_reference>\n"
        "  <submission_date>2024-06-28T10:00:00</submission_date>\n  <currency_code_local>THB</currency_code_local>\n"
        "  <reason>Cash deposits just under the reporting threshold followed by transfers to new accounts.</reason>\n"
    )
    sys.stdout.write(header + "\n".join(rows) + "\n</report>\n")


if __name__ == "__main__":
    main()
